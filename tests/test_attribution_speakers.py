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


def test_a_description_in_the_same_sentence_beats_a_name_sentences_back():
    mentions = [
        Mention("Sahel Monitor", "PERSON", 10, 23, 0),
        Mention("senior commander of the group", "NOMINAL", 120, 151, 3),
    ]
    labels = antecedent_labels(SourceMention("he", "he", None, None), default_lexicon())
    assert labels is not None
    found = resolve_antecedent(labels, 3, 160, mentions)
    assert found is not None and found.text == "senior commander of the group"


@pytest.fixture(scope="module")
def attribution_nlp():
    import spacy

    import claimgraph.nlp.attribution  # noqa: F401  (registers attribution_v1)
    from claimgraph.nlp.pipeline import MODEL

    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("attribution_v1")
    return pipeline


# (text, cue, speaker type, speaker name): a place is where someone is, not who speaks; it
# speaks only for its government ("Washington said"), and a government's word is not a
# self-admission of the place
PLACES = [
    (
        "Earlier attacks in Mali and Burkina Faso followed the same pattern. In Niamey, security "
        "forces detained a senior commander of the group in January; he admitted that fighters "
        "had trained in camps near the border.",
        "admitted",
        "self_admission",
        "senior commander of the group",
    ),
    (
        "Officials in Kabul said on Monday that gunmen had killed four guards near Jalalabad.",
        "said",
        "unnamed",
        "Officials in Kabul",
    ),
    (
        "Washington admitted on Tuesday that its drone had struck a wedding party.",
        "admitted",
        "named_organization",
        "Washington",
    ),
]


@pytest.mark.parametrize(("text", "cue", "kind", "name"), PLACES)
def test_a_place_name_is_not_a_speaker(attribution_nlp, run_pipeline, text, cue, kind, name):
    claims = run_pipeline(attribution_nlp, text)._.claims
    claim = next(c for c in claims if c.cue == cue)
    assert (claim.speaker.type, claim.speaker.name) == (kind, name)


def test_what_the_writer_tells_before_a_semicolon_stays_the_writer_s(attribution_nlp, run_pipeline):
    text = (
        "In Niamey, security forces detained a senior commander of the group in January; he "
        "admitted that fighters had trained in camps near the border."
    )
    claims = run_pipeline(attribution_nlp, text)._.claims
    admitted = next(c for c in claims if c.cue == "admitted")
    assert admitted.text == "that fighters had trained in camps near the border"
    own = [c.text for c in claims if c.speaker.type == "author"]
    assert own == ["In Niamey, security forces detained a senior commander of the group in January"]
