"""Read RSS and Atom feeds: one document per entry, the entry's HTML turned into text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, read_bounded
from claimgraph.read.document import Metadata, build_document
from claimgraph.read.fragment import html_fragment_to_text
from claimgraph.read.options import ReadOptions


def read_feed_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read an RSS or Atom file; entries without text come back as errors named `<file>:<n>`."""
    yield from documents_from_feed_bytes(read_bounded(path, name, options.max_bytes), name, options)


def documents_from_feed_bytes(
    data: bytes, name: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Parse a feed held in memory; entries without text come back as errors."""
    decode_bytes(data, name)  # refuse binary files before the XML parser sees them
    # Parsing bytes, never a URL or path string, so feedparser cannot reach the network.
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        raise UnreadableInput(name, "not an RSS or Atom feed")
    if not parsed.entries:
        raise UnreadableInput(name, "feed has no entries")
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_name = f"{name}:{number}"
        text = entry_text(entry)
        if not text:
            yield UnreadableInput(entry_name, "feed entry has no text")
            continue
        metadata = Metadata(
            title=entry.get("title"),
            author=entry.get("author"),
            outlet=outlet,
            published=entry_date(entry),
            url=entry.get("link"),
        )
        yield build_document(
            text,
            doc_id=entry.get("id") or entry.get("link") or entry_name,
            source=name,
            metadata=metadata,
            fallback_published=options.published,
        )


def entry_text(entry: Any) -> str:
    """Return the text of an entry's fullest body: content, else summary."""
    bodies = [part.get("value", "") for part in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    longest = max(bodies, key=len)
    return html_fragment_to_text(longest)


def entry_date(entry: Any) -> str | None:
    """Return an entry's publication (else update) date as ISO, from feedparser's parse."""
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            return time.strftime("%Y-%m-%d", stamp)
    return None
