"""Attributions carried by a noun: "fears that …", "his claim that …", "criticism of X".

A speech noun ("claim", "warning", "concern") whose clause says what is claimed is a cue like
a verb. Its source is its owner ("his claim", "a warning by the UN") or the subject of the
light verb that governs it ("residents expressed concern that …"); with neither, nobody is
named ("growing fears that …") and the speaker is unnamed. Word lists: data/cues.yaml.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.nlp.cue_lexicon import Cues
from claimgraph.nlp.frames import Frame, source_span, subtree_span

# A noun's clause is what is claimed: "fears that X" (acl with "that"), "claims X" (ccomp).
CLAUSE_DEPS = ("acl", "ccomp")
OWNER_PREPOSITIONS = ("by", "from")
# Entity labels of a name that can own a claim standing before it ("the Trump claim").
PEOPLE = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# "There is no doubt that …", "little question that …": the writer's certainty, not a citation.
NEGATING_WORDS = frozenset({"no", "little", "without", "not"})


def noun_clause(noun: Token) -> Token | None:
    """Return the "that"-clause a speech noun introduces, or None."""
    for child in noun.children:
        if child.dep_ in CLAUSE_DEPS and any(
            c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in child.children
        ):
            return child
    return None


def noun_object(noun: Token, cues: Cues) -> Token | None:
    """Return the object of "criticism of X", "concern about X" for nouns that take one."""
    if noun.lemma_.lower() not in cues.object_speech_nouns:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in cues.content_prepositions:
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
    return None


def noun_owner(noun: Token, cues: Cues) -> Span | None:
    """Return who makes a speech noun: "his claim", "a warning by X", "X expressed concern"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return subtree_span(child)
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return source_span(objects[0])
        if child.dep_ in ("compound", "nsubj") and child.i < noun.i and child.ent_type_ in PEOPLE:
            # "the Trump claim that …"; a verb read as a noun: "Trump charges that …"
            return source_span(child)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in cues.light_verbs:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return source_span(subjects[0])
    return None


def noun_intention(noun: Token, cues: Cues) -> Token | None:
    """Return the infinitive of "her decision to meet …", "its plan to cut …", or None."""
    if noun.lemma_.lower() not in cues.intention_nouns:
        return None
    for child in noun.children:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ == "acl" and infinitive:
            return child
    return None


def noun_frames(sent: Span, cues: Cues) -> list[Frame]:
    """Find attributions whose cue is a speech noun in a sentence."""
    frames = []
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        intended = noun_intention(noun, cues)
        if intended is not None:
            # only someone's plan is an attribution: "a plan to build a dam" names nobody
            owner = noun_owner(noun, cues)
            if owner is not None:
                content = subtree_span(intended)
                cue = sent.doc[noun.i : noun.i + 1]
                span = (content.start_char, content.end_char)
                frames.append(Frame(owner, cue, span, (), False, True))
            continue
        if noun.lemma_.lower() not in cues.speech_nouns:
            continue
        said = noun_clause(noun) or noun_object(noun, cues)
        negated = any(c.lower_ in NEGATING_WORDS for c in noun.children) or (
            noun.head.lower_ in NEGATING_WORDS
        )
        if said is None or negated:
            continue
        owner = noun_owner(noun, cues)
        source = owner if owner is not None else sent.doc[noun.i : noun.i]  # empty: nobody named
        content = subtree_span(said)
        cue = sent.doc[noun.i : noun.i + 1]
        # embedded: the sentence around the noun is still the author's ("his claim … was rejected")
        frames.append(Frame(source, cue, (content.start_char, content.end_char), (), False, True))
    return frames
