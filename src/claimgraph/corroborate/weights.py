"""Weigh a document's words by how rare they are in English, for telling incidents apart.

A word's weight is `claimgraph.rarity.word_weight` (how unlikely it is in general English).
A document's profile is its words' weights times 1 + log of their count, scaled to unit
length, so the cosine of two profiles is in [0, 1].
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Final

from claimgraph.rarity import COMMON_LOGP, word_weight

__all__ = ["COMMON_LOGP", "profile", "word_weight"]

_WORD: Final = re.compile(r"[a-z0-9]+")


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
