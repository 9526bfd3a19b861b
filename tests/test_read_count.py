"""Counting what a batch holds, for the progress bar's total: exact when cheap, else None."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.errors import InputTooLarge
from claimgraph.read import count_documents, read_documents

CLI = str(Path(sys.executable).parent / "claimgraph")
REPORT = "Police arrested two men in Lahore on Monday, a spokesman said."


def make_batch(folder: Path) -> None:
    """A folder of every countable kind, bad items included."""
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT)
    (folder / "sub" / "b.html").write_text(f"<html><body><p>{REPORT}</p></body></html>")
    (folder / "empty.txt").write_text("")
    (folder / "rows.jsonl").write_text(
        "\n".join([json.dumps({"text": REPORT})] * 3 + ["", "{broken", "  "]) + "\n"
    )
    (folder / "rows.csv").write_text(f'id,text\n1,"{REPORT}"\n2,"two\nlines"\n\n3,\n')
    (folder / "noise.bin").write_bytes(bytes(range(256)) * 10)
    (folder / "notes.xml").write_text("<notes/>")
    (folder / ".hidden.txt").write_text(REPORT)


def test_count_matches_what_the_readers_yield(tmp_path: Path) -> None:
    make_batch(tmp_path)
    single = tmp_path / "a.txt"
    items = list(read_documents([str(tmp_path), str(single)]))
    assert count_documents([str(tmp_path), str(single)]) == len(items) == 13


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("-", None),  # stdin: unknown until read
        ("feed.rss", None),
        ("crawl.warc", None),
        ("wire.story", None),  # unknown ending given by name: read by its content
        ("missing.txt", 1),  # one error
    ],
)
def test_count_is_none_when_not_cheap(tmp_path: Path, given: str, expected: int | None) -> None:
    for name in ("feed.rss", "crawl.warc", "wire.story"):
        (tmp_path / name).write_text(REPORT)
    path = given if given == "-" else str(tmp_path / given)
    assert count_documents([str(tmp_path / "missing.txt"), path]) == (
        None if expected is None else 1 + expected
    )


def test_count_gives_up_past_its_time_budget(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text((json.dumps({"text": REPORT}) + "\n") * 10_000)
    assert count_documents([str(tmp_path)]) == 10_000
    assert count_documents([str(tmp_path)], budget_seconds=0.0) is None


def test_file_over_the_limit_counts_as_its_one_error(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(REPORT * 100)
    (tmp_path / "long.html").write_text(f"<p>{REPORT * 100}</p>")
    assert count_documents([str(tmp_path)], max_bytes=1000) == 2
    assert all(
        isinstance(item, InputTooLarge) for item in read_documents([str(tmp_path)], max_bytes=1000)
    )


def test_progress_bar_shows_the_total_in_a_terminal(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text((json.dumps({"text": REPORT}) + "\n") * 40)
    leader, follower = pty.openpty()
    with (tmp_path / "out.jsonl").open("wb") as stdout:
        proc = subprocess.Popen(
            [CLI, "extract", str(batch)], stdin=follower, stdout=stdout, stderr=follower
        )
    os.close(follower)
    screen = bytearray()
    while True:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=300)
    os.close(leader)
    shown = screen.decode("utf-8", "replace")
    assert proc.returncode == 0, shown
    assert "/40" in shown, shown
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 40


def test_streamed_files_over_the_limit_count_their_lines(tmp_path: Path) -> None:
    # JSON Lines and CSV stream line by line: a file over the limit is still read, and an
    # overlong line is one error among the documents.
    rows = [json.dumps({"text": REPORT})] * 30 + [json.dumps({"text": "x" * 3000})]
    (tmp_path / "rows.jsonl").write_text("\n".join(rows) + "\n")
    (tmp_path / "rows.csv").write_text("text\n" + f'"{REPORT}"\n' * 30 + "y" * 3000 + "\n")
    for name in ("rows.jsonl", "rows.csv"):
        path = str(tmp_path / name)
        items = list(read_documents([path], max_bytes=1000))
        assert count_documents([path], max_bytes=1000) == len(items) == 31, name
