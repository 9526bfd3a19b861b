"""Tell an input's kind from its first bytes, for stdin and files with an unknown ending."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from claimgraph.errors import InputError
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, read_bounded
from claimgraph.read.feed import documents_from_feed_bytes
from claimgraph.read.html import document_from_html
from claimgraph.read.jsonl import read_jsonl_stream
from claimgraph.read.options import ReadOptions
from claimgraph.read.text import document_from_text_bytes

# Enough to hold the first few JSONL records or an HTML page's head.
SNIFF_BYTES = 64 * 1024
XML_PROLOGUE = rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
FEED_START = re.compile(XML_PROLOGUE + rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
HTML_START = re.compile(
    XML_PROLOGUE + rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
HTML_TAGS = re.compile(rb"<(?:html|body|article|p|div)\b[^>]*>", re.IGNORECASE)

Kind = Literal["jsonl", "html", "feed", "text"]


def read_unknown_file(
    path: Path, name: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Read a file whose ending names no reader, by the kind its content shows."""
    data = read_bounded(path, name, options.max_bytes)
    yield from read_sniffed(data, sniff_kind(data, complete=True), name, options)


def read_sniffed(
    data: bytes, kind: Kind, name: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Read input bytes already held in memory as the given kind."""
    if kind == "jsonl":
        yield from read_jsonl_stream(io.BytesIO(data), name, options)
    elif kind == "feed":
        yield from documents_from_feed_bytes(data, name, options)
    elif kind == "html":
        html = decode_bytes(data, name)
        yield document_from_html(html, name=name, doc_id=name, options=options)
    else:
        yield document_from_text_bytes(data, name, options)


def sniff_kind(head: bytes, *, complete: bool) -> Kind:
    """Guess the kind of input from its first bytes."""
    lines = head.split(b"\n")
    whole = complete or len(lines) > 1
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off mid-record
    filled = [line for line in lines if line.strip()]
    if filled and all(is_json_object(line, whole=whole) for line in filled):
        return "jsonl"
    if FEED_START.match(head):
        return "feed"
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
