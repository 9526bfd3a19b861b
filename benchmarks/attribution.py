"""Run spaCy + attribution_v1 over articles in JSONL and write their claims for score_attrib.py.

Usage:
    python3 /work/shared/tools/attrib_to_jsonl.py --dir DEV_DIR --out /tmp/attr_in.jsonl --verify
    python benchmarks/attribution.py /tmp/attr_in.jsonl /tmp/attr_pred.jsonl
    python3 /work/shared/tools/score_attrib.py --gold DEV_DIR --pred /tmp/attr_pred.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

import spacy

import claimgraph.nlp.attribution  # noqa: F401  (registers attribution_v1)
from claimgraph.model import Claim, Document
from claimgraph.nlp.extensions import register_extensions
from claimgraph.nlp.pipeline import MODEL


def claim_to_json(claim: Claim) -> dict[str, object]:
    """Serialise a claim with the contract's field names."""
    return dataclasses.asdict(claim)


def main() -> None:
    """Read articles, extract claims, write one JSON line per article."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    register_extensions()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("attribution_v1")
    lines = args.input.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    docs = []
    for row in rows:
        doc = nlp.make_doc(row["text"])
        doc._.document = Document(id=row["id"], text=row["text"], author=row.get("author"))
        docs.append(doc)
    began = time.perf_counter()
    with args.output.open("w", encoding="utf-8") as out:
        for row, doc in zip(rows, nlp.pipe(docs), strict=True):
            claims = [claim_to_json(c) for c in doc._.claims]
            out.write(json.dumps({"id": row["id"], "claims": claims}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - began
    print(f"{len(rows)} articles in {seconds:.1f}s -> {args.output}")


if __name__ == "__main__":
    main()
