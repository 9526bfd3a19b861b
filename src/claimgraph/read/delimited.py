"""Read CSV and TSV files: one document per row, its text taken from one column.

The text column is `--text-column` when given, else the first of TEXT_COLUMNS the header
holds: ACLED exports keep the event description in `notes`, SATP in `incident_summary`;
UCDP's GED carries no article text, only `source_headline` (its `source_original` names
the original source, "Pakistani military", and is no text to analyse). A row that cannot
be read fails alone, named `<file>:<line>` after the line it starts on; a missing id
becomes that name too, as for JSON Lines. HXL hashtag rows (HDX exports) are skipped.
Files stream row by row: physical lines are read with a bounded read and decoded one at a
time (UTF-8, else Windows-1252), so a huge export never sits whole in memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from claimgraph.errors import InputError, InputTooLarge, UnreadableInput
from claimgraph.model import Document
from claimgraph.read.decode import decode_bytes, os_error_reason, read_bounded
from claimgraph.read.document import Metadata, build_document
from claimgraph.read.jsonl import bounded_lines, is_encodable
from claimgraph.read.options import ReadOptions

TEXT_COLUMNS = (
    "text", "body", "content", "article", "notes", "incident_summary", "source_headline",
)  # fmt: skip
# Document fields and the column names (lower case, first found wins) that fill them.
METADATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id_cnty"),
    "title": ("title", "headline", "source_headline"),
    "author": ("author", "byline"),
    "published": ("published", "event_date", "date", "date_start"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source"),
}
DELIMITERS = ",;\t|"
HEAD_BYTES = 64 * 1024
MAX_SHOWN_CHARS = 300  # of the column list in an error: a one-line reason, even for prose
WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32: lines cannot be split on b"\n"


class Columns:
    """Where the text and each metadata field sit in a row, found from the header."""

    def __init__(self, header: Sequence[str], name: str, text_column: str | None) -> None:
        names = [cell.strip().lstrip("\ufeff").lower() for cell in header]
        self.width = len(names)
        wanted = (text_column.strip().lower(),) if text_column else TEXT_COLUMNS
        found = next((names.index(column) for column in wanted if column in names), None)
        if found is None:
            shown = ", ".join(repr(cell.strip()) for cell in header if cell.strip()) or "none"
            shown = shown if len(shown) <= MAX_SHOWN_CHARS else shown[:MAX_SHOWN_CHARS] + "…"
            asked = (
                f"no column {text_column!r}"
                if text_column
                else f"no text column ({', '.join(TEXT_COLUMNS)}; name one with --text-column)"
            )
            raise UnreadableInput(name, f"{asked}; the columns are: {shown}")
        self.text = found
        self.text_name = names[found]
        self.metadata = {
            field: next((names.index(c) for c in candidates if c in names), None)
            for field, candidates in METADATA_COLUMNS.items()
        }

    def value(self, row: Sequence[str], field: str) -> str | None:
        """Return a metadata cell of a row, stripped, or None when absent or empty."""
        index = self.metadata[field]
        if index is None or index >= len(row):
            return None
        cell = row[index].strip()
        return cell if cell and is_encodable(cell) else None


class LineFeed:
    """Feed decoded physical lines to csv.reader, remembering where each record starts.

    Lines over the size limit are not fed; they are kept as errors for the caller to yield.
    """

    def __init__(self, raw_lines: Iterable[bytes | None], name: str, max_bytes: int) -> None:
        self._raw = raw_lines
        self._name = name
        self._max_bytes = max_bytes
        self.number = 0  # physical lines read so far
        self.record_start: int | None = None
        self.errors: list[InputError] = []

    def __iter__(self) -> Iterator[str]:
        for raw in self._raw:
            self.number += 1
            if raw is None:
                reason = f"line over the limit of {self._max_bytes} bytes"
                self.errors.append(InputTooLarge(f"{self._name}:{self.number}", reason))
                continue
            if self.record_start is None and raw.strip():
                self.record_start = self.number
            yield decode_line(raw)


def decode_line(raw: bytes) -> str:
    """Decode one line: UTF-8, else Windows-1252, else Latin-1 (which cannot fail)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_delimited_file(
    path: Path, name: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Read a CSV or TSV file, one document per row after the header."""
    tab = path.name.lower().endswith((".tsv", ".tab"))
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
            if not head.strip():
                raise UnreadableInput(name, "no text (empty file)")
            decode_bytes(head, name)  # refuse a binary file before parsing it as rows
            if head.startswith(WIDE_BOMS) or b"\x00" in head:  # UTF-16/32, BOM or not
                text = decode_bytes(read_bounded(path, name, options.max_bytes), name)
                raw_lines: Iterable[bytes | None] = (
                    line.encode("utf-8") for line in text.splitlines(keepends=True)
                )
            else:
                stream.seek(0)
                raw_lines = bounded_lines(stream, options.max_bytes)
            yield from read_rows(raw_lines, name, options, "\t" if tab else None)
    except OSError as error:
        raise UnreadableInput(name, os_error_reason(error)) from error


def read_rows(
    raw_lines: Iterable[bytes | None], name: str, options: ReadOptions, delimiter: str | None
) -> Iterator[Document | InputError]:
    """Parse rows from physical lines; the first non-blank row is the header."""
    feed = LineFeed(raw_lines, name, options.max_bytes)
    lines = iter(feed)
    first = next((line for line in lines if line.strip()), None)
    yield from drain(feed)
    if first is None:
        raise UnreadableInput(name, "no text (empty file)")
    dialect_delimiter = delimiter or guess_delimiter(first)
    rows = csv.reader(chain_first(first, lines), delimiter=dialect_delimiter, strict=False)
    previous_limit = csv.field_size_limit()
    # The limit is process-wide; it is raised (or lowered) to the size limit only while
    # this file is parsed, so a single huge cell is refused rather than held.
    csv.field_size_limit(options.max_bytes)
    try:
        feed.record_start = None
        header = next_row(rows, feed, name)
        if isinstance(header, InputError) or header is None:
            raise header or UnreadableInput(name, "no text (empty file)")
        columns = Columns(header, name, options.text_column)
        while True:
            feed.record_start = None
            row = next_row(rows, feed, name)
            yield from drain(feed)
            if row is None:
                return
            if isinstance(row, InputError):
                yield row
            elif is_data_row(row):
                yield document_from_row(row, columns, f"{name}:{feed.record_start}", name, options)
    finally:
        csv.field_size_limit(previous_limit)


def next_row(rows: Iterator[list[str]], feed: LineFeed, name: str) -> list[str] | InputError | None:
    """Return the next parsed row, an error naming the row's first line, or None at the end."""
    try:
        return next(rows)
    except StopIteration:
        return None
    except csv.Error as error:
        return UnreadableInput(
            f"{name}:{feed.record_start or feed.number}", f"broken row ({error})"
        )


def document_from_row(
    row: Sequence[str], columns: Columns, row_name: str, file_name: str, options: ReadOptions
) -> Document | InputError:
    """Build the document of one row, or the error that names why it cannot be one."""
    if len(row) > columns.width:
        return UnreadableInput(
            row_name, f"broken row: {len(row)} fields where the header has {columns.width}"
        )
    text = row[columns.text] if columns.text < len(row) else ""
    if not text.strip():
        return UnreadableInput(row_name, f"no text in column {columns.text_name!r}")
    if not is_encodable(text):
        return UnreadableInput(row_name, "text holds an unpaired surrogate")
    metadata = Metadata(
        title=columns.value(row, "title"),
        author=columns.value(row, "author"),
        outlet=columns.value(row, "outlet"),
        published=columns.value(row, "published"),
        url=columns.value(row, "url"),
    )
    return build_document(
        text,
        doc_id=columns.value(row, "id") or row_name,
        source=file_name,
        metadata=metadata,
        fallback_published=options.published,
    )


def is_data_row(row: Sequence[str]) -> bool:
    """Tell a row of data from a blank one or an HXL hashtag row ("#date+year", "#adm1+name")."""
    filled = [cell.strip() for cell in row if cell.strip()]
    return bool(filled) and not all(cell.startswith("#") for cell in filled)


def guess_delimiter(header: str) -> str:
    """Pick the delimiter the header line uses most (comma when it holds none)."""
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def chain_first(first: str, rest: Iterator[str]) -> Iterator[str]:
    """Yield a line already taken, then the rest."""
    yield first
    yield from rest


def drain(feed: LineFeed) -> Iterator[InputError]:
    """Yield and forget the errors the line feed has collected."""
    while feed.errors:
        yield feed.errors.pop(0)
