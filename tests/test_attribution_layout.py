"""attribution_v1 on speech marked by layout and by quotation marks: colons, dashes, split quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

import claimgraph.nlp.attribution  # noqa: F401  (registers attribution_v1)


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    """The pinned model plus attribution_v1."""
    import spacy

    from claimgraph.nlp.pipeline import MODEL

    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("attribution_v1")
    return pipeline


def attributed(nlp, run_pipeline, text):
    claims = run_pipeline(nlp, text)._.claims
    return [c for c in claims if c.speaker.type != "author"]


# (text, speaker name, content starts with, content ends with)
LAYOUT = [
    (
        "PENCE: Well, this is serious business. The people have a choice.\n\nMore text follows.",
        "PENCE",
        "Well, this",
        "have a choice",
    ),
    (
        "“We are afraid to leave the house. The shelling never stops.” ― Amina Yusuf\n",
        "Amina Yusuf",
        "“We are afraid",
        "never stops.”",
    ),
    (
        "“They came at night,” the farmer said. “They took everything. Nobody helped us.”",
        "farmer",
        "“They came at night",
        "Nobody helped us.”",
    ),
    (
        '"The convoy was hit twice," Colonel Ahmed Raza said, "and both trucks burned."',
        "Ahmed Raza",
        '"The convoy was hit twice',
        'both trucks burned."',
    ),
    (
        '"We saw the smoke first," Ali Hassan said by phone on Sunday. "Then the second blast '
        'came. Then nothing."\n\nThe army has not commented.',
        "Ali Hassan",
        '"We saw the smoke',
        'Then nothing."',
    ),
]


@pytest.mark.parametrize(("text", "speaker", "begins", "ends"), LAYOUT)
def test_layout_and_split_quotes_are_one_attribution(
    nlp, run_pipeline, text, speaker, begins, ends
):
    claims = attributed(nlp, run_pipeline, text)
    assert len(claims) == 1
    claim = claims[0]
    assert speaker in (claim.speaker.name or "")
    assert claim.text.startswith(begins)
    assert claim.text.endswith(ends)


def test_a_headline_name_met_again_in_the_body_is_a_speaker(nlp, run_pipeline):
    text = (
        "Sanders: the talks must go on\n\n"
        "Bernie Sanders spoke at length on Friday about the stalled negotiations."
    )
    claims = attributed(nlp, run_pipeline, text)
    assert ("Sanders", "the talks must go on") in [(c.speaker.name, c.text) for c in claims]


# Lines whose colon labels the line or names a place: the author speaks.
NOT_SPEAKERS = [
    "Update: The minister resigned on Friday evening.",
    "Afghanistan: Ten people were killed in a blast on Monday.",
    "Photo: Soldiers patrol the market after the attack.",
]


@pytest.mark.parametrize("text", NOT_SPEAKERS)
def test_a_label_or_place_before_a_colon_is_no_speaker(nlp, run_pipeline, text):
    assert attributed(nlp, run_pipeline, text) == []


# (text, expected (speaker type, speaker name, cue) of every claim, in text order)
FIRST_PERSON_IN_QUOTES = [
    (
        "“I think we won the battle. I admit we lost many men,” Commander Omar Said told reporters.",
        [("named_official", "Omar Said", "told"), ("self_admission", "Omar Said", "admit")],
    ),
    (
        '"We deny any part in the attack," the group said in a statement.',
        [("unnamed", "group", "said")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_PERSON_IN_QUOTES)
def test_i_and_we_inside_a_quote_are_the_quoted_speaker(nlp, run_pipeline, text, expected):
    claims = run_pipeline(nlp, text)._.claims
    assert [(c.speaker.type, c.speaker.name, c.cue) for c in claims] == expected


# (text, speaker type, speaker name, cue, content) of the noun-cued claim
NOUN_CUES = [
    (
        "Residents expressed concern that the militants would return.",
        ("unnamed", "Residents", "concern", "that the militants would return"),
    ),
    (
        "There were growing fears that the ceasefire would collapse.",
        ("unnamed", None, "fears", "that the ceasefire would collapse"),
    ),
    (
        "Rights groups voiced criticism of the army's night raids.",
        ("unnamed", "Rights groups", "criticism", "the army's night raids"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOUN_CUES)
def test_a_speech_noun_with_its_clause_is_an_attribution(nlp, run_pipeline, text, expected):
    claims = attributed(nlp, run_pipeline, text)
    assert [(c.speaker.type, c.speaker.name, c.cue, c.text) for c in claims] == [expected]


# Nouns whose object is a side, not a statement, and nouns without a clause: no attribution.
NOT_NOUN_CUES = [
    "The villagers gave their support for the new council.",
    "The report was published on Monday.",
]


@pytest.mark.parametrize("text", NOT_NOUN_CUES)
def test_a_noun_without_a_stated_content_is_no_attribution(nlp, run_pipeline, text):
    assert [c.cue for c in attributed(nlp, run_pipeline, text)] == []


def test_no_doubt_is_the_writers_certainty_not_a_citation(nlp, run_pipeline):
    text = "There is no doubt that the militias are growing stronger."
    assert attributed(nlp, run_pipeline, text) == []


# (text, speaker name): a spokesman or "the group" is named by the actor it speaks for
ACTOR_SPEAKERS = [
    (
        "A spokesman for the Tehreek-e-Taliban Pakistan denied the claim.",
        "Tehrik-i-Taliban Pakistan",
    ),
    (
        "The TTP claimed the attack. The group said it would continue the campaign.",
        "Tehrik-i-Taliban Pakistan",
    ),
    ("Police said two suspects were arrested.", "Police"),
]


@pytest.mark.parametrize(("text", "name"), ACTOR_SPEAKERS)
def test_a_speaker_is_named_by_its_actor(nlp, run_pipeline, text, name):
    claims = attributed(nlp, run_pipeline, text)
    assert claims[-1].speaker.name == name


# (text, (speaker name, cue, content)) — documents and data claim what they show; people act
EVIDENCE = [
    (
        "Polls show a close contest in the state.",
        [("Polls", "show", "a close contest in the state")],
    ),
    (
        "Video of the incident shows soldiers firing at the crowd.",
        [("Video of the incident", "shows", "soldiers firing at the crowd")],
    ),
    ("Police found two bodies in the river.", []),
]


@pytest.mark.parametrize(("text", "expected"), EVIDENCE)
def test_what_a_document_shows_is_attributed_to_it(nlp, run_pipeline, text, expected):
    claims = attributed(nlp, run_pipeline, text)
    assert [(c.speaker.name, c.cue, c.text) for c in claims] == expected


# (text, [(speaker name, cue)]): speech reported inside a quote does not repeat the quote's claim;
# the audience of "spoke to" is not what was said
ECHOES_AND_AUDIENCES = [
    (
        '"Who do you want guarding the border?" the minister said.',
        [("minister", "said")],
    ),
    ("The spokesman spoke to reporters in Kabul on Monday.", []),
    ("The spokesman spoke about the new offensive on Monday.", [("spokesman", "spoke")]),
]


@pytest.mark.parametrize(("text", "expected"), ECHOES_AND_AUDIENCES)
def test_echoes_and_audiences_are_not_claims(nlp, run_pipeline, text, expected):
    claims = attributed(nlp, run_pipeline, text)
    assert [(c.speaker.name, c.cue) for c in claims] == expected


# Lines that each name their speaker: a no-break space before the dash, a transcript whose
# paragraphs open with a quotation mark. (text, speaker, content starts with, ends with)
SPEAKER_LINES = [
    (
        "“The water ran out on Monday.”\u00a0― Omar Haidari\n“Nobody came to help.” ― Lina Noor\n",
        "Omar Haidari",
        "“The water",
        "on Monday.”",
    ),
    (
        'Partial transcript:\n\n"WALLACE: Will the talks resume this week?\n\n'
        '"PENCE: The talks will resume on Friday.',
        "PENCE",
        "The talks will",
        "on Friday",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "begins", "ends"), SPEAKER_LINES)
def test_each_line_keeps_its_own_speaker(nlp, run_pipeline, text, speaker, begins, ends):
    claim = next(c for c in attributed(nlp, run_pipeline, text) if c.speaker.name == speaker)
    assert claim.text.startswith(begins)
    assert claim.text.endswith(ends)
