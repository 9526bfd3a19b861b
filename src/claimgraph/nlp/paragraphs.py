"""paragraphs_v1: a line break always ends a sentence.

The parser would otherwise run a headline, byline and dateline into one "sentence", and a
boilerplate line into the next paragraph; every claimgraph span is per sentence, so the
boundaries must follow the lines of the text. Runs before the parser, which keeps them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.read.metadata import dateline_length


@Language.component("paragraphs_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after each line break, and after a dateline."""
    line_starts = [0]
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            line_starts.append(token.i + 1)
    for start in line_starts:
        mark_after_dateline(doc, start)
    return doc


def mark_after_dateline(doc: Doc, start: int) -> None:
    """Start a sentence after a dateline opening the line at token `start`.

    "KARACHI, 18 May 2025 — Two men shot dead a shopkeeper" parsed as one sentence makes the
    city the subject and the story a modifier of it; split, the story parses as written.
    """
    if start >= len(doc):
        return
    offset = doc[start].idx
    line_end = doc.text.find("\n", offset)
    length = dateline_length(doc.text[offset : line_end if line_end >= 0 else None])
    if not length:
        return
    after = doc.char_span(offset + length, len(doc.text), alignment_mode="expand")
    if after is not None and after.start < len(doc) and not after[0].is_space:
        after[0].is_sent_start = True
