"""`ingest` and the query commands as a user runs them: real processes, a real SQLite file,
a real PostgreSQL server; interrupted runs that resume; nothing stored half."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import postgres_server

CLI = str(Path(sys.executable).parent / "claimgraph")
ARTICLES = {
    "quetta.txt": (
        "Gunmen kill two in Quetta\n\n"
        "Unidentified gunmen shot dead two traders in a market in Quetta on Monday, police said.\n"
    ),
    "lahore.txt": "Police arrested three suspects in Lahore on Tuesday, a spokesman said.\n",
    "peshawar.txt": (
        "Hundreds of lawyers protested peacefully in Peshawar on Wednesday against the killing "
        "of a colleague.\n"
    ),
}


def claimgraph(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def stats(db: str) -> dict[str, int]:
    result = claimgraph("stats", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, body in ARTICLES.items():
        (articles / name).write_text(body, encoding="utf-8")
    return articles


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def test_ingest_twice_changes_nothing_and_queries_read_the_record(
    folder: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "record.db")
    first = claimgraph("ingest", str(folder), "--db", db, "--published", "2024-03-14")
    assert first.returncode == 0, first.stderr
    assert "stored 3, skipped 0" in first.stderr
    assert first.stdout == ""
    before = stats(db)
    assert before["documents"] == 3 and before["events"] >= 3
    again = claimgraph("ingest", str(folder), "--db", db, "--published", "2024-03-14")
    assert "stored 0, skipped 3" in again.stderr
    assert stats(db) == before

    events = claimgraph("events", "--db", db, "--per-document", "--format", "jsonl")
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert len(rows) == before["events"]
    contract = {"id", "event_type", "sub_event_type", "event_date", "time_precision", "actor1",
                "actor2", "background", "location", "fatalities", "fatalities_low",
                "fatalities_high", "speaker", "modality", "evidence", "confidence"}
    assert all(set(row) == contract | {"document_id", "assertion_id"} for row in rows)
    arrests = claimgraph(
        "events", "--db", db, "--per-document", "--sub-event-type", "Arrests", "--format", "json"
    )
    (arrest,) = json.loads(arrests.stdout)
    assert arrest["location"]["name"] == "Lahore"
    assert arrest["event_date"] == "2024-03-12"
    punjab = claimgraph(
        "events", "--db", db, "--per-document", "--admin1", "Punjab", "--format", "jsonl"
    )
    assert [json.loads(line)["id"] for line in punjab.stdout.splitlines()] == [arrest["id"]]

    shown = json.loads(claimgraph("show", arrest["id"], "--db", db).stdout)
    assert shown["kind"] == "event"
    assert shown["document"]["input_id"].endswith("lahore.txt")
    assert "arrested three suspects" in shown["evidence"][0]["text"]
    document = json.loads(claimgraph("show", arrest["document_id"], "--db", db).stdout)
    assert document["text"] == ARTICLES["lahore.txt"]
    assert [e["id"] for e in document["events"]] == [arrest["id"]]

    listed = claimgraph("documents", "--db", db, "--format", "csv")
    header, *lines = listed.stdout.splitlines()
    assert header.startswith("id,input_id,published,genre,language,events,claims")
    assert len(lines) == 3
    said = claimgraph("claims", "--db", db, "--speaker-type", "named_official", "--format", "jsonl")
    assert said.returncode == 0, said.stderr
    assert all(json.loads(line)["speaker"]["type"] == "named_official" for line in said.stdout.splitlines())
    missing = claimgraph("show", "nothing-here", "--db", db)
    assert missing.returncode == 1 and "nothing-here" in missing.stderr


def test_query_output_goes_to_a_file_with_o(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "record.db")
    claimgraph("ingest", str(folder / "lahore.txt"), "--db", db)
    target = tmp_path / "events.csv"
    result = claimgraph("events", "--db", db, "--format", "csv", "-o", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert target.read_text().startswith("id,event_date,sub_event_type,location.name")


def test_bad_query_options_are_usage_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "record.db")
    assert claimgraph("events", "--db", db, "--since", "March").returncode == 2
    assert claimgraph("events", "--db", db, "--format", "xml").returncode == 2


def many_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i:03d}.txt").write_text(
            f"Police arrested {i + 2} suspects in Lahore on Tuesday, a spokesman said. Ref {i}.\n"
            * 20,
            encoding="utf-8",
        )


def wait_for_documents(db: Path, at_least: int, proc: subprocess.Popen[bytes]) -> None:
    """Wait until the running ingest has committed some documents."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    if connection.execute("select count(*) from documents").fetchone()[0] >= at_least:
                        return
            except sqlite3.OperationalError:
                pass  # the schema is still being created
        time.sleep(0.2)
    raise AssertionError("ingest stored nothing in time")


def children_of(pid: int) -> list[int]:
    """Return the ids of a process's living children (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def is_running(pid: int) -> bool:
    """Tell whether a process exists and is not a zombie."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_kill_9_mid_batch_then_rerun_stores_every_document_once(tmp_path: Path) -> None:
    many_articles(tmp_path / "bulk", 40)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([CLI, "ingest", str(tmp_path / "bulk"), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_documents(db, 3, proc)
    workers = children_of(proc.pid)
    assert workers  # ingest analyses in a worker process beside the writer
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Its worker does not outlive it, holding a loaded model.
    deadline = time.monotonic() + 30
    while any(is_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(is_running(w) for w in workers)
    partial = stats(str(db))["documents"]
    assert 3 <= partial < 40
    rerun = claimgraph("ingest", str(tmp_path / "bulk"), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {40 - partial}, skipped {partial}" in rerun.stderr
    assert stats(str(db))["documents"] == 40
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        orphans = connection.execute(
            "select count(*) from events where document_id not in (select id from documents)"
        ).fetchone()[0]
    assert orphans == 0


def test_ctrl_c_mid_batch_exits_cleanly(tmp_path: Path) -> None:
    many_articles(tmp_path / "bulk", 40)
    db = tmp_path / "i.db"
    proc = subprocess.Popen([CLI, "ingest", str(tmp_path / "bulk"), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, 2, proc)  # type: ignore[arg-type]
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert "interrupted" in err and "run the same command again" in err
    assert out == ""
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_postgres_gives_the_same_stats_as_sqlite(
    folder: Path, tmp_path: Path, postgres_url: str
) -> None:
    sqlite_db = str(tmp_path / "record.db")
    assert claimgraph("ingest", str(folder), "--db", sqlite_db).returncode == 0
    result = claimgraph("ingest", str(folder), "--db", postgres_url)
    assert result.returncode == 0, result.stderr
    assert stats(postgres_url) == stats(sqlite_db)
    sqlite_events = claimgraph("events", "--db", sqlite_db, "--format", "jsonl").stdout
    postgres_events = claimgraph("events", "--db", postgres_url, "--format", "jsonl").stdout
    assert postgres_events == sqlite_events


def test_ingest_reads_acled_style_csv_notes(tmp_path: Path) -> None:
    rows = tmp_path / "acled.csv"
    rows.write_text(
        "notes,event_date\n"
        '"Police arrested two men in Lahore on Monday.",2024-03-12\n'
        '"Protesters rallied in Multan.",2024-03-13\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "record.db")
    result = claimgraph("ingest", str(rows), "--db", db, "--text-column", "notes")
    assert result.returncode == 0, result.stderr
    assert stats(db)["documents"] == 2
    listed = claimgraph("events", "--db", db, "--format", "jsonl").stdout.splitlines()
    kinds = sorted(json.loads(line)["sub_event_type"] for line in listed)
    assert kinds == ["Arrests", "Peaceful protest"]
