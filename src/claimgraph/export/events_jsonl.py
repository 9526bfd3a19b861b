"""JSON Lines of stored events: one event per line as the contract spells it, plus its
document id and the assertion it belongs to (the rows of `claimgraph events --per-document
--format jsonl`)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from claimgraph.bundle import ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.export.contract import event_to_json
from claimgraph.model import Event


def stored_event_row(event: Event, bundle: ExportBundle) -> dict[str, Any]:
    """Return a stored event as the contract spells it, plus its document and assertion ids."""
    assertion = bundle.assertion_of(event.id)
    return {
        **event_to_json(event),
        "document_id": event.document_id,
        "assertion_id": assertion.id if assertion else None,
    }


def write_events_jsonl(bundle: ExportBundle, out: TextIO) -> None:
    """Write one JSON object per event."""
    for event in bundle.events:
        out.write(json.dumps(stored_event_row(event, bundle), ensure_ascii=False) + "\n")


register_store_exporter(
    StoreExporter(
        "jsonl",
        "jsonl",
        "application/x-ndjson",
        "stored events, one JSON object per line",
        write_events_jsonl,
    )
)
