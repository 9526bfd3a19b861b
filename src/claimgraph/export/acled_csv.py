"""ACLED CSV: one row per stored event in ACLED's 31 columns, in ACLED's order and spelling.

What each column holds (ACLED's codebook, and where claimgraph departs from it):

- event_id_cnty: the country's ISO3 code and the event's claimgraph id (ACLED's own ids are
  ISO3 plus a number; ours stay traceable to `claimgraph show ID`).
- event_date ISO `YYYY-MM-DD` (as ACLED's API gives it), year, time_precision (1 day, 2 week,
  3 month); disorder_type, event_type and sub_event_type spelled as in `taxonomy.py`.
- actor1/actor2: the canonical actor names; inter1/inter2 ACLED's numeric inter codes and
  `interaction` the two-digit code (`taxonomy.interaction_code`); assoc_actor_* empty.
- civilian_targeting: "Civilian targeting" when the second actor is civilians.
- iso: ISO 3166 numeric; region ACLED's region; country as ACLED spells it (`countries.py`).
- admin1, admin2, location (the place), latitude/longitude to 4 decimals, geo_precision.
- source: the outlets reporting the event (its document's, and those of the other documents
  of its assertion), "; "-joined; source_scale from the outlets' known scales.
- notes: the evidence sentences, then who says it and how firmly, in brackets.
- fatalities: the most conservative count; a death with no number counts its lower bound
  (1); no death reported is 0, as ACLED codes it.
- tags: claimgraph's reading (modality, speaker type, confidence, background) and an
  analyst's review ("review=corrected by ana"), "; "-joined.
- timestamp: when the document was ingested, as Unix seconds (ACLED: last update).
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any, TextIO

from claimgraph import taxonomy
from claimgraph.bundle import ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.export.countries import country, source_scale
from claimgraph.model import Event, EventActor

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def inter_of(actor: EventActor | None) -> int | None:
    """Return ACLED's inter code of an event actor, None when there is none or it is unknown."""
    if actor is None or actor.kind is None:
        return None
    return taxonomy.inter_code(actor.kind)


def interaction_of(event: Event) -> int | None:
    """Return the two-digit interaction code, None when actor1's type is unknown."""
    inter1, inter2 = inter_of(event.actor1), inter_of(event.actor2)
    if inter1 is None:
        return None
    return taxonomy.interaction_code(inter1, inter2)


def speaker_phrase(event: Event, bundle: ExportBundle) -> str:
    """Return who says it and how firmly: "police (named_organization), attributed"."""
    name = bundle.speaker_name(event.speaker, event.document_id)
    return f"{name} ({event.speaker.type}), {event.modality}"


def notes_of(event: Event, bundle: ExportBundle) -> str:
    """Return the evidence sentences followed by who says it, as ACLED notes."""
    evidence = " ".join(" ".join(span.text.split()) for span in event.evidence)
    return f"{evidence} [Source: {speaker_phrase(event, bundle)}]".strip()


def acled_fatalities(event: Event) -> int:
    """Return the count ACLED would code: the conservative figure, its lower bound, else 0."""
    if event.fatalities is not None:
        return event.fatalities
    return event.fatalities_low or 0


def unix_seconds(timestamp: str | None) -> int | None:
    """Return an ISO timestamp as Unix seconds (naive ones read as UTC)."""
    if not timestamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp())


def coordinate(value: float | None) -> float | None:
    """Return a coordinate to ACLED's 4 decimals."""
    return None if value is None else round(value, 4)


def acled_row(event: Event, bundle: ExportBundle) -> dict[str, Any]:
    """Return one event as an ACLED row (None for an unknown value)."""
    loc = event.location
    where = country(loc.country_code if loc else None)
    outlets = bundle.outlets_of(event)
    found = bundle.document(event.document_id)
    tags = [f"modality={event.modality}", f"speaker_type={event.speaker.type}"]
    tags.append(f"confidence={event.confidence:.2f}")
    if event.background:
        tags.append("background")
    if event.id in bundle.reviews:
        tags.append(f"review={bundle.reviews[event.id]}")
    disorder = (
        taxonomy.disorder_type_of(event.sub_event_type)
        if event.sub_event_type in taxonomy.SUB_EVENT_TYPE_NAMES
        else None
    )
    inter2 = inter_of(event.actor2)
    return {
        "event_id_cnty": f"{where.iso3 if where else ''}{event.id}",
        "event_date": event.event_date,
        "year": int(event.event_date[:4]) if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": disorder,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": None,
        "inter1": inter_of(event.actor1),
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction_of(event),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else None,
        "iso": where.iso_numeric if where else None,
        "region": where.acled_region if where else None,
        "country": where.name if where else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": None,
        "location": loc.name if loc else None,
        "latitude": coordinate(loc.latitude) if loc else None,
        "longitude": coordinate(loc.longitude) if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "source": "; ".join(outlets) or None,
        "source_scale": source_scale(outlets) or None,
        "notes": notes_of(event, bundle),
        "fatalities": acled_fatalities(event),
        "tags": "; ".join(tags),
        "timestamp": unix_seconds(found.ingested_at if found else None),
    }


def write_acled_csv(bundle: ExportBundle, out: TextIO) -> None:
    """Write the header and one row per event (unknown values are empty cells)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    for event in bundle.events:
        row = acled_row(event, bundle)
        writer.writerow(["" if row[c] is None else row[c] for c in ACLED_COLUMNS])


register_store_exporter(
    StoreExporter(
        "acled-csv",
        "csv",
        "text/csv",
        "events in ACLED's 31 columns and spellings",
        write_acled_csv,
    )
)
