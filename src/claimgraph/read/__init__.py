"""The read stage: paths, folders and stdin in, Documents (or named input errors) out.

    read_documents(["a.txt", "feeds/", "-"]) -> Document | InputError, in input order

Each input kind has one reader module, registered below by file-name ending; a file with
an unknown ending given by name is read as the kind its content shows (JSON Lines, HTML,
a feed, else text), while a folder reads only files with known endings and names the
others: binary ones as errors, text ones as SkippedInput notices.
Errors are yielded, not raised, so one bad file never stops a batch.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.count import count_items
from claimgraph.read.decode import os_error_reason
from claimgraph.read.folder import SkippedInput, folder_inputs
from claimgraph.read.language import detect_language
from claimgraph.read.options import DEFAULT_MAX_BYTES, STDIN_NAME, Reader, ReadOptions

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "ReadOptions",
    "SkippedInput",
    "count_documents",
    "detect_language",
    "read_documents",
    "reader_for",
]

def deferred(target: str) -> Reader:
    """Return a reader that imports its module ("html:read_html_file") when first called.

    A batch of JSON Lines never pays for importing the HTML extractor, the feed parser or
    the WARC reader.
    """
    module_name, function_name = target.split(":")

    def read(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
        module = import_module(f"claimgraph.read.{module_name}")
        reader: Reader = getattr(module, function_name)
        return reader(path, name, options)

    read.__name__ = read.__qualname__ = function_name
    return read


read_text_file = deferred("text:read_text_file")
read_html_file = deferred("html:read_html_file")
read_jsonl_file = deferred("jsonl:read_jsonl_file")
read_feed_file = deferred("feed:read_feed_file")
read_warc_file = deferred("warc:read_warc_file")
read_delimited_file = deferred("delimited:read_delimited_file")
read_unknown_file = deferred("sniff:read_unknown_file")

# File-name endings (lower case) and their readers; the longest matching ending wins.
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
    ".csv": read_delimited_file,
    ".tsv": read_delimited_file,
    ".tab": read_delimited_file,
}


def register_reader(ending: str, reader: Reader) -> None:
    """Register a reader for a file-name ending such as ".warc.gz"."""
    READERS[ending.lower()] = reader


def reader_for(filename: str) -> Reader | None:
    """Return the reader registered for a file name's ending, if any."""
    lowered = filename.lower()
    endings = sorted((ending for ending in READERS if lowered.endswith(ending)), key=len)
    return READERS[endings[-1]] if endings else None


def read_documents(
    paths: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    text_column: str | None = None,
) -> Iterator[Document | InputError]:
    """Yield a Document per document, or an InputError per failure, in input order."""
    options = ReadOptions(published=published, max_bytes=max_bytes, text_column=text_column)
    for given in paths:
        if given == "-":
            from claimgraph.read.stdin import read_stdin  # sniffs: HTML and feed readers

            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from guarded(read_stdin(stream, options), STDIN_NAME)
        else:
            yield from read_path(given, options)


def read_path(given: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read a file or every known file under a folder."""
    path = Path(given)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        yield UnreadableInput(given, "no such file or directory")
        return
    except OSError as error:  # a symbolic link loop, a name too long, a denied folder
        yield UnreadableInput(given, os_error_reason(error))
        return
    if stat.S_ISDIR(mode):
        for entry in folder_inputs(path, given, is_known):
            if isinstance(entry, InputError):
                yield entry
            else:
                yield from guarded(read_file(*entry, options), entry[1])
    elif stat.S_ISREG(mode):
        yield from guarded(read_file(path, given, options), given)
    else:
        # A FIFO or device would block or never end; only regular files are read.
        yield UnreadableInput(given, "not a regular file")


def is_known(filename: str) -> bool:
    """Tell whether a file name's ending has a reader (what a folder reads)."""
    return reader_for(filename) is not None


def count_documents(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    budget_seconds: float | None = None,
) -> int | None:
    """Return how many documents and errors `read_documents` will yield, or None if not cheap."""
    options = ReadOptions(max_bytes=max_bytes)
    if budget_seconds is None:
        return count_items(paths, options, is_known)
    return count_items(paths, options, is_known, budget_seconds)


def read_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read one file with the reader for its ending, or by its content when that is unknown."""
    reader = reader_for(path.name) or read_unknown_file
    return reader(path, name, options)


def guarded(items: Iterator[Document | InputError], name: str) -> Iterator[Document | InputError]:
    """Pass items through, turning an error raised by the reader into a yielded one."""
    try:
        yield from items
    except InputError as error:
        yield error
    # A reader's bug or a parser's surprise must cost one input, not the batch; the reason
    # names the exception so it can be reported (the fuzz tests hold readers to InputError).
    except Exception as error:  # noqa: BLE001
        detail = " ".join(str(error).split())[:120]
        yield UnreadableInput(name, f"unexpected {type(error).__name__}: {detail} (please report)")
