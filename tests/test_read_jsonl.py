"""Reading JSON Lines: one document per line; a broken line fails alone, named file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError, InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read import read_documents


def write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_broken_line_fails_alone_and_is_named(tmp_path: Path) -> None:
    name = write_lines(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"id": "a1", "text": "Gunmen killed two police officers."}),
            '{"id": "a2", "text": "unterminated',
            json.dumps({"id": "a3", "text": "A drone strike hit a compound."}),
        ],
    )
    results = list(read_documents([name]))
    assert [type(result) for result in results] == [Document, UnreadableInput, Document]
    assert [result.id for result in results if isinstance(result, Document)] == ["a1", "a3"]
    error = results[1]
    assert isinstance(error, InputError)
    assert error.name == f"{name}:2"
    assert str(error).startswith(f"{name}:2: invalid JSON")
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2, 3]", "expected a JSON object, got list"),
        ('"just a string"', "expected a JSON object, got str"),
        ('{"id": "x"}', 'missing "text" (a non-empty string)'),
        ('{"text": 42}', 'missing "text" (a non-empty string)'),
        ('{"text": "   "}', 'missing "text" (a non-empty string)'),
        ("{not json}", "invalid JSON"),
        ('{"text": "bad \\ud800 escape"}', '"text" holds an unpaired surrogate escape'),
    ],
)
def test_bad_lines(tmp_path: Path, line: str, reason: str) -> None:
    name = write_lines(tmp_path / "bad.jsonl", [line])
    (error,) = read_documents([name])
    assert isinstance(error, UnreadableInput)
    assert str(error).startswith(f"{name}:1: {reason}")


def test_missing_id_becomes_file_and_line_counting_blank_lines(tmp_path: Path) -> None:
    name = write_lines(
        tmp_path / "rows.jsonl",
        ["", json.dumps({"text": "Militants attacked a checkpoint."}), "  "],
    )
    (document,) = read_documents([name])
    assert isinstance(document, Document)
    assert (document.id, document.source) == (f"{name}:2", name)


def test_metadata_fields_are_read_and_unknown_keys_ignored(tmp_path: Path) -> None:
    row = {
        "id": 17,
        "text": "Troops clashed with rebels near the border.",
        "title": "Clashes on the border",
        "author": "Jane Doe",
        "published": "March 3, 2024",
        "url": "https://example.org/a",
        "outlet": "Example News",
        "tags": ["conflict"],
    }
    (document,) = read_documents([write_lines(tmp_path / "meta.jsonl", [json.dumps(row)])])
    assert isinstance(document, Document)
    assert (
        document.id,
        document.text,
        document.title,
        document.author,
        document.published,
        document.url,
        document.outlet,
    ) == (
        "17",
        row["text"],
        "Clashes on the border",
        "Jane Doe",
        "2024-03-03",
        "https://example.org/a",
        "Example News",
    )


@pytest.mark.parametrize("published", ["soon", "2024-02-30", "", None, 12.5])
def test_invalid_published_is_none(tmp_path: Path, published: object) -> None:
    row = {"text": "Troops clashed with rebels near the border.", "published": published}
    (document,) = read_documents([write_lines(tmp_path / "d.jsonl", [json.dumps(row)])])
    assert isinstance(document, Document)
    assert document.published is None


def test_oversize_line_fails_alone(tmp_path: Path) -> None:
    long_row = json.dumps({"text": "x" * 500})
    short_row = json.dumps({"id": "ok", "text": "A short report."})
    name = write_lines(tmp_path / "mixed.jsonl", [long_row, short_row])
    results = list(read_documents([name], max_bytes=100))
    assert isinstance(results[0], InputTooLarge)
    assert results[0].name == f"{name}:1"
    assert isinstance(results[1], Document) and results[1].id == "ok"


def test_text_is_taken_verbatim(tmp_path: Path) -> None:
    text = "Line one.\r\n\r\nExit mobile version\r\n\tTabbed line.  "
    (document,) = read_documents([write_lines(tmp_path / "v.jsonl", [json.dumps({"text": text})])])
    assert isinstance(document, Document)
    assert document.text == text
    assert [text[start:end] for start, end in document.ignored] == ["Exit mobile version"]
