"""Reading RSS/Atom feeds and WARC archives: one document per entry or HTML record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read import read_documents

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item>
  <title>Checkpoint attacked</title>
  <link>https://wire.example.org/1</link>
  <guid>wire-1</guid>
  <pubDate>Sun, 03 Mar 2024 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Gunmen attacked a police checkpoint, killing two officers.&lt;/p&gt;
  &lt;p&gt;Officials said the attackers fled.&lt;/p&gt;</description>
</item>
<item><title>Empty</title><guid>wire-2</guid><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Blog</title>
<entry><title>Border clashes</title><id>urn:example:7</id>
<updated>2024-04-01T10:00:00Z</updated><author><name>Jane Doe</name></author>
<content type="html">&lt;p&gt;Troops clashed with rebels near the border.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_entries_become_documents_and_empty_entries_errors(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    document, empty = read_documents([str(path)])
    assert isinstance(document, Document)
    assert (document.id, document.title, document.outlet, document.published, document.url) == (
        "wire-1",
        "Checkpoint attacked",
        "Example Wire",
        "2024-03-03",
        "https://wire.example.org/1",
    )
    assert document.text == (
        "Gunmen attacked a police checkpoint, killing two officers.\n"
        "Officials said the attackers fled."
    )
    assert isinstance(empty, UnreadableInput)
    assert str(empty) == f"{path}:2: feed entry has no text"


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "blog.atom"
    path.write_text(ATOM, encoding="utf-8")
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document)
    assert (document.id, document.author, document.published, document.text) == (
        "urn:example:7",
        "Jane Doe",
        "2024-04-01",
        "Troops clashed with rebels near the border.",
    )


def test_rss_file_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "config.rss"
    path.write_text("<config><item>1</item></config>", encoding="utf-8")
    (error,) = read_documents([str(path)])
    assert isinstance(error, UnreadableInput)
    assert str(error) == f"{path}: not an RSS or Atom feed"


def test_feed_with_an_unknown_ending_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(ATOM, encoding="utf-8")
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document) and document.id == "urn:example:7"


PAGE = (
    "<html><head><title>Market blast</title></head><body><article>"
    "<p>A bomb exploded in a crowded market on Friday, killing three people, police said.</p>"
    "<p>Witnesses said the blast shattered windows along the street.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gzip: bool) -> None:
    """Write (uri, content type, body) HTTP responses into a WARC file."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for uri, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize(("filename", "gzip"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_records_become_documents(tmp_path: Path, filename: str, gzip: bool) -> None:
    path = tmp_path / filename
    write_warc(
        path,
        [
            ("https://news.example.org/blast", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://news.example.org/big", "text/html", PAGE.encode() * 20),
        ],
        gzip=gzip,
    )
    document, too_large = read_documents([str(path)], max_bytes=1000)
    assert isinstance(document, Document)
    assert (document.id, document.url, document.source, document.title) == (
        "https://news.example.org/blast",
        "https://news.example.org/blast",
        str(path),
        "Market blast",
    )
    assert "A bomb exploded in a crowded market" in document.text
    assert isinstance(too_large, InputTooLarge)
    assert too_large.name == f"{path}:https://news.example.org/big"


def test_file_that_is_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n", encoding="utf-8")
    (error,) = read_documents([str(path)])
    assert isinstance(error, UnreadableInput)
    assert str(error) == f"{path}: not a WARC archive"
