"""The values of place resolution: a mention, a scored candidate, the document's context,
and the plain tests on gazetteer entries (inside a container, prominent, distance).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from claimgraph.gazetteer.lookup import GazetteerEntry

DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "far", "upper", "lower",
     "north-east", "north-west", "south-east", "south-west", "mid", "downtown", "rural"]
)  # fmt: skip


PROMINENT_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym as recognised: span, the name to look up, and hints from the wording."""

    text: str
    start: int
    end: int
    lookup: str
    kind: str | None = None  # feature code the wording asks for: "ADM1", "ADM2", "PPL", "VAL"
    country: str | None = None  # set for demonyms used as places ("Afghan territory")
    admins: tuple[str, ...] = ()  # units the text names in brackets after it, innermost first


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its score and why: each feature that counted, with its weight."""

    entry: GazetteerEntry
    score: float
    parts: tuple[tuple[str, float], ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """Say why, one "feature +weight" per part (formatted on demand: most are never read)."""
        return tuple(f"{name} {value:+.1f}" for name, value in self.parts)


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the document says: focus country, container, other places."""

    focus: str | None = None
    focus_admin1: str | None = None
    container: GazetteerEntry | None = None
    countries: Counter[str] | None = None
    admin1s: Counter[str] | None = None
    near: dict[int, float] | None = None  # readings near a reading of another name: support


def kind_family(code: str) -> str:
    if code.startswith("PCL"):
        return "PCL"
    if code.startswith("PPL"):
        return "PPL"
    return code


def is_inside(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """Tell whether an entry lies in a container (country, admin unit, or region radius)."""
    code = container.feature_code
    if code.startswith("PCL"):
        return entry.country_code == container.country_code
    if code == "ADM1":
        return entry.admin1_code == container.admin1_code and entry.geonameid != container.geonameid
    if code == "ADM2":
        return entry.admin2_code == container.admin2_code and entry.geonameid != container.geonameid
    if container.feature_class == "P":  # "X near Y": within 100 km
        return distance_km(entry, container) < 100
    return distance_km(entry, container) < 1500


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Return the great-circle distance between two entries."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def without_direction(name: str) -> str:
    """Drop leading compass words from a name ("Southern California" → "California")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        words = words[1:]
    return " ".join(words)


def is_prominent(entry: GazetteerEntry) -> bool:
    """Tell whether an entry is a country, a first-level unit, a capital or a big town."""
    code = entry.feature_code
    return (
        code.startswith("PCL") or code in {"ADM1", "PPLC"}
        or entry.population >= PROMINENT_POPULATION
    )  # fmt: skip
