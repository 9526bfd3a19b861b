"""Cross-document clustering on invented conflict reports from several outlets (xdoc_conflict).

usage: .venv/bin/python benchmarks/corroboration_conflict.py [--events all|main] [--store]
       [--errors N] [--no-baseline]

Runs `claimgraph extract` on benchmarks/data/xdoc_conflict.jsonl (65 reports of 18
incidents in Pakistan, Afghanistan, Iran, Iraq and Russia: wires, national papers,
aggregators, republications, hedged analysis, official statements; see
xdoc_conflict.README.md), clusters the events the way benchmarks/corroboration.py does for
gvc_train (its `views_of`, `cluster` with syndication groups; `--store` through `Store.add`)
and scores the assertions with ../shared/tools/score_xdoc.py against the incident ids:
pairwise and B-cubed F1, toll range holding the killed count. Then, per kind of report, how
many documents sit in their incident's main cluster and how many share a cluster with another
incident, and the TF-IDF baseline: cosine of whole documents (title + text; raw counts,
smoothed idf, l2, as scikit-learn's TfidfVectorizer defaults), single-link at every threshold
0.01-0.99, the best pairwise F1 and its threshold.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from corroboration import ROOT, SCORER, report, stored_assertions, write_clusters

DATA = ROOT / "benchmarks" / "data" / "xdoc_conflict.jsonl"
WORK = Path(tempfile.gettempdir()) / "claimgraph-corroboration" / "conflict"
KINDS = ("wire", "national", "aggregator", "republication", "analysis", "statement")


def load(data: Path = DATA) -> list[dict[str, Any]]:
    """Return the reports of a set."""
    return [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line]


def gold_of(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the set as a score_xdoc.py gold object (incidents with their killed counts)."""
    incidents: dict[str, dict[str, Any]] = {}
    for r in reports:
        incidents.setdefault(r["incident"], {"killed": r.get("killed")})
    return {"doc_incident": {r["id"]: r["incident"] for r in reports}, "incidents": incidents}


def extract(reports: list[dict[str, Any]], claimgraph: str) -> list[dict[str, Any]]:
    """Return claimgraph's output rows for the reports (only what an outlet publishes goes in)."""
    WORK.mkdir(parents=True, exist_ok=True)
    source, out = WORK / "docs.jsonl", WORK / "extract.jsonl"
    keys = ("id", "title", "text", "published", "outlet")
    with source.open("w", encoding="utf-8") as f:
        for r in reports:
            f.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
    command = [claimgraph, "extract", str(source)]
    command += ["--format", "jsonl", "--text", "-q", "-o", str(out)]
    subprocess.run(command, check=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]


def score(gold: dict[str, Any], assertions_path: Path, errors: int) -> dict[str, Any]:
    """Return score_xdoc.py's numbers; print its list of merges and splits when asked."""
    gold_path = WORK / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    command = [sys.executable, str(SCORER), str(gold_path), str(assertions_path), "--json"]
    command += ["--errors", str(errors)] if errors else []
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stdout.strip().splitlines()
    for line in lines:
        if line.startswith(("merged:", "split:")):
            print("  " + line)
    out: dict[str, Any] = json.loads(lines[-1])
    out["incidents"], out["documents"] = len(gold["incidents"]), len(gold["doc_incident"])
    return out


def labels(reports: list[dict[str, Any]], clusters: list[list[str]]) -> dict[str, int]:
    """Each document's cluster as score_xdoc.py picks it: the largest listing it, then the first."""
    known = {r["id"] for r in reports}
    best: dict[str, int] = {}
    for i, docs in enumerate(clusters):
        for d in set(docs) & known:
            if d not in best or len(set(clusters[best[d]]) & known) < len(set(docs) & known):
                best[d] = i
    singles = len(clusters)
    for r in reports:
        if r["id"] not in best:
            best[r["id"]], singles = singles, singles + 1
    return best


def by_kind(reports: list[dict[str, Any]], clusters: list[list[str]]) -> None:
    """Per kind: documents in their incident's main cluster, and in a cluster mixing incidents."""
    label = labels(reports, clusters)
    incident = {r["id"]: r["incident"] for r in reports}
    members: dict[int, set[str]] = defaultdict(set)
    for d, c in label.items():
        members[c].add(incident[d])
    main = {}
    for inc in {r["incident"] for r in reports}:
        counts = Counter(label[r["id"]] for r in reports if r["incident"] == inc)
        main[inc] = max(counts, key=lambda c: (counts[c], -c))
    total: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    mixed: Counter[str] = Counter()
    for r in reports:
        total[r["kind"]] += 1
        joined[r["kind"]] += label[r["id"]] == main[r["incident"]]
        mixed[r["kind"]] += len(members[label[r["id"]]]) > 1
    print("by kind (in its incident's main cluster / in a cluster holding another incident):")
    for kind in KINDS:
        if total[kind]:
            print(f"  {kind:13s} {joined[kind]:2d}/{total[kind]:2d} joined, {mixed[kind]:2d} mixed")


def sources(reports: list[dict[str, Any]], assertions: list[dict[str, Any]]) -> None:
    """Per incident: its main assertion's documents, independent sources and toll range."""
    print("per incident (main assertion: documents of the incident / all, sources, toll range):")
    for inc in sorted({r["incident"] for r in reports}):
        docs = {r["id"] for r in reports if r["incident"] == inc}
        kinds = Counter(r["kind"] for r in reports if r["incident"] == inc)
        killed = next(r.get("killed") for r in reports if r["incident"] == inc)
        hits = [a for a in assertions if docs & set(a["documents"])]
        if not hits:
            print(f"  {inc}: no assertion")
            continue
        a = max(hits, key=lambda a: (len(docs & set(a["documents"])), -len(a["documents"])))
        kind_list = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        low, high = a.get("fatalities_low"), a.get("fatalities_high")
        print(
            f"  {inc}: {len(docs & set(a['documents']))}/{len(docs)} docs "
            f"(+{len(set(a['documents']) - docs)} other), "
            f"sources {a.get('independent_sources')}, toll {low}-{high} (gold {killed}); "
            f"[{kind_list}]"
        )


def scorer_module() -> Any:
    """Return score_xdoc.py loaded as a module (the baseline is scored in process)."""
    spec = importlib.util.spec_from_file_location("score_xdoc", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tfidf_cosines(reports: list[dict[str, Any]]) -> np.ndarray:
    """Cosine of TF-IDF vectors of whole documents (title + text), TfidfVectorizer's defaults."""
    token = re.compile(r"(?u)\b\w\w+\b")
    docs = [Counter(token.findall(f"{r['title']}\n{r['text']}".lower())) for r in reports]
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*docs)))}
    counts = np.zeros((len(docs), len(vocabulary)))
    for i, doc in enumerate(docs):
        for w, n in doc.items():
            counts[i, vocabulary[w]] = n
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    weights = counts * idf
    weights /= np.linalg.norm(weights, axis=1, keepdims=True)
    return np.asarray(weights @ weights.T)


def single_link(similarity: np.ndarray, threshold: float) -> list[int]:
    """Connected components of the pairs at or above the threshold."""
    parent = list(range(len(similarity)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(similarity >= threshold, 1)), strict=True):
        parent[root(int(i))] = root(int(j))
    return [root(i) for i in range(len(similarity))]


def baseline(reports: list[dict[str, Any]], gold: dict[str, Any]) -> None:
    """Print the TF-IDF single-link baseline at its best threshold (by pairwise F1)."""
    scorer = scorer_module()
    similarity = tfidf_cosines(reports)
    ids = [r["id"] for r in reports]
    best: tuple[float, float, dict[str, Any]] | None = None
    for step in range(1, 100):
        threshold = step / 100
        groups: dict[int, set[str]] = defaultdict(set)
        for d, c in zip(ids, single_link(similarity, threshold), strict=True):
            groups[c].add(d)
        events = [
            {"i": i, "docs": docs, "size": len(docs), "obj": {}}
            for i, docs in enumerate(groups.values())
        ]
        out, _ = scorer.score(gold["doc_incident"], {}, events)
        if best is None or out["pairwise_f1"] > best[0] + 1e-12:
            best = (out["pairwise_f1"], threshold, out)
    assert best is not None
    f1, threshold, out = best
    print(
        f"TF-IDF single-link, best threshold {threshold:.2f}: "
        f"pairwise P {out['pairwise_p']:.3f} R {out['pairwise_r']:.3f} F1 {f1:.3f}; "
        f"B-cubed F1 {out['bcubed_f1']:.3f}; clusters {out['n_pred_clusters']}"
    )
    same = np.array([[a["incident"] == b["incident"] for b in reports] for a in reports])
    upper = np.triu(np.ones_like(same, dtype=bool), 1)
    inside, across = similarity[same & upper], similarity[~same & upper]
    print(
        f"TF-IDF cosine: same-incident pairs median {np.median(inside):.3f} "
        f"(min {inside.min():.3f}), other pairs median {np.median(across):.3f} "
        f"(max {across.max():.3f}); other pairs above the lowest same-incident one: "
        f"{int((across >= inside.min()).sum())} of {across.size}"
    )
    if not math.isfinite(f1):
        raise SystemExit("baseline failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", choices=("main", "all"), default="all")
    parser.add_argument("--store", action="store_true", help="cluster through Store.add")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N merges/splits")
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline")
    parser.add_argument("--baseline-only", action="store_true", help="only the TF-IDF baseline")
    parser.add_argument("--data", type=Path, default=DATA, help="another set of that format")
    parser.add_argument(
        "--claimgraph",
        default=str(ROOT / ".venv" / "bin" / "claimgraph"),
        help="the claimgraph command to run (e.g. another checkout's, to compare)",
    )
    args = parser.parse_args()
    reports = load(args.data)
    gold = gold_of(reports)
    if args.baseline_only:
        baseline(reports, gold)
        return
    rows = extract(reports, args.claimgraph)
    if args.store:
        path = WORK / "assertions.store.jsonl"
        count = stored_assertions(rows, path, reverse=False)
        print(f"documents {len(rows)}, stored assertions {count}")
    else:
        path = WORK / f"assertions.{args.events}.jsonl"
        views, _, groups = write_clusters(rows, args.events, path)
        copies = [sorted(g) for g in groups if len(g) > 1]
        print(
            f"documents {len(rows)}, events clustered {len(views)} ({args.events}), "
            f"syndication groups {copies}"
        )
    assertions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    report("conflict", score(gold, path, args.errors))
    by_kind(reports, [a["documents"] for a in assertions])
    sources(reports, assertions)
    if not args.no_baseline:
        baseline(reports, gold)


if __name__ == "__main__":
    main()
