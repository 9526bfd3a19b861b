"""Turn a frame's source tokens into a resolved, typed Speaker.

The parse-side half of speaker resolution: which words name the source, what a relative
pronoun stands for, which entities may be antecedents; the decisions themselves are pure
functions in `claimgraph.resolve.speakers`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.model import Speaker
from claimgraph.nlp.extensions import is_ignored
from claimgraph.nlp.frames import Frame, source_span
from claimgraph.resolve.speakers import (
    Mention,
    SourceMention,
    SpeakerLexicon,
    antecedent_labels,
    classify_speaker,
    resolve_antecedent,
)

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def named_mentions(doc: Doc, sentence_of: dict[int, int]) -> list[Mention]:
    """Return the entities that can be antecedents, with the index of their sentence."""
    return [
        Mention(e.text, e.label_, e.start_char, e.end_char, sentence_of.get(e.start, -1))
        for e in doc.ents
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
        for e in source.ents
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


def frame_speaker(
    frame: Frame,
    sentence: int,
    mentions: list[Mention],
    author: str | None,
    lexicon: SpeakerLexicon,
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
    labels = antecedent_labels(mention, lexicon)
    if labels is not None:
        antecedent = resolve_antecedent(labels, sentence, source.start_char, mentions)
        if antecedent is not None:
            resolved_name, resolved_label = antecedent.text, antecedent.label
    kind = classify_speaker(mention, lexicon, resolved_label)
    if kind == "author":
        return Speaker(name=author, type="author")
    if frame.self_admission:
        kind = "self_admission"
    name_text = resolved_name or re.sub(r"^(the|a|an)\s+", "", named.text, flags=re.I)
    return Speaker(name=name_text, type=kind, start=source.start_char, end=source.end_char)
