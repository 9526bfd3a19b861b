"""Claims grouped by who makes them: a readable table per document (`claimgraph claims`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO

from rich.markup import escape
from rich.table import Table

from claimgraph.export import Exporter, register_exporter
from claimgraph.export.table import print_tables
from claimgraph.model import Claim, Record

CLAIM_CHARS = 200


def speaker_label(claim: Claim) -> str:
    """Return "name (type)" for a claim's speaker ("(author)" when there is no byline)."""
    name = claim.speaker.name or ("(author)" if claim.speaker.type == "author" else "(unnamed)")
    return f"{name} ({claim.speaker.type})"


def claims_table(record: Record) -> Table:
    """Build one table of a document's claims, grouped by speaker; all text is escaped."""
    doc = record.document
    title = f"{doc.id} — {record.genre}, {len(record.claims)} claims"
    table = Table(title=escape(title), show_lines=True, expand=True)
    for column in ("speaker", "cue", "how firmly", "check-worthy", "claim"):
        table.add_column(column, overflow="fold")
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in record.claims:
        groups[speaker_label(claim)].append(claim)
    for label, claims in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        for index, claim in enumerate(claims):
            text = claim.text if len(claim.text) <= CLAIM_CHARS else claim.text[:CLAIM_CHARS] + "…"
            firmness = claim.modality + (f" ({claim.hedge.text})" if claim.hedge else "")
            table.add_row(
                escape(label) if index == 0 else "",
                escape(claim.cue or "-"),
                escape(firmness),
                f"{claim.check_worthiness:.2f}",
                escape(text),
            )
    return table


def write_claims_table(records: Iterable[Record], out: TextIO, include_text: bool = False) -> None:
    """Print one claims table per document."""
    print_tables(records, out, claims_table)


register_exporter(
    Exporter(
        "claims", "txt", "text/plain", "claims grouped by speaker, per document", write_claims_table
    )
)
