"""What words say of the people and things of an incident (part of events.v1).

Lemma lists and token tests over the parse: armed persons and units, state forces, persons,
weapons and aircraft, what is set on fire or recovered, and the context words the codebook
uses to tell sub-event types apart. Shared by trigger finding and the codebook distinctions
(`claimgraph.nlp.event_refine`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimgraph.nlp.syntax import deps, lemma_of, prep_objects

# Context words the codebook uses to tell sub-event types apart (lemmas).
PROTEST_INTERVENTION = frozenset(
    {
        "tear",
        "teargas",
        "baton",
        "disperse",
        "lathi",
        "lathicharge",
        "cannon",
        "rubber",
        "detain",
        "arrest",
        "obstruct",
        "block",
    }
)


LETHAL = frozenset({"kill", "dead", "die", "death", "live", "fatal", "bullet", "gunfire"})


RIOT_VIOLENCE = frozenset(
    {"stone", "pelt", "torch", "vandalise", "vandalize", "clash", "loot", "burn"}
)


SUICIDE = frozenset({"suicide", "self", "himself", "herself"})


STATE_KINDS = frozenset({"state"})


ARMED_KINDS = frozenset(
    {"state", "rebel", "militia", "identity_militia", "unidentified", "external"}
)


# Victims that are members of armed forces or groups (lemmas): violence against them is a
# battle in the codebook, not violence against civilians.
ARMED_PERSONS = frozenset(
    {
        "soldier",
        "troop",
        "trooper",
        "jawan",
        "policeman",
        "policemen",
        "constable",
        "commando",
        "militant",
        "insurgent",
        "rebel",
        "guerrilla",
        "cadre",
        "fighter",
        "militiaman",
        "militiamen",
        "paramilitary",
        "serviceman",
        "servicemen",
        "personnel",
        "guard",
        "ranger",
        "marine",
        "terrorist",
        "naxal",
        "naxalite",
        "maoist",
        "jihadist",
    }
)


# Modifiers that make a group or place armed ("a police patrol", "an army convoy").
ARMED_UNITS = frozenset({"police", "army", "military", "security", "paramilitary", "border"})


def is_armed_person(token: Token) -> bool:
    """Tell whether a victim is armed: soldiers, militants, or a police or army unit.

    "constable Bira Basant" and "Yadav, a constable" count; a former militant does not.
    """
    if any(c.lower_ in {"former", "ex", "retired", "surrendered"} for c in token.children):
        return False
    if token.lemma_.lower() in ARMED_PERSONS:
        return True
    return any(
        (c.dep_ in {"compound", "amod"} and c.lemma_.lower() in ARMED_UNITS | ARMED_PERSONS)
        or (c.dep_ == "appos" and is_armed_person(c))
        for c in token.children
    )


STATE_WORDS = frozenset(
    {
        "police",
        "policeman",
        "policemen",
        "force",
        "troop",
        "soldier",
        "army",
        "military",
        "security",
        "officer",
        "gendarme",
        "gendarmerie",
        "guard",
        "authority",
        "regime",
    }
)


# Weapons and explosives a recovery verb can take (lemmas): seizing them is disrupted weapons use.
WEAPON_WORDS = frozenset(
    {
        "weapon",
        "arm",
        "arms",
        "ammunition",
        "explosive",
        "gun",
        "rifle",
        "pistol",
        "revolver",
        "cartridge",
        "round",
        "detonator",
        "grenade",
        "bomb",
        "mine",
        "landmine",
        "ied",
        "gelatin",
        "gelatine",
        "cache",
        "dump",
        "mortar",
        "rocket",
        "missile",
        "launcher",
        "shell",
        "drone",
    }
)


# Heads under which "of" names what was recovered ("a cache of arms", "20 kg of explosives").
QUANTITIES = frozenset(
    {
        "cache",
        "dump",
        "haul",
        "quantity",
        "consignment",
        "stock",
        "stockpile",
        "kg",
        "kilogram",
        "bag",
        "box",
        "crate",
        "piece",
        "number",
        "lot",
        "series",
    }
)


# Word classes for the triggers the parse shows (lemmas).
AIRCRAFT = frozenset(
    {
        "drone",
        "uav",
        "jet",
        "warplane",
        "aircraft",
        "airplane",
        "plane",
        "helicopter",
        "gunship",
        "chopper",
        "bomber",
    }
)


AIRCRAFT_MODEL = re.compile(r"^(su|mig|f|tu|mi|ka|b|j)-\d", re.IGNORECASE)  # Su-25, MiG-29


LEADER_NOUNS = frozenset(
    {
        "leader",
        "commander",
        "chief",
        "head",
        "emir",
        "amir",
        "governor",
        "president",
        "spokesman",
        "spokesperson",
        "chairman",
        "general",
        "deputy",
        "successor",
    }
)


CIVILIANS = frozenset(
    {
        "resident",
        "villager",
        "woman",
        "man",
        "people",
        "population",
        "civilian",
        "shopkeeper",
        "trader",
        "teacher",
        "student",
        "farmer",
        "inhabitant",
        "family",
        "household",
        "worker",
    }
)


CAPTIVES = frozenset({"prisoner", "detainee", "captive", "hostage", "pow", "body"})


PERSONS = frozenset(
    {
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "person",
        "people",
        "victim",
        "body",
        "suspect",
        "thief",
        "civilian",
        "villager",
        "resident",
        "family",
        "member",
        "trader",
        "student",
        "worker",
        "employee",
        "official",
        "journalist",
        "engineer",
        "driver",
        "passenger",
        "tourist",
        "pilgrim",
        "hostage",
        "activist",
        "doctor",
        "nurse",
        "aid",
    }
)


def is_person(thing: Token) -> bool:
    """Tell whether a noun phrase is people ("a man", "them", "two oil workers")."""
    pronoun = thing.tag_ == "PRP" or thing.lower_ == "who"
    people = PERSONS | CIVILIANS | ARMED_PERSONS | LEADER_NOUNS
    return pronoun or thing.ent_type_ == "PERSON" or lemma_of(thing) in people


def governing(token: Token) -> Token:
    """Return the verb a noun hangs from, through one preposition at most."""
    head = token.head
    return head.head if head.dep_ == "prep" else head


def agents_of(verb: Token) -> list[Token]:
    """Return who did what a verb says: its subject, or the object of a passive's "by"."""
    agents = deps(verb, {"nsubj"})
    agents += [p for a in deps(verb, {"agent"}) for p in deps(a, {"pobj"})]
    return agents


def is_aircraft(token: Token) -> bool:
    """Tell whether a noun names an aircraft or drone ("jets", "a Su-25", "Israeli drones")."""
    if AIRCRAFT_MODEL.match(token.text):
        return True
    if lemma_of(token) not in AIRCRAFT:
        return False
    return not any(c.lower_ in {"suicide", "car", "truck"} for c in token.children)


def names_weapon(thing: Token) -> bool:
    """Tell whether a noun phrase names weapons: "arms", "a cache of explosives", "IED material"."""
    heads = [thing, *thing.conjuncts]
    heads += [
        pobj
        for head in list(heads)
        if head.lemma_.lower() in QUANTITIES
        for pobj in prep_objects(head, {"of"})
    ]
    heads += [c for head in list(heads) for c in head.conjuncts]
    words = heads + [c for h in heads for c in h.children if c.dep_ in {"compound", "amod"}]
    return any(w.lemma_.lower() in WEAPON_WORDS or w.lower_ in WEAPON_WORDS for w in words)


def fire_targets(verb: Token) -> list[Token]:
    """Return what a shooting verb was aimed at ("fired at a patrol", "opened fire on troops")."""
    if verb.lemma_.lower() not in {"fire", "open", "shoot"}:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "fire")]
    return [pobj for head in heads for pobj in prep_objects(head, {"at", "on", "upon"})]


def is_set_on_fire(verb: Token) -> bool:
    """Tell whether "set" means setting its object alight ("set a bus on fire", "set it ablaze")."""
    for child in verb.children:
        if child.lower_ in {"ablaze", "afire", "alight"}:
            return True
        if child.dep_ == "dobj" and child.lower_ == "fire":
            return True  # "set fire to houses"
        if (
            child.dep_ == "prep"
            and child.lower_ == "on"
            and any(c.lower_ in {"fire", "flames"} for c in child.children)
        ):
            return True
    return False


RECOVERY_VERBS = frozenset(
    {
        "recover",
        "seize",
        "find",
        "unearth",
        "detect",
        "defuse",
        "confiscate",
        "discover",
        "neutralise",
        "neutralize",
        "dismantle",
        "intercept",
        "foil",
        "thwart",
        "bust",
    }
)


def is_recovered_weapon(trigger: Token) -> bool:
    """Tell whether a weapon word is what was recovered or defused ("landmines were found")."""
    return trigger.dep_ in {"dobj", "nsubjpass", "conj"} and (
        trigger.head.lemma_.lower() in RECOVERY_VERBS
        or trigger.head.head.lemma_.lower() in RECOVERY_VERBS
    )
