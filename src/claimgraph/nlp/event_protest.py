"""Codebook distinctions of demonstrations and crowds (part of events.v1).

A demonstration is violent, met with lethal or grave force, or intervened in; what a crowd
does is mob violence or a violent demonstration; whether the state takes part. Read from
the rest of the sentence by `claimgraph.nlp.event_refine`.
"""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.nlp.event_words import (
    LETHAL,
    PROTEST_INTERVENTION,
    RIOT_VIOLENCE,
    STATE_WORDS,
    is_person,
)
from claimgraph.nlp.syntax import deps, lemma_of


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
