"""The Doc attributes claimgraph's components read and write, declared in one place.

doc._.document    Document        set before the pipeline runs (metadata, ignored ranges)
doc._.places      list[Place]     places.v1
doc._.actors      list[Actor]     actors.v1
doc._.claims      list[Claim]     attribution.v1 (every statement, author ones included)
doc._.rhetoric    list[Rhetoric]  rhetoric.v1
doc._.genre       (Genre, tuple[str, ...])  genre.v1: the genre and its evidence
doc._.events      list[Event]     events.v1
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.model import Document

DOC_ATTRIBUTES = ("document", "places", "actors", "claims", "rhetoric", "genre", "events")


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


def text_of(doc: Doc) -> str:
    """Return the document text without rebuilding it (spaCy's `doc.text` joins every token)."""
    document: Document | None = doc._.document
    return document.text if document is not None else doc.text


def analysed_sentences(doc: Doc) -> list[Span]:
    """Return the sentences the analysis looks at: not boilerplate, not blank."""
    return [
        sent
        for sent in doc.sents
        if sent.text.strip() and not is_ignored(doc, sent.start_char, sent.end_char)
    ]


register_extensions()
