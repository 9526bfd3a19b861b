"""Collect what the components wrote on a Doc into a Record of plain types."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from spacy.tokens import Doc

from claimgraph import __version__
from claimgraph.model import Claim, ClaimEdge, Document, Event, Genre, Provenance, Record

# The registered component that writes each kind of fact (recorded as its provenance).
EVENTS_COMPONENT = "events_v1"
CLAIMS_COMPONENT = "attribution_v1"
EDGES_COMPONENT = "relations_v1"


def harvest(doc: Doc, component_names: tuple[str, ...] = ()) -> Record:
    """Turn an analysed Doc into the document's Record."""
    document: Document = doc._.document
    genre: Genre
    genre, genre_evidence = doc._.genre or ("unknown", ())
    return Record(
        document=document,
        genre=genre,
        genre_evidence=tuple(genre_evidence),
        events=tuple(
            stamp_event(e, document.id) for e in with_unique_ids(tuple(doc._.events or ()))
        ),
        places=tuple(doc._.places or ()),
        actors=tuple(doc._.actors or ()),
        claims=tuple(stamp_claim(c, document.id) for c in doc._.claims or ()),
        rhetoric=tuple(doc._.rhetoric or ()),
        components=component_names,
        edges=tuple(stamp_edge(e, document.id) for e in doc._.edges or ()),
    )


def empty_record(document: Document) -> Record:
    """Return the Record of a document that is not analysed (e.g. not English): metadata only."""
    return Record(document=document)


def with_unique_ids(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Return the events with ids unique within the document.

    An event id hashes the document, its first evidence offset and its sub-event type, so two
    events read from one sentence with the same type would share it; the later one gets an id
    that also hashes its position.
    """
    seen: set[str] = set()
    unique = []
    for position, event in enumerate(events):
        if event.id in seen:
            digest = hashlib.sha256(f"{event.id}:{position}".encode()).hexdigest()[:16]
            event = replace(event, id=digest)
        seen.add(event.id)
        unique.append(event)
    return tuple(unique)


def stamp_event(event: Event, document_id: str) -> Event:
    """Return the event with the id of its document and its provenance."""
    provenance = Provenance(EVENTS_COMPONENT, __version__, event.confidence)
    return replace(event, document_id=document_id, provenance=provenance)


def stamp_claim(claim: Claim, document_id: str) -> Claim:
    """Return the claim with the id of its document and its provenance.

    The confidence of a claim reading is not scored yet (check-worthiness is another thing).
    """
    return replace(
        claim, document_id=document_id, provenance=Provenance(CLAIMS_COMPONENT, __version__)
    )


def stamp_edge(edge: ClaimEdge, document_id: str) -> ClaimEdge:
    """Return the edge with the id of its document and its provenance."""
    provenance = Provenance(EDGES_COMPONENT, __version__, edge.confidence)
    return replace(edge, document_id=document_id, provenance=provenance)
