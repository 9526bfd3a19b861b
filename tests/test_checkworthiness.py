"""Check-worthiness: factual, checkable statements score >= 0.5; talk that cannot be checked < 0.5."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

from claimgraph.nlp.checkworthiness import (
    CheckWorthinessModel,
    score_check_worthiness,
    shipped_model,
    token_ids,
    wordpieces,
)
from claimgraph.nlp.modality import check_worthiness
from claimgraph.nlp.pipeline import MODEL

# Written for these tests; none of them is in the training data.
WORTH_CHECKING = [
    "Gunmen killed 14 villagers in an attack on a market on Sunday.",
    "The ministry said 230 people had been displaced by the fighting since March.",
    "Security forces arrested 12 suspects after the bombing.",
    "Food prices have doubled since the blockade began in 2021.",
    "An artillery shell hit a bus station in the city centre.",
    "The separatists shot down a military helicopter near the border.",
    "Police raided the offices of an opposition newspaper and confiscated computers.",
    "The jihadist group attacked a gold mine and abducted eleven workers.",
    "Fighting between two clans left dozens dead in the north of the country.",
    "Unemployment rose to 8 percent last year.",
]

NOT_WORTH_CHECKING = [
    "Thank you for having me tonight.",
    "We must never give up hope.",
    "I love this country.",
    "Good evening, everyone.",
    "What do you think we should do next?",
    "Let me finish my answer.",
    "Our thoughts are with everyone affected by the storm.",
    "The violence has to stop.",
    "Only time will tell whether the deal survives.",
    "Follow us for live updates.",
]

ODD_INPUT = [
    "",
    "   ",
    "\x00\x01 ###### \u200b",
    "ok " * 3000,
    "🙂🙂🙂",
    "Ünïcödé façade",
    "x" * 500,
]


@pytest.mark.parametrize("text", WORTH_CHECKING)
def test_factual_claims_are_worth_checking(text: str) -> None:
    assert score_check_worthiness([text])[0] >= 0.5


@pytest.mark.parametrize("text", NOT_WORTH_CHECKING)
def test_opinion_courtesy_and_questions_are_not(text: str) -> None:
    assert score_check_worthiness([text])[0] < 0.5


@pytest.mark.parametrize("text", ODD_INPUT)
def test_odd_text_gets_a_low_score_without_crashing(text: str) -> None:
    assert 0.0 <= score_check_worthiness([text])[0] < 0.5


def test_scores_come_back_one_per_text_in_order() -> None:
    texts = [NOT_WORTH_CHECKING[0], WORTH_CHECKING[0], NOT_WORTH_CHECKING[1]]
    scores = score_check_worthiness(texts)
    assert [s >= 0.5 for s in scores] == [False, True, False]
    assert scores == [score_check_worthiness([t])[0] for t in texts]


def test_no_texts_no_scores() -> None:
    assert score_check_worthiness([]) == []


# (word, expected pieces) over a toy vocabulary: longest piece first, "##" marks a continuation.
TOY_VOCAB = {"play": 0, "##ing": 1, "##s": 2, "player": 3, "un": 4, "##play": 5}
WORDPIECES = [
    ("play", ["play"]),
    ("playing", ["play", "##ing"]),
    ("players", ["player", "##s"]),
    ("unplaying", ["un", "##play", "##ing"]),
    ("playx", []),  # a word that cannot be covered is dropped whole, like BERT's [UNK]
    ("p" * 101, []),
]


@pytest.mark.parametrize(("word", "expected"), WORDPIECES)
def test_words_split_into_longest_vocabulary_pieces(word: str, expected: list[str]) -> None:
    names = {i: piece for piece, i in TOY_VOCAB.items()}
    assert [names[i] for i in wordpieces(word, TOY_VOCAB)] == expected


def test_text_is_lowercased_and_stripped_of_accents_like_uncased_minilm() -> None:
    model = shipped_model()
    assert token_ids("CAFÉ", model) == token_ids("cafe", model) != []


def test_a_model_file_can_be_loaded_from_a_path(tmp_path) -> None:
    path = tmp_path / "toy.npz"
    np.savez(
        path,
        vocab=np.array("\n".join(["[PAD]", "killed", "hello"])),
        vectors=np.array([[0, 0], [127, 0], [0, 127]], dtype=np.int8),
        scale=np.array([1 / 127, 1 / 127], dtype=np.float32),
        hidden_weights=np.array([[1.0], [0.0]], dtype=np.float32),
        hidden_bias=np.array([0.0], dtype=np.float32),
        output_weights=np.array([10.0], dtype=np.float32),
        output_bias=np.float32(-5.0),
    )
    toy = CheckWorthinessModel.from_path(path)
    assert score_check_worthiness(["killed", "hello"], toy) == [0.993, 0.007]


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    return spacy.load(MODEL)


# (text, claim as a substring of the text, worth checking?)
CLAIMS_IN_CONTEXT = [
    ("The army said 30 fighters were killed in the raid.", "30 fighters were killed", True),
    ("The minister said the people deserve better.", "the people deserve better", False),
]


@pytest.mark.parametrize(("text", "claim", "expected"), CLAIMS_IN_CONTEXT)
def test_claim_spans_are_scored_with_their_sentence(
    nlp: Language, text: str, claim: str, expected: bool
) -> None:
    doc = nlp(text)
    start = text.index(claim)
    span = doc.char_span(start, start + len(claim))
    assert span is not None
    assert (check_worthiness(span, "named_official", "attributed") >= 0.5) is expected
