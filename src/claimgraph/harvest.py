"""Collect what the components wrote on a Doc into a Record of plain types."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Document, Genre, Record


def harvest(doc: Doc, component_names: tuple[str, ...] = ()) -> Record:
    """Turn an analysed Doc into the document's Record."""
    document: Document = doc._.document
    genre: Genre
    genre, genre_evidence = doc._.genre or ("unknown", ())
    return Record(
        document=document,
        genre=genre,
        genre_evidence=tuple(genre_evidence),
        events=tuple(doc._.events or ()),
        places=tuple(doc._.places or ()),
        actors=tuple(doc._.actors or ()),
        claims=tuple(doc._.claims or ()),
        rhetoric=tuple(doc._.rhetoric or ()),
        components=component_names,
    )


def empty_record(document: Document) -> Record:
    """Return the Record of a document that is not analysed (e.g. not English): metadata only."""
    return Record(document=document)
