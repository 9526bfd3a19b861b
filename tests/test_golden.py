"""End to end: articles written here go through `claimgraph extract`; the output is pinned.

A change in any stage shows up as a diff against `tests/golden/*.json`. When the change is
intended, regenerate with `CLAIMGRAPH_UPDATE_GOLDEN=1 pytest tests/test_golden.py` and
read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

GOLDEN = Path(__file__).parent / "golden"

ARTICLES = {
    "wire_report": (
        "Militants storm checkpoint in Quetta\n\n"
        "By Farah Naz\n\n"
        "QUETTA, June 12, 2024 — Militants attacked a police checkpoint on the outskirts of "
        "Quetta on Monday night, killing three policemen and wounding five, officials said.\n\n"
        "The Balochistan Liberation Army claimed responsibility in a statement, the provincial "
        "home minister told reporters.\n\n"
        "In a separate incident on Tuesday, security forces arrested two suspects in Multan "
        "and seized a cache of weapons, according to police.\n\n"
        "Share this:\n"
    ),
    "opinion": (
        "A Region on the Brink\n\n"
        "By Omar Haddad\n\n"
        "There is no doubt that the militias are growing stronger, and the government must act "
        "before it is too late.\n\n"
        "Sources say that a drone strike near Mosul last month killed at least 12 fighters. "
        "The ministry reportedly denied that any civilians had died.\n\n"
        "This should alarm every capital in the region.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_extract_output_matches_golden(name: str, tmp_path: Path) -> None:
    article = tmp_path / f"{name}.txt"
    article.write_text(ARTICLES[name], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (got,) = json.loads(result.stdout)
    got["id"] = f"{name}.txt"  # the temporary folder differs per run
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("CLAIMGRAPH_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got == expected
