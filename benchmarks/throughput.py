"""Time `extract` against one bare `nlp.pipe` pass of the same spaCy model over the same texts.

    python benchmarks/throughput.py [--corpus ../shared/data/dev/geoparsing/lgl.xml] [--limit 300]

Both passes get the same texts in the same process; model loading is timed apart. The
extract pass runs the whole main job after reading: every claimgraph component, harvest and
JSON serialisation of the output contract. Issue 2's bar: extract >= 0.5x the bare pass.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import spacy

from claimgraph.export.jsonl import write_jsonl
from claimgraph.gazetteer.build import ensure_gazetteer
from claimgraph.model import Document
from claimgraph.nlp.pipeline import MODEL, analyse, load_pipeline
from claimgraph.read.language import detect_language

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/dev/geoparsing/lgl.xml"


def read_texts(corpus: Path, limit: int) -> list[str]:
    """Return the article texts of a geoparsing corpus (LGL / TR-News XML)."""
    root = ET.parse(corpus).getroot()
    texts = [article.findtext("text") or "" for article in root.iter("article")]
    return [t for t in texts if t.strip()][:limit]


def main() -> None:
    """Run both passes and print docs/s for each and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    texts = read_texts(args.corpus, args.limit)
    chars = sum(len(t) for t in texts)

    start = time.perf_counter()
    bare = spacy.load(MODEL)
    bare_load = time.perf_counter() - start
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    bare_time = time.perf_counter() - start

    ensure_gazetteer()  # build outside the timed part
    start = time.perf_counter()
    nlp = load_pipeline()
    extract_load = time.perf_counter() - start
    documents = [
        Document(
            id=str(i),
            text=t,
            sha256=hashlib.sha256(t.encode()).hexdigest(),
            language=detect_language(t),
        )
        for i, t in enumerate(texts)
    ]
    start = time.perf_counter()
    write_jsonl(analyse(nlp, documents), io.StringIO())
    extract_time = time.perf_counter() - start

    n = len(texts)
    print(f"corpus={args.corpus.name} docs={n} chars={chars}")
    print(f"load: bare={bare_load:.2f}s extract={extract_load:.2f}s")
    print(f"bare nlp.pipe: {bare_time:.2f}s {n / bare_time:.1f} docs/s")
    print(f"extract:       {extract_time:.2f}s {n / extract_time:.1f} docs/s")
    print(f"ratio={bare_time / extract_time:.3f} (extract throughput / bare throughput; bar 0.5)")


if __name__ == "__main__":
    main()
