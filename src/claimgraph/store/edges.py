"""Read the claim graph back: edges around an entity, with how many sources carry each.

An edge's support counts speakers, not copies: the same (subject, relation, object) said in
five pieces by one author is one speaker; said by a named outlet and by the author, two.
The author of a piece is keyed by name, else by the piece's outlet, else by the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from claimgraph.model import ClaimEdge, EntityRef, Span, Speaker
from claimgraph.store import schema as t
from claimgraph.store.read import contains


@dataclass(frozen=True, slots=True)
class EdgeFilter:
    """What `claimgraph graph` can ask for."""

    entity: str | None = None  # part of a subject's or object's name or key
    relation: str | None = None
    speaker_type: str | None = None
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Support:
    """How many documents and distinct speakers carry the same relation."""

    documents: int
    speakers: int


def edge_query(flt: EdgeFilter) -> Any:
    """Return the select of edge rows (with their document's author and outlet), ordered."""
    e, d = t.edges.c, t.documents.c
    query = select(t.edges, d.author.label("doc_author"), d.outlet_id.label("doc_outlet")).join(
        t.documents, d.id == e.document_id
    )
    conditions = []
    if flt.entity:
        conditions.append(
            or_(
                contains(e.subject_name, flt.entity),
                contains(e.object_name, flt.entity),
                e.subject_key == flt.entity,
                e.object_key == flt.entity,
            )
        )
    if flt.relation:
        conditions.append(e.relation == flt.relation)
    if flt.speaker_type:
        conditions.append(e.speaker_type == flt.speaker_type)
    if flt.document_id:
        conditions.append(e.document_id == flt.document_id)
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(e.subject_key, e.relation, e.object_key, e.document_id, e.id)
    query = query.offset(flt.offset)
    return query.limit(flt.limit) if flt.limit is not None else query


def speaker_key(row: Any) -> str:
    """Return who says an edge, as a key that is the same across that speaker's pieces."""
    if row["speaker_type"] == "author":
        who = row["speaker_name"] or row["doc_author"] or row["doc_outlet"] or row["document_id"]
        return f"author:{who}"
    return f"{row['speaker_type']}:{(row['speaker_name'] or '').lower()}"


def support_of(
    connection: Connection, triples: set[tuple[str, str, str]]
) -> dict[tuple[str, str, str], Support]:
    """Return the support of each (subject key, relation, object key) over the whole store."""
    e, d = t.edges.c, t.documents.c
    documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    speakers: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    subjects = sorted({s for s, _r, _o in triples})
    for start in range(0, len(subjects), 500):
        rows = connection.execute(
            select(t.edges, d.author.label("doc_author"), d.outlet_id.label("doc_outlet"))
            .join(t.documents, d.id == e.document_id)
            .where(e.subject_key.in_(subjects[start : start + 500]))
        ).mappings()
        for row in rows:
            key = (row["subject_key"], row["relation"], row["object_key"])
            if key in triples:
                documents[key].add(row["document_id"])
                speakers[key].add(speaker_key(row))
    return {key: Support(len(documents[key]), len(speakers[key])) for key in triples}


def edge_from_row(row: Any) -> ClaimEdge:
    """Rebuild the ClaimEdge of a row."""
    return ClaimEdge(
        id=row["id"],
        document_id=row["document_id"],
        subject=EntityRef(row["subject_kind"], row["subject_key"], row["subject_name"]),
        relation=row["relation"],
        object=EntityRef(row["object_kind"], row["object_key"], row["object_name"]),
        speaker=Speaker(row["speaker_name"], row["speaker_type"]),
        modality=row["modality"],
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        confidence=row["confidence"],
    )


def list_edges(connection: Connection, flt: EdgeFilter) -> Iterator[tuple[ClaimEdge, Support]]:
    """Yield the matching edges with the support of the relation each states."""
    rows = connection.execute(edge_query(flt)).mappings().all()
    triples = {(r["subject_key"], r["relation"], r["object_key"]) for r in rows}
    support = support_of(connection, triples)
    for row in rows:
        yield edge_from_row(row), support[(row["subject_key"], row["relation"], row["object_key"])]
