"""GeoJSON (RFC 7946): a FeatureCollection with one Point per stored event that has
coordinates, for QGIS and web maps.

Coordinates are [longitude, latitude] (RFC 7946 order) in WGS 84, to 6 decimals. Properties
are flat scalars (what QGIS reads as attribute columns): the ACLED columns of the event
(`acled_csv.acled_row`) plus claimgraph's own fields (ids, speaker, modality, confidence, the
fatality range, the document's title and URL). Events without coordinates are left out: a
feature without a point would not show on a map.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from claimgraph.bundle import ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.export.acled_csv import acled_row
from claimgraph.model import Event


def event_feature(event: Event, bundle: ExportBundle) -> dict[str, Any] | None:
    """Return an event as a Point feature, None without coordinates."""
    loc = event.location
    if loc is None or loc.latitude is None or loc.longitude is None:
        return None
    found = bundle.document(event.document_id)
    properties = {
        "id": event.id,
        "document_id": event.document_id,
        **acled_row(event, bundle),
        "country_code": loc.country_code,
        "geonameid": loc.geonameid,
        "fatalities_best": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "speaker": event.speaker.name,
        "speaker_type": event.speaker.type,
        "modality": event.modality,
        "confidence": event.confidence,
        "background": event.background,
        "title": found.document.title if found else None,
        "url": found.document.url if found else None,
        "published": found.document.published if found else None,
        "review": bundle.reviews.get(event.id),
    }
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {
            "type": "Point",
            "coordinates": [round(loc.longitude, 6), round(loc.latitude, 6)],
        },
        "properties": properties,
    }


def write_geojson(bundle: ExportBundle, out: TextIO) -> None:
    """Write one FeatureCollection of the events that have coordinates."""
    features = [f for f in (event_feature(e, bundle) for e in bundle.events) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


register_store_exporter(
    StoreExporter(
        "geojson",
        "geojson",
        "application/geo+json",
        "events as GeoJSON points (QGIS, web maps)",
        write_geojson,
    )
)
