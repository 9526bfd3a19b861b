"""`claimgraph export` as a user meets it: two articles ingested through the CLI into a real
SQLite store, each format exported to a file and opened with its reference library (csv,
json, stix2, networkx); exporting twice gives the same bytes; filters narrow the export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
import stix2

from claimgraph import taxonomy
from claimgraph.bundle import BundleDocument, ExportBundle
from claimgraph.export import exporters, get_store_exporter, store_exporters
from claimgraph.model import (
    ClaimEdge,
    Document,
    EntityRef,
    Event,
    EventActor,
    Location,
    Span,
    Speaker,
)
from claimgraph.store import Store
from claimgraph.store.reviews import Review, add_review

CLI = str(Path(sys.executable).parent / "claimgraph")
ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
ARTICLES = [
    {
        "id": "dawn-quetta",
        "title": "Gunmen kill two traders in Quetta",
        "outlet": "Dawn",
        "published": "2024-03-12",
        "url": "https://example.org/dawn/quetta",
        "text": "Gunmen kill two traders in Quetta\n\nUnidentified gunmen shot dead two traders "
        "in a market in Quetta on Monday, police said. The attackers fled on a motorcycle.\n\n"
        "Separately, security forces killed four militants in a clash in North Waziristan on "
        "Sunday, the military said in a statement.\n",
    },
    {
        "id": "reuters-kabul",
        "title": "Blast in Kabul kills three",
        "outlet": "Reuters",
        "published": "2024-02-06",
        "url": "https://example.org/reuters/kabul",
        "text": "Blast in Kabul kills three\n\nA roadside bomb exploded in Kabul on Monday, "
        "killing three civilians, a Taliban spokesman said. No group claimed responsibility.\n\n"
        "Police arrested two suspects in Jalalabad on Tuesday, officials said.\n",
    },
]


def claimgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("export")
    articles = folder / "articles.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = str(folder / "record.db")
    result = claimgraph("ingest", str(articles), "--db", path, "--quiet")
    assert result.returncode == 0, result.stderr
    return path


def export(db: str, fmt: str, out: Path, *filters: str) -> Path:
    result = claimgraph("export", "--db", db, "--format", fmt, "-o", str(out), *filters)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    return out


def acled_rows(db: str, tmp_path: Path, *filters: str) -> list[dict[str, str]]:
    with export(db, "acled-csv", tmp_path / "events.csv", *filters).open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ACLED_HEADER
    return [dict(zip(ACLED_HEADER, row, strict=True)) for row in rows[1:]]


def test_acled_csv_has_acleds_columns_spellings_and_inter_codes(db: str, tmp_path: Path) -> None:
    rows = acled_rows(db, tmp_path)
    assert len(rows) >= 3
    for row in rows:
        assert row["event_type"] == taxonomy.event_type_of(row["sub_event_type"])
        assert row["disorder_type"] == taxonomy.disorder_type_of(row["sub_event_type"])
        assert row["year"] == row["event_date"][:4]
        assert row["notes"] and "[Source: " in row["notes"]
        assert row["inter1"] in {"", *map(str, taxonomy.INTER_LABELS)}
        if row["inter1"]:
            inter2 = int(row["inter2"]) if row["inter2"] else None
            assert int(row["interaction"]) == taxonomy.interaction_code(int(row["inter1"]), inter2)
    quetta = next(r for r in rows if r["location"] == "Quetta")
    assert quetta["event_id_cnty"].startswith("PAK")
    assert (quetta["iso"], quetta["country"], quetta["region"]) == ("586", "Pakistan", "South Asia")
    assert (quetta["source"], quetta["source_scale"]) == ("Dawn", "National")
    assert "shot dead two traders" in quetta["notes"] and quetta["fatalities"] == "2"
    army = [r for r in rows if r["actor1"].startswith("Military Forces of Pakistan")]
    assert army and all(r["inter1"] == "1" for r in army)
    kabul = next(r for r in rows if r["location"] == "Kabul")
    assert (kabul["country"], kabul["source"], kabul["source_scale"]) == (
        "Afghanistan",
        "Reuters",
        "International",
    )


def test_geojson_points_are_lon_lat_in_range_with_flat_properties(db: str, tmp_path: Path) -> None:
    collection = json.loads(export(db, "geojson", tmp_path / "events.geojson").read_text())
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) >= 3
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, dict | list) for v in feature["properties"].values())
    quetta = next(f for f in features if f["properties"]["location"] == "Quetta")
    lon, lat = quetta["geometry"]["coordinates"]
    assert 66 < lon < 68 and 29 < lat < 31  # Quetta is at 30.2 N, 67.0 E: longitude first


def test_stix_bundle_parses_strictly_and_is_byte_identical_twice(db: str, tmp_path: Path) -> None:
    first = export(db, "stix", tmp_path / "a.json").read_text()
    second = export(db, "stix", tmp_path / "b.json").read_text()
    assert first == second
    bundle = stix2.parse(first, allow_custom=False)
    objects = {o.id: o for o in bundle.objects}
    types = {o.type for o in objects.values()}
    assert {"report", "incident", "location", "relationship", "note"} <= types
    assert types & {"identity", "intrusion-set", "threat-actor"}
    for obj in objects.values():
        for ref in [
            *obj.get("object_refs", []),
            obj.get("source_ref"),
            obj.get("target_ref"),
            obj.get("created_by_ref"),
        ]:
            assert ref is None or ref in objects, f"{obj.id} points at a missing {ref}"
    reports = [o for o in objects.values() if o.type == "report"]
    assert sorted(r.name for r in reports) == sorted(a["title"] for a in ARTICLES)
    quetta = next(o for o in objects.values() if o.type == "location" and o.name == "Quetta")
    assert quetta.precision > 0 and quetta.city == "Quetta" and quetta.country == "PK"
    incidents = [o for o in objects.values() if o.type == "incident"]
    dawn = next(o.id for o in objects.values() if o.type == "identity" and o.name == "Dawn")
    assert any(o.get("created_by_ref") == dawn for o in incidents)
    assert all(0 <= o.confidence <= 100 for o in incidents if "confidence" in o)
    located = [o for o in objects.values() if o.type == "relationship"]
    assert {"located-at"} <= {o.relationship_type for o in located}
    notes = [o for o in objects.values() if o.type == "note"]
    assert all(n.authors and any(x.startswith("modality:") for x in n.labels) for n in notes)


def test_graphml_reads_back_with_typed_nodes_and_edges(db: str, tmp_path: Path) -> None:
    graph = nx.read_graphml(export(db, "graphml", tmp_path / "record.graphml"))
    node_types = {data["type"] for _, data in graph.nodes(data=True)}
    assert {"document", "event", "place", "actor", "claim"} <= node_types
    edges = [data for _, _, data in graph.edges(data=True)]
    assert {"located_at", "actor1", "reported_in", "claimed_in"} <= {e["type"] for e in edges}
    located = [(u, v) for u, v, d in graph.edges(data=True) if d["type"] == "located_at"]
    assert all(u.startswith("event:") and v.startswith("place:") for u, v in located)
    for edge in (e for e in edges if e["type"] == "claim_edge"):
        assert {"relation", "speaker_type", "modality", "sources"} <= set(edge)


def test_ucdp_csv_has_ged_columns_and_counts(db: str, tmp_path: Path) -> None:
    with export(db, "ucdp-csv", tmp_path / "ged.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0])[:4] == ["id", "relid", "year", "type_of_violence"]
    for row in rows:
        assert int(row["low"]) <= int(row["best"]) <= int(row["high"])
        assert row["date_prec"] in {"1", "3", "4"} and row["date_start"] <= row["date_end"]
    quetta = next(r for r in rows if r["where_description"] == "Quetta")
    assert (quetta["where_prec"], quetta["best"], quetta["source_office"]) == ("1", "2", "Dawn")


def test_jsonl_rows_are_stored_events(db: str, tmp_path: Path) -> None:
    lines = export(db, "jsonl", tmp_path / "events.jsonl").read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    contract = {
        "id",
        "event_type",
        "sub_event_type",
        "event_date",
        "time_precision",
        "actor1",
        "actor2",
        "background",
        "location",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "speaker",
        "modality",
        "evidence",
        "confidence",
    }
    assert rows and all(set(row) == contract | {"document_id", "assertion_id"} for row in rows)
    acled_ids = {r["event_id_cnty"][3:] for r in acled_rows(db, tmp_path)}
    assert {row["id"] for row in rows} == acled_ids
    listed = claimgraph("events", "--db", db, "--per-document", "--format", "jsonl")
    assert listed.stdout.splitlines() == lines


def test_filters_narrow_every_format(db: str, tmp_path: Path) -> None:
    everything = acled_rows(db, tmp_path)
    afghan = acled_rows(db, tmp_path, "--country", "AF")
    assert afghan and len(afghan) < len(everything)
    assert {r["country"] for r in afghan} == {"Afghanistan"}
    since = acled_rows(db, tmp_path, "--since", "2024-03-01")
    assert since and all(r["event_date"] >= "2024-03-01" for r in since)
    bundle = stix2.parse(export(db, "stix", tmp_path / "af.json", "--country", "AF").read_text())
    assert [o.name for o in bundle.objects if o.type == "report"] == ["Blast in Kabul kills three"]
    graph = nx.read_graphml(export(db, "graphml", tmp_path / "af.graphml", "--country", "AF"))
    documents = [n for n, d in graph.nodes(data=True) if d["type"] == "document"]
    assert len(documents) == 1


def test_stdout_without_output_and_unknown_format(db: str, tmp_path: Path) -> None:
    to_file = export(db, "geojson", tmp_path / "x.geojson").read_text()
    printed = claimgraph("export", "--db", db, "--format", "geojson")
    assert printed.returncode == 0 and printed.stdout == to_file
    wrong = claimgraph("export", "--db", db, "--format", "shapefile")
    assert wrong.returncode == 2 and "unknown format 'shapefile'" in wrong.stderr
    assert wrong.stdout == ""
    bad_date = claimgraph("export", "--db", db, "--format", "jsonl", "--since", "March")
    assert bad_date.returncode == 2


def test_an_empty_store_exports_valid_empty_files(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    assert acled_rows(db, tmp_path) == []
    assert json.loads(export(db, "geojson", tmp_path / "e.geojson").read_text())["features"] == []
    bundle = stix2.parse(export(db, "stix", tmp_path / "e.json").read_text(), allow_custom=False)
    assert [o.type for o in bundle.objects] == ["identity"]
    assert nx.read_graphml(export(db, "graphml", tmp_path / "e.graphml")).number_of_nodes() == 0


def test_one_registry_for_cli_and_web() -> None:
    known = store_exporters()
    assert list(known) == ["acled-csv", "ucdp-csv", "geojson", "stix", "graphml", "jsonl"]
    assert len({e.suffix for e in known.values()}) == len(known)
    assert get_store_exporter("csv").name == "acled-csv"
    assert get_store_exporter("stix.json") is known["stix"]
    with pytest.raises(KeyError):
        get_store_exporter("shp")
    assert {"jsonl", "json", "table", "claims"} <= set(exporters())  # extract's formats


def test_reviews_show_in_the_export_and_the_original_stays(db: str, tmp_path: Path) -> None:
    copy = tmp_path / "reviewed.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    before = acled_rows(str(copy), tmp_path)
    quetta = next(r for r in before if r["location"] == "Quetta")
    kabul = next(r for r in before if r["location"] == "Kabul")
    store = Store.open(str(copy))
    with store.engine.begin() as connection:
        add_review(
            connection,
            Review(
                "event", quetta["event_id_cnty"][3:], "correct", "ana", field="fatalities", value=3
            ),
        )
        add_review(connection, Review("event", kabul["event_id_cnty"][3:], "reject", "ana"))
    store.close()
    after = {r["event_id_cnty"]: r for r in acled_rows(str(copy), tmp_path)}
    assert kabul["event_id_cnty"] not in after
    fixed = after[quetta["event_id_cnty"]]
    assert fixed["fatalities"] == "3" and "review=corrected by ana" in fixed["tags"]
    stored = claimgraph("events", "--db", str(copy), "--per-document", "--format", "jsonl")
    originals = {row["id"]: row for row in map(json.loads, stored.stdout.splitlines())}
    assert originals[quetta["event_id_cnty"][3:]]["fatalities"] == 2


def synthetic_bundle() -> ExportBundle:
    """Two pieces by different outlets stating the same alliance, one a hedged report."""
    documents = tuple(
        BundleDocument(
            f"doc{n}",
            Document(
                id=f"piece-{n}",
                text="",
                title=f"Piece {n}",
                outlet=outlet,
                published="2024-05-0" + str(n),
            ),
            "opinion",
            f"2024-05-0{n}T10:00:00+00:00",
        )
        for n, outlet in ((1, "Dawn"), (2, "Reuters"))
    )
    edges = tuple(
        ClaimEdge(
            id=f"edge{n}",
            document_id=f"doc{n}",
            subject=EntityRef("actor", "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
            relation="allied_with",
            object=EntityRef("place", "country:AF", "Afghanistan"),
            speaker=Speaker(None, "author") if n == 1 else Speaker("a minister", "named_official"),
            modality="asserted" if n == 1 else "hedged",
            evidence=Span(0, 10, "The TTP is allied with Afghanistan."),
            confidence=0.7,
        )
        for n in (1, 2)
    )
    return ExportBundle(documents=documents, edges=edges)


def test_claim_edges_carry_speaker_modality_and_sources(tmp_path: Path) -> None:
    bundle = synthetic_bundle()
    out = io.StringIO()
    get_store_exporter("stix").write(bundle, out)
    parsed = stix2.parse(out.getvalue(), allow_custom=False)
    links = [o for o in parsed.objects if o.type == "relationship"]
    assert {o.relationship_type for o in links} == {"allied-with"}
    assert any("a minister (named_official) says, hedged" in o.description for o in links)
    assert any("the author (Dawn)" in o.description for o in links)
    assert {"report", "location", "identity"} <= {o.type for o in parsed.objects}
    graphml = tmp_path / "edges.graphml"
    with graphml.open("w", encoding="utf-8") as f:
        get_store_exporter("graphml").write(bundle, f)
    graph = nx.read_graphml(graphml)
    claimed = [d for _, _, d in graph.edges(data=True) if d["type"] == "claim_edge"]
    assert len(claimed) == 2 and {d["sources"] for d in claimed} == {2}
    assert {d["modality"] for d in claimed} == {"asserted", "hedged"}
    assert graph.nodes["place:country:AF"]["type"] == "place"


def test_stix_and_graphml_stay_fast_on_a_thousand_events() -> None:
    documents, events = [], []
    for n in range(1000):
        documents.append(
            BundleDocument(
                f"d{n}",
                Document(id=f"p{n}", text="", title=f"T{n}"),
                "news",
                "2024-01-01T00:00:00+00:00",
            )
        )
        events.append(
            Event(
                id=f"e{n}",
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date="2024-01-01",
                time_precision=1,
                actor1=EventActor("Military Forces of Pakistan", "troops", "state"),
                actor2=EventActor(f"Group {n % 50}", "militants", "rebel"),
                background=False,
                location=Location(
                    f"Town {n % 200}", 100000 + n % 200, 30.0 + n % 7, 70.0, "PK", "Punjab", None, 1
                ),
                fatalities=n % 5,
                fatalities_low=n % 5,
                fatalities_high=n % 5,
                speaker=Speaker("police", "named_organization"),
                modality="attributed",
                evidence=(Span(0, 5, "Clash"),),
                confidence=0.8,
                document_id=f"d{n}",
            )
        )
    bundle = ExportBundle(documents=tuple(documents), events=tuple(events))
    for name in ("stix", "graphml", "acled-csv"):
        started = time.perf_counter()
        get_store_exporter(name).write(bundle, io.StringIO())
        # ~5,000 STIX objects: the three formats took 2.2 s together on a shared 2-core
        # machine; stix2's pretty printer took minutes (quadratic), which this bound refuses.
        assert time.perf_counter() - started < 60, name
