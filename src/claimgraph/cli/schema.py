"""`schema`: print the JSON Schema of one output record, the contract in machine form."""

from __future__ import annotations

import sys

from claimgraph.cli.application import app
from claimgraph.cli.output import quiet_broken_pipe
from claimgraph.data_files import data_path

SCHEMA_FILE = ("schema", "record.schema.json")


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) that every `extract --format jsonl` line meets."""
    text = data_path(*SCHEMA_FILE).read_text(encoding="utf-8")
    try:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()
