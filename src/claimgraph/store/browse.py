"""Read what the web app shows besides events and claims: mentions, rhetoric, actors, places,
edges, assertions, counts per week. Plain rows (dicts) in a stable order, paged by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, func, or_, select

from claimgraph.store import schema as t
from claimgraph.store.read import EventFilter, contains, event_query


def count_events(connection: Connection, flt: EventFilter) -> int:
    """Return how many events match the filter (ignoring its paging)."""
    query = event_query(replace(flt, limit=None, offset=0)).order_by(None).subquery()
    return int(connection.execute(select(func.count()).select_from(query)).scalar() or 0)


def count_table(connection: Connection, table: Any, *conditions: Any) -> int:
    """Return how many rows of a table meet the conditions."""
    query = select(func.count()).select_from(table)
    if conditions:
        query = query.where(*conditions)
    return int(connection.execute(query).scalar() or 0)


def place_mentions(connection: Connection, document_id: str) -> list[dict[str, Any]]:
    """Return a document's toponym mentions with their resolved place, in text order."""
    pm, pl = t.place_mentions.c, t.places.c
    rows = connection.execute(
        select(
            pm.start,
            pm.end,
            pm.text,
            pm.geonameid,
            pl.name,
            pl.latitude,
            pl.longitude,
            pl.country_code,
            pl.admin1,
            pl.admin2,
            pl.feature_code,
        )
        .outerjoin(t.places, pl.geonameid == pm.geonameid)
        .where(pm.document_id == document_id)
        .order_by(pm.start, pm.id)
    ).mappings()
    return [dict(row) for row in rows]


def actor_mentions(connection: Connection, document_id: str) -> list[dict[str, Any]]:
    """Return a document's actor mentions with the canonical actor, in text order."""
    am, ac = t.actor_mentions.c, t.actors.c
    rows = connection.execute(
        select(am.start, am.end, am.text, ac.name, ac.kind, ac.parent)
        .join(t.actors, ac.id == am.actor_id)
        .where(am.document_id == document_id)
        .order_by(am.start, am.id)
    ).mappings()
    return [dict(row) for row in rows]


def rhetoric_of(connection: Connection, document_id: str) -> list[dict[str, Any]]:
    """Return a document's rhetoric spans (loaded language, vague authority, ...)."""
    rh = t.rhetoric.c
    rows = connection.execute(
        select(rh.kind, rh.start, rh.end, rh.text)
        .where(rh.document_id == document_id)
        .order_by(rh.start, rh.id)
    ).mappings()
    return [dict(row) for row in rows]


def list_actors(
    connection: Connection, *, limit: int = 50, offset: int = 0, name: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, page) of actors with how many mentions and documents name them."""
    ac, am = t.actors.c, t.actor_mentions.c
    conditions = [contains(ac.name, name)] if name else []
    total = count_table(connection, t.actors, *conditions)
    query = (
        select(
            ac.id,
            ac.name,
            ac.kind,
            ac.parent,
            func.count(am.id).label("mentions"),
            func.count(func.distinct(am.document_id)).label("documents"),
        )
        .outerjoin(t.actor_mentions, am.actor_id == ac.id)
        .where(*conditions)
        .group_by(ac.id, ac.name, ac.kind, ac.parent)
        .order_by(func.count(am.id).desc(), ac.name)
        .limit(limit)
        .offset(offset)
    )
    return total, [dict(row) for row in connection.execute(query).mappings()]


def list_places(
    connection: Connection, *, limit: int = 50, offset: int = 0, country: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, page) of resolved places with how many mentions and events they have."""
    pl, pm = t.places.c, t.place_mentions.c
    conditions = [func.upper(pl.country_code) == country.upper()] if country else []
    total = count_table(connection, t.places, *conditions)
    events = (
        select(t.events.c.geonameid, func.count().label("n"))
        .group_by(t.events.c.geonameid)
        .subquery()
    )
    query = (
        select(
            pl.geonameid,
            pl.name,
            pl.latitude,
            pl.longitude,
            pl.country_code,
            pl.admin1,
            pl.admin2,
            pl.feature_code,
            func.count(pm.id).label("mentions"),
            func.coalesce(func.max(events.c.n), 0).label("events"),
        )
        .outerjoin(t.place_mentions, pm.geonameid == pl.geonameid)
        .outerjoin(events, events.c.geonameid == pl.geonameid)
        .where(*conditions)
        .group_by(
            pl.geonameid,
            pl.name,
            pl.latitude,
            pl.longitude,
            pl.country_code,
            pl.admin1,
            pl.admin2,
            pl.feature_code,
        )
        .order_by(func.count(pm.id).desc(), pl.name, pl.geonameid)
        .limit(limit)
        .offset(offset)
    )
    return total, [dict(row) for row in connection.execute(query).mappings()]


def list_edges(
    connection: Connection,
    *,
    limit: int | None = 200,
    offset: int = 0,
    document_id: str | None = None,
    edge_id: str | None = None,
    entity: str | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, page) of claim edges: subject, relation, object, speaker, evidence."""
    ed = t.edges.c
    conditions: list[Any] = []
    if document_id:
        conditions.append(ed.document_id == document_id)
    if edge_id:
        conditions.append(ed.id == edge_id)
    if entity:
        conditions.append(or_(contains(ed.subject_name, entity), contains(ed.object_name, entity)))
    total = count_table(connection, t.edges, *conditions)
    query = select(t.edges).where(*conditions).order_by(ed.document_id, ed.evidence_start, ed.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return total, [dict(row) for row in connection.execute(query).mappings()]


def event_links(connection: Connection, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Return, per event, its actors and place: what the graph links besides claim edges."""
    a1, a2 = t.actors.alias("a1"), t.actors.alias("a2")
    ev = t.events.c
    rows = connection.execute(
        select(
            ev.id,
            ev.sub_event_type,
            ev.geonameid,
            ev.location_name,
            a1.c.name.label("actor1"),
            a2.c.name.label("actor2"),
        )
        .outerjoin(a1, a1.c.id == ev.actor1_id)
        .outerjoin(a2, a2.c.id == ev.actor2_id)
        .order_by(ev.event_date.desc().nulls_last(), ev.id)
        .limit(limit)
    ).mappings()
    return [dict(row) for row in rows]


def week_of(day: str) -> str | None:
    """Return the Monday of an ISO date's week, or None for a date that is not one."""
    try:
        date = dt.date.fromisoformat(day)
    except (TypeError, ValueError):
        return None
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def events_per_week(connection: Connection, flt: EventFilter) -> list[tuple[str, int]]:
    """Return (Monday, events) for every week from the first dated event to the last."""
    query = event_query(replace(flt, limit=None, offset=0)).order_by(None).subquery()
    counts: Counter[str] = Counter()
    for (day,) in connection.execute(select(query.c.event_date)):
        week = week_of(day) if day else None
        if week:
            counts[week] += 1
    if not counts:
        return []
    first, last = dt.date.fromisoformat(min(counts)), dt.date.fromisoformat(max(counts))
    weeks = []
    while first <= last:
        weeks.append((first.isoformat(), counts.get(first.isoformat(), 0)))
        first += dt.timedelta(days=7)
    return weeks


def list_assertions(
    connection: Connection, *, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Return (total, page) of assertions, the best supported first."""
    a = t.assertions.c
    total = count_table(connection, t.assertions)
    query = (
        select(t.assertions)
        .order_by(a.independent_sources.desc(), a.event_date.desc().nulls_last(), a.id)
        .limit(limit)
        .offset(offset)
    )
    return total, [dict(row) for row in connection.execute(query).mappings()]


def assertion_of(connection: Connection, assertion_id: str) -> dict[str, Any] | None:
    """Return an assertion row, or None."""
    row = (
        connection.execute(select(t.assertions).where(t.assertions.c.id == assertion_id))
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None


def assertion_support(connection: Connection, assertion_id: str) -> list[dict[str, Any]]:
    """Return every event behind an assertion with its document's title, outlet and date."""
    ev, doc, out = t.events.c, t.documents.c, t.outlets.c
    a1 = t.actors.alias("a1")
    rows = connection.execute(
        select(
            ev.id,
            ev.document_id,
            ev.event_type,
            ev.sub_event_type,
            ev.event_date,
            ev.location_name,
            ev.country_code,
            ev.fatalities,
            ev.fatalities_low,
            ev.fatalities_high,
            ev.speaker_name,
            ev.speaker_type,
            ev.modality,
            a1.c.name.label("actor1"),
            doc.title,
            doc.published,
            doc.input_id,
            out.name.label("outlet"),
        )
        .join(t.documents, doc.id == ev.document_id)
        .outerjoin(t.outlets, out.id == doc.outlet_id)
        .outerjoin(a1, a1.c.id == ev.actor1_id)
        .where(ev.assertion_id == assertion_id)
        .order_by(doc.published.nulls_last(), ev.document_id, ev.ordinal)
    ).mappings()
    return [dict(row) for row in rows]
