"""The codebook distinctions a trigger alone cannot make, read from the rest of the sentence.

`refine_sub_event_type` turns a trigger's sub-event type into the one the ACLED codebook gives
the whole sentence: a killing at a protest is excessive force, an arrest at a protest an
intervention, an attack on armed men by armed men a clash, a shell carrying chlorine a chemical
weapon, a town taken after fighting a change of territory. Demonstrations and crowds are
`claimgraph.nlp.event_protest`'s, changes of territory `claimgraph.nlp.event_territory`'s; the
triggers themselves are found in `claimgraph.nlp.event_types`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from claimgraph.nlp.event_protest import (
    at_protest,
    crowd_perpetrator,
    is_protest_context,
    refine_crowd,
    refine_protest,
    sentence_lemmas,
    tells_sexual_violence,
)
from claimgraph.nlp.event_territory import refine_territory
from claimgraph.nlp.event_words import (
    ARMED_KINDS,
    LETHAL,
    SUICIDE,
    names_weapon,
)
from claimgraph.nlp.syntax import deps, lemma_of
from claimgraph.taxonomy import EVENT_TYPE_OF, TERRITORIAL_TYPES

CHEMICAL_AGENTS = frozenset(
    {
        "chlorine",
        "sarin",
        "vx",
        "tabun",
        "soman",
        "phosgene",
        "chloropicrin",
        "novichok",
        "ricin",
    }
)
CHEMICAL_MODIFIERS = frozenset(
    {"chemical", "toxic", "poison", "poisonous", "nerve", "cs", "mustard"}
)
CHEMICAL_CARRIERS = frozenset({"gas", "agent", "substance", "weapon", "munition", "laden"})
DISAPPEARED = frozenset(
    {"whereabouts", "whereabout", "disappear", "disappearance", "incommunicado"}
)
DEFUSED = frozenset(
    {
        "defuse",
        "discover",
        "find",
        "recover",
        "dismantle",
        "neutralise",
        "neutralize",
        "detect",
        "unearth",
        "deactivate",
        "disarm",
        "seize",
        "foil",
        "thwart",
    }
)
DETONATED = frozenset(
    {
        "explode",
        "detonate",
        "blast",
        "explosion",
        "kill",
        "injure",
        "wound",
        "die",
        "dead",
        "go",
        "damage",
        "hit",
        "blow",
        "trigger",
        "injury",
        "fatality",
        "shrapnel",
    }
)
REMOTE_OR_BATTLE = frozenset({"Explosions/Remote violence", "Battles"})


def recovers_weapon(sentence: Span) -> bool:
    """Tell whether a device was found or defused ("it was discovered and defused").

    What was found must be a weapon or a pronoun for one: "found the bodies of bomb victims"
    reports no device.
    """
    return any(
        lemma_of(t) in DEFUSED
        and any(
            names_weapon(o) or o.lower_ in {"it", "they", "them"}
            for o in deps(t, {"dobj", "nsubjpass"})
        )
        for t in sentence
    )


def names_chemical_agent(sentence: Span) -> bool:
    """Tell whether a sentence names a chemical agent ("chlorine", "toxic gas", "CS gas")."""
    for token in sentence:
        lemma = lemma_of(token)
        if lemma in CHEMICAL_AGENTS:
            return True
        following = {lemma_of(t) for t in token.doc[token.i + 1 : token.i + 3]}
        carried = lemma_of(token.head) in CHEMICAL_CARRIERS or following & CHEMICAL_CARRIERS
        if lemma in CHEMICAL_MODIFIERS and carried:
            return True
    return False


def refine_sub_event_type(
    sub_event_type: str,
    sentence: Span,
    trigger_lemmas: Iterable[str],
    attacker_kind: str | None,
    victim_kinds: Sequence[str | None],
) -> str:
    """Apply the codebook's distinctions that depend on the rest of the sentence."""
    lemmas = sentence_lemmas(sentence)
    triggers = frozenset(trigger_lemmas)
    protest = is_protest_context(sentence, lemmas)
    event_type = EVENT_TYPE_OF[sub_event_type]
    if sub_event_type in {"Arrests", "Attack", "Armed clash"}:
        protest = protest and at_protest(sentence)
    if sub_event_type == "Peaceful protest" or (
        protest
        and sub_event_type
        in {"Attack", "Arrests", "Armed clash", "Mob violence", "Violent demonstration"}
    ):
        return refine_protest(sentence, lemmas, triggers, attacker_kind)
    if sub_event_type == "Looting/property destruction" and lemmas & {"kill", "dead", "die"}:
        sub_event_type = "Attack"  # homes burned with people inside: violence against them
    if sub_event_type == "Mob violence" and attacker_kind in ARMED_KINDS:
        return "Attack"  # a lynching by an armed group or the state is no riot
    if (event_type in REMOTE_OR_BATTLE or sub_event_type == "Attack") and names_chemical_agent(
        sentence
    ):
        return "Chemical weapon"
    if event_type == "Battles" or sub_event_type in {
        "Non-violent transfer of territory",
        "Shelling/artillery/missile attack",
        "Air/drone strike",
    }:
        refined = refine_territory(sub_event_type, sentence, lemmas, attacker_kind)
        if refined != sub_event_type or sub_event_type in TERRITORIAL_TYPES:
            return refined
    if (
        sub_event_type
        in {"Attack", "Looting/property destruction", "Armed clash", "Violent demonstration"}
        and attacker_kind not in ARMED_KINDS
        and crowd_perpetrator(sentence)
    ):
        return refine_crowd(sub_event_type, sentence, lemmas)
    if sub_event_type in {"Abduction/forced disappearance", "Attack"} and tells_sexual_violence(
        sentence
    ):
        return "Sexual violence"
    if sub_event_type == "Arrests" and lemmas & DISAPPEARED:
        return "Abduction/forced disappearance"
    if sub_event_type in {"Remote explosive/landmine/IED", "Grenade"} and (
        recovers_weapon(sentence) and not lemmas & DETONATED
    ):
        return "Disrupted weapons use"
    if sub_event_type == "Remote explosive/landmine/IED" and lemmas & SUICIDE:
        return "Suicide bomb"
    if sub_event_type == "Attack":
        victims_armed = bool(victim_kinds) and all(k in ARMED_KINDS for k in victim_kinds if k)
        # Violence against armed men is a battle; an unnamed attacker of soldiers or police is
        # an armed group too (ACLED codes it as an unidentified armed group).
        if victims_armed and any(victim_kinds) and attacker_kind in ARMED_KINDS | {None}:
            return "Armed clash"
        if triggers & {"torch"} and not lemmas & LETHAL:
            return "Looting/property destruction"
    return sub_event_type
