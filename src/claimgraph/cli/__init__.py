"""The `claimgraph` command: thin commands over the stage functions, one module per group.

stdout carries only the requested output; progress and per-input errors go to stderr.
Exit status: 0 when every input was read, 1 when any input failed, 2 on usage errors.
"""

from __future__ import annotations

from claimgraph.cli import export as _export  # noqa: F401  (registers export)
from claimgraph.cli import extract as _extract  # noqa: F401  (registers extract, claims)
from claimgraph.cli import gazetteer as _gazetteer  # noqa: F401  (registers geocode, gazetteer)
from claimgraph.cli import graph as _graph  # noqa: F401  (registers graph)
from claimgraph.cli import schema as _schema  # noqa: F401  (registers schema)
from claimgraph.cli import serve as _serve  # noqa: F401  (registers serve)
from claimgraph.cli import store as _store  # noqa: F401  (ingest, events, claims, show, stats)
from claimgraph.cli import users as _users  # noqa: F401  (registers users)
from claimgraph.cli.app import app

__all__ = ["app"]
