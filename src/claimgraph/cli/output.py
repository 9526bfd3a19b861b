"""What every command that prints records shares: where the output goes and the progress bar.

Two rules keep `claimgraph ... > FILE` working in a terminal: the progress display draws on
stderr and never takes over stdout (Rich's Live redirects stdout by default), and `-o FILE`
is written to a temporary file beside FILE and renamed only when the run completes, so an
interrupted or crashed run leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from claimgraph.cli.application import stderr

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the output to this file (atomically: a failed run leaves no half file).",
        dir_okay=False,
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no progress and no summary on stderr.")
]
NoProgressOption = Annotated[
    bool, typer.Option("--no-progress", help="Print no progress bar (errors still show).")
]


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Yield the stream to write records to: stdout, or a file that appears only when complete."""
    if path is None:
        yield sys.stdout
        return
    target = path.expanduser()
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode a shell redirect would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def progress_bar(*, enabled: bool) -> Progress:
    """Return a progress display on stderr, drawn only when stderr is a terminal.

    stdout is never redirected: whatever the command prints there reaches its destination
    (a file, a pipe) and not the screen.
    """
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=not (enabled and stderr.is_terminal),
        redirect_stdout=False,
        redirect_stderr=False,
    )


def quiet_broken_pipe() -> None:
    """Point stdout at /dev/null after the reader went away (`| head`), as Unix tools do."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
