"""Read HTML pages: trafilatura's main text becomes the document text, with its metadata."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from claimgraph.errors import InputError, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, read_bounded
from claimgraph.read.document import Metadata, build_document
from claimgraph.read.options import ReadOptions

# htmldate's extensive search picks up any date on the page (comments, sidebars);
# the publication date must come from the page's own markup.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html_file(path: Path, name: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Read one HTML file as one document."""
    html = decode_bytes(read_bounded(path, name, options.max_bytes), name)
    yield document_from_html(html, name=name, doc_id=name, options=options)


def document_from_html(
    html: str,
    *,
    name: str,
    doc_id: str,
    options: ReadOptions,
    url: str | None = None,
    source: str | None = None,
) -> Document:
    """Extract the main text and metadata of an HTML page and build the document.

    `name` names the page in errors; `source` (default: `name`) is the file it came from.
    """
    text, metadata = extract_main_text(html, name, url)
    return build_document(
        text,
        doc_id=doc_id,
        source=source or name,
        metadata=metadata,
        fallback_published=options.published,
    )


def extract_main_text(html: str, name: str, url: str | None = None) -> tuple[str, Metadata]:
    """Return trafilatura's main text and metadata, falling back to all body text."""
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            date_extraction_params=DATE_PARAMS,
        )
        text = getattr(extracted, "text", None) or ""
        if not text.strip():
            _tree, text, _length = trafilatura.baseline(html)
    # trafilatura and lxml raise many kinds of errors on malformed pages; any of them
    # means this one input cannot be read, and the batch must go on.
    except Exception as error:  # noqa: BLE001
        raise UnreadableInput(name, f"cannot parse HTML ({type(error).__name__})") from error
    if not text.strip():
        raise UnreadableInput(name, "no text found in HTML")
    metadata = Metadata(
        title=getattr(extracted, "title", None),
        author=getattr(extracted, "author", None),
        outlet=getattr(extracted, "sitename", None),
        published=getattr(extracted, "date", None),
        url=getattr(extracted, "url", None) or url,
    )
    return text, metadata
