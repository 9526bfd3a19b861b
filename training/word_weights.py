"""Build claimgraph/data/word_logprob.tsv.gz: how common each English word is, for weighting words.

usage: pip install spacy-lookups-data==1.0.5 (in any venv; it is not a claimgraph dependency)
       python training/word_weights.py [--words 50000]

Source: spacy-lookups-data 1.0.5 (MIT licence), table en_lexeme_prob: natural-log word
probabilities spaCy estimated on a large general English corpus (not on any evaluation set of
ours). Kept: the most probable lower-case words of letters or digits, as "word<TAB>log p" with
two decimals. Corroboration weighs a word by how rare it is (`claimgraph.corroborate.weights`):
a victim's name or a street says more about which incident a report tells than "police".
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from importlib import resources
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "word_logprob.tsv.gz"
WORD = re.compile(r"^[a-z0-9]+$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    table = resources.files("spacy_lookups_data").joinpath("data", "en_lexeme_prob.json.gz")
    with table.open("rb") as raw:
        probs: dict[str, float] = json.loads(gzip.decompress(raw.read()))
    kept = sorted(
        ((w, p) for w, p in probs.items() if WORD.match(w)), key=lambda kv: (-kv[1], kv[0])
    )[: args.words]
    lines = "".join(f"{word}\t{logp:.2f}\n" for word, logp in kept)
    # mtime=0: the same table gives the same bytes on every machine
    with TARGET.open("wb") as out, gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(lines.encode())
    print(f"{len(kept)} words -> {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
