"""Read the record back as model values: events, claims, documents, counts.

Rows become the same frozen values `extract` produces (Event, Claim, Document), paired with
the store id of their document, so every front end renders them with the contract's code.
Ordering is explicit and NULLs sort last on every database, so SQLite and PostgreSQL list
the same rows in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from claimgraph.model import Claim, Document, Event, EventActor, Location, Provenance, Span, Speaker
from claimgraph.store import schema as t


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `claimgraph events` can ask for; None means any."""

    country: str | None = None  # ISO 3166 alpha-2 code
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    actor: str | None = None  # canonical name or text as written, case-insensitive part
    text: str | None = None  # words in the evidence, case-insensitive part
    document_id: str | None = None
    event_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claimgraph claims` can ask for over the store."""

    speaker: str | None = None
    speaker_type: str | None = None
    modality: str | None = None
    document_id: str | None = None
    claim_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document with its analysis metadata and counts."""

    id: str
    document: Document
    genre: str
    genre_evidence: tuple[str, ...]
    ingested_at: str
    events: int
    claims: int

    def as_json(self, genre_evidence: bool = False) -> dict[str, Any]:
        """Return the document's metadata and counts as a row (the CLI's and the web's)."""
        document = self.document
        row: dict[str, Any] = {
            "id": self.id,
            "input_id": document.id,
            "title": document.title,
            "author": document.author,
            "outlet": document.outlet,
            "published": document.published,
            "url": document.url,
            "genre": self.genre,
        }
        if genre_evidence:
            row["genre_evidence"] = list(self.genre_evidence)
        return {
            **row,
            "language": document.language,
            "sha256": document.sha256,
            "events": self.events,
            "claims": self.claims,
            "ingested_at": self.ingested_at,
        }


def contains(column: Any, words: str) -> Any:
    """Return a case-insensitive 'column contains words' condition (LIKE wildcards escaped)."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def incident_conditions(columns: Any, flt: EventFilter) -> list[Any]:
    """Return the where-conditions on what an incident is and where and when it happened,
    for any table with the event columns (events, assertions)."""
    conditions = []
    if flt.country:
        conditions.append(func.upper(columns.country_code) == flt.country.upper())
    if flt.admin1:
        conditions.append(func.lower(columns.admin1) == flt.admin1.lower())
    if flt.event_type:
        conditions.append(func.lower(columns.event_type) == flt.event_type.lower())
    if flt.sub_event_type:
        conditions.append(func.lower(columns.sub_event_type) == flt.sub_event_type.lower())
    if flt.since:
        conditions.append(columns.event_date >= flt.since)
    if flt.until:
        conditions.append(columns.event_date <= flt.until)
    return conditions


def event_query(flt: EventFilter) -> Select[Any]:
    """Return the select of event rows (with actor names) that match the filter, ordered."""
    a1, a2 = aliased(t.actors), aliased(t.actors)
    query = (
        select(t.events, a1.c.name.label("actor1_name"), a2.c.name.label("actor2_name"))
        .outerjoin(a1, a1.c.id == t.events.c.actor1_id)
        .outerjoin(a2, a2.c.id == t.events.c.actor2_id)
    )
    ev = t.events.c
    conditions = incident_conditions(ev, flt)
    if flt.document_id:
        conditions.append(ev.document_id == flt.document_id)
    if flt.event_id:
        conditions.append(ev.id == flt.event_id)
    if flt.actor:
        conditions.append(
            or_(
                contains(a1.c.name, flt.actor),
                contains(a2.c.name, flt.actor),
                contains(ev.actor1_text, flt.actor),
                contains(ev.actor2_text, flt.actor),
            )
        )
    if flt.text:
        spans = select(t.evidence_spans.c.event_id).where(
            contains(t.evidence_spans.c.text, flt.text)
        )
        conditions.append(ev.id.in_(spans))
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(ev.event_date.desc().nulls_last(), ev.document_id, ev.ordinal).offset(
        flt.offset
    )
    return query.limit(flt.limit) if flt.limit is not None else query


def list_events(connection: Connection, flt: EventFilter) -> Iterator[tuple[str, Event]]:
    """Yield (document id, event) for the matching events, in a stable order."""
    rows = connection.execute(event_query(flt)).mappings().all()
    evidence = evidence_of(connection, [row["id"] for row in rows])
    for row in rows:
        yield row["document_id"], event_from_row(row, evidence.get(row["id"], ()))


def evidence_of(connection: Connection, event_ids: Sequence[str]) -> dict[str, tuple[Span, ...]]:
    """Return the evidence spans of the events, in sentence order."""
    found: dict[str, list[Span]] = defaultdict(list)
    es = t.evidence_spans.c
    for start in range(0, len(event_ids), 500):
        chunk = list(event_ids[start : start + 500])
        rows = connection.execute(
            select(es.event_id, es.start, es.end, es.text)
            .where(es.event_id.in_(chunk))
            .order_by(es.event_id, es.ordinal)
        )
        for event_id, begin, end, text in rows:
            found[event_id].append(Span(begin, end, text))
    return {key: tuple(spans) for key, spans in found.items()}


def event_actor(row: Any, prefix: str) -> EventActor | None:
    """Return actor1 or actor2 of an event row."""
    name = row[f"{prefix}_name"]
    if name is None:
        return None
    return EventActor(name=name, text=row[f"{prefix}_text"], kind=row[f"{prefix}_kind"])


def event_from_row(row: Any, evidence: tuple[Span, ...]) -> Event:
    """Rebuild the Event of a row (the contract's values, with document id and provenance)."""
    location = None
    if row["location_name"] is not None:
        location = Location(
            name=row["location_name"],
            geonameid=row["geonameid"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            country_code=row["country_code"],
            admin1=row["admin1"],
            admin2=row["admin2"],
            geo_precision=row["geo_precision"],
        )
    return Event(
        id=row["id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        actor1=event_actor(row, "actor1"),
        actor2=event_actor(row, "actor2"),
        background=bool(row["background"]),
        location=location,
        fatalities=row["fatalities"],
        fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"],
        speaker=Speaker(row["speaker_name"], row["speaker_type"]),
        modality=row["modality"],
        evidence=evidence,
        confidence=row["confidence"],
        document_id=row["document_id"],
        provenance=Provenance(row["component"], row["component_version"], row["confidence"]),
    )


def claim_query(flt: ClaimFilter) -> Select[Any]:
    """Return the select of claim rows matching the filter, in document order."""
    cl = t.claims.c
    conditions = []
    if flt.speaker:
        conditions.append(contains(cl.speaker_name, flt.speaker))
    if flt.speaker_type:
        conditions.append(cl.speaker_type == flt.speaker_type)
    if flt.modality:
        conditions.append(cl.modality == flt.modality)
    if flt.document_id:
        conditions.append(cl.document_id == flt.document_id)
    if flt.claim_id:
        conditions.append(cl.id == flt.claim_id)
    query = select(t.claims)
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(cl.document_id, cl.ordinal).offset(flt.offset)
    return query.limit(flt.limit) if flt.limit is not None else query


def claim_from_row(row: Any) -> Claim:
    """Rebuild the Claim of a row."""
    hedge = None
    if row["hedge_text"] is not None:
        hedge = Span(row["hedge_start"], row["hedge_end"], row["hedge_text"])
    return Claim(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        speaker=Speaker(
            row["speaker_name"], row["speaker_type"], row["speaker_start"], row["speaker_end"]
        ),
        cue=row["cue"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        modality=row["modality"],
        hedge=hedge,
        check_worthiness=row["check_worthiness"],
        document_id=row["document_id"],
        provenance=Provenance(row["component"], row["component_version"]),
    )


def list_claims(connection: Connection, flt: ClaimFilter) -> Iterator[tuple[str, str, Claim]]:
    """Yield (claim id, document id, claim) for the matching claims."""
    for row in connection.execute(claim_query(flt)).mappings():
        yield row["id"], row["document_id"], claim_from_row(row)


def count_per_document(connection: Connection, table: Any, ids: Sequence[str]) -> dict[str, int]:
    """Return how many rows of a table each document has."""
    rows = connection.execute(
        select(table.c.document_id, func.count())
        .where(table.c.document_id.in_(list(ids)))
        .group_by(table.c.document_id)
    )
    return {key: int(n) for key, n in rows}


def list_documents(
    connection: Connection,
    *,
    limit: int | None = None,
    offset: int = 0,
    document_id: str | None = None,
    with_text: bool = False,
) -> list[StoredDocument]:
    """Return stored documents in the order they were ingested (then by id)."""
    d, o = t.documents.c, t.outlets.c
    query = select(t.documents, o.name.label("outlet")).outerjoin(t.outlets, o.id == d.outlet_id)
    if document_id is not None:
        query = query.where(or_(d.id == document_id, d.input_id == document_id))
    query = query.order_by(d.ingested_at, d.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = connection.execute(query).mappings().all()
    ids = [row["id"] for row in rows]
    events = count_per_document(connection, t.events, ids)
    claims = count_per_document(connection, t.claims, ids)
    return [
        StoredDocument(
            id=row["id"],
            document=Document(
                id=row["input_id"],
                text=row["text"] if with_text else "",
                title=row["title"],
                author=row["author"],
                outlet=row["outlet"],
                published=row["published"],
                url=row["url"],
                source=row["source"],
                ignored=tuple(tuple(pair) for pair in row["ignored"]),  # type: ignore[misc]
                language=row["language"],
                sha256=row["sha256"],
            ),
            genre=row["genre"],
            genre_evidence=tuple(row["genre_evidence"]),
            ingested_at=row["ingested_at"],
            events=events.get(row["id"], 0),
            claims=claims.get(row["id"], 0),
        )
        for row in rows
    ]


COUNTED = {
    "documents": t.documents,
    "events": t.events,
    "claims": t.claims,
    "places": t.places,
    "actors": t.actors,
    "place_mentions": t.place_mentions,
    "actor_mentions": t.actor_mentions,
    "evidence_spans": t.evidence_spans,
    "outlets": t.outlets,
    "assertions": t.assertions,
    "edges": t.edges,
    "reviews": t.reviews,
}


def count_rows(connection: Connection) -> dict[str, int]:
    """Return how many rows each kind of record has."""
    return {
        name: int(connection.execute(select(func.count()).select_from(table)).scalar() or 0)
        for name, table in COUNTED.items()
    }
