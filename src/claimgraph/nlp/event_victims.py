"""How many died: an incident's death toll from its victims and the sentence's death phrases.

Victims written as the killing's objects are counted from the parse (conjoined groups add
up, injured ones never count); failing that, the death phrase nearest the trigger
(`resolve.numbers.find_death_counts`) gives the toll.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.nlp.agent_words import KIN_NOUNS, PERSON_NOUNS
from claimgraph.nlp.event_agents import argument_tokens
from claimgraph.nlp.event_scene import token_at, tree_distance
from claimgraph.nlp.event_words import is_person
from claimgraph.nlp.syntax import prep_objects
from claimgraph.resolve.numbers import Count, find_death_counts, number_value, parse_count

KILLING_LEMMAS = frozenset(
    {
        "kill",
        "killing",
        "shoot",
        "murder",
        "assassinate",
        "assassination",
        "behead",
        "execute",
        "slay",
        "eliminate",
        "lynch",
        "massacre",
        "die",
        "dead",
        "death",
        "gun",
        "hack",
        "burn",
    }
)
DEADLY_WORDS = frozenset({"deadly", "fatal", "lethal", "bloody", "killer"})
COMPANION_PREPOSITIONS = frozenset({"alongside", "with"})
# A sentence that is only a death tally, as event notes end: "3 fatalities.", "Fatalities: 3",
# "No fatalities reported."
TALLY = re.compile(
    r"\W*(?:(?P<count>[\w,]+)\s+fatalit(?:y|ies)|fatalities\s*[:=]\s*(?P<after>[\w,]+))"
    r"(?:\s+(?:were\s+)?reported)?\W*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death toll: the conservative count and its range; all None when no death is stated."""

    best: int | None
    low: int | None
    high: int | None


NO_FATALITIES = Fatalities(None, None, None)


def closest_trigger(token: Token, triggers: Sequence[Token]) -> Token:
    """Return the trigger nearest to a token in the parse (the first one on ties)."""
    return min(triggers, key=lambda t: tree_distance(t, token))


# Entities a number may belong to that do not count people ("July 25", "a 27 year old").
NOT_HEADCOUNT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def number_on(token: Token) -> Count | None:
    """Read the number written on one victim noun ("three cadres", "at least 12 people")."""
    # "killed two", "two of them": the number is the victim itself.
    numbers = [token] if token.like_num else [c for c in token.children if c.dep_ == "nummod"]
    numbers = [n for n in numbers if n.ent_type_ not in NOT_HEADCOUNT_ENTITIES]
    # "a class nine student": a number after a noun of its phrase is a label, not a count.
    numbers = [n for n in numbers if not (n.i > 0 and n.doc[n.i - 1].dep_ == "compound")]
    if not numbers:
        return None
    # "eight persons - six police, one SPO and one civilian": the parser hung the detail's
    # number on the same noun; the first number is the total.
    numbers = numbers[:1]
    left = min(t.i for n in numbers for t in n.subtree if t.i <= n.i)
    right = max(n.i for n in numbers) + 1
    # Widen leftwards for qualifiers such as "at least" / "more than".
    for start in (left - 2, left - 1, left):
        count = parse_count(token.doc[max(start, token.sent.start) : right].text)
        if count is not None:
            return count
    return None


# Pronouns for one person, and the units of an age used as a noun ("a 16-year-old").
ONE_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
AGE_UNITS = frozenset({"year", "month", "week"})


def is_one_person(token: Token) -> bool:
    """Tell whether a victim noun names one person ("a policeman", "Ajay Yadav", "his son",
    "he", "a 16-year-old")."""
    if token.ent_type_ == "PERSON" and token.tag_ == "NNP":
        return True
    if token.lower_ in ONE_PERSON_PRONOUNS:
        return True
    if token.lower_ == "old" and any(c.lemma_.lower() in AGE_UNITS for c in token.children):
        return True
    if token.tag_ == "NNP" and any(
        c.dep_ == "compound" and c.lemma_.lower() in PERSON_NOUNS for c in token.children
    ):
        return True  # "constable Bira Basant", whatever the tagger made of the name
    return token.lemma_.lower() in PERSON_NOUNS | KIN_NOUNS and token.tag_ in {"NN", "NNP"}


def harms_people(trigger: Token) -> bool:
    """Tell whether a verb is done to people ("executed 11 civilians", "were wounded").

    Its object, or its subject in the passive, names people; the subject of an intransitive
    ("civilians had died") does not count: dying is not something done to them.
    """
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]  # "beat and burned him"
    return any(
        c.dep_ in {"dobj", "nsubjpass"}
        and (
            c.lemma_.lower() in PERSON_NOUNS | KIN_NOUNS
            or c.ent_type_ in {"PERSON", "NORP"}
            or (is_person(c) and c.lower_ not in {"it", "itself"})
        )
        for verb in verbs
        for c in verb.children
    )


def in_clash_sides(token: Token, trigger: Token) -> bool:
    """Tell whether a patient is a side of "a clash between X and Y", not a victim."""
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.lower_ == "between":
            return True
    return False


# Verbs whose singular object is a person killed ("killed the headman").
HOMICIDE_LEMMAS = frozenset({"kill", "murder", "assassinate", "behead", "slay", "lynch"})
INJURY_LEMMAS = frozenset({"injure", "wound", "hurt"})


def is_injured(token: Token) -> bool:
    """Tell whether a conjoined victim group is the injured one ("and three others injured")."""
    following = token.doc[token.i + 1 : min(token.i + 4, token.sent.end)]
    return any(t.lemma_.lower() in INJURY_LEMMAS for t in following)


def spells_out(group: Sequence[Token]) -> bool:
    """Tell whether a group's later members only detail its first ("three civilians, two men
    and one woman"): their counts add up to the first's."""
    whole = number_on(group[0])
    parts = [number_on(t) or (Count(1, 1, 1) if is_one_person(t) else None) for t in group[1:]]
    return (
        whole is not None
        and bool(parts)
        and all(parts)
        and sum(p.value or 0 for p in parts if p) == whole.value
    )


def listed_apposition(head: Token) -> list[Token]:
    """Return the further victims of a list the parser took for an apposition.

    "Six policemen, two cadres and a civilian were killed" is three groups; "three civilians,
    two men and a woman" only says who the three were (its parts add up to the head's count).
    """
    for appos in (c for c in head.children if c.dep_ == "appos" and number_on(c)):
        listed = [appos, *appos.conjuncts]
        return [] if spells_out([head, *listed]) else listed
    return []


# Words that open a part of a group already counted: "five worshippers, among them two children".
SUBSET_CUES = frozenset({"among", "including", "incl", "mostly", "mainly"})


def is_subset_detail(head: Token) -> bool:
    """Tell whether a victim phrase only details part of a group counted before it."""
    # The cue may hang on the phrase ("among them two children") or stand just before it.
    before = head.doc[max(head.left_edge.i - 3, head.sent.start) : head.i]
    return any(t.lower_ in SUBSET_CUES for t in before)


def victim_count(patients: Sequence[Token], trigger: Token) -> Count | None:
    """Count the victims written as a killing's objects, adding up conjoined groups.

    "Six policemen, two cadres and a civilian were killed" is 9; "killed a villager and his
    son" is 2; a plural without a number ("and militants") adds at least 2 and leaves the best
    value unknown. None when no victim carries a number or names one person.
    """
    heads = [p for p in patients if not in_clash_sides(p, trigger)]
    if len(heads) > 1:
        heads = [h for h in heads if not is_subset_detail(h)] or heads
    heads += prep_objects(trigger, COMPANION_PREPOSITIONS)
    # Parser slips on victim lists: "his son" conjoined to the verb ("shot dead a person and his
    # son"), a name as a second subject ("A policeman, Harnarayan Thakur was killed").
    if not any(number_on(h) for h in heads):
        heads += [
            c
            for c in trigger.children
            if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and not is_injured(c)
        ]
    subjects_seen: set[str] = set()
    members: dict[int, Token] = {}
    for head in heads:
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i == trigger.i:
            if head.dep_ in subjects_seen:
                continue
            subjects_seen.add(head.dep_)
        group = [head, *head.conjuncts, *listed_apposition(head)]
        detailed = sum(c.dep_ == "nummod" for c in head.children) > 1  # "eight - six ..."
        if (
            detailed
            or not any(c.dep_ == "cc" for t in group for c in t.children)
            or spells_out(group)
        ):
            group = [head]  # "a policeman, Harnarayan Thakur,": an apposition, not two people
        for token in group:
            if token is not head and (token.like_num or is_injured(token)):
                continue  # "Dhanesh (25) and ...": an age; "and three others injured"
            if token.pos_ in {"NOUN", "PROPN", "NUM"}:
                members.setdefault(token.i, token)
    value: int | None = 0
    low = 0
    high: int | None = 0
    counted = False
    for token in members.values():
        count = number_on(token)
        homicide = (
            trigger.lemma_.lower() in HOMICIDE_LEMMAS
            and token.tag_ == "NN"
            and token.dep_ in {"dobj", "nsubjpass"}
            and token.head.i == trigger.i
        )
        if count is None and (is_one_person(token) or homicide):  # "killed the headman"
            count = Count(1, 1, 1)
        if count is None:
            if token.tag_ in {"NNS", "NNPS"}:
                value, low, high = None, low + 2, None  # "and militants": at least two
            continue
        counted = True
        value = None if value is None or count.value is None else value + count.value
        low += count.low
        high = None if high is None or count.high is None else high + count.high
    return Count(value, low, high) if counted else None


# Killing verbs that also wound: their victims died only when the text says so ("shot dead").
WOUNDING_LEMMAS = frozenset({"shoot", "burn", "hack", "stab", "beat"})


def says_dead(trigger: Token) -> bool:
    """Tell whether a wounding verb says its victims died ("shot dead", "hacked to death")."""
    words = {c.lower_ for c in trigger.children} | {
        t.lower_ for c in trigger.children for t in c.children
    }
    return bool(words & {"dead", "death", "fatally"})


def fatalities_for(
    trigger: Token, patients: Sequence[Token], sentence: Span, rivals: Sequence[Token] = ()
) -> Fatalities:
    """Return the death toll the sentence gives for the incident around a trigger.

    A death phrase found in the sentence text belongs to the trigger closest to it in the
    parse; `rivals` are the heads of the sentence's other incidents' triggers.
    """
    lemma = trigger.lemma_.lower()
    is_killing = lemma in KILLING_LEMMAS or trigger.lower_ in KILLING_LEMMAS
    # "fatally wounded", "injured fatally": the victims died.
    is_killing = is_killing or (lemma in INJURY_LEMMAS and says_dead(trigger))
    # The killing's own victims: an incident's other triggers ("two others were injured") have
    # patients that did not die.
    counts_victims = is_killing and not (lemma in WOUNDING_LEMMAS and not says_dead(trigger))
    count = victim_count(argument_tokens(trigger)[1], trigger) if counts_victims else None
    if count is None:
        offset = sentence.start_char
        mentions = [
            m
            for m in find_death_counts(sentence.text)
            if closest_trigger(token_at(sentence, offset + m.start), [trigger, *rivals]).i
            == trigger.i
        ]
        if mentions:
            nearest = min(mentions, key=lambda m: abs(offset + m.start - trigger.idx))
            count = nearest.count
    if count is not None:
        return Fatalities(count.value, count.low, count.high)
    if is_killing and (lemma in {"die", "dead", "death"} or trigger.lower_ in {"killed", "shot"}):
        return Fatalities(1, 1, 1) if one_dead(sentence) else Fatalities(None, 1, None)
    if any(t.lower_ in DEADLY_WORDS for t in trigger.children):
        return Fatalities(None, 1, None)
    return NO_FATALITIES


# Words that say their subject died ("the boy has died", "was found dead", "was killed").
DIED_WORDS = frozenset({"die", "dead", "killed"})


def one_dead(sentence: Span) -> bool:
    """Tell whether the sentence's dead are one person: the one person who died, was found
    dead or was killed ("The 2-year-old who was shot ... has died", "A 16-year-old has died
    after being shot"), and no one else said to die."""
    dead: set[int] = set()
    for word in sentence:
        if word.lemma_.lower() not in DIED_WORDS and word.lower_ not in DIED_WORDS:
            continue
        clause = word.head if word.dep_ in {"acomp", "oprd", "xcomp"} else word
        for child in clause.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                victim = clause.head if child.lower_ in {"who", "that"} else child
                dead.add(victim.i)
    if len(dead) != 1:
        return False
    (victim,) = (sentence.doc[i] for i in dead)
    return is_one_person(victim) and not victim.conjuncts


def stated_tally(sentence: str) -> Fatalities | None:
    """Read a sentence that is only a death tally ("3 fatalities."), else None."""
    match = TALLY.fullmatch(sentence)
    if match is None:
        return None
    words = (match.group("count") or match.group("after")).lower()
    count = 0 if words in {"no", "zero"} else number_value(words)
    return None if count is None else Fatalities(count, count, count)
