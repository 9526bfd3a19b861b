"""What every reader is given: the caller's options, and the reader signature itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from claimgraph.errors import InputError
from claimgraph.model import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN_NAME = "<stdin>"  # how standard input is named in errors


class ReadOptions(NamedTuple):
    """Options shared by all readers."""

    published: str | None = None  # fallback publication date (the CLI's --published)
    max_bytes: int = DEFAULT_MAX_BYTES  # per file, per JSONL line, per WARC record, per CSV cell
    text_column: str | None = None  # CSV/TSV column holding the text (the CLI's --text-column)


# A reader turns one file (by path, with the name to report it by) into documents and
# per-item errors; a failure of the whole file is raised as an InputError.
Reader = Callable[[Path, str, ReadOptions], Iterator[Document | InputError]]
