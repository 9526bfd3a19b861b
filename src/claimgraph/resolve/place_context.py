"""What a document's places say of each other (part of place resolution).

The country and first-level unit a document is set in, voted from the names it uses; one
sense per name where the text placed it once; readings near each other that support each
other; the place the text puts a mention in ("X, Y", "the X area of Y").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from claimgraph.gazetteer.lookup import GazetteerEntry
from claimgraph.model import Place
from claimgraph.resolve.place_base import Mention, Scored, distance_km, is_inside, is_prominent
from claimgraph.resolve.place_scoring import is_contested

# Text between a mention and the next one that makes the next one its container.
CONTAINER_GAP = re.compile(
    r"^(?:,\s*|\s+(?:in|of|near|outside)\s+(?:the\s+)?"
    r"|,?\s+(?:(?:north|south|east|west)(?:east|west)?|just\s+outside)\s+of\s+(?:the\s+)?"
    r"|\s+(?:area|district|region|province|town|village|city|part|outskirts|border)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


MAX_GAP = 40


# Region vote (see region_of): readings within this many points of a name's best one in the
# focus country are plausible; a unit's own name votes this much; a region needs this many votes.
PLAUSIBLE_MARGIN = 2.0


REGION_NAMED_WEIGHT = 1.5


MIN_REGION_VOTES = 1.0


STATE_SUPPORT = 0.5  # a named state supports the readings inside it less than a neighbour does


PAIR_KM = 40.0  # readings of two names this close support each other (a town and its county)


def container_indexes(text: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Map a mention's index to the index of the mention the text places it in."""
    containers = {}
    for i in range(len(mentions) - 1):
        gap_start, gap_end = mentions[i].end, mentions[i + 1].start
        if 0 <= gap_end - gap_start <= MAX_GAP and CONTAINER_GAP.match(text[gap_start:gap_end]):
            containers[i] = i + 1
    return containers


def focus_voters(
    keys: Sequence[str],
    candidates: Sequence[Sequence[GazetteerEntry]],
    first: Sequence[GazetteerEntry | None],
) -> list[int]:
    """Pick the mentions whose first guess may vote for the document's focus.

    Each name votes once (a repeated "Georgia" is one piece of evidence), and a contested
    name votes only when every name is contested: its first guess is the one in doubt.
    """
    seen: set[str] = set()
    voters: list[int] = []
    contested: list[int] = []
    for i, key in enumerate(keys):
        if first[i] is None or key in seen:
            continue
        seen.add(key)
        (contested if is_contested(candidates[i]) else voters).append(i)
    return voters or consensus(contested, candidates, first)


def consensus(
    contested: list[int],
    candidates: Sequence[Sequence[GazetteerEntry]],
    first: Sequence[GazetteerEntry | None],
) -> list[int]:
    """Among contested names only, keep those whose first guess lies in the country most of
    them can be in ("Alexandria" and "Virginia" can both be in the US: not Egypt)."""
    reach: Counter[str] = Counter()
    for i in contested:
        reach.update({e.country_code for e in candidates[i] if is_prominent(e)})
    if not reach:
        return contested
    best = max(reach.values())
    shared = {code for code, count in reach.items() if count == best}
    agreeing = [
        i for i in contested if (entry := first[i]) is not None and entry.country_code in shared
    ]
    return agreeing or contested


def container_of(
    i: int,
    containers: dict[int, int],
    chosen: Sequence[GazetteerEntry | None],
    first: Sequence[GazetteerEntry | None],
) -> GazetteerEntry | None:
    """Return the place the text puts mention i in; a country is in no other ("Russia, U.S.")."""
    container = chosen[containers[i]] if i in containers else None
    entry = first[i]
    if container is None or (entry is not None and entry.feature_code.startswith("PCL")):
        return None
    return container


def one_sense(
    mentions: Sequence[Mention],
    keys: Sequence[str],
    chosen: Sequence[GazetteerEntry | None],
    containers: dict[int, int],
) -> list[GazetteerEntry | None]:
    """Give every use of a name the reading it got where the text placed it ("Paris, Missouri").

    A writer keeps one sense of a name through a story, and says where it lies at most once.
    """
    placed: dict[tuple[str, str | None], GazetteerEntry] = {}
    for i, entry in enumerate(chosen):
        container = chosen[containers[i]] if i in containers else None
        if entry is not None and container is not None and is_inside(entry, container):
            placed.setdefault((keys[i], mentions[i].kind), entry)
    return [
        placed.get((keys[i], mentions[i].kind), entry) if entry is not None else None
        for i, entry in enumerate(chosen)
    ]


def plausible_readings(
    keys: Sequence[str], ranked: Sequence[Sequence[Scored]], focus: str | None
) -> dict[str, list[GazetteerEntry]]:
    """Map each distinct name to its readings in the focus country that score within
    PLAUSIBLE_MARGIN of its best one there (none for a name whose best reading is a country)."""
    readings: dict[str, list[GazetteerEntry]] = {}
    for key, scored in zip(keys, ranked, strict=True):
        inside = [s for s in scored if s.entry.country_code == focus]
        if key in readings or not inside or inside[0].entry.feature_code.startswith("PCL"):
            continue
        best = inside[0].score
        readings[key] = [
            s.entry for s in inside if s.score >= best - PLAUSIBLE_MARGIN and s.entry.admin1_code
        ]
    return readings


def country_vote(
    keys: Sequence[str], ranked: Sequence[Sequence[Scored]], demonyms: frozenset[str] = frozenset()
) -> str | None:
    """Infer the country a document is set in, as `region_of` does the state; None on a tie.

    Each distinct name spreads its vote (2 for a country, 1.5 for an admin unit, 1 for a town or
    a demonym) over the countries of its plausible readings, keeping to readings near a reading
    of another name when there are any: "Oxford" and "Cowley" are English together, "Woodstock"
    and "Tavistock" Canadian beside "Plattsville", whatever each would be alone. A name contested
    by well-known places of several countries votes only through such a pair ("London" and
    "Richmond" a few miles apart).
    """
    readings: dict[str, list[GazetteerEntry]] = {}
    contested: set[str] = set()
    for key, scored in zip(keys, ranked, strict=True):
        if key in readings or not scored:
            continue
        if is_contested([s.entry for s in scored]):
            contested.add(key)
            best = max(s.score for s in scored if is_prominent(s.entry))
        else:
            best = scored[0].score
        readings[key] = [
            s.entry for s in scored if s.score >= best - PLAUSIBLE_MARGIN and s.entry.country_code
        ]
    near = paired_readings(readings)
    votes: Counter[str] = Counter()
    for key, entries in readings.items():
        paired = [e for e in entries if e.geonameid in near[key]]
        if not entries or (key in contested and not paired):
            continue
        codes = {e.country_code for e in paired or entries}
        code = entries[0].feature_code
        weight = (
            1.0 if key in demonyms  # "Greek yoghurt" says less of the setting than "Greece"
            else 2.0 if code.startswith("PCL")
            else 1.5 if code.startswith("ADM")
            else 1.0
        )  # fmt: skip
        for c in codes:
            votes[c] += weight / len(codes)  # type: ignore[assignment]
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[1][1] >= top[0][1]):
        return None
    return top[0][0]


def region_of(
    readings: dict[str, list[GazetteerEntry]],
    near: dict[str, dict[int, float]],
    countries: frozenset[str] = frozenset(),
) -> str | None:
    """Infer the first-level unit a document is set in from the names it uses.

    Each distinct name spreads one vote evenly over the units of its plausible readings in the
    focus country (one sense per discourse): a name found in one state only ("Shakopee") votes
    for it whole, a name every state has ("Decatur") votes a little for each, and a state's own
    name ("Texas", "Ga.") votes more. Readings near a reading of another name ("Huntsville" and
    "Walker County") are the ones the story means, when there are any. Local news names its
    state and some unambiguous towns, and their sum settles the towns whose names recur across
    the country. A country's name votes only for the towns of its name that another name
    supports.
    """
    votes: Counter[str] = Counter()
    for key, entries in readings.items():
        paired = [e for e in entries if e.geonameid in near[key]]
        if key in countries and not paired:
            continue
        units = {e.admin1_code for e in paired or entries if e.admin1_code}
        weight = REGION_NAMED_WEIGHT if entries and entries[0].feature_code == "ADM1" else 1.0
        for code in units:
            votes[code] += weight / len(units)  # type: ignore[assignment]
    ranked_units = votes.most_common(2)
    if not ranked_units or ranked_units[0][1] < MIN_REGION_VOTES:
        return None
    if len(ranked_units) > 1 and ranked_units[1][1] >= ranked_units[0][1]:
        return None
    return ranked_units[0][0]


def paired_readings(
    readings: dict[str, list[GazetteerEntry]], countries: frozenset[str] = frozenset()
) -> dict[str, dict[int, float]]:
    """For each name, its readings that lie near a reading of another name, with the support:
    1 / the number of readings of the most specific such name ("Shakopee" 1, "Decatur" less).

    Towns and counties only (a state or country is near everything); readings are binned by
    whole degrees so that only neighbouring cells are compared. Two names of countries
    (`countries`) do not pair: "Mexico" and "Norway" are neighbouring towns in Maine, but a
    story naming both means the countries; "Lebanon" beside "Boone County" may be the town.
    """
    cells: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = {}
    for key, entries in readings.items():
        for e in entries:
            if e.feature_class == "P" or e.feature_code == "ADM2":
                cell = (math.floor(e.latitude), math.floor(e.longitude))
                cells.setdefault(cell, []).append((key, e))
    near: dict[str, dict[int, float]] = {key: {} for key in readings}
    # A named state supports the readings inside it ("Monroe County" and "Missouri").
    states = {
        entries[0].admin1_code: STATE_SUPPORT / len(entries)
        for entries in readings.values()
        if entries and entries[0].feature_code == "ADM1"
    }
    for key, entries in readings.items():
        for e in entries:
            if key in countries:  # Mexico, New York is not meant because New York is named
                continue
            if e.feature_code != "ADM1" and (support := states.get(e.admin1_code)):
                near[key][e.geonameid] = support
    for (lat, lon), members in cells.items():
        around = [
            m
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for m in cells.get((lat + dlat, lon + dlon), ())
        ]
        for key, e in members:
            support = max(
                (
                    1 / len(readings[k])
                    for k, other in around
                    if k != key
                    and not (key in countries and k in countries)
                    and distance_km(e, other) < PAIR_KM
                ),
                default=0.0,
            )
            if support:
                near[key][e.geonameid] = max(support, near[key].get(e.geonameid, 0.0))
    return near


def containing_place(text: str, places: Sequence[Place], place: Place) -> Place | None:
    """Return the place the text says `place` lies in ("the X area of Y" → Y), else None.

    Use it when an event's place did not resolve: fall back to its container's coordinates
    (ACLED geo_precision 2).
    """
    ordered = sorted(places, key=lambda p: p.start)
    for current, following in zip(ordered, ordered[1:], strict=False):
        if current.start == place.start and current.end == place.end:
            gap = text[current.end : following.start]
            if len(gap) <= MAX_GAP and CONTAINER_GAP.match(gap):
                return following
            return None
    return None
