"""Fill document metadata from the text itself: the headline and the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import dateparser

from claimgraph.read.byline import parse_byline
from claimgraph.read.lines import split_lines, top_lines

MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 25
# Datelines and "Published:" lines sit in the first lines; deeper dates are event dates.
DATELINE_SEARCH_LINES = 12
MAX_DATE_LINE_CHARS = 160

MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_WITH_YEAR = re.compile(
    rf"\b(?:{MONTH}\s+{DAY},?\s+\d{{4}}|{DAY}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
# Wire-style dateline opening a paragraph: "ISLAMABAD, Jan. 5 (Reuters) -",
# "KABUL, Afghanistan, 3 March 2024 —", "Peshawar, Sept 11 (AFP) -", "CAIRO, May 2, 2024:";
# the year is often left out. The city may be written in capitals or in title case.
WIRE_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]+(?:,\s+[A-Z][\w .'’-]+)?,\s+"
    rf"(?P<date>(?:{MONTH}\s+{DAY}|{DAY}\s+{MONTH})(?:,?\s+\d{{4}})?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—:]",
)


def dateline_length(line: str) -> int:
    """Return how many characters of a line a wire dateline takes (0 when it opens with none)."""
    dateline = WIRE_DATELINE.match(line)
    return 0 if dateline is None else dateline.end()


WEEKDAY = r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
# A line that is only a date, maybe labelled and timed: "Published: Sunday, 3 March 2024
# 10:15 PKT". Dates inside longer lines are mostly quoted tweets, citations or event dates.
DATE_LINE = re.compile(
    r"(?i:(?:first\s+|last\s+)?(?:published|posted|updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{WEEKDAY}\s+)?(?P<date>{DATE_WITH_YEAR.pattern})"
    r"[\s,|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?)?(?:\s*[A-Z]{2,5})?\s*",
    re.IGNORECASE,
)
DATE_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}


def normalise_date(value: object, base: dt.date | None = None) -> str | None:
    """Turn a date as found in metadata or text into ISO YYYY-MM-DD, or None if not a full date."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    settings: dict[str, object] = dict(DATE_SETTINGS)
    if base is not None:
        settings.update(
            RELATIVE_BASE=dt.datetime.combine(base, dt.time()),
            PREFER_DATES_FROM="past",
            REQUIRE_PARTS=["day", "month"],
        )
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None
    return None if parsed is None else parsed.date().isoformat()


def find_dateline(text: str, base: dt.date | None = None) -> str | None:
    """Return the publication date a dateline or date line near the top states, as ISO."""
    for line in top_lines(text, DATELINE_SEARCH_LINES):
        wire = WIRE_DATELINE.match(line.text)
        if wire is not None:
            found = normalise_date(wire.group("date"), base)
            if found is not None:
                return found
        found = date_line_date(line.text)
        if found is not None:
            return found
    return None


def date_line_date(line: str) -> str | None:
    """Return the date of a line that is only a date, or of a byline that carries one."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return None
    only_date = DATE_LINE.fullmatch(line)
    if only_date is not None:
        return normalise_date(only_date.group("date"))
    if parse_byline(line) is not None:
        in_byline = DATE_WITH_YEAR.search(line)
        return normalise_date(in_byline.group(0)) if in_byline else None
    return None


def choose_published(metadata_date: object, text: str, fallback: str | None) -> str | None:
    """Pick the publication date: metadata, else a dateline in the text, else the fallback."""
    from_metadata = normalise_date(metadata_date)
    if from_metadata is not None:
        return from_metadata
    fallback_iso = normalise_date(fallback)
    base = dt.date.fromisoformat(fallback_iso) if fallback_iso else None
    return find_dateline(text, base) or fallback_iso


def find_title(text: str, ignored: Iterable[tuple[int, int]]) -> str | None:
    """Return the first line as a title when it is a short headline followed by a blank line."""
    skipped = {start for start, _ in ignored}
    lines = split_lines(text)
    for line in lines:
        if line.blank or line.start in skipped:
            continue
        following = next(lines, None)
        if following is None or not following.blank or not looks_like_headline(line.text):
            return None
        return line.text.lstrip("#").strip() or None
    return None


def looks_like_headline(line: str) -> bool:
    """Tell whether a line is short and shaped like a headline rather than a sentence."""
    if len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    return any(char.isalpha() for char in line) and DATE_WITH_YEAR.fullmatch(line) is None
