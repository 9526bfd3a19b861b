"""Read JSON Lines: one article object per line, each line a document or a named error.

Lines are read one at a time with a bounded read, so a huge file streams and one
oversized or broken line fails alone, named `<file>:<line>`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import InputError, InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, os_error_reason
from claimgraph.read.document import Metadata, build_document
from claimgraph.read.options import ReadOptions

# Bytes to read at a time while skipping the rest of an oversized line.
SKIP_CHUNK = 1024 * 1024


def read_jsonl_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read a JSON Lines file, one document per non-blank line."""
    try:
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, name, options)
    except OSError as error:
        raise UnreadableInput(name, os_error_reason(error)) from error


def read_jsonl_stream(
    stream: BinaryIO, name: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Read JSON Lines from a binary stream; errors name `<name>:<line number>`."""
    for number, line in enumerate(bounded_lines(stream, options.max_bytes), start=1):
        line_name = f"{name}:{number}"
        if line is None:
            yield InputTooLarge(line_name, f"line over the limit of {options.max_bytes} bytes")
            continue
        if not line.strip():
            continue
        try:
            yield document_from_line(line, line_name, name, options)
        except InputError as error:
            yield error


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Yield each line's bytes, or None for a line over `max_bytes` (whose rest is skipped)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            skip_rest_of_line(stream)
            yield None
        else:
            yield line


def skip_rest_of_line(stream: BinaryIO) -> None:
    """Read past the end of the current line without holding it in memory."""
    while True:
        chunk = stream.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def document_from_line(
    line: bytes, line_name: str, file_name: str, options: ReadOptions
) -> Document:
    """Parse one JSON Lines line into a document."""
    raw = decode_bytes(line, line_name)
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as error:
        reason = getattr(error, "msg", "nested too deeply")
        raise UnreadableInput(line_name, f"invalid JSON ({reason})") from error
    if not isinstance(record, dict):
        raise UnreadableInput(line_name, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnreadableInput(line_name, 'missing "text" (a non-empty string)')
    if not is_encodable(text):
        raise UnreadableInput(line_name, '"text" holds an unpaired surrogate escape')
    doc_id = record.get("id")
    metadata = Metadata(
        title=scalar(record.get("title")),
        author=scalar(record.get("author")),
        outlet=scalar(record.get("outlet")),
        published=scalar(record.get("published")),
        url=scalar(record.get("url")),
    )
    return build_document(
        text,
        doc_id=line_name if scalar(doc_id) is None else str(doc_id).strip(),
        source=file_name,
        metadata=metadata,
        fallback_published=options.published,
    )


def scalar(value: object) -> str | None:
    """Keep a metadata value only if it is a plain string or number (not a list or object)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text if text and is_encodable(text) else None


def is_encodable(text: str) -> bool:
    """Tell whether a string can be written as UTF-8 (JSON "\\ud800" escapes cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
