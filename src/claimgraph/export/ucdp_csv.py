"""UCDP GED CSV: one row per stored event in the GED columns that claimgraph can fill, in GED's
order. Columns GED keys to UCDP's own conflict and actor catalogues (conflict_new_id,
dyad_new_id, side_a_new_id, gwnoa, priogrid_gid, country_id) are left out: claimgraph has no
such ids.

- id: the claimgraph event id; relid: "<document id>-<event id>".
- type_of_violence (GED's 1 state-based, 2 non-state, 3 one-sided), only where the actors'
  kinds and the event type say it: an organised actor against civilians, or violence against
  civilians by an organised actor, is 3; a fight with state forces on either side is 1; two
  non-state armed groups fighting is 2. Otherwise empty (protests, strategic developments and
  events whose actors are unknown are outside GED's definitions).
- side_a / side_b: actor1 / actor2 (GED puts the government on side A, so a state actor2
  facing a non-state actor1 is swapped in).
- where_prec from ACLED's geo_precision: 1 (the town) -> 1; 2 (near a town, or a district) ->
  2, or 3 when the place is the second-order division itself; 3 (only a region) -> 4, or 6
  when the place is the country itself.
- date_prec from ACLED's time_precision: 1 (day) -> 1 with date_start = date_end; 2 (week) ->
  3 with the date ±3 days; 3 (month only) -> 4 with the month's first and last day.
- best: the most conservative count (a death with no number: its lower bound; none: 0);
  low: the lower bound (else best); high: the upper bound the reports give (else best).
- source_article "<outlet>, <published>, <title>"; source_office, source_date,
  source_headline from the document; source_original: who is quoted (the event's speaker).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from typing import Any, TextIO

from claimgraph import taxonomy
from claimgraph.bundle import ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.export.acled_csv import acled_fatalities
from claimgraph.export.countries import country
from claimgraph.model import Event, EventActor

UCDP_COLUMNS = (
    "id",
    "relid",
    "year",
    "type_of_violence",
    "dyad_name",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
)
ARMED = frozenset({"state", "rebel", "militia", "identity_militia", "external", "unidentified"})
NON_STATE_ARMED = ARMED - {"state"}


def type_of_violence(event: Event) -> int | None:
    """Return GED's type of violence when the event's actors and type determine it."""
    kind1 = event.actor1.kind if event.actor1 else None
    kind2 = event.actor2.kind if event.actor2 else None
    if event.event_type not in taxonomy.VIOLENT_EVENT_TYPES or kind1 not in ARMED:
        return None
    if kind2 == "civilians" or (
        event.event_type == taxonomy.VIOLENCE_AGAINST_CIVILIANS and kind2 is None
    ):
        return 3
    if kind2 not in ARMED:
        return None
    if "state" in (kind1, kind2):
        return 1
    return 2 if kind1 in NON_STATE_ARMED and kind2 in NON_STATE_ARMED else None


def sides(event: Event) -> tuple[EventActor | None, EventActor | None]:
    """Return (side_a, side_b): the government first, as GED orders them."""
    a, b = event.actor1, event.actor2
    if b is not None and b.kind == "state" and (a is None or a.kind != "state"):
        return b, a
    return a, b


def where_prec(event: Event) -> int | None:
    """Return GED's where_prec for the event's place (see the module docstring)."""
    loc = event.location
    if loc is None:
        return None
    if loc.geo_precision == 1:
        return 1
    if loc.geo_precision == 2:
        return 3 if loc.admin2 and loc.name == loc.admin2 else 2
    return 6 if not loc.admin1 else 4


def date_range(event: Event) -> tuple[int | None, str | None, str | None]:
    """Return (date_prec, date_start, date_end) for the event's date and its precision."""
    if not event.event_date:
        return None, None, None
    day = dt.date.fromisoformat(event.event_date)
    if event.time_precision == 2:
        week = dt.timedelta(days=3)
        return 3, (day - week).isoformat(), (day + week).isoformat()
    if event.time_precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return 4, day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return 1, day.isoformat(), day.isoformat()


def ucdp_row(event: Event, bundle: ExportBundle) -> dict[str, Any]:
    """Return one event as a GED row (None for an unknown value)."""
    loc = event.location
    where = country(loc.country_code if loc else None)
    found = bundle.document(event.document_id)
    doc = found.document if found else None
    side_a, side_b = sides(event)
    names = [s.name for s in (side_a, side_b) if s is not None]
    best = acled_fatalities(event)
    low = event.fatalities_low if event.fatalities_low is not None else best
    high = event.fatalities_high if event.fatalities_high is not None else max(best, low)
    precision, start, end = date_range(event)
    has_point = loc is not None and loc.latitude is not None and loc.longitude is not None
    assertion = bundle.assertion_of(event.id)
    article = ", ".join(x for x in (doc.outlet, doc.published, doc.title) if x) if doc else ""
    return {
        "id": event.id,
        "relid": f"{event.document_id}-{event.id}",
        "year": int(event.event_date[:4]) if event.event_date else None,
        "type_of_violence": type_of_violence(event),
        "dyad_name": " - ".join(names) or None,
        "side_a": side_a.name if side_a else None,
        "side_b": side_b.name if side_b else None,
        "number_of_sources": assertion.independent_sources if assertion else 1,
        "source_article": article or None,
        "source_office": doc.outlet if doc else None,
        "source_date": doc.published if doc else None,
        "source_headline": doc.title if doc else None,
        "source_original": event.speaker.name,
        "where_prec": where_prec(event),
        "where_coordinates": ", ".join(x for x in (loc.name, loc.admin1) if x) if loc else None,
        "where_description": loc.name if loc else None,
        "adm_1": loc.admin1 if loc else None,
        "adm_2": loc.admin2 if loc else None,
        "latitude": loc.latitude if has_point and loc else None,
        "longitude": loc.longitude if has_point and loc else None,
        "geom_wkt": f"POINT ({loc.longitude} {loc.latitude})" if has_point and loc else None,
        "country": where.name if where else None,
        "region": where.ucdp_region if where else None,
        # GED: 1 when the event is clearly one incident, 2 when the reports are vaguer.
        "event_clarity": 1 if event.time_precision == 1 and where_prec(event) == 1 else 2,
        "date_prec": precision,
        "date_start": start,
        "date_end": end,
        "best": best,
        "high": high,
        "low": low,
    }


def write_ucdp_csv(bundle: ExportBundle, out: TextIO) -> None:
    """Write the header and one row per event (unknown values are empty cells)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UCDP_COLUMNS)
    for event in bundle.events:
        row = ucdp_row(event, bundle)
        writer.writerow(["" if row[c] is None else row[c] for c in UCDP_COLUMNS])


register_store_exporter(
    StoreExporter(
        "ucdp-csv",
        "ucdp.csv",
        "text/csv",
        "events in the UCDP GED columns that apply (best/low/high, precisions, sides)",
        write_ucdp_csv,
    )
)
