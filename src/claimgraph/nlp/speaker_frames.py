"""Turn a frame's source tokens into a resolved, typed Speaker.

The parse-side half of speaker resolution: which words name the source, what a relative
pronoun stands for, which entities may be antecedents; the decisions themselves are pure
functions in `claimgraph.resolve.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from claimgraph.model import Speaker
from claimgraph.nlp.extensions import entities, entities_in, is_ignored, text_of
from claimgraph.nlp.frames import Frame, source_span
from claimgraph.resolve.actors import ActorLexicon
from claimgraph.resolve.speakers import (
    NOMINAL,
    PLACE_LABELS,
    Mention,
    SourceMention,
    SpeakerLexicon,
    antecedent_labels,
    classify_speaker,
    resolve_antecedent,
    speaker_actor,
)

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A name after these, in a phrase on a verb ("In Niamey, forces detained …"), is where
# something happened: a place the model took for a person. Not "at" ("laughed at Trump").
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across", "throughout"})
SOURCE_PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"at", "from"}
# Words between a leading source and its cue read for an actor name, at most.
MAX_ACTOR_WORDS_CHARS = 80


def named_mentions(
    doc: Doc, sentence_of: dict[int, int], lexicon: SpeakerLexicon | None = None
) -> list[Mention]:
    """Return the entities that can be antecedents, with the index of their sentence.

    A name the places component read as a place, or that follows a locative preposition, is
    labelled GPE whatever the model called it (the small model takes "Niamey" for a person),
    so "he" never stands for it. With `lexicon`, descriptions of one person ("a senior
    commander") are antecedents too (label NOMINAL).
    """
    places = place_ranges(doc)
    found = [
        Mention(
            e.text,
            "GPE" if is_place(e, places) else e.label_,
            e.start_char,
            e.end_char,
            sentence_of.get(e.start, -1),
        )
        for e in entities(doc)
        if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
        and not is_ignored(doc, e.start_char, e.end_char)  # a byline names the author
    ]
    if lexicon is not None:
        found += nominal_mentions(doc, sentence_of, lexicon)
    return sorted(found, key=lambda m: m.start)


def place_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Return the character ranges of the places_v1 mentions (none when it did not run)."""
    return [(p.start, p.end) for p in doc._.places or []]


def is_place(ent: Span, places: Sequence[tuple[int, int]]) -> bool:
    """Tell whether an entity names a place: a place mention, or a name where things happen."""
    if ent.label_ in PLACE_LABELS:
        return True
    if any(start <= ent.start_char and ent.end_char <= end for start, end in places):
        return True
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Mali and Burkina Faso"
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in LOCATIVE_PREPOSITIONS
        and (prep.head.pos_ in ("VERB", "AUX") or prep.head.i == prep.i)
    )


def nominal_mentions(
    doc: Doc, sentence_of: dict[int, int], lexicon: SpeakerLexicon
) -> list[Mention]:
    """Return singular descriptions of one person ("a senior commander of the group")."""
    heads = lexicon.official_titles | lexicon.person_nouns
    found = []
    for token in doc:
        if token.tag_ != "NN" or token.ent_type_ or token.lemma_.lower() not in heads:
            continue
        if token.dep_ == "compound" or any(names_person(c) for c in token.children):
            continue  # "army spokesman Ali Khan", "a spokesman, Ali Khan,": the name stands
        span = source_span(token)
        if is_ignored(doc, span.start_char, span.end_char):
            continue
        text = re.sub(r"^(the|a|an)\s+", "", span.text, flags=re.I)
        found.append(
            Mention(text, NOMINAL, span.start_char, span.end_char, sentence_of.get(token.i, -1))
        )
    return found


def names_person(token: Token) -> bool:
    """Tell whether a child of a description names the person it describes."""
    return token.dep_ in ("appos", "compound", "nmod") and token.ent_type_ == "PERSON"


def name_inside(source: Span) -> Span | None:
    """Return the name a source contains (a person first), or None.

    A nationality that only modifies the head ("Afghan officials") names nobody, nor does
    the place where the source is ("officials in Kabul", "a resident from Gao").
    """
    root = source.root
    places = place_ranges(source.doc)
    entities = [
        e
        for e in entities_in(source)
        if (e.label_ in ("PERSON", "ORG", "GPE", "FAC") or (e.label_ == "NORP" and root in e))
        and not (where_it_is(e.root) and is_place(e, places))
    ]
    people = [e for e in entities if e.label_ == "PERSON"]
    if people or entities:
        return (people or entities)[0]
    proper = [
        t
        for t in source
        if t.pos_ == "PROPN"
        and t.ent_type_ != "NORP"
        and not (where_it_is(t) and t.head.lower_ in LOCATIVE_PREPOSITIONS)
    ]
    return source.doc[proper[0].i : proper[-1].i + 1] if proper else None


def where_it_is(token: Token) -> bool:
    """Tell whether a word inside a source may say where it is ("officials in Kabul").

    Only for a place: "a spokesman at the Interior Ministry" is the ministry's.
    """
    return token.dep_ == "pobj" and token.head.lower_ in SOURCE_PLACE_PREPOSITIONS


def antecedent_span(source: Span) -> Span:
    """Return what a relative pronoun stands for ("X, who said" → X); other sources unchanged."""
    head = source.root
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return source_span(head.head.head)
    return source


def actor_words(frame: Frame, named: Span) -> str:
    """Return the words that may name a source's side: up to the cue when the source leads.

    The parse can cut a hyphenated name short ("a spokesman for the Tehreek-e-…").
    """
    start, cue = named.start_char, frame.cue.start_char
    if named.end_char <= cue and cue - start <= MAX_ACTOR_WORDS_CHARS:
        return text_of(named.doc)[start:cue]
    return named.text


def frame_speaker(
    frame: Frame,
    sentence: int,
    mentions: list[Mention],
    author: str | None,
    lexicon: SpeakerLexicon,
    actors: ActorLexicon,
) -> Speaker:
    """Resolve and type the speaker of an attribution."""
    source = frame.source
    if not len(source):  # "fears that …": the text names nobody
        return Speaker(name=None, type="unnamed")
    named = antecedent_span(source)
    name = name_inside(named)
    label = None
    if name is not None:
        label = "GPE" if is_place(name, place_ranges(name.doc)) else name.label_ or "ORG"
    mention = SourceMention(
        text=named.text,
        head_lemma=named.root.lemma_.lower(),
        entity_text=name.text if name is not None else None,
        entity_label=label,
        neighbours=frame.neighbours,
    )
    resolved_name, resolved_label = mention.entity_text, None
    actor_text = actor_words(frame, named)
    labels = antecedent_labels(mention, lexicon)
    if labels is not None:
        antecedent = resolve_antecedent(labels, sentence, source.start_char, mentions)
        if antecedent is not None:
            resolved_name, resolved_label = antecedent.text, antecedent.label
            actor_text = antecedent.text
    kind = classify_speaker(mention, lexicon, resolved_label)
    if kind == "author":
        return Speaker(name=author, type="author")
    if frame.self_admission and (label or resolved_label) not in PLACE_LABELS:
        kind = "self_admission"  # "Washington admitted" is its government speaking
    name_text = resolved_name or re.sub(r"^(the|a|an)\s+", "", named.text, flags=re.I)
    if kind in ("named_organization", "unnamed") and label != "PERSON":
        # a spokesman, an official or "the group" speaks for the actor it names
        actor = speaker_actor(actor_text, actors, lexicon)
        name_text = actor.name if actor is not None else name_text
    return Speaker(name=name_text, type=kind, start=source.start_char, end=source.end_char)
