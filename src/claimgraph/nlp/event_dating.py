"""The date of an incident (part of events.v1).

The date its sentence states nearest the trigger, read against the publication date (the
date of a dateline is when the story was filed, not when the incident was); else, for a
current incident, the publication date at month precision, as coders date an undated report.
A story whose own incident none of its mentions dates often states the day in a sentence
that names no incident ("It happened about 11 p.m. Saturday"): `date_story` reads it there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from claimgraph.identity import UNDATED_LOOKBACK_DAYS
from claimgraph.nlp.event_arguments import (
    token_at,
    tree_distance,
)
from claimgraph.nlp.event_merge import Incident, story_incident
from claimgraph.nlp.event_triggers import (
    Trigger,
)
from claimgraph.reach import parse_date
from claimgraph.resolve.dates import DateMention, find_dates

# What follows the date of a dateline: a dash or colon, maybe after the agency in brackets.
DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


# What precedes the date of a page's time stamp ("Updated: Monday, July 7, 2014 3:02 PM").
STAMP_BEFORE = re.compile(
    r"(?i)\b(?:updated|posted|published|modified)\b"
    r"(?:\s+at\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?(?:\s+on)?:?\s*$"
)


def is_dateline(sentence: Span, mention: DateMention) -> bool:
    """Tell whether a date mention is when the story was filed, not when anything happened:
    it opens a dateline ("CITY, May 3 —") or is a page's time stamp ("Updated: May 3")."""
    if mention.end < 80 and DATELINE_END.match(sentence.text, mention.end) is not None:
        return True
    return STAMP_BEFORE.search(sentence.text, 0, mention.start) is not None


# Verbs that date the telling, not the incident ("Police on Monday identified the suspect",
# "confirmed Tuesday that the girl died").
TELLING_VERBS = frozenset(
    {"say", "tell", "confirm", "identify", "announce", "release", "state", "add", "update",
     "disclose", "reveal", "name"}
)  # fmt: skip


def date_token(sentence: Span, mention: DateMention) -> Token:
    """Return the head of a date mention's phrase ("killed ... two weeks ago" hangs "ago" on
    the verb)."""
    start = sentence.start_char + mention.start
    end = sentence.start_char + mention.end
    phrase = sentence.doc.char_span(start, end, alignment_mode="expand")
    return phrase.root if phrase is not None else token_at(sentence, start)


def told_when(token: Token, trigger: Token) -> bool:
    """Tell whether a date (its phrase's head) hangs on a verb of telling other than the
    trigger itself."""
    while token.pos_ != "VERB" and token.head.i != token.i:
        token = token.head
    return token.i != trigger.i and token.lemma_.lower() in TELLING_VERBS


def date_for(
    main: Trigger, sentence: Span, doc: Doc, background: bool
) -> tuple[str | None, int | None, bool]:
    """Return the incident date, ACLED time_precision, and whether the sentence states it."""
    document = doc._.document
    published = document.published if document is not None else None
    mentions = [
        m
        for m in find_dates(sentence.text, published)
        if m.date and not is_dateline(sentence, m)
    ]
    if mentions:
        tokens = {m: date_token(sentence, m) for m in mentions}
        told = {m: told_when(tokens[m], main.head) for m in mentions}
        # The day something was told dates the incident only when no other day or week does
        # ("confirmed Tuesday ... a teen shot Thursday evening"; not "... shot in August,
        # authorities announced Monday").
        other_day = any(not told[m] and (m.precision or 3) <= 2 for m in mentions)

        def closeness(m: DateMention) -> tuple[bool, int, int]:
            chars = abs(sentence.start_char + m.start - main.span.start_char)
            return told[m] and other_day, tree_distance(main.head, tokens[m]), chars

        nearest = min(mentions, key=closeness)
        return nearest.date, nearest.precision, True
    if published and not background:
        # Coders' practice for an undated report: publication bounds the event; month precision.
        return published, 3, False
    return None, None, False


def date_story(
    incidents: Sequence[Incident], sentences: Sequence[Span], published: str | None
) -> tuple[Incident, Span] | None:
    """Date the story's incident from the first day the story states, when none of its
    mentions does; return it and the sentence that states the day (its evidence), else None.

    The story's incident is the first current one the text tells (news leads with it). Its
    day is the first day or week the text states outside the other incidents' sentences, in
    the UNDATED_LOOKBACK_DAYS up to publication (a dateline's is when the story was filed).
    On the even half of gvc_train the first such day is the incident's more often than the
    earliest one (0.739 vs 0.722 of documents dated to the incident's day).
    """
    story = story_incident(incidents)
    day_published = parse_date(published)
    if story is None or day_published is None or story.date_stated:
        return None
    others = {span.start for i in incidents if i is not story for span in i.evidence}
    first = day_published - timedelta(days=UNDATED_LOOKBACK_DAYS)
    for sentence in sentences:
        if any(sentence.start_char <= start < sentence.end_char for start in others):
            continue
        for mention in find_dates(sentence.text, published):
            day = parse_date(mention.date)
            if day is None or mention.precision not in (1, 2) or not first <= day <= day_published:
                continue
            if not is_dateline(sentence, mention):
                story.date, story.time_precision = day.isoformat(), mention.precision
                story.date_stated = True
                return story, sentence
    return None
