"""`claimgraph gazetteer import` with a user places file: parents are chosen by the resolver's
ranking, which the CLI hands to the gazetteer package (it may not import the resolver)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimgraph.cli.gazetteer import gazetteer_app
from claimgraph.gazetteer.lookup import SCHEMA, default_gazetteer, default_path

# GeoNames-format rows written for this test: two places called Khyber; the province ranks
# first (a first-level unit) though the town is listed with more people.
ROWS = [
    "1168579\tPakistan\tPakistan\t\t30.0\t70.0\tA\tPCLI\tPK\t\t00\t\t\t\t212215030\t\t\t\t",
    "1168873\tKhyber\tKhyber\t\t34.1\t71.2\tA\tADM1\tPK\t\t03\t\t\t\t900000\t\t\t\t",
    "8800002\tKhyber\tKhyber\t\t10.0\t10.0\tP\tPPL\tNG\t\t01\t\t\t\t1000000\t\t\t\t",
]


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[typer.Typer]:
    """The gazetteer commands over an empty database in a temporary cache."""
    monkeypatch.setenv("CLAIMGRAPH_CACHE", str(tmp_path / "cache"))
    default_path().parent.mkdir(parents=True)
    with sqlite3.connect(default_path()) as connection:
        connection.executescript(SCHEMA)
    default_gazetteer.cache_clear()
    wrapper = typer.Typer()
    wrapper.add_typer(gazetteer_app, name="gazetteer")
    yield wrapper
    default_gazetteer.cache_clear()


def test_a_user_place_takes_the_country_of_the_parent_the_resolver_ranks_first(
    app: typer.Typer, tmp_path: Path
) -> None:
    (tmp_path / "PK.txt").write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    (tmp_path / "places.csv").write_text(
        "name,aliases,lat,lon,parent\nCamp Example,,34.10,71.10,Khyber\n", encoding="utf-8"
    )
    runner = CliRunner()
    for file in ("PK.txt", "places.csv"):
        result = runner.invoke(app, ["gazetteer", "import", str(tmp_path / file)])
        assert result.exit_code == 0, result.output
    entry = default_gazetteer().candidates("Camp Example")[0]
    assert (entry.country_code, entry.admin1_code) == ("PK", "PK.03")
