"""Find event triggers in a sentence and code them with ACLED event and sub-event types.

Triggers come from `data/event_triggers.yaml` and from the parse (who did what to whom);
`claimgraph.nlp.event_refine` then applies the codebook distinctions a trigger alone cannot
make (a killing at a protest is excessive force, an arrest at a protest is an intervention, an
attack on armed men by armed men is a clash).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimgraph.data_files import lexicon_cache, read_data_yaml
from claimgraph.nlp.syntax import deps, lemma_of, prep_objects
from claimgraph.taxonomy import EVENT_TYPE_OF

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
    # Read from the parse (who did what to whom), not from a word alone: the codebook's own
    # test, which the classifier does not replace (claimgraph.nlp.events.decisive_type).
    parsed: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a sentence: its tokens, the token that heads them, and its rule."""

    span: Span
    head: Token
    rule: TriggerRule


@lexicon_cache
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


class TriggerMatcher:
    """Match the trigger lexicon's phrases, in any inflection, on lowercase tokens.

    The lexicon's phrases inflect word by word ("set on fire" -> "sets on fire", "setting
    on fire": every form of every word), about 80,000 sequences in all. Rather than tokenise
    each sequence into a PhraseMatcher pattern at start-up (a second or more per run), each
    phrase keeps, per word, the set of its forms' lowercase hashes, and a document's LOWER
    array is checked against them. It finds what a PhraseMatcher over every inflected
    sequence (attr LOWER) finds, because the tokenizer splits a space-joined sequence at its
    spaces first: one word's forms tokenise alike inside or outside the phrase
    (tests/test_trigger_matcher.py compares the two).
    """

    def __init__(self, nlp: Language, phrases: Iterable[str]) -> None:
        self.phrases: list[str] = []
        # Phrases whose forms are all one token: one set of LOWER hashes per word.
        self._slots: list[tuple[frozenset[int], ...] | None] = []
        # Phrases with a form of several tokens ("set-up"): every token sequence, spelled out.
        self._sequences: list[frozenset[tuple[int, ...]]] = []
        self._by_first: dict[int, list[int]] = {}
        tokenised: dict[str, tuple[int, ...]] = {}
        # A word of letters only, unless the tokenizer has a special case for it ("cannot"),
        # is one token: its lowercase hash needs no tokenising (checked on every shipped form).
        special = getattr(nlp.tokenizer, "rules", None) or {}

        def plain(word: str) -> bool:
            return word.isalpha() and word not in special

        def lowers(text: str) -> tuple[int, ...]:
            if text not in tokenised:
                tokenised[text] = (
                    (get_string_id(text.lower()),)
                    if plain(text)
                    else tuple(t.lower for t in nlp.make_doc(text))
                )
            return tokenised[text]

        for phrase in phrases:
            index = len(self.phrases)
            self.phrases.append(phrase)
            split = phrase.split(" ")
            words = (
                split if all(plain(w) for w in split) else [t.text for t in nlp.make_doc(phrase)]
            )
            forms = [_inflections(w) for w in words]
            if all(len(lowers(f)) == 1 for word_forms in forms for f in word_forms):
                slots = tuple(frozenset(lowers(f)[0] for f in word_forms) for word_forms in forms)
                self._slots.append(slots)
                self._sequences.append(frozenset())
                firsts: set[int] = set(slots[0])
            else:
                sequences = frozenset(
                    tuple(h for f in combo for h in lowers(f)) for combo in product(*forms)
                )
                self._slots.append(None)
                self._sequences.append(sequences)
                firsts = {sequence[0] for sequence in sequences}
            for first in firsts:
                self._by_first.setdefault(first, []).append(index)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Return (phrase, start, end) of every match, by start, end, then lexicon order."""
        lower = doc.to_array("LOWER").tolist()
        n = len(lower)
        found: list[tuple[int, int, int]] = []
        for start, first in enumerate(lower):
            for index in self._by_first.get(first, ()):
                slots = self._slots[index]
                if slots is not None:
                    end = start + len(slots)
                    if end <= n and all(
                        lower[start + i] in slot for i, slot in enumerate(slots) if i
                    ):
                        found.append((start, end, index))
                    continue
                for sequence in self._sequences[index]:
                    end = start + len(sequence)
                    if tuple(lower[start:end]) == sequence:
                        found.append((start, end, index))
        found.sort()
        return [(self.phrases[index], start, end) for start, end, index in found]


def build_trigger_matcher(nlp: Language, rules: dict[str, TriggerRule]) -> TriggerMatcher:
    """Compile the lexicon over lowercase inflected forms; matches name their phrase."""
    # Inflected surface forms rather than lemmas: the small model's lemmatizer misses some
    # ("strikes" tagged as a verb, sentence-initial capitals); lowercase forms cover both.
    return TriggerMatcher(nlp, rules)


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
        "run": ["ran"],
        "beat": ["beaten"],
        "strike": ["struck"],
        "break": ["broke", "broken"],
        "split": [],
    }
    for prefix in ("re", "over", "with", "out"):  # retake -> retook, overrun -> overran
        if word.startswith(prefix) and word[len(prefix) :] in irregular:
            irregular[word] = [prefix + f for f in irregular[word[len(prefix) :]]]
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


def find_triggers(
    doc: Doc, matcher: TriggerMatcher, rules: dict[str, TriggerRule]
) -> list[Trigger]:
    """Return the document's triggers in text order, the longest match where matches overlap."""
    found = []
    for phrase, start, end in matcher(doc):
        if any(t.ent_type_ == "DATE" for t in doc[start:end]):
            continue  # "on March 3" is a date, not a march
        found.append((start, end, rules[phrase]))
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
    topics = topic_tokens(doc, triggers)
    triggers = [
        t
        for t in triggers
        if t.head.i not in topics
        and not is_modifier_only(t)
        and not is_troop_movement(t)
        and not is_denied(t)
    ]
    triggers.sort(key=lambda t: t.span.start)
    return triggers


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
STOP_VERBS = frozenset({"stop", "end", "halt", "cease", "suspend", "ban"})
INTENT_NOUNS = frozenset({"plot", "plan", "conspiracy", "scheme"})
TOPIC_PREPOSITIONS = frozenset({"against", "over", "about", "for"})
TOPIC_TYPES = frozenset({"Peaceful protest", "Agreement"})


def topic_tokens(doc: Doc, triggers: Sequence[Trigger]) -> set[int]:
    """Return the tokens that only say what a protest, agreement or plot is about."""
    heads = [t.head for t in triggers if t.rule.sub_event_type in TOPIC_TYPES]
    heads += [t for t in doc if t.lemma_.lower() in INTENT_NOUNS and t.pos_ == "NOUN"]
    heads += [t for t in doc if t.lemma_.lower() in STOP_VERBS and t.pos_ == "VERB"]
    topics: set[int] = set()
    for head in heads:
        stops = head.lemma_.lower() in STOP_VERBS
        for child in head.children:
            lemma = child.lemma_.lower()
            about = child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS and not stops
            agreed = lemma_of(head) in {"agree", "agreement", "deal", "pact", "accord"}
            purpose = child.dep_ in {"xcomp", "advcl", "acl", "relcl", "ccomp"} and (
                lemma in DEMAND_VERBS | STOP_VERBS
                or lemma_of(head) in INTENT_NOUNS
                or (agreed and child.dep_ in {"xcomp", "acl"})  # "agreed to release hostages"
            )
            stopped = stops and child.dep_ in {"dobj", "xcomp", "nsubjpass"}
            if about or purpose or stopped:
                topics.update(t.i for t in child.subtree)
    return topics


def is_denied(trigger: Trigger) -> bool:
    """Tell whether the text denies the incident: "without fighting", "no clashes were reported"."""
    head = trigger.head
    if head.dep_ in {"pobj", "pcomp"} and head.head.lower_ == "without":
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def is_troop_movement(trigger: Trigger) -> bool:
    """Tell whether a "march" or "rally" is armed men moving ("troops marched into the town")."""
    head = trigger.head
    if lemma_of(head) not in {"march", "rally"} or head.pos_ != "VERB":
        return False
    return any(
        is_armed_person(s) or lemma_of(s) in STATE_WORDS | {"force", "column", "convoy"}
        for s in deps(head, {"nsubj"})
    )


# Nouns a trigger word can modify without naming an incident ("riot police", "attack dogs").
NON_EVENT_HEADS = frozenset(
    {"police", "policeman", "gear", "squad", "unit", "shield", "control", "dog", "equipment"}
)


def is_modifier_only(trigger: Trigger) -> bool:
    """Tell whether a one-word trigger only modifies a noun: "riot police", "detained soldiers".

    A past participle before a noun describes its state ("the kidnapped schoolgirls", "detained
    soldiers") and a noun modifier its kind; neither reports the incident itself.
    """
    if len(trigger.span) != 1:
        return False
    head = trigger.head
    if head.dep_ == "compound" and head.head.lemma_.lower() in NON_EVENT_HEADS:
        return True
    return head.dep_ == "amod" and head.tag_ == "VBN" and head.head.pos_ in {"NOUN", "PROPN"}


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
RECOVERED = TriggerRule("Disrupted weapons use", 3, parsed=True)
SET_ON_FIRE = TriggerRule("Looting/property destruction", 2, parsed=True)
FIRED_AT = TriggerRule("Attack", 1, parsed=True)


def dependency_triggers(doc: Doc) -> list[tuple[int, int, TriggerRule]]:
    """Return triggers that only the parse shows, as (start, end, rule) token ranges.

    "police recovered a cache of arms" (a recovery verb whose object holds a weapon word),
    "set a truck on fire" / "set it ablaze" (the words are apart), "fired at a patrol"
    (the verb, not the noun "fire").
    """
    found = []
    through_clause = []  # after the verb rules' finds: the order settles ties
    for token in doc:
        rule = clause_rule(token)
        if rule is not None:
            through_clause.append((token.i, token.i + 1, rule))
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        if lemma not in RECOVERY_VERBS and lemma not in {"set", "fire"}:
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if lemma in RECOVERY_VERBS and any(names_weapon(o) for o in objects):
            found.append((token.i, token.i + 1, RECOVERED))
        elif lemma == "set" and objects and is_set_on_fire(token) and token.dep_ != "pcomp":
            found.append((token.i, token.i + 1, SET_ON_FIRE))
        elif lemma == "fire" and any(
            c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "into"} for c in token.children
        ):
            found.append((token.i, token.i + 1, FIRED_AT))
    return found + through_clause


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
AIR_VERBS = frozenset(
    {
        "bomb",
        "strike",
        "hit",
        "attack",
        "target",
        "pound",
        "raid",
        "fire",
        "kill",
        "destroy",
        "shell",
        "drop",
        "blast",
        "rake",
        "strafe",
    }
)
GATHER_VERBS = frozenset(
    {
        "gather",
        "assemble",
        "converge",
        "congregate",
        "rally",
        "march",
        "walk",
        "parade",
        "demonstrate",
        "mass",
    }
)
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
NAMING_VERBS = frozenset(
    {
        "name",
        "appoint",
        "announce",
        "elect",
        "choose",
        "select",
        "install",
        "pick",
        "nominate",
        "designate",
        "declare",
        "unveil",
    }
)
GROUP_NOUNS = frozenset(
    {
        "group",
        "militia",
        "faction",
        "coalition",
        "alliance",
        "movement",
        "outfit",
        "wing",
        "brigade",
        "front",
        "organisation",
        "organization",
        "battalion",
        "unit",
        "force",
        "splinter",
        "franchise",
        "branch",
    }
)
FOUNDING_VERBS = frozenset({"launch", "form", "create", "found", "establish", "set", "announce"})
ACTIVITY_NOUNS = frozenset(
    {
        "neutrality",
        "ceasefire",
        "truce",
        "operation",
        "agitation",
        "attack",
        "activity",
        "campaign",
        "hostility",
        "offensive",
        "insurgency",
        "struggle",
        "fighting",
        "protest",
        "strike",
        "violence",
        "boycott",
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
BUILDING_VERBS = frozenset({"establish", "set", "build", "open", "construct", "install", "erect"})
AGREEMENT_NOUNS = frozenset(
    {
        "agreement",
        "pact",
        "accord",
        "deal",
        "treaty",
        "truce",
        "ceasefire",
        "cease-fire",
        "memorandum",
        "protocol",
        "settlement",
        "understanding",
        "pledge",
        "declaration",
        "roadmap",
    }
)
SIGNING_VERBS = frozenset({"sign", "reach", "conclude", "strike", "broker", "ink", "seal", "agree"})
# What an armed group or authority imposes or issues on a population (ACLED "Other").
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
DIRECTIVE_VERBS = frozenset({"impose", "declare", "announce", "issue", "enforce", "send", "slap"})
LEAFLETS = frozenset({"leaflet", "letter", "flyer", "pamphlet", "notice", "poster", "tract"})
POSTING_VERBS = frozenset({"distribute", "post", "drop", "circulate", "paste", "leave", "send"})
CLOSABLE = frozenset({"airspace", "border", "internet", "crossing"})
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
MINE_MODIFIERS = frozenset({"anti", "tank", "personnel", "land", "unexploded", "roadside"})
MINE_VERBS = frozenset({"hit", "step", "trigger", "strike", "run", "detonate", "explode"})
CONTROL_VERBS = frozenset({"take", "seize", "gain", "wrest", "assume", "grab", "win"})
REGAIN_VERBS = frozenset({"regain", "retake", "recapture", "reclaim", "restore"})
# Rules for the clause-level triggers.
AIR_STRIKE = TriggerRule("Air/drone strike", 3, parsed=True)
SEIZED_PERSON = TriggerRule("Abduction/forced disappearance", 2, parsed=True)
CAPTIVES = frozenset({"prisoner", "detainee", "captive", "hostage", "pow", "body"})
GROUP_EVENTS = frozenset(
    {"formation", "creation", "launch", "establishment", "dissolution", "merger", "disbandment"}
)
THROWN_AT_POLICE = TriggerRule("Violent demonstration", 3, parsed=True)
BURNED_ALIVE = TriggerRule("Attack", 1, parsed=True)
FIGHT = TriggerRule("Armed clash", 2, parsed=True)
GATHERING = TriggerRule("Peaceful protest", 2, parsed=True)
GROUP_CHANGE = TriggerRule("Change to group/activity", 3, parsed=True)
ACTIVITY_CHANGE = TriggerRule("Change to group/activity", 2, parsed=True)
BASE = TriggerRule("Headquarters or base established", 3, parsed=True)
SIGNED = TriggerRule("Agreement", 3, parsed=True)
AGREED = TriggerRule("Agreement", 2, parsed=True)
DIRECTIVE = TriggerRule("Other", 1, parsed=True)
MINE = TriggerRule("Remote explosive/landmine/IED", 2, parsed=True)
TAKEN = TriggerRule("Non-state actor overtakes territory", 3, parsed=True)
REGAINED = TriggerRule("Government regains territory", 3, parsed=True)


def clause_rule(token: Token) -> TriggerRule | None:
    """Return the rule a token triggers through its clause, if any.

    "jets bombed a village" (an aircraft strikes), "fought near X", "gathered to demand",
    "named a new commander", "split into two factions", "set up a camp", "signed a pact",
    "imposed a curfew", "hit an anti-tank mine", "seized the town", "regained control".
    """
    lemma = lemma_of(token)
    if token.pos_ == "NOUN":
        return noun_rule(token, lemma)
    # Not what was meant ("to seize the town") or a gerund that names a deed rather than
    # telling it ("the possibility of founding", "punished for breaking away").
    named = token.dep_ == "pcomp" and token.head.lower_ not in {"after", "before", "by", "while"}
    if token.pos_ != "VERB" or is_intended(token) or named:
        return None
    rule = verb_rule(token, lemma)
    strategic = rule is not None and EVENT_TYPE_OF[rule.sub_event_type] == "Strategic developments"
    earlier = any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)
    if strategic and earlier and token.dep_ != "ccomp":
        return None  # "had formed his own group" (not "announced they had merged")
    return rule


def verb_rule(token: Token, lemma: str) -> TriggerRule | None:
    """Return the rule a verb triggers through its subject and objects, if any."""
    objects = deps(token, {"dobj", "nsubjpass"})
    object_lemmas = {lemma_of(o) for o in objects}
    if lemma in AIR_VERBS and any(is_aircraft(a) for a in agents_of(token)):
        return AIR_STRIKE
    if lemma == "drop" and any(is_aircraft(p) for p in prep_objects(token, {"from"})):
        return AIR_STRIKE  # "dropped munitions from drones"
    if lemma == "fight" and deps(token, {"nsubj"}):
        return FIGHT
    if lemma in {"throw", "hurl", "lob", "pelt"} and thrown_at_police(token, objects):
        return THROWN_AT_POLICE  # "threw eggs at riot police": demonstrators' violence
    if lemma in {"burn", "torch"}:
        if any(c.lower_ == "alive" for c in token.children):
            return BURNED_ALIVE
        burned = deps(token, {"dobj"})
        if burned and not any(is_person(o) for o in burned):
            return SET_ON_FIRE  # "burned an office": property, not people
    if lemma in GATHER_VERBS and is_gathering(token, lemma):
        return GATHERING
    if lemma in NAMING_VERBS and any(is_new_leader(o) for o in objects):
        return GROUP_CHANGE
    subject = bool(deps(token, {"nsubj"}))  # not "a break-away faction": a description
    if lemma in {"split", "splinter"} and subject and prep_objects(token, {"into", "from"}):
        return GROUP_CHANGE
    if lemma == "break" and subject and any(c.lower_ == "away" for c in token.children):
        return GROUP_CHANGE
    if lemma == "join" and any(o.lower_ in {"forces", "hands"} for o in objects):
        return GROUP_CHANGE
    founded = lemma in FOUNDING_VERBS and object_lemmas & GROUP_NOUNS
    if (lemma == "merge" or founded) and token.tag_ not in {"VBZ", "VBP"}:
        return GROUP_CHANGE  # not "the Avars form the largest group": a state, not an event
    if lemma in {"suspend", "halt", "cease", "end", "stop", "resume", "abandon"} and (
        object_lemmas & ACTIVITY_NOUNS
    ):
        return ACTIVITY_CHANGE
    if lemma in {"declare", "announce"} and any(
        lemma_of(c) in {"suspend", "halt", "cease", "end", "stop", "resume", "abandon"}
        for c in deps(token, {"ccomp", "xcomp"})
    ):
        return ACTIVITY_CHANGE  # "announced it would suspend attacks": the announcement is it
    set_up = lemma != "set" or any(c.lower_ == "up" for c in token.children)
    if lemma in BUILDING_VERBS and set_up and establishes_base(token, object_lemmas):
        return BASE
    if lemma in SIGNING_VERBS and object_lemmas & AGREEMENT_NOUNS:
        return SIGNED
    if lemma in {"exchange", "swap", "trade"} and object_lemmas & CAPTIVES:
        return SIGNED  # "exchanged 230 prisoners": a prisoner exchange
    if lemma in {"announce", "declare"} and object_lemmas & GROUP_EVENTS:
        return GROUP_CHANGE  # "announced its formation"
    if lemma in {"seize", "snatch", "grab", "take"} and seizes_person(token, lemma, objects):
        return SEIZED_PERSON  # "guerrillas seized two oil workers"
    if lemma == "agree" and (deps(token, {"xcomp"}) or prep_objects(token, {"to", "on"})):
        return AGREED
    if lemma in DIRECTIVE_VERBS and any(is_directive(o) for o in objects):
        return DIRECTIVE
    if lemma in POSTING_VERBS and any(orders_people(o) for o in objects):
        return DIRECTIVE
    if lemma in {"close", "shut", "cut"} and object_lemmas & CLOSABLE:
        return DIRECTIVE
    if lemma == "threaten" and threatens_violence(token):
        return DIRECTIVE
    if lemma == "order" and object_lemmas & CIVILIANS:
        return DIRECTIVE
    if lemma in REGAIN_VERBS and object_lemmas & {"control"}:
        return REGAINED
    if lemma in CONTROL_VERBS and any(lemma_of(o) == "control" or is_ground(o) for o in objects):
        return TAKEN
    return None


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
    if lemma_of(thing) not in DIRECTIVE_NOUNS:
        return False
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


def noun_rule(token: Token, lemma: str) -> TriggerRule | None:
    """Return the rule a noun triggers through its phrase ("an anti-tank mine", "appointment")."""
    if lemma == "mine" and (
        any(c.lower_ in MINE_MODIFIERS for c in token.lefts)
        or (token.dep_ in {"dobj", "pobj"} and lemma_of(governing(token)) in MINE_VERBS)
    ):
        return MINE
    if lemma in {"appointment", "election", "nomination"} and any(
        is_new_leader(p) for p in prep_objects(token, {"of"})
    ):
        return GROUP_CHANGE
    if (
        lemma in {"halt", "suspension", "cessation", "end"}
        and any(lemma_of(p) in ACTIVITY_NOUNS for p in prep_objects(token, {"to", "of"}))
        and any(lemma_of(c) == "unilateral" for c in token.children)
    ):
        return ACTIVITY_CHANGE
    return None


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
