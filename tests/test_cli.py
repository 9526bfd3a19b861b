"""The `claimgraph` command as a user meets it: stdout, named errors on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import __version__
from claimgraph.cli import app
from tests.contract import assert_output_meets_contract

ARTICLE = (
    "Gunmen kill two in Lahore market\n\n"
    "By Amina Qureshi\n\n"
    "Unidentified gunmen shot dead two traders in a market in Lahore on Monday, police said.\n\n"
    "Police later arrested three suspects in Multan, according to a statement.\n\n"
    "Exit mobile version\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    """Invoke the CLI; every record it prints must meet the shipped record schema."""
    result = runner.invoke(app, list(args), input=stdin)
    assert_output_meets_contract(args, result.stdout)
    return result


def spans_of(obj: dict) -> list[dict]:
    """Every span-like object of one output document (events' evidence, places, claims...)."""
    spans = [s for e in obj["events"] for s in e["evidence"]]
    spans += obj["places"] + obj["actors"] + obj["claims"] + obj["rhetoric"]
    return spans


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_extract_writes_one_contract_object_per_document(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "market.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "extract", str(article), "--published", "2024-03-14", "--text")
    assert result.exit_code == 0, result.stderr
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["id"] == str(article)
    assert obj["document"]["author"] == "Amina Qureshi"
    assert obj["document"]["text"] == ARTICLE
    text = obj["document"]["text"]
    for span in spans_of(obj):
        assert text[span["start"] : span["end"]] == span["text"]
    kinds = {e["sub_event_type"] for e in obj["events"]}
    assert "Arrests" in kinds
    shooting = next(e for e in obj["events"] if e["sub_event_type"] in {"Attack", "Armed clash"})
    assert shooting["fatalities"] == 2
    assert shooting["event_date"] == "2024-03-11"
    assert shooting["location"]["country_code"] == "PK"
    assert not any("Exit mobile" in s["text"] for s in spans_of(obj))


def test_bad_inputs_are_named_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"id": "a", "text": "Police arrested two men in Lahore."})
        + "\n"
        + "{not json\n"
        + json.dumps({"text": "Protesters rallied in Multan."})
        + "\n",
        encoding="utf-8",
    )
    result = run(runner, "extract", str(good), str(binary), str(rows))
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [str(good), "a", f"{rows}:3"]
    assert str(binary) in result.stderr
    assert f"{rows}:2" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_stdin_is_read_with_dash(runner: CliRunner) -> None:
    result = run(runner, "extract", "-", stdin="Police arrested two men in Lahore.\n")
    assert result.exit_code == 0, result.stderr
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["sub_event_type"] for e in obj["events"]] == ["Arrests"]


def test_table_shows_events_and_escapes_document_markup(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "markup.txt"
    article.write_text("Police arrested [bold red]two[/] men in Lahore.\n", encoding="utf-8")
    result = run(runner, "extract", str(article), "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "Arrests" in result.stdout
    assert "[bold red]two[/]" in result.stdout


def test_unknown_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "extract", "x.txt", "--format", "xml")
    assert result.exit_code == 2
    assert "jsonl" in result.stderr


def test_sample_articles_ship_with_the_package(runner: CliRunner) -> None:
    result = run(runner, "extract", "--sample")
    assert result.exit_code == 0, result.stderr
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) >= 2
    assert all(obj["events"] for obj in objs)


def test_non_english_text_is_flagged_and_gets_no_invented_events(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "fr.txt"
    article.write_text(
        "Des hommes armés ont tué deux commerçants dans un marché de Lahore lundi, "
        "selon la police, qui a arrêté trois suspects dans la soirée.\n",
        encoding="utf-8",
    )
    result = run(runner, "extract", str(article))
    assert result.exit_code == 0, result.stderr
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["document"]["language"] == "fr"
    assert obj["events"] == []
    assert obj["claims"] == []


def test_claims_command_groups_claims_by_speaker(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "claims.txt"
    article.write_text(
        "Police arrested two men in Lahore, a spokesman said.\n\n"
        "Credible sources say the men had trained abroad.\n",
        encoding="utf-8",
    )
    table = run(runner, "claims", str(article))
    assert table.exit_code == 0, table.stderr
    assert "unnamed" in table.stdout
    as_json = run(runner, "claims", str(article), "--format", "jsonl")
    (obj,) = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert {c["speaker"]["type"] for c in obj["claims"]} >= {"unnamed"}


def test_extract_reads_the_dateline_as_publication_and_dates_weekdays_by_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "KABUL, 14 March 2024 — Gunmen stormed a police checkpoint in Kunduz province on "
        "Tuesday, killing at least seven officers, a provincial spokesman said.\n",
        encoding="utf-8",
    )
    result = run(runner, "extract", str(article), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["document"]["published"] == "2024-03-14"  # a Thursday
    event = output["events"][0]
    assert (event["event_date"], event["time_precision"]) == ("2024-03-12", 1)
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (7, 7, None)


def test_the_app_is_the_command_line_whatever_command_module_was_imported_first() -> None:
    # A program (or a test) that imports one command's module, then the app, must get the
    # Typer application with every command, not the module the application is defined in.
    import subprocess
    import sys

    code = (
        "import claimgraph.cli.gazetteer\n"
        "from claimgraph.cli import app\n"
        "import typer\n"
        "assert isinstance(app, typer.Typer), type(app)\n"
        "print(sorted(c.name for c in app.registered_commands if c.name)[:3])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
