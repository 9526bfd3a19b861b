"""ACLED's public taxonomy: event types, sub-event types, disorder types and inter codes.

The names are spelled exactly as ACLED spells them (see TAXONOMY.md); everything that codes,
checks or exports an event reads them from here. This module imports nothing of claimgraph and
no spaCy, so stores, exporters and the web can use it without loading a language model.

Disorder types group sub-event types as ACLED's codebook does: organised violence is
"Political violence", demonstrations are "Demonstrations", and excessive force against
protesters is both ("Political violence; Demonstrations"). Inter codes (1-8) are ACLED's actor
types; the two-digit `interaction` puts the lower code first, and an event with no second
actor has 0 there (10, 20, ...). ACLED's newer files spell these as labels ("State
forces-Rebel groups"); the numbers are the older, still common, form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

BATTLES: Final = "Battles"
EXPLOSIONS: Final = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS: Final = "Violence against civilians"
PROTESTS: Final = "Protests"
RIOTS: Final = "Riots"
STRATEGIC_DEVELOPMENTS: Final = "Strategic developments"
EVENT_TYPES: Final = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC_DEVELOPMENTS,
)

POLITICAL_VIOLENCE: Final = "Political violence"
DEMONSTRATIONS: Final = "Demonstrations"
POLITICAL_VIOLENCE_AND_DEMONSTRATIONS: Final = "Political violence; Demonstrations"
DISORDER_TYPES: Final = (
    POLITICAL_VIOLENCE,
    DEMONSTRATIONS,
    POLITICAL_VIOLENCE_AND_DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS,
)


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type with the event type and disorder type it belongs to."""

    name: str
    event_type: str
    disorder_type: str


_PV, _DEM, _BOTH, _SD = (
    POLITICAL_VIOLENCE,
    DEMONSTRATIONS,
    POLITICAL_VIOLENCE_AND_DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS,
)
# In ACLED's order (codebook, and TAXONOMY.md's table).
SUB_EVENT_TYPES: Final = (
    SubEventType("Armed clash", BATTLES, _PV),
    SubEventType("Government regains territory", BATTLES, _PV),
    SubEventType("Non-state actor overtakes territory", BATTLES, _PV),
    SubEventType("Chemical weapon", EXPLOSIONS, _PV),
    SubEventType("Air/drone strike", EXPLOSIONS, _PV),
    SubEventType("Suicide bomb", EXPLOSIONS, _PV),
    SubEventType("Shelling/artillery/missile attack", EXPLOSIONS, _PV),
    SubEventType("Remote explosive/landmine/IED", EXPLOSIONS, _PV),
    SubEventType("Grenade", EXPLOSIONS, _PV),
    SubEventType("Sexual violence", VIOLENCE_AGAINST_CIVILIANS, _PV),
    SubEventType("Attack", VIOLENCE_AGAINST_CIVILIANS, _PV),
    SubEventType("Abduction/forced disappearance", VIOLENCE_AGAINST_CIVILIANS, _PV),
    SubEventType("Peaceful protest", PROTESTS, _DEM),
    SubEventType("Protest with intervention", PROTESTS, _DEM),
    SubEventType("Excessive force against protesters", PROTESTS, _BOTH),
    SubEventType("Violent demonstration", RIOTS, _DEM),
    SubEventType("Mob violence", RIOTS, _PV),
    SubEventType("Agreement", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Arrests", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Change to group/activity", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Disrupted weapons use", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Headquarters or base established", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Looting/property destruction", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Non-violent transfer of territory", STRATEGIC_DEVELOPMENTS, _SD),
    SubEventType("Other", STRATEGIC_DEVELOPMENTS, _SD),
)
SUB_EVENT_TYPE_NAMES: Final = tuple(s.name for s in SUB_EVENT_TYPES)
# sub-event type -> event type ("Armed clash" -> "Battles"), read-only.
EVENT_TYPE_OF: Final[Mapping[str, str]] = MappingProxyType(
    {s.name: s.event_type for s in SUB_EVENT_TYPES}
)
_BY_NAME: Final[Mapping[str, SubEventType]] = MappingProxyType({s.name: s for s in SUB_EVENT_TYPES})
# Event types whose events are violent acts (fatalities expected, attackers and victims).
VIOLENT_EVENT_TYPES: Final = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, RIOTS})
# Sub-event types about ground changing hands.
TERRITORIAL_TYPES: Final = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)


def sub_event_type(name: str) -> SubEventType:
    """Return the sub-event type of this name; KeyError names an unknown one."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"not an ACLED sub-event type: {name!r}") from None


def event_type_of(sub_event_type_name: str) -> str:
    """Return the event type of a sub-event type ("Armed clash" -> "Battles")."""
    return sub_event_type(sub_event_type_name).event_type


def disorder_type_of(sub_event_type_name: str) -> str:
    """Return ACLED's disorder type of a sub-event type ("Mob violence" -> "Political violence")."""
    return sub_event_type(sub_event_type_name).disorder_type


# ACLED's actor types, by inter code.
INTER_LABELS: Final[Mapping[int, str]] = MappingProxyType(
    {
        1: "State forces",
        2: "Rebel groups",
        3: "Political militias",
        4: "Identity militias",
        5: "Rioters",
        6: "Protesters",
        7: "Civilians",
        8: "External/other forces",
    }
)
# The model's actor kinds (model.ActorKind) -> inter codes. ACLED codes an unidentified armed
# group ("Unidentified Armed Group (Pakistan)") as a political militia.
INTER_CODE_OF_KIND: Final[Mapping[str, int]] = MappingProxyType(
    {
        "state": 1,
        "rebel": 2,
        "militia": 3,
        "identity_militia": 4,
        "rioters": 5,
        "protesters": 6,
        "civilians": 7,
        "external": 8,
        "unidentified": 3,
    }
)


def inter_code(kind: str) -> int:
    """Return ACLED's inter code for an actor kind ("rebel" -> 2); KeyError for an unknown kind."""
    try:
        return INTER_CODE_OF_KIND[kind]
    except KeyError:
        raise KeyError(f"not an actor kind: {kind!r}") from None


def interaction_code(inter1: int, inter2: int | None = None) -> int:
    """Return ACLED's two-digit interaction code: the lower inter code first (1 and 2 -> 12),
    and 0 in the second place when there is no second actor (inter2 None or 0: 1 -> 10)."""
    if inter1 not in INTER_LABELS or inter2 not in (None, 0, *INTER_LABELS):
        raise ValueError(f"not ACLED inter codes: {inter1!r}, {inter2!r}")
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
