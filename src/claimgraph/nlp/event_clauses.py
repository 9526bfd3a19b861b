"""What a clause tells beyond its verb (part of events.v1).

The tests the parse triggers (`claimgraph.nlp.event_parse_triggers`) apply to a clause: a
gathering to demand something, a new leader named, a base set up, a directive or a threat,
an intent rather than a deed, a person seized, ground named as taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from claimgraph.nlp.event_words import (
    ARMED_PERSONS,
    ARMED_UNITS,
    LEADER_NOUNS,
    STATE_WORDS,
    agents_of,
    is_armed_person,
    is_person,
    names_weapon,
)
from claimgraph.nlp.syntax import deps, lemma_of, prep_objects

# Heads whose complement says what a protest or an agreement is about, or what is stopped:
# "marched to demand the release of kidnapped girls", "a pact to end cattle raids",
# "a plot to bomb a church". What they are about is no incident of its own.
DEMAND_VERBS = frozenset(
    {
        "demand",
        "protest",
        "denounce",
        "condemn",
        "decry",
        "oppose",
        "call",
        "urge",
        "press",
        "seek",
        "mourn",
        "commemorate",
        "remember",
        "honour",
        "honor",
        "mark",
        "express",
        "show",
        "voice",
        "reject",
        "defy",
    }
)


BASE_NOUNS = frozenset(
    {
        "base",
        "camp",
        "headquarters",
        "hq",
        "position",
        "outpost",
        "office",
        "post",
        "garrison",
        "stronghold",
    }
)


# What an armed group or authority imposes or issues on a population (ACLED "Other").
# Where an emergency declared is the care of casualties, not a state of emergency.
MEDICAL_NOUNS = frozenset({"hospital", "clinic", "medical", "trauma", "health"})
DIRECTIVE_NOUNS = frozenset(
    {
        "ban",
        "blockade",
        "curfew",
        "order",
        "restriction",
        "lockdown",
        "warning",
        "threat",
        "ultimatum",
        "directive",
        "decree",
        "shutdown",
        "emergency",
        "tax",
        "levy",
        "edict",
    }
)


LEAFLETS = frozenset({"leaflet", "letter", "flyer", "pamphlet", "notice", "poster", "tract"})


def thrown_at_police(verb: Token, objects: Sequence[Token]) -> bool:
    """Tell whether unarmed people threw something at the police ("threw eggs at riot police")."""
    at_police = any(
        lemma_of(p) in STATE_WORDS or any(lemma_of(c) in STATE_WORDS for c in p.children)
        for p in prep_objects(verb, {"at"})
    )
    return (
        at_police
        and not any(names_weapon(o) for o in objects)
        and not any(
            is_armed_person(a) or lemma_of(a) in {"assailant", "attacker", "gunman"}
            for a in agents_of(verb)
        )
    )


def establishes_base(verb: Token, object_lemmas: set[str]) -> bool:
    """Tell whether a building verb sets up a base ("set up a camp", "opened an office").

    An office is a base only when armed men open it, not a party registering voters.
    """
    bases = object_lemmas & BASE_NOUNS
    if bases - {"office"}:
        return True
    return bool(bases) and any(
        is_armed_person(t) or lemma_of(t) in ARMED_UNITS | {"army", "militia", "rebel"}
        for a in agents_of(verb)
        for t in a.subtree
    )


THREATENED = frozenset(
    {
        "kill",
        "attack",
        "punish",
        "burn",
        "kidnap",
        "abduct",
        "bomb",
        "behead",
        "harm",
        "shoot",
        "reprisal",
        "retaliation",
        "violence",
        "death",
        "consequence",
        "dire",
    }
)


def threatens_violence(verb: Token) -> bool:
    """Tell whether a threat is of violence ("threatening reprisals", "threatened to kill")."""
    said = deps(verb, {"dobj", "xcomp"})
    return any(lemma_of(t) in THREATENED for s in said for t in s.subtree)


ORDERING_VERBS = frozenset(
    {"order", "warn", "threaten", "demand", "direct", "instruct", "tell", "forbid", "ban"}
)


def orders_people(thing: Token) -> bool:
    """Tell whether a leaflet orders or threatens ("leaflets ordering shops to close").

    Leaflets urging people to vote are campaigning, not a directive.
    """
    if lemma_of(thing) not in LEAFLETS:
        return False
    said = [c for c in thing.children if c.dep_ in {"acl", "relcl"}]
    return any(lemma_of(c) in ORDERING_VERBS for c in said)


def is_directive(thing: Token) -> bool:
    """Tell whether an object names an order imposed on people ("a curfew", "a warning to X").

    Not a kind of advisory ("a travel warning", "a weather warning").
    """
    lemma = lemma_of(thing)
    if lemma not in DIRECTIVE_NOUNS:
        return False
    if lemma == "emergency" and any(t.lemma_.lower() in MEDICAL_NOUNS for t in thing.sent):
        return False  # "an emergency was declared at the hospital": care for the wounded
    return not any(c.dep_ == "compound" for c in thing.children)


ACHIEVED_HEADS = frozenset({"manage", "succeed", "go", "begin", "start", "continue", "agree"})


def is_intended(verb: Token) -> bool:
    """Tell whether a verb says what someone meant to do ("planning to set up a camp").

    An infinitive of purpose or intent ("fought to gain control") is not what happened;
    one after "managed", "began" and the like is.
    """
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive or verb.dep_ not in {"xcomp", "advcl", "acl"}:
        return False
    return lemma_of(verb.head) not in ACHIEVED_HEADS


def seizes_person(verb: Token, lemma: str, objects: Sequence[Token]) -> bool:
    """Tell whether people were seized by others than the state ("took a student from her home").

    "took" only with a place taken from: "took the wounded to hospital" is no abduction.
    """
    if not any(is_person(o) for o in objects):
        return False
    if lemma == "take" and not prep_objects(verb, {"from"}):
        return False
    return not any(lemma_of(t) in STATE_WORDS for a in agents_of(verb) for t in a.subtree)


def is_gathering(verb: Token, lemma: str) -> bool:
    """Tell whether people gathering or marching are protesting.

    "gathered to demand pay", "marched against the law", "gathered peacefully"; an intransitive
    "demonstrated" is a demonstration.
    """
    if any(lemma_of(c) in DEMAND_VERBS for c in deps(verb, {"xcomp", "advcl"})):
        return True
    if prep_objects(verb, {"against"}):
        return True
    if any(lemma_of(c) in {"peaceful", "peacefully"} for c in verb.children):
        return True
    return lemma == "demonstrate" and not deps(verb, {"dobj", "ccomp"})


def is_new_leader(token: Token) -> bool:
    """Tell whether a noun phrase names a new leader ("a new commander", "its new emir")."""
    return lemma_of(token) in LEADER_NOUNS and any(
        lemma_of(c) in {"new", "interim", "acting"} for c in token.children
    )


# Places a capture verb can take: the words, or a named place no one is said to be.
GROUND_WORDS = frozenset(
    {
        "town",
        "city",
        "village",
        "territory",
        "district",
        "area",
        "base",
        "province",
        "region",
        "border",
        "crossing",
        "hill",
        "hilltop",
        "airport",
        "airbase",
        "port",
        "checkpoint",
        "outpost",
        "position",
        "camp",
        "garrison",
        "centre",
        "center",
        "headquarters",
        "bridge",
        "junction",
        "highway",
        "road",
        "settlement",
        "locality",
        "county",
        "capital",
        "island",
        "front",
        "stronghold",
        "oblast",
        "governorate",
        "municipality",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "compound",
        "barracks",
    }
)


def names_ground(verb: Token) -> bool:
    """Tell whether a territorial verb takes ground: "captured Goma", "took over the camp".

    Its object (or the passive subject) is ground (`is_ground`), or a proper name the parser
    does not know as a person with a role: unknown town names are often tagged as people.
    """
    objects = deps(verb, {"dobj", "nsubjpass"})
    objects += [
        p for prep in deps(verb, {"prep"}) if prep.lower_ == "of" for p in deps(prep, {"pobj"})
    ]
    for thing in objects:
        if is_ground(thing) or lemma_of(thing) == "control":
            return True
        named = thing.pos_ == "PROPN" and thing.ent_type_ not in {"ORG", "NORP"}
        if named and not any(lemma_of(c) in LEADER_NOUNS | ARMED_PERSONS for c in thing.subtree):
            return True
    return False


def is_ground(thing: Token) -> bool:
    """Tell whether what was taken is ground: a place word, a place mention, or a named place."""
    if lemma_of(thing) in GROUND_WORDS or any(
        lemma_of(c) in GROUND_WORDS for c in thing.children if c.dep_ in {"compound", "appos"}
    ):
        return True
    if thing.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    places = thing.doc._.places or []
    return any(p.start <= thing.idx < p.end for p in places)
