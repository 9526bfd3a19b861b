"""Read standard input: sniff whether it is JSON Lines, HTML or text, then read it as such."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import BinaryIO, Literal

from claimgraph.errors import InputError, InputTooLarge
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes
from claimgraph.read.html import document_from_html
from claimgraph.read.jsonl import read_jsonl_stream
from claimgraph.read.options import ReadOptions
from claimgraph.read.text import document_from_text_bytes

STDIN_NAME = "<stdin>"
# Enough to hold the first few JSONL records or an HTML page's head.
SNIFF_BYTES = 64 * 1024
HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)", re.IGNORECASE)
HTML_TAGS = re.compile(rb"<(?:html|body|article|p|div)\b[^>]*>", re.IGNORECASE)

Kind = Literal["jsonl", "html", "text"]


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
    if kind == "html":
        html = decode_bytes(data, STDIN_NAME)
        yield document_from_html(html, name=STDIN_NAME, doc_id=STDIN_NAME, options=options)
    else:
        yield document_from_text_bytes(data, STDIN_NAME, options)


def sniff_kind(head: bytes, *, complete: bool) -> Kind:
    """Guess the kind of input from its first bytes."""
    lines = head.split(b"\n")
    whole = complete or len(lines) > 1
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off mid-record
    filled = [line for line in lines if line.strip()]
    if filled and all(is_json_object(line, whole=whole) for line in filled):
        return "jsonl"
    if HTML_START.match(head) or HTML_TAGS.search(head[:4096]):
        return "html"
    return "text"


def is_json_object(line: bytes, *, whole: bool) -> bool:
    """Tell whether a line is a JSON object (or, if cut off, starts like one)."""
    stripped = line.strip().removeprefix(b"\xef\xbb\xbf")
    if not whole:
        return stripped.startswith(b"{")
    try:
        return isinstance(json.loads(stripped), dict)
    except (ValueError, RecursionError):
        return False


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
