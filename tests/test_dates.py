"""Dates resolved against the publication date, with ACLED time precision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.resolve import dates
from claimgraph.resolve.dates import find_dates

FRIDAY = "2024-01-05"  # a Friday


@pytest.mark.parametrize(
    ("sentence", "phrase", "date", "precision"),
    [
        ("The attack happened on Tuesday night.", "on Tuesday night", "2024-01-02", 1),
        ("It was reported on Friday.", "on Friday", "2024-01-05", 1),
        ("A blast hit the city last Friday.", "last Friday", "2023-12-29", 1),
        ("He was killed yesterday.", "yesterday", "2024-01-04", 1),
        ("Police said today that two died.", "today", "2024-01-05", 1),
        ("Gunmen struck last night.", "last night", "2024-01-04", 1),
        ("The raid on March 3 left five dead.", "on March 3", "2023-03-03", 1),
        ("On 3 March 2024, troops moved in.", "On 3 March 2024", "2024-03-03", 1),
        ("On Jan. 5, a bomb went off.", "On Jan. 5", "2024-01-05", 1),
        ("It ended on the 15th of December.", "on the 15th of December", "2023-12-15", 1),
        ("Filed 2023-11-30 by staff.", "2023-11-30", "2023-11-30", 1),
        # A weekday that names its date is that date, not the last such weekday.
        ("Updated on Sunday, Dec. 17, at noon.", "on Sunday, Dec. 17", "2023-12-17", 1),
        ("Posted: Monday 11 December 2023", "Monday 11 December 2023", "2023-12-11", 1),
        ("Last week, drones hit the base.", "Last week", "2023-12-27", 2),
        ("Two weeks ago the road was cut.", "Two weeks ago", "2023-12-22", 2),
        ("Earlier this month, rebels attacked.", "Earlier this month", "2024-01-15", 3),
        ("In March, militants regrouped.", "In March", "2023-03-15", 3),
        ("Last month a blast killed four.", "Last month", "2023-12-15", 3),
        ("Clashes broke out in mid-December.", "mid-December", "2023-12-15", 3),
        ("In December 2022 the group split.", "In December 2022", "2022-12-15", 3),
        ("In 2023 the group grew.", "In 2023", None, None),
        ("In recent months, the group regrouped.", "In recent months", None, None),
        ("Rebels shelled the camp a day earlier.", "a day earlier", "2024-01-04", 1),
        ("He had been seized the previous day.", "the previous day", "2024-01-04", 1),
        ("Troops left two days earlier.", "two days earlier", "2024-01-03", 1),
        ("It happened the day before yesterday.", "the day before yesterday", "2024-01-03", 1),
        ("Gunmen struck late on Sunday.", "on Sunday", "2023-12-31", 1),
        ("Homes burned on the night of 2 January.", "2 January", "2024-01-02", 1),
        ("Rebels attacked on the night of March 3-4.", "night of March 3-4", "2023-03-03", 1),
        # A range of days is its middle day, precision 2; longer than a week, no date.
        ("Clashes raged between Monday and Wednesday.", "between Monday and Wednesday",
         "2024-01-02", 2),
        ("Shelling on 5 and 6 December killed four.", "5 and 6 December", "2023-12-05", 2),
        ("Fighting from December 3 to 7 killed 20.", "from December 3 to 7", "2023-12-05", 2),
        ("Clashes on 10-12 March 2023 killed nine.", "10-12 March 2023", "2023-03-11", 2),
        ("Fighting from 1 to 20 March 2023 went on.", "from 1 to 20 March 2023", None, None),
        ("At the end of March the rebels regrouped.", "of March", "2023-03-15", 3),
    ],
)
def test_find_dates(sentence: str, phrase: str, date: str | None, precision: int | None) -> None:
    found = find_dates(sentence, FRIDAY)
    assert [(m.text, m.date, m.precision) for m in found] == [(phrase, date, precision)]
    assert all(sentence[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Tuesday troops left.", [("On Tuesday", None)]),
        ("On 3 March 2024 troops left.", [("On 3 March 2024", "2024-03-03")]),
        ("The raid on March 3 left five dead.", [("on March 3", None)]),
        ("On March 3 and 4 people died.", [("On March 3", None)]),
    ],
)
def test_without_publication_only_absolute_dates_resolve(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.text, m.date) for m in find_dates(sentence, None)] == expected


@pytest.mark.parametrize(
    "sentence",
    ["She may go home.", "They march on.", "A 5-year plan was agreed.", "ISIS-K claimed it."],
)
def test_no_date(sentence: str) -> None:
    assert find_dates(sentence, FRIDAY) == []


# Words every date pattern is built from, and some that are not: random sentences of them
# exercise every pattern, so the cheap test of what a pattern needs is checked against it.
DATE_WORDS = [
    "on", "the", "of", "in", "since", "between", "from", "to", "and", "night", "last", "this",
    "past", "earlier", "week", "weekend", "month", "months", "ago", "two", "a", "day",
    "yesterday", "today", "Tonight", "overnight", "recent", "recently", "year", "mid-",
    "March", "Sept.", "Dec", "May", "may", "Monday", "friday", "Sunday", "3", "21st", "2021",
    "1999", "2014-05-06", "-", ",", "morning", "before", "previous", "IN", "LAST WEEK",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=12))
def test_a_pattern_is_skipped_only_when_it_cannot_match(words: list[str]) -> None:
    text = " ".join(words)
    for kind, pattern in dates._COMPILED:
        if pattern.search(text):
            assert dates.may_match(kind, text, text.lower()), (kind, text)
