"""Fuzz every reader: whatever the bytes, it yields Documents or InputErrors and never raises
anything else, and every Document keeps the offset invariants the analysis relies on.

The readers are called directly, below the batch's safety net that turns a surprise into a
named error, so a reader that relies on that net fails here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.model import Document
from claimgraph.read import ReadOptions, read_documents, reader_for
from claimgraph.read.sniff import read_unknown_file
from claimgraph.read.stdin import read_stdin

# Small limits so the size checks are reached too; examples and time stay bounded.
OPTIONS = ReadOptions(max_bytes=4096)
FUZZ = settings(
    max_examples=40,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
)
ENDINGS = (".txt", ".html", ".jsonl", ".csv", ".tsv", ".rss", ".warc", ".warc.gz", ".story")

# Pieces of every input kind, so shuffled they reach past the first parse step.
PIECES = (
    "<html>", "<body>", "<article>", "<p>", "</p>", "<div>", "</div>", "<script>", "<!--",
    "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "<description>",
    "</item>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<content>",
    '{"text": "', '", "id": ', '{"text": "Police arrested two men in Lahore."}', "}", "[",
    "WARC/1.0\r\n", "WARC-Type: response\r\n", "Content-Length: 12\r\n", "\r\n\r\n",
    "text,id\n", "notes\t", '"', '""', ",", ";", "\t", "\n", "\r\n", "\x00", "\ufeff",
    "By Jane Roe\n\n", "Exit mobile version\n", "Published: 3 March 2024\n", "\ud800",
    "Gunmen killed two in Quetta on Monday, officials said. ", "é", "ß", "سلام", "\u2028",
)  # fmt: skip
structured = st.lists(st.sampled_from(PIECES), max_size=40).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
)
raw_bytes = st.binary(max_size=6000)
inputs = st.one_of(structured, raw_bytes, st.text(max_size=3000).map(str.encode))


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Load the readers' lazy models (language, trafilatura) before the deadlines count."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder, "warm.html")
        page.write_text("<html><body><p>Police arrested two men in Lahore.</p></body></html>")
        list(read_documents([str(page)]))


def check_items(items: Iterator[Document | InputError]) -> None:
    """Consume a reader's output, asserting what every item must be."""
    for item in items:
        if isinstance(item, InputError):
            assert item.name and item.reason
            assert "\n" not in item.reason
            continue
        assert isinstance(item, Document), item
        text = item.text
        assert text.strip() and item.id
        assert item.sha256 == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        previous_end = 0
        for start, end in item.ignored:
            assert previous_end <= start < end <= len(text)
            previous_end = end
        if item.published is not None:
            dt.date.fromisoformat(item.published)
        json.dumps(item.text, ensure_ascii=False).encode("utf-8")  # writable as output


def read_as(ending: str, data: bytes) -> None:
    """Write the bytes to a file with this ending and read it with its reader."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ending}"
        path.write_bytes(data)
        reader = reader_for(path.name) or read_unknown_file
        try:
            check_items(reader(path, str(path), OPTIONS))
        except InputError as error:  # a reader may refuse the whole file by raising
            assert error.name and error.reason and "\n" not in error.reason


@pytest.mark.parametrize("ending", ENDINGS)
@FUZZ
@given(data=inputs)
def test_readers_yield_documents_or_input_errors(ending: str, data: bytes) -> None:
    read_as(ending, data)


@FUZZ
@given(data=inputs)
def test_stdin_yields_documents_or_input_errors(data: bytes) -> None:
    try:
        check_items(read_stdin(io.BytesIO(data), OPTIONS))
    except InputError as error:
        assert error.name == "<stdin>" and "\n" not in error.reason
