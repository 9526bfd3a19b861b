"""The store's costs: ingest next to extract, store size, and query time on a large record.

    python benchmarks/store.py [--articles 100] [--events 100000] [--check]

1. `claimgraph ingest` and `claimgraph extract` on the same LGL news articles (the FIRST ones
   of ../shared/data/dev/geoparsing/lgl.xml; the acceptance check uses the last 300), in the
   same run: documents/s of each and their ratio (storing should cost little), and the CPU
   seconds ingest adds per 100 documents (user + system of each run: unlike wall time, it
   holds on a loaded machine).
2. Store size per 1,000 documents (the SQLite file after that ingest, WAL checkpointed).
3. `events` query time on a store of --events synthetic events (written through the store's
   own functions, no spaCy): the filters users type, with and without a limit.

`--check` compares with `benchmarks/baseline_store.json` and exits 1 on a regression beyond
the tolerance written there (ratios may fall by it; times may grow by it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimgraph.model import Document, Event, EventActor, Location, Record, Span, Speaker
from claimgraph.store import Store
from claimgraph.store.read import EventFilter, list_events
from claimgraph.store.write import write_record

ROOT = Path(__file__).resolve().parents[1]
LGL = ROOT.parent / "shared" / "data" / "dev" / "geoparsing" / "lgl.xml"
CLI = str(Path(sys.executable).parent / "claimgraph")
BASELINE = Path(__file__).with_name("baseline_store.json")
PLACES = [
    ("Quetta", 1167528, 30.18, 67.0, "PK", "Balochistan"),
    ("Lahore", 1172451, 31.55, 74.34, "PK", "Punjab"),
    ("Kabul", 1138958, 34.53, 69.17, "AF", "Kabul"),
    ("Mosul", 99072, 36.34, 43.12, "IQ", "Nineveh"),
    ("Goma", 216281, -1.68, 29.22, "CD", "North Kivu"),
    ("Kidal", 2455290, 18.44, 1.41, "ML", "Kidal"),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
ACTORS = ["Military Forces of Pakistan", "Islamic State Khorasan Province", "Police Forces", "M23"]


def first_articles(n: int, folder: Path) -> Path:
    """Write the first n LGL texts longer than 400 characters as JSONL input."""
    raw = LGL.read_text(encoding="utf-8", errors="replace")
    texts = [
        re.sub(r"\s+", " ", t).strip()
        for t in re.findall(r"<text><!\[CDATA\[(.*?)\]\]></text>", raw, re.S)
    ]
    texts = [t for t in texts if len(t) > 400][:n]
    path = folder / "articles.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    return path


def timed(*args: str) -> tuple[float, float]:
    """Run the CLI and return its wall and CPU time; stop the benchmark if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([CLI, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"claimgraph {' '.join(args)} failed: {result.stderr[-400:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def ingest_against_extract(n: int, folder: Path) -> dict[str, float]:
    """Time extract and ingest on the same articles; measure the store's size."""
    corpus = first_articles(n, folder)
    t_extract, cpu_extract = timed(
        "extract", str(corpus), "--format", "jsonl", "-o", str(folder / "out.jsonl")
    )
    db = folder / "ingest.db"
    t_ingest, cpu_ingest = timed("ingest", str(corpus), "--db", str(db), "--quiet")
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    return {
        "articles": n,
        "extract_docs_per_s": round(n / t_extract, 2),
        "ingest_docs_per_s": round(n / t_ingest, 2),
        "ingest_vs_extract": round(t_extract / t_ingest, 3),
        "ingest_vs_extract_cpu": round(cpu_extract / cpu_ingest, 3),
        "ingest_added_cpu_s_per_100_docs": round((cpu_ingest - cpu_extract) * 100 / n, 2),
        "store_mb_per_1000_docs": round(size / 1e6 * 1000 / n, 1),
    }


def synthetic_record(i: int, rng: random.Random) -> Record:
    """Return a small record with one event (what the query benchmark needs)."""
    name, gid, lat, lon, cc, admin1 = rng.choice(PLACES)
    event_type, sub_type = rng.choice(TYPES)
    text = f"Report {i}: an incident ({sub_type}) near {name} involving {rng.choice(ACTORS)}."
    sha = hashlib.sha256(text.encode()).hexdigest()
    day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    event = Event(
        id=hashlib.sha256(f"{sha}:e".encode()).hexdigest()[:16],
        event_type=event_type,
        sub_event_type=sub_type,
        event_date=day,
        time_precision=1,
        actor1=EventActor(rng.choice(ACTORS), "they", "state"),
        actor2=None,
        background=False,
        location=Location(name, gid, lat, lon, cc, admin1, None, 1),
        fatalities=rng.randint(0, 20),
        fatalities_low=None,
        fatalities_high=None,
        speaker=Speaker(None, "author"),
        modality="asserted",
        evidence=(Span(0, len(text), text),),
        confidence=0.8,
    )
    return Record(Document(id=f"s{i}", text=text, sha256=sha), events=(event,))


def query_times(n_events: int, folder: Path) -> dict[str, float]:
    """Fill a store with synthetic events and time the queries users type."""
    store = Store.open(str(folder / "big.db"))
    rng = random.Random(7)
    started = time.perf_counter()
    with store.engine.begin() as connection:
        for i in range(n_events):
            write_record(connection, synthetic_record(i, rng))
    fill = time.perf_counter() - started
    queries = {
        "country+admin1+since, limit 100": EventFilter(
            country="PK", admin1="Balochistan", since="2024-03-01", limit=100
        ),
        "sub-event type, limit 100": EventFilter(sub_event_type="Arrests", limit=100),
        "actor, limit 100": EventFilter(actor="khorasan", limit=100),
        "evidence words, limit 100": EventFilter(text="near Goma", limit=100),
        "one month in one region, all": EventFilter(
            admin1="Kidal", since="2021-05-01", until="2021-05-31"
        ),
    }
    times: dict[str, float] = {"events": n_events, "fill_events_per_s": round(n_events / fill)}
    with store.reading() as connection:
        for label, flt in queries.items():
            best = min(timed_query(connection, flt) for _ in range(3))
            times[f"query_ms: {label}"] = round(best * 1000, 1)
    store.close()
    return times


def timed_query(connection: object, flt: EventFilter) -> float:
    """Return the seconds one query takes, reading every row."""
    started = time.perf_counter()
    list(list_events(connection, flt))  # type: ignore[arg-type]
    return time.perf_counter() - started


def check(results: dict[str, float]) -> int:
    """Compare with the baseline; return 1 on a regression beyond the tolerance."""
    baseline = json.loads(BASELINE.read_text())
    tolerance = baseline["tolerance"]
    failures = []
    for key, expected in baseline["figures"].items():
        got = results.get(key)
        if got is None:
            continue
        higher_is_better = not key.startswith(("query_ms", "store_mb", "ingest_added"))
        margin = baseline.get("ratio_tolerance", tolerance) if higher_is_better else tolerance
        if higher_is_better and got < expected * (1 - margin):
            failures.append(f"{key}: {got} < baseline {expected}")
        if not higher_is_better and got > expected * (1 + margin):
            failures.append(f"{key}: {got} > baseline {expected}")
    for failure in failures:
        print("regression:", failure)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.articles:
            results.update(ingest_against_extract(args.articles, folder))
        if args.events:
            results.update(query_times(args.events, folder))
    for key, value in results.items():
        print(f"{key:45s} {value}")
    return check(results) if args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
