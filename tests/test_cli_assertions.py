"""Corroboration in the record as a user meets it: reports of one bombing from three outlets and
two verbatim republications (one word for word, one with a line added), ingested, come out as
one incident counted by independent source; the order of ingest and the database (SQLite, a
real PostgreSQL server) change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.postgres import postgres_server

CLI = str(Path(sys.executable).parent / "claimgraph")
DAWN = (
    "QUETTA: At least 12 people were killed and 30 injured when a bomb exploded in a crowded "
    "vegetable market on Jinnah Road in Quetta on Friday evening, police said.\n"
    "Senior police official Abdul Haq said the explosive device had been planted on a motorcycle "
    "parked outside a shop. The wounded were shifted to the Civil Hospital Quetta, where an "
    "emergency was declared.\nNo group has claimed responsibility for the blast so far."
)
ARTICLES = [
    {
        "id": "dawn-quetta",
        "outlet": "Dawn",
        "published": "2024-03-09",
        "title": "Bomb blast kills 12 at Quetta market",
        "text": DAWN,
    },
    {
        "id": "geo-quetta",
        "outlet": "Geo News",
        "published": "2024-03-09",
        "title": "Quetta market explosion: death toll rises to 14",
        "text": "QUETTA: Fourteen people were killed in a bomb explosion at a vegetable market on "
        "Jinnah Road in Quetta on Friday, hospital officials said.\nA spokesman for the Civil "
        "Hospital Quetta said 14 bodies and more than 30 wounded had been brought in after the "
        "blast. Police said the bomb was fitted to a motorcycle parked near the market.\nThe "
        "provincial government announced three days of mourning.",
    },
    {
        "id": "tribune-quetta",
        "outlet": "Express Tribune",
        "published": "2024-03-10",
        "title": "Motorcycle bomb tears through Quetta market",
        "text": "QUETTA: A motorcycle bomb ripped through a busy vegetable market on Jinnah Road in "
        "Quetta on Friday, killing 13 people, officials said on Saturday.\nThe Balochistan home "
        "department said the device was detonated by remote control. Dozens of injured people "
        "were taken to the Civil Hospital Quetta.\nSecurity was tightened across the provincial "
        "capital after the attack.",
    },
    {
        "id": "copy-quetta",
        "outlet": "Pakistan Today",
        "published": "2024-03-09",
        "title": "Bomb blast kills 12 at Quetta market",
        "text": DAWN + "\nShare this story.",
    },
    {
        "id": "post-quetta",
        "outlet": "Balochistan Post",
        "published": "2024-03-09",
        "title": "Bomb blast kills 12 at Quetta market",
        "text": DAWN,  # word for word: another publication of the same text
    },
    {
        "id": "dawn-peshawar",
        "outlet": "Dawn",
        "published": "2024-03-21",
        "title": "Two policemen shot dead in Peshawar",
        "text": "PESHAWAR: Two policemen were shot dead by unidentified gunmen on motorcycles near "
        "the Hayatabad toll plaza in Peshawar on Wednesday, police said.\nThe attackers fled after "
        "the shooting. Police cordoned off the area and launched a search operation.",
    },
]
QUETTA = {"dawn-quetta", "geo-quetta", "tribune-quetta", "copy-quetta", "post-quetta"}


def claimgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=600)


def ingest(tmp_path: Path, db: str, order: list[dict[str, str]]) -> None:
    source = tmp_path / f"docs-{len(list(tmp_path.iterdir()))}.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in order), encoding="utf-8")
    result = claimgraph("ingest", str(source), "--db", db, "-q")
    assert result.returncode == 0, result.stderr


def assertions(db: str, *options: str) -> list[dict[str, Any]]:
    result = claimgraph("events", "--db", db, "--format", "jsonl", *options)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def bombing(rows: list[dict[str, Any]]) -> dict[str, Any]:
    (found,) = [row for row in rows if row["sub_event_type"] == "Remote explosive/landmine/IED"]
    return found


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("record")
    db = str(folder / "record.db")
    ingest(folder, db, ARTICLES)
    return db


def test_three_outlets_and_a_copy_are_one_incident_of_three_sources(sqlite_db: str) -> None:
    rows = assertions(sqlite_db)
    found = bombing(rows)
    assert set(found["documents"]) == QUETTA
    assert found["independent_sources"] == 3  # the republished copies count once
    assert (found["fatalities"], found["fatalities_low"], found["fatalities_high"]) == (12, 12, 14)
    tolls = {c["value"] for c in found["conflicts"] if c["field"] == "fatalities"}
    assert {"13", "14"} <= tolls
    assert found["location"]["name"] == "Quetta"
    peshawar = [row for row in rows if row["documents"] == ["dawn-peshawar"]]
    assert peshawar and all(row["independent_sources"] == 1 for row in peshawar)
    assert not [
        row
        for row in rows
        if QUETTA & set(row["documents"]) and "dawn-peshawar" in row["documents"]
    ]


def test_an_incident_row_carries_the_contract_s_event_fields(sqlite_db: str) -> None:
    found = bombing(assertions(sqlite_db))
    contract = {"id", "event_type", "sub_event_type", "event_date", "time_precision", "actor1",
                "actor2", "background", "location", "fatalities", "fatalities_low",
                "fatalities_high", "speaker", "modality", "evidence", "confidence"}
    assert contract <= set(found)
    assert found["speaker"]["type"] in {"author", "named_official", "unnamed", "named_media",
                                        "named_organization", "named_person"}
    # the evidence of every report, each span naming the document it indexes
    assert {span["document_id"] for span in found["evidence"]} == set(found["document_ids"])
    assert all(span["text"] for span in found["evidence"])


def test_min_sources_keeps_the_corroborated_incident_only(sqlite_db: str) -> None:
    rows = assertions(sqlite_db, "--min-sources", "2")
    assert [row["id"] for row in rows] == [bombing(assertions(sqlite_db))["id"]]
    table = claimgraph("events", "--db", sqlite_db, "--min-sources", "2").stdout
    assert "independent_sou" in table and "Quetta" in table


def test_per_document_rows_name_their_assertion(sqlite_db: str) -> None:
    rows = assertions(sqlite_db, "--per-document")
    merged = bombing(assertions(sqlite_db))
    ieds = [row for row in rows if row["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert len(ieds) >= 4
    assert {row["assertion_id"] for row in ieds} == {merged["id"]}
    assert set(merged["document_ids"]) == {row["document_id"] for row in ieds}
    refused = claimgraph("events", "--db", sqlite_db, "--per-document", "--min-sources", "2")
    assert refused.returncode == 2


def test_show_lists_every_supporting_document_and_the_tolls_side_by_side(sqlite_db: str) -> None:
    merged = bombing(assertions(sqlite_db))
    shown = json.loads(claimgraph("show", merged["id"], "--db", sqlite_db).stdout)
    assert shown["kind"] == "assertion"
    assert shown["independent_sources"] == 3
    documents = {d["input_id"]: d for d in shown["supporting_documents"]}
    assert set(documents) == QUETTA
    assert documents["geo-quetta"]["outlet"] == "Geo News"
    assert documents["tribune-quetta"]["published"] == "2024-03-10"
    report = documents["geo-quetta"]["reports"][0]
    assert "Fourteen people were killed" in report["evidence"][0]["text"]
    assert report["speaker"]["name"] == "hospital officials"
    values = {v["value"]: v["given_by"] for v in shown["conflicting_values"]["fatalities"]}
    assert {"13", "14"} <= set(values)
    stats = json.loads(claimgraph("stats", "--db", sqlite_db, "--format", "json").stdout)
    assert stats["assertions"] == len(assertions(sqlite_db))


def test_ingest_order_does_not_change_the_assertions(sqlite_db: str, tmp_path: Path) -> None:
    reversed_db = str(tmp_path / "reversed.db")
    ingest(tmp_path, reversed_db, ARTICLES[::-1])
    one_by_one = str(tmp_path / "one-by-one.db")
    for article in [ARTICLES[i] for i in (2, 5, 0, 4, 3, 1)]:
        ingest(tmp_path, one_by_one, [article])
    expected = sorted(assertions(sqlite_db), key=lambda row: row["id"])
    for other in (reversed_db, one_by_one):
        found = sorted(assertions(other), key=lambda row: row["id"])
        assert [_merged(row) for row in found] == [_merged(row) for row in expected]


def _merged(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row["id"],
        sorted(row["documents"]),
        row["independent_sources"],
        row["fatalities"],
        row["fatalities_low"],
        row["fatalities_high"],
        row["sub_event_type"],
    )


def test_postgres_gives_the_same_assertions_as_sqlite(
    sqlite_db: str, postgres_url: str, tmp_path: Path
) -> None:
    ingest(tmp_path, postgres_url, ARTICLES)
    assert assertions(postgres_url) == assertions(sqlite_db)
    merged = bombing(assertions(postgres_url))
    sqlite_show = claimgraph("show", merged["id"], "--db", sqlite_db).stdout
    assert claimgraph("show", merged["id"], "--db", postgres_url).stdout == sqlite_show


RECALL = {
    "id": "dawn-peshawar-checkpoint",
    "outlet": "Dawn",
    "published": "2024-03-16",
    "title": "Three policemen shot dead at Peshawar checkpoint",
    "text": "PESHAWAR: Gunmen shot dead three policemen at a checkpoint on Ring Road in Peshawar on "
    "Friday, police said.\nThe attackers escaped on motorcycles.\nLast week a bomb killed 12 "
    "people at a vegetable market on Jinnah Road in Quetta.",
}


def test_a_report_that_only_recalls_an_incident_is_not_one_of_its_sources(tmp_path: Path) -> None:
    db = str(tmp_path / "recall.db")
    ingest(tmp_path, db, [*ARTICLES[:2], RECALL])
    assert set(bombing(assertions(db))["documents"]) == {"dawn-quetta", "geo-quetta"}
    ieds = [row for row in assertions(db, "--per-document") if row["sub_event_type"] == "Remote explosive/landmine/IED"]
    # Two reports of the bombing in its assertion; the recall stays its document's background.
    assert sorted((row["background"], row["assertion_id"] is None) for row in ieds) == [
        (False, False), (False, False), (True, True)
    ]


ANALYSIS = {
    "id": "analysis-quetta",
    "outlet": "Regional Review",
    "published": "2024-03-11",
    "title": "What the Quetta market bombing tells us",
    "text": "Friday's bomb blast at the vegetable market on Jinnah Road in Quetta, which killed at "
    "least 12 people, suggests that militants may be shifting to softer targets in the provincial "
    "capital. The choice of a crowded market fits a pattern seen across Balochistan this year, "
    "and the use of a motorcycle bomb probably reflects the pressure security forces have put on "
    "larger cells. Whether the provincial government can protect its markets remains to be seen.",
}


def test_a_hedged_analysis_joins_the_incident_without_counting_as_a_source(tmp_path: Path) -> None:
    db = str(tmp_path / "analysis.db")
    ingest(tmp_path, db, [*ARTICLES, ANALYSIS])
    found = bombing(assertions(db))
    assert set(found["documents"]) == QUETTA | {ANALYSIS["id"]}
    assert found["independent_sources"] == 3  # three outlets; the copy and the analysis add none
    assert (found["fatalities"], found["fatalities_low"], found["fatalities_high"]) == (12, 12, 14)
    peshawar = [row for row in assertions(db) if "dawn-peshawar" in row["documents"]]
    assert peshawar and all(len(row["documents"]) == 1 for row in peshawar)
