"""Reportedness of event triggers: is a trigger a reported incident, and a current one?

Part of events.v1 (`claimgraph.nlp.events`): a trigger is dropped when the text does not
report an incident with it (negated, hypothetical, intended, generic, a death by illness);
an incident is background when the text only recalls it (an earlier incident, the deed
someone is held for, one dated well before the story's own incident).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from claimgraph.identity import date_window
from claimgraph.nlp.event_arguments import harms_people
from claimgraph.nlp.event_merge import Incident, view_of
from claimgraph.nlp.event_types import GROUND_WORDS, Trigger
from claimgraph.taxonomy import TERRITORIAL_TYPES

# Confidence taken from a background incident, measured on the ConfliBERT/SATP dev snippets
# (benchmarks/event_types.py).
BACKGROUND_PENALTY = 0.2

MODALS = frozenset({"could", "would", "will", "may", "might", "should", "must", "can", "shall"})
# Verbs under which an incident is intended, not reported ("trained for attacks").
INTENT_VERBS = frozenset(
    {
        "plan",
        "train",
        "prepare",
        "threaten",
        "vow",
        "intend",
        "aim",
        "seek",
        "plot",
        "warn",
        "deploy",
        "direct",
        "prevent",
        "avoid",
        "risk",
        "fear",
        "confront",
        "face",
        # Promises and demands: "vowed to punish the perpetrators", "urged the arrest of".
        "promise",
        "pledge",
        "swear",
        "urge",
        "demand",
    }
)
BACKGROUND_CUES = frozenset(
    {
        "earlier",
        "previous",
        "past",
        "prior",
        "former",
        "example",
        "recall",
        "anniversary",
        "reminiscent",
        "since",
        "history",
        "precedent",
    }
)
REACTION_VERBS = frozenset(
    {
        "condemn",
        "denounce",
        "respond",
        "react",
        "mourn",
        "investigate",
        "deplore",
        "decry",
        "blame",
        "praise",
        "commemorate",
        "mark",
    }
)

# What a territorial trigger takes: ground (event_types.GROUND_WORDS), or control of it.
TERRITORY_WORDS = GROUND_WORDS | {"control", "ground"}
VIOLENT_CAUSES = frozenset(
    {
        "wound",
        "injury",
        "gunshot",
        "attack",
        "blast",
        "explosion",
        "torture",
        "stab",
        "burn",
        "beating",
        "shot",
        "bullet",
        "shelling",
        "strike",
        "bombing",
        "violence",
    }
)

# Words under which an incident is what someone is accused of, not what is being reported.
CULPABILITY = frozenset(
    {
        "involvement",
        "involve",
        "accuse",
        "accused",
        "wanted",
        "case",
        "connection",
        "mastermind",
        "charge",
        "confess",
        "specialist",
        "responsible",
    }
)
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "those", "these"})
WEAK_ALONE = frozenset(
    {"eliminate", "execute", "wound", "injure", "dead", "death", "die", "storm", "beat"}
)


def governing_verb(token: Token) -> Token:
    """Return the verb a token depends on (the token itself when it is a verb)."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def is_reported(trigger: Trigger) -> bool:
    """Tell whether a trigger reports an incident: not negated, hypothetical, intended, generic."""
    head = trigger.head
    verb = governing_verb(head)
    for node in {head, verb}:
        if any(c.dep_ == "neg" for c in node.children):
            return False
        if any(is_nobody(c) for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return False
    if verb.lemma_.lower() in INTENT_VERBS and verb.i != head.i:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        return False  # "trained for attacks": purpose, not an incident
    if died_of_illness(head):
        return False
    if head.dep_ in {"attr", "acomp"} and head.pos_ == "NOUN":
        return False  # "being a suicide bomber was OK": a role, not an incident
    if trigger.rule.sub_event_type in TERRITORIAL_TYPES and not names_territory(trigger):
        return False
    if head.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in head.children):
        generic_present = verb.tag_ in {"VBZ", "VBP"} or any(
            c.tag_ in {"VBZ", "VBP"} and c.dep_ in {"aux", "auxpass"} for c in verb.children
        )
        qualified = any(c.lower_ in BACKGROUND_CUES for c in head.children)
        if generic_present and not qualified:
            return False
    return True


def is_reaction(trigger: Trigger) -> bool:
    """Tell whether a trigger is what someone reacts to ("condemned the attack"), not a report."""
    verb = governing_verb(trigger.head)
    return verb.i != trigger.head.i and verb.lemma_.lower() in REACTION_VERBS


def names_territory(trigger: Trigger) -> bool:
    """Tell whether a territorial trigger ("captured", "retook") takes ground, not people."""
    # What is taken, or "control of" it; not where it happened ("handed over ... in Peshawar").
    objects = [
        c
        for c in trigger.head.children
        if c.dep_ in {"dobj", "nsubjpass", "pobj"} or (c.dep_ == "prep" and c.lower_ == "of")
    ]
    words = {t.lemma_.lower() for o in objects for t in o.subtree}
    places = {t.ent_type_ for o in objects for t in o.subtree}
    return bool(words & TERRITORY_WORDS or places & {"GPE", "LOC", "FAC"})


def is_nobody(token: Token) -> bool:
    """Tell whether an argument denies anyone was affected ("no one", "nobody", "no casualties")."""
    if token.lower_ in {"nobody", "none", "noone"}:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def died_of_illness(head: Token) -> bool:
    """Tell whether a death trigger names a cause that is not violence ("died of cancer")."""
    if head.lemma_.lower() not in {"die", "death"}:
        return False
    causes = [
        c
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in {"of", "from"}
        for c in p.children
        if c.dep_ == "pobj"
    ]
    return bool(causes) and not any(c.lemma_.lower() in VIOLENT_CAUSES for c in causes)


def drop_weak_alone(triggers: list[Trigger]) -> list[Trigger]:
    """Drop vague triggers ("eliminated", "dead") that no other trigger in the sentence supports.

    A vague verb done to people reports violence on its own ("executed 11 civilians").
    """
    if len(triggers) != 1:
        return triggers
    (only,) = triggers
    if only.rule.specificity == 1 and only.head.lemma_.lower() in WEAK_ALONE:
        return triggers if harms_people(only.head) else []
    return triggers


def is_background(
    triggers: Sequence[Trigger], sentence: Span, rivals: Sequence[Token] = ()
) -> bool:
    """Tell whether the incident is an earlier one the document only refers to.

    `rivals` are the triggers of the sentence's other incidents: beside one of them, the deed
    someone is held for is an earlier incident ("arrested for involvement in the May 3 blast").
    """
    lemmas = {t.lemma_.lower() for t in sentence}
    near = {c.lower_ for t in triggers for c in t.head.children}
    # "anniversary" marks background only on the trigger itself ("the anniversary of the attack").
    if near & BACKGROUND_CUES or lemmas & {"example", "recall"}:
        return True
    return bool(rivals) and all(
        any(a.lemma_.lower() in CULPABILITY for a in t.head.ancestors if a.i >= sentence.start)
        for t in triggers
    )


def is_anaphoric(triggers: Sequence[Trigger]) -> bool:
    """Tell whether the mention points back at an earlier incident ("those killed")."""
    for trigger in triggers:
        head = trigger.head
        dets = {c.lower_ for c in head.children if c.dep_ == "det"}
        numbered = any(c.dep_ == "nummod" for c in head.children)
        if (dets & ANAPHORIC_DETERMINERS and not numbered) or head.head.lower_ in {
            "those",
            "these",
        }:
            return True
    return False


def mark_recalled(incidents: Sequence[Incident], lead_end: int) -> None:
    """Mark as background the incidents dated before the story's own incident.

    The story's incident is the first one the lead tells with a date of its own (else the
    first with a stated date anywhere): an incident whose stated date ends before that date's
    window starts ("arrested in August 2014", "in 2012 he shot a man", "in March") is one the
    text recalls, and so is one placed in an earlier year ("in 2021"). Windows are
    `identity.date_window`'s, so the slack is the one corroboration allows. A document with
    no stated date has no anchor: nothing is marked by date.
    """
    dated = [i for i in incidents if i.date_stated and not i.background]
    in_lead = [i for i in dated if i.evidence[0].start < lead_end]
    if not dated:
        return
    anchor = (in_lead or dated)[0]
    start = _window(anchor)
    if start is None:
        return
    for incident in incidents:
        if incident.background:
            continue
        own = _window_end(incident) if incident.date_stated else None
        year = stated_year(incident)
        if (own is not None and own < start[0]) or (year is not None and year < start[0].year):
            incident.background = True
            incident.confidence = max(0.0, incident.confidence - BACKGROUND_PENALTY)


def stated_year(incident: Incident) -> int | None:
    """Return the bare year an incident's trigger is placed in ("attacked ... in 2021"), if any."""
    for trigger in incident.triggers:
        for node in {trigger.head, governing_verb(trigger.head)}:
            for prep in node.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for year in prep.children:
                    if year.dep_ == "pobj" and year.text.isdigit() and len(year.text) == 4:
                        return int(year.text)
    return None


def _window(incident: Incident) -> tuple[date, date] | None:
    return date_window(view_of(incident, None))


def _window_end(incident: Incident) -> date | None:
    window = _window(incident)
    return window[1] if window is not None else None
