"""Find date expressions in a sentence and resolve them against the publication date.

Precision follows ACLED's `time_precision`: 1 the day is known, 2 the week is known, 3 only
the month. Conventions:

- "yesterday", "a day earlier", "the previous day", "two days earlier" count back from
  publication (a report's "a day earlier" is told from the day it was filed);
- a weekday ("on Tuesday") is the most recent such day on or before publication ("last
  Tuesday" strictly before); a day-month without a year ("March 3") is the most recent such
  date on or before publication — reports look back; a weekday that names its date ("Sunday,
  Nov. 27", "Monday 3 March") is that date;
- a week ("last week", "earlier this week", "over the weekend") is the Wednesday (Saturday
  for a weekend) of that week, never after publication, precision 2;
- a range of days ("between Monday and Wednesday", "3-5 March", "from March 3 to 5") is its
  middle day, precision 2 (a known week); longer than a week, no date; "the night of March
  3-4" is March 3, precision 1;
- a month ("in March", "last month", "earlier this month") is the 15th, precision 3;
- a year alone ("in 2023") and vague spans ("in recent months", "recently", "last year") are
  returned as mentions with date None: ACLED has no coarser precision than a month;
- without a publication date only absolute dates (with a year) resolve.

Pure regular expressions over the text, no dateparser: every form read here has one meaning,
and the result must not depend on the clock or locale of the machine.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from claimgraph.resolve.numbers import number_value


class DateMention(NamedTuple):
    """A date expression at text[start:end], its ISO date and ACLED time precision (or None)."""

    start: int
    end: int
    text: str
    date: str | None
    precision: int | None


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_FULL_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = rf"(?:(?:{_FULL_MONTH})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
# A weekday before the date it names ("Sunday, Nov. 27", "Monday 3 March"): part of that date.
_NAMED_WEEKDAY = rf"(?:\b(?:{_WEEKDAY}),?\s+)?"

# (kind, pattern); kinds name the resolver below. Month and weekday names are matched
# capitalised only ("may" the verb, "march" the verb are not dates).
_PATTERNS = [
    ("iso", rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    (
        "day_range",
        rf"(?:(?P<night>(?i:night)\s+(?i:of)\s+)|(?i:between|from)\s+)?"
        # "March 3 and 4 people died": "and" joins days only before the month ("3 and 4 March")
        rf"(?:\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\s*(?:[-–]|\s(?i:to|through)\s)\s*"
        rf"(?P<day2>{_DAY})\b|\b(?P<day_>{_DAY})\s*(?:[-–]|\s(?i:to|and|through)\s)\s*"
        rf"(?P<day2_>{_DAY})\s+(?P<month_>{_MONTH}))(?:,?\s+(?P<year>{_YEAR})\b)?",
    ),
    (
        "weekday_range",
        rf"(?i:between|from)\s+(?P<weekday>{_WEEKDAY})\s+(?i:and|to|through|until)\s+"
        rf"(?P<weekday2>{_WEEKDAY})\b",
    ),
    (
        "month_day",
        rf"(?:(?i:on)\s+)?{_NAMED_WEEKDAY}"
        rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?!\s*(?:%|-year))"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?",
    ),
    (
        "day_month",
        rf"(?:(?i:on)\s+)?{_NAMED_WEEKDAY}"
        rf"(?:(?i:the)\s+)?\b(?P<day>{_DAY})(?:\s+(?i:of))?\s+(?P<month>{_MONTH})"
        rf"(?:,?\s+(?P<year>{_YEAR})\b)?",
    ),
    (
        "month_year",
        rf"(?:(?i:in|during|since|by|early|late|mid-?)\s+)?\b(?P<month>{_FULL_MONTH})"
        rf",?\s+(?P<year>{_YEAR})\b",
    ),  # fmt: skip
    (
        "month",
        # "the end of March", but "the night of March 3" is a day
        rf"(?:(?i:in|during|since|by|until|early|late|last|this)\s+|(?i:of)\s+(?!\S+\s+\d)"
        rf"|(?i:mid)-?\s*)(?P<month>{_FULL_MONTH})\b",
    ),
    ("year", rf"(?i:in|during|since|by|until|of|early|late|mid-)\s*(?P<year>{_YEAR})\b(?!-)"),
    (
        "weekday",
        rf"(?:(?P<rel>(?i:on|last|this|since|past|early|late))\s+)?\b(?P<weekday>{_WEEKDAY})\b"
        rf"{_PART_OF_DAY}",
    ),
    (
        "day_word",
        r"(?i:\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
        r"earlier\s+today|this\s+(?:morning|afternoon|evening)|overnight|"
        r"a\s+day\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+day)\b)",
    ),
    ("week", r"(?i:\b(?:last|past|previous)\s+week\b(?!s))"),
    ("this_week", r"(?i:\b(?:earlier\s+this|this)\s+week\b(?!s))"),
    ("weekend", r"(?i:\b(?:last|past|this|over\s+the|at\s+the|on\s+the)\s+weekend\b)"),
    ("last_month", r"(?i:\b(?:last|past|previous)\s+month\b(?!s))"),
    ("this_month", r"(?i:\b(?:earlier\s+this|this)\s+month\b(?!s))"),
    (
        "ago",
        r"(?i:\b(?P<n>an?|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve)\s+(?P<unit>days?|weeks?|months?)\s+(?:ago|earlier)\b)",
    ),
    (
        "vague",
        r"(?i:\b(?:(?:in\s+)?recent\s+(?:days|weeks|months|years)|recently|last\s+year|"
        r"this\s+year|earlier\s+this\s+year|(?:the\s+)?past\s+(?:few\s+)?(?:days|weeks|months|years))\b)",
    ),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]
# What a text must hold for each pattern to have a chance, tested with `in` before the
# pattern runs: each of these patterns starts with optional words, so the regular expression
# engine tries it at every position, and most sentences name no date at all. Month and weekday
# names (matched capitalised: every month spelling starts with one of the prefixes), digits
# and hyphens are looked for as written; the other words in the lower-cased text.
_MONTH_PREFIXES = tuple(m[:3] for m in _FULL_MONTH.split("|"))
_WEEKDAY_NAMES = tuple(_WEEKDAY.split("|"))
_NEEDS_AS_WRITTEN = {
    "day_range": _MONTH_PREFIXES,
    "weekday_range": _WEEKDAY_NAMES,
    "month_day": _MONTH_PREFIXES,
    "day_month": _MONTH_PREFIXES,
    "month_year": _MONTH_PREFIXES,
    "month": _MONTH_PREFIXES,
    "weekday": _WEEKDAY_NAMES,
    "iso": ("-",),
    "year": ("19", "20"),
}
_NEEDS_LOWERED = {
    "day_word": ("day", "night", "morning", "afternoon", "evening"),
    "week": ("week",),
    "this_week": ("week",),
    "weekend": ("weekend",),
    "last_month": ("month",),
    "this_month": ("month",),
    "ago": ("ago", "earlier"),
    "vague": ("recent", "year", "past"),
}
# Precedence when two patterns overlap: longer wins, then this order.
_RANK = {kind: rank for rank, (kind, _) in enumerate(_PATTERNS)}


def parse_published(published: str | None) -> date | None:
    """Read an ISO publication date (YYYY-MM-DD, extra time ignored), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    """Build a date, or None when the day does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month(match: re.Match[str], base: date | None) -> tuple[date | None, int | None]:
    """Resolve a day and month, with the year given or the latest one not after `base`."""
    month = MONTHS[match.group("month").rstrip(".").lower()]
    day = int(re.match(r"\d+", match.group("day")).group())  # type: ignore[union-attr]
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day), 1
    if base is None:
        return None, None
    found = _safe_date(base.year, month, day)
    if found is None or found > base:
        found = _safe_date(base.year - 1, month, day)
    return found, 1 if found else None


def _month(match: re.Match[str], base: date | None) -> tuple[date | None, int | None]:
    """Resolve a month to its 15th, in the year given or the latest not after `base`."""
    month = MONTHS[match.group("month").lower()]
    year_text = match.groupdict().get("year")
    if year_text:
        return date(int(year_text), month, 15), 3
    if base is None:
        return None, None
    year = base.year if month <= base.month else base.year - 1
    return date(year, month, 15), 3


def _weekday(match: re.Match[str], base: date) -> tuple[date, int]:
    """Resolve a weekday to the latest such day on (or, after "last", before) `base`."""
    back = (base.weekday() - WEEKDAYS.index(match.group("weekday").lower())) % 7
    if back == 0 and (match.group("rel") or "").lower() in ("last", "past"):
        back = 7
    return base - timedelta(days=back), 1


def _mid_week(day: date, base: date) -> date:
    """Return the Wednesday of `day`'s week, but never a date after `base`."""
    return min(day - timedelta(days=day.weekday()) + timedelta(days=2), base)


_DAY_BACK = frozenset(
    {"yesterday", "last night", "a day earlier", "a day before", "the previous day",
     "the preceding day"}
)  # fmt: skip


def _relative(kind: str, match: re.Match[str], base: date) -> tuple[date | None, int | None]:
    """Resolve expressions relative to the publication date."""
    phrase = " ".join(match.group().lower().split())
    if kind == "day_word":
        back = 2 if phrase == "the day before yesterday" else 1 if phrase in _DAY_BACK else 0
        return base - timedelta(days=back), 1
    if kind == "week":
        return _mid_week(base - timedelta(days=7), base), 2
    if kind == "this_week":
        return _mid_week(base, base), 2
    if kind == "weekend":
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        if phrase.startswith(("last", "past")) and base.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday, 2
    if kind == "last_month":
        previous = base.replace(day=1) - timedelta(days=1)
        return previous.replace(day=15), 3
    if kind == "this_month":
        return base.replace(day=15), 3
    if kind == "ago":
        amount = 1 if match.group("n").lower() in ("a", "an") else number_value(match.group("n"))
        unit = match.group("unit").lower().rstrip("s")
        days = (amount or 0) * {"day": 1, "week": 7, "month": 30}[unit]
        return base - timedelta(days=days), {"day": 1, "week": 2, "month": 3}[unit]
    return None, None


# A range longer than this is no one event's date (ACLED's precision 2 is a known week).
MAX_RANGE_DAYS = 7


def _range(kind: str, match: re.Match[str], base: date | None) -> tuple[date | None, int | None]:
    """Resolve a range of days to its middle day, precision 2 (a known week).

    "the night of March 3-4" is the night's first day, precision 1; a range longer than a
    week resolves to nothing.
    """
    if kind == "weekday_range":
        if base is None:
            return None, None
        first_back = (base.weekday() - WEEKDAYS.index(match.group("weekday").lower())) % 7
        last_back = (base.weekday() - WEEKDAYS.index(match.group("weekday2").lower())) % 7
        first, last = base - timedelta(days=first_back), base - timedelta(days=last_back)
        if first > last:
            first -= timedelta(days=7)
    else:
        month_text = match.group("month") or match.group("month_")
        month = MONTHS[month_text.rstrip(".").lower()]
        day1 = int(re.match(r"\d+", match.group("day") or match.group("day_")).group())  # type: ignore[union-attr]
        day2 = int(re.match(r"\d+", match.group("day2") or match.group("day2_")).group())  # type: ignore[union-attr]
        year = int(match.group("year")) if match.group("year") else None
        if year is None:
            if base is None:
                return None, None
            year = base.year if (month, day1) <= (base.month, base.day) else base.year - 1
        start, end = _safe_date(year, month, day1), _safe_date(year, month, day2)
        if start is None or end is None or end < start:
            return None, None
        if kind == "day_range" and match.group("night") and (end - start).days == 1:
            return start, 1
        first, last = start, end
    span = (last - first).days
    if span > MAX_RANGE_DAYS:
        return None, None
    return first + timedelta(days=span // 2), 1 if span == 0 else 2


def _resolve(kind: str, match: re.Match[str], base: date | None) -> tuple[date | None, int | None]:
    """Resolve one matched expression to (date, precision); (None, None) when it cannot be."""
    if kind == "iso":
        found = _safe_date(*(int(match.group(g)) for g in ("year", "month", "day")))
        return found, 1 if found else None
    if kind in ("day_range", "weekday_range"):
        return _range(kind, match, base)
    if kind in ("month_day", "day_month"):
        return _day_month(match, base)
    if kind in ("month_year", "month"):
        return _month(match, base)
    if kind in ("year", "vague") or base is None:
        return None, None
    if kind == "weekday":
        return _weekday(match, base)
    return _relative(kind, match, base)


def may_match(kind: str, text: str, lowered: str) -> bool:
    """Tell whether the text holds what the pattern of this kind needs (see _NEEDS_*)."""
    if kind in _NEEDS_AS_WRITTEN:
        return any(word in text for word in _NEEDS_AS_WRITTEN[kind])
    return any(word in lowered for word in _NEEDS_LOWERED[kind])


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Find the date expressions in a sentence, resolved against the publication date."""
    base = parse_published(published)
    lowered = text.lower()
    candidates = [
        (match, kind)
        for kind, pattern in _COMPILED
        if may_match(kind, text, lowered)
        for match in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[0].start() - c[0].end(), _RANK[c[1]], c[0].start()))
    kept: list[DateMention] = []
    for match, kind in candidates:
        start, end = match.span()
        if any(start < k.end and k.start < end for k in kept):
            continue
        found, precision = _resolve(kind, match, base)
        iso = found.isoformat() if found else None
        kept.append(DateMention(start, end, match.group(), iso, precision if iso else None))
    return sorted(kept, key=lambda m: m.start)
