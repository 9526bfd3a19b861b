"""The CLI as a user meets it in a terminal: stderr on a pseudo-terminal, stdout redirected.

CliRunner and plain pipes never show the defect these guard against: a progress display
that takes over stdout whenever stderr is a terminal, so `extract > FILE` left FILE empty.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.cli.output import open_output

CLI = str(Path(sys.executable).parent / "claimgraph")
ARTICLE = "Police arrested two men in Lahore on Monday, a spokesman said.\n"


def run_in_terminal(args: list[str], stdout_path: Path) -> tuple[int, str]:
    """Run the CLI with stdin and stderr on a pseudo-terminal and stdout into a file.

    Returns the exit status and everything the terminal showed.
    """
    leader, follower = pty.openpty()
    with stdout_path.open("wb") as stdout:
        proc = subprocess.Popen(
            [CLI, *args], stdin=follower, stdout=stdout, stderr=follower, close_fds=True
        )
    os.close(follower)
    screen = bytearray()
    while True:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the child is gone
                break
            if not chunk:
                break
            screen += chunk
        elif proc.poll() is not None:
            break
    status = proc.wait(timeout=600)
    os.close(leader)
    return status, screen.decode("utf-8", "replace")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "lahore.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_redirected_in_a_terminal_writes_the_file_not_the_screen(
    article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    status, screen = run_in_terminal(["extract", str(article), "--format", "jsonl"], out)
    assert status == 0, screen
    (obj,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert obj["id"] == str(article)
    assert [e["sub_event_type"] for e in obj["events"]] == ["Arrests"]
    assert '"events"' not in screen


def test_output_option_writes_the_file_and_nothing_to_stdout(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    stdout = tmp_path / "stdout.txt"
    status, screen = run_in_terminal(["extract", str(article), "-o", str(target)], stdout)
    assert status == 0, screen
    assert stdout.read_text() == ""
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == str(article)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_failed_run_leaves_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    with pytest.raises(KeyboardInterrupt), open_output(target) as out:
        out.write('{"id": "half"')
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_bad_published_date_is_a_usage_error(article: Path) -> None:
    result = subprocess.run(
        [CLI, "extract", str(article), "--published", "last tuesday"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_help_lists_the_formats() -> None:
    result = subprocess.run([CLI, "extract", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for name in ("jsonl", "json", "table", "claims"):
        assert name in result.stdout


def test_output_file_gets_the_mode_a_shell_redirect_gives(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    with open_output(target) as out:
        out.write("{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
