"""Cluster event reports into Assertions, incrementally, near-linear in the number of events.

`assign` takes the new reports and the assertions built so far (with their members' views)
and links each new report greedily to the assertion it matches best (`identity`'s graded
similarity, over candidates from `blocking`), else starts a new one. Greedy linking to the
best cluster, not union-find over all matching pairs, keeps one ambiguous report from
chaining two incidents into one.

Merged values follow ACLED and UCDP practice:
- `fatalities` is the most conservative report: the lowest non-null best figure ("at least
  10" gives 10); `fatalities_low` the lowest low, `fatalities_high` the highest high or best.
  Reports that count (see below) decide them; commentary only when no report gives a toll.
- `independent_sources` counts distinct syndication groups among the documents, leaving out
  documents whose only support is commentary (opinion genre, or hedged, denied or questioned
  modality): they join the assertion without counting.
- the type, date, place and actors are the ones most reports give (ties: the most precise,
  then the earliest report).
- ids are stable as an assertion grows: a hash of its first member's document and event id.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final, TypeVar

from claimgraph.corroborate.blocking import BlockIndex, candidate_pairs
from claimgraph.corroborate.conflicts import find_conflicts
from claimgraph.identity import EventView, incident_similarity
from claimgraph.model import Assertion, Event

_T = TypeVar("_T")

# A report joins an assertion when its best similarity to a member reaches this (a score
# above 0 already means "can be the same"; gvc_train even half).
LINK_MIN: Final = 0.0
# Members compared per candidate assertion: the most recent ones, so a huge assertion
# costs no more than a small one.
MAX_COMPARED: Final = 24
# Share of the report pairs across two clusters that must be able to be one incident for
# `cluster` to join them (1.0 is complete linkage). gvc_train even half: 0.3 pairwise F1
# 0.864 (P 0.99), 0.5 0.848, 1.0 0.792, 0.2 0.861; greedy `assign` in input order 0.77-0.82
# depending on the order of document ids.
LINK_SHARE: Final = 0.3


def assertion_id(first: EventView) -> str:
    """Return the id of an assertion started by this report."""
    key = f"{first.document_id}/{first.event.id}".encode()
    return "a" + hashlib.sha256(key).hexdigest()[:15]


def assign(
    new_events: Iterable[EventView],
    existing: Sequence[Assertion] = (),
    members: Mapping[str, EventView] | None = None,
    syndication: Mapping[str, str] | None = None,
    link_min: float = LINK_MIN,
) -> tuple[Assertion, ...]:
    """Return the assertions after the new reports join them (existing first, then new ones).

    `members` maps the event ids of the existing assertions to their views (KeyError names
    a missing one); `syndication` maps document id -> syndication group (see
    `syndication.group_of`), a document missing from it being its own group. Reports
    already a member of an assertion are skipped, so assigning twice changes nothing.
    Untouched assertions come back as they were.
    """
    members = members or {}
    clusters: list[list[EventView]] = []
    ids: list[str] = []
    index = BlockIndex()
    known: set[str] = set()
    for assertion in existing:
        views = []
        for event_id in assertion.events:
            if event_id not in members:
                raise KeyError(f"no view of event {event_id} of assertion {assertion.id}")
            views.append(members[event_id])
        for view in views:
            index.add(len(clusters), view)
            known.add(view.event.id)
        clusters.append(views)
        ids.append(assertion.id)
    touched: set[int] = set()
    for view in sorted(new_events, key=_order):
        if view.event.id in known:
            continue
        best, best_score = -1, link_min
        for number in index.candidates(view):
            assert isinstance(number, int)
            score = max(incident_similarity(view, m) for m in clusters[number][-MAX_COMPARED:])
            if score > best_score:
                best, best_score = number, score
        if best < 0:
            best = len(clusters)
            clusters.append([])
            ids.append(assertion_id(view))
        clusters[best].append(view)
        index.add(best, view)
        known.add(view.event.id)
        touched.add(best)
    out = list(existing)
    for number in sorted(touched):
        merged = summarize(ids[number], clusters[number], syndication)
        if number < len(out):
            out[number] = merged
        else:
            out.append(merged)
    return tuple(out)


def cluster(
    views: Iterable[EventView],
    syndication: Mapping[str, str] | None = None,
    link_share: float | None = None,
    similarity: Callable[[EventView, EventView], float] = incident_similarity,
) -> tuple[Assertion, ...]:
    """Return the assertions of these reports, clustered best pair first (order-independent).

    Candidate pairs (`blocking`) are graded by `incident_similarity` and taken from the most
    similar down; a pair joins its two clusters when at least `link_share` of the pairs across
    them (the last MAX_COMPARED members of each) can be one incident, so one ambiguous report
    does not chain two incidents. Ties fall to event ids, so the result is the same for any
    order of the input. Assertions are ordered by their first member (see `_order`).
    `similarity` stands in for `incident_similarity` (the store passes one that remembers
    the scores of reports it has compared before); it must return the same values.
    """
    share = LINK_SHARE if link_share is None else link_share
    ordered = sorted({v.event.id: v for v in views}.values(), key=_order)

    def score(i: int, j: int) -> float:
        # A document's own mentions were judged one by one when it was analysed, by the
        # in-document side of the same definition (nlp/event_merge.py): what it kept apart
        # stays apart here, and counts against joining two clusters.
        if ordered[i].document_id == ordered[j].document_id:
            return 0.0
        return similarity(ordered[i], ordered[j])

    known: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(ordered):
        known[i, j] = score(i, j)
    scored = sorted(
        (-score, ordered[i].event.id, ordered[j].event.id, i, j)
        for (i, j), score in known.items()
        if score > 0.0
    )

    def similar(x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in known:
            known[key] = score(*key)
        return known[key] > 0.0

    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _score, _a, _b, i, j in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        left, right = members[ri][-MAX_COMPARED:], members[rj][-MAX_COMPARED:]
        linked = sum(1 for x in left for y in right if similar(x, y))
        if linked < share * len(left) * len(right):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    return tuple(
        summarize(assertion_id(ordered[group[0]]), [ordered[i] for i in group], syndication)
        for _root, group in sorted(members.items())
    )


def summarize(
    assertion_id: str, views: Sequence[EventView], syndication: Mapping[str, str] | None = None
) -> Assertion:
    """Return the assertion these member reports make together (see the module docstring)."""
    syndication = syndication or {}
    counting = [v for v in views if not v.commentary]
    events = [v.event for v in views]
    basis = [v.event for v in counting] or events
    low, best, high = _tolls(basis)
    lead = _lead(basis)
    return Assertion(
        id=assertion_id,
        event_type=_mode([e.event_type for e in basis], lead.event_type),
        sub_event_type=_mode([e.sub_event_type for e in basis], lead.sub_event_type),
        event_date=lead.event_date,
        time_precision=lead.time_precision,
        location=lead.location,
        actor1=_mode([e.actor1 for e in basis if e.actor1], lead.actor1),
        actor2=_mode([e.actor2 for e in basis if e.actor2], lead.actor2),
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
        events=tuple(sorted(e.id for e in events)),
        documents=tuple(sorted({v.document_id for v in views})),
        independent_sources=_sources({v.document_id for v in counting}, syndication),
        conflicts=find_conflicts(views),
    )


def _sources(documents: set[str], syndication: Mapping[str, str]) -> int:
    """Count distinct syndication groups; one document needs no lookup (the store computes
    groups only when an assertion asks)."""
    if len(documents) < 2:
        return len(documents)
    return len({syndication.get(doc, doc) for doc in documents})


def _tolls(events: Sequence[Event]) -> tuple[int | None, int | None, int | None]:
    bests = [e.fatalities for e in events if e.fatalities is not None]
    lows = [e.fatalities_low for e in events if e.fatalities_low is not None] + bests
    highs = [h for e in events for h in (e.fatalities_high, e.fatalities) if h is not None]
    return (
        min(lows) if lows else None,
        min(bests) if bests else None,
        max(highs) if highs else None,
    )


def _lead(events: Sequence[Event]) -> Event:
    """The report whose date and place stand for the assertion: the most common date among the
    most precise reports, then the most precise place, then the earliest id."""
    dated = [e for e in events if e.event_date] or list(events)
    precision = min((e.time_precision or 9) for e in dated)
    precise = [e for e in dated if (e.time_precision or 9) == precision]
    dates = Counter(e.event_date for e in precise)
    return min(
        precise,
        key=lambda e: (
            -dates[e.event_date],
            e.event_date or "",
            e.location is None,
            e.location.geo_precision if e.location else 9,
            e.id,
        ),
    )


def _mode(values: Sequence[_T], default: _T) -> _T:
    if not values:
        return default
    counts = Counter(values)
    top = max(counts.values())
    return default if counts[default] == top else next(v for v in values if counts[v] == top)


def _order(view: EventView) -> tuple[str, str, str]:
    return (view.event.event_date or view.published or "", view.document_id, view.event.id)
