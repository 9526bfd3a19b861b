"""Exporters: one registry that the CLI's `--format` and the web's `/export.{suffix}` read.

Two kinds of exporter register here, each module calling its `register_*` at import time:

- `Exporter` writes what `extract` produces: `write(records, out, include_text)` over a stream
  of `Record`s (jsonl, json, table, claims). `exporters()` / `get_exporter(name)`.
- `StoreExporter` writes the stored record: `write(bundle, out)` over one `ExportBundle`
  (`claimgraph.export.bundle`: documents, events, claims, claim edges, assertions, all model
  values). `store_exporters()` returns them by name; `get_store_exporter(key)` finds one by
  name ("acled-csv") or by suffix ("csv", for `/export.csv`). Names and suffixes are unique.
  Formats: acled-csv, ucdp-csv, geojson, stix, graphml, jsonl (`claimgraph export`).

Callers read the store into an `ExportBundle`; exporters never touch the store themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

from claimgraph.model import Record

if TYPE_CHECKING:
    from claimgraph.bundle import ExportBundle

EXPORTER_MODULES = (
    "claimgraph.export.jsonl",
    "claimgraph.export.table",
    "claimgraph.export.claims_table",
)
STORE_EXPORTER_MODULES = (
    "claimgraph.export.acled_csv",
    "claimgraph.export.ucdp_csv",
    "claimgraph.export.geojson",
    "claimgraph.export.stix",
    "claimgraph.export.graphml",
    "claimgraph.export.events_jsonl",
)


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named output format: writes a stream of records to a text stream."""

    name: str
    suffix: str
    media_type: str
    description: str
    write: Callable[[Iterable[Record], TextIO, bool], None]  # (records, out, include_text)


@dataclass(frozen=True, slots=True)
class StoreExporter:
    """A named format of the stored record: writes one ExportBundle to a text stream."""

    name: str
    suffix: str  # what follows "export." in the web's URL, unique among store exporters
    media_type: str
    description: str
    write: Callable[[ExportBundle, TextIO], None]  # (bundle, out)


_REGISTRY: dict[str, Exporter] = {}
_STORE_REGISTRY: dict[str, StoreExporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    """Add an exporter to the registry under its name."""
    _REGISTRY[exporter.name] = exporter
    return exporter


def exporters() -> dict[str, Exporter]:
    """Return every registered exporter by name, loading the built-in ones."""
    for module in EXPORTER_MODULES:
        import_module(module)
    return dict(_REGISTRY)


def get_exporter(name: str) -> Exporter:
    """Return one exporter by name; KeyError names the known ones."""
    known = exporters()
    if name not in known:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(known))}")
    return known[name]


def register_store_exporter(exporter: StoreExporter) -> StoreExporter:
    """Add a store exporter under its name; a suffix another format holds is refused."""
    for other in _STORE_REGISTRY.values():
        if other.suffix == exporter.suffix and other.name != exporter.name:
            raise ValueError(f"suffix {exporter.suffix!r} is already {other.name!r}'s")
    _STORE_REGISTRY[exporter.name] = exporter
    return exporter


def store_exporters() -> dict[str, StoreExporter]:
    """Return every registered store exporter by name, loading the built-in ones."""
    for module in STORE_EXPORTER_MODULES:
        import_module(module)
    return dict(_STORE_REGISTRY)


def get_store_exporter(key: str) -> StoreExporter:
    """Return the store exporter with this name or suffix; KeyError names the known ones."""
    known = store_exporters()
    if key in known:
        return known[key]
    for exporter in known.values():
        if exporter.suffix == key:
            return exporter
    raise KeyError(f"unknown format {key!r}; known: {', '.join(sorted(known))}")
