"""The gazetteer seam: name lookup, GeoNames dump import, country focus and demonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.gazetteer.build import capital_ids, is_code
from claimgraph.gazetteer.geonames import import_geonames, memory_gazetteer_from_geonames
from claimgraph.gazetteer.lookup import SqliteGazetteer, normalise_name
from claimgraph.model import Place
from claimgraph.resolve.demonyms import country_for_demonym
from claimgraph.resolve.focus import country_focus, country_name

# Hand-written rows in the GeoNames main-table format (19 tab-separated columns).
ROWS = [
    "1168579\tPakistan\tPakistan\tPakistan\t30.0\t70.0\tA\tPCLI\tPK\t\t00\t\t\t\t212215030\t\t\t\t",
    "1167710\tPunjab\tPunjab\tPanjab\t31.0\t72.5\tA\tADM1\tPK\t\t04\t\t\t\t110012442\t\t\t\t",
    "1259223\tPunjab\tPunjab\t\t30.8\t75.4\tA\tADM1\tIN\t\t23\t\t\t\t27743338\t\t\t\t",
    "1174623\tKasur District\tKasur District\tKasur\t31.0\t74.2\tA\tADM2\tPK\t\t04\t1174623\t\t\t3454996\t\t\t\t",
    "1174625\tKasur\tKasur\tQasur\t31.11866\t74.45025\tP\tPPLA2\tPK\t\t04\t1174623\t\t\t314617\t\t\t\t",
    "9000001\tMela Village\tMela Village\tMela\t34.0\t71.3\tP\tPPL\tPK\t\t03\t\t\t\t800\t\t\t\t",
]
ADMIN = [
    "PK.04\tPunjab\tPunjab\t1167710",
    "IN.23\tPunjab\tPunjab\t1259223",
    "PK.04.1174623\tKasur\tKasur\t1174623",
]
ALTERNATES = [
    "1\t1174625\ten\tKasoor\t\t\t\t\t\t",
    "2\t1174625\tlink\thttps://x.invalid/Kasur\t\t\t\t\t\t",
]


@pytest.mark.parametrize(
    ("name", "key"),
    [("Khyber-Pakhtunkhwa", "khyber pakhtunkhwa"), ("Kermān", "kerman"), ("the Gambia", "gambia"),
     ("Sur  Ghar", "sur ghar"), ("Dera Ismail Khan's", "dera ismail khans"),
     ("Mt. Pleasant", "mount pleasant"), ("Ft. Worth", "fort worth"), ("Mt", "mt")],
)  # fmt: skip
def test_names_fold_to_one_key(name: str, key: str) -> None:
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("query", "expected_ids"),
    [("Punjab", [1167710, 1259223]), ("kasur", [1174623, 1174625]), ("Kasoor", [1174625]),
     ("Panjab", [1167710]), ("Nowhere", [])],
)  # fmt: skip
def test_memory_gazetteer_finds_names_and_aliases_most_populous_first(
    query: str, expected_ids: list[int]
) -> None:
    gazetteer = memory_gazetteer_from_geonames(ROWS, ADMIN, ALTERNATES)
    assert [e.geonameid for e in gazetteer.candidates(query)] == expected_ids


def test_imported_rows_carry_admin_names() -> None:
    entry = memory_gazetteer_from_geonames(ROWS, ADMIN).get(1174625)
    assert entry is not None
    assert (entry.admin1_code, entry.admin1, entry.admin2) == ("PK.04", "Punjab", "Kasur")


def test_link_rows_of_alternate_names_are_not_names() -> None:
    gazetteer = memory_gazetteer_from_geonames(ROWS, ADMIN, ALTERNATES)
    assert not gazetteer.has_name("https://x.invalid/Kasur")


def test_import_geonames_dump_files_into_sqlite(tmp_path: Path) -> None:
    (tmp_path / "PK.txt").write_text("\n".join(ROWS) + "\nnot a row\n", encoding="utf-8")
    (tmp_path / "admin1CodesASCII.txt").write_text("\n".join(ADMIN[::2]) + "\n", encoding="utf-8")
    (tmp_path / "admin2Codes.txt").write_text(ADMIN[2] + "\n", encoding="utf-8")
    (tmp_path / "alternateNamesV2.txt").write_text("\n".join(ALTERNATES) + "\n", encoding="utf-8")
    database = tmp_path / "g.sqlite"
    import sqlite3

    sqlite3.connect(database).close()  # an existing (empty) database is extended, not rebuilt
    counts = import_geonames(sorted(tmp_path.glob("*.txt")), database)
    gazetteer = SqliteGazetteer.from_path(database)
    assert counts["places"] == len(ROWS)
    assert [e.name for e in gazetteer.candidates("Mela")] == ["Mela Village"]
    assert gazetteer.candidates("Kasoor")[0].admin2 == "Kasur"


@pytest.mark.parametrize(
    ("word", "code"),
    [("Pakistani", "PK"), ("Afghan", "AF"), ("Turkish", "TR"), ("Tajik", "TJ"), ("Russian", "RU"),
     ("Iranian", "IR"), ("Iraqi", "IQ"), ("Syrian", "SY"), ("Nigerian", "NG"), ("Malian", "ML"),
     ("afghans", "AF"), ("Mancunian", None)],
)  # fmt: skip
def test_demonyms_map_to_countries(word: str, code: str | None) -> None:
    assert country_for_demonym(word) == code


@pytest.mark.parametrize(
    ("code", "name"), [("PK", "Pakistan"), ("ru", "Russia"), ("IR", "Iran"), ("XX", None)]
)
def test_country_names_are_short_and_common(code: str, name: str | None) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("places", "focus"),
    [([], None),
     ([Place("Kabul", 0, 5, country_code="AF"), Place("Pakistan", 9, 17, country_code="PK", feature_code="PCLI")], "PK"),
     ([Place("Kabul", 0, 5, country_code="AF"), Place("Lahore", 9, 15, country_code="PK")], "AF"),
     ([Place("somewhere", 0, 9)], None)],
)  # fmt: skip
def test_country_focus_weights_country_mentions(places: list[Place], focus: str | None) -> None:
    assert country_focus(places) == focus


@pytest.mark.parametrize(
    ("alias", "code"),
    [("SEA", True), ("KDAY", True), ("L.A.", False), ("Sea", False), ("Seattle", False)],
)
def test_airport_codes_are_not_kept_as_town_names(alias: str, code: bool) -> None:
    assert is_code(alias) is code


def test_only_the_capital_itself_is_a_capital() -> None:
    countries = {"US": {"iso": "US", "capital": "Washington"}}
    cities = {
        "1": {
            "geonameid": 4140963,
            "name": "Washington",
            "countrycode": "US",
            "population": 689545,
        },
        "2": {"geonameid": 4866445, "name": "Washington", "countrycode": "US", "population": 7266},
    }
    assert capital_ids(countries, cities) == {4140963}
