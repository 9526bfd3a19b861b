"""What corroborating one document leaves for the next ones a store adds in the same process.

A stored event, its evidence and its document are never updated, so the EventView built from
them, the MinHash signature of the document's text and the similarity of two events stay true
for as long as the rows exist. Re-clustering a neighbourhood as each document arrives asks for
the same views and scores again and again; remembering them makes each document cost about
its own new comparisons. Which assertion an event belongs to does change, and is always read
from the store. Only speed depends on what is remembered: past a limit the oldest entries are
dropped, and `clear` (after a failed transaction) forgets everything.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Final, TypeVar

from claimgraph.identity import EventView, incident_similarity

if TYPE_CHECKING:
    from datasketch import MinHash

_K = TypeVar("_K")
_V = TypeVar("_V")

# Bounds that keep a long ingest's memory flat: a view shares its document's word profile
# (a few kB), a signature is about 3 kB, a score under 200 bytes.
MAX_VIEWS: Final = 20_000
MAX_SIGNATURES: Final = 10_000
MAX_SCORES: Final = 1_000_000


class Memory:
    """Views, signatures and similarity scores of stored events, by event or document id."""

    def __init__(self) -> None:
        self.views: dict[str, EventView] = {}
        self.signatures: dict[str, MinHash | None] = {}
        self.scores: dict[tuple[str, str], float] = {}

    def similarity(self, a: EventView, b: EventView) -> float:
        """Return `incident_similarity(a, b)`, computed once per ordered pair of events."""
        key = (a.event.id, b.event.id)
        score = self.scores.get(key)
        if score is None:
            score = self.scores[key] = incident_similarity(a, b)
        return score

    def trim(self) -> None:
        """Drop the oldest entries past the bounds (call between documents, not during one)."""
        _trim(self.views, MAX_VIEWS)
        _trim(self.signatures, MAX_SIGNATURES)
        _trim(self.scores, MAX_SCORES)

    def clear(self) -> None:
        """Forget everything (a transaction that failed may have been remembered in part)."""
        self.views.clear()
        self.signatures.clear()
        self.scores.clear()


def _trim(entries: dict[_K, _V], limit: int) -> None:
    if len(entries) > limit:
        for key in list(islice(entries, len(entries) - limit // 2)):
            del entries[key]
