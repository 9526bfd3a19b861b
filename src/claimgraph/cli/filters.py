"""The event filters that commands over the store share, as Typer options and one builder.

`claimgraph events` and `claimgraph export` take them, so both filter alike.
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.application import check_date
from claimgraph.store.read import EventFilter

CountryOption = Annotated[str | None, typer.Option(help="ISO country code, e.g. PK.")]
Admin1Option = Annotated[str | None, typer.Option(help="First-level region, e.g. Balochistan.")]
EventTypeOption = Annotated[str | None, typer.Option(help="ACLED event type.")]
SubEventTypeOption = Annotated[str | None, typer.Option(help="ACLED sub-event type.")]
SinceOption = Annotated[str | None, typer.Option(help="Events on or after this date.")]
UntilOption = Annotated[str | None, typer.Option(help="Events on or before this date.")]
ActorOption = Annotated[str | None, typer.Option(help="Part of an actor's name.")]
TextOption = Annotated[str | None, typer.Option(help="Words in the evidence.")]
DocumentOption = Annotated[str | None, typer.Option(help="Only this document's events.")]


# The options every event listing shares, by parameter name (see event_filter).
FILTER_OPTIONS = (
    "country",
    "admin1",
    "event_type",
    "sub_event_type",
    "since",
    "until",
    "actor",
    "text",
    "document",
    "limit",
    "offset",
)


def filter_from_options(ctx: typer.Context) -> EventFilter:
    """Return the EventFilter of a command's filter options (`events`, `export`)."""
    return event_filter(**{name: ctx.params[name] for name in FILTER_OPTIONS})


def event_filter(
    *,
    country: str | None = None,
    admin1: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    text: str | None = None,
    document: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> EventFilter:
    """Return the EventFilter the options ask for (dates checked)."""
    return EventFilter(
        country=country,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        since=check_date("--since", since),
        until=check_date("--until", until),
        actor=actor,
        text=text,
        document_id=document,
        limit=limit,
        offset=offset,
    )
