"""Candidate pairs by date bucket and country, so events are never compared all against all.

An event's date window (see `claimgraph.identity.date_window`) covers one or more buckets of
`BUCKET_DAYS`; two events are candidates when they share a bucket and a country (an event
with no country meets every country of its buckets) and, when both are placed precisely,
neighbouring grid cells. Windows that overlap always share a
bucket, so blocking never hides a pair `same_incident` would accept on dates. Events with no
date and no publication date meet only other undated events of their country.
Events whose documents share one of their `RARE_WORDS` heaviest words (a victim's name, a
street: see `claimgraph.corroborate.weights`) also meet in their date bucket, wherever they
were placed, even in another country: geocoding of local news is often wrong ("Cedros,
Honduras" for a street in San Antonio), and identity links far places on near-same text.
Rare words are rare, so this adds few pairs.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Final

from claimgraph.identity import EventView, date_window

# Bucket width: a week, about the widest common window (precision 1 with slack is 5 days),
# so a typical event sits in one or two buckets.
BUCKET_DAYS: Final = 7
# Grid cell of precisely placed events: 1 degree (~111 km north-south) is wider than the
# widest reach (100 km at geo precision 2), so a cell and its neighbours hold every place
# in reach. Places farther apart are never compared (identity would link them only on
# near-same evidence, as a geocoding error).
GRID_DEGREES: Final = 1.0
# Heaviest profile words an event is also filed under. gvc_train even half (corroborate.cluster):
# pairwise F1 0.864 keyed by country too, 0.884 across countries.
RARE_WORDS: Final = 4
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


def grid_cell(view: EventView) -> tuple[int, int] | None:
    """Return the GRID_DEGREES cell of a precisely placed event, None for coarse or unplaced."""
    location = view.event.location
    if location is None or location.geo_precision > 2:
        return None
    if location.latitude is None or location.longitude is None:
        return None
    return int(location.latitude // GRID_DEGREES), int(location.longitude // GRID_DEGREES)


class BlockIndex:
    """Items (any hashable key, e.g. a cluster number) filed under the blocks of their events.

    Within a date bucket and country, precisely placed events (geo precision 1-2 with
    coordinates) also sit in a grid cell and meet only their own and the 8 neighbouring
    cells; coarse or unplaced events meet the whole country.
    """

    def __init__(self) -> None:
        self._cells: dict[int, dict[str, dict[tuple[int, int] | None, list[Hashable]]]] = {}
        self._words: dict[tuple[int, str], list[Hashable]] = {}

    def add(self, item: Hashable, view: EventView) -> None:
        """File an item under every block of this event."""
        code, cell, words = country(view), grid_cell(view), rare_words(view)
        for bucket in buckets(view):
            grids = self._cells.setdefault(bucket, {}).setdefault(code, {})
            grids.setdefault(cell, []).append(item)
            for word in words:
                self._words.setdefault((bucket, word), []).append(item)

    def candidates(self, view: EventView) -> list[Hashable]:
        """Return the items sharing a block with this event, each once, in filing order."""
        code, cell, words = country(view), grid_cell(view), rare_words(view)
        seen: dict[Hashable, None] = {}
        for bucket in buckets(view):
            countries = self._cells.get(bucket)
            if not countries:
                continue
            if code == NO_COUNTRY:
                lists = [items for grids in countries.values() for items in grids.values()]
            else:
                lists = [
                    items
                    for other in (code, NO_COUNTRY)
                    for items in _near(countries.get(other, {}), cell)
                ]
            lists += [self._words.get((bucket, word), []) for word in words]
            for items in lists:
                for item in items:
                    seen.setdefault(item, None)
        return list(seen)


def rare_words(view: EventView) -> list[str]:
    """Return the RARE_WORDS heaviest words of the event's document profile (ties: alphabetical).

    Remembered per profile object (a document's events share one; blocking asks for every
    event as it is filed and as it is looked up)."""
    weights = view.profile
    known = _RARE.get(id(weights))
    if known is not None and known[0] is weights:
        return list(known[1])
    # nsmallest equals sorted(...)[:RARE_WORDS] without sorting a whole document's words.
    words = heapq.nsmallest(RARE_WORDS, weights, key=lambda word: (-weights[word], word))
    if len(_RARE) >= _RARE_KEPT:
        _RARE.clear()
    # The entry holds the profile itself, so its id cannot be reused while the entry exists.
    _RARE[id(weights)] = (weights, tuple(words))
    return words


_RARE: dict[int, tuple[Mapping[str, float], tuple[str, ...]]] = {}
_RARE_KEPT: Final = 4096


def _near(
    grids: dict[tuple[int, int] | None, list[Hashable]], cell: tuple[int, int] | None
) -> list[list[Hashable]]:
    if cell is None:
        return list(grids.values())
    row, col = cell
    near = [grids.get((row + dr, col + dc)) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
    return [items for items in (*near, grids.get(None)) if items]


def candidate_pairs(views: Sequence[EventView]) -> Iterator[tuple[int, int]]:
    """Yield (i, j), i < j, for every pair of events sharing a block; each pair once."""
    index = BlockIndex()
    for j, view in enumerate(views):
        for i in index.candidates(view):
            assert isinstance(i, int)
            yield i, j
        index.add(j, view)
