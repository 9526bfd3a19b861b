"""ACLED's taxonomy as claimgraph spells it: the table of TAXONOMY.md, disorder types, inter codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.taxonomy import (
    DISORDER_TYPES,
    EVENT_TYPE_OF,
    EVENT_TYPES,
    INTER_CODE_OF_KIND,
    SUB_EVENT_TYPE_NAMES,
    disorder_type_of,
    event_type_of,
    inter_code,
    interaction_code,
)

PV, DEM, BOTH, SD = (
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
)
# TAXONOMY.md's table (event type, sub-event type), with ACLED's disorder type of each.
TABLE = [
    ("Battles", "Armed clash", PV),
    ("Battles", "Government regains territory", PV),
    ("Battles", "Non-state actor overtakes territory", PV),
    ("Explosions/Remote violence", "Chemical weapon", PV),
    ("Explosions/Remote violence", "Air/drone strike", PV),
    ("Explosions/Remote violence", "Suicide bomb", PV),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", PV),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", PV),
    ("Explosions/Remote violence", "Grenade", PV),
    ("Violence against civilians", "Sexual violence", PV),
    ("Violence against civilians", "Attack", PV),
    ("Violence against civilians", "Abduction/forced disappearance", PV),
    ("Protests", "Peaceful protest", DEM),
    ("Protests", "Protest with intervention", DEM),
    ("Protests", "Excessive force against protesters", BOTH),
    ("Riots", "Violent demonstration", DEM),
    ("Riots", "Mob violence", PV),
    ("Strategic developments", "Agreement", SD),
    ("Strategic developments", "Arrests", SD),
    ("Strategic developments", "Change to group/activity", SD),
    ("Strategic developments", "Disrupted weapons use", SD),
    ("Strategic developments", "Headquarters or base established", SD),
    ("Strategic developments", "Looting/property destruction", SD),
    ("Strategic developments", "Non-violent transfer of territory", SD),
    ("Strategic developments", "Other", SD),
]
TAXONOMY_MD = Path(__file__).resolve().parents[2] / "shared" / "TAXONOMY.md"


@pytest.mark.parametrize(("event_type", "sub_event_type", "disorder_type"), TABLE)
def test_each_sub_event_type_has_its_event_and_disorder_type(
    event_type: str, sub_event_type: str, disorder_type: str
) -> None:
    assert event_type_of(sub_event_type) == event_type
    assert EVENT_TYPE_OF[sub_event_type] == event_type
    assert disorder_type_of(sub_event_type) == disorder_type


def test_the_taxonomy_has_25_sub_event_types_in_6_event_types_in_acled_order() -> None:
    assert tuple(row[1] for row in TABLE) == SUB_EVENT_TYPE_NAMES
    assert tuple(dict.fromkeys(row[0] for row in TABLE)) == EVENT_TYPES
    assert (len(SUB_EVENT_TYPE_NAMES), len(EVENT_TYPES)) == (25, 6)
    assert set(DISORDER_TYPES) == {row[2] for row in TABLE}


@pytest.mark.skipif(
    not TAXONOMY_MD.exists(), reason="the shared TAXONOMY.md is not beside the repo"
)
def test_the_table_is_taxonomy_md() -> None:
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", TAXONOMY_MD.read_text(encoding="utf-8"), re.M)
    assert [r for r in rows if r[0] not in ("event_type", "---")] == [row[:2] for row in TABLE]


def test_the_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        EVENT_TYPE_OF["Armed clash"] = "Riots"  # type: ignore[index]


@pytest.mark.parametrize("name", ["Armed Clash", "Battles", ""])
def test_an_unknown_sub_event_type_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        event_type_of(name)


@pytest.mark.parametrize(
    ("kind", "code"),
    [("state", 1), ("rebel", 2), ("militia", 3), ("identity_militia", 4), ("rioters", 5),
     ("protesters", 6), ("civilians", 7), ("external", 8), ("unidentified", 3)],
)  # fmt: skip
def test_actor_kinds_have_acled_inter_codes(kind: str, code: int) -> None:
    assert inter_code(kind) == code


def test_every_actor_kind_of_the_model_has_an_inter_code() -> None:
    from typing import get_args

    from claimgraph.model import ActorKind

    assert set(get_args(ActorKind)) == set(INTER_CODE_OF_KIND)


@pytest.mark.parametrize(
    ("inter1", "inter2", "interaction"),
    [(1, 2, 12), (2, 1, 12), (1, 1, 11), (3, 7, 37), (7, 3, 37), (8, 1, 18), (1, None, 10),
     (6, None, 60), (6, 0, 60), (5, 5, 55)],
)  # fmt: skip
def test_interaction_puts_the_lower_code_first_and_0_for_no_second_actor(
    inter1: int, inter2: int | None, interaction: int
) -> None:
    assert interaction_code(inter1, inter2) == interaction


@pytest.mark.parametrize(("inter1", "inter2"), [(0, 1), (9, None), (1, 9)])
def test_interaction_refuses_codes_acled_does_not_have(inter1: int, inter2: int | None) -> None:
    with pytest.raises(ValueError):
        interaction_code(inter1, inter2)


def test_importing_the_taxonomy_loads_no_spacy_and_nothing_else_of_claimgraph() -> None:
    code = (
        "import sys, claimgraph.taxonomy; "
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'claimgraph.'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['claimgraph.taxonomy']"
