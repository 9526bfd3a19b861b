"""Read plain text and Markdown files (and files of unknown kind that decode as text)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, read_bounded
from claimgraph.read.document import build_document
from claimgraph.read.options import ReadOptions


def read_text_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read one text file as one document."""
    yield document_from_text_bytes(read_bounded(path, name, options.max_bytes), name, options)


def document_from_text_bytes(data: bytes, name: str, options: ReadOptions) -> Document:
    """Decode text bytes and build the document, its id and source being `name`."""
    text = decode_bytes(data, name)
    if not text.strip():
        raise UnreadableInput(name, "no text (empty file)")
    return build_document(text, doc_id=name, source=name, fallback_published=options.published)
