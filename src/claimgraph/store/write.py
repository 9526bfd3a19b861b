"""Add one document's Record to the store: every row of it in one transaction, or none.

Places are shared across documents by GeoNames id and actors by canonical name, so the
record joins across documents. A publication already stored (same text, outlet and URL:
`Document.publication`) is skipped, which makes ingest idempotent and resumable; the same
text from another outlet is another document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, CursorResult, insert, select

from claimgraph import __version__
from claimgraph.entities import actor_entity, place_entity
from claimgraph.model import Actor, Claim, ClaimEdge, Event, EventActor, Place, Record
from claimgraph.store import schema as t
from claimgraph.taxonomy import disorder_type_of

# Which registered component writes each kind of mention (recorded with every row).
PLACES_COMPONENT = "places_v1"
ACTORS_COMPONENT = "actors_v1"


def document_key(publication: str) -> str:
    """Return the store id of a document: the start of its publication hash."""
    return publication[:16]


def stored_hashes(connection: Connection, hashes: Iterable[str]) -> set[str]:
    """Return which of the publication hashes are already in the store."""
    wanted = list(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # bounded IN lists
        chunk = wanted[start : start + 500]
        rows = connection.execute(
            select(t.documents.c.publication).where(t.documents.c.publication.in_(chunk))
        )
        found.update(row[0] for row in rows)
    return found


def write_record(connection: Connection, record: Record) -> str:
    """Insert every row of one record on the open transaction; return the document's store id."""
    document = record.document
    document_id = document_key(document.publication)
    outlet_id = outlet_of(connection, document.outlet)
    connection.execute(
        insert(t.documents).values(
            id=document_id,
            sha256=document.sha256,
            publication=document.publication,
            input_id=document.id,
            source=document.source,
            title=document.title,
            author=document.author,
            outlet_id=outlet_id,
            published=document.published,
            url=document.url,
            language=document.language,
            genre=record.genre,
            genre_evidence=list(record.genre_evidence),
            text=document.text,
            ignored=[list(pair) for pair in document.ignored],
            components=list(record.components),
            claimgraph_version=__version__,
            ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
    )
    write_places(connection, document_id, record.places, record.events)
    actor_ids = write_actors(connection, document_id, record.actors, record.events)
    write_events(connection, document_id, record.events, actor_ids)
    claim_ids = write_claims(connection, document_id, record.claims)
    write_claim_links(connection, record, claim_ids)
    write_edges(connection, document_id, record.edges)
    rows = [
        {"document_id": document_id, "kind": r.kind, "start": r.start, "end": r.end, "text": r.text}
        for r in record.rhetoric
    ]
    insert_many(connection, t.rhetoric, rows)
    return document_id


def insert_many(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows in one statement (an empty list is no statement)."""
    if rows:
        connection.execute(insert(table), rows)


def new_id(result: CursorResult[Any]) -> int:
    """Return the integer key the database gave the row just inserted."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database returned no key for an inserted row")
    return int(key[0])


def outlet_of(connection: Connection, name: str | None) -> int | None:
    """Return the id of the named outlet, adding it on first sight."""
    if not name:
        return None
    found = connection.execute(select(t.outlets.c.id).where(t.outlets.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return new_id(connection.execute(insert(t.outlets).values(name=name)))


def write_places(
    connection: Connection, document_id: str, places: Iterable[Place], events: Iterable[Event]
) -> None:
    """Add the gazetteer entries the document resolved to, then its place mentions."""
    entries: dict[int, dict[str, Any]] = {}
    for event in events:
        loc = event.location
        if loc is not None and loc.geonameid is not None:
            entries.setdefault(
                loc.geonameid,
                {
                    "geonameid": loc.geonameid,
                    "name": loc.name,
                    "latitude": loc.latitude,
                    "longitude": loc.longitude,
                    "country_code": loc.country_code,
                    "admin1": loc.admin1,
                    "admin1_code": None,
                    "admin2": loc.admin2,
                    "feature_code": None,
                },
            )
    places = list(places)
    for place in places:
        if place.geonameid is not None:
            # A mention carries the full entry (admin1 code, feature code): it wins.
            entries[place.geonameid] = {
                "geonameid": place.geonameid,
                "name": place.name or place.text,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "country_code": place.country_code,
                "admin1": place.admin1,
                "admin1_code": place.admin1_code,
                "admin2": place.admin2,
                "feature_code": place.feature_code,
            }
    if entries:
        known = set(
            connection.scalars(
                select(t.places.c.geonameid).where(t.places.c.geonameid.in_(list(entries)))
            )
        )
        insert_many(connection, t.places, [row for key, row in entries.items() if key not in known])
    mention_rows = [
        {
            "document_id": document_id,
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "geonameid": p.geonameid,
            "component": PLACES_COMPONENT,
        }
        for p in places
    ]
    insert_many(connection, t.place_mentions, mention_rows)


def write_actors(
    connection: Connection, document_id: str, actors: Iterable[Actor], events: Iterable[Event]
) -> dict[str, int]:
    """Add canonical actors not yet known, then the document's actor mentions; return name -> id."""
    actors = list(actors)
    wanted: dict[str, tuple[str | None, str | None]] = {}
    for actor in actors:
        wanted.setdefault(actor.name, (actor.kind, actor.parent))
    for event in events:
        for event_actor in (event.actor1, event.actor2):
            if event_actor is not None:
                wanted.setdefault(event_actor.name, (event_actor.kind, None))
    ids: dict[str, int] = {}
    if wanted:
        rows = connection.execute(
            select(t.actors.c.name, t.actors.c.id).where(t.actors.c.name.in_(list(wanted)))
        )
        ids = {name: int(key) for name, key in rows}
    for name, (kind, parent) in wanted.items():
        if name not in ids:
            result = connection.execute(
                insert(t.actors).values(name=name, kind=kind, parent=parent)
            )
            ids[name] = new_id(result)
    mention_rows = [
        {
            "document_id": document_id,
            "start": a.start,
            "end": a.end,
            "text": a.text,
            "actor_id": ids[a.name],
            "component": ACTORS_COMPONENT,
        }
        for a in actors
    ]
    insert_many(connection, t.actor_mentions, mention_rows)
    return ids


def actor_columns(prefix: str, actor: EventActor | None, ids: dict[str, int]) -> dict[str, Any]:
    """Return actor1_* or actor2_* columns of an event row."""
    if actor is None:
        return {f"{prefix}_id": None, f"{prefix}_text": None, f"{prefix}_kind": None}
    return {
        f"{prefix}_id": ids[actor.name],
        f"{prefix}_text": actor.text,
        f"{prefix}_kind": actor.kind,
    }


def event_row(document_id: str, ordinal: int, event: Event, ids: dict[str, int]) -> dict[str, Any]:
    """Return the events row of one event."""
    loc = event.location
    provenance = event.provenance
    return {
        "id": event.id,
        "document_id": document_id,
        "ordinal": ordinal,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": disorder_type_of(event.sub_event_type),
        "event_date": event.event_date,
        "time_precision": event.time_precision,
        **actor_columns("actor1", event.actor1, ids),
        **actor_columns("actor2", event.actor2, ids),
        "background": event.background,
        "location_name": loc.name if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "speaker_name": event.speaker.name,
        "speaker_type": event.speaker.type,
        "modality": event.modality,
        "confidence": event.confidence,
        "component": provenance.component if provenance else "events_v1",
        "component_version": provenance.version if provenance else __version__,
        "assertion_id": None,
    }


def write_events(
    connection: Connection, document_id: str, events: Iterable[Event], ids: dict[str, int]
) -> None:
    """Insert the document's events and one evidence row per supporting sentence."""
    events = list(events)
    insert_many(
        connection, t.events, [event_row(document_id, i, e, ids) for i, e in enumerate(events)]
    )
    spans = [
        {
            "document_id": document_id,
            "event_id": event.id,
            "ordinal": position,
            "start": span.start,
            "end": span.end,
            "text": span.text,
        }
        for event in events
        for position, span in enumerate(event.evidence)
    ]
    insert_many(connection, t.evidence_spans, spans)


def claim_key(document_id: str, ordinal: int, claim: Claim) -> str:
    """Return a claim's id: stable for the same document text and analysis."""
    return hashlib.sha256(
        f"{document_id}:{ordinal}:{claim.start}:{claim.end}".encode()
    ).hexdigest()[:16]


def write_claims(connection: Connection, document_id: str, claims: Iterable[Claim]) -> list[str]:
    """Insert the document's claims with their speaker, cue, modality and hedge; return ids."""
    rows = []
    for ordinal, claim in enumerate(claims):
        provenance = claim.provenance
        hedge = claim.hedge
        rows.append(
            {
                "id": claim_key(document_id, ordinal, claim),
                "document_id": document_id,
                "ordinal": ordinal,
                "start": claim.start,
                "end": claim.end,
                "text": claim.text,
                "speaker_name": claim.speaker.name,
                "speaker_type": claim.speaker.type,
                "speaker_start": claim.speaker.start,
                "speaker_end": claim.speaker.end,
                "cue": claim.cue,
                "cue_start": claim.cue_start,
                "cue_end": claim.cue_end,
                "modality": claim.modality,
                "hedge_text": hedge.text if hedge else None,
                "hedge_start": hedge.start if hedge else None,
                "hedge_end": hedge.end if hedge else None,
                "check_worthiness": claim.check_worthiness,
                "component": provenance.component if provenance else "attribution_v1",
                "component_version": provenance.version if provenance else __version__,
            }
        )
    insert_many(connection, t.claims, rows)
    return [str(row["id"]) for row in rows]


def write_claim_links(connection: Connection, record: Record, claim_ids: list[str]) -> None:
    """Link each claim to the actors and places its text mentions (by span)."""
    mentions = [(a.start, a.end, actor_entity(a)) for a in record.actors]
    mentions += [(p.start, p.end, place_entity(p)) for p in record.places]
    rows = [
        {
            "claim_id": claim_id,
            "entity_kind": entity.kind,
            "entity_key": entity.key,
            "start": start,
            "end": end,
        }
        for claim_id, claim in zip(claim_ids, record.claims, strict=True)
        for start, end, entity in mentions
        if claim.start <= start and end <= claim.end
    ]
    insert_many(connection, t.claim_links, rows)


def write_edges(connection: Connection, document_id: str, edges: Iterable[ClaimEdge]) -> None:
    """Insert the document's claim edges, each with its speaker, modality and evidence."""
    rows = []
    for edge in edges:
        provenance = edge.provenance
        rows.append(
            {
                "id": edge.id,
                "document_id": document_id,
                "subject_kind": edge.subject.kind,
                "subject_key": edge.subject.key,
                "subject_name": edge.subject.name,
                "relation": edge.relation,
                "object_kind": edge.object.kind,
                "object_key": edge.object.key,
                "object_name": edge.object.name,
                "speaker_name": edge.speaker.name,
                "speaker_type": edge.speaker.type,
                "modality": edge.modality,
                "evidence_start": edge.evidence.start,
                "evidence_end": edge.evidence.end,
                "evidence_text": edge.evidence.text,
                "confidence": edge.confidence,
                "component": provenance.component if provenance else "relations_v1",
                "component_version": provenance.version if provenance else __version__,
            }
        )
    insert_many(connection, t.edges, rows)
