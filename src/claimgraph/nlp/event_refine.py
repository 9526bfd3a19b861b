"""The codebook distinctions a trigger alone cannot make, read from the rest of the sentence.

`refine_sub_event_type` turns a trigger's sub-event type into the one the ACLED codebook gives
the whole sentence: a killing at a protest is excessive force, an arrest at a protest an
intervention, an attack on armed men by armed men a clash, a shell carrying chlorine a chemical
weapon, a town taken after fighting a change of territory. The triggers themselves are found
in `claimgraph.nlp.event_types`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from claimgraph.nlp.event_clauses import names_ground
from claimgraph.nlp.event_words import (
    ARMED_KINDS,
    LETHAL,
    PROTEST_INTERVENTION,
    RIOT_VIOLENCE,
    STATE_KINDS,
    STATE_WORDS,
    SUICIDE,
    is_person,
    names_weapon,
)
from claimgraph.nlp.syntax import deps, lemma_of
from claimgraph.taxonomy import EVENT_TYPE_OF, TERRITORIAL_TYPES


def sentence_lemmas(sentence: Span) -> frozenset[str]:
    """Return the lowercase lemmas of a sentence."""
    return frozenset(t.lemma_.lower() for t in sentence)


# Protest context (lemmas): the words for a demonstration, and gatherings said to be peaceful.
PROTEST_WORDS = frozenset(
    {
        "protest",
        "protester",
        "protestor",
        "demonstrator",
        "demonstration",
        "demonstrate",
        "march",
        "marcher",
        "rally",
        "sit-in",
        "vigil",
        "walkout",
    }
)
GATHERING_WORDS = frozenset(
    {"gather", "gathering", "crowd", "walk", "procession", "assembly", "assemble", "march"}
)
# Violence by demonstrators that makes a demonstration violent.
DEMONSTRATOR_VIOLENCE = RIOT_VIOLENCE | frozenset(
    {
        "projectile",
        "rock",
        "molotov",
        "alight",
        "ablaze",
        "storm",
        "smash",
        "damage",
        "ransack",
        "arson",
        "vandalism",
    }
)
# Force that gravely injures: beyond dispersal ("beat unconscious", "hospitalised").
GRAVE_INJURY = frozenset(
    {
        "hospitalise",
        "hospitalize",
        "hospitalised",
        "hospitalized",
        "hospital",
        "unconscious",
        "fracture",
        "fractured",
        "skull",
        "coma",
        "critically",
        "seriously",
        "gravely",
        "severe",
        "severely",
        "maim",
        "blind",
        "amputate",
    }
)
INTERVENTION = (PROTEST_INTERVENTION - {"block", "obstruct"}) | frozenset(
    {
        "kettle",
        "pepper",
        "stun",
        "prevent",
        "push",
        "chase",
        "scuffle",
        "tackle",
        "beat",
        "bundle",
        "break",
    }
)
NON_LETHAL_ROUNDS = frozenset(
    {
        "tear",
        "teargas",
        "rubber",
        "gas",
        "canister",
        "warning",
        "pellet",
        "water",
        "cannon",
        "blank",
        "air",
    }
)
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
# Perpetrators that are a crowd, not an armed group (lemmas).
CROWD = frozenset(
    {
        "mob",
        "crowd",
        "villager",
        "resident",
        "supporter",
        "fan",
        "youth",
        "rioter",
        "local",
        "townspeople",
        "worshipper",
        "neighbour",
        "neighbor",
        "onlooker",
        "passer",
        "passerby",
    }
)
# What a crowd does when it is violent (lemmas of its verbs).
CROWD_VIOLENCE = frozenset(
    {
        "beat",
        "lynch",
        "burn",
        "kill",
        "attack",
        "clash",
        "set",
        "torch",
        "hack",
        "stone",
        "assault",
        "stab",
        "loot",
        "vandalise",
        "vandalize",
        "ransack",
        "seize",
        "stop",
        "chase",
        "drag",
        "fight",
        "storm",
        "destroy",
        "damage",
        "raze",
        "hit",
        "pelt",
        "throw",
    }
)
REPORTING_VERBS = frozenset({"say", "tell", "confirm", "report", "add", "state", "claim"})
FIGHTING = frozenset(
    {
        "clash",
        "fight",
        "battle",
        "bombardment",
        "shelling",
        "shell",
        "attack",
        "assault",
        "offensive",
        "siege",
        "expel",
        "storm",
        "airstrike",
        "gunfight",
        "firefight",
        "heavy",
        "fierce",
        "kill",
        "ambush",
        "drive",
        "repel",
        "repulse",
    }
)
NO_FIGHT = frozenset(
    {
        "fight",
        "fighting",
        "resistance",
        "clash",
        "battle",
        "bloodshed",
        "shot",
        "violence",
        "incident",
    }
)
WITHDRAWAL = frozenset(
    {
        "withdraw",
        "abandon",
        "vacate",
        "leave",
        "evacuate",
        "handover",
        "hand",
        "cede",
        "relinquish",
        "retreat",
        "pull",
        "surrender",
        "deal",
    }
)
CAPTURE_VERBS = frozenset(
    {
        "capture",
        "seize",
        "overrun",
        "recapture",
        "retake",
        "regain",
        "wrest",
        "liberate",
        "take",
        "gain",
        "reclaim",
    }
)
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


# Forms of protest the tokenizer splits ("sit-in" is three tokens).
PROTEST_FORMS = ("sit-in", "human chain", "hunger strike", "flash mob", "picket line")


def names_protest_form(sentence: Span) -> bool:
    """Tell whether a sentence names a protest the tokenizer splits ("a sit-in")."""
    text = sentence.text.lower()
    return any(form in text for form in PROTEST_FORMS)


def is_protest_context(sentence: Span, lemmas: frozenset[str]) -> bool:
    """Tell whether a sentence tells of a demonstration ("protesters", "a peaceful march")."""
    if lemmas & PROTEST_WORDS - {"march", "rally"} or names_protest_form(sentence):
        return True
    # "march" and "rally" are protests as nouns, or as verbs of people (not of troops).
    if any(
        lemma_of(t) in {"march", "rally"}
        and (t.pos_ in {"NOUN", "PROPN"} or t.dep_ == "ROOT")
        and t.ent_type_ != "DATE"
        for t in sentence
    ):
        return not lemmas & {"troop", "soldier", "fighter", "militant", "army", "mutiny"}
    return bool(lemmas & {"peaceful", "peacefully"} and lemmas & GATHERING_WORDS)


def uses_lethal_force(sentence: Span, lemmas: frozenset[str]) -> bool:
    """Tell whether force killed or gravely hurt, or was live fire ("shot into the crowd")."""
    if lemmas & GRAVE_INJURY or lemmas & (LETHAL - {"bullet", "live"}):
        return True
    for token in sentence:
        lemma = lemma_of(token)
        shooting = lemma in {"shoot", "shot", "fire"} or token.lower_ in {"shot", "fired"}
        # The tagger sometimes reads "shot into a crowd" as a noun; its clause shows the verb.
        verbal = token.pos_ == "VERB" or token.dep_ == "ROOT"
        near = {lemma_of(c) for c in token.subtree} if verbal else set()
        if shooting and verbal and not near & NON_LETHAL_ROUNDS:
            return True
        if lemma == "fire" and lemma_of(token.head) == "open" and token.dep_ == "dobj":
            return True  # "opened fire on the crowd"
        if lemma in {"bullet", "ammunition", "round"} and any(
            c.lower_ == "live" for c in token.children
        ):
            return True
        if lemma == "fatality" and any(c.dep_ == "nummod" for c in token.children):
            return True
    return False


def refine_protest(
    sentence: Span, lemmas: frozenset[str], triggers: frozenset[str], attacker_kind: str | None
) -> str:
    """Code a demonstration: violent, met with lethal or grave force, intervened in, or peaceful.

    Demonstrators' own violence makes it a violent demonstration; force that kills or gravely
    injures (or live fire) by the state is excessive force; arrests, dispersal, tear gas or
    blocking by the state make it a protest with intervention.
    """
    state = attacker_kind == "state" or bool(lemmas & STATE_WORDS)
    # "set" counts as the trigger of "set ... on fire" / "set ... alight", not as a word.
    violent = (
        lemmas & (DEMONSTRATOR_VIOLENCE | {"riot", "rioter", "rioting", "throw", "hurl"})
        or "set" in triggers
        or {"set", "fire"} <= lemmas
    )
    if violent and attacker_kind != "state":
        return "Violent demonstration"
    if state and uses_lethal_force(sentence, lemmas):
        return "Excessive force against protesters"
    if lemmas & INTERVENTION or (state and lemmas & {"block", "obstruct"}):
        return "Protest with intervention"
    return "Peaceful protest"


PARTICIPANTS = frozenset({"protester", "protestor", "demonstrator", "marcher", "participant"})


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


def at_protest(sentence: Span) -> bool:
    """Tell whether the people acted on were demonstrating, not only near a protest.

    "detained protesters", "arrested students during a march", "detained people who gathered
    to protest" count; "arrested soon after a rally" does not.
    """
    if names_protest_form(sentence):
        return True
    for token in sentence:
        lemma = lemma_of(token)
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if lemma in PARTICIPANTS or (
            lemma in PROTEST_WORDS and token.pos_ == "VERB" and not purpose
        ):
            return True
        protest_noun = lemma in PROTEST_WORDS or (
            lemma in GATHERING_WORDS
            and any(lemma_of(c) in {"peaceful", "peacefully"} for c in token.children)
        )
        # Not a protest the text sets apart in time or as a reason ("after a rally",
        # "in protest against the killing").
        apart = token.dep_ == "pobj" and token.head.lower_ in {"in", "after", "before", "following"}
        if protest_noun and not apart:
            return True
    return False


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


def crowd_perpetrator(sentence: Span) -> bool:
    """Tell whether the ones acting are a crowd ("a mob", "villagers", "a group of residents").

    Crowds of unarmed people ("rival supporters", "angry residents", "football fans") rather
    than an armed group or the state.
    """
    for token in sentence:
        lemma = lemma_of(token)
        subject = token
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            subject = token.head.head  # "a group of residents", "members of rival parties"
        verb = subject.head if subject.dep_ == "nsubj" else token.head.head
        acting = (
            subject.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        ) and {lemma_of(v) for v in [verb, *verb.conjuncts]} & CROWD_VIOLENCE
        rival = lemma == "party" and any(lemma_of(c) == "rival" for c in token.children)
        if acting and (lemma in CROWD or lemma.removesuffix("s") in CROWD or rival):
            return True
    return False


SEXUAL_FORMS = frozenset({"rape", "raped", "rapes", "raping", "molest", "molested", "molesting"})


def tells_sexual_violence(sentence: Span) -> bool:
    """Tell whether a sentence reports rape or sexual assault, not an accusation of it.

    "abducted and raped a girl" counts; "punished him for molesting a girl" does not.
    """
    for token in sentence:
        sexual = token.lower_ in SEXUAL_FORMS or lemma_of(token) in {"rape", "molest"}
        if not sexual and lemma_of(token) in {"assault", "abuse"}:
            sexual = any(lemma_of(c) in {"sexual", "sexually"} for c in token.children)
        accused = token.dep_ == "pcomp" or any(
            lemma_of(a) in {"accuse", "charge", "suspect", "allegation"} for a in token.ancestors
        )
        if sexual and not accused:
            return True
    return False


def refine_crowd(sub_event_type: str, sentence: Span, lemmas: frozenset[str]) -> str:
    """Code what a crowd did: mob violence, or a violent demonstration.

    A crowd that beats, burns or kills people, or burns their homes, is a mob; one that
    storms or wrecks the seats of the state, or fights the police, is demonstrating.
    """
    if state_involved(sentence) or lemmas & INSTITUTIONS:
        return "Violent demonstration" if sub_event_type != "Attack" else sub_event_type
    if sub_event_type == "Violent demonstration" and not harms_people(sentence, lemmas):
        return sub_event_type  # "rioters blocked the highway with burning trucks"
    return "Mob violence"


# Seats of the state a crowd may storm ("invaded the parliament").
INSTITUTIONS = frozenset(
    {
        "parliament",
        "congress",
        "court",
        "palace",
        "ministry",
        "prefecture",
        "governorate",
        "secretariat",
        "embassy",
        "assembly",
        "legislature",
        "capitol",
        "commission",
    }
)
HARM_TO_PEOPLE = frozenset(
    {
        "kill",
        "lynch",
        "alive",
        "death",
        "dead",
        "hack",
        "stab",
        "injure",
        "wound",
        "house",
        "home",
    }
)


def harms_people(sentence: Span, lemmas: frozenset[str]) -> bool:
    """Tell whether a crowd harmed people or their homes ("burned a man", "beat him")."""
    if lemmas & HARM_TO_PEOPLE:
        return True
    return any(
        lemma_of(t) in CROWD_VIOLENCE and any(is_person(o) for o in deps(t, {"dobj"}))
        for t in sentence
    )


def state_involved(sentence: Span) -> bool:
    """Tell whether the state takes part in what a sentence tells ("police said" does not)."""
    for token in sentence:
        if lemma_of(token) not in STATE_WORDS:
            continue
        acting = token.dep_ == "nsubj" and lemma_of(token.head) not in REPORTING_VERBS
        # "clashed with police", "threw stones at police", "were dispersed by police".
        faced = token.dep_ == "pobj" and token.head.lower_ in {"with", "at", "against", "by"}
        if acting or faced:
            return True
    return False


def captures_ground(sentence: Span) -> str | None:
    """Return the capture verb's lemma when the sentence says ground was taken ("retook X")."""
    for token in sentence:
        lemma = lemma_of(token)
        if lemma not in CAPTURE_VERBS or token.pos_ != "VERB":
            continue
        objects = deps(token, {"dobj", "nsubjpass"})
        if lemma in {"take", "gain"}:
            over = any(c.lower_ == "over" for c in token.children)
            if not over and not any(lemma_of(o) == "control" for o in objects):
                continue
        if names_ground(token):
            return lemma
    return None


def refine_territory(
    sub_event_type: str, sentence: Span, lemmas: frozenset[str], attacker_kind: str | None
) -> str:
    """Code a change of territory: who took it, and whether it was fought for.

    Ground taken after fighting is coded by who took it, not as the fight; ground taken without
    fighting (the other side withdrew, handed over, "without a fight") is a non-violent transfer.
    """
    taken = captures_ground(sentence)
    if taken is None and sub_event_type not in TERRITORIAL_TYPES:
        return sub_event_type
    if sub_event_type not in TERRITORIAL_TYPES:
        if taken in {"recapture", "retake", "regain", "liberate", "reclaim"}:
            sub_event_type = "Government regains territory"
        else:
            sub_event_type = "Non-state actor overtakes territory"
    if attacker_kind is None and state_subject(sentence):
        attacker_kind = "state"
    if fought_over(sentence, lemmas):
        if attacker_kind in STATE_KINDS:
            return "Government regains territory"
        if attacker_kind in NON_STATE_KINDS:
            return "Non-state actor overtakes territory"
        return sub_event_type
    return "Non-violent transfer of territory"


STATE_FORCES = frozenset({"regime", "government", "army", "military", "troop", "soldier"})


LOYALIST = frozenset({"pro-government", "loyalist", "government-backed", "state-backed"})


def state_subject(sentence: Span) -> bool:
    """Tell whether a capture's subject is state forces ("regime forces", "government troops")."""
    for token in sentence:
        if lemma_of(token) not in CAPTURE_VERBS:
            continue
        for subject in deps(token, {"nsubj"}):
            words = {lemma_of(t) for t in subject.subtree}
            national = any(t.ent_type_ == "NORP" for t in subject.subtree)
            if words & STATE_FORCES or words & LOYALIST or (national and words & {"force"}):
                return True  # "regime forces", "Iraqi forces", "pro-government militia"
    return False


def fought_over(sentence: Span, lemmas: frozenset[str]) -> bool:
    """Tell whether ground changed hands by fighting (not "without a fight", "after X withdrew")."""
    for token in sentence:
        if lemma_of(token) in NO_FIGHT | {"fighting"} and any(
            c.lower_ in {"no", "without"} for c in [token.head, *token.children]
        ):
            return False
    if lemmas & {"peacefully", "unopposed", "uncontested", "peaceful"}:
        return False
    return not (lemmas & WITHDRAWAL) or bool(lemmas & FIGHTING)


NON_STATE_KINDS = frozenset({"rebel", "militia", "identity_militia"})


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
