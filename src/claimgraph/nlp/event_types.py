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
        if victims_armed and attacker_kind in ARMED_KINDS and any(victim_kinds):
            return "Armed clash"
        if triggers & {"torch"} and not lemmas & LETHAL:
            return "Looting/property destruction"
    return sub_event_type
