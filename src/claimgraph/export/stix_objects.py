"""STIX 2.1 objects as claimgraph builds them: deterministic ids, timestamps from the stored
data, confidence 0-100, and places as locations OpenCTI reads.

A place is a `location` with latitude/longitude and `precision` in meters (ACLED geo_precision
1 town -> 2 km, 2 near a town or district -> 25 km, 3 region -> 100 km), country,
administrative_area and city; OpenCTI's location type (City, Position, Administrative-Area,
Country) goes in OpenCTI's property extension (the `type` its STIX import reads), which stix2
validates without custom properties.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import cache
from typing import Any

from claimgraph.model import Location

NAMESPACE = uuid.UUID("040c797f-7d58-5983-9488-39a1e29ef98c")
OPENCTI_EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
PRECISION_METERS = {1: 2_000.0, 2: 25_000.0, 3: 100_000.0}
OPENCTI_LOCATION_TYPE = {1: "City", 2: "Position", 3: "Administrative-Area"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@cache
def v21() -> Any:
    """Return stix2's STIX 2.1 classes, imported on first use (commands that export no STIX
    do not pay for loading the library)."""
    import stix2.v21

    return stix2.v21


def stix_id(kind: str, *keys: object) -> str:
    """Return a deterministic STIX id for an object of a type and the record's own keys."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(str(k) for k in (kind, *keys)))}"


def moment(value: str | None) -> dt.datetime:
    """Return an ISO date or timestamp as an aware datetime (UTC when naive)."""
    if not value:
        return EPOCH
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return EPOCH
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def percent(confidence: float) -> int:
    """Return a 0-1 confidence as STIX's 0-100."""
    return max(0, min(100, round(confidence * 100)))


def opencti_type(location_type: str) -> dict[str, Any]:
    """Return the extensions property giving OpenCTI's type of a location."""
    return {OPENCTI_EXTENSION: {"extension_type": "property-extension", "type": location_type}}


def place_location(loc: Location, when: dt.datetime) -> Any | None:
    """Return an event's place as a location, None when it has neither a point nor a country."""
    has_point = loc.latitude is not None and loc.longitude is not None
    if not has_point and not loc.country_code:
        return None
    key = loc.geonameid if loc.geonameid is not None else f"{loc.name}|{loc.country_code}"
    fields: dict[str, Any] = {"name": loc.name, "country": loc.country_code}
    if has_point:
        fields.update(
            latitude=loc.latitude,
            longitude=loc.longitude,
            precision=PRECISION_METERS.get(loc.geo_precision, 100_000.0),
        )
    if loc.geo_precision == 1:
        fields["city"] = loc.name
    if loc.admin1:
        fields["administrative_area"] = loc.admin1
    return v21().Location(
        id=stix_id("location", key),
        created=when,
        modified=when,
        extensions=opencti_type(OPENCTI_LOCATION_TYPE.get(loc.geo_precision, "Position")),
        **{k: v for k, v in fields.items() if v is not None},
    )


def country_location(key: str, name: str, when: dt.datetime) -> Any:
    """Return a country ("country:PK", the claim graph's key) as a location."""
    return v21().Location(
        id=stix_id("location", key),
        name=name,
        country=key.removeprefix("country:"),
        created=when,
        modified=when,
        extensions=opencti_type("Country"),
    )
