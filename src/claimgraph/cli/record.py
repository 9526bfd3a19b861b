"""The store as the commands open it: the `--db` option and `open_store`.

Kept out of the command modules, so that importing it registers no command: `ingest` and
the query commands both open the store, and the help lists the commands in the order their
modules register them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.application import stderr
from claimgraph.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store: an SQLite file, a SQLAlchemy URL or postgresql://… "
        "(default: $CLAIMGRAPH_DB, else ~/.local/share/claimgraph/claimgraph.db).",
    ),
]


def open_store(db: str | None) -> Store:
    """Open the store, or stop with a one-line error naming it."""
    try:
        return Store.open(db)
    except Exception as error:  # a bad URL, a server that is down, a file that is no store
        stderr.print(f"claimgraph: cannot open the store {db or ''}: {error}".strip(), markup=False)
        raise typer.Exit(1) from None
