"""`--workers N` and `ingest --dask` as a user runs them: real processes, a real Dask cluster
(`dask scheduler` and `dask worker` from this environment) and a real PostgreSQL server; the
output and the record are the ones a single process gives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import free_port, postgres_server

BIN = Path(sys.executable).parent
CLI = str(BIN / "claimgraph")
# Short reports of different kinds (and one in French, which gets no analysis), enough for
# several chunks, so order across workers matters.
ARTICLES = [
    "Unidentified gunmen shot dead two traders in a market in Quetta on Monday, police said.",
    "Police arrested three suspects in Lahore on Tuesday, a spokesman said.",
    "Hundreds of lawyers protested peacefully in Peshawar on Wednesday against the killing of "
    "a colleague.",
    "A roadside bomb killed four soldiers in North Waziristan on Thursday, the army said.",
    "An air strike hit a village near Idlib on Friday, killing at least 12 civilians, "
    "according to rescuers.",
    "Protesters set fire to tyres and blocked the main road in Karachi, and police fired tear "
    "gas to disperse them.",
    "Al-Shabaab fighters attacked a military base in Lower Shabelle early on Saturday; the "
    "group claimed it killed dozens of soldiers.",
    "The Taliban reportedly abducted a journalist in Kandahar, officials said, but the group "
    "denied it.",
    "Des manifestants se sont rassemblés à Paris samedi pour protester contre la guerre.",
    "Clashes between two clans in Galkayo left five people dead, elders said on Sunday.",
    "A suicide bomber blew himself up at a checkpoint in Kabul, wounding three police officers.",
    "Security forces defused an explosive device found near a school in Bannu on Monday.",
]


def claimgraph(*args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def stats(db: str) -> dict[str, int]:
    result = claimgraph("stats", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = tmp_path_factory.mktemp("articles")
    for number, text in enumerate(ARTICLES):
        (articles / f"{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return articles


@pytest.fixture(scope="module")
def one_process_stats(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    db = str(tmp_path_factory.mktemp("one") / "one.db")
    result = claimgraph("ingest", str(folder), "--db", db, "--published", "2024-03-18")
    assert result.returncode == 0, result.stderr
    counted = stats(db)
    assert counted["documents"] == len(ARTICLES) and counted["events"] >= 8
    return counted


def test_extract_with_two_workers_prints_what_one_process_prints(folder: Path) -> None:
    one = claimgraph("extract", str(folder), "--published", "2024-03-18")
    two = claimgraph("extract", str(folder), "--published", "2024-03-18", "--workers", "2")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    ids = [json.loads(line)["id"] for line in two.stdout.splitlines()]
    assert [Path(i).name for i in ids] == [f"{n:02d}.txt" for n in range(len(ARTICLES))]
    assert "Traceback" not in two.stderr


def test_ingest_with_two_workers_stores_what_one_process_stores(
    folder: Path, tmp_path: Path, one_process_stats: dict[str, int]
) -> None:
    db = str(tmp_path / "two.db")
    result = claimgraph("ingest", str(folder), "--db", db, "--published", "2024-03-18", "-w", "2")
    assert result.returncode == 0, result.stderr
    assert f"stored {len(ARTICLES)}, skipped 0" in result.stderr
    assert stats(db) == one_process_stats


@pytest.fixture()
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """Start `dask scheduler` and one single-threaded `dask worker`; yield the address."""
    scheduler_file = tmp_path / "scheduler.json"
    address = f"tcp://127.0.0.1:{free_port()}"
    common = ["--no-dashboard"]
    scheduler = subprocess.Popen(
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":")[-1],
         "--scheduler-file", str(scheduler_file), *common],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, "the Dask scheduler did not start"
            time.sleep(0.2)
        worker = subprocess.Popen(
            [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", *common],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        yield address
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def test_ingest_on_a_dask_cluster_into_postgresql_stores_what_one_process_stores(
    folder: Path, dask_cluster: str, one_process_stats: dict[str, int]
) -> None:
    with postgres_server() as url:
        result = claimgraph(
            "ingest", str(folder), "--db", url, "--published", "2024-03-18", "--dask", dask_cluster
        )
        assert result.returncode == 0, result.stderr
        assert f"stored {len(ARTICLES)}, skipped 0" in result.stderr
        assert stats(url) == one_process_stats


def test_an_unreachable_scheduler_is_one_line(folder: Path, tmp_path: Path) -> None:
    nobody = f"tcp://127.0.0.1:{free_port()}"
    result = claimgraph("ingest", str(folder), "--db", str(tmp_path / "x.db"), "--dask", nobody)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"claimgraph: cannot reach the Dask scheduler at {nobody}")


def test_workers_and_dask_together_are_a_usage_error(folder: Path, tmp_path: Path) -> None:
    result = claimgraph(
        "ingest", str(folder), "--db", str(tmp_path / "x.db"), "-w", "2", "--dask", "tcp://h:1"
    )
    assert result.returncode == 2
    assert "--workers or --dask" in result.stderr


def test_ctrl_c_stops_the_workers_without_a_traceback(folder: Path, tmp_path: Path) -> None:
    # Enough documents that the workers are still busy when Ctrl-C arrives.
    many = tmp_path / "many.jsonl"
    many.write_text(
        "".join(json.dumps({"id": f"d{n}", "text": ARTICLES[n % 12] * 20}) + "\n" for n in range(4000))
    )
    process = subprocess.Popen(
        [CLI, "extract", str(many), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    time.sleep(12)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    time.sleep(1)
    left = subprocess.run(["ps", "-o", "pid=,stat=", "--sid", str(process.pid)],
                          capture_output=True, text=True).stdout.split("\n")
    assert not [row for row in left if row.strip() and "Z" not in row.split()[-1]]
