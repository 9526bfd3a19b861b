"""The date of an incident (part of events.v1).

The date its sentence states nearest the trigger, read against the publication date (the
date of a dateline is when the story was filed, not when the incident was); else, for a
current incident, the publication date at month precision, as coders date an undated report.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.nlp.event_arguments import (
    token_at,
    tree_distance,
)
from claimgraph.nlp.event_triggers import (
    Trigger,
)
from claimgraph.resolve.dates import DateMention, find_dates

# What follows the date of a dateline: a dash or colon, maybe after the agency in brackets.
DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


def is_dateline(sentence: Span, end: int) -> bool:
    """Tell whether a date ending at `end` (in the sentence) opens a dateline ("CITY, May 3 —")."""
    return end < 80 and DATELINE_END.match(sentence.text, end) is not None


def date_for(
    main: Trigger, sentence: Span, doc: Doc, background: bool
) -> tuple[str | None, int | None, bool]:
    """Return the incident date, ACLED time_precision, and whether the sentence states it."""
    document = doc._.document
    published = document.published if document is not None else None
    mentions = [
        m
        for m in find_dates(sentence.text, published)
        if m.date and not is_dateline(sentence, m.end)
    ]
    if mentions:

        def closeness(m: DateMention) -> tuple[int, int]:
            start = sentence.start_char + m.start
            # From the phrase's own head: "killed ... two weeks ago" hangs "ago" on the verb.
            phrase = doc.char_span(start, sentence.start_char + m.end, alignment_mode="expand")
            token = phrase.root if phrase is not None else token_at(sentence, start)
            chars = abs(start - main.span.start_char)
            return tree_distance(main.head, token), chars

        nearest = min(mentions, key=closeness)
        return nearest.date, nearest.precision, True
    if published and not background:
        # Coders' practice for an undated report: publication bounds the event; month precision.
        return published, 3, False
    return None, None, False
