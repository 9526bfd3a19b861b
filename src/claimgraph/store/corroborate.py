"""Corroborate in the store: cluster each new document's events into assertions as it is stored.

`corroborate_document` runs on the transaction that wrote the document, so a document is
never stored without its assertions. It fetches only the neighbourhood of the new events
(queries by date window, then country or a rare word of the document, then the pure
blocking of `claimgraph.corroborate`), takes every member of the assertions found there,
and clusters that neighbourhood afresh with `corroborate.cluster` (best pair first, ties by
id): the result depends on which events are in the neighbourhood, not on the order documents
arrived in. Assertions of the neighbourhood that end up with no member are deleted. Only
what documents report is clustered: an incident a document only recalls is not a report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from typing import Any, Final

from sqlalchemy import Connection, and_, delete, insert, or_, select, update
from sqlalchemy.orm import aliased

from claimgraph.corroborate import BlockIndex, cluster
from claimgraph.corroborate.blocking import BUCKET_DAYS, rare_words
from claimgraph.corroborate.syndication import group_of, signature_groups, text_signature
from claimgraph.corroborate.weights import profile
from claimgraph.identity import (
    DATE_SLACK_DAYS,
    UNDATED_LOOKBACK_DAYS,
    EventView,
    date_window,
)
from claimgraph.model import Assertion
from claimgraph.store import schema as t
from claimgraph.store.assertions import conflict_json
from claimgraph.store.memory import Memory
from claimgraph.store.read import (
    contains,
    event_from_row,
    evidence_of,
)

# A stored event can be a candidate when its own window (at most a month of slack either
# side, or the lookback of an undated report) shares a week bucket with the new event's.
_REACH: Final = timedelta(days=max(*DATE_SLACK_DAYS.values(), UNDATED_LOOKBACK_DAYS) + BUCKET_DAYS)


_CHUNK: Final = 500  # bounded IN lists


# How far the re-clustered neighbourhood reaches: the assertions of events blocking with the
# new ones (1), and of events blocking with their members (2). 2 changed nothing on gvc_train
# (the stored clusters already equal clustering everything at once) and took 3x the time.
HOPS: Final = 1


def corroborate_document(
    connection: Connection, document_id: str, memory: Memory | None = None
) -> None:
    """Cluster a just-written document's events with their stored neighbours (same transaction).

    `memory` keeps what this computes about stored events for the next documents (see
    `claimgraph.store.memory`); the assertions are the same with or without it.
    """
    memory = memory if memory is not None else Memory()
    memory.trim()
    ev = t.events.c
    new = [view for view, _ in _stored(connection, ev.document_id == document_id, memory)]
    if not new:
        return
    views = {view.event.id: view for view in new}
    current: dict[str, str | None] = {}  # event id -> the assertion it belongs to now
    old_ids: set[str] = set()
    frontier = new
    for _ in range(HOPS):
        index = BlockIndex()
        for view in frontier:
            index.add(0, view)
        near = or_(*(_near(view) for view in frontier))
        found = [
            (view, assertion)
            for view, assertion in _stored(connection, near, memory)
            if view.event.id not in views and index.candidates(view)
        ]
        fresh_ids = sorted({a for _, a in found if a is not None} - old_ids)
        old_ids.update(fresh_ids)
        members = _stored(connection, ev.assertion_id.in_(fresh_ids), memory) if fresh_ids else []
        frontier = []
        for view, assertion_id in [*members, *((v, a) for v, a in found if a is None)]:
            current[view.event.id] = assertion_id
            if view.event.id not in views:
                views[view.event.id] = view
                frontier.append(view)
        if not frontier:
            break
    syndication = _Syndication(connection, {v.document_id for v in views.values()}, memory)
    assertions = cluster(views.values(), syndication=syndication, similarity=memory.similarity)
    _write(connection, assertions, sorted(old_ids), current)


def _near(view: EventView) -> Any:
    """Return the condition selecting stored events whose windows can reach this event's."""
    ev, d = t.events.c, t.documents.c
    window = date_window(view)
    location = view.event.location
    code = location.country_code if location else None
    if window is None:
        dated: Any = ev.event_date.is_(None) & d.published.is_(None)
    else:
        low, high = (window[0] - _REACH).isoformat(), (window[1] + _REACH).isoformat()
        dated = or_(
            ev.event_date.between(low, high),
            ev.event_date.is_(None) & d.published.between(low, high),
        )
    if code is None:
        return dated
    place = [ev.country_code == code, ev.country_code.is_(None)]
    # Blocking also meets reports in other countries whose documents share a rare word
    # (a wrong geocode): the text match is a superset, BlockIndex keeps the exact ones.
    place += [contains(d.text, word) for word in rare_words(view)]
    return and_(dated, or_(*place))


def _stored(
    connection: Connection, condition: Any, memory: Memory
) -> list[tuple[EventView, str | None]]:
    """Return the views of the stored events matching a condition with their assertion ids.

    Only the ids and assertion ids are read for events already in `memory`."""
    ev, d = t.events.c, t.documents.c
    rows = connection.execute(
        select(ev.id, ev.assertion_id)
        .select_from(t.events.join(t.documents, d.id == ev.document_id))
        .where(condition, _reported())
        .order_by(ev.id)
    ).all()
    missing = [event_id for event_id, _ in rows if event_id not in memory.views]
    for start in range(0, len(missing), _CHUNK):
        memory.views.update(_views(connection, ev.id.in_(missing[start : start + _CHUNK])))
    return [(memory.views[event_id], assertion_id) for event_id, assertion_id in rows]


def _reported() -> Any:
    """Return the condition selecting the events corroboration clusters: what documents report.

    An incident a document only recalls (background) is not a report of it: it neither
    joins that incident's assertion nor makes the document one of its sources. A document
    that only recalls incidents (commentary on them) is clustered with all its events.
    """
    ev = t.events.c
    other = aliased(t.events)
    reports_one = (
        select(other.c.id)
        .where(other.c.document_id == ev.document_id, other.c.background.is_(False))
        .exists()
    )
    return or_(ev.background.is_(False), ~reports_one)


def _views(connection: Connection, condition: Any) -> dict[str, EventView]:
    """Return event id -> the view of each stored event matching a condition."""
    a1, a2 = aliased(t.actors), aliased(t.actors)
    d = t.documents.c
    query = (
        select(
            t.events,
            a1.c.name.label("actor1_name"),
            a2.c.name.label("actor2_name"),
            d.published.label("document_published"),
            d.genre.label("document_genre"),
            d.title.label("document_title"),
            d.text.label("document_text"),
        )
        .join(t.documents, d.id == t.events.c.document_id)
        .outerjoin(a1, a1.c.id == t.events.c.actor1_id)
        .outerjoin(a2, a2.c.id == t.events.c.actor2_id)
        .where(condition)
    )
    rows = connection.execute(query).mappings().all()
    evidence = evidence_of(connection, [row["id"] for row in rows])
    profiles: dict[str, dict[str, float]] = {}
    for row in rows:
        if row["document_id"] not in profiles:
            text = " ".join([row["document_title"] or "", row["document_text"]])
            profiles[row["document_id"]] = profile(text)
    main = _main_events(connection, sorted(profiles))
    return {
        row["id"]: EventView.of(
            event_from_row(row, evidence.get(row["id"], ())),
            published=row["document_published"],
            genre=row["document_genre"],
            context=row["document_title"] or "",
            profile=profiles[row["document_id"]],
            main=main.get(row["document_id"]) == row["id"],
        )
        for row in rows
    }


def _main_events(connection: Connection, document_ids: Sequence[str]) -> dict[str, str]:
    """Return document id -> its main event: the first that is not background, else the first."""
    ev = t.events.c
    found: dict[str, str] = {}
    for start in range(0, len(document_ids), _CHUNK):
        chunk = list(document_ids[start : start + _CHUNK])
        rows = connection.execute(
            select(ev.document_id, ev.id)
            .where(ev.document_id.in_(chunk))
            .order_by(ev.document_id, ev.background, ev.ordinal)
        )
        for document_id, event_id in rows:
            found.setdefault(document_id, event_id)
    return found


class _Syndication(Mapping[str, str]):
    """Document id -> syndication group for a neighbourhood's documents, found on first lookup.

    `summarize` looks groups up only for an assertion with two or more reports that count,
    so most documents are stored without a signature (and without loading datasketch)."""

    def __init__(self, connection: Connection, document_ids: set[str], memory: Memory) -> None:
        self._connection, self._ids, self._memory = connection, sorted(document_ids), memory
        self._groups: dict[str, str] | None = None

    def __getitem__(self, document_id: str) -> str:
        if self._groups is None:
            self._groups = _syndication(self._connection, self._ids, self._memory)
        return self._groups[document_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _syndication(connection: Connection, ids: Sequence[str], memory: Memory) -> dict[str, str]:
    """Return document id -> its syndication group, for the documents of a neighbourhood."""
    if len(ids) < 2:
        return {}  # a document alone is its own group (and needs no signature)
    missing = [key for key in ids if key not in memory.signatures]
    for start in range(0, len(missing), _CHUNK):
        rows = connection.execute(
            select(t.documents.c.id, t.documents.c.text).where(
                t.documents.c.id.in_(missing[start : start + _CHUNK])
            )
        )
        memory.signatures.update({key: text_signature(text) for key, text in rows})
    return group_of(signature_groups({key: memory.signatures[key] for key in ids}))


def _write(
    connection: Connection,
    assertions: Sequence[Assertion],
    old_ids: Sequence[str],
    current: Mapping[str, str | None],
) -> None:
    """Replace the neighbourhood's assertion rows and point every member event at its row.

    Only what changed is written (most of a neighbourhood is as it was): a row whose values
    are the same keeps its `updated_at`, and an event already pointing at its assertion is
    not touched. `current` maps the neighbourhood's stored events to their assertion now.
    """
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    a = t.assertions.c
    new_ids = {assertion.id for assertion in assertions}
    present = {
        row.id: row._mapping
        for row in connection.execute(
            select(t.assertions).where(a.id.in_(sorted(new_ids | set(old_ids))))
        )
    }
    moved: dict[str, list[str]] = {}
    for assertion in assertions:
        row = assertion_row(assertion, now)
        stored = present.get(assertion.id)
        if stored is None:
            connection.execute(insert(t.assertions).values(id=assertion.id, **row))
        elif any(stored[key] != value for key, value in row.items() if key != "updated_at"):
            connection.execute(update(t.assertions).where(a.id == assertion.id).values(**row))
        for event_id in assertion.events:
            if current.get(event_id) != assertion.id:
                moved.setdefault(assertion.id, []).append(event_id)
    for assertion_id, event_ids in moved.items():
        for start in range(0, len(event_ids), _CHUNK):
            chunk = event_ids[start : start + _CHUNK]
            connection.execute(
                update(t.events).where(t.events.c.id.in_(chunk)).values(assertion_id=assertion_id)
            )
    stale = sorted(set(old_ids) - new_ids)
    if stale:
        connection.execute(delete(t.assertions).where(a.id.in_(stale)))


def assertion_row(assertion: Assertion, updated_at: str) -> dict[str, Any]:
    """Return the assertions row of an assertion (without its id)."""
    location = assertion.location
    return {
        "event_type": assertion.event_type,
        "sub_event_type": assertion.sub_event_type,
        "event_date": assertion.event_date,
        "time_precision": assertion.time_precision,
        "geonameid": location.geonameid if location else None,
        "country_code": location.country_code if location else None,
        "admin1": location.admin1 if location else None,
        "fatalities": assertion.fatalities,
        "fatalities_low": assertion.fatalities_low,
        "fatalities_high": assertion.fatalities_high,
        "documents": len(assertion.documents),
        "independent_sources": assertion.independent_sources,
        "conflicts": [conflict_json(c) for c in assertion.conflicts],
        "updated_at": updated_at,
    }
