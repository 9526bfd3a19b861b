"""Assemble a Document from text and whatever metadata the reader found."""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from claimgraph.model import Document
from claimgraph.read.boilerplate import find_boilerplate
from claimgraph.read.byline import find_byline
from claimgraph.read.language import detect_language
from claimgraph.read.metadata import choose_published, find_title


class Metadata(NamedTuple):
    """What a reader knows about a document besides its text (all optional)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: object = None  # a date in any form; normalised on assembly
    url: str | None = None


NO_METADATA = Metadata()


def build_document(
    text: str,
    *,
    doc_id: str,
    source: str,
    metadata: Metadata = NO_METADATA,
    fallback_published: str | None = None,
) -> Document:
    """Build a Document: mark boilerplate and byline, fill missing metadata from the text."""
    ignored = list(find_boilerplate(text))
    byline = find_byline(text)
    author, outlet = clean(metadata.author), clean(metadata.outlet)
    if byline is not None:
        ignored.append((byline.start, byline.end))
        author = author or byline.author
        outlet = outlet or byline.outlet
    ignored_ranges = tuple(sorted(set(ignored)))
    return Document(
        id=doc_id,
        text=text,
        title=clean(metadata.title) or find_title(text, ignored_ranges),
        author=author,
        outlet=outlet,
        published=choose_published(metadata.published, text, fallback_published),
        url=clean(metadata.url),
        source=source,
        ignored=ignored_ranges,
        language=detect_language(text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def clean(value: object) -> str | None:
    """Return a metadata value as a stripped string, or None when it is absent or empty."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
