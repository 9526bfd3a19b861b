"""`claimgraph export --format FORMAT`: the stored record in analysts' formats.

The formats are the store exporters of `claimgraph.export` (the web's `/export.{suffix}`
reads the same registry). This module reads the store into an `ExportBundle`
(`claimgraph.store.bundle.read_bundle`) and hands it to the exporter.
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.application import app, fail_usage
from claimgraph.cli.filters import (
    ActorOption,
    Admin1Option,
    CountryOption,
    DocumentOption,
    EventTypeOption,
    SinceOption,
    SubEventTypeOption,
    TextOption,
    UntilOption,
    filter_from_options,
)
from claimgraph.cli.output import OutputOption, open_output, quiet_broken_pipe
from claimgraph.cli.record import DbOption, open_store
from claimgraph.cli.store import LimitOption, OffsetOption
from claimgraph.export import get_store_exporter, store_exporters
from claimgraph.store.bundle import read_bundle


def format_help() -> str:
    """Return the --format help naming every registered store format."""
    return "Format: " + ", ".join(store_exporters()) + "."


@app.command("export")
def export_command(
    ctx: typer.Context,
    output_format: Annotated[str, typer.Option("--format", "-f", help=format_help())],
    db: DbOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    event_type: EventTypeOption = None,
    sub_event_type: SubEventTypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorOption = None,
    text: TextOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output: OutputOption = None,
) -> None:
    """Export the stored record: ACLED or UCDP CSV, GeoJSON, STIX 2.1, GraphML, JSON Lines."""
    try:
        exporter = get_store_exporter(output_format)
    except KeyError:
        known = ", ".join(store_exporters())
        raise fail_usage(f"unknown format {output_format!r} (known: {known})") from None
    flt = filter_from_options(ctx)
    store = open_store(db)
    try:
        with store.reading() as connection:
            bundle = read_bundle(connection, flt)
    finally:
        store.close()
    with open_output(output) as out:
        try:
            exporter.write(bundle, out)
        except BrokenPipeError:
            quiet_broken_pipe()
