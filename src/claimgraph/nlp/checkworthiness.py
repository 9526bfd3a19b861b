"""Score how worth fact-checking a claim's text is, with a small trained model (numpy only).

The model ships in the package (`data/models/checkworthiness.npz`, ~2.7 MB) and scores every
claim unless CLAIMGRAPH_CHECKWORTHINESS_MODEL names another model file, or says `heuristic`
for the surface heuristic in `claimgraph.nlp.modality`. It is trained by
training/checkworthiness.py on the ClaimBuster dataset (Arslan, Hassan, Li, Tremayne, "A
Benchmark Dataset of Check-worthy Factual Claims", ICWSM 2020; Zenodo
doi:10.5281/zenodo.3609356, CC BY 4.0) and on sentences written for claimgraph.

The model is a static embedding table distilled with model2vec from all-MiniLM-L6-v2 (one
vector per WordPiece token, reduced by PCA and stored as 4-bit integers with a per-dimension
scale) and a one-hidden-layer perceptron over the unit-length mean of a text's token vectors.
Encoding a text is a dictionary lookup per word and one small matrix product, so no torch
and no transformer run at run time: scoring adds well under a millisecond per claim.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from claimgraph.data_files import data_path

MODEL_ENV = "CLAIMGRAPH_CHECKWORTHINESS_MODEL"
HEURISTIC = "heuristic"  # the env var's value that turns the model off
SHIPPED_MODEL = ("models", "checkworthiness.npz")
# Texts longer than this are cut before tokenising: untrusted input stays bounded.
MAX_CHARS = 2000
MAX_WORD_CHARS = 100
MEMO_WORDS = 200_000
# A sentence holding several claims is scored once; bounded so long runs cannot grow it.
MEMO_TEXTS = 20_000
# BERT's pre-tokeniser: runs of letters/digits, and every other visible character alone.
WORD_OR_SYMBOL = re.compile(r"[^\W_]+|\S")


class CheckWorthinessModel(NamedTuple):
    """The weights: WordPiece vocabulary, token vectors and the perceptron."""

    vocab: dict[str, int]
    vectors: np.ndarray  # (vocab, dims) int8, quantised
    scale: np.ndarray  # (dims,) float32: a token's vector is vectors[token] * scale
    hidden_weights: np.ndarray  # (dims, hidden)
    hidden_bias: np.ndarray  # (hidden,)
    output_weights: np.ndarray  # (hidden,)
    output_bias: float
    memo: dict[str, tuple[int, ...]]  # word -> piece ids, filled as texts are scored
    scores: dict[str, float]  # text -> score, filled as texts are scored

    @classmethod
    def from_path(cls, path: Path) -> CheckWorthinessModel:
        """Load the weights from an .npz file written by training/checkworthiness.py."""
        with np.load(path, allow_pickle=False) as data:
            tokens = str(data["vocab"]).split("\n")
            if "vectors4" in data:  # two 4-bit values per byte, low nibble first
                packed = data["vectors4"]
                vectors = np.empty((packed.shape[0], packed.shape[1] * 2), dtype=np.int8)
                vectors[:, 0::2] = (packed << 4).view(np.int8) >> 4
                vectors[:, 1::2] = packed.view(np.int8) >> 4
            else:
                vectors = data["vectors"].astype(np.int8)
            return cls(
                vocab={token: i for i, token in enumerate(tokens)},
                vectors=vectors,
                scale=data["scale"].astype(np.float32),
                hidden_weights=data["hidden_weights"].astype(np.float32),
                hidden_bias=data["hidden_bias"].astype(np.float32),
                output_weights=data["output_weights"].astype(np.float32),
                output_bias=float(data["output_bias"]),
                memo={},
                scores={},
            )


@lru_cache(maxsize=1)
def installed_model() -> CheckWorthinessModel | None:
    """Load the model once: the file CLAIMGRAPH_CHECKWORTHINESS_MODEL names, else the shipped one.

    None when the variable says `heuristic` (or the shipped file is missing): claims are then
    scored by the surface heuristic in `claimgraph.nlp.modality`.
    """
    choice = os.environ.get(MODEL_ENV, "").strip()
    if choice.lower() == HEURISTIC:
        return None
    path = Path(choice) if choice else data_path(*SHIPPED_MODEL)
    if not choice and not path.exists():
        return None
    return CheckWorthinessModel.from_path(path.expanduser())


def normalise_text(text: str) -> str:
    """Lower-case and strip accents the way the uncased MiniLM tokenizer does."""
    text = text[:MAX_CHARS].lower()
    if text.isascii():  # nothing to decompose: the common case, and 10x faster
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def wordpieces(word: str, vocab: dict[str, int]) -> list[int]:
    """Split one word into the longest vocabulary pieces, left to right; [] if it cannot be."""
    if len(word) > MAX_WORD_CHARS:
        return []
    ids: list[int] = []
    start = 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                ids.append(vocab[piece])
                start = end
                break
        else:
            return []  # BERT maps the whole word to [UNK], which model2vec drops
    return ids


def token_ids(text: str, model: CheckWorthinessModel) -> list[int]:
    """Return the WordPiece ids of a text (unknown words left out)."""
    ids: list[int] = []
    for word in WORD_OR_SYMBOL.findall(normalise_text(text)):
        pieces = model.memo.get(word)
        if pieces is None:
            pieces = tuple(wordpieces(word, model.vocab))
            # News text repeats its words; the memo is bounded so odd input cannot grow it.
            if len(model.memo) < MEMO_WORDS:
                model.memo[word] = pieces
        ids.extend(pieces)
    return ids


def embed(texts: list[str], model: CheckWorthinessModel) -> np.ndarray:
    """Return one unit-length mean token vector per text (zeros for a text with no tokens)."""
    rows = np.zeros((len(texts), model.vectors.shape[1]), dtype=np.float32)
    for row, text in enumerate(texts):
        ids = token_ids(text, model)
        if ids:
            mean = model.vectors[ids].mean(axis=0, dtype=np.float32) * model.scale
            norm = float(np.linalg.norm(mean))
            rows[row] = mean / norm if norm > 0 else mean
    return rows


def predict(features: np.ndarray, model: CheckWorthinessModel) -> np.ndarray:
    """Return the perceptron's probability that each row is a check-worthy claim."""
    hidden = np.maximum(features @ model.hidden_weights + model.hidden_bias, 0.0)
    logits = hidden @ model.output_weights + model.output_bias
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))


def score_check_worthiness(texts: list[str], model: CheckWorthinessModel) -> list[float]:
    """Return a 0–1 check-worthiness score per text (≥ 0.5: worth checking)."""
    unseen = [text for text in dict.fromkeys(texts) if text not in model.scores]
    fresh: dict[str, float] = {}
    if unseen:
        for text, p in zip(unseen, predict(embed(unseen, model), model), strict=True):
            fresh[text] = round(float(p), 3)
        if len(model.scores) < MEMO_TEXTS:
            model.scores.update(fresh)
    return [fresh[text] if text in fresh else model.scores[text] for text in texts]
