"""Who acted on whom: an incident's agent and patient heads, read off the parse.

The agent is read off the trigger's clause (subject, "by" phrase, "X carried out an attack",
"X-led"), or from the clause it depends on (conjoined verbs, participles, infinitives);
`agent_names` names the heads (the lexicon's actor, else the text's words).
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.agent_names import (
    MODIFIER_DEPS,
    PRONOUNS,
    actor_in,
    core_tokens,
    named_agent,
    preceding_actor,
    to_event_actor,
)
from claimgraph.nlp.agent_words import (
    GROUP_NOUNS,
    KIN_NOUNS,
    PERPETRATION_VERBS,
    PERSON_NOUNS,
)
from claimgraph.nlp.syntax import prep_objects

__all__ = [
    "GROUP_NOUNS",
    "KIN_NOUNS",
    "MODIFIER_DEPS",
    "PERSON_NOUNS",
    "PRONOUNS",
    "actor_in",
    "argument_tokens",
    "core_tokens",
    "named_agent",
    "preceding_actor",
    "to_event_actor",
]

# Nouns a trigger can be counted or framed by: "a series of attacks", "responsibility for it".
FRAME_PREPOSITIONS = frozenset({"of", "for"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Verbs whose subject undergoes the event ("three soldiers died", "a bomb exploded").
UNDERGOING_VERBS = frozenset({"die", "perish", "succumb", "explode", "collapse", "drown"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def subjects(verb: Token) -> list[Token]:
    """Return the agents of a verb: its active subject or the "by" phrase of its passive."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    found += [
        pobj
        for c in verb.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    if not found and is_passive(verb):
        found = stray_agents(verb)
    # "militants who attacked": the relative pronoun stands for the noun the clause modifies.
    return [
        verb.head if t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else t for t in found
    ]


def is_passive(verb: Token) -> bool:
    """Tell whether a verb is passive ("were shot", "killed by", a bare participle)."""
    return verb.tag_ == "VBN" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def stray_agents(verb: Token) -> list[Token]:
    """Return a passive's "by" phrase the parser hung lower in its clause.

    "were shot dead in their home by special forces": the agent attaches to "dead" or "home",
    but no other verb stands between it and the trigger.
    """
    for token in verb.subtree:
        if token.lower_ != "by" or token.dep_ not in {"prep", "agent"} or token.head.i == verb.i:
            continue
        between = [a for a in token.ancestors if a.i != verb.i and verb.is_ancestor(a)]
        if any(a.pos_ in {"VERB", "AUX"} for a in between):
            continue
        pobjs = [c for c in token.children if c.dep_ == "pobj"]
        if pobjs:
            return pobjs
    return []


def inherited_subjects(verb: Token) -> list[Token]:
    """Return the agents a verb without its own takes from the clause it depends on.

    "stormed the village and killed five" (conjoined verbs share a subject); "killed and
    beheaded by X" (the last conjunct's agent); "launched attacks, killing 130" (a participle
    acts for the main subject); "claimed to have hit" (the controller of an infinitive);
    "gunmen attacking a checkpoint" (the noun a participle modifies).
    """
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head) or inherited_subjects(verb.head)
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG"}):
        return subjects(verb.head) or inherited_subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or verb.tag_ == "VBN"
    if passive or reduced_passive(verb):
        # "killed and allegedly beheaded by X": the agent written after the last conjunct.
        for conj in verb.conjuncts:
            found = [t for t in subjects(conj) if t.dep_ == "pobj"]
            if found:
                return found
    return []


def reduced_passive(verb: Token) -> bool:
    """Tell whether a verb the parser gave a subject is a passive without its auxiliary.

    "Soldier killed in attack" (a headline's participle) and "a soldier killed and beheaded by
    troops" (a conjunct carries the agent) put the victim where the subject would be.
    """
    if any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return True
    return any(
        c.dep_ == "agent" for conj in verb.conjuncts if conj.tag_ == "VBN" for c in conj.children
    )


def perpetration_verb(noun: Token) -> Token | None:
    """Return the verb that makes a noun trigger its subject's act ("X launched attacks")."""
    node = noun
    while (
        node.dep_ == "pobj"
        and node.head.lower_ in FRAME_PREPOSITIONS
        and node.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        node = node.head.head  # "a series of attacks", "responsibility for the bombing"
    if node.dep_ in {"dobj", "nsubjpass"} and node.head.lemma_.lower() in PERPETRATION_VERBS:
        return node.head
    return None


def sides_of(noun: Token) -> list[Token]:
    """Return the first side named in a noun's "between X and Y" phrase."""
    return prep_objects(noun, {"between"})


# Trigger nouns that name the people acting.
ACTING_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})
BLAME_VERBS = frozenset({"blame", "attribute"})


def is_clause_subject(noun: Token) -> bool:
    """Tell whether a noun is its clause's subject ("protesters marched", "thousands of
    protesters marched"), not an object ("police beat protesters", "the killing of protesters")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.dep_ in {"nsubj", "ROOT"}


BLAME_PREPOSITIONS = frozenset({"on", "to"})


def blamed(noun: Token) -> list[Token]:
    """Return whom the text blames for a noun trigger ("blamed the attack on X")."""
    verbs = [c for c in noun.children if c.dep_ in {"relcl", "acl"}]
    found: list[Token] = []
    if noun.dep_ in {"dobj", "nsubjpass"}:
        verbs.append(noun.head)
        if noun.head.lemma_.lower() in BLAME_VERBS:  # "blamed the attack on X", "on" on the noun
            found += prep_objects(noun, BLAME_PREPOSITIONS)
    found += [
        pobj
        for verb in verbs
        if verb.lemma_.lower() in BLAME_VERBS
        for pobj in prep_objects(verb, BLAME_PREPOSITIONS, {"prep", "dative"})
    ]
    framed = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if framed is not None and framed.head.lemma_.lower() in BLAME_VERBS:
        found += [c for c in framed.head.children if c.dep_ == "dobj"]
    return found


def argument_tokens(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Return (agent heads, patient heads) of a trigger from the parse."""
    agents: list[Token] = []
    patients: list[Token] = []
    verb = trigger
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"nsubj"}:
            acts = verb.pos_ == "VERB" and verb.lemma_.lower() not in UNDERGOING_VERBS
            # A word with a direct object acts on it, whatever the tagger called it: "two men
            # ... shot dead a shopkeeper" parsed with "dead" as the head.
            acts = acts or any(c.dep_ == "dobj" for c in verb.children)
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                child = verb.head  # "a bomber who detonated his belt": the bomber acted
            (agents if acts and not reduced_passive(verb) else patients).append(child)
        elif child.dep_ in {"nsubjpass", "dobj"}:
            patients.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "on", "against", "targeting"}:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "between":
            # "a battle between troops and militants": the first side acts, the second is met.
            for side in sides_of(verb):
                agents.append(side)
                patients.extend(side.conjuncts)
        elif child.dep_ in {"compound", "poss", "amod", "nmod"} and verb.pos_ in {"NOUN", "PROPN"}:
            if child.pos_ not in {"NOUN", "PROPN", "PRON"} and child.ent_type_ not in {
                "NORP",
                "GPE",
                "ORG",
            }:
                continue  # "the second explosion", "bunker-busting bombs": no one's
            if child.lower_ in {"led", "backed", "sponsored"}:
                agents.extend(child.children)  # "a US-led strike"
            else:
                agents.append(child)
    if verb.pos_ == "VERB" and not agents and is_passive(verb):
        agents.extend(stray_agents(verb))
    if verb.pos_ == "VERB" and (
        reduced_passive(verb) or not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        agents.extend(inherited_subjects(verb))
    for child in verb.children:
        if child.dep_ == "acl" and verb.pos_ in {"NOUN", "PROPN"}:
            agents.extend(
                t for t in subjects(child) if t.dep_ == "pobj"
            )  # "attacks carried out by X"
        elif child.dep_ == "prep" and child.lower_ in {"in", "during", "amid"}:
            # "killed in a battle between troops and militants"
            for frame in (c for c in child.children if c.dep_ == "pobj"):
                for side in sides_of(frame):
                    agents.append(side)
                    patients.extend(side.conjuncts)
    if verb.pos_ in {"NOUN", "PROPN"}:
        if verb.lemma_.lower() in ACTING_NOUNS and is_clause_subject(verb):
            agents.append(verb)  # "demonstrators marched" names who held the protest
        agents.extend(blamed(verb))
        support = perpetration_verb(verb)
        if support is not None:
            agents.extend(subjects(support) or inherited_subjects(support))
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if verb.dep_ == "conj" and not own_subject and not any(c.dep_ == "dobj" for c in verb.children):
        # "was abducted and subsequently killed": conjoined passives share their victim.
        patients.extend(c for c in verb.head.children if c.dep_ == "nsubjpass")
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not own_subject:
        if any(c.dep_ == "dobj" for c in verb.children):
            # "Wagner-backed troops killed at least 14 people" parsed as a reduced relative:
            # with an object of its own the participle is the noun's act, not done to it.
            agents.append(verb.head)
        else:
            patients.append(verb.head)  # "centers ... destroyed by gunmen": the noun is the patient
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        patients.extend(c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    if verb.dep_ in {"oprd", "acomp"} and verb.head.i != verb.i:
        return argument_tokens(verb.head)
    return agents, patients
