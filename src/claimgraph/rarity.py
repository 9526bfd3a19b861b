"""How rare a word is in general English: what it says about which incident a text tells.

Two reports of one shooting share the victim's name, the street and the block number; two
reports of different shootings share "police", "shot" and "killed". A word's weight is how
unlikely it is in general English (`data/word_logprob.tsv.gz`, built by
`training/word_weights.py` from spacy-lookups-data's en_lexeme_prob, a general corpus,
never our evaluation data), less `COMMON_LOGP`, so the commonest words weigh nothing; a
word not in the table (names, rare places) weighs as much as the rarest listed word.
Used by `claimgraph.identity` (evidence overlap) and `claimgraph.corroborate.weights`
(document profiles).
"""

from __future__ import annotations

import gzip
from functools import cache
from typing import Final

from claimgraph.data_files import data_path

# Words at least this probable (natural log) weigh nothing: "the" is -3.5, "police" -9.2,
# "shooting" -10.0, "chicago" -13.4, the table's rarest -16.0. Calibrated on the even-index
# incidents of gvc_train (benchmarks/corroboration.py): -6 scored 0.01 above -8 and -10
# (document profiles); with the weighted evidence overlap too, -5 / -7 / -8 scored
# 0.004-0.010 below -6.
COMMON_LOGP: Final = -6.0


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
