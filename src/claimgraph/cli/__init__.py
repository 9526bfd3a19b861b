"""The `claimgraph` command: thin commands over the stage functions, one module per group.

stdout carries only the requested output; progress and per-input errors go to stderr.
Exit status: 0 when every input was read, 1 when any input failed, 2 on usage errors.

`main` (the console script) imports only the module of the command it runs: `extract` never
pays for the store, SQLAlchemy or the web app, whose imports cost more start-up than the
model's. `claimgraph.cli.app` imported from here (tests, other programs) has every command,
whichever command modules were imported before (the Typer application lives in
`claimgraph.cli.application`, so no submodule import can take the name `app`).
"""

from __future__ import annotations

import gc
import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# The module registering each command; `claims` with paths hands over to extract's module.
COMMAND_MODULES = {
    "extract": "extract",
    "ingest": "ingest",
    "events": "store",
    "claims": "store",
    "documents": "store",
    "show": "store",
    "stats": "store",
    "export": "export",
    "geocode": "gazetteer",
    "gazetteer": "gazetteer",
    "graph": "graph",
    "schema": "schema",
    "serve": "serve",
    "users": "users",
}

__all__ = ["COMMAND_MODULES", "app", "load_commands", "main"]

# A command runs a batch: per document, many short-lived objects and few cycles. Python's
# default (a young-generation collection every 700 allocations) spent ~1.7% of `extract`'s
# CPU on 300 news articles; every 10,000 allocations, ~0.5%.
GC_THRESHOLDS = (10_000, 10, 10)
# The matrices claimgraph multiplies with numpy are small (a few rows); OpenBLAS's own
# threads cost more than they save there (a 15-row product took 10 ms instead of 0.1 ms on a
# busy 2-core machine), and parallel runs use worker processes. Set before numpy loads, and
# only where the user has not chosen.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def load_commands(names: list[str] | None = None) -> typer.Typer:
    """Import the modules registering the named commands (all when None); return the app."""
    wanted = COMMAND_MODULES if names is None else names
    # In COMMAND_MODULES' order: the help lists commands in the order they register.
    for module in dict.fromkeys(COMMAND_MODULES[name] for name in wanted):
        import_module(f"claimgraph.cli.{module}")
    typer_app: typer.Typer = import_module("claimgraph.cli.application").app
    globals()["app"] = typer_app
    return typer_app


def main() -> Any:
    """Run the command named on the command line, importing only what it needs."""
    gc.set_threshold(*GC_THRESHOLDS)
    for variable in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    # Help, --version, an unknown or no command: every command, so help lists them all.
    known = command is not None and command in COMMAND_MODULES and "--help" not in sys.argv
    return load_commands([command] if known and command else None)()


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_commands()
    raise AttributeError(name)
