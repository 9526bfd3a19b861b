"""The values the reports of one incident disagree on, side by side with who gives each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from claimgraph.identity import EventView
from claimgraph.model import ConflictingValue, Event, Speaker


def toll_text(event: Event) -> str | None:
    """Return a report's toll as a reader would say it: "12", "at least 10", "10-14"."""
    best, low, high = event.fatalities, event.fatalities_low, event.fatalities_high
    if best is None and low is None:
        return None
    if high is None:
        return f"at least {low if low is not None else best}"
    if low is not None and low != high:
        return f"{low}-{high}"
    return str(best if best is not None else high)


def place_text(event: Event) -> str | None:
    """Return the place of a report with its country ("Kasur, PK"), or None."""
    location = event.location
    if location is None:
        return None
    return f"{location.name}, {location.country_code}" if location.country_code else location.name


# field name -> how to read it from an event, for every field whose disagreement is listed.
FIELDS: Final[dict[str, Callable[[Event], str | None]]] = {
    "fatalities": toll_text,
    "event_date": lambda event: event.event_date,
    "location": place_text,
}


def find_conflicts(views: Sequence[EventView]) -> tuple[ConflictingValue, ...]:
    """List every value of a field the reports disagree on (fields where all agree are left out).

    One entry per (field, value, document), in field order, then value, then document.
    """
    found: list[ConflictingValue] = []
    for name, read in FIELDS.items():
        entries: dict[tuple[str, str], Speaker] = {}
        for view in views:
            value = read(view.event)
            if value is not None:
                entries.setdefault((value, view.document_id), view.event.speaker)
        if len({value for value, _ in entries}) > 1:
            found.extend(
                ConflictingValue(name, value, doc, speaker)
                for (value, doc), speaker in sorted(entries.items(), key=lambda kv: kv[0])
            )
    return tuple(found)
