"""The Doc attributes claimgraph's components read and write, declared in one place.

doc._.document    Document        set before the pipeline runs (metadata, ignored ranges)
doc._.places      list[Place]     places.v1
doc._.actors      list[Actor]     actors.v1
doc._.claims      list[Claim]     attribution.v1 (every statement, author ones included)
doc._.rhetoric    list[Rhetoric]  rhetoric.v1
doc._.genre       (Genre, tuple[str, ...])  genre.v1: the genre and its evidence
doc._.events      list[Event]     events.v1
doc._.edges       list[ClaimEdge] relations.v1

Computed once per document, for the components that read them many times (spaCy rebuilds
its lists, and a Span per item, on every access): `analysed_sentences(doc)` and
`entities(doc)` / `entities_in(span)`, kept in doc._.sentences_cache and doc._.entities_cache.
They are filled on first use, after the parse, and nothing in the pipeline changes sentence
boundaries or entities after that.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.model import Document
from claimgraph.read.metadata import dateline_length

DOC_ATTRIBUTES = (
    "document",
    "places",
    "actors",
    "claims",
    "rhetoric",
    "genre",
    "events",
    "edges",
    "sentences_cache",
    "entities_cache",
)


def register_extensions() -> None:
    """Declare the Doc attributes (idempotent)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def is_ignored(doc: Doc, start: int, end: int) -> bool:
    """Tell whether the character range overlaps a range the reader marked as boilerplate."""
    document: Document | None = doc._.document
    if document is None:
        return False
    return any(start < i_end and i_start < end for i_start, i_end in document.ignored)


def is_only_dateline(sentence: str) -> bool:
    """Tell whether a sentence is only a dateline ("QUETTA, June 12, 2024 —"): it tells no news."""
    stripped = sentence.strip()
    return 0 < dateline_length(stripped) == len(stripped)


def text_of(doc: Doc) -> str:
    """Return the document text without rebuilding it (spaCy's `doc.text` joins every token)."""
    document: Document | None = doc._.document
    return document.text if document is not None else doc.text


def analysed_sentences(doc: Doc) -> list[Span]:
    """Return the sentences the analysis looks at: not boilerplate, not blank."""
    cached: list[Span] | None = doc._.sentences_cache
    if cached is None:
        text = text_of(doc)
        cached = [
            sent
            for sent in doc.sents
            if text[sent.start_char : sent.end_char].strip()
            and not is_ignored(doc, sent.start_char, sent.end_char)
            and not is_only_dateline(text[sent.start_char : sent.end_char])
        ]
        doc._.sentences_cache = cached
    return list(cached)


def entities(doc: Doc) -> tuple[Span, ...]:
    """Return `doc.ents`, built once per document."""
    cached: tuple[Span, ...] | None = doc._.entities_cache
    if cached is None:
        cached = doc._.entities_cache = tuple(doc.ents)
    return cached


def entities_in(span: Span) -> list[Span]:
    """Return the entities wholly inside a span, as spaCy's `Span.ents` does."""
    found = []
    for ent in entities(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                found.append(ent)
            else:
                break
    return found


register_extensions()
