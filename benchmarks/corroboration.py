"""Cross-document clustering (corroboration's pure core) on real news reports grouped by incident.

usage: .venv/bin/python benchmarks/corroboration.py [--events all|main]
       [--half both|even|odd|full] [--store [--reverse]]

Runs `claimgraph extract` once on gvc_train's docs (cached under /tmp), turns each output
row into EventViews, clusters them with `claimgraph.corroborate.cluster`, writes one
assertion per line (with its `documents`) and scores it with ../shared/tools/score_xdoc.py
against the gold restricted to one half of the incidents: even index (sorted by int id) is
the half the constants were tuned on, odd the half never looked at while tuning; full is
the whole gold, as ../shared/tools/acceptance/graph.py scores it (both = all three). All
documents are clustered together; for a half the scorer drops the other half's documents,
so a wrong merge across the halves counts only in full.
--store feeds the same records one by one through `Store.add` into a fresh SQLite store (the
incremental clustering `claimgraph ingest` does) and scores the stored assertions;
--reverse stores them in the opposite order.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from claimgraph.corroborate import cluster, syndication_groups
from claimgraph.corroborate.syndication import group_of
from claimgraph.corroborate.weights import profile
from claimgraph.identity import EventView
from claimgraph.model import Document, Event, EventActor, Location, Record, Span, Speaker

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev" / "gvc_train"
SCORER = ROOT.parent / "shared" / "tools" / "score_xdoc.py"
TITLES = True  # the headline's words join the evidence's (EventView.of's context)
CACHE = Path(tempfile.gettempdir()) / "claimgraph-corroboration" / "gvc_train.extract.jsonl"


def extract() -> list[dict[str, Any]]:
    """Return claimgraph's output rows for the docs, running extract again when the code or
    its data changed since the cached run (a stale cache once gave numbers of older code)."""
    sources = (p for p in (ROOT / "src" / "claimgraph").rglob("*") if p.suffix != ".pyc")
    newest = max((p.stat().st_mtime for p in sources), default=0.0)
    if not CACHE.exists() or CACHE.stat().st_mtime < newest:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(ROOT / ".venv" / "bin" / "claimgraph"),
            "extract",
            str(DATA / "docs" / "docs.jsonl"),
        ]
        command += ["--format", "jsonl", "--text", "-q", "-o", str(CACHE)]
        subprocess.run(command, check=True)
    return [json.loads(line) for line in CACHE.read_text(encoding="utf-8").splitlines() if line]


def event_of(row: dict[str, Any], document_id: str) -> Event:
    """Return the model Event of one contract event object."""

    def actor(obj: dict[str, Any] | None) -> EventActor | None:
        return EventActor(obj["name"], obj["text"], obj["kind"]) if obj else None

    loc = row["location"]
    location = Location(**{k: loc[k] for k in Location.__slots__}) if loc else None  # type: ignore[attr-defined]
    speaker = Speaker(row["speaker"]["name"], row["speaker"]["type"])
    return Event(
        id=row["id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        actor1=actor(row["actor1"]),
        actor2=actor(row["actor2"]),
        background=row["background"],
        location=location,
        fatalities=row["fatalities"],
        fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"],
        speaker=speaker,
        modality=row["modality"],
        evidence=tuple(Span(s["start"], s["end"], s["text"]) for s in row["evidence"]),
        confidence=row["confidence"],
        document_id=document_id,
    )


def views_of(rows: list[dict[str, Any]], which: str) -> list[EventView]:
    """Return the event views to cluster: each document's first non-background event, or all."""
    views = []
    for row in rows:
        doc = row["document"]
        events = [e for e in row["events"] if not e["background"]] or row["events"]
        main = events[0]["id"] if events else None
        for obj in events[:1] if which == "main" else events:
            event = event_of(obj, row["id"])
            context = doc.get("title") or "" if TITLES else ""
            weighted = profile(" ".join([doc.get("title") or "", doc.get("text") or ""]))
            views.append(
                EventView.of(
                    event,
                    published=doc["published"],
                    genre=doc["genre"],
                    context=context,
                    profile=weighted,
                    main=obj["id"] == main,
                )
            )
    return views


def stored_assertions(rows: list[dict[str, Any]], path: Path, reverse: bool) -> int:
    """Store the records one by one in a fresh SQLite store; write its assertions; count them."""
    from claimgraph.store import Store
    from claimgraph.store.assertions import AssertionFilter, list_assertions

    folder = Path(tempfile.mkdtemp(prefix="claimgraph-corroboration-"))
    store = Store.open(str(folder / "store.db"))
    for row in reversed(rows) if reverse else rows:
        doc = row["document"]
        document = Document(
            id=row["id"],
            text=doc["text"],
            title=doc["title"],
            author=doc["author"],
            outlet=doc["outlet"],
            published=doc["published"],
            url=doc["url"],
            language=doc["language"],
            sha256=doc["sha256"],
        )
        events = tuple(event_of(e, row["id"]) for e in row["events"])
        store.add(Record(document=document, genre=doc["genre"], events=events))
    with store.reading() as connection:
        found = list_assertions(connection, AssertionFilter())
    store.close()
    with path.open("w", encoding="utf-8") as f:
        for item in found:
            a = item.assertion
            names = [s.input_id for s in item.supports]
            f.write(
                json.dumps(
                    {
                        "id": a.id,
                        "documents": names,
                        "fatalities": a.fatalities,
                        "fatalities_low": a.fatalities_low,
                        "fatalities_high": a.fatalities_high,
                    }
                )
                + "\n"
            )
    return len(found)


def score(assertions_path: Path, half: str) -> dict[str, Any]:
    """Return score_xdoc.py's numbers against the gold restricted to one half of the incidents."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    order = sorted(gold["incidents"], key=int)
    keep = set({"even": order[0::2], "odd": order[1::2]}.get(half, order))
    subset = {
        "doc_incident": {d: i for d, i in gold["doc_incident"].items() if i in keep},
        "incidents": {i: v for i, v in gold["incidents"].items() if i in keep},
        "doc_line": gold.get("doc_line", {}),
        "docs_file": str(DATA / "docs" / "docs.jsonl"),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(subset, f)
    result = subprocess.run(
        [sys.executable, str(SCORER), f.name, str(assertions_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(f.name).unlink()
    out: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    out["incidents"], out["documents"] = len(keep), len(subset["doc_incident"])
    return out


def write_clusters(
    rows: list[dict[str, Any]], events: str, path: Path
) -> tuple[list[EventView], list[Any], list[set[str]]]:
    """Cluster the rows' events (syndication groups from their texts) and write one assertion
    per line to `path`; return the views, the assertions and the syndication groups."""
    texts = {row["id"]: row["document"].get("text") or "" for row in rows}
    groups = syndication_groups(texts)
    views = views_of(rows, events)
    assertions = list(cluster(views, syndication=group_of(groups)))
    with path.open("w", encoding="utf-8") as f:
        for a in assertions:
            item = {
                "id": a.id,
                "documents": list(a.documents),
                "fatalities": a.fatalities,
                "fatalities_low": a.fatalities_low,
                "fatalities_high": a.fatalities_high,
                "independent_sources": a.independent_sources,
            }
            f.write(json.dumps(item) + "\n")
    return views, assertions, groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", choices=("main", "all"), default="all")
    parser.add_argument("--half", choices=("even", "odd", "full", "both"), default="both")
    parser.add_argument("--store", action="store_true", help="cluster through Store.add")
    parser.add_argument("--reverse", action="store_true", help="with --store: reverse order")
    args = parser.parse_args()
    rows = extract()
    if args.store:
        path = CACHE.parent / "assertions.store.jsonl"
        count = stored_assertions(rows, path, args.reverse)
        print(f"documents {len(rows)}, stored assertions {count}")
        for half in ("even", "odd", "full") if args.half == "both" else (args.half,):
            report(half, score(path, half))
        return
    path = CACHE.parent / f"assertions.{args.events}.jsonl"
    views, assertions, groups = write_clusters(rows, args.events, path)
    copies = sum(len(g) for g in groups if len(g) > 1)
    print(
        f"documents {len(rows)}, events clustered {len(views)} ({args.events}), "
        f"assertions {len(assertions)}, documents in syndication groups {copies}"
    )
    for half in ("even", "odd", "full") if args.half == "both" else (args.half,):
        report(half, score(path, half))


def report(half: str, s: dict[str, Any]) -> None:
    """Print one half's scores."""
    print(
        f"{half}: {s['incidents']} incidents, {s['documents']} docs: "
        f"pairwise P {s['pairwise_p']:.3f} R {s['pairwise_r']:.3f} F1 {s['pairwise_f1']:.3f}; "
        f"B-cubed F1 {s['bcubed_f1']:.3f}; "
        f"toll range holds killed {s['fatal_range_hit']:.3f}"
    )


if __name__ == "__main__":
    main()
