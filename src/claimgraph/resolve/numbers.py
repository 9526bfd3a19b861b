"""Read counts ("eleven", "at least 12", "dozens") and the death tolls a sentence states.

Pure text, no spaCy. Conventions (DESIGN.md: the most conservative number the text supports,
UCDP best/low/high; deaths, never injuries):

- an exact number N is Count(N, N, N); "at least N" is Count(N, N, None); "more than N" is
  Count(N + 1, N + 1, None); "up to N" / "as many as N" is Count(1, 1, N) and "fewer than N"
  is Count(1, 1, N - 1): the best guess is the lowest the phrase allows;
- "between N and M", "N to M", "N-M", "N or M" is Count(N, N, M);
- approximations ("about", "around", "some", "nearly", "almost", "an estimated") are taken at
  face value with an open top: Count(N, N, None) — coders record the reported figure;
- vague plurals take the lowest number the word implies, not ACLED's fixed substitutes:
  "a dozen" 12, "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2000, "several" 3,
  "a few" / "a couple" 2 — each Count(v, v, None); "some", "many", "numerous" give no count;
- a death without a number ("a deadly attack") is Count(None, 1, None): value unknown, at
  least one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple


class Count(NamedTuple):
    """A count as read: best value (None: unknown), lowest and highest supported (None: open)."""

    value: int | None
    low: int
    high: int | None


@dataclass(frozen=True, slots=True)
class DeathCount:
    """A phrase stating deaths, with its offsets in the text it was found in."""

    count: Count
    start: int
    end: int
    text: str


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Lowest number each vague plural implies ("dozens" is at least two dozen).
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "tens of thousands": 20_000, "several": 3, "a few": 2, "a couple": 2, "a couple of": 2,
    "a handful": 2, "a handful of": 2, "a dozen": 12, "one dozen": 12, "a score": 20,
}  # fmt: skip
# A number this large in a death phrase is read as something else (a year, an id).
MAX_PLAUSIBLE = 5_000_000

_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_WORDNUM = (
    rf"(?:an?\s+(?=hundred|thousand|million))?(?:{_NUMWORD})"
    rf"(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+|[\s-]+)(?:{_NUMWORD}))*"
)
_DIGITNUM = (
    r"(?<![\w.,$€£/])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s+(?:hundred|thousand|million))?"
)
_NUMBER = rf"(?:{_DIGITNUM}|\b{_WORDNUM}\b)"
_DOZENS = rf"(?:{_NUMBER}\s+)?dozen\b"
_VAGUE = (
    r"\b(?:a\s+dozen|tens\s+of\s+thousands|dozens|scores|hundreds|thousands|several|a\s+few|"
    r"a\s+couple(?:\s+of)?|a\s+handful(?:\s+of)?|a\s+score)\b"
)
_SINGLE = rf"(?:{_DOZENS}|{_NUMBER})"
_RANGE = (
    rf"(?:between\s+)?(?:{_SINGLE}\s+(?:to|and|or)\s+{_SINGLE}|{_DIGITNUM}\s*[-–]\s*{_DIGITNUM})"
)
_RANGE_PARTS = rf"(?:between\s+)?({_SINGLE})\s*(?:-|–|\bto\b|\band\b|\bor\b)\s*({_SINGLE})"
_AT_LEAST = r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum"
_MORE = r"more\s+than|over|upwards\s+of|in\s+excess\s+of|just\s+over"
_UP_TO = r"up\s+to|as\s+many\s+as|at\s+most|a\s+maximum\s+of"
_FEWER = r"fewer\s+than|less\s+than|under|just\s+under"
_APPROX = (
    r"about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated"
)
_EXACT = r"a\s+total\s+of|total\s+of|exactly|all"
_MODIFIER = rf"(?P<mod>{_AT_LEAST}|{_MORE}|{_UP_TO}|{_FEWER}|{_APPROX}|{_EXACT})"
COUNT_PATTERN = rf"(?:{_MODIFIER}\s+)?(?:{_RANGE}|{_VAGUE}|{_SINGLE})"
_COUNT_RE = re.compile(rf"\s*{COUNT_PATTERN}\s*", re.IGNORECASE)
_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_DOZEN_RE = re.compile(_DOZENS, re.IGNORECASE)
_MOD_KIND = [
    ("at_least", re.compile(rf"^(?:{_AT_LEAST})$", re.I)),
    ("more", re.compile(rf"^(?:{_MORE})$", re.I)),
    ("up_to", re.compile(rf"^(?:{_UP_TO})$", re.I)),
    ("fewer", re.compile(rf"^(?:{_FEWER})$", re.I)),
    ("exact", re.compile(rf"^(?:{_EXACT})$", re.I)),
]


def words_to_int(words: str) -> int | None:
    """Turn number words ("a hundred and five", "twenty-three") into an int."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word in ("a", "an", "and", ""):
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_value(text: str) -> int | None:
    """Read one number: digits ("1,200", "1.5 million"), words, or "two dozen"."""
    text = text.strip().lower()
    dozen = re.fullmatch(r"(?:(.+?)\s+)?dozen", text)
    if dozen:
        times = number_value(dozen.group(1)) if dozen.group(1) else 1
        return None if times is None else times * 12
    digits = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(hundred|thousand|million))?", text)
    if digits:
        number = float(digits.group(1).replace(",", ""))
        if digits.group(2):
            number *= SCALES[digits.group(2)]
        return int(number)
    return words_to_int(text)


def _modifier_kind(modifier: str | None) -> str:
    """Name the kind of a count modifier: at_least, more, up_to, fewer, exact, approx or none."""
    if not modifier:
        return "none"
    normal = " ".join(modifier.lower().split())
    return next((kind for kind, pattern in _MOD_KIND if pattern.match(normal)), "approx")


def _range_count(normal: str) -> tuple[int, int | None] | None:
    """Read "between N and M", "N to M", "N-M", "N or M" as (low, high)."""
    ranged = re.fullmatch(_RANGE_PARTS, normal)
    if not ranged:
        return None
    low, high = number_value(ranged.group(1)), number_value(ranged.group(2))
    if low is None or high is None or high < low:
        return None
    return low, high


def _bare_count(body: str) -> tuple[int, int | None] | None:
    """Read a count without its modifier as (low, high); high None when open."""
    normal = " ".join(body.lower().split())
    if normal in VAGUE:
        exact = normal in ("a couple", "a couple of")
        return VAGUE[normal], (VAGUE[normal] if exact else None)
    value = number_value(normal)
    if value is None:
        return _range_count(normal)
    approximate = bool(re.search(r"dozen", normal))
    return value, (None if approximate else value)


def parse_count(text: str) -> Count | None:
    """Read a whole phrase as a count ("eleven", "at least 12", "10-15", "dozens"), or None."""
    match = _COUNT_RE.fullmatch(text)
    if not match:
        return None
    modifier = match.group("mod")
    body = text.strip()[len(modifier) :] if modifier else text
    bare = _bare_count(body)
    if bare is None:
        return None
    low, high = bare
    kind = _modifier_kind(modifier)
    if kind == "at_least":
        return Count(low, low, None)
    if kind == "more":
        return Count(low + 1, low + 1, None)
    if kind == "up_to":
        return Count(1, 1, high if high is not None else low)
    if kind == "fewer":
        return Count(1, 1, max(low - 1, 1))
    if kind == "approx":
        return Count(low, low, None)
    if kind == "exact":
        return Count(low, low, high)
    return Count(low, low, high)


# --- death phrases -------------------------------------------------------------------------
# Words that state a death after the count: "11 people were killed", "5 dead", "30 bodies".
_DEATH_AFTER = (
    r"killed|dead|died|die|dies|slain|perished|murdered|massacred|executed|beheaded|lynched|"
    r"shot\s+dead|gunned\s+down|(?:hacked|burnt|burned|stabbed|beaten|shot|lynched)\s+to\s+death|"
    r"lost\s+(?:their|his|her)\s+lives?|succumbed|bodies|corpses|deaths|fatalities|"
    # South Asian and Middle Eastern outlets and military statements: "four policemen were
    # martyred", "embraced shahadat", "four khwarij were sent to hell"
    r"martyred|embraced\s+(?:shahadat|martyrdom)|sent\s+to\s+hell"
)
# Auxiliaries and adverbs allowed between the subject and the death word.
_AUX = (
    r"were|was|are|is|have|has|had|been|being|be|got|reportedly|allegedly|also|later|all|"
    r"subsequently|confirmed|feared|believed|said|to|now|found|both|instantly|eventually"
)
# Words a subject noun phrase may not contain: they end the subject or turn it into a
# measure of time, distance or harm other than death.
_NOT_SUBJECT = (
    r"and|or|but|who|which|that|than|injured|wounded|hurt|days?|hours?|weeks?|months?|years?|"
    r"minutes?|km|kilomet\w*|miles?|percent|per|times|killed|dead|died|not|never|no|"
    # a new clause starts: "the 2,000 residents fled after gunmen killed", "34 when he died"
    r"after|before|when|where|while|as|because|since|until|if|though|although|whose|"
    r"he|she|they|we|it|i|you|"
    # the number is an address: "4 Heroiv Pratsi Street", "the 1400 block of ..."
    r"blocks?|streets?|st|roads?|avenues?|ave|boulevard|blvd|lanes?|highways?|routes?"
)
_SUBJECT_WORD = rf"(?!(?:{_NOT_SUBJECT})\b)[A-Za-z][\w'’.-]*"
# ", including five children," between a subject and its verb.
_INCLUDING = (
    r"(?:\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them)[^,.;]{0,100},)?"
)
_SUBJECT_COUNT = re.compile(
    rf"(?P<count>{COUNT_PATTERN})(?:\s+{_SUBJECT_WORD}){{0,6}}?{_INCLUDING}"
    rf"(?P<aux>(?:\s+(?:{_AUX}))*)\s+(?P<death>{_DEATH_AFTER})\b",
    re.IGNORECASE,
)
# Phrases that state a death before the count: "killing eleven", "the death toll rose to 30".
_DEATH_BEFORE = (
    r"killed|killing|kills|kill|slew|massacred|executed|beheaded|murdered|lynched|"
    r"shot\s+dead|gunned\s+down|claim(?:ed|ing|s)\s+the\s+lives\s+of|took\s+the\s+lives\s+of|"
    r"(?:killing|deaths?|murders?|bodies|body|assassination)\s+of|"
    # "the death toll from Sunday's suicide bombing in Quetta rose to 23"
    r"death\s+toll\b[^.\d;]{0,80}?\b(?:to|at|of|is|was|reached|hit|stands|stood)"
)
_SINGLE_ARTICLE = (
    r"an?\b(?!\s+(?:few|couple|handful|dozen|hundred|thousand|million|score|total|number|"
    r"minimum|maximum|estimated)\b)"
)
# "killed Ajay Yadav", "the body of Ram Singh": one named victim.
# "threatened to kill 10", "could kill 100": an intent, not a death.
_INTENT_BEFORE = re.compile(
    r"\b(?:to|will|would|could|may|might|can|threaten\w*|vow\w*)\s+$", re.IGNORECASE
)
_NAMED_VICTIM = re.compile(
    r"\b(?:killed|shot\s+dead|gunned\s+down|murdered|lynched|beheaded|executed|"
    r"(?:killing|murder|body|assassination)\s+of)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|In|On|At|During|When)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}\b(?!\s+(?:and|,))"
)
_OBJECT_COUNT = re.compile(
    rf"\b(?P<trigger>{_DEATH_BEFORE})\s+(?:all\s+(?:the\s+)?|the\s+|both\s+(?:the\s+)?)?"
    rf"(?P<count>{COUNT_PATTERN}|{_SINGLE_ARTICLE})",
    re.IGNORECASE,
)
# A death the text states without a number.
_DEADLY = re.compile(r"\b(?:deadly|fatal|lethal)\b", re.IGNORECASE)
_PASSIVE_DEATH = re.compile(
    rf"\b(?P<aux>was|were|is|are|has\s+been|have\s+been|had\s+been)"
    rf"(?:\s+(?:reportedly|allegedly|also|later|brutally|found))?\s+(?:{_DEATH_AFTER})\b",
    re.IGNORECASE,
)
# "no one was killed", "no civilians were killed", "none were killed".
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|nobody|none|never|without)(?:\s+[a-z]+)?\s*$", re.IGNORECASE
)
# What may follow a number that is not a head count: ages, units, times, ordinals, money.
_NOT_A_HEADCOUNT_AFTER = re.compile(
    r"^(?:\s*-?\s*years?\b|-year|\s*%|\s*per\s*cent|\s*percent|\s*(?:km|kilomet|miles?\b|"
    r"am\b|pm\b|a\.m|p\.m|hours?\b|days?\b|weeks?\b|months?\b|minutes?\b|rupees|dollars|"
    r"crore|lakh|tonnes?|kg\b)|:\d|(?:st|nd|rd|th)\b|"
    # calibres and addresses: "9mm", ".45-caliber", "30-bore", "the 1400 block of"
    r"\s*-?\s*(?:mm\b|cal\b|caliber|calibre|bore\b)|\s+blocks?\b)",
    re.IGNORECASE,
)
_ACTIVE_OBJECT_AFTER = re.compile(
    r"^\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d)\b"
    r"|^\s+[A-Z]"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_headcount(text: str, start: int, end: int) -> bool:
    """Tell whether the count at text[start:end] counts people (not a year, age, unit, money)."""
    phrase = text[start:end].strip()
    if _YEAR.fullmatch(phrase):
        return False
    if _NEGATION_BEFORE.search(text[max(0, start - 24) : start]):
        return False
    if re.search(r"(?:\$|€|£|\bRs\.?|\bINR|\bUSD)\s*$", text[max(0, start - 6) : start]):
        return False
    return not _NOT_A_HEADCOUNT_AFTER.match(text[end : end + 12])


def _subject_counts(text: str) -> list[DeathCount]:
    """Find "<count> <people> were killed" phrases."""
    found = []
    for match in _SUBJECT_COUNT.finditer(text):
        start, end = match.span("count")
        count = parse_count(match.group("count"))
        if count is None or not _is_headcount(text, start, end):
            continue
        passive = re.search(r"\b(?:were|was|are|is|been|being|be|got)\b", match.group("aux"), re.I)
        if not passive and _ACTIVE_OBJECT_AFTER.match(text[match.end() :]):
            continue  # "three gunmen killed a shopkeeper": the count is the killers
        found.append(DeathCount(count, start, match.end(), text[start : match.end()]))
    return found


def _object_counts(text: str) -> list[DeathCount]:
    """Find "killing <count>", "claimed the lives of <count>", "death toll rose to <count>"."""
    found = []
    for match in _OBJECT_COUNT.finditer(text):
        start, end = match.span("count")
        phrase = match.group("count")
        count = Count(1, 1, 1) if re.fullmatch(r"an?", phrase, re.I) else parse_count(phrase)
        if count is None or not _is_headcount(text, start, end):
            continue
        if count.low > MAX_PLAUSIBLE or _INTENT_BEFORE.search(text[: match.start()]):
            continue
        found.append(DeathCount(count, match.start(), end, text[match.start() : end]))
    return found


def _named_victims(text: str) -> list[DeathCount]:
    """Find one named person killed: "Maoists killed Ajay Yadav"."""
    return [
        DeathCount(Count(1, 1, 1), m.start(), m.end(), m.group())
        for m in _NAMED_VICTIM.finditer(text)
        if not m.group().split()[-1].endswith("s")  # "killed Maoists" names no one person
    ]


def _unnumbered_deaths(text: str) -> list[DeathCount]:
    """Find deaths stated without a number: "a deadly attack", "he was killed"."""
    found = []
    for match in _PASSIVE_DEATH.finditer(text):
        if _NEGATION_BEFORE.search(text[max(0, match.start() - 24) : match.start()]):
            continue
        singular = " ".join(match.group("aux").lower().split()) in ("was", "is", "has been")
        count = Count(1, 1, None) if singular else Count(None, 1, None)
        found.append(DeathCount(count, match.start(), match.end(), match.group()))
    if not found:
        found = [
            DeathCount(Count(None, 1, None), m.start(), m.end(), m.group())
            for m in _DEADLY.finditer(text)
            if not _NEGATION_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
        ]
    return found[:1]


def _without_overlaps(counts: list[DeathCount]) -> list[DeathCount]:
    """Keep the longest of overlapping phrases, then order them by position."""
    kept: list[DeathCount] = []
    for candidate in sorted(counts, key=lambda c: (c.start - c.end, c.start)):
        if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def find_death_counts(text: str) -> list[DeathCount]:
    """Find the phrases in one sentence that state deaths, with their counts.

    Injuries never count. When no phrase gives a number, a single unnumbered death
    ("was killed" → Count(1, 1, None), "a deadly blast" → Count(None, 1, None)) is returned.
    """
    numbered = _without_overlaps(
        _subject_counts(text) + _object_counts(text) + _named_victims(text)
    )
    return numbered or _unnumbered_deaths(text)
