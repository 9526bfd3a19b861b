"""Commands that read the record (`ingest`, in cli/ingest.py, fills it): `events`,
`documents`, `show` and `stats` (and `claims` without paths lists its claims).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from claimgraph.cli.application import app, fail_usage, stderr
from claimgraph.cli.assertions import ASSERTION_COLUMNS, assertion_detail_json, assertion_json
from claimgraph.cli.extract import (
    DEFAULT_MAX_MB,
    PublishedOption,
    extract,
)
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
from claimgraph.cli.output import (
    NoProgressOption,
    OutputOption,
    QuietOption,
    open_output,
    quiet_broken_pipe,
)
from claimgraph.cli.record import DbOption, open_store
from claimgraph.export.contract import claim_to_json, event_to_json
from claimgraph.export.rows import ROW_FORMATS, write_rows
from claimgraph.store.assertions import AssertionFilter, assertion_ids, list_assertions
from claimgraph.store.read import (
    ClaimFilter,
    EventFilter,
    count_rows,
    list_claims,
    list_documents,
    list_events,
)

RowFormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(ROW_FORMATS)}.")
]
LimitOption = Annotated[int | None, typer.Option(help="Show at most this many.", min=0)]
OffsetOption = Annotated[int, typer.Option(help="Skip this many first.", min=0)]
EVENT_COLUMNS = (
    "id",
    "event_date",
    "sub_event_type",
    "location.name",
    "location.admin1",
    "location.country_code",
    "fatalities",
    "actor1.name",
    "speaker.type",
    "modality",
    "document_id",
)
CLAIM_COLUMNS = ("id", "speaker.name", "speaker.type", "modality", "text", "document_id")
DOCUMENT_COLUMNS = ("id", "input_id", "published", "genre", "language", "events", "claims")


def check_row_format(value: str) -> str:
    """Return a known row format or stop with a usage error."""
    if value not in ROW_FORMATS:
        raise fail_usage(f"unknown format {value!r} (known: {', '.join(ROW_FORMATS)})")
    return value


def emit(rows: Iterator[dict[str, Any]], fmt: str, output: Any, columns: tuple[str, ...]) -> None:
    """Write rows to stdout or -o FILE, quietly stopping when a pipe's reader goes away."""
    with open_output(output) as out:
        try:
            write_rows(rows, out, fmt, columns)
        except BrokenPipeError:
            quiet_broken_pipe()


def stored_event_json(document_id: str, event: Any) -> dict[str, Any]:
    """Return a stored event as the contract spells it, plus its document id."""
    return {**event_to_json(event), "document_id": document_id}


@app.command()
def events(
    ctx: typer.Context,
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
    min_sources: Annotated[
        int,
        typer.Option(
            "--min-sources", help="Only incidents told by at least N independent sources.", min=0
        ),
    ] = 0,
    per_document: Annotated[
        bool,
        typer.Option(
            "--per-document",
            help="List each document's own event reports (contract fields + document_id, "
            "assertion_id) instead of the incidents merged across documents.",
        ),
    ] = False,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output_format: RowFormatOption = "table",
    output: OutputOption = None,
) -> None:
    """List stored incidents (assertions merged across documents), newest first, with filters."""
    fmt = check_row_format(output_format)
    flt = filter_from_options(ctx)
    if per_document and min_sources:
        raise fail_usage(
            "--min-sources counts sources of merged incidents: not with --per-document"
        )
    store = open_store(db)
    with store.reading() as connection:
        if per_document:
            rows = list(stored_events_json(connection, flt))
        else:
            found = list_assertions(connection, AssertionFilter(flt, min_sources=min_sources))
            rows = [assertion_json(item) for item in found]
    store.close()
    emit(iter(rows), fmt, output, EVENT_COLUMNS if per_document else ASSERTION_COLUMNS)


def stored_events_json(connection: Any, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Yield stored per-document events as JSON rows, each with the assertion it belongs to."""
    pairs = list(list_events(connection, flt))
    assertion_of = assertion_ids(connection, [event.id for _, event in pairs])
    for doc_id, event in pairs:
        yield {**stored_event_json(doc_id, event), "assertion_id": assertion_of.get(event.id)}


@app.command()
def claims(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or '-' to read; none: the claims in the store."),
    ] = None,
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    speaker_type: Annotated[
        str | None, typer.Option(help="author, named_official, unnamed, ... (stored claims).")
    ] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted, hedged, attributed, denied, questioned.")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table (grouped by speaker for files), json, jsonl; csv for stored claims.",
        ),
    ] = "table",
    published: PublishedOption = None,
    output: OutputOption = None,
    quiet: QuietOption = False,
    no_progress: NoProgressOption = False,
) -> None:
    """Show who claims what, how firmly: in documents you give, or in the store."""
    if paths:
        extract(
            paths=paths,
            output_format="claims" if output_format == "table" else output_format,
            published=published,
            text=False,
            sample=False,
            max_mb=DEFAULT_MAX_MB,
            output=output,
            quiet=quiet,
            no_progress=no_progress,
        )
        return
    fmt = check_row_format(output_format)
    flt = ClaimFilter(
        speaker=speaker, speaker_type=speaker_type, modality=modality, limit=limit, offset=offset
    )
    store = open_store(db)
    with store.reading() as connection:
        rows = [
            {"id": claim_id, **claim_to_json(claim), "document_id": doc_id}
            for claim_id, doc_id, claim in list_claims(connection, flt)
        ]
    store.close()
    emit(iter(rows), fmt, output, CLAIM_COLUMNS)


@app.command()
def documents(
    db: DbOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output_format: RowFormatOption = "table",
    output: OutputOption = None,
) -> None:
    """List stored documents in the order they were ingested."""
    fmt = check_row_format(output_format)
    store = open_store(db)
    with store.reading() as connection:
        rows = [d.as_json() for d in list_documents(connection, limit=limit, offset=offset)]
    store.close()
    emit(iter(rows), fmt, output, DOCUMENT_COLUMNS)


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(help="An assertion, event, claim or document id.")],
    db: DbOption = None,
    output: OutputOption = None,
) -> None:
    """Show one stored assertion (with its documents), event, claim or document, as JSON."""
    store = open_store(db)
    with store.reading() as connection:
        found = find_item(connection, item_id)
    store.close()
    if found is None:
        stderr.print(
            f"claimgraph: no assertion, event, claim or document {item_id!r}", markup=False
        )
        raise typer.Exit(1)
    with open_output(output) as out:
        out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


def find_item(connection: Any, item_id: str) -> dict[str, Any] | None:
    """Return the stored item with this id (assertion, event, claim, document) as JSON."""
    for assertion in list_assertions(connection, AssertionFilter(assertion_id=item_id)):
        return assertion_detail_json(assertion)
    for doc_id, event in list_events(connection, EventFilter(event_id=item_id)):
        (doc,) = list_documents(connection, document_id=doc_id)
        return {"kind": "event", **stored_event_json(doc_id, event), "document": doc.as_json()}
    for claim_id, doc_id, claim in list_claims(connection, ClaimFilter(claim_id=item_id)):
        (doc,) = list_documents(connection, document_id=doc_id)
        return {
            "kind": "claim",
            "id": claim_id,
            **claim_to_json(claim),
            "document": doc.as_json(),
        }
    docs = list_documents(connection, document_id=item_id, with_text=True)
    if not docs:
        return None
    doc = docs[0]
    return {
        "kind": "document",
        **doc.as_json(),
        "text": doc.document.text,
        "events": [
            stored_event_json(d, e)
            for d, e in list_events(connection, EventFilter(document_id=doc.id))
        ],
        "claims": [
            {"id": claim_id, **claim_to_json(claim)}
            for claim_id, _d, claim in list_claims(connection, ClaimFilter(document_id=doc.id))
        ],
    }


@app.command()
def stats(
    db: DbOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    output: OutputOption = None,
) -> None:
    """Count what the store holds: documents, events, claims, places, actors, ..."""
    if output_format not in {"table", "json"}:
        raise fail_usage(f"unknown format {output_format!r} (known: table, json)")
    store = open_store(db)
    with store.reading() as connection:
        counts = count_rows(connection)
    store.close()
    with open_output(output) as out:
        if output_format == "json":
            out.write(json.dumps(counts, sort_keys=True) + "\n")
        else:
            width = max(len(k) for k in counts)
            out.writelines(f"{k:<{width}}  {v}\n" for k, v in counts.items())
