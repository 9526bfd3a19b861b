"""resolve/speakers: typing a speaker mention and finding what a pronoun stands for."""

from __future__ import annotations

import pytest

from claimgraph.resolve.speakers import (
    Mention,
    SourceMention,
    antecedent_labels,
    classify_speaker,
    default_lexicon,
    resolve_antecedent,
    speaker_actor,
)

# (source as parsed, label of a resolved antecedent, expected type)
TYPES = [
    (SourceMention("Zara Ahmed", "ahmed", "Zara Ahmed", "PERSON"), None, "named_person"),
    (
        SourceMention("Defence Minister Zara Ahmed", "ahmed", "Zara Ahmed", "PERSON"),
        None,
        "named_official",
    ),
    (SourceMention("the spokesman", "spokesman", None, None), "PERSON", "named_official"),
    (SourceMention("he", "he", None, None), "PERSON", "named_person"),
    (SourceMention("he", "he", None, None), None, "unnamed"),
    (
        SourceMention("the Interior Ministry", "ministry", "the Interior Ministry", "ORG"),
        None,
        "named_organization",
    ),
    (SourceMention("Dawn News", "news", "Dawn News", "ORG"), None, "named_media"),
    (SourceMention("Al-Qamar", "al", "Al-Qamar", "PERSON", ("report",)), None, "named_media"),
    (SourceMention("Al-Qamar", "al", "Al-Qamar", "ORG"), None, "named_organization"),
    (SourceMention("credible sources", "source", None, None), None, "unnamed"),
    (SourceMention("officials", "official", None, None), None, "unnamed"),
    (SourceMention("I", "i", None, None), None, "author"),
]


@pytest.mark.parametrize(("source", "resolved", "expected"), TYPES)
def test_speaker_types(source, resolved, expected):
    assert classify_speaker(source, default_lexicon(), resolved) == expected


MENTIONS = [
    Mention("Omar Faruq", "PERSON", 10, 20, 0),
    Mention("Falcon", "PERSON", 40, 46, 0),
    Mention("the Front", "ORG", 60, 69, 1),
]

# (source, sentence, start, expected antecedent text)
ANAPHORA = [
    (SourceMention("he", "he", None, None), 1, 80, "Omar Faruq"),
    (SourceMention("the spokesman", "spokesman", None, None), 1, 80, "Omar Faruq"),
    (SourceMention("the group", "group", None, None), 1, 80, "the Front"),
    (SourceMention("she", "she", None, None), 9, 900, None),
]


@pytest.mark.parametrize(("source", "sentence", "start", "expected"), ANAPHORA)
def test_antecedents(source, sentence, start, expected):
    labels = antecedent_labels(source, default_lexicon())
    assert labels is not None
    found = resolve_antecedent(labels, sentence, start, MENTIONS)
    assert (found.text if found else None) == expected


def test_a_named_source_is_not_anaphoric():
    source = SourceMention("Omar Faruq", "faruq", "Omar Faruq", "PERSON")
    assert antecedent_labels(source, default_lexicon()) is None


# (source words, actor it speaks for; None when it names no side)
SIDES = [
    ("a Taliban spokesman", "Taliban"),
    ("a spokesman for the Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Pakistani army officials", "Military Forces of Pakistan"),
    ("The army", None),
    ("Police", None),
    ("local residents", None),
]


@pytest.mark.parametrize(("words", "side"), SIDES)
def test_a_source_speaks_for_the_actor_it_names(words, side):
    from claimgraph.resolve.actors import default_lexicon as actor_lexicon

    actor = speaker_actor(words, actor_lexicon())
    assert (actor.name if actor is not None else None) == side
