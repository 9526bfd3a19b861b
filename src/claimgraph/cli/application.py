"""The Typer application every command module registers on, and the stderr console."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console

from claimgraph import __version__

app = typer.Typer(
    help="Turn conflict reporting into ACLED-coded events, places, actors and attributed claims, "
    "every field linked to the text that supports it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Everything that is not the requested output (progress, warnings, errors) goes here.
stderr = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """claimgraph: an auditable record of who says what happened, where, and how firmly."""


def fail_usage(message: str) -> typer.Exit:
    """Print a usage error on stderr and return the exit (status 2) to raise."""
    stderr.print(f"claimgraph: {message}", markup=False)
    return typer.Exit(2)


def check_date(option: str, value: str | None) -> str | None:
    """Return an ISO date or stop with a usage error naming the option (exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise fail_usage(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None
