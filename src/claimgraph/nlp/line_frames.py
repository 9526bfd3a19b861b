"""Attributions marked by layout, not by a verb: "Name: words" lines and '"Quote" — Name' lines.

Headlines ("Minister: talks will resume"), interview transcripts ("SMITH: We never...") and
collected reactions ('"We are afraid." — a resident') cite a speaker with punctuation alone.
Each line is read on its own; the speaker must look like a name or a speaking noun, and a
place before a colon ("Kabul: ten killed") is a location tag, not a speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.nlp.cue_lexicon import Cues
from claimgraph.nlp.extensions import entities, is_ignored, text_of
from claimgraph.nlp.frames import Frame

# A name before a colon: one to four capitalised words ("Sanders", "Gen. John Smith", "PENCE"),
# perhaps after the quotation mark that opens each paragraph of a quoted transcript.
COLON_LINE = re.compile(
    r"^[^\S\n]*[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})[^\S\n]*:"
    r"[^\S\n]+(?P<content>\S[^\n]*)",
    re.M,
)
# A quotation followed by a dash and a name at the end of its line. Spaces may be no-break
# spaces ("[^\S\n]": any space but a line break).
DASH_LINE = re.compile(
    r"^[^\S\n]*(?P<content>[“”\"‘'][^\n]{3,}?[”“\"’'])[^\S\n]*[―—–-]{1,2}[^\S\n]*"
    r"(?P<name>[A-Z][^\n,]{0,60}?)[^\S\n]*(?:,[^\n]*)?$",
    re.M,
)
# Entity labels that make the word before a colon a place, a date or a number, not a speaker.
NOT_SPEAKER_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"})
# Lines longer than this are not scanned (bounded work on odd input).
MAX_LINE_CHARS = 5000


def tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    """Return the tokens covering a character range, or None when it covers none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def speaks_before_colon(name: Span, cues: Cues, known: frozenset[str]) -> bool:
    """Tell whether the words before a colon name a speaker rather than label the line."""
    labels = cues.line_labels
    if name.text.lower() in labels or name[0].lower_ in labels:
        return False
    if any(t.ent_type_ in NOT_SPEAKER_LABELS for t in name):
        return False
    root = name[-1]
    return (
        root.pos_ == "PROPN"
        or root.ent_type_ in ("PERSON", "ORG", "NORP")
        or root.lemma_.lower() in cues.speaker_nouns
        or (name.text.isupper() and len(name.text) > 2)
        or name.text.lower() in known  # a headline's "Sanders:" is the body's Bernie Sanders
    )


def colon_frames(doc: Doc, cues: Cues) -> list[Frame]:
    """Find "Name: content" lines (headlines, transcripts)."""
    text = text_of(doc)
    known = frozenset(
        word.lower()
        for e in entities(doc)
        if e.label_ in ("PERSON", "ORG")
        for word in e.text.split()
    )
    frames = []
    for match in COLON_LINE.finditer(text):
        if len(match.group(0)) > MAX_LINE_CHARS or is_ignored(doc, match.start(), match.end()):
            continue
        name = tokens_at(doc, *match.span("name"))
        cue = tokens_at(doc, match.end("name"), match.start("content"))
        if name is None or cue is None or not speaks_before_colon(name, cues, known):
            continue
        content = (match.start("content"), match.end("content"))
        frames.append(Frame(name, cue, content, (), False, False))
    return frames


def dash_frames(doc: Doc) -> list[Frame]:
    """Find '"Quote" — Name' lines (collected reactions, epigraphs)."""
    text = text_of(doc)
    frames = []
    for match in DASH_LINE.finditer(text):
        if len(match.group(0)) > MAX_LINE_CHARS or is_ignored(doc, match.start(), match.end()):
            continue
        name = tokens_at(doc, *match.span("name"))
        cue = tokens_at(doc, match.end("content"), match.start("name"))
        if name is None or cue is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        frames.append(Frame(name, cue, match.span("content"), (), False, False))
    return frames


def line_frames(doc: Doc, cues: Cues) -> list[Frame]:
    """Return every layout-marked attribution of a document, in text order."""
    found = colon_frames(doc, cues) + dash_frames(doc)
    return sorted(found, key=lambda f: f.cue.start)
