"""Codebook distinctions of changes of territory (part of events.v1).

Who took the ground (state forces regain it, a non-state actor overtakes it) and whether it
was fought for. Read from the rest of the sentence by `claimgraph.nlp.event_refine`.
"""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.nlp.event_clauses import names_ground
from claimgraph.nlp.event_words import (
    STATE_KINDS,
)
from claimgraph.nlp.syntax import deps, lemma_of
from claimgraph.taxonomy import TERRITORIAL_TYPES

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
