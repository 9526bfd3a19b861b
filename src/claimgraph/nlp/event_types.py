"""Find a document's event triggers and code them with ACLED sub-event types.

Triggers come from the lexicon (`claimgraph.nlp.event_triggers`) and from the parse
(`claimgraph.nlp.event_parse_triggers`); those that only name a topic ("protest against the
strike"), modify another word, move troops or are denied are dropped.
`claimgraph.nlp.event_refine` then applies the codebook distinctions a trigger alone cannot
make (a killing at a protest is excessive force, an arrest at a protest is an intervention, an
attack on armed men by armed men is a clash).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from claimgraph.nlp.event_clauses import DEMAND_VERBS
from claimgraph.nlp.event_parse_triggers import dependency_triggers
from claimgraph.nlp.event_triggers import Trigger, TriggerMatcher, TriggerRule
from claimgraph.nlp.event_words import STATE_WORDS, is_armed_person
from claimgraph.nlp.syntax import deps, lemma_of


def find_triggers(
    doc: Doc, matcher: TriggerMatcher, rules: dict[str, TriggerRule]
) -> list[Trigger]:
    """Return the document's triggers in text order, the longest match where matches overlap."""
    found = []
    for phrase, start, end in matcher(doc):
        if any(t.ent_type_ == "DATE" for t in doc[start:end]):
            continue  # "on March 3" is a date, not a march
        if names_a_unit(doc, start, end):
            continue  # "the Bomb Disposal Squad said": who speaks, not what happened
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


# Capitalised heads of the names of units and institutions ("Bomb Disposal Squad").
UNIT_HEADS = frozenset(
    {"squad", "unit", "units", "department", "court", "force", "forces", "team", "cell", "wing"}
    | {"directorate", "branch", "agency", "division", "bureau", "brigade", "battalion"}
    | {"regiment", "company", "centre", "center", "authority", "commission", "corps"}
)


def names_a_unit(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a capitalised trigger phrase is part of a unit's name ("Bomb Disposal
    Squad", "Anti-Terrorism Court"), not an act."""
    head = doc[end] if end < len(doc) else None
    return (
        head is not None
        and head.is_title
        and head.lower_ in UNIT_HEADS
        and all(t.is_title or not t.is_alpha for t in doc[start:end])
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
