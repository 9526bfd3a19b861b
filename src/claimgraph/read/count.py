"""Count the items a batch of inputs will yield, when that is cheap, for a progress total.

    count_items(["articles/", "rows.jsonl"], options) -> 1342, or None when unknown

Counted: one per text or HTML file, one per non-blank JSON Lines line, one per CSV row, one
per error a folder listing already knows. Unknown (None): stdin, feeds, WARC archives,
files of unknown kind given by name, and anything past the time budget, since a total that
costs as much as the work is no help. Counts mirror what the readers yield, so a progress
bar that advances once per document or error ends at the total.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.read.delimited import is_data_row
from claimgraph.read.folder import folder_inputs
from claimgraph.read.options import ReadOptions

# Seconds all counting may take; calibrated so a folder of 10,000 files or 1 GB of JSON
# Lines counts within it on one core, while a pathological input gives up fast.
COUNT_BUDGET_SECONDS = 2.0
CHUNK = 1024 * 1024
SINGLE_DOCUMENT = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
LINE_RECORDS = (".jsonl", ".ndjson")
ROW_RECORDS = (".csv", ".tsv", ".tab")


class OverBudget(Exception):
    """Counting has taken longer than it is worth."""


def count_items(
    paths: Sequence[str],
    options: ReadOptions,
    is_known: Callable[[str], bool],
    budget_seconds: float = COUNT_BUDGET_SECONDS,
) -> int | None:
    """Return how many documents and errors the inputs will yield, or None when not cheap."""
    deadline = time.monotonic() + budget_seconds
    total = 0
    try:
        for given in paths:
            found = count_input(given, options, is_known, deadline)
            if found is None:
                return None
            total += found
    except OverBudget:
        return None
    return total


def count_input(
    given: str, options: ReadOptions, is_known: Callable[[str], bool], deadline: float
) -> int | None:
    """Count one input given on the command line."""
    if given == "-":
        return None
    path = Path(given)
    try:
        if path.is_dir():
            return count_folder(path, given, options, is_known, deadline)
        if not path.is_file():
            return 1  # the reader names it as one error
    except OSError:
        return 1
    return count_file(path, options, deadline)


def count_folder(
    path: Path, given: str, options: ReadOptions, is_known: Callable[[str], bool], deadline: float
) -> int | None:
    """Count the items of every known file under a folder (an unlisted folder counts one)."""
    total = 0
    for entry in folder_inputs(path, given, is_known):
        if isinstance(entry, InputError):
            total += 1
            continue
        found = count_file(entry[0], options, deadline)
        if found is None:
            return None
        total += found
    return total


def count_file(path: Path, options: ReadOptions, deadline: float) -> int | None:
    """Count the items one file will yield, by its ending."""
    check(deadline)
    lowered = path.name.lower()
    try:
        if lowered.endswith(SINGLE_DOCUMENT) or path.stat().st_size > options.max_bytes:
            return 1  # one document, or one error for a file over the limit
        if lowered.endswith(LINE_RECORDS):
            return max(1, count_filled_lines(path, deadline))
        if lowered.endswith(ROW_RECORDS):
            return max(1, count_rows(path, deadline))
    except OSError:
        return 1
    return None


def count_filled_lines(path: Path, deadline: float) -> int:
    """Count the lines that hold more than whitespace."""
    count = 0
    for line in byte_lines(path, deadline):
        if line.strip():
            count += 1
    return count


def count_rows(path: Path, deadline: float) -> int:
    """Count the CSV records after the header that hold data (not blank, not HXL tags).

    Latin-1 decodes any bytes and keeps quotes and newlines where they are in UTF-8 and
    Windows-1252 too, so record boundaries come out right whatever the file's encoding.
    """
    lines = (line.decode("latin-1") for line in byte_lines(path, deadline))
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # counting holds no cell; the reader enforces the limit
    records = 0
    try:
        for row in csv.reader(lines, strict=False):
            records += is_data_row(row)
    except csv.Error:
        pass  # a row the reader will name; the count stays a good estimate
    finally:
        csv.field_size_limit(previous)
    return records - 1 if records else 0


def byte_lines(path: Path, deadline: float) -> Iterator[bytes]:
    """Yield a file's lines, checking the time budget every few thousand."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream):
            if number % 4096 == 0:
                check(deadline)
            yield line


def check(deadline: float) -> None:
    """Stop counting once the budget is spent."""
    if time.monotonic() > deadline:
        raise OverBudget
