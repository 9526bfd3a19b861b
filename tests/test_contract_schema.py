"""The output contract as a JSON Schema: shipped, printed by `claimgraph schema`, and strict."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from claimgraph import model
from claimgraph.cli import app
from claimgraph.data_files import data_path
from claimgraph.export.contract import record_to_json
from claimgraph.model import (
    Actor,
    Claim,
    Document,
    Event,
    EventActor,
    Location,
    Place,
    Record,
    Rhetoric,
    Span,
    Speaker,
)
from tests.contract import (
    assert_output_meets_contract,
    assert_valid_record,
    record_validator,
    schema_errors,
)

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))
TAXONOMY = Path(__file__).parents[2] / "shared" / "TAXONOMY.md"
TEXT = "By Jane Roe\n\nPolice arrested two men in Lahore, a spokesman said. It was reportedly calm."


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def full_record() -> Record:
    """A record with every optional field filled, built as the pipeline builds one."""
    document = Document(
        id="doc-1", text=TEXT, title="Arrests in Lahore", author="Jane Roe", outlet="Wire",
        published="2024-03-14", url="https://example.org/a", source="a.txt", language="en",
        sha256="0" * 64,
    )  # fmt: skip
    lahore = span(TEXT, "Lahore")
    police = span(TEXT, "Police")
    mention = span(TEXT, "a spokesman")
    speaker = Speaker("spokesman", "named_official", mention.start, mention.end)
    event = Event(
        id="e1", event_type="Strategic developments", sub_event_type="Arrests",
        event_date="2024-03-11", time_precision=1,
        actor1=EventActor("Police Forces of Pakistan", "Police", "state"),
        actor2=EventActor("Civilians (Pakistan)", "two men", None),
        background=False,
        location=Location("Lahore", 1172451, 31.55, 74.34, "PK", "Punjab", "Lahore", 1),
        fatalities=0, fatalities_low=0, fatalities_high=0,
        speaker=Speaker("spokesman", "named_official"), modality="attributed",
        evidence=(span(TEXT, "Police arrested two men in Lahore, a spokesman said."),),
        confidence=0.9,
    )  # fmt: skip
    claim = Claim(
        text="Police arrested two men in Lahore", start=police.start, end=lahore.end,
        speaker=speaker, cue="said", cue_start=TEXT.index("said"),
        cue_end=TEXT.index("said") + 4, modality="hedged",
        hedge=span(TEXT, "reportedly"), check_worthiness=0.7,
    )  # fmt: skip
    return Record(
        document=document,
        genre="news",
        genre_evidence=("byline",),
        events=(event,),
        places=(Place(lahore.text, lahore.start, lahore.end, "Lahore", 1172451, 31.55, 74.34,
                      "PK", "Punjab", "PK.04", "Lahore", "PPLA"),),
        actors=(Actor(police.text, police.start, police.end, "Police Forces of Pakistan", "state"),),
        claims=(claim,),
        rhetoric=(Rhetoric("vague_authority", mention.text, mention.start, mention.end),),
    )  # fmt: skip


def minimal_record() -> Record:
    """A record where everything that may be null is null."""
    document = Document(id="doc-2", text=TEXT, sha256="f" * 64)
    event = Event(
        id="e2", event_type="Battles", sub_event_type="Armed clash", event_date=None,
        time_precision=None, actor1=None, actor2=None, background=True, location=None,
        fatalities=None, fatalities_low=None, fatalities_high=None,
        speaker=Speaker(None, "author"), modality="asserted", evidence=(), confidence=0.0,
    )  # fmt: skip
    claim = Claim(TEXT, 0, len(TEXT), Speaker(None, "unnamed"), None, None, None, "asserted")
    return Record(
        document=document,
        events=(event,),
        places=(Place("Lahore", 0, 6),),
        actors=(Actor("IS", 0, 2, "Islamic State"),),
        claims=(claim,),
    )


def test_schema_command_prints_the_shipped_draft_2020_12_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    shipped = data_path("schema", "record.schema.json").read_text(encoding="utf-8")
    assert printed == json.loads(shipped)


def test_sample_output_meets_the_schema() -> None:
    result = CliRunner().invoke(app, ["extract", "--sample", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) >= 2
    for line in lines:
        assert_valid_record(json.loads(line))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda path: path.stem)
def test_golden_output_meets_the_schema(path: Path) -> None:
    assert_valid_record(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("build", [full_record, minimal_record])
@pytest.mark.parametrize("include_text", [False, True])
def test_every_field_the_exporter_writes_is_in_the_schema(
    build: Callable[[], Record], include_text: bool
) -> None:
    assert_valid_record(record_to_json(build(), include_text))


def set_in(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Return a change that sets a dotted path ("events.0.modality") to a value."""

    def change(record: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = record
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return change


def drop(path: str) -> Callable[[dict[str, Any]], None]:
    """Return a change that removes the key at a dotted path."""

    def change(record: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = record
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        del target[last]

    return change


WRONG = {
    "unknown top-level key": set_in("provenance", "x"),
    "unknown document key": set_in("document.source", "a.txt"),
    "unknown event key": set_in("events.0.document_id", "doc-1"),
    "unknown place key": set_in("places.0.population", 1000),
    "unknown actor key (parent stays internal)": set_in("actors.0.parent", "IS"),
    "event speaker with offsets": set_in("events.0.speaker.start", 3),
    "missing id": drop("id"),
    "missing events": drop("events"),
    "missing nullable field": drop("document.title"),
    "missing claim hedge": drop("claims.0.hedge"),
    "genre not in the contract": set_in("document.genre", "editorial"),
    "modality not in the contract": set_in("claims.0.modality", "alleged"),
    "speaker type not in the contract": set_in("claims.0.speaker.type", "official"),
    "actor kind not in the contract": set_in("actors.0.kind", "terrorist"),
    "rhetoric kind not in the contract": set_in("rhetoric.0.kind", "propaganda"),
    "event type misspelt": set_in("events.0.event_type", "Battle"),
    "sub-event type misspelt": set_in("events.0.sub_event_type", "Air strike"),
    "sub-event type under the wrong event type": set_in("events.0.event_type", "Battles"),
    "date not ISO": set_in("events.0.event_date", "11/03/2024"),
    "published not ISO": set_in("document.published", "March 2024"),
    "time precision out of range": set_in("events.0.time_precision", 4),
    "geo precision null": set_in("events.0.location.geo_precision", None),
    "negative offset": set_in("places.0.start", -1),
    "offset as text": set_in("claims.0.end", "12"),
    "fractional fatalities": set_in("events.0.fatalities", 1.5),
    "negative fatalities": set_in("events.0.fatalities_low", -2),
    "confidence over one": set_in("events.0.confidence", 1.2),
    "background not boolean": set_in("events.0.background", "no"),
    "evidence not a list": set_in("events.0.evidence", {"start": 0, "end": 1, "text": "B"}),
    "latitude off the globe": set_in("places.0.latitude", 91.0),
    "null name of an actor": set_in("actors.0.name", None),
    "sha256 not hex": set_in("document.sha256", "abc"),
    "text as null": set_in("document.text", None),
}


@pytest.mark.parametrize("change", WRONG.values(), ids=list(WRONG))
def test_a_wrong_record_fails_validation(change: Callable[[dict[str, Any]], None]) -> None:
    record = record_to_json(full_record())
    assert not schema_errors(record)
    wrong = copy.deepcopy(record)
    change(wrong)
    assert schema_errors(wrong)


def schema_enum(name: str) -> set[object]:
    return set(record_validator().schema["$defs"][name]["enum"])


@pytest.mark.parametrize(
    ("definition", "literal", "nullable"),
    [
        ("genre", model.Genre, False),
        ("speaker_type", model.SpeakerType, False),
        ("modality", model.Modality, False),
        ("actor_kind", model.ActorKind, True),
        ("rhetoric_kind", model.RhetoricKind, False),
    ],
)
def test_schema_enums_are_the_model_literals(
    definition: str, literal: object, nullable: bool
) -> None:
    expected: set[object] = set(get_args(literal)) | ({None} if nullable else set())
    assert schema_enum(definition) == expected


def taxonomy_pairs() -> dict[str, set[str]]:
    """Read the event type -> sub-event types table of TAXONOMY.md."""
    pairs: dict[str, set[str]] = {}
    for line in TAXONOMY.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| ([^|]+?) \| ([^|]+?) \|", line)
        if row and row.group(1) not in {"event_type", "---"}:
            pairs.setdefault(row.group(1), set()).add(row.group(2))
    return pairs


@pytest.mark.skipif(not TAXONOMY.exists(), reason="../shared/TAXONOMY.md is not at hand")
def test_acled_names_are_spelled_as_in_the_taxonomy() -> None:
    pairs = taxonomy_pairs()
    assert schema_enum("event_type") == set(pairs)
    assert schema_enum("sub_event_type") == set().union(*pairs.values())
    branches = record_validator().schema["$defs"]["acled_type_pair"]["oneOf"]
    in_schema = {
        branch["properties"]["event_type"]["const"]: set(
            branch["properties"]["sub_event_type"]["enum"]
        )
        for branch in branches
    }
    assert in_schema == pairs


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "a.txt"],
        ["extract", "a.txt", "-f", "jsonl"],
        ["claims", "-", "--format", "jsonl"],
    ],
)
def test_the_cli_helper_refuses_output_that_breaks_the_contract(args: list[str]) -> None:
    wrong = record_to_json(minimal_record())
    wrong["events"][0]["modality"] = "alleged"
    with pytest.raises(AssertionError, match="modality"):
        assert_output_meets_contract(args, json.dumps(wrong) + "\n")


def test_the_cli_helper_checks_json_arrays_and_skips_tables(tmp_path: Path) -> None:
    wrong = record_to_json(minimal_record()) | {"extra": 1}
    with pytest.raises(AssertionError):
        assert_output_meets_contract(["extract", "a.txt", "--format", "json"], json.dumps([wrong]))
    assert_output_meets_contract(["extract", "a.txt", "--format", "table"], "not json")
    assert_output_meets_contract(["claims", "a.txt"], "not json")
    # `claims` on stored claims (no inputs given) prints claim rows, not records.
    assert_output_meets_contract(["claims", "--format", "jsonl"], json.dumps({"text": "x"}))
    article = tmp_path / "a.txt"
    article.write_text("x")
    with pytest.raises(AssertionError):
        assert_output_meets_contract(["claims", str(article), "-f", "jsonl"], json.dumps(wrong))
