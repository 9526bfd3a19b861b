"""Counts and death tolls: the most conservative number the text supports, injuries never."""

from __future__ import annotations

import pytest

from claimgraph.resolve.numbers import Count, find_death_counts, parse_count


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("11", Count(11, 11, 11)),
        ("1,200", Count(1200, 1200, 1200)),
        ("eleven", Count(11, 11, 11)),
        ("twenty-three", Count(23, 23, 23)),
        ("a hundred and five", Count(105, 105, 105)),
        ("two dozen", Count(24, 24, None)),
        ("a dozen", Count(12, 12, None)),
        ("dozens", Count(24, 24, None)),
        ("scores", Count(40, 40, None)),
        ("hundreds", Count(200, 200, None)),
        ("several", Count(3, 3, None)),
        ("a few", Count(2, 2, None)),
        ("at least 12", Count(12, 12, None)),
        ("more than 20", Count(21, 21, None)),
        ("more than a dozen", Count(13, 13, None)),
        ("up to 15", Count(1, 1, 15)),
        ("as many as 15", Count(1, 1, 15)),
        ("fewer than 10", Count(1, 1, 9)),
        ("between 10 and 15", Count(10, 10, 15)),
        ("10 to 15", Count(10, 10, 15)),
        ("10-15", Count(10, 10, 15)),
        ("two or three", Count(2, 2, 3)),
        ("about 30", Count(30, 30, None)),
        ("nearly 30", Count(30, 30, None)),
        ("a total of 12", Count(12, 12, 12)),
        ("some", None),
        ("many", None),
        ("hello", None),
        ("", None),
    ],
)
def test_parse_count(phrase: str, expected: Count | None) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("11 people were killed in the blast.", [("11 people were killed", Count(11, 11, 11))]),
        ("The raid ended by killing eleven ISIS members.", [("killing eleven", Count(11, 11, 11))]),
        ("Troops killed at least 12 soldiers.", [("killed at least 12", Count(12, 12, None))]),
        ("The bombing left 5 dead.", [("5 dead", Count(5, 5, 5))]),
        ("The death toll rose to 30 on Monday.", [("death toll rose to 30", Count(30, 30, 30))]),
        (
            "The death toll from Sunday's suicide bombing in Quetta rose to 23.",
            [("death toll from Sunday's suicide bombing in Quetta rose to 23", Count(23, 23, 23))],
        ),
        ("30 bodies were recovered.", [("30 bodies", Count(30, 30, 30))]),
        ("The fire claimed the lives of 7.", [("claimed the lives of 7", Count(7, 7, 7))]),
        ("five killed and 12 injured", [("five killed", Count(5, 5, 5))]),
        ("Two of them died later.", [("Two of them died", Count(2, 2, 2))]),
        ("Police shot dead three robbers.", [("shot dead three", Count(3, 3, 3))]),
        ("Fresh shelling kills five.", [("kills five", Count(5, 5, 5))]),
        ("Gunmen killed a shopkeeper.", [("killed a", Count(1, 1, 1))]),
        ("Rebels killed Ajay Kumar at his home.", [("killed Ajay Kumar", Count(1, 1, 1))]),
        (
            "20 people, including 5 children, were killed.",
            [("20 people, including 5 children, were killed", Count(20, 20, 20))],
        ),
        ("A deadly attack hit the market.", [("deadly", Count(None, 1, None))]),
        ("The commander was killed in the area.", [("was killed", Count(1, 1, None))]),
    ],
)
def test_find_death_counts(sentence: str, expected: list[tuple[str, Count]]) -> None:
    found = find_death_counts(sentence)
    assert [(d.text, d.count) for d in found] == expected
    assert all(sentence[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "12 wounded were taken to hospital.",
        "3 injured in the blast.",
        "Three gunmen escaped after the raid.",
        "No one was killed.",
        "No civilians were killed in the raid.",
        "They threatened to kill 10 hostages.",
        "Resolution 1267 was adopted in 1999.",
        "ISIS-K claimed the attack.",
        "He was paid $500 by the group.",
        "A 19-year-old soldier was wounded.",
        "Police found six 30-bore casings and a 9mm pistol.",
        "The 1400 block of Main Street was closed after the shooting.",
    ],
)
def test_no_death_count(sentence: str) -> None:
    assert find_death_counts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("A 23-year-old student was killed.", 1),
        ("Three gunmen killed a shopkeeper.", 1),
        ("Militants killed 2 soldiers and wounded 14.", 2),
        ("The man was killed 2011 in a raid.", 1),
        # Numbers that count no dead: addresses, calibres, times, ages, the people who fled.
        ("A man was shot dead in the 1400 block of West Jackson Boulevard.", 1),
        ("The 2,000 residents fled after gunmen killed 12 farmers.", 12),
        ("Rescuers searched 4 Heroiv Pratsi Street after the strike killed at least eight.", 8),
        ("He was 34 when he was killed.", 1),
        ("The gunman used a .45-caliber pistol and killed two people.", 2),
        ("Gunmen killed 2 people with 9mm rifles at 3:15 p.m.", 2),
        ("Gunmen killed 4 people and wounded 12.", 4),
    ],
)
def test_count_is_not_an_age_or_the_attackers(sentence: str, value: int) -> None:
    assert sum(d.count.value or 0 for d in find_death_counts(sentence)) == value
