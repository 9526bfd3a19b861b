"""A readable Rich table per document, for people at a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimgraph.export import Exporter, register_exporter
from claimgraph.model import Event, Record

EVIDENCE_CHARS = 160


def describe_place(event: Event) -> str:
    """Return 'name (admin1, CC) p<precision>' for an event location."""
    loc = event.location
    if loc is None:
        return "-"
    where = ", ".join(x for x in (loc.admin1, loc.country_code) if x)
    return (
        f"{loc.name} ({where}) p{loc.geo_precision}"
        if where
        else f"{loc.name} p{loc.geo_precision}"
    )


def describe_deaths(event: Event) -> str:
    """Return the death toll as 'best [low-high]'."""
    if event.fatalities_low is None:
        return "-"
    best = "?" if event.fatalities is None else str(event.fatalities)
    high = "" if event.fatalities_high is None else str(event.fatalities_high)
    return f"{best} [{event.fatalities_low}-{high}]"


def events_table(record: Record) -> Table:
    """Build the events table of one document; all document text is escaped."""
    doc = record.document
    title = f"{doc.id} — {record.genre}, {len(record.events)} events, {len(record.claims)} claims"
    table = Table(title=escape(title), show_lines=True, expand=True)
    for column in ("type", "where", "when", "actors", "deaths", "who says", "evidence"):
        table.add_column(column, overflow="fold")
    for event in record.events:
        actors = event.actor1.name if event.actor1 else "?"
        actors = f"{actors} → {event.actor2.name}" if event.actor2 else actors
        speaker = f"{event.speaker.name or '(author)'} [{event.speaker.type}, {event.modality}]"
        evidence = event.evidence[0].text if event.evidence else ""
        if len(evidence) > EVIDENCE_CHARS:
            evidence = evidence[: EVIDENCE_CHARS - 1] + "…"
        kind = event.sub_event_type + (" (background)" if event.background else "")
        when = event.event_date or "-"
        table.add_row(
            *(
                escape(x)
                for x in (
                    kind,
                    describe_place(event),
                    when,
                    actors,
                    describe_deaths(event),
                    speaker,
                    evidence,
                )
            )
        )
    return table


def print_tables(records: Iterable[Record], out: TextIO, build: Callable[[Record], Table]) -> None:
    """Print one table per document, as each record arrives (a long batch streams)."""
    console = Console(file=out, width=160, soft_wrap=False)
    for record in records:
        console.print(build(record))


def write_table(records: Iterable[Record], out: TextIO, include_text: bool = False) -> None:
    """Print one events table per document."""
    print_tables(records, out, events_table)


register_exporter(
    Exporter("table", "txt", "text/plain", "a readable table of events per document", write_table)
)
