"""Line rules of the reader: which lines are boilerplate, bylines, titles."""

from __future__ import annotations

import pytest

from claimgraph.read.boilerplate import find_boilerplate, is_boilerplate_line
from claimgraph.read.byline import find_byline, parse_byline
from claimgraph.read.metadata import find_title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Exit mobile version", True),
        ("EXIT MOBILE VERSION", True),
        ("Share this:", True),
        ("Click to share on Twitter (Opens in new window)", True),
        ("Skip to content", True),
        ("Advertisement", True),
        ("Subscribe to our newsletter", True),
        ("Related posts", True),
        ("Read more: Army says 12 militants killed in raid", True),
        ("We use cookies to improve your experience on our site.", True),
        ("© 2024 Example Media. All rights reserved.", True),
        ("Facebook Twitter WhatsApp", True),
        ("Reporting by Jane Doe; Editing by John Roe", True),
        # Real sentences that merely mention such words stay.
        ("The advertisement campaign was paid for by the ministry.", False),
        ("Residents said they would share this information with police.", False),
        ("Twitter users shared videos of the blast.", False),
        ("copyright on the footage belongs to the broadcaster", False),
        ("", False),
    ],
)
def test_boilerplate_lines(line: str, expected: bool) -> None:
    assert is_boilerplate_line(line) is expected


def test_boilerplate_ranges_exclude_surrounding_whitespace() -> None:
    text = "Gunmen attacked a checkpoint.\n   Advertisement  \nTwo soldiers died.\n"
    assert [text[start:end] for start, end in find_boilerplate(text)] == ["Advertisement"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("Jane Doe", None)),
        ("By Jane Doe and John Roe | Reuters", ("Jane Doe and John Roe", "Reuters")),
        ("By Jane Doe, Reuters", ("Jane Doe", "Reuters")),
        ("Written by Tom Smith - AFP", ("Tom Smith", "AFP")),
        ("By Jane Doe, Staff Correspondent", ("Jane Doe", None)),
        ("By Jane Doe | March 3, 2024", ("Jane Doe", None)),
        ("By Ahmed al-Amin, John Roe and Ann Poe", ("Ahmed al-Amin, John Roe and Ann Poe", None)),
        ("BY JANE DOE", ("JANE DOE", None)),
        ("By Monday evening, 12 people were dead.", None),
        ("By the time police arrived, the gunmen had fled.", None),
        ("by the army", None),
        ("by\tO", None),
        ("By AFP", ("AFP", None)),
        ("Bystanders fled the scene.", None),
    ],
)
def test_parse_byline(line: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_byline(line) == expected


def test_byline_is_found_only_near_the_top() -> None:
    body = "".join(f"Paragraph {number} about the attack.\n" for number in range(20))
    assert find_byline(body + "By Jane Doe\n") is None
    text = "Headline\n\nBy Jane Doe\n\n" + body
    byline = find_byline(text)
    assert byline is not None and text[byline.start : byline.end] == "By Jane Doe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blast kills five\n\nA blast killed five people.", "Blast kills five"),
        ("# Blast kills five\n\nA blast killed five people.", "Blast kills five"),
        ("Skip to content\nBlast kills five\n\nBody text.", "Blast kills five"),
        ("Is the ceasefire over?\n\nBody text.", "Is the ceasefire over?"),
        ("A blast killed five people.\n\nMore text.", None),  # a sentence, not a headline
        ("Blast kills five\nA blast killed five people.", None),  # no blank line after it
        ("March 3, 2024\n\nA blast killed five people.", None),  # a date line
        ("word " * 40 + "\n\nBody.", None),  # too long
    ],
)
def test_find_title(text: str, expected: str | None) -> None:
    assert find_title(text, find_boilerplate(text)) == expected
