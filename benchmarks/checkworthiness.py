"""Check-worthiness through `claimgraph extract` on CheckThat! 2024 English, and its cost.

    python benchmarks/checkworthiness.py [--splits dev dev-test] [--heuristic] [--speed 100]
        [--check] [--update-baseline]

1. Quality, as users run it: each CT24 sentence becomes one document (shared/tools/
   cw_to_jsonl.py), `claimgraph extract --format jsonl` scores its claims, and shared/tools/
   score_cw.py counts a sentence Yes when any claim has check_worthiness >= 0.5; F1 of Yes.
   CT24 dev is where the model's settings were chosen; dev-test is never tuned on (the
   training script does not even score it), so its figure is the honest one. `--heuristic`
   also runs with CLAIMGRAPH_CHECKWORTHINESS_MODEL=heuristic (the scorer before the model).
2. Cost (`--speed N`): on the first N LGL articles > 400 characters, the claims `extract`
   finds are scored again in this process by the shipped model and by the heuristic, each
   claim as `extract` scores it; prints the model's load time and the milliseconds per
   document each scorer takes, so what the model adds per document.

`--check` exits 1 when a split's F1 falls more than the tolerance below
benchmarks/baseline_checkworthiness.json (which also pins the sha256 of each gold file, so a
changed test set is refused rather than compared); `--update-baseline` rewrites it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CT24 = SHARED / "data" / "dev" / "checkworthiness" / "CT24_english"
LGL = SHARED / "data" / "dev" / "geoparsing" / "lgl.xml"
TOOLS = SHARED / "tools"
CLI = str(Path(sys.executable).parent / "claimgraph")
BASELINE = Path(__file__).with_name("baseline_checkworthiness.json")
SCORE_LINE = re.compile(r"f1_yes=([\d.]+) p=([\d.]+) r=([\d.]+) n=(\d+)")


def gold_file(split: str) -> Path:
    """Return the CT24 TSV of a split (dev or dev-test; never the test split)."""
    return CT24 / f"CT24_checkworthy_english_{split}.tsv"


def sha256(path: Path) -> str:
    """Return the hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extract(corpus: Path, out: Path, scorer: str | None) -> None:
    """Run `claimgraph extract` on a JSONL corpus; scorer None is the shipped default."""
    env = dict(os.environ)
    env.pop("CLAIMGRAPH_CHECKWORTHINESS_MODEL", None)
    if scorer:
        env["CLAIMGRAPH_CHECKWORTHINESS_MODEL"] = scorer
    subprocess.run([CLI, "extract", str(corpus), "-q", "-o", str(out)], check=True, env=env)


def score_split(split: str, work: Path, scorer: str | None) -> dict[str, float]:
    """Return f1/p/r/n of one CT24 split through extract, as score_cw.py prints them."""
    corpus, out = work / f"{split}.jsonl", work / f"{split}.{scorer or 'model'}.out.jsonl"
    if not corpus.exists():
        converter = [sys.executable, str(TOOLS / "cw_to_jsonl.py")]
        subprocess.run(
            [*converter, "--tsv", str(gold_file(split)), "--out", str(corpus)],
            check=True,
            stderr=subprocess.DEVNULL,
        )
    extract(corpus, out, scorer)
    scorer_cmd = [sys.executable, str(TOOLS / "score_cw.py"), "--gold", str(gold_file(split))]
    printed = subprocess.run(
        [*scorer_cmd, "--pred", str(out)], check=True, capture_output=True, text=True
    ).stdout
    match = SCORE_LINE.search(printed.strip().splitlines()[-1])
    if match is None:
        raise SystemExit(f"score_cw.py printed no score line:\n{printed}")
    f1, p, r, n = match.groups()
    return {"f1_yes": float(f1), "p": float(p), "r": float(r), "n": int(n)}


def lgl_corpus(n: int, work: Path) -> tuple[list[str], Path]:
    """Write the first n LGL texts longer than 400 characters (whitespace collapsed) as JSONL."""
    raw = LGL.read_text(encoding="utf-8", errors="replace")
    texts = [
        re.sub(r"\s+", " ", t).strip()
        for t in re.findall(r"<text><!\[CDATA\[(.*?)\]\]></text>", raw, re.S)
    ]
    texts = [t for t in texts if len(t) > 400][:n]
    path = work / "lgl.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    return texts, path


def speed(n: int, work: Path) -> dict[str, float]:
    """Time both scorers on the claims extract finds in n LGL articles (ms per document)."""
    import spacy

    from claimgraph.model import Document
    from claimgraph.nlp import checkworthiness, extensions
    from claimgraph.nlp.modality import check_worthiness
    from claimgraph.nlp.pipeline import MODEL

    texts, corpus = lgl_corpus(n, work)
    out = work / "lgl.out.jsonl"
    extract(corpus, out, None)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load(MODEL)
    spans = []
    extensions.register_extensions()
    for text, record in zip(texts, records, strict=True):
        doc = nlp(text)
        doc._.document = Document(id=record["id"], text=text)  # as the pipeline sets it
        for claim in record.get("claims") or []:
            span = doc.char_span(claim["start"], claim["end"], alignment_mode="expand")
            if span is not None:
                spans.append((span, claim["speaker"]["type"], claim["modality"]))
    timings: dict[str, float] = {"documents": len(texts), "claims": len(spans)}
    for scorer in ("heuristic", "model"):
        os.environ.pop("CLAIMGRAPH_CHECKWORTHINESS_MODEL", None)
        if scorer == "heuristic":
            os.environ["CLAIMGRAPH_CHECKWORTHINESS_MODEL"] = "heuristic"
        checkworthiness.installed_model.cache_clear()
        started = time.perf_counter()
        checkworthiness.installed_model()
        loaded = time.perf_counter()
        for span, speaker_type, modality in spans:
            check_worthiness(span, speaker_type, modality)
        done = time.perf_counter()
        timings[f"{scorer}_load_s"] = round(loaded - started, 3)
        timings[f"{scorer}_ms_per_doc"] = round(1000 * (done - loaded) / len(texts), 3)
    os.environ.pop("CLAIMGRAPH_CHECKWORTHINESS_MODEL", None)
    checkworthiness.installed_model.cache_clear()
    timings["added_ms_per_doc"] = round(
        timings["model_ms_per_doc"] - timings["heuristic_ms_per_doc"], 3
    )
    return timings


def main() -> int:
    """Score the splits, time the scorers, and check against the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", nargs="+", default=["dev", "dev-test"])
    parser.add_argument("--heuristic", action="store_true", help="also score the heuristic")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="time on N articles")
    parser.add_argument("--check", action="store_true", help="exit 1 on a regression")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cg-checkworthiness-"))
    figures: dict[str, dict[str, float]] = {}
    for split in args.splits:
        for scorer in [None, "heuristic"] if args.heuristic else [None]:
            result = score_split(split, work, scorer)
            label = f"{split} ({scorer or 'shipped model'})"
            print(f"{label}: " + " ".join(f"{k}={v}" for k, v in result.items()), flush=True)
            if scorer is None:
                figures[split] = result
    if args.speed:
        timings = speed(args.speed, work)
        print("speed: " + " ".join(f"{k}={v}" for k, v in timings.items()))

    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    if args.update_baseline:
        baseline.setdefault("tolerance", 0.01)
        baseline["splits"] = {
            split: {"f1_yes": result["f1_yes"], "sha256": sha256(gold_file(split))}
            for split, result in figures.items()
        }
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")
    if not args.check:
        return 0
    failed = False
    for split, result in figures.items():
        pinned = baseline.get("splits", {}).get(split)
        if pinned is None:
            continue
        if pinned["sha256"] != sha256(gold_file(split)):
            print(f"REFUSED {split}: the gold file changed since the baseline was written")
            failed = True
        elif result["f1_yes"] < pinned["f1_yes"] - baseline["tolerance"]:
            print(f"REGRESSION {split}: f1_yes {result['f1_yes']} < baseline {pinned['f1_yes']}")
            failed = True
    print("check: " + ("failed" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
