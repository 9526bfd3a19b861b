"""`extract` and `claims`: documents in, the output contract (or a claims table) out."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.progress import Progress, TaskID

from claimgraph.cli.application import app, check_date, fail_usage, stderr
from claimgraph.cli.output import (
    NoProgressOption,
    OutputOption,
    QuietOption,
    open_output,
    progress_bar,
    quiet_broken_pipe,
)
from claimgraph.data_files import data_path
from claimgraph.errors import InputError, InputTooLarge, LexiconError
from claimgraph.export import exporters, get_exporter
from claimgraph.lexicons import lexicon_paths, read_lexicons
from claimgraph.model import Document
from claimgraph.settings import MAX_CHARS, PipelineSettings

DEFAULT_MAX_MB = 10.0
PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date (YYYY-MM-DD) for documents that carry none."),
]


def check_format(value: str) -> str:
    """Return a registered output format or stop with a usage error naming the known ones."""
    if value not in exporters():
        known = ", ".join(sorted(exporters()))
        raise fail_usage(f"unknown format {value!r} (known: {known})")
    return value


def format_help(default: str) -> str:
    """List the registered formats for --help."""
    return f"Output format: {', '.join(sorted(exporters()))} (default {default})."


LexiconOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lexicon",
        help="A lexicon file or folder of yours (actors.yaml, cues.yaml, event_triggers.yaml, "
        "rhetoric.yaml, relations.yaml, or KIND.*.yaml) merged over the shipped ones; "
        "repeatable; also CLAIMGRAPH_LEXICONS (paths joined by ':').",
    ),
]


def pipeline_settings(lexicon: list[str] | None) -> PipelineSettings:
    """Return the pipeline settings of a command, its lexicons checked before any work starts."""
    paths = lexicon_paths(lexicon or ())
    try:
        read_lexicons(paths)
    except LexiconError as error:
        raise fail_usage(f"lexicon {error}") from None
    return PipelineSettings(lexicons=paths)


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

    def read(
        self,
        inputs: list[str],
        progress: Progress,
        task: TaskID,
        published: str | None,
        max_mb: float,
        text_column: str | None,
    ) -> Iterator[Document]:
        """Read the inputs as documents, the bar counting them (with a total when that is
        cheap to know); every failed input is named on stderr."""
        from claimgraph.read import count_documents, read_documents

        max_bytes = int(max_mb * 1_000_000)
        # Counting takes a bounded look at the inputs: worth it only when a bar is drawn.
        total = None if progress.disable else count_documents(inputs, max_bytes=max_bytes)
        progress.update(task, description="documents", total=total)
        items = read_documents(
            inputs,
            published=published,
            max_bytes=max_bytes,
            stdin=sys.stdin.buffer,
            text_column=text_column,
        )
        return self.documents(items, progress, task)

    def report(self, error: InputError) -> None:
        """Print one input error (or a skipped file's notice) as a single line."""
        from claimgraph.read import SkippedInput

        skipped = isinstance(error, SkippedInput)
        self.failures += not skipped
        verb = "skipped" if skipped else "cannot read"
        # One line whatever the terminal width: scripts grep these by name.
        line = " ".join(f"claimgraph: {verb} {error.name}: {error.reason}".split())
        stderr.print(line, markup=False, soft_wrap=True)


INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


@contextlib.contextmanager
def exit_on_interrupt() -> Iterator[None]:
    """Turn Ctrl-C into one line on stderr and exit status 130, without a traceback.

    Entered before the output is opened, so by the time it reports, a half-written -o file
    is already removed; records already sent to stdout stay there.
    """
    try:
        yield
    except KeyboardInterrupt:
        stderr.print("claimgraph: interrupted", markup=False, soft_wrap=True)
        raise typer.Exit(INTERRUPTED) from None


MaxMbOption = Annotated[float, typer.Option(help="Refuse inputs larger than this (MB).")]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Analyse in this many processes (each loads the model); output as with one.",
    ),
]


@contextlib.contextmanager
def runner_failures() -> Iterator[None]:
    """Turn a runner's failure (a dead worker, an unreachable scheduler) into one line, exit 1."""
    from claimgraph.run import RunnerError

    try:
        yield
    except RunnerError as error:
        stderr.print(f"claimgraph: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None


TextColumnOption = Annotated[
    str | None,
    typer.Option(
        "--text-column",
        help="CSV/TSV column holding the text (default: the first of text, body, content, "
        "article, notes, incident_summary, source_headline).",
    ),
]


def input_list(paths: list[str] | None, sample: bool) -> list[str]:
    """Return the inputs to read, or stop with a usage error when there are none."""
    inputs = list(paths or []) + (sample_paths() if sample else [])
    if not inputs:
        raise fail_usage("give files, folders, '-' for stdin, or --sample")
    return inputs


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or '-' for stdin (.txt .md .html .jsonl .csv ...)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=format_help("jsonl"))
    ] = "jsonl",
    published: PublishedOption = None,
    text: Annotated[
        bool, typer.Option("--text", help="Add the document text to the output.")
    ] = False,
    sample: Annotated[
        bool, typer.Option("--sample", help="Run on the sample articles shipped with claimgraph.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    text_column: TextColumnOption = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
    no_progress: NoProgressOption = False,
    workers: WorkersOption = 1,
    lexicon: LexiconOption = None,
) -> None:
    """Extract events, places, actors and claims from documents."""
    from claimgraph.gazetteer.build import ensure_gazetteer
    from claimgraph.run import open_runner

    exporter = get_exporter(check_format(output_format))
    published = check_date("--published", published)
    inputs = input_list(paths, sample)
    settings = pipeline_settings(lexicon)
    ensure_gazetteer()  # before the progress display: a first run builds the cache
    counter = FailureCounter()
    progress = progress_bar(enabled=not (quiet or no_progress))
    with (
        exit_on_interrupt(),
        runner_failures(),
        progress,
        open_output(output) as out,
        contextlib.ExitStack() as running,
    ):
        task = progress.add_task("loading model", total=None)
        # Worker processes load their models in the background while the inputs are read.
        extractor = running.enter_context(open_runner(settings, workers))
        documents = counter.read(inputs, progress, task, published, max_mb, text_column)
        records = extractor.records(documents)
        try:
            exporter.write(records, out, text)
        except BrokenPipeError:
            quiet_broken_pipe()
    raise typer.Exit(1 if counter.failures else 0)
