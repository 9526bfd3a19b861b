"""Turn a frame's source tokens into a resolved, typed Speaker.

The parse-side half of speaker resolution: which words name the source, what a relative
pronoun stands for, which entities may be antecedents; the decisions themselves are pure
functions in `claimgraph.resolve.speakers`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.model import Speaker
from claimgraph.nlp.extensions import entities, entities_in, is_ignored, text_of
from claimgraph.nlp.frames import Frame, source_span
from claimgraph.resolve.actors import ActorLexicon
from claimgraph.resolve.speakers import (
    Mention,
    SourceMention,
    SpeakerLexicon,
    antecedent_labels,
    classify_speaker,
    resolve_antecedent,
    speaker_actor,
)

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Words between a leading source and its cue read for an actor name, at most.
MAX_ACTOR_WORDS_CHARS = 80


def named_mentions(doc: Doc, sentence_of: dict[int, int]) -> list[Mention]:
    """Return the entities that can be antecedents, with the index of their sentence."""
    return [
        Mention(e.text, e.label_, e.start_char, e.end_char, sentence_of.get(e.start, -1))
        for e in entities(doc)
        if e.label_ in ("PERSON", "ORG", "NORP", "GPE")
        and not is_ignored(doc, e.start_char, e.end_char)  # a byline names the author
    ]


def name_inside(source: Span) -> Span | None:
    """Return the name a source contains (a person first), or None.

    A nationality that only modifies the head ("Afghan officials") names nobody.
    """
    root = source.root
    entities = [
        e
        for e in entities_in(source)
        if e.label_ in ("PERSON", "ORG", "GPE", "FAC") or (e.label_ == "NORP" and root in e)
    ]
    people = [e for e in entities if e.label_ == "PERSON"]
    if people or entities:
        return (people or entities)[0]
    proper = [t for t in source if t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
    return source.doc[proper[0].i : proper[-1].i + 1] if proper else None


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
    mention = SourceMention(
        text=named.text,
        head_lemma=named.root.lemma_.lower(),
        entity_text=name.text if name is not None else None,
        entity_label=(name.label_ or "ORG") if name is not None else None,
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
    if frame.self_admission:
        kind = "self_admission"
    name_text = resolved_name or re.sub(r"^(the|a|an)\s+", "", named.text, flags=re.I)
    if kind in ("named_organization", "unnamed") and (name is None or name.label_ != "PERSON"):
        # a spokesman, an official or "the group" speaks for the actor it names
        actor = speaker_actor(actor_text, actors, lexicon)
        name_text = actor.name if actor is not None else name_text
    return Speaker(name=name_text, type=kind, start=source.start_char, end=source.end_char)
