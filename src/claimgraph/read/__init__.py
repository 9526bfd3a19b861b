"""The read stage: paths, folders and stdin in, Documents (or named input errors) out.

    read_documents(["a.txt", "feeds/", "-"]) -> Document | InputError, in input order

Each input kind has one reader module, registered below by file-name ending; a file with
an unknown ending given by name is read as the kind its content shows (JSON Lines, HTML,
a feed, else text), while a folder yields only files with known endings.
Errors are yielded, not raised, so one bad file never stops a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import os_error_reason
from claimgraph.read.feed import read_feed_file
from claimgraph.read.folder import list_folder
from claimgraph.read.html import read_html_file
from claimgraph.read.jsonl import read_jsonl_file
from claimgraph.read.language import detect_language
from claimgraph.read.options import DEFAULT_MAX_BYTES, Reader, ReadOptions
from claimgraph.read.sniff import read_unknown_file
from claimgraph.read.stdin import read_stdin
from claimgraph.read.text import read_text_file
from claimgraph.read.warc import read_warc_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "ReadOptions",
    "detect_language",
    "read_documents",
    "reader_for",
]

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
) -> Iterator[Document | InputError]:
    """Yield a Document per document, or an InputError per failure, in input order."""
    options = ReadOptions(published=published, max_bytes=max_bytes)
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from guarded(read_stdin(stream, options))
        else:
            yield from read_path(given, options)


def read_path(given: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read a file or every known file under a folder."""
    path = Path(given)
    try:
        is_folder = path.is_dir()
        if not is_folder and not path.exists():
            yield UnreadableInput(given, "no such file or directory")
            return
    except OSError as error:
        yield UnreadableInput(given, os_error_reason(error))
        return
    if not is_folder:
        # A FIFO or device would block or never end; only regular files are read.
        if not path.is_file():
            yield UnreadableInput(given, "not a regular file")
            return
        yield from guarded(read_file(path, given, options))
        return
    for entry in list_folder(path, given, lambda name: reader_for(name) is not None):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from guarded(read_file(*entry, options))


def read_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read one file with the reader for its ending, or by its content when that is unknown."""
    reader = reader_for(path.name) or read_unknown_file
    return reader(path, name, options)


def guarded(items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """Pass items through, turning an InputError raised by the reader into a yielded one."""
    try:
        yield from items
    except InputError as error:
        yield error
