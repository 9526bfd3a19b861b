"""Score the places component on the LGL and TR-News dev corpora and report documents/s.

Runs only the spaCy model plus places_v1 (not the full extract), writes predictions JSONL
({"id", "places": [...]}) and scores them with the shared scorer. Usage:

    python benchmarks/geoparse.py [--shared /work/shared] [--out /tmp/geoparse] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import spacy

import claimgraph.nlp.places  # noqa: F401  (registers places_v1)
from claimgraph.gazetteer.build import ensure_gazetteer
from claimgraph.nlp.extensions import register_extensions
from claimgraph.nlp.pipeline import MODEL

CORPORA = {"lgl": "lgl.xml", "tr": "TR-News.xml"}


def convert(shared: Path, fmt: str, out: Path) -> Path:
    """Turn a gold XML into input JSONL with the shared converter."""
    target = out / f"{fmt}.in.jsonl"
    gold = shared / "data/dev/geoparsing" / CORPORA[fmt]
    command = [sys.executable, str(shared / "tools/geo_to_jsonl.py"), "--gold", str(gold)]
    subprocess.run(
        [*command, "--out", str(target), "--format", fmt, "--check", "0"],
        check=True,
        capture_output=True,
    )
    return target


def predict(
    nlp: spacy.Language, inputs: Path, output: Path, limit: int | None
) -> tuple[int, float]:
    """Write predictions for every input document; return (documents, seconds)."""
    rows = [
        json.loads(line) for line in inputs.read_text(encoding="utf-8").split("\n") if line.strip()
    ]
    rows = rows[:limit] if limit else rows
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as handle:
        for row, doc in zip(rows, nlp.pipe(row["text"] for row in rows), strict=True):
            places = [asdict(p) for p in doc._.places]
            handle.write(json.dumps({"id": row["id"], "places": places}) + "\n")
    return len(rows), time.perf_counter() - started


def bare_speed(rows: list[str]) -> float:
    """Return documents/s of a bare nlp.pipe pass of the model."""
    nlp = spacy.load(MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe(rows):
        pass
    return len(rows) / (time.perf_counter() - started)


def main() -> None:
    """Run the benchmark on both corpora and print the scorer's last line for each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/geoparse"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    register_extensions()
    ensure_gazetteer()  # build outside the timed part
    nlp = spacy.load(MODEL)
    nlp.add_pipe("places_v1")
    for fmt, gold in CORPORA.items():
        inputs = convert(args.shared, fmt, args.out)
        predictions = args.out / f"{fmt}.pred.jsonl"
        count, seconds = predict(nlp, inputs, predictions, args.limit)
        texts = [
            json.loads(line)["text"]
            for line in inputs.read_text(encoding="utf-8").split("\n")
            if line.strip()
        ]
        bare = bare_speed(texts[:count])
        scorer = [sys.executable, str(args.shared / "tools/score_geo.py"), "--gold"]
        scorer += [str(args.shared / "data/dev/geoparsing" / gold), "--pred", str(predictions)]
        result = subprocess.run(
            [*scorer, "--format", fmt, "--errors-out", str(args.out / f"{fmt}.errors.jsonl")],
            capture_output=True,
            text=True,
        )
        last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
        print(
            f"{fmt}: {last} docs/s={count / seconds:.1f} bare_docs/s={bare:.1f} "
            f"ratio={count / seconds / bare:.2f}"
        )


if __name__ == "__main__":
    main()
