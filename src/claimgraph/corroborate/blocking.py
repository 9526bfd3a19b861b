"""Candidate pairs by date bucket and country, so events are never compared all against all.

An event's date window (see `claimgraph.identity.date_window`) covers one or more buckets of
`BUCKET_DAYS`; two events are candidates when they share a bucket and a country (an event
with no country meets every country of its buckets). Windows that overlap always share a
bucket, so blocking never hides a pair `same_incident` would accept on dates. Events with no
date and no publication date meet only other undated events of their country.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from typing import Final

from claimgraph.identity import EventView, date_window

# Bucket width: a week, about the widest common window (precision 1 with slack is 5 days),
# so a typical event sits in one or two buckets.
BUCKET_DAYS: Final = 7
UNDATED: Final = -1
NO_COUNTRY: Final = "?"


def buckets(view: EventView) -> range:
    """Return the date buckets an event's window covers (UNDATED alone when it has none)."""
    window = date_window(view)
    if window is None:
        return range(UNDATED, UNDATED + 1)
    return range(window[0].toordinal() // BUCKET_DAYS, window[1].toordinal() // BUCKET_DAYS + 1)


def country(view: EventView) -> str:
    """Return the event's country code, or NO_COUNTRY."""
    location = view.event.location
    return (location.country_code if location else None) or NO_COUNTRY


class BlockIndex:
    """Items (any hashable key, e.g. a cluster number) filed under the blocks of their events."""

    def __init__(self) -> None:
        self._cells: defaultdict[int, defaultdict[str, list[Hashable]]] = defaultdict(
            lambda: defaultdict(list)
        )

    def add(self, item: Hashable, view: EventView) -> None:
        """File an item under every block of this event."""
        code = country(view)
        for bucket in buckets(view):
            self._cells[bucket][code].append(item)

    def candidates(self, view: EventView) -> list[Hashable]:
        """Return the items sharing a block with this event, each once, in filing order."""
        code = country(view)
        seen: dict[Hashable, None] = {}
        for bucket in buckets(view):
            cell = self._cells.get(bucket)
            if not cell:
                continue
            if code == NO_COUNTRY:
                lists = list(cell.values())
            else:
                lists = [cell.get(code, []), cell.get(NO_COUNTRY, [])]
            for items in lists:
                for item in items:
                    seen.setdefault(item, None)
        return list(seen)


def candidate_pairs(views: Sequence[EventView]) -> Iterator[tuple[int, int]]:
    """Yield (i, j), i < j, for every pair of events sharing a block; each pair once."""
    index = BlockIndex()
    for j, view in enumerate(views):
        for i in index.candidates(view):
            assert isinstance(i, int)
            yield i, j
        index.add(j, view)
