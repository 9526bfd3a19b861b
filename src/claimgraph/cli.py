"""The `claimgraph` command: thin commands over the stage functions.

stdout carries only the requested output; progress and per-input errors go to stderr.
Exit status: 0 when every input was read, 1 when any input failed, 2 on usage errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from claimgraph import __version__
from claimgraph.data_files import data_path
from claimgraph.errors import InputError, InputTooLarge
from claimgraph.export import exporters, get_exporter
from claimgraph.model import Document

app = typer.Typer(
    help="Turn conflict reporting into ACLED-coded events, places, actors and attributed claims, "
    "every field linked to the text that supports it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)
DEFAULT_MAX_MB = 10.0
PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date (YYYY-MM-DD) for documents that carry none."),
]


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


def sample_paths() -> list[str]:
    """Return the paths of the sample articles shipped in the package."""
    return sorted(str(p) for p in data_path("samples").glob("*.txt"))


class FailureCounter:
    """Pass documents through, reporting each input error on stderr and counting them."""

    def __init__(self) -> None:
        self.failures = 0

    def documents(
        self, items: Iterator[Document | InputError], progress: Progress | None, task: TaskID | None
    ) -> Iterator[Document]:
        """Yield the documents; name every failed input on stderr with its reason."""
        from claimgraph.nlp.pipeline import MAX_CHARS

        for item in items:
            if progress is not None and task is not None:
                progress.advance(task)
            if isinstance(item, InputError):
                self.report(item)
            elif len(item.text) > MAX_CHARS:
                self.report(
                    InputTooLarge(item.id, f"{len(item.text)} characters (limit {MAX_CHARS})")
                )
            else:
                yield item

    def report(self, error: InputError) -> None:
        """Print one input error as a single line."""
        self.failures += 1
        stderr.print(f"claimgraph: cannot read {error.name}: {error.reason}", markup=False)


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or '-' for stdin (.txt .md .html .jsonl ...)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: jsonl, json or table.")
    ] = "jsonl",
    published: PublishedOption = None,
    text: Annotated[
        bool, typer.Option("--text", help="Add the document text to the output.")
    ] = False,
    sample: Annotated[
        bool, typer.Option("--sample", help="Run on the sample articles shipped with claimgraph.")
    ] = False,
    max_mb: Annotated[
        float, typer.Option(help="Refuse inputs larger than this (MB).")
    ] = DEFAULT_MAX_MB,
) -> None:
    """Extract events, places, actors and claims from documents."""
    from claimgraph.nlp.pipeline import analyse, load_pipeline
    from claimgraph.read import read_documents

    if output_format not in exporters():
        known = ", ".join(sorted(exporters()))
        stderr.print(f"claimgraph: unknown format {output_format!r} (known: {known})", markup=False)
        raise typer.Exit(2)
    inputs = list(paths or []) + (sample_paths() if sample else [])
    if not inputs:
        stderr.print("claimgraph: give files, folders, '-' for stdin, or --sample", markup=False)
        raise typer.Exit(2)
    exporter = get_exporter(output_format)
    counter = FailureCounter()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as progress:
        task = progress.add_task("loading model", total=None)
        nlp = load_pipeline()
        progress.update(task, description="documents")
        items = read_documents(
            inputs, published=published, max_bytes=int(max_mb * 1_000_000), stdin=sys.stdin.buffer
        )
        records = analyse(nlp, counter.documents(items, progress, task))
        try:
            exporter.write(records, sys.stdout, text)
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(1 if counter.failures else 0)


@app.command()
def claims(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or '-' for stdin.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table (grouped by speaker), jsonl or json.")
    ] = "table",
    published: PublishedOption = None,
) -> None:
    """Show who claims what in documents, how firmly, and what is worth checking."""
    extract(
        paths=paths,
        output_format="claims" if output_format == "table" else output_format,
        published=published,
        text=False,
        sample=False,
        max_mb=DEFAULT_MAX_MB,
    )


def mount_optional_commands() -> None:
    """Add the gazetteer commands (geocode, gazetteer build/import/info)."""
    from claimgraph.cli_gazetteer import gazetteer_app, geocode

    app.command(
        name="geocode", help="Show the ranked gazetteer candidates for a place name, with why."
    )(geocode)
    app.add_typer(
        gazetteer_app, name="gazetteer", help="Build, import into and inspect the gazetteer."
    )


mount_optional_commands()
