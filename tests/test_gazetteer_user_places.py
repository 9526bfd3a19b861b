"""User places files: bases, landmarks and borders a user adds to the gazetteer (CSV or YAML)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimgraph.gazetteer.geonames import import_geonames
from claimgraph.gazetteer.lookup import SqliteGazetteer, public_geonameid
from claimgraph.gazetteer.user_places import import_user_places, read_user_places

# GeoNames-format rows written for this test: a parent for the user's places.
PARENTS = [
    "1168579\tPakistan\tPakistan\t\t30.0\t70.0\tA\tPCLI\tPK\t\t00\t\t\t\t212215030\t\t\t\t",
    "1177662\tKhyber\tKhyber\t\t34.1\t71.2\tA\tADM2\tPK\t\t03\t1177662\t\t\t986973\t\t\t\t",
]
CSV = """name,aliases,lat,lon,parent
Sur Ghar,Surghar|Sur-Ghar,34.05,71.25,"Khyber, Pakistan"
Camp Example,,34.10,71.10,Khyber
No Point,,,,
Far Away,,123.0,71.0,Khyber
"""
YAML = """places:
  - {name: Example Ridge Line, aliases: [the Ridge], lat: 34.2, lon: 71.0, feature_code: BDLN}
  - {name: Broken, lat: north, lon: 71.0}
"""


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite"
    sqlite3.connect(path).close()  # an existing (empty) database is extended, not rebuilt
    (tmp_path / "PK.txt").write_text("\n".join(PARENTS) + "\n", encoding="utf-8")
    import_geonames([tmp_path / "PK.txt"], path)
    return path


def test_a_places_file_skips_rows_without_a_valid_point(tmp_path: Path) -> None:
    (tmp_path / "places.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "places.yaml").write_text(YAML, encoding="utf-8")
    assert [p.name for p in read_user_places(tmp_path / "places.csv")] == [
        "Sur Ghar",
        "Camp Example",
    ]
    assert [p.name for p in read_user_places(tmp_path / "places.yaml")] == ["Example Ridge Line"]


@pytest.mark.parametrize(
    ("query", "name", "country", "feature_code"),
    [
        ("Sur Ghar", "Sur Ghar", "PK", "PPL"),
        ("Surghar", "Sur Ghar", "PK", "PPL"),
        ("Camp Example", "Camp Example", "PK", "PPL"),
        ("the Ridge", "Example Ridge Line", "", "BDLN"),
    ],
)
def test_imported_user_places_are_found_by_name_and_alias_with_their_parent_country(
    tmp_path: Path, database: Path, query: str, name: str, country: str, feature_code: str
) -> None:
    (tmp_path / "places.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "places.yaml").write_text(YAML, encoding="utf-8")
    counts = import_user_places([tmp_path / "places.csv", tmp_path / "places.yaml"], database)
    assert counts["places"] == 3
    entry = SqliteGazetteer.from_path(database).candidates(query)[0]
    assert (entry.name, entry.country_code, entry.feature_code) == (name, country, feature_code)
    assert public_geonameid(entry) is None  # not a GeoNames place: no GeoNames id in output
