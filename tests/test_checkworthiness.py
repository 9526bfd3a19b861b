"""Check-worthiness: factual, checkable statements score >= 0.5; talk that cannot be checked < 0.5.

The shipped model (data/models/checkworthiness.npz, trained on ClaimBuster: training/) scores
claims by default; its mechanics are also tested on toy model files the tests write.
"""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

from claimgraph.data_files import data_path
from claimgraph.nlp.checkworthiness import (
    MODEL_ENV,
    SHIPPED_MODEL,
    CheckWorthinessModel,
    installed_model,
    score_check_worthiness,
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


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    return spacy.load(MODEL)


def sentence_score(nlp: Language, text: str) -> float:
    """Score a whole text as one claim, the way the shipped scorer sees a claim."""
    doc = nlp(text)
    return check_worthiness(doc[:], "named_official", "attributed")


@pytest.mark.parametrize("text", WORTH_CHECKING)
def test_factual_claims_are_worth_checking(nlp: Language, text: str) -> None:
    assert sentence_score(nlp, text) >= 0.5


@pytest.mark.parametrize("text", NOT_WORTH_CHECKING)
def test_opinion_courtesy_and_questions_are_not(nlp: Language, text: str) -> None:
    assert sentence_score(nlp, text) < 0.5


@pytest.mark.parametrize("text", ODD_INPUT)
def test_odd_text_gets_a_low_score_without_crashing(nlp: Language, text: str) -> None:
    assert 0.0 <= sentence_score(nlp, text) < 0.5


@pytest.fixture
def default_model(monkeypatch):
    """The model a user gets without setting anything."""
    monkeypatch.delenv(MODEL_ENV, raising=False)
    installed_model.cache_clear()
    yield installed_model()
    installed_model.cache_clear()


def test_the_shipped_model_loads_from_the_package_without_the_env_var(default_model) -> None:
    shipped = data_path(*SHIPPED_MODEL)
    assert shipped.exists() and shipped.stat().st_size < 5_000_000
    assert default_model is not None
    assert default_model.vectors.dtype == np.int8
    assert default_model.vectors.shape[1] == default_model.hidden_weights.shape[0]


def test_the_env_var_can_turn_the_model_off(nlp: Language, monkeypatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "heuristic")
    installed_model.cache_clear()
    try:
        assert installed_model() is None
        assert 0.0 <= sentence_score(nlp, "Gunmen killed 14 villagers on Sunday.") <= 1.0
    finally:
        installed_model.cache_clear()


# (check-worthy factual claim, a sentence on the same topic that is not worth checking)
WORTHIER_THAN = [
    ("Unemployment rose to 8 percent last year.", "I think we all want more jobs."),
    ("The army said 30 fighters were killed in the raid.", "The raid was a terrible thing."),
    ("Food prices have doubled since 2021.", "Nobody likes paying more for food."),
    ("The government cut the health budget by 12 percent.", "Health is what matters most."),
]


@pytest.mark.parametrize(("factual", "other"), WORTHIER_THAN)
def test_a_checkable_fact_scores_above_talk_on_the_same_topic(
    nlp: Language, default_model, factual: str, other: str
) -> None:
    assert sentence_score(nlp, factual) > sentence_score(nlp, other)


def test_no_texts_no_scores(tmp_path) -> None:
    assert score_check_worthiness([], toy_model(tmp_path)) == []


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


def toy_model(tmp_path) -> CheckWorthinessModel:
    """Write and load a two-word model: "killed" is check-worthy, "hello" is not."""
    path = tmp_path / "toy.npz"
    np.savez(
        path,
        vocab=np.array("\n".join(["[PAD]", "killed", "hello", "cafe"])),
        vectors=np.array([[0, 0], [127, 0], [0, 127], [0, 127]], dtype=np.int8),
        scale=np.array([1 / 127, 1 / 127], dtype=np.float32),
        hidden_weights=np.array([[1.0], [0.0]], dtype=np.float32),
        hidden_bias=np.array([0.0], dtype=np.float32),
        output_weights=np.array([10.0], dtype=np.float32),
        output_bias=np.float32(-5.0),
    )
    return CheckWorthinessModel.from_path(path)


def test_four_bit_vectors_unpack_to_their_signed_values(tmp_path) -> None:
    values = np.array([[-8, 7, -1, 0], [3, -4, 5, -6]], dtype=np.int8)
    packed = (values[:, 0::2].astype(np.uint8) & 0x0F) | (values[:, 1::2].astype(np.uint8) << 4)
    path = tmp_path / "four_bit.npz"
    np.savez(
        path,
        vocab=np.array("a\nb"),
        vectors4=packed.astype(np.uint8),
        scale=np.ones(4, dtype=np.float32),
        hidden_weights=np.zeros((4, 1), dtype=np.float32),
        hidden_bias=np.zeros(1, dtype=np.float32),
        output_weights=np.zeros(1, dtype=np.float32),
        output_bias=np.float32(0.0),
    )
    assert CheckWorthinessModel.from_path(path).vectors.tolist() == values.tolist()


def test_text_is_lowercased_and_stripped_of_accents_like_uncased_minilm(tmp_path) -> None:
    model = toy_model(tmp_path)
    assert token_ids("CAFÉ", model) == token_ids("cafe", model) != []


def test_a_model_file_scores_texts_one_per_text_in_order(tmp_path) -> None:
    toy = toy_model(tmp_path)
    assert score_check_worthiness(["killed", "hello"], toy) == [0.993, 0.007]
    assert score_check_worthiness(["hello", "killed"], toy) == [0.007, 0.993]


def test_claims_use_an_installed_model(tmp_path, monkeypatch, nlp: Language) -> None:
    toy_model(tmp_path)
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "toy.npz"))
    installed_model.cache_clear()
    try:
        assert installed_model().vocab["killed"] == 1  # the toy, not the shipped model
        doc = nlp("hello killed")
        assert check_worthiness(doc[1:2], "author", "asserted") > 0.5
        assert check_worthiness(doc[0:1], "author", "asserted") < 0.5
    finally:
        monkeypatch.delenv(MODEL_ENV)
        installed_model.cache_clear()


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
