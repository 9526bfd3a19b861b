"""Reading HTML: trafilatura's main text is the document text, page metadata fills the fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.model import Document
from claimgraph.read import read_documents

PAGE = """<!doctype html>
<html><head>
<title>Drone strike kills four | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-03T08:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/2024/03/drone-strike">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Drone strike kills four</h1>
<p>A drone strike killed four suspected militants in a remote border district on Sunday,
security officials said.</p>
<p>Residents said the strike hit a compound before dawn and that two houses were destroyed.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Document:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document)
    return document


def test_main_text_excludes_navigation_and_footer(page: Document) -> None:
    assert "A drone strike killed four suspected militants" in page.text
    assert "Residents said the strike hit a compound" in page.text
    assert "Sport" not in page.text
    assert "All rights reserved" not in page.text


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Drone strike kills four"),
        ("author", "Jane Doe"),
        ("published", "2024-03-03"),
        ("outlet", "Example News"),
        ("url", "https://news.example.org/2024/03/drone-strike"),
        ("language", "en"),
    ],
)
def test_page_metadata(page: Document, field: str, expected: str) -> None:
    assert getattr(page, field) == expected


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (error,) = read_documents([str(path)])
    assert isinstance(error, UnreadableInput)
    assert str(error) == f"{path}: no text found in HTML"
