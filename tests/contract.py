"""Check CLI output against the shipped JSON Schema of one output record."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from claimgraph.data_files import data_path

# Commands whose output, in these formats, is contract records; and each one's default format.
RECORD_COMMANDS = {"extract": "jsonl", "claims": "table"}
RECORD_FORMATS = ("jsonl", "json")


@cache
def record_validator() -> Draft202012Validator:
    """Load the shipped record schema, checked as a draft 2020-12 schema itself."""
    schema = json.loads(data_path("schema", "record.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(record: Any) -> list[str]:
    """Return where and why one record breaks the schema (empty when it is valid)."""
    return [
        f"{error.json_path}: {error.message[:200]}"
        for error in record_validator().iter_errors(record)
    ]


def assert_valid_record(record: Any) -> None:
    """Fail with every schema error of one record."""
    errors = schema_errors(record)
    assert not errors, "output breaks the record schema:\n" + "\n".join(errors)


def output_format(args: Sequence[str]) -> str | None:
    """Return the format a CLI invocation prints records in, or None when it prints none."""
    command = next((arg for arg in args if arg in RECORD_COMMANDS), None)
    if command is None:
        return None
    if command == "claims" and not any(arg == "-" or os.path.exists(arg) for arg in args):
        return None  # without inputs, `claims` lists stored claims, which are not records
    chosen = RECORD_COMMANDS[command]
    for flag, value in zip(args, args[1:], strict=False):
        if flag in ("--format", "-f"):
            chosen = value
    return chosen if chosen in RECORD_FORMATS else None


def assert_output_meets_contract(args: Sequence[str], stdout: str) -> None:
    """Validate every record a CLI invocation printed on stdout (nothing when it printed none)."""
    chosen = output_format(args)
    if chosen == "jsonl":
        records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    elif chosen == "json" and stdout.strip():
        records = json.loads(stdout)
    else:
        return
    for record in records:
        assert_valid_record(record)
