"""Assertions (one real-world incident, merged across documents) as the query commands print them.

`events` lists one row per assertion by default; `show ASSERTION_ID` prints one with every
supporting document, its report's evidence and speaker, and the values reports disagree on.
`documents` lists the documents as they were read (JSONL id or path), `document_ids` the
store ids (what `show` and the per-document rows' `document_id` use), in the same order.
"""

from __future__ import annotations

from typing import Any

from claimgraph.export.contract import (
    event_actor_to_json,
    location_to_json,
    span_to_json,
    speaker_to_json,
)
from claimgraph.store.assertions import StoredAssertion, conflict_json

ASSERTION_COLUMNS = (
    "id",
    "event_date",
    "sub_event_type",
    "location.name",
    "location.country_code",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "independent_sources",
    "documents",
)


def assertion_json(stored: StoredAssertion) -> dict[str, Any]:
    """Return one assertion as a row: the contract's event fields (speaker, modality and
    confidence of its most confident report; the evidence of every report, each span naming
    its document), then documents, sources, toll range and conflicts."""
    a = stored.assertion
    members = [(s.document_id, e) for s in stored.supports for e in s.events]
    lead = max((e for _, e in members), key=lambda e: e.confidence, default=None)
    speakers: list[dict[str, Any]] = []
    for document_id, event in members:
        who = {"name": event.speaker.name, "type": event.speaker.type, "document_id": document_id}
        if who not in speakers:
            speakers.append(who)
    return {
        "id": a.id,
        "event_type": a.event_type,
        "sub_event_type": a.sub_event_type,
        "event_date": a.event_date,
        "time_precision": a.time_precision,
        "actor1": event_actor_to_json(a.actor1),
        "actor2": event_actor_to_json(a.actor2),
        "location": location_to_json(a.location),
        "fatalities": a.fatalities,
        "fatalities_low": a.fatalities_low,
        "fatalities_high": a.fatalities_high,
        "background": all(e.background for _, e in members) if members else False,
        "speaker": speaker_to_json(lead.speaker, with_offsets=False) if lead else None,
        "modality": lead.modality if lead else None,
        "evidence": [
            {**span_to_json(span), "document_id": document_id}
            for document_id, event in members
            for span in event.evidence
        ],
        "confidence": lead.confidence if lead else None,
        "speakers": speakers,
        "independent_sources": a.independent_sources,
        "documents": [s.input_id for s in stored.supports],
        "document_ids": [s.document_id for s in stored.supports],
        "events": list(a.events),
        "conflicts": [conflict_json(c) for c in a.conflicts],
    }


def assertion_detail_json(stored: StoredAssertion) -> dict[str, Any]:
    """Return one assertion with every supporting document and what its report says."""
    return {
        "kind": "assertion",
        **assertion_json(stored),
        "supporting_documents": [
            {
                "id": s.document_id,
                "input_id": s.input_id,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published,
                "genre": s.genre,
                "reports": [
                    {
                        "event_id": e.id,
                        "sub_event_type": e.sub_event_type,
                        "event_date": e.event_date,
                        "location": e.location.name if e.location else None,
                        "fatalities": e.fatalities,
                        "fatalities_low": e.fatalities_low,
                        "fatalities_high": e.fatalities_high,
                        "speaker": speaker_to_json(e.speaker, with_offsets=False),
                        "modality": e.modality,
                        "evidence": [span_to_json(span) for span in e.evidence],
                    }
                    for e in s.events
                ],
            }
            for s in stored.supports
        ],
        "conflicting_values": conflicts_side_by_side(stored),
    }


def conflicts_side_by_side(stored: StoredAssertion) -> dict[str, list[dict[str, Any]]]:
    """Return field -> the values reports give for it, each with its documents and speakers."""
    out: dict[str, list[dict[str, Any]]] = {}
    for conflict in stored.assertion.conflicts:
        values = out.setdefault(conflict.field, [])
        entry = next((v for v in values if v["value"] == conflict.value), None)
        if entry is None:
            entry = {"value": conflict.value, "given_by": []}
            values.append(entry)
        entry["given_by"].append(
            {
                "document_id": conflict.document_id,
                "speaker": {"name": conflict.speaker.name, "type": conflict.speaker.type},
            }
        )
    return out
