"""Read the stored record into an `ExportBundle` of model values, as analysts reviewed it.

Used by `claimgraph export` and the web's `/export.{suffix}`: the events a filter selects
(the filters of `events`), their documents, those documents' claims and claim edges, and the
assertions the events belong to (with the metadata of those assertions' other documents, so
every outlet of an incident is named). Without filters every stored document is read. Values
come out corrected by analysts' reviews; rejected items are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, select

from claimgraph.bundle import BundleDocument, ExportBundle, IdentifiedClaim
from claimgraph.model import Assertion, ClaimEdge
from claimgraph.store import schema as t
from claimgraph.store.edges import EdgeFilter, list_edges
from claimgraph.store.read import ClaimFilter, EventFilter, list_claims, list_documents, list_events
from claimgraph.store.reviews import fold, reviews_of

CHUNK = 500  # bounded IN lists
# Review field paths of edges (store.reviews.CORRECTABLE) -> paths of the ClaimEdge value.
EDGE_PATHS = {
    "subject_name": "subject.name",
    "object_name": "object.name",
    "speaker_name": "speaker.name",
}


class Identified(Protocol):
    """A stored value with an id (events, claims, edges)."""

    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=Identified)


def with_value(value: Any, path: list[str], new: Any) -> Any:
    """Return a frozen value with the field at a path replaced (unchanged if the path ends
    early at None: naming an actor or a place the machine did not find is not exported yet)."""
    head, *rest = path
    if head not in {f.name for f in fields(value)}:
        return value
    if not rest:
        return replace(value, **{head: new})
    nested = getattr(value, head)
    return value if nested is None else replace(value, **{head: with_value(nested, rest, new)})


def corrected(value: Item, corrections: Mapping[str, Any], prefix: str = "") -> Item:
    """Return a model value with an analyst's corrections (dotted field paths) applied."""
    for path, new in corrections.items():
        value = with_value(value, f"{prefix}{EDGE_PATHS.get(path, path)}".split("."), new)
    return value


def reviewed(
    connection: Connection,
    kind: str,
    items: Sequence[Item],
    notes: dict[str, str],
    prefix: str = "",
) -> list[Item]:
    """Return the items as analysts left them: corrected, rejected ones left out; record what
    was decided about each reviewed item in `notes` ("corrected by ana")."""
    found = reviews_of(connection, kind, [item.id for item in items])
    kept: list[Item] = []
    for item in items:
        key = item.id
        state = fold(found.get(key, ()))
        if state is None:
            kept.append(item)
            continue
        if state.status == "rejected":
            continue
        notes[key] = f"{state.status} by {state.reviewer}"
        kept.append(corrected(item, state.corrections, prefix))
    return kept


def read_edges(
    connection: Connection, document_ids: Sequence[str] | None
) -> tuple[list[ClaimEdge], dict[str, int]]:
    """Return the claim edges the documents state (all with None), and for each edge how
    many stored documents state the same relation."""
    if document_ids is None:
        found = list(list_edges(connection, EdgeFilter()))
    else:
        found = [
            pair
            for document_id in document_ids
            for pair in list_edges(connection, EdgeFilter(document_id=document_id))
        ]
    return [edge for edge, _ in found], {edge.id: support.documents for edge, support in found}


def read_assertions(connection: Connection, event_ids: Sequence[str]) -> list[Assertion]:
    """Return the assertions the events belong to, each with all its events and documents."""
    ev, a = t.events.c, t.assertions.c
    ids: set[str] = set()
    for start in range(0, len(event_ids), CHUNK):
        chunk = list(event_ids[start : start + CHUNK])
        query = select(ev.assertion_id).where(ev.id.in_(chunk), ev.assertion_id.is_not(None))
        ids.update(connection.execute(query).scalars())
    found: list[Assertion] = []
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        members: dict[str, list[tuple[str, str]]] = {}
        for assertion_id, event_id, document_id in connection.execute(
            select(ev.assertion_id, ev.id, ev.document_id)
            .where(ev.assertion_id.in_(chunk))
            .order_by(ev.assertion_id, ev.document_id, ev.ordinal)
        ):
            members.setdefault(assertion_id, []).append((event_id, document_id))
        for row in connection.execute(select(t.assertions).where(a.id.in_(chunk)).order_by(a.id)):
            pairs = members.get(row.id, [])
            found.append(
                Assertion(
                    id=row.id,
                    event_type=row.event_type,
                    sub_event_type=row.sub_event_type,
                    event_date=row.event_date,
                    time_precision=row.time_precision,
                    location=None,
                    actor1=None,
                    actor2=None,
                    fatalities=row.fatalities,
                    fatalities_low=row.fatalities_low,
                    fatalities_high=row.fatalities_high,
                    events=tuple(e for e, _ in pairs),
                    documents=tuple(dict.fromkeys(d for _, d in pairs)),
                    independent_sources=row.independent_sources,
                )
            )
    return found


def read_bundle(connection: Connection, flt: EventFilter) -> ExportBundle:
    """Read what the filter selects into an export bundle of model values, as analysts
    reviewed them (corrections applied, rejected items left out)."""
    notes: dict[str, str] = {}
    found = [event for _, event in list_events(connection, flt)]
    events = tuple(reviewed(connection, "event", found, notes))
    everything = flt == EventFilter()
    assertions = read_assertions(connection, [e.id for e in events])
    wanted = {e.document_id for e in events} | {d for a in assertions for d in a.documents}
    documents = tuple(
        BundleDocument(d.id, d.document, d.genre, d.ingested_at)
        for d in list_documents(connection)
        if everything or d.id in wanted
    )
    # Claims and edges of the documents whose events were selected (not of those that only
    # support an assertion): a filter narrows every part of the export.
    own = [d.id for d in documents] if everything else sorted({e.document_id for e in events})
    keep = set(own)
    stored = [
        IdentifiedClaim(claim_id, claim)
        for claim_id, doc_id, claim in list_claims(connection, ClaimFilter())
        if doc_id in keep
    ]
    claims = reviewed(connection, "claim", stored, notes, prefix="claim.")
    edges, edge_documents = read_edges(connection, None if everything else own)
    edges = reviewed(connection, "edge", edges, notes)
    return ExportBundle(
        documents=documents,
        events=events,
        claims=tuple(claims),
        edges=tuple(edges),
        assertions=tuple(assertions),
        edge_documents=edge_documents,
        reviews=notes,
    )
