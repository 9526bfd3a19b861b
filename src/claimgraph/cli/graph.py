"""`claimgraph graph [ENTITY]`: who is said to do what to whom, by whom, and how many say so."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from claimgraph.cli.application import app
from claimgraph.cli.output import OutputOption
from claimgraph.cli.record import DbOption, open_store
from claimgraph.cli.store import (
    LimitOption,
    OffsetOption,
    RowFormatOption,
    check_row_format,
    emit,
)
from claimgraph.export.contract import span_to_json
from claimgraph.model import ClaimEdge, EntityRef
from claimgraph.store.edges import EdgeFilter, Support, list_edges

EDGE_COLUMNS = (
    "subject.name",
    "relation",
    "object.name",
    "speaker.name",
    "speaker.type",
    "modality",
    "sources.speakers",
    "sources.documents",
    "document_id",
)


def entity_json(entity: EntityRef) -> dict[str, Any]:
    """Return an entity as {kind, key, name}."""
    return {"kind": entity.kind, "key": entity.key, "name": entity.name}


def edge_json(edge: ClaimEdge, support: Support) -> dict[str, Any]:
    """Return a stored edge: the relation, who says it and how, its evidence, its support."""
    return {
        "id": edge.id,
        "subject": entity_json(edge.subject),
        "relation": edge.relation,
        "object": entity_json(edge.object),
        "speaker": {"name": edge.speaker.name, "type": edge.speaker.type},
        "modality": edge.modality,
        "evidence": span_to_json(edge.evidence),
        "confidence": edge.confidence,
        "document_id": edge.document_id,
        "sources": {"speakers": support.speakers, "documents": support.documents},
    }


@app.command()
def graph(
    entity: Annotated[
        str | None,
        typer.Argument(help="Part of an entity's name (Pakistan, ISIS) or its key; none: all."),
    ] = None,
    db: DbOption = None,
    relation: Annotated[
        str | None, typer.Option(help="hosts, supports, trains, attacks, kills, reports, ...")
    ] = None,
    speaker_type: Annotated[
        str | None, typer.Option(help="author, named_media, unnamed, self_admission, ...")
    ] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    output_format: RowFormatOption = "table",
    output: OutputOption = None,
) -> None:
    """List the claim edges around an entity: each with who says it and how many sources do."""
    fmt = check_row_format(output_format)
    flt = EdgeFilter(
        entity=entity, relation=relation, speaker_type=speaker_type, limit=limit, offset=offset
    )
    store = open_store(db)
    with store.reading() as connection:
        rows = [edge_json(edge, support) for edge, support in list_edges(connection, flt)]
    store.close()
    emit(iter(rows), fmt, output, EDGE_COLUMNS)
