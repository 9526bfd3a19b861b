"""Find event triggers in a sentence and code them with ACLED event and sub-event types.

Triggers come from `data/event_triggers.yaml`; `refine_sub_event_type` applies the codebook
distinctions a trigger alone cannot make (a killing at a protest is excessive force, an arrest
at a protest is an intervention, an attack on armed men by armed men is a clash).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.data_files import read_data_yaml
from claimgraph.nlp.syntax import prep_objects

# ACLED's public taxonomy (../shared/TAXONOMY.md): sub-event type -> event type.
EVENT_TYPE_OF = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
VIOLENT_EVENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)

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


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One trigger phrase and what it says about the incident."""

    sub_event_type: str
    specificity: int


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a sentence: its tokens, the token that heads them, and its rule."""

    span: Span
    head: Token
    rule: TriggerRule


@cache
def load_trigger_rules() -> dict[str, TriggerRule]:
    """Read the trigger lexicon: phrase (lemmas, space-joined) -> rule."""
    rules: dict[str, TriggerRule] = {}
    for entry in read_data_yaml("event_triggers.yaml")["triggers"]:
        rule = TriggerRule(entry["sub_event_type"], int(entry["specificity"]))
        if rule.sub_event_type not in EVENT_TYPE_OF:
            raise ValueError(f"event_triggers.yaml: unknown sub_event_type {rule.sub_event_type!r}")
        for phrase in entry["phrases"]:
            rules.setdefault(phrase.lower(), rule)
    return rules


def build_trigger_matcher(nlp: Language, rules: dict[str, TriggerRule]) -> PhraseMatcher:
    """Compile the lexicon into a PhraseMatcher over lowercase inflected forms; keys are phrases."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in rules:
        words = [t.text for t in nlp.make_doc(phrase)]
        # Inflected surface forms rather than lemmas: the small model's lemmatizer misses some
        # ("strikes" tagged as a verb, sentence-initial capitals); lowercase forms cover both.
        variants = [" ".join(forms) for forms in product(*(_inflections(w) for w in words))]
        matcher.add(phrase, [nlp.make_doc(v) for v in variants])
    return matcher


def _inflections(word: str) -> list[str]:
    """Return the common English inflections of a lemma (regular, plus a few irregular)."""
    irregular = {
        "shoot": ["shot"],
        "take": ["took", "taken"],
        "blow": ["blew", "blown"],
        "fall": ["fell", "fallen"],
        "win": ["won"],
        "set": [],
        "burn": ["burnt"],
        "hold": ["held"],
        "go": ["went", "gone"],
        "fight": ["fought"],
        "die": ["died", "dying"],
        "slay": ["slain", "slew"],
        "round": [],
        "pull": [],
        "seize": ["seized", "seizing"],
        "storm": [],
        "hand": [],
        "withdraw": ["withdrew", "withdrawn"],
        "hack": [],
    }
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) > 2
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stab -> stabbed
    forms |= set(irregular.get(word, []))
    return sorted(forms)


def find_triggers(doc: Doc, matcher: PhraseMatcher, rules: dict[str, TriggerRule]) -> list[Trigger]:
    """Return the document's triggers in text order, the longest match where matches overlap."""
    found = []
    for match_id, start, end in matcher(doc):
        if any(t.ent_type_ == "DATE" for t in doc[start:end]):
            continue  # "on March 3" is a date, not a march
        found.append((start, end, rules[doc.vocab.strings[match_id]]))
    found += dependency_triggers(doc)
    found.sort(key=lambda m: (-(m[1] - m[0]), -m[2].specificity, m[0]))
    taken: set[int] = set()
    triggers: list[Trigger] = []
    for start, end, rule in found:
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        triggers.append(Trigger(span=span, head=span.root, rule=rule))
    triggers.sort(key=lambda t: t.span.start)
    return triggers


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
    }
)
RECOVERED = TriggerRule("Disrupted weapons use", 3)
SET_ON_FIRE = TriggerRule("Looting/property destruction", 2)
FIRED_AT = TriggerRule("Attack", 1)


def dependency_triggers(doc: Doc) -> list[tuple[int, int, TriggerRule]]:
    """Return triggers that only the parse shows, as (start, end, rule) token ranges.

    "police recovered a cache of arms" (a recovery verb whose object holds a weapon word),
    "set a truck on fire" / "set it ablaze" (the words are apart), "fired at a patrol"
    (the verb, not the noun "fire").
    """
    found = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if lemma in RECOVERY_VERBS and any(names_weapon(o) for o in objects):
            found.append((token.i, token.i + 1, RECOVERED))
        elif lemma == "set" and objects and is_set_on_fire(token):
            found.append((token.i, token.i + 1, SET_ON_FIRE))
        elif lemma == "fire" and any(
            c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "into"} for c in token.children
        ):
            found.append((token.i, token.i + 1, FIRED_AT))
    return found


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
        if (
            child.dep_ == "prep"
            and child.lower_ == "on"
            and any(c.lower_ in {"fire", "flames"} for c in child.children)
        ):
            return True
    return False


def triggers_by_sentence(
    triggers: Sequence[Trigger], sentences: Sequence[Span]
) -> list[list[Trigger]]:
    """Split text-ordered triggers among text-ordered sentences (a trigger may not straddle two)."""
    starts = [s.start for s in sentences]
    buckets: list[list[Trigger]] = [[] for _ in sentences]
    for trigger in triggers:
        index = bisect_right(starts, trigger.span.start) - 1
        if index >= 0 and trigger.span.end <= sentences[index].end:
            buckets[index].append(trigger)
    return buckets


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


def sentence_lemmas(sentence: Span) -> frozenset[str]:
    """Return the lowercase lemmas of a sentence."""
    return frozenset(t.lemma_.lower() for t in sentence)


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
    protest = bool(lemmas & {"protest", "protester", "protestor", "demonstrator", "demonstration"})
    if sub_event_type == "Peaceful protest" or (
        protest and sub_event_type in {"Attack", "Arrests"}
    ):
        if lemmas & RIOT_VIOLENCE and attacker_kind != "state":
            return "Violent demonstration"
        if lemmas & LETHAL and (attacker_kind == "state" or lemmas & {"police", "force", "troop"}):
            return "Excessive force against protesters"
        if lemmas & PROTEST_INTERVENTION:
            return "Protest with intervention"
        return "Peaceful protest"
    if sub_event_type == "Remote explosive/landmine/IED" and lemmas & SUICIDE:
        return "Suicide bomb"
    if sub_event_type == "Non-state actor overtakes territory" and attacker_kind in STATE_KINDS:
        return "Government regains territory"
    if sub_event_type == "Attack":
        victims_armed = bool(victim_kinds) and all(k in ARMED_KINDS for k in victim_kinds if k)
        # Violence against armed men is a battle; an unnamed attacker of soldiers or police is
        # an armed group too (ACLED codes it as an unidentified armed group).
        if victims_armed and any(victim_kinds) and attacker_kind in ARMED_KINDS | {None}:
            return "Armed clash"
        if triggers & {"torch"} and not lemmas & LETHAL:
            return "Looting/property destruction"
    return sub_event_type
