"""Reading text files: decoding, boilerplate marking, byline, title, dates, failures."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from claimgraph.errors import InputError, InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read import read_documents

ARTICLE = (
    "Blast kills five near market\r\n"
    "\r\n"
    "By Jane Doe and John Roe | Reuters\r\n"
    "\r\n"
    "Skip to content\r\n"
    "A roadside bomb killed five people near a busy market on Sunday, police said.\r\n"
    "\r\n"
    "Share this:\r\n"
    "Facebook Twitter WhatsApp\r\n"
    "Advertisement\r\n"
    "Officials said an investigation had begun.\r\n"
    "Exit mobile version\r\n"
)


def read_one(path: Path, **options: object) -> Document | InputError:
    """Read a single path and return its only result."""
    results = list(read_documents([str(path)], **options))  # type: ignore[arg-type]
    assert len(results) == 1
    return results[0]


def read_doc(path: Path, **options: object) -> Document:
    """Read a single path that must give a document."""
    result = read_one(path, **options)
    assert isinstance(result, Document), result
    return result


@pytest.fixture
def article(tmp_path: Path) -> Document:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return read_doc(path)


def test_text_is_kept_verbatim_with_its_line_ends(article: Document) -> None:
    assert article.text == ARTICLE
    assert article.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


def test_ignored_ranges_are_exactly_the_boilerplate_and_byline_lines(article: Document) -> None:
    assert [article.text[start:end] for start, end in article.ignored] == [
        "By Jane Doe and John Roe | Reuters",
        "Skip to content",
        "Share this:",
        "Facebook Twitter WhatsApp",
        "Advertisement",
        "Exit mobile version",
    ]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Blast kills five near market"),
        ("author", "Jane Doe and John Roe"),
        ("outlet", "Reuters"),
        ("language", "en"),
        ("url", None),
    ],
)
def test_metadata_filled_from_the_text(article: Document, field: str, expected: str) -> None:
    assert getattr(article, field) == expected


def test_id_and_source_are_the_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = read_doc(path)
    assert (document.id, document.source) == (str(path), str(path))


def test_title_line_is_not_ignored(article: Document) -> None:
    assert all(article.text[start:end] != article.title for start, end in article.ignored)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Title\n\nISLAMABAD, Jan. 5 (Reuters) - Gunmen killed two.\n", "2024-01-20", "2024-01-05"),
        ("Title\n\nPublished: 3 March 2024\n\nGunmen killed two.\n", None, "2024-03-03"),
        ("Title\nBy Jane Doe | March 3, 2024\n\nGunmen killed two.\n", "2020-01-01", "2024-03-03"),
        ("Gunmen killed two in the north on Monday.\n", "2024-02-01", "2024-02-01"),
        ("Gunmen killed two in the north on Monday.\n", None, None),
        ("Gunmen killed two in the north on Monday.\n", "not a date", None),
        ("Title\n\nPublished: 31 February 2024\n", None, None),
        ("ROME, February 2, 2018 (Wire) — Police said.\n", None, "2018-02-02"),
        ("Title\n\nPosted on Mon, Mar 4, 2024\n\nBody.\n", None, "2024-03-04"),
        ("KABUL, 14 March 2024 — Gunmen killed two.\n", None, "2024-03-14"),
        ("MAIDUGURI, Nigeria, 2 August 2024 — Gunmen killed two.\n", None, "2024-08-02"),
        ("CHICAGO, Nov. 20, 2023: A man was shot dead.\n", None, "2023-11-20"),
        ("Peshawar, Sept. 11, 2025 (AFP) - A bomb went off.\n", None, "2025-09-11"),
        ("KABUL, Jan 23, 2024 (Pajhwok) - A bomb went off.\n", None, "2024-01-23"),
        # Without a year and with nothing to date it by, a dateline gives no date.
        ("JERUSALEM, April 5 (Reuters) - A gunman killed two.\n", None, None),
        # Dates inside quoted tweets, citations or prose are not publication dates.
        ("Title\n\n— Some Body (@somebody) May 8, 2018\n\nBody.\n", None, None),
        ("Title\n\nOn July 6, 2015, the minister said:\n\nBody.\n", None, None),
    ],
)
def test_publication_date(
    tmp_path: Path, text: str, published: str | None, expected: str | None
) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(text, encoding="utf-8")
    assert read_doc(path, published=published).published == expected


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        ("Café à Peshawar, déjà vu.".encode("latin-1"), "Café à Peshawar, déjà vu."),
        ("“Five killed” — officials".encode("cp1252"), "“Five killed” — officials"),
        ("Five killed in Quetta.".encode("utf-16"), "Five killed in Quetta."),
        ("Five killed in Quetta.".encode("utf-16-le"), "Five killed in Quetta."),
        ("\ufeffFive killed in Quetta.".encode(), "Five killed in Quetta."),
        (
            "Пятеро погибли в результате взрыва в городе.".encode("cp1251"),
            "Пятеро погибли в результате взрыва в городе.",
        ),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoded: bytes, expected: str) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(encoded)
    assert read_doc(path).text == expected


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"some\x00binary\x00\x01\x02\x03\xff\xfe data here",
    ],
)
def test_binary_file_is_an_error_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    error = read_one(path)
    assert isinstance(error, UnreadableInput)
    assert str(error) == f"{path}: binary file, not text"


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = read_one(path)
    assert isinstance(error, UnreadableInput)
    assert str(error) == f"{path}: no text (empty file)"


def test_oversize_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    error = read_one(path, max_bytes=100)
    assert isinstance(error, InputTooLarge)
    assert str(error).startswith(f"{path}: 500 bytes, over the limit of 100 bytes")


def test_missing_file_is_an_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed two police officers in the north.", encoding="utf-8")
    results = list(read_documents([str(tmp_path / "gone.txt"), str(good)]))
    assert isinstance(results[0], UnreadableInput)
    assert "gone.txt: no such file or directory" in str(results[0])
    assert isinstance(results[1], Document)
