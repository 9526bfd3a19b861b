"""`claimgraph ingest`: extract documents and add them to the store, one transaction each.

Workers (a process beside this one, a pool, or a Dask cluster) analyse; this process alone
writes. Documents already stored are skipped before analysis, so an interrupted batch run
again finishes the rest.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from claimgraph.cli.application import app, check_date, fail_usage, stderr
from claimgraph.cli.extract import (
    DEFAULT_MAX_MB,
    FailureCounter,
    LexiconOption,
    MaxMbOption,
    PublishedOption,
    TextColumnOption,
    WorkersOption,
    input_list,
    pipeline_settings,
    runner_failures,
)
from claimgraph.cli.output import NoProgressOption, QuietOption, progress_bar
from claimgraph.cli.record import DbOption, open_store
from claimgraph.errors import UnreadableInput
from claimgraph.model import Document, Record
from claimgraph.store import Store


class IngestTally:
    """Count what an ingest did, for the closing summary."""

    def __init__(self) -> None:
        self.stored = 0
        self.skipped = 0

    def summary(self, failed: int) -> str:
        """Return the one-line summary."""
        return f"stored {self.stored}, skipped {self.skipped} already stored, failed {failed}"


def new_documents(
    documents: Iterator[Document], store: Store, tally: IngestTally
) -> Iterator[Document]:
    """Pass on the documents the store does not hold yet (by content hash); count the rest."""
    for document in documents:
        if store.known([document.publication]):
            tally.skipped += 1
        else:
            yield document


def store_one(store: Store, record: Record, tally: IngestTally, counter: FailureCounter) -> None:
    """Store one record, counting it; a database error fails this document only."""
    try:
        stored = store.add(record)
    except SQLAlchemyError as error:
        reason = " ".join(str(error.orig if hasattr(error, "orig") else error).split())[:200]
        counter.report(UnreadableInput(record.document.id, f"cannot be stored: {reason}"))
        return
    if stored:
        tally.stored += 1
    else:
        tally.skipped += 1


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or '-' for stdin: every input `extract` reads."),
    ] = None,
    db: DbOption = None,
    published: PublishedOption = None,
    sample: Annotated[
        bool, typer.Option("--sample", help="Ingest the sample articles shipped with claimgraph.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    text_column: TextColumnOption = None,
    quiet: QuietOption = False,
    no_progress: NoProgressOption = False,
    workers: WorkersOption = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Analyse on this dask.distributed scheduler (tcp://host:8786); "
            "this process still writes the store.",
        ),
    ] = None,
    lexicon: LexiconOption = None,
) -> None:
    """Extract documents and add them to the store (skipping those already stored)."""
    from claimgraph.gazetteer.build import ensure_gazetteer
    from claimgraph.run import open_runner

    if dask is not None and workers > 1:
        raise fail_usage("give --workers or --dask, not both (Dask workers are the cluster's)")
    published = check_date("--published", published)
    inputs = input_list(paths, sample)
    settings = pipeline_settings(lexicon)
    store = open_store(db)
    ensure_gazetteer()  # before the progress display: a first run builds the cache
    counter = FailureCounter()
    tally = IngestTally()
    try:
        with (
            runner_failures(),
            progress_bar(enabled=not (quiet or no_progress)) as progress,
            contextlib.ExitStack() as running,
        ):
            task = progress.add_task("loading model", total=None)
            runner = running.enter_context(open_runner(settings, workers, dask, beside_caller=True))
            documents = counter.read(inputs, progress, task, published, max_mb, text_column)
            fresh = new_documents(documents, store, tally)
            # Workers only analyse; this process alone writes, one document at a time.
            for record in runner.records(fresh):
                store_one(store, record, tally, counter)
    except KeyboardInterrupt:
        stderr.print(
            f"claimgraph: interrupted; {tally.summary(counter.failures)}. "
            "What was stored is whole: run the same command again to finish.",
            markup=False,
        )
        raise typer.Exit(130) from None
    finally:
        store.close()
    if not quiet:
        stderr.print(f"claimgraph: {tally.summary(counter.failures)} ({store.name})", markup=False)
    raise typer.Exit(1 if counter.failures else 0)
