"""Weigh a document's words by how rare they are in English, for telling incidents apart.

Two reports of one shooting share the victim's name, the street and the block number; two
reports of different shootings share "police", "shot" and "killed". A word's weight is how
unlikely it is in general English (`data/word_logprob.tsv.gz`, built by
`training/word_weights.py` from spacy-lookups-data's en_lexeme_prob, a general corpus,
never our evaluation data), less `COMMON_LOGP`, so the commonest words weigh nothing; a
word not in the table (names, rare places) weighs as much as the rarest listed word.
A document's profile is its words' weights times 1 + log of their count, scaled to unit
length, so the cosine of two profiles is in [0, 1].
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from functools import cache, lru_cache
from typing import Final

from claimgraph.data_files import data_path

# Words at least this probable (natural log) weigh nothing: "the" is -3.5, "police" -9.2,
# "shooting" -10.0, "chicago" -13.4, the table's rarest -16.0. Calibrated on the even-index
# incidents of gvc_train (benchmarks/corroboration.py): -6 scored 0.01 above -8 and -10.
COMMON_LOGP: Final = -6.0
_WORD = re.compile(r"[a-z0-9]+")


@cache
def _table() -> tuple[dict[str, float], float]:
    """Return word -> log probability, and the rarest listed word's log probability."""
    with gzip.open(data_path("word_logprob.tsv.gz"), "rt", encoding="utf-8") as lines:
        table = {word: float(logp) for word, logp in (line.split("\t") for line in lines)}
    return table, min(table.values())


def word_weight(word: str) -> float:
    """Return how much a lower-case word says about which incident a text tells (0 for "the")."""
    table, rarest = _table()
    return max(0.0, COMMON_LOGP - table.get(word, rarest))


@lru_cache(maxsize=4096)
def profile(text: str) -> dict[str, float]:
    """Return a text's weighted words, scaled to unit length (empty for a text of common words).

    Cached: the store asks again for a neighbourhood's texts as each document arrives;
    callers must not change the returned mapping."""
    counts = Counter(w for w in _WORD.findall(text.lower()) if len(w) > 1)
    weights = {w: word_weight(w) * (1.0 + math.log(n)) for w, n in counts.items()}
    weights = {w: x for w, x in weights.items() if x > 0}
    norm = math.sqrt(sum(x * x for x in weights.values()))
    return {w: x / norm for w, x in weights.items()} if norm else {}
