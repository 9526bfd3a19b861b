"""Exporters: one registry that the CLI's `--format` (and later the web's `/export.{suffix}`) reads.

An exporter module calls `register_exporter(Exporter(...))` at import time; `EXPORTER_MODULES`
lists the built-in ones, imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TextIO

from claimgraph.model import Record

EXPORTER_MODULES = (
    "claimgraph.export.jsonl",
    "claimgraph.export.table",
    "claimgraph.export.claims_table",
)


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named output format: writes a stream of records to a text stream."""

    name: str
    suffix: str
    media_type: str
    description: str
    write: Callable[[Iterable[Record], TextIO, bool], None]  # (records, out, include_text)


_REGISTRY: dict[str, Exporter] = {}


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
