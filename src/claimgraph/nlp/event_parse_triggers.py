"""Triggers read from the parse, beside the lexicon's (part of events.v1).

Who did what to whom: jets that bombed a village, fighting near a place, a crowd that
gathered to demand, a group founded or split, a pact signed, a curfew imposed, a mine hit,
ground seized or regained, weapons recovered, a house set on fire.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.nlp.event_clauses import (
    establishes_base,
    is_directive,
    is_gathering,
    is_ground,
    is_intended,
    is_new_leader,
    orders_people,
    seizes_person,
    threatens_violence,
    thrown_at_police,
)
from claimgraph.nlp.event_parse_words import (
    ACTIVITY_NOUNS,
    AGREEMENT_NOUNS,
    AIR_VERBS,
    BUILDING_VERBS,
    CLOSABLE,
    CONTROL_VERBS,
    DIRECTIVE_VERBS,
    FOUNDING_VERBS,
    GATHER_VERBS,
    GROUP_EVENTS,
    GROUP_NOUNS,
    MINE_MODIFIERS,
    MINE_VERBS,
    NAMING_VERBS,
    PLACE_ENTITIES,
    POSTING_VERBS,
    REGAIN_VERBS,
    SIGNING_VERBS,
    STRIKE_TARGETS,
    STRIKE_VERBS,
)
from claimgraph.nlp.event_triggers import TriggerRule
from claimgraph.nlp.event_words import (
    CAPTIVES,
    CIVILIANS,
    RECOVERY_VERBS,
    agents_of,
    governing,
    is_aircraft,
    is_person,
    is_set_on_fire,
    names_weapon,
)
from claimgraph.nlp.syntax import deps, lemma_of, prep_objects
from claimgraph.taxonomy import EVENT_TYPE_OF

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


# Rules for the clause-level triggers.
AIR_STRIKE = TriggerRule("Air/drone strike", 3, parsed=True)


SEIZED_PERSON = TriggerRule("Abduction/forced disappearance", 2, parsed=True)


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


# "strikes against militant hideouts", "carried out strikes in Khost": a military strike
# (a strike by workers is neither aimed at a target nor carried out).
STRIKES = TriggerRule("Air/drone strike", 2, parsed=True)


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


def noun_rule(token: Token, lemma: str) -> TriggerRule | None:
    """Return the rule a noun triggers through its phrase ("an anti-tank mine", "appointment")."""
    if lemma == "mine" and (
        any(c.lower_ in MINE_MODIFIERS for c in token.lefts)
        or (token.dep_ in {"dobj", "pobj"} and lemma_of(governing(token)) in MINE_VERBS)
    ):
        return MINE
    if lemma == "strike" and is_military_strike(token):
        return STRIKES
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


def is_military_strike(strike: Token) -> bool:
    """Tell whether the noun "strike" is a military one: aimed at a target or a place ("strikes
    against hideouts of the TTP", "strikes on Houthi positions"), or carried out in a place
    ("carried out strikes in Khost"; the parse may hang the place on the verb)."""
    carried = strike.dep_ == "dobj" and lemma_of(strike.head) in STRIKE_VERBS
    heads = [strike, strike.head] if carried else [strike]
    aimed = [t for h in heads for t in prep_objects(h, {"on", "against", "targeting"})]
    if any(lemma_of(t) in STRIKE_TARGETS or t.ent_type_ in PLACE_ENTITIES for t in aimed):
        return True
    placed = [t for h in heads for t in prep_objects(h, {"in"})] if carried else []
    return any(t.ent_type_ in PLACE_ENTITIES for t in placed)
