"""Events per document on real local news that reports one incident per document.

    python benchmarks/events_per_document.py [--predicted FILE] [--errors N]
        [--check] [--update-baseline]

gvc_train (../shared/data/dev/gvc_train) holds 358 US local news reports, each about one
shooting incident (gold.json maps each document to its incident). So a document should yield
one current (not background) event: more is over-generation (one incident split into
several events, background told in passing coded as current), none is a miss. Its first
current event (the one the document leads with) should be dated to the incident's day, the
`date` gold.json gives from the Gun Violence Archive (real news dating against datelines,
weekdays and "late Saturday"), and carry its death toll, gold.json's `killed` (a report
written before a victim died gives fewer; no toll counts as none killed). The documents
are split by incident as benchmarks/corroboration.py splits them: the even index of the
incidents (sorted by int id) is the half read and tuned on, the odd half is never looked at.

Runs `claimgraph extract` on the documents (or reads `--predicted`, its JSONL output) and
prints per half: mean events per document (all, and current only), the share of documents
with exactly one current event and with none, and the share whose first current event is
dated to the incident's day (exactly, and within a day: reports of a late-night shooting
give either day) and whose toll is the incident's killed count (exactly, and within one).
`--errors N` prints the N even-half documents with the most current events, with each
event's type and first evidence sentence.

`--check` exits 1 when a half's mean current events per document rises more than the
tolerance above benchmarks/baseline_events_per_document.json, or its share of documents with
exactly one current event, the incident's day or its toll falls more than the tolerance below
it, and refuses (exit 1) when the corpus (docs.jsonl and gold.json, by sha256) changed;
`--update-baseline` rewrites it.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev" / "gvc_train"
DOCS = DATA / "docs" / "docs.jsonl"
GOLD = DATA / "gold.json"
CLI = str(Path(sys.executable).parent / "claimgraph")
BASELINE = Path(__file__).with_name("baseline_events_per_document.json")
TOLERANCE = 0.02


def corpus_hash() -> str:
    """Return the sha256 of the documents and the gold together."""
    digest = hashlib.sha256()
    for path in (DOCS, GOLD):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extract() -> list[dict[str, Any]]:
    """Run `claimgraph extract` on the documents; return its output rows."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as f:
        out = Path(f.name)
    command = [CLI, "extract", str(DOCS), "--format", "jsonl", "--text", "-q", "-o", str(out)]
    subprocess.run(command, check=True)
    rows = read(out)
    out.unlink()
    return rows


def read(path: Path) -> list[dict[str, Any]]:
    """Return the rows of an extract JSONL output."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@functools.cache
def _gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return gold


def incident_of(document_id: str) -> dict[str, Any]:
    """Return the gold incident a document reports (its date, killed count, ...)."""
    gold = _gold()
    incident: dict[str, Any] = gold["incidents"][gold["doc_incident"][document_id]]
    return incident


def toll_off(row: dict[str, Any]) -> int:
    """Return how far the first current event's toll is from the incident's killed count."""
    events = current(row)
    toll = (events[0]["fatalities"] if events else None) or 0
    return abs(toll - int(incident_of(row["id"])["killed"]))


def days_off(row: dict[str, Any]) -> int | None:
    """Return how many days the first current event's date is off the incident's, or None."""
    events = current(row)
    if not events or not events[0]["event_date"]:
        return None
    predicted = date.fromisoformat(events[0]["event_date"][:10])
    return abs((predicted - date.fromisoformat(incident_of(row["id"])["date"])).days)


def halves() -> dict[str, set[str]]:
    """Return the document ids of each half: even and odd index of the sorted incidents."""
    gold = _gold()
    order = sorted(gold["incidents"], key=int)
    split = {"even": set(order[0::2]), "odd": set(order[1::2])}
    return {
        half: {d for d, i in gold["doc_incident"].items() if i in incidents}
        for half, incidents in split.items()
    }


def current(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a row's events that are not background."""
    return [e for e in row["events"] if not e["background"]]


def measure(rows: list[dict[str, Any]], ids: set[str]) -> dict[str, float]:
    """Return the half's figures: documents, mean events (all/current), share with one/none."""
    chosen = [r for r in rows if r["id"] in ids]
    counts = [len(current(r)) for r in chosen]
    off = [days_off(r) for r in chosen]
    return {
        "documents": len(chosen),
        "events_per_document": round(mean(len(r["events"]) for r in chosen), 3),
        "current_per_document": round(mean(counts), 3),
        "share_exactly_one": round(sum(c == 1 for c in counts) / len(counts), 3),
        "share_none": round(sum(c == 0 for c in counts) / len(counts), 3),
        "share_day_exact": round(sum(o == 0 for o in off) / len(off), 3),
        "share_day_within_1": round(sum(o is not None and o <= 1 for o in off) / len(off), 3),
        "share_toll_exact": round(sum(toll_off(r) == 0 for r in chosen) / len(chosen), 3),
        "share_toll_within_1": round(sum(toll_off(r) <= 1 for r in chosen) / len(chosen), 3),
    }


def print_errors(rows: list[dict[str, Any]], ids: set[str], n: int) -> None:
    """Print the n documents of a half with the most current events."""
    chosen = sorted((r for r in rows if r["id"] in ids), key=lambda r: -len(current(r)))
    for row in chosen[:n]:
        print(f"\n== {row['id']} ({len(current(row))} current, {len(row['events'])} all)")
        for event in row["events"]:
            flag = "B" if event["background"] else " "
            first = event["evidence"][0]["text"][:160].replace("\n", " ")
            print(f"  {flag} {event['sub_event_type']:<28} {event['event_date']}  {first}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predicted", type=Path, help="extract JSONL output to read instead")
    parser.add_argument("--errors", type=int, default=0, help="print N even-half documents")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()
    rows = read(args.predicted) if args.predicted else extract()
    results = {half: measure(rows, ids) for half, ids in halves().items()}
    for half, r in results.items():
        print(
            f"{half}: {r['documents']} docs, events/doc {r['events_per_document']:.3f} "
            f"(current {r['current_per_document']:.3f}), exactly one current "
            f"{r['share_exactly_one']:.3f}, none {r['share_none']:.3f}; "
            f"incident's day {r['share_day_exact']:.3f} (within 1: {r['share_day_within_1']:.3f}); "
            f"toll {r['share_toll_exact']:.3f} (within 1: {r['share_toll_within_1']:.3f})"
        )
    if args.errors:
        print_errors(rows, halves()["even"], args.errors)
    if args.update_baseline:
        baseline = {
            "comment": (
                "benchmarks/events_per_document.py --check: a half's current events per "
                "document may rise, and its share of documents with exactly one current event "
                "fall, by at most `tolerance`; the corpus sha256 pins docs.jsonl + gold.json."
            ),
            "tolerance": TOLERANCE,
            "sha256": corpus_hash(),
            "halves": results,
        }
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    if args.check:
        sys.exit(check(results))


def check(results: dict[str, dict[str, float]]) -> int:
    """Return 1 (and say why) when a half regressed against the baseline or the corpus changed."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    if baseline["sha256"] != corpus_hash():
        print("REFUSED: the corpus changed since the baseline was written")
        return 1
    tolerance = baseline["tolerance"]
    failed = 0
    for half, r in results.items():
        pinned = baseline["halves"][half]
        if r["current_per_document"] > pinned["current_per_document"] + tolerance:
            print(
                f"REGRESSION {half}: current events/doc {r['current_per_document']} > "
                f"baseline {pinned['current_per_document']}"
            )
            failed = 1
        shares = ("share_exactly_one", "share_day_exact", "share_day_within_1")
        for key in (*shares, "share_toll_exact", "share_toll_within_1"):
            if r[key] < pinned.get(key, 0.0) - tolerance:
                print(f"REGRESSION {half}: {key} {r[key]} < baseline {pinned[key]}")
                failed = 1
    if not failed:
        print("check: no regression against the baseline")
    return failed


if __name__ == "__main__":
    main()
