"""Which documents are copies of one another (a wire story republished), by MinHash over shingles.

A syndicated copy is the same source, not a second one. Texts are compared on sets of
`SHINGLE_WORDS`-word shingles; MinHashLSH (datasketch) finds candidates in near-linear time
and the estimated Jaccard similarity decides. `THRESHOLD` 0.5: a republication with its own
headline, byline and boilerplate keeps well above it (0.8 or more), while two outlets
writing up the same police statement in their own words share far fewer 5-word runs (below
0.3 on gvc_train's multi-outlet incidents).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # datasketch pulls in scipy (0.3 s): loaded when first needed
    from datasketch import MinHash

SHINGLE_WORDS: Final = 5
NUM_PERM: Final = 128
THRESHOLD: Final = 0.5
SEED: Final = 1  # fixed, so signatures (and groups) are the same on every machine

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Return the set of word shingles of a text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    last = len(words) - SHINGLE_WORDS + 1
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(last)}


@lru_cache(maxsize=4096)
def signature(text: str) -> MinHash:
    """Return the MinHash signature of a text's shingles (cached: the store asks again for the
    texts of a neighbourhood as each new document arrives; callers must not update it)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles(text)))
    return minhash


def syndication_groups(
    texts: Mapping[str, str], threshold: float = THRESHOLD
) -> tuple[tuple[str, ...], ...]:
    """Return the documents grouped by copy (sorted ids, groups sorted; singletons included)."""
    return signature_groups({doc: text_signature(text) for doc, text in texts.items()}, threshold)


def text_signature(text: str) -> MinHash | None:
    """Return the signature of a text, None for a text without words (nobody's copy)."""
    return signature(text) if _WORD.search(text.casefold()) else None


def signature_groups(
    signatures: Mapping[str, MinHash | None], threshold: float = THRESHOLD
) -> tuple[tuple[str, ...], ...]:
    """Return the documents grouped by copy, from their `text_signature`s (see
    `syndication_groups`): the store keeps the signatures of a batch's documents."""
    ids = sorted(signatures)
    parent = {doc: doc for doc in ids}

    def find(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    from datasketch import MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=_bands(threshold))
    kept: dict[str, MinHash] = {}
    for doc in ids:
        sig = signatures[doc]
        if sig is None:
            continue
        for other in lsh.query(sig):
            if sig.jaccard(kept[other]) >= threshold:
                a, b = find(doc), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(doc, sig)
        kept[doc] = sig
    groups: dict[str, list[str]] = {}
    for doc in ids:
        groups.setdefault(find(doc), []).append(doc)
    return tuple(sorted(tuple(group) for group in groups.values()))


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """Return the LSH (bands, rows) for a threshold: datasketch integrates for them on each
    index it builds, which cost more than the comparisons for a store's small neighbourhoods."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def group_of(groups: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """Return document id -> its group's name (the group's smallest id)."""
    return {doc: group[0] for group in groups for doc in group}
