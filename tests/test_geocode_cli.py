"""The gazetteer CLI: geocode prints ranked candidates with reasons; import loads dumps."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimgraph.cli.gazetteer import gazetteer_app, geocode
from claimgraph.gazetteer.lookup import default_gazetteer

ROWS = [
    "1168579\tPakistan\tPakistan\t\t30.0\t70.0\tA\tPCLI\tPK\t\t00\t\t\t\t212215030\t\t\t\t",
    "1167710\tPunjab\tPunjab\t\t31.0\t72.5\tA\tADM1\tPK\t\t04\t\t\t\t110012442\t\t\t\t",
    "1174625\tKasur\tKasur\t\t31.11866\t74.45025\tP\tPPLA2\tPK\t\t04\t1174623\t\t\t314617\t\t\t\t",
    "8800001\tKasur\tKasur\t\t10.0\t10.0\tP\tPPL\tNG\t\t01\t\t\t\t900000\t\t\t\t",
]


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    """A Typer app like cli.py's, over an empty gazetteer database in a temporary cache."""
    import sqlite3

    from claimgraph.gazetteer.lookup import SCHEMA, default_path

    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "cache"))
    default_path().parent.mkdir(parents=True)
    with sqlite3.connect(default_path()) as connection:
        connection.executescript(SCHEMA)
    default_gazetteer.cache_clear()
    wrapper = typer.Typer()
    wrapper.add_typer(gazetteer_app, name="gazetteer")
    wrapper.command("geocode")(geocode)
    yield wrapper
    default_gazetteer.cache_clear()


@pytest.mark.parametrize(
    ("query", "first_line_has"),
    [
        ("Kasur, Punjab", "Kasur (Punjab, PK)"),
        ("Kasur", "Kasur (NG)"),
        ("Atlantis", "no candidates"),
    ],
)
def test_geocode_prints_the_best_candidate_first_with_reasons(
    app: typer.Typer, tmp_path: Path, query: str, first_line_has: str
) -> None:
    dump = tmp_path / "XX.txt"
    dump.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    (tmp_path / "admin1CodesASCII.txt").write_text(
        "PK.04\tPunjab\tPunjab\t1167710\n", encoding="utf-8"
    )
    runner = CliRunner()
    imported = runner.invoke(
        app, ["gazetteer", "import", str(dump), str(tmp_path / "admin1CodesASCII.txt")]
    )
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(app, ["geocode", query])
    assert result.exit_code == 0, result.output
    assert first_line_has in result.output.splitlines()[0]
    if "no candidates" not in first_line_has:
        assert "prominence" in result.output
