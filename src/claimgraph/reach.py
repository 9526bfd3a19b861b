"""Whether two reports' places and days are within reach of each other: the geometry and
the calendar `claimgraph.identity` decides on (pure, over model values).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Final

from claimgraph.model import Location

# Distance at which two places can still be one incident, by the coarser geo_precision
# (1 town, 2 district or "near X", 3 region: then same admin1 instead). ACLED's own
# precision definitions; 25 km covers a city and its suburbs (50 km scored 0.006 higher
# on the gvc_train even half: not worth the looser match).
PLACE_KM: Final = {1: 25.0, 2: 100.0}
EARTH_RADIUS_KM: Final = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Location | None, b: Location | None) -> bool | None:
    """True/False when both places are known and within reach or not; None when one is unknown.

    Reach follows the coarser geo_precision: 25 km for towns, 100 km for districts, the same
    admin1 (else country) for regions. Different countries never match.
    """
    if a is None or b is None:
        return None
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    precision = max(a.geo_precision, b.geo_precision)
    if precision >= 3 or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        if a.admin1 and b.admin1:
            return a.admin1 == b.admin1
        if a.country_code and b.country_code:
            return True  # same country, no finer evidence either way
        return a.name.casefold() == b.name.casefold()
    assert a.latitude is not None and a.longitude is not None  # for mypy: checked above
    assert b.latitude is not None and b.longitude is not None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= PLACE_KM[precision]


def parse_date(value: str | None) -> date | None:
    """Return the day an ISO date or datetime string names, else None (missing or malformed)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
