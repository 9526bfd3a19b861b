"""Measure genre_v1 on real reporting: how often news comes out as opinion, and the reverse.

Runs the whole pipeline (genre reads claims and rhetoric) on the text alone, as a user runs
`claimgraph extract file.txt` (no URL, title or outlet to read a section from), over:

- LGL: news articles from local US outlets (`geoparsing/lgl.xml`), the first `--lgl` of them;
  all are news, so every "opinion" is a false one;
- PolNeAR dev: political news (`polnear_attribution`, through
  `shared/tools/attrib_to_jsonl.py`), also news;
- PTC (SemEval-2020 task 11 train articles): news and opinion from partisan sites, unlabelled;
  with `--ptc-labels` (a TSV of article id and news|opinion|ambiguous, labelled by reading the
  opening of each article before any change was tuned) the labelled ones are scored;
- `--opinion` files: texts that must come out as opinion (the bundled sample, the seed).

Usage:
    python benchmarks/genre.py [--shared /work/shared] [--lgl 300] [--polnear attr_in.jsonl]
        [--lgl-skip 300] [--polnear-labels labels.tsv] [--ptc-labels labels.tsv]
        [--opinion FILE ...] [--errors] [--no-ptc]
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from claimgraph.model import Document
from claimgraph.nlp.pipeline import extract_records

Item = tuple[str, str, str]  # id, text, expected genre ("" when unknown)


def read_labels(path: Path | None) -> dict[str, str]:
    """Read a TSV of document id and news|opinion|ambiguous."""
    if path is None:
        return {}
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, label = line.split("\t")
            labels[name] = label if label in ("news", "opinion") else "ambiguous"
    return labels


def lgl_items(shared: Path, limit: int, skip: int = 0) -> list[Item]:
    """Return `limit` LGL articles after the first `skip` (all news)."""
    root = ET.parse(shared / "data/dev/geoparsing/lgl.xml").getroot()
    items = []
    for article in list(root.iter("article"))[skip : skip + limit]:
        text = article.findtext("text") or ""
        items.append((f"lgl:{article.get('docid')}", text, "news"))
    return items


def polnear_items(path: Path | None, labels: Path | None) -> list[Item]:
    """Return the PolNeAR dev articles written by attrib_to_jsonl.py, news unless labelled.

    PolNeAR samples political coverage, so it holds letters, columns and editorials too.
    """
    if path is None:
        return []
    known = read_labels(labels)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(f"polnear:{row['id']}", row["text"], known.get(row["id"], "news")) for row in rows]


def ptc_items(shared: Path, labels: Path | None) -> list[Item]:
    """Return every PTC train article, with its label where `labels` gives one."""
    folder = shared / "data/dev/ptc_semeval2020_task11/datasets/train-articles"
    known = read_labels(labels)
    return [
        (f"ptc:{path.stem}", path.read_text(encoding="utf-8"), known.get(path.stem, ""))
        for path in sorted(folder.glob("*.txt"))
    ]


def report(
    name: str, items: list[Item], genres: dict[str, tuple[str, tuple[str, ...]]], errors: bool
) -> None:
    """Print the genre counts of a set and, where labels exist, the confusion."""
    counts = Counter(genres[i][0] for i, _, _ in items)
    print(
        f"{name}: {len(items)} documents: " + ", ".join(f"{g} {n}" for g, n in counts.most_common())
    )
    labelled = [(i, e) for i, _, e in items if e in ("news", "opinion")]
    for expected in ("news", "opinion"):
        ids = [i for i, e in labelled if e == expected]
        if not ids:
            continue
        as_opinion = sum(genres[i][0] == "opinion" for i in ids)
        right = sum(genres[i][0] == expected for i in ids)
        print(
            f"  labelled {expected}: {len(ids)}; as expected {right} ({right / len(ids):.3f});"
            f" called opinion {as_opinion} ({as_opinion / len(ids):.3f})"
        )
        if errors:
            for i in ids:
                if genres[i][0] != expected:
                    print(f"    {i}: {genres[i][0]} {list(genres[i][1])[:4]}")


def main() -> None:
    """Run the pipeline over every set and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument("--lgl", type=int, default=300)
    parser.add_argument("--lgl-skip", type=int, default=0, help="start after this many")
    parser.add_argument("--polnear", type=Path)
    parser.add_argument("--polnear-labels", type=Path)
    parser.add_argument("--ptc-labels", type=Path)
    parser.add_argument("--no-ptc", action="store_true")
    parser.add_argument("--opinion", type=Path, nargs="*", default=[])
    parser.add_argument("--errors", action="store_true", help="list the documents gotten wrong")
    parser.add_argument("--out", type=Path, help="write id, genre and evidence as JSONL")
    args = parser.parse_args()
    sets = {
        "opinion files": [
            (f"file:{p.name}", p.read_text(encoding="utf-8"), "opinion") for p in args.opinion
        ],
        "LGL": lgl_items(args.shared, args.lgl, args.lgl_skip),
        "PolNeAR dev": polnear_items(args.polnear, args.polnear_labels),
        "PTC train": [] if args.no_ptc else ptc_items(args.shared, args.ptc_labels),
    }
    documents = [Document(id=i, text=t) for items in sets.values() for i, t, _ in items]
    genres = {r.document.id: (r.genre, r.genre_evidence) for r in extract_records(documents)}
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for key, (genre, evidence) in genres.items():
                out.write(json.dumps({"id": key, "genre": genre, "evidence": evidence}) + "\n")
    for name, items in sets.items():
        if items:
            report(name, items, genres, args.errors)


if __name__ == "__main__":
    main()
