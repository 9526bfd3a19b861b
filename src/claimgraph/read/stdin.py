"""Read standard input: sniff whether it is JSON Lines, HTML, a feed or text, then read it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from claimgraph.errors import InputError, InputTooLarge
from claimgraph.model import Document
from claimgraph.read.jsonl import read_jsonl_stream
from claimgraph.read.options import STDIN_NAME, ReadOptions
from claimgraph.read.sniff import SNIFF_BYTES, read_sniffed, sniff_kind


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read documents from a binary stream given as `-`."""
    head = stream.read(SNIFF_BYTES)
    complete = len(head) < SNIFF_BYTES
    kind = sniff_kind(head, complete=complete)
    if kind == "jsonl":
        yield from read_jsonl_stream(prepend(head, stream), STDIN_NAME, options)
        return
    data = head if complete else head + stream.read(max(0, options.max_bytes + 1 - len(head)))
    if len(data) > options.max_bytes:
        raise InputTooLarge(STDIN_NAME, f"over the limit of {options.max_bytes} bytes")
    yield from read_sniffed(data, kind, STDIN_NAME, options)


def prepend(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """Return one buffered stream that yields `head` and then the rest of `rest`."""
    return io.BufferedReader(PrependedStream(head, rest))


class PrependedStream(io.RawIOBase):
    """A raw stream over bytes already read followed by the stream they came from."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        """Say that the stream can be read."""
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        """Fill the buffer from the head first, then from the rest."""
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
