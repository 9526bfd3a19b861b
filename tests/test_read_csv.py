"""CSV and TSV input as a user meets it: ACLED and UCDP exports through `claimgraph extract`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from claimgraph.cli import app
from claimgraph.errors import InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read import ReadOptions, count_documents, read_documents
from claimgraph.read.delimited import read_delimited_file
from tests.contract import assert_output_meets_contract

ACLED = (
    "event_id_cnty,event_date,event_type,source,notes\n"
    'PAK101,05 January 2024,Battles,Dawn,"On 5 January 2024, militants attacked a police '
    'post in Bannu, killing two policemen."\n'
    'PAK102,06 January 2024,Protests,Express Tribune,"Traders protested in Lahore.\n'
    'Police said the ""sit-in"" ended peacefully."\n'
    "PAK103,07 January 2024,Riots,Dawn,\n"
    'PAK104,08 January 2024,Riots,Dawn,"Police arrested two men in Quetta.",extra,cells\n'
    "PAK105,09 January 2024,Strategic developments,Dawn,Police arrested two men in Multan.\n"
)
# As UCDP's GED comes from HDX: an HXL hashtag row under the header, and no article text.
UCDP = (
    "id,date_start,source_headline,source_original,best\n"
    ",#date+start,,,#affected+killed\n"
    "4471,2023-11-02,Gunmen shot dead a teacher in Quetta,Pakistani police,1\n"
    "4472,2023-11-03,,Dawn,0\n"
)


def run(*args: str, stdin: str | None = None) -> Result:
    """Invoke the CLI; every record printed must meet the contract."""
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert_output_meets_contract(args, result.stdout)
    assert "Traceback" not in result.stderr
    return result


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_acled_export_gives_one_document_per_row_and_names_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    result = run("extract", str(path), "--text")
    assert result.exit_code == 1
    objs = records(result)
    assert [obj["id"] for obj in objs] == ["PAK101", "PAK102", "PAK105"]
    first = objs[0]["document"]
    assert first["outlet"] == "Dawn"
    assert first["published"] == "2024-01-05"
    assert first["text"].startswith("On 5 January 2024, militants attacked")
    assert objs[1]["document"]["text"] == (
        'Traders protested in Lahore.\nPolice said the "sit-in" ended peacefully.'
    )
    # The row of line 5 has an empty notes cell; the row of line 6 more cells than the header.
    errors = result.stderr.splitlines()
    assert errors == [
        f"claimgraph: cannot read {path}:5: no text in column 'notes'",
        f"claimgraph: cannot read {path}:6: broken row: 7 fields where the header has 5",
    ]


def test_ucdp_ged_export_reads_headlines_and_skips_the_hxl_row(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    path.write_text(UCDP, encoding="utf-8")
    result = run("extract", str(path), "--text")
    assert result.exit_code == 1
    (obj,) = records(result)
    assert obj["id"] == "4471"
    assert obj["document"]["text"] == "Gunmen shot dead a teacher in Quetta"
    assert obj["document"]["published"] == "2023-11-02"
    assert result.stderr.splitlines() == [
        f"claimgraph: cannot read {path}:4: no text in column 'source_headline'"
    ]
    assert count_documents([str(path)]) == 2


def test_tsv_reads_tabs(tmp_path: Path) -> None:
    path = tmp_path / "satp.tsv"
    path.write_text(
        "date\tincident_summary\n2012-05-04\tMaoists shot dead two villagers in Gaya.\n"
    )
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document)
    assert (document.text, document.published) == (
        "Maoists shot dead two villagers in Gaya.",
        "2012-05-04",
    )


def test_text_column_names_the_column(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("ref;story\n7;Police arrested two men in Lahore.\n", encoding="utf-8")
    refused = run("extract", str(path))
    assert refused.exit_code == 1
    assert refused.stdout == ""
    (line,) = refused.stderr.splitlines()
    assert line.startswith(f"claimgraph: cannot read {path}: no text column")
    assert "the columns are: 'ref', 'story'" in line
    result = run("extract", str(path), "--text-column", "Story")
    assert result.exit_code == 0, result.stderr
    (obj,) = records(result)
    assert obj["id"] == f"{path}:2"
    assert [event["sub_event_type"] for event in obj["events"]] == ["Arrests"]
    missing = run("extract", str(path), "--text-column", "body")
    assert f"{path}: no column 'body'; the columns are: 'ref', 'story'" in missing.stderr


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "latin1.csv",
            "text\nCaf\xe9 owners in Quetta said a grenade hit a police post.\n".encode("cp1252"),
        ),
        (
            "bom.csv",
            "\ufefftext\nCafé owners in Quetta said a grenade hit a police post.\n".encode(),
        ),
        (
            "wide.tsv",
            "text\nCafé owners in Quetta said a grenade hit a police post.\n".encode("utf-16"),
        ),
        (
            "wide_le.csv",
            "text\nCafé owners in Quetta said a grenade hit a police post.\n".encode("utf-16-le"),
        ),
        ("crlf.csv", b"text\r\nCaf\xc3\xa9 owners in Quetta said a grenade hit a police post.\r\n"),
    ],
)
def test_encodings_and_line_ends_are_read(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (document,) = read_documents([str(path)])
    assert isinstance(document, Document), document
    assert document.text == "Café owners in Quetta said a grenade hit a police post."
    assert document.id == f"{path}:2"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "no text (empty file)"),
        (b"\n\n  \n", "no text (empty file)"),
        (b"%PDF-1.7\n\x00\x01binary", "binary file, not text"),
        (b"text,title\n", None),  # a header alone: nothing to read, nothing wrong
    ],
)
def test_files_without_rows(tmp_path: Path, data: bytes, reason: str | None) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(data)
    results = list(read_documents([str(path)]))
    if reason is None:
        assert results == []
    else:
        (error,) = results
        assert isinstance(error, UnreadableInput)
        assert (error.name, error.reason) == (str(path), reason)


def test_a_huge_cell_fails_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    huge = "word " * 60_000  # 300 kB in one quoted cell, over a 0.1 MB limit
    path.write_text(
        f'id,text\na,"{huge}"\nb,Police arrested two men in Lahore.\n', encoding="utf-8"
    )
    results = list(read_documents([str(path)], max_bytes=100_000))
    assert isinstance(results[0], InputTooLarge | UnreadableInput)
    assert results[0].name == f"{path}:2"
    assert [r.id for r in results if isinstance(r, Document)] == ["b"]
    # Raised, the limit reads it; the process-wide csv limit is restored afterwards.
    import csv

    before = csv.field_size_limit()
    assert [r.id for r in read_documents([str(path)], max_bytes=1_000_000)] == ["a", "b"]
    assert csv.field_size_limit() == before


def test_a_cell_larger_than_csv_default_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    text = "Police arrested two men in Lahore. " * 10_000  # 350 kB, over csv's 128 kB default
    path.write_text(f'text\n"{text}"\n', encoding="utf-8")
    (document,) = read_delimited_file(path, str(path), ReadOptions())
    assert isinstance(document, Document) and document.text == text


def test_rows_are_counted_for_the_progress_total(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED, encoding="utf-8")
    assert count_documents([str(path)]) == len(list(read_documents([str(path)]))) == 5
