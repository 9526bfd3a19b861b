"""Read WARC archives: each HTML response record is read as an HTML page.

The record's WARC-Target-URI is the document id and url; a record that fails is named
`<file>:<uri>` and the others still come out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from claimgraph.errors import InputError, InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, os_error_reason
from claimgraph.read.html import document_from_html
from claimgraph.read.options import ReadOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read the HTML pages stored in a WARC (or gzipped WARC) file.

    A record that breaks the archive's framing ends the reading there, named `<file>:#<n>`
    (n counting records from 1); the pages before it still come out.
    """
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for number in itertools.count(1):
                record = next_record(records, name, number)
                if record is None:
                    return
                if isinstance(record, InputError):
                    yield record
                    return
                # warcio falls back to the older ARC format, which reads any text file
                # as records; only real WARC records are accepted.
                if record.format != "warc":
                    raise UnreadableInput(name, "not a WARC archive")
                if is_html_response(record):
                    yield read_record(record, name, options)
    except OSError as error:
        raise UnreadableInput(name, os_error_reason(error)) from error


def next_record(records: Iterator[Any], name: str, number: int) -> Any | InputError | None:
    """Return the next record, None at the end, or the error of a record that cannot be read."""
    try:
        return next(records)
    except StopIteration:
        return None
    # warcio raises whatever its parsers meet (ValueError, AttributeError on a header line
    # it cannot split, zlib errors); any of them means this record cannot be read.
    except Exception as error:  # noqa: BLE001
        if number == 1:
            raise UnreadableInput(name, "not a WARC archive") from error
        return UnreadableInput(f"{name}:#{number}", f"broken WARC record ({type(error).__name__})")


def is_html_response(record: object) -> bool:
    """Tell whether a WARC record is an HTTP response carrying an HTML page."""
    if getattr(record, "rec_type", None) != "response":
        return False
    headers = getattr(record, "http_headers", None)
    content_type = str(headers.get_header("Content-Type") or "") if headers is not None else ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def read_record(record: object, name: str, options: ReadOptions) -> Document | InputError:
    """Read one HTML response record, returning an error named `<file>:<uri>` on failure."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    record_name = f"{name}:{uri}"
    try:
        payload = record.content_stream().read(options.max_bytes + 1)  # type: ignore[attr-defined]
    # A truncated or badly chunked payload fails inside warcio's decoders, whatever they raise.
    except Exception as error:  # noqa: BLE001
        return UnreadableInput(record_name, f"broken WARC record ({type(error).__name__})")
    if len(payload) > options.max_bytes:
        return InputTooLarge(record_name, f"record over the limit of {options.max_bytes} bytes")
    try:
        html = decode_bytes(payload, record_name)
        return document_from_html(
            html,
            name=record_name,
            doc_id=uri or record_name,
            options=options,
            url=uri or None,
            source=name,
        )
    except InputError as error:
        return error
