"""Read the store's assertions back with their supporting documents, for the CLI and the web.

`corroborate` writes them as documents are stored; `list_assertions` filters and pages them,
each with the documents and reports that support it and the values they disagree on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, and_, select

from claimgraph.model import Assertion, ConflictingValue, Event, Location, Speaker
from claimgraph.store import schema as t
from claimgraph.store.read import (
    EventFilter,
    event_from_row,
    event_query,
    evidence_of,
    incident_conditions,
)

_CHUNK: Final = 500  # bounded IN lists


def conflict_json(conflict: ConflictingValue) -> dict[str, Any]:
    """Return one conflicting value as JSON: field, value, document and who gives it."""
    return {
        "field": conflict.field,
        "value": conflict.value,
        "document_id": conflict.document_id,
        "speaker": {"name": conflict.speaker.name, "type": conflict.speaker.type},
    }


def conflict_from_json(obj: dict[str, Any]) -> ConflictingValue:
    """Return the ConflictingValue of its JSON."""
    speaker = obj.get("speaker") or {}
    return ConflictingValue(
        obj["field"],
        obj["value"],
        obj["document_id"],
        Speaker(speaker.get("name"), speaker.get("type", "author")),
    )


@dataclass(frozen=True, slots=True)
class AssertionFilter:
    """What `claimgraph events` can ask of assertions; None means any."""

    events: EventFilter = EventFilter()  # place, type, date, actor, text filters of members
    min_sources: int = 0
    assertion_id: str | None = None


@dataclass(frozen=True, slots=True)
class Support:
    """One document behind an assertion: its store id, name as read, outlet and date."""

    document_id: str
    input_id: str
    title: str | None
    outlet: str | None
    published: str | None
    genre: str
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class StoredAssertion:
    """An assertion as stored, with its place and the documents that support it."""

    assertion: Assertion
    supports: tuple[Support, ...]
    updated_at: str


def list_assertions(connection: Connection, flt: AssertionFilter) -> list[StoredAssertion]:
    """Return the matching assertions, newest incident first, each with its supporting documents."""
    a = t.assertions.c
    ef = flt.events
    conditions = incident_conditions(a, ef)
    if flt.assertion_id:
        conditions.append(a.id == flt.assertion_id)
    if flt.min_sources:
        conditions.append(a.independent_sources >= flt.min_sources)
    if ef.actor or ef.text or ef.document_id or ef.event_id:
        members = EventFilter(
            actor=ef.actor, text=ef.text, document_id=ef.document_id, event_id=ef.event_id
        )
        matching = event_query(members).subquery()
        conditions.append(a.id.in_(select(matching.c.assertion_id)))
    p = t.places.c
    query = select(
        t.assertions,
        p.name.label("place_name"),
        p.latitude,
        p.longitude,
        p.admin2,
    ).outerjoin(t.places, p.geonameid == a.geonameid)
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(a.event_date.desc().nulls_last(), a.id).offset(ef.offset)
    if ef.limit is not None:
        query = query.limit(ef.limit)
    rows = connection.execute(query).mappings().all()
    supports = _supports(connection, [row["id"] for row in rows])
    return [
        StoredAssertion(
            _assertion_of_row(row, supports.get(row["id"], ())),
            supports.get(row["id"], ()),
            row["updated_at"],
        )
        for row in rows
    ]


def _supports(connection: Connection, ids: Sequence[str]) -> dict[str, tuple[Support, ...]]:
    """Return assertion id -> its supporting documents (ordered by publication, then id)."""
    found: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    docs: dict[str, Any] = {}
    d, o = t.documents.c, t.outlets.c
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        query = (
            event_query(EventFilter())
            .where(t.events.c.assertion_id.in_(chunk))
            .order_by(None)
            .order_by(t.events.c.document_id, t.events.c.ordinal)
        )
        rows = connection.execute(query).mappings().all()
        evidence = evidence_of(connection, [row["id"] for row in rows])
        for row in rows:
            event = event_from_row(row, evidence.get(row["id"], ()))
            found[row["assertion_id"]][row["document_id"]].append(event)
        wanted = sorted({row["document_id"] for row in rows} - set(docs))
        if wanted:
            doc_rows = connection.execute(
                select(d.id, d.input_id, d.title, d.published, d.genre, o.name.label("outlet"))
                .outerjoin(t.outlets, o.id == d.outlet_id)
                .where(d.id.in_(wanted))
            ).mappings()
            docs.update({row["id"]: row for row in doc_rows})
    out: dict[str, tuple[Support, ...]] = {}
    for assertion_id, by_document in found.items():
        supports = [
            Support(
                document_id=doc_id,
                input_id=docs[doc_id]["input_id"],
                title=docs[doc_id]["title"],
                outlet=docs[doc_id]["outlet"],
                published=docs[doc_id]["published"],
                genre=docs[doc_id]["genre"],
                events=tuple(events),
            )
            for doc_id, events in by_document.items()
        ]
        supports.sort(key=lambda s: (s.published or "9999", s.document_id))
        out[assertion_id] = tuple(supports)
    return out


def _assertion_of_row(row: Any, supports: Sequence[Support]) -> Assertion:
    """Rebuild the Assertion of a row; actors are the ones most member reports name."""
    location = None
    if row["geonameid"] is not None or row["country_code"] is not None:
        location = Location(
            name=row["place_name"] or row["admin1"] or row["country_code"] or "",
            geonameid=row["geonameid"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            country_code=row["country_code"],
            admin1=row["admin1"],
            admin2=row["admin2"],
            geo_precision=_geo_precision(row, supports),
        )
    events = [event for support in supports for event in support.events]
    first = Counter(e.actor1 for e in events if e.actor1).most_common(1)
    second = Counter(e.actor2 for e in events if e.actor2).most_common(1)
    return Assertion(
        id=row["id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        location=location,
        actor1=first[0][0] if first else None,
        actor2=second[0][0] if second else None,
        fatalities=row["fatalities"],
        fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"],
        events=tuple(sorted(e.id for e in events)),
        documents=tuple(sorted(s.document_id for s in supports)),
        independent_sources=row["independent_sources"],
        conflicts=tuple(conflict_from_json(c) for c in row["conflicts"]),
    )


def _geo_precision(row: Any, supports: Sequence[Support]) -> int:
    precisions = [
        e.location.geo_precision
        for s in supports
        for e in s.events
        if e.location is not None and e.location.geonameid == row["geonameid"]
    ]
    return min(precisions) if precisions else 3


def assertion_ids(connection: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """Return event id -> the id of the assertion it belongs to (events in none are left out)."""
    ev, found = t.events.c, {}
    for start in range(0, len(event_ids), _CHUNK):
        chunk = list(event_ids[start : start + _CHUNK])
        rows = connection.execute(
            select(ev.id, ev.assertion_id).where(ev.id.in_(chunk), ev.assertion_id.is_not(None))
        )
        found.update({key: assertion for key, assertion in rows})
    return found
