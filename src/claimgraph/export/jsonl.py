"""JSON Lines (one contract object per document) and JSON (one array) exporters."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from claimgraph.export import Exporter, register_exporter
from claimgraph.export.contract import record_to_json
from claimgraph.model import Record


def write_jsonl(records: Iterable[Record], out: TextIO, include_text: bool = False) -> None:
    """Write one JSON object per line, flushing each so a long batch streams."""
    for record in records:
        out.write(json.dumps(record_to_json(record, include_text), ensure_ascii=False) + "\n")
        out.flush()


def write_json(records: Iterable[Record], out: TextIO, include_text: bool = False) -> None:
    """Write one indented JSON array of the documents' objects."""
    objects = [record_to_json(r, include_text) for r in records]
    json.dump(objects, out, ensure_ascii=False, indent=2)
    out.write("\n")


register_exporter(
    Exporter("jsonl", "jsonl", "application/x-ndjson", "one JSON object per document", write_jsonl)
)
register_exporter(
    Exporter("json", "json", "application/json", "a JSON array of documents", write_json)
)
