"""Lists of stored items (events, claims, documents) as table, JSON, JSON Lines or CSV.

The query commands print rows, not whole documents: each row is a JSON object as the
contract spells the item, plus where it is stored. CSV flattens nested objects into dotted
columns (`location.admin1`) and lists into ` | `-joined text, for R and pandas.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

ROW_FORMATS = ("table", "json", "jsonl", "csv")
CELL_CHARS = 80


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return nested objects as dotted keys; lists of spans become their texts joined."""
    flat: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = " | ".join(
                str(item.get("text", item)) if isinstance(item, dict) else str(item)
                for item in value
            )
        else:
            flat[name] = value
    return flat


def write_rows(
    rows: Iterable[dict[str, Any]], out: TextIO, fmt: str, columns: Sequence[str]
) -> int:
    """Write rows in a format; `columns` (dotted) pick what the table and CSV show first."""
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    items = list(rows)
    if fmt == "json":
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        flat = [flatten(row) for row in items]
        header = list(columns) + sorted({k for row in flat for k in row} - set(columns))
        writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
    else:
        write_table(items, out, columns)
    return len(items)


def cell(value: Any) -> str:
    """Return a short printable cell."""
    if value is None:
        return "-"
    text = str(value).replace("\n", " ")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def write_table(items: list[dict[str, Any]], out: TextIO, columns: Sequence[str]) -> None:
    """Write a Rich table of the chosen columns (document text is never read as markup)."""
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column.rsplit(".", 1)[-1], overflow="fold")
    for row in items:
        flat = flatten(row)
        table.add_row(*(cell(flat.get(column)) for column in columns))
    console = Console(file=out, width=160, highlight=False, markup=False, emoji=False)
    console.print(table)
    console.print(f"{len(items)} rows")
