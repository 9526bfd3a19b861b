"""The stored items as the API and the pages show them: the contract's JSON with the analysts'
reviews applied (and said so), documents with their spans, the graph's nodes and links.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, func, select

from claimgraph.export.contract import claim_to_json, event_to_json
from claimgraph.store import browse
from claimgraph.store.read import (
    ClaimFilter,
    EventFilter,
    claim_query,
    list_claims,
    list_documents,
    list_events,
)
from claimgraph.store.reviews import apply_review, reviews_of


def event_items(connection: Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """Return the matching events as JSON with their document id and review."""
    found = list(list_events(connection, flt))
    reviews = reviews_of(connection, "event", [event.id for _, event in found])
    return [
        apply_review({**event_to_json(event), "document_id": doc_id}, reviews.get(event.id, []))
        for doc_id, event in found
    ]


def claim_items(connection: Connection, flt: ClaimFilter) -> list[dict[str, Any]]:
    """Return the matching claims as JSON with their id, document id and review."""
    found = list(list_claims(connection, flt))
    reviews = reviews_of(connection, "claim", [claim_id for claim_id, _, _ in found])
    return [
        apply_review(
            {"id": claim_id, **claim_to_json(claim), "document_id": doc_id},
            reviews.get(claim_id, []),
        )
        for claim_id, doc_id, claim in found
    ]


def count_claims(connection: Connection, flt: ClaimFilter) -> int:
    """Return how many claims match the filter (ignoring its paging)."""
    query = claim_query(replace(flt, limit=None, offset=0)).order_by(None).subquery()
    return int(connection.execute(select(func.count()).select_from(query)).scalar() or 0)


def edge_json(row: dict[str, Any]) -> dict[str, Any]:
    """Return a stored claim edge as JSON."""
    return {
        "id": row["id"],
        "document_id": row["document_id"],
        "subject": {"kind": row["subject_kind"], "key": row["subject_key"]},
        "subject_name": row["subject_name"],
        "relation": row["relation"],
        "object": {"kind": row["object_kind"], "key": row["object_key"]},
        "object_name": row["object_name"],
        "speaker_name": row["speaker_name"],
        "speaker_type": row["speaker_type"],
        "modality": row["modality"],
        "evidence": {
            "start": row["evidence_start"],
            "end": row["evidence_end"],
            "text": row["evidence_text"],
        },
        "confidence": row["confidence"],
    }


def edge_items(connection: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return edge rows as JSON with their reviews applied."""
    reviews = reviews_of(connection, "edge", [row["id"] for row in rows])
    return [apply_review(edge_json(row), reviews.get(row["id"], [])) for row in rows]


def document_detail(connection: Connection, document_id: str) -> dict[str, Any] | None:
    """Return a document with its text and every span the analysis found in it."""
    found = list_documents(connection, document_id=document_id, with_text=True)
    if not found:
        return None
    stored = found[0]
    _, edges = browse.list_edges(connection, document_id=stored.id, limit=None)
    return {
        **stored.as_json(genre_evidence=True),
        "text": stored.document.text,
        "event_items": event_items(connection, EventFilter(document_id=stored.id)),
        "claim_items": claim_items(connection, ClaimFilter(document_id=stored.id)),
        "places": browse.place_mentions(connection, stored.id),
        "actors": browse.actor_mentions(connection, stored.id),
        "rhetoric": browse.rhetoric_of(connection, stored.id),
        "edges": edge_items(connection, edges),
    }


def graph(connection: Connection, limit: int = 2000) -> dict[str, Any]:
    """Return the graph of actors, places and events: claim edges plus what events link.

    Nodes are keyed `kind:key`; a link says whether it comes from a claim edge (with its
    relation, speaker and modality) or from an event (actor acted / was targeted / where).
    """
    nodes: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []

    def node(kind: str, key: str, name: str) -> str:
        ident = f"{kind}:{key}"
        entry = nodes.setdefault(ident, {"id": ident, "kind": kind, "name": name, "degree": 0})
        entry["degree"] += 1
        return ident

    _, edges = browse.list_edges(connection, limit=limit)
    for item in edge_items(connection, edges):
        if item["review"] and item["review"]["status"] == "rejected":
            continue
        links.append(
            {
                "source": node(
                    item["subject"]["kind"], item["subject"]["key"], item["subject_name"]
                ),
                "target": node(item["object"]["kind"], item["object"]["key"], item["object_name"]),
                "kind": "claim",
                "relation": item["relation"],
                "speaker": item["speaker_name"] or item["speaker_type"],
                "modality": item["modality"],
                "edge_id": item["id"],
                "document_id": item["document_id"],
            }
        )
    for row in browse.event_links(connection, limit=limit):
        place = None
        if row["location_name"]:
            key = str(row["geonameid"]) if row["geonameid"] is not None else row["location_name"]
            place = node("place", key, row["location_name"])
        actor1 = node("actor", row["actor1"], row["actor1"]) if row["actor1"] else None
        actor2 = node("actor", row["actor2"], row["actor2"]) if row["actor2"] else None
        relation = row["sub_event_type"]
        if actor1 and place:
            links.append(
                {
                    "source": actor1,
                    "target": place,
                    "kind": "event",
                    "relation": f"{relation} in",
                    "event_id": row["id"],
                }
            )
        if actor1 and actor2:
            links.append(
                {
                    "source": actor1,
                    "target": actor2,
                    "kind": "event",
                    "relation": f"{relation} against",
                    "event_id": row["id"],
                }
            )
        if actor2 and place and not actor1:
            links.append(
                {
                    "source": actor2,
                    "target": place,
                    "kind": "event",
                    "relation": f"{relation} (target) in",
                    "event_id": row["id"],
                }
            )
    used = {link["source"] for link in links} | {link["target"] for link in links}
    return {"nodes": [n for key, n in nodes.items() if key in used], "links": links}
