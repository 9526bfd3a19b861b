"""Score event dates and death tolls of `claimgraph extract` on short wire-style reports.

usage: python benchmarks/dates_tolls.py [--sets dev check] [--errors] [--claimgraph CMD]

The sets (`benchmarks/data/dates_tolls_{dev,check}.jsonl`) are invented news passages in
wire style — datelines in several formats (with and without agency or year), dates relative
to the dateline ("on Tuesday", "a day earlier", "last week", "on the night of 16 July"), tolls
phrased many ways, and numbers that count no dead (addresses, ages, calibres, times, years).
Both halves were written together, before any code change; only `dev` may be looked at while
changing code (`--errors` prints dev mistakes only), `check` is scored, never read for tuning.

Each line carries `expected`: the publication date the document states (null when it states
none), the main event's date and ACLED time_precision, its fatalities / low / high by the
output contract, and for explosive vests or belts the sub-event type. The main event is the
first event `extract` prints (events are ordered by confidence).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
TOLL_KEYS = ("fatalities", "fatalities_low", "fatalities_high")


def extract(path: Path, claimgraph: list[str]) -> dict[str, dict[str, object]]:
    """Run `claimgraph extract` on one JSONL file and return its output by document id."""
    result = subprocess.run(
        [*claimgraph, "extract", str(path), "--format", "jsonl"],
        check=True,
        capture_output=True,
        text=True,
    )
    records = (json.loads(line) for line in result.stdout.splitlines() if line.strip())
    return {str(record["id"]): record for record in records}


def score(path: Path, claimgraph: list[str], show_errors: bool) -> dict[str, str]:
    """Score one set; print its mistakes when asked."""
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    output = extract(path, claimgraph)
    hits = {"published": 0, "date": 0, "fatalities": 0, "toll": 0, "sub_event_type": 0}
    totals = dict.fromkeys(hits, 0)
    for item in gold:
        expected = item["expected"]
        record = output.get(item["id"], {})
        events = record.get("events") or []
        top = events[0] if events else {}
        got = {
            "published": (record.get("document") or {}).get("published"),
            "date": (top.get("event_date"), top.get("time_precision")),
            "fatalities": top.get("fatalities"),
            "toll": tuple(top.get(k) for k in TOLL_KEYS),
            "sub_event_type": top.get("sub_event_type"),
        }
        want = {
            "published": expected["published"],
            "date": (expected["event_date"], expected["time_precision"]),
            "fatalities": expected["fatalities"],
            "toll": tuple(expected[k] for k in TOLL_KEYS),
            "sub_event_type": expected.get("sub_event_type"),
        }
        for key in hits:
            if key == "sub_event_type" and want[key] is None:
                continue
            totals[key] += 1
            if got[key] == want[key]:
                hits[key] += 1
            elif show_errors:
                print(f"  {item['id']} {key}: got {got[key]} want {want[key]}", file=sys.stderr)
    return {key: f"{hits[key]}/{totals[key]}" for key in hits}


def main() -> None:
    """Score the requested sets and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "check"], choices=["dev", "check"])
    parser.add_argument("--errors", action="store_true", help="print dev mistakes to stderr")
    parser.add_argument(
        "--claimgraph", default=str(Path(sys.executable).parent / "claimgraph"), help="command"
    )
    args = parser.parse_args()
    for name in args.sets:
        path = DATA / f"dates_tolls_{name}.jsonl"
        result = score(path, args.claimgraph.split(), args.errors and name == "dev")
        print(name, " ".join(f"{key}={value}" for key, value in result.items()))


if __name__ == "__main__":
    main()
