"""Quotation marks and sentence pieces: where quotes start and end, and how contents grow over them.

Quotes are found on the raw text (curly pairs, straight pairs, doubled apostrophes) because a
quote may run over several sentences; attribution widens a content to every quote it touches.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from claimgraph.model import Claim
from claimgraph.nlp.extensions import text_of

EDGE_PUNCT = ",;:—–-()[] \n\t"
# A clause before a semicolon needs this many words to be a claim of its own.
MIN_CLAUSE_WORDS = 3
# A quote longer than this is taken as an unbalanced quotation mark, not a quote.
MAX_QUOTE_CHARS = 3000


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of quotations, marks included: curly pairs and straight pairs."""
    quotes: list[tuple[int, int]] = []
    limit = MAX_QUOTE_CHARS
    patterns = (rf"“[^“”]{{1,{limit}}}”", rf'"[^"]{{1,{limit}}}"', rf"''(?:(?!'').){{1,{limit}}}''")
    for pattern in patterns:
        quotes.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    return sorted(quotes)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a character range past edge punctuation and spaces (quotation marks stay)."""
    text = text_of(doc)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT + ".":
        end -= 1
    return start, end


def widen_to_quotes(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow a content range to cover every quotation it overlaps (quotes may span sentences)."""
    start, end = content
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def quote_after(sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that opens right after a sentence ending in a colon ("X said:")."""
    if not sent.text.rstrip().endswith(":"):
        return None
    end = sent.end_char
    return next((q for q in quotes if end <= q[0] <= end + 3), None)


def quote_before(sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that closes right before a sentence ('"…?" the minister said.').

    A quote ending in "?" or "!" makes the parser start a new sentence at its speech tag.
    """
    start = sent.start_char
    return next((q for q in quotes if start - 3 <= q[1] <= start), None)


def continued_quote(
    doc: Doc, span: tuple[int, int], quotes: list[tuple[int, int]], previous: Claim
) -> Claim | None:
    """Extend the attribution just before over a quote-only sentence that continues it."""
    quote = next((q for q in quotes if q[0] == span[0]), None)
    if quote is None or previous.speaker.type == "author" or quote[0] < previous.end:
        return None
    return replace(previous, text=text_of(doc)[previous.start : quote[1]], end=quote[1])


def paragraph_pieces(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Split a sentence at blank lines (a headline or byline glued to the first sentence)."""
    pieces, start = [], sent.start_char
    for gap in re.finditer(r"\n\s*\n", sent.text):
        pieces.append(trim(doc, start, sent.start_char + gap.start()))
        start = sent.start_char + gap.end()
    pieces.append(trim(doc, start, sent.end_char))
    return [p for p in pieces if p[1] > p[0]]


def covered(sent: Span, ranges: list[tuple[int, int]]) -> bool:
    """Tell whether a sentence lies inside a content range found in another sentence."""
    start, end = trim(sent.doc, sent.start_char, sent.end_char)
    return any(r_start <= start and end <= r_end for r_start, r_end in ranges)


def unclaimed_clauses(doc: Doc, sent: Span, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the clauses of a sentence, split at semicolons, that no attribution touches.

    "Forces detained a commander; he admitted that …": the detention is the writer's own.
    """
    if ";" not in sent.text:
        return []
    pieces, start = [], sent.start_char
    for mark in re.finditer(";", sent.text):
        pieces.append(trim(doc, start, sent.start_char + mark.start()))
        start = sent.start_char + mark.end()
    pieces.append(trim(doc, start, sent.end_char))
    return [
        (p_start, p_end)
        for p_start, p_end in pieces
        if len(text_of(doc)[p_start:p_end].split()) >= MIN_CLAUSE_WORDS
        and not any(p_start < t_end and t_start < p_end for t_start, t_end in taken)
    ]


# Words between a speech tag and the quote that continues it ('…," she said. "…'), at most.
MAX_TAG_GAP_CHARS = 120


def next_quote(text: str, after: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quote that opens soon after a position in the same paragraph, if any."""
    following = next((q for q in quotes if q[0] >= after), None)
    if following is None or following[0] - after > MAX_TAG_GAP_CHARS:
        return None
    return None if "\n\n" in text[after : following[0]] else following


def has_own_speaker(quote: tuple[int, int], claim: Claim, claims: list[Claim]) -> bool:
    """Tell whether another claim attributes a quote with a cue outside it."""
    return any(
        c is not claim
        and c.cue_start is not None
        and c.start < quote[1]
        and quote[0] < c.end
        and not quote[0] <= c.cue_start < quote[1]
        for c in claims
    )


def run_on_quote(
    text: str, claim: Claim, claims: list[Claim], quotes: list[tuple[int, int]]
) -> Claim:
    """Extend a '"A," she said.' claim over the quote that carries on after the speech tag."""
    if claim.speaker.type == "author" or claim.cue_start is None or claim.cue_end is None:
        return claim
    if claim.cue_start < claim.end or not any(q[1] == claim.end for q in quotes):
        return claim
    following = next_quote(text, claim.cue_end, quotes)
    if following is None or has_own_speaker(following, claim, claims):
        return claim
    return replace(claim, text=text[claim.start : following[1]], end=following[1])


def run_on_quotes(text: str, claims: list[Claim], quotes: list[tuple[int, int]]) -> list[Claim]:
    """Extend every speech-tagged quote over the quote that continues it."""
    return [run_on_quote(text, claim, claims, quotes) for claim in claims]
