"""Reportedness of event triggers: is a trigger a reported incident, and a current one?

Part of events.v1 (`claimgraph.nlp.events`): a trigger is dropped when the text does not
report an incident with it (negated, hypothetical, intended, generic, a death by illness);
an incident is background when the text only recalls it (an earlier incident, the deed
someone is held for); `claimgraph.nlp.event_recall` finds the incidents recalled by date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from claimgraph.nlp.event_arguments import harms_people
from claimgraph.nlp.event_clauses import GROUND_WORDS
from claimgraph.nlp.event_triggers import Trigger
from claimgraph.taxonomy import TERRITORIAL_TYPES

# Confidence taken from a background incident, measured on the ConfliBERT/SATP dev snippets
# (benchmarks/event_types.py).
BACKGROUND_PENALTY = 0.2

# Adverbs of a habit: what happens "regularly" is no incident ("police routinely detain").
HABITUAL = frozenset(
    {"frequently", "regularly", "routinely", "often", "periodically", "usually", "typically"}
)
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

# What a territorial trigger takes: ground (event_clauses.GROUND_WORDS), or control of it.
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
# Time spans that hold many incidents: "in recent years", "in the past", "in the 2000s".
SPAN_PREPOSITIONS = frozenset({"in", "over", "during", "for", "throughout"})
SPAN_NOUNS = frozenset({"years", "decades", "decade", "past"})
DECADE = re.compile(r"(?:1[89]|20)?\d0['’]?s")
# Words that make incidents many: "numerous attacks", "a number of attacks", "dozens of raids".
MANY_WORDS = frozenset({"numerous", "countless", "repeated", "frequent"})
TALLY_NOUNS = frozenset(
    {"number", "dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands"}
)
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "those", "these"})
WEAK_ALONE = frozenset(
    {"eliminate", "execute", "wound", "injure", "dead", "death", "die", "storm", "beat", "martyr"}
    | {"neutralise", "neutralize"}
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
        # "authorities frequently announce the arrest of": a habit, not a report; conjoined
        # verbs share the adverb ("regularly raid and detain").
        shared = node.head.children if node.dep_ == "conj" else ()
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in (*node.children, *shared)):
            return False
    if verb.lemma_.lower() in INTENT_VERBS and verb.i != head.i:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        return False  # "trained for attacks": purpose, not an incident
    if died_of_illness(head):
        return False
    # "being a suicide bomber was OK": a role, not an incident; but "there was a shooting"
    # (an existential "there") tells one, unless it only asks ("whether there were any
    # arrests").
    copula = head.head
    existential = any(c.dep_ == "expl" for c in copula.children)
    asked = any(c.lower_ == "any" for c in head.children) or any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in copula.children
    )
    if head.dep_ in {"attr", "acomp"} and head.pos_ == "NOUN" and (asked or not existential):
        return False
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
    if any(over_years(t.head) or counts_many(t.head) for t in triggers):
        return True
    return bool(rivals) and all(
        any(a.lemma_.lower() in CULPABILITY for a in t.head.ancestors if a.i >= sentence.start)
        for t in triggers
    )


def over_years(head: Token) -> bool:
    """Tell whether an incident is told over a span of years, so as many incidents of the past
    ("has killed dozens of policemen in recent years", "carried out strikes in the past",
    "saw frequent attacks in the 2000s", "for years")."""
    for node in {head, governing_verb(head)}:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in SPAN_PREPOSITIONS:
                continue
            for time in prep.children:
                if time.dep_ == "pobj" and (
                    time.lower_ in SPAN_NOUNS or DECADE.fullmatch(time.lower_) is not None
                ):
                    return True
    return False


def counts_many(head: Token) -> bool:
    """Tell whether an incident noun sums up many incidents ("has claimed a number of attacks",
    "dozens of raids", "numerous bombings", "repeated strikes"): a tally of the past."""
    if head.tag_ != "NNS":
        return False
    if any(c.dep_ == "amod" and c.lower_ in MANY_WORDS for c in head.children):
        return True
    owner = head.head
    return (
        head.dep_ == "pobj"
        and owner.lower_ == "of"
        and owner.head.lemma_.lower() in TALLY_NOUNS
        and owner.head.i != head.i
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
