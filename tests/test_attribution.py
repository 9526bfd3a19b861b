"""attribution_v1: who says what, with which cue, how firmly — as a table of sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

import claimgraph.nlp.attribution  # noqa: F401  (registers attribution_v1)


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    """The pinned model plus attribution_v1 (a copy, so the shared model stays bare)."""
    import spacy

    from claimgraph.nlp.pipeline import MODEL

    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("attribution_v1")
    return pipeline


def claims_of(nlp, run_pipeline, text, **meta):
    return run_pipeline(nlp, text, **meta)._.claims


# (text, content contains, speaker type, speaker name, cue, modality)
ATTRIBUTIONS = [
    (
        "The attack was planned in Quetta, police chief Ahmed Khan said.",
        "The attack was planned in Quetta",
        "named_official",
        "Ahmed Khan",
        "said",
        "attributed",
    ),
    (
        "Interior Minister Sara Malik said that five militants were arrested.",
        "five militants were arrested",
        "named_official",
        "Sara Malik",
        "said",
        "attributed",
    ),
    (
        "According to local officials, twelve people died in the blast.",
        "twelve people died in the blast",
        "unnamed",
        "local officials",
        "According to",
        "attributed",
    ),
    (
        "Sources said the convoy was ambushed near the border.",
        "the convoy was ambushed near the border",
        "unnamed",
        "Sources",
        "said",
        "attributed",
    ),
    (
        "The raids were reported by credible sources.",
        "The raids were reported by credible sources",
        "unnamed",
        "credible sources",
        "reported",
        "attributed",
    ),
    (
        "A recent Daily Sentinel report confirming the deaths of four fighters was published.",
        "the deaths of four fighters",
        "named_media",
        "Daily Sentinel",
        "confirming",
        "attributed",
    ),
    (
        "Reuters reported that the bridge was destroyed.",
        "that the bridge was destroyed",
        "named_media",
        "Reuters",
        "reported",
        "attributed",
    ),
    (
        "The army denied that civilians were killed in the strike.",
        "that civilians were killed in the strike",
        "unnamed",
        "army",
        "denied",
        "denied",
    ),
]


@pytest.mark.parametrize(("text", "content", "kind", "name", "cue", "modality"), ATTRIBUTIONS)
def test_attributions(nlp, run_pipeline, text, content, kind, name, cue, modality):
    claims = [c for c in claims_of(nlp, run_pipeline, text) if c.speaker.type != "author"]
    assert claims, "no attribution found"
    claim = next(c for c in claims if c.cue == cue)
    assert content in claim.text
    assert text[claim.start : claim.end] == claim.text
    assert claim.speaker.type == kind
    assert name in (claim.speaker.name or "")
    assert text[claim.cue_start : claim.cue_end] == cue
    assert claim.modality == modality


def test_pronoun_resolves_to_preceding_person_and_admission_is_self_admission(nlp, run_pipeline):
    text = (
        "The case of Karim Haddad, a militant known as the Falcon, is telling. "
        "Arrested at the border, he admitted to the existence of training camps in the hills."
    )
    claim = next(c for c in claims_of(nlp, run_pipeline, text) if c.cue == "admitted")
    assert claim.speaker.type == "self_admission"
    assert claim.speaker.name == "Karim Haddad"
    assert text[claim.speaker.start : claim.speaker.end] == "he"
    assert "the existence of training camps" in claim.text
    assert claim.modality == "attributed"


def test_quote_over_several_sentences_is_one_content(nlp, run_pipeline):
    text = '"We will fight on. Nobody can stop us," the commander Ali Rahimi told reporters.'
    claim = next(c for c in claims_of(nlp, run_pipeline, text) if c.cue == "told")
    assert claim.text.startswith('"We will fight on.') and claim.text.endswith('us,"')


def test_continued_quote_stays_with_its_speaker(nlp, run_pipeline):
    text = '"The road is closed," Omar Said said. "Nobody may pass until the army leaves."'
    attributed = [c for c in claims_of(nlp, run_pipeline, text) if c.speaker.type != "author"]
    assert len(attributed) == 1
    assert attributed[0].text.endswith('leaves."')


# (sentence, modality, hedge text, speaker type)
AUTHOR_SENTENCES = [
    ("The group finances militant training across the region.", "asserted", None, "author"),
    ("The commander was reportedly killed in the raid.", "hedged", "reportedly", "unnamed"),
    ("The camp is believed to house foreign fighters.", "hedged", "is believed", "unnamed"),
    ("The strike may have killed civilians.", "hedged", "may", "author"),
    ("It is unclear whether the camp is still active.", "questioned", None, "author"),
    ("Who financed the attack?", "questioned", None, "author"),
    ("No civilians were hurt in the operation.", "denied", None, "author"),
]


@pytest.mark.parametrize(("text", "modality", "hedge", "kind"), AUTHOR_SENTENCES)
def test_sentences_without_a_source(nlp, run_pipeline, text, modality, hedge, kind):
    (claim,) = claims_of(nlp, run_pipeline, text, author="Jane Roe")
    assert claim.modality == modality
    assert (claim.hedge.text if claim.hedge else None) == hedge
    assert claim.speaker.type == kind
    if kind == "author":
        assert claim.speaker.name == "Jane Roe"


def test_every_sentence_yields_a_claim(nlp, run_pipeline):
    text = (
        "Headline About A Region\n\nBy Jane Roe\n\n"
        "Militants attacked a checkpoint. Officials said three soldiers died. "
        "The attack shows how fragile the truce is."
    )
    claims = claims_of(nlp, run_pipeline, text)
    for sentence in ("Militants attacked a checkpoint", "three soldiers died", "fragile the truce"):
        assert any(sentence in c.text for c in claims)
    assert any(c.text == "By Jane Roe" for c in claims)


def test_facts_named_by_evidence_verbs_stay_with_the_author(nlp, run_pipeline):
    text = "The repeated raids show that the country has become a hub for the group."
    claims = claims_of(nlp, run_pipeline, text)
    assert [c.speaker.type for c in claims] == ["author"]


# (text, higher, lower): check-worthiness orders checkable facts above opinion
WORTHINESS = [
    ("Gunmen killed 11 people in Peshawar on Monday.", "Governments must act now."),
    ("Police said 4 suspects were arrested in Lahore.", "Is this the future we want?"),
]


@pytest.mark.parametrize(("checkable", "opinion"), WORTHINESS)
def test_check_worthiness_ranks_facts_above_opinion(nlp, run_pipeline, checkable, opinion):
    high = max(c.check_worthiness for c in claims_of(nlp, run_pipeline, checkable))
    low = max(c.check_worthiness for c in claims_of(nlp, run_pipeline, opinion))
    assert high >= 0.5 > low


# (text, cue, content contains, speaker name contains or None for unnamed)
STANCES = [
    (
        "Many analysts suspect the losses were hidden by the ministry.",
        "suspect",
        "the losses were hidden",
        "analysts",
    ),
    (
        "The interior ministry plans to reopen the border crossing next week.",
        "plans",
        "to reopen the border crossing",
        "ministry",
    ),
    ("The commander was accused of ordering the raid.", "accused", "ordering the raid", None),
    ("Residents are afraid that the fighting will return.", "afraid", "the fighting", "Residents"),
    (
        "Senator Ahmed Khan attacked Governor Malik for his silence.",
        "attacked",
        "Governor Malik",
        "Ahmed Khan",
    ),
    (
        "In a new poll, Khan led Malik by five points.",
        "In",
        "Khan led Malik by five points",
        "poll",
    ),
    (
        "The convoy, the minister said, would leave Kabul at dawn.",
        "said",
        "would leave Kabul at dawn",
        "minister",
    ),
    ("Tribal elders called for calm after the clashes.", "called", "calm", "elders"),
    (
        '"We will not leave our homes," the protesters shouted.',
        "shouted",
        "We will not leave our homes",
        "protesters",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "name"), STANCES)
def test_beliefs_intentions_and_judgements_are_attributed(
    nlp, run_pipeline, text, cue, content, name
):
    claims = [c for c in claims_of(nlp, run_pipeline, text) if c.speaker.type != "author"]
    claim = next(c for c in claims if c.cue == cue)
    assert content in claim.text
    if name is None:
        assert claim.speaker.type == "unnamed" and claim.speaker.start is None
    else:
        assert name in (claim.speaker.name or "")


def test_a_thought_reported_inside_someone_elses_words_is_not_a_second_claim(nlp, run_pipeline):
    text = "Police said the suspect planned to flee the city."
    attributed = [c for c in claims_of(nlp, run_pipeline, text) if c.speaker.type != "author"]
    assert [c.cue for c in attributed] == ["said"]
    assert "planned to flee the city" in attributed[0].text


def test_fighters_attacking_a_place_are_not_speakers(nlp, run_pipeline):
    text = "Gunmen attacked a police checkpoint in Quetta."
    assert [c.speaker.type for c in claims_of(nlp, run_pipeline, text)] == ["author"]


def test_the_one_spoken_to_inside_a_quote_is_no_speaker(nlp, run_pipeline):
    text = '"Will you pledge to stop the strikes?" the reporter asked the general.'
    claims = claims_of(nlp, run_pipeline, text)
    assert not any(c.speaker.name == "you" for c in claims)
    assert any(c.cue == "asked" for c in claims)


def test_a_plan_reported_according_to_a_source_is_the_source_s_claim(nlp, run_pipeline):
    text = "The group plans to expand its operations into the north, according to a UN report."
    attributed = [c for c in claims_of(nlp, run_pipeline, text) if c.speaker.type != "author"]
    assert [(c.cue, c.text) for c in attributed] == [
        ("according to", "The group plans to expand its operations into the north")
    ]
