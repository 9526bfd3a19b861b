"""Folders, standard input and dispatch by file kind."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claimgraph.errors import InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read import SkippedInput, read_documents

REPORT = "Gunmen attacked a police post overnight, killing two officers, officials said."


def test_folder_is_read_recursively_in_sorted_order_naming_unknown_and_skipping_hidden(
    tmp_path: Path,
) -> None:
    files = {
        "b.txt": REPORT,
        "a/z.md": REPORT,
        "a/b/c.txt": REPORT,
        "c.jsonl": json.dumps({"id": "row", "text": REPORT}),
        ".hidden.txt": REPORT,
        ".git/x.txt": REPORT,
        "image.png": "not read",
        "notes.docx": "not read",
        "annotations.xml": "<doc>not read</doc>",
    }
    for relative, content in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    results = list(read_documents([str(tmp_path)]))
    ids = [result.id for result in results if isinstance(result, Document)]
    assert ids == [
        f"{tmp_path}/a/b/c.txt",
        f"{tmp_path}/a/z.md",
        f"{tmp_path}/b.txt",
        "row",
    ]
    skipped = [result.name for result in results if isinstance(result, SkippedInput)]
    assert skipped == [
        f"{tmp_path}/{name}" for name in ("annotations.xml", "image.png", "notes.docx")
    ]
    assert len(results) == len(ids) + len(skipped)


def test_inputs_come_out_in_the_order_given(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    paths = [str(tmp_path / "two.txt"), str(tmp_path / "one.txt")]
    assert [result.id for result in read_documents(paths)] == paths


def test_unknown_extension_given_by_name_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.story"
    path.write_text(REPORT, encoding="utf-8")
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document) and document.text == REPORT


@pytest.mark.parametrize(
    ("data", "expected_ids", "expected_texts"),
    [
        (REPORT.encode(), ["<stdin>"], [REPORT]),
        (
            (
                json.dumps({"text": REPORT}) + "\n\n" + json.dumps({"id": "b", "text": "Two."})
            ).encode(),
            ["<stdin>:1", "b"],
            [REPORT, "Two."],
        ),
        (
            f"<html><body><article><p>{REPORT}</p></article></body></html>".encode(),
            ["<stdin>"],
            [REPORT],
        ),
        (b"{not json but text", ["<stdin>"], ["{not json but text"]),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item>'
            b"<guid>e1</guid><description>Troops clashed.</description></item></channel></rss>",
            ["e1"],
            ["Troops clashed."],
        ),
    ],
)
def test_stdin_kind_is_sniffed(
    data: bytes, expected_ids: list[str], expected_texts: list[str]
) -> None:
    results = list(read_documents(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(result, Document) for result in results)
    assert [result.id for result in results] == expected_ids
    assert [result.text for result in results] == expected_texts  # type: ignore[union-attr]
    assert all(result.source == "<stdin>" for result in results)  # type: ignore[union-attr]


def test_long_jsonl_on_stdin_streams_past_the_sniffed_head() -> None:
    rows = [json.dumps({"id": str(number), "text": REPORT}) for number in range(2000)]
    data = ("\n".join(rows) + "\n").encode()
    results = list(read_documents(["-"], stdin=io.BytesIO(data)))
    assert [result.id for result in results] == [str(number) for number in range(2000)]


def test_stdin_errors_name_stdin() -> None:
    (too_large,) = read_documents(["-"], stdin=io.BytesIO(b"word " * 50), max_bytes=100)
    assert isinstance(too_large, InputTooLarge) and too_large.name == "<stdin>"
    (binary,) = read_documents(["-"], stdin=io.BytesIO(b"%PDF-1.4 ..."))
    assert isinstance(binary, UnreadableInput)
    assert str(binary) == "<stdin>: binary file, not text"
