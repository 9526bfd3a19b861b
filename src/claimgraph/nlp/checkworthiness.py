"""Score how worth fact-checking a claim's text is, with a small trained model (numpy only).

The model is not shipped: the licence of its training data (ClaimBuster) could not be
confirmed here, so it is built locally with training/checkworthiness.py and used when
CLAIMGRAPH_CHECKWORTHINESS_MODEL names its file; otherwise the heuristic in
`claimgraph.nlp.modality` scores claims. The model is a static
embedding table distilled with model2vec from all-MiniLM-L6-v2 (one vector per WordPiece
token, reduced by PCA and stored as int8 with a per-dimension scale) and a one-hidden-layer
perceptron over the mean of a text's token vectors. Encoding a text is a dictionary lookup
per word and one small matrix product, so no torch is needed at run time.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

MODEL_ENV = "CLAIMGRAPH_CHECKWORTHINESS_MODEL"
# Texts longer than this are cut before tokenising: untrusted input stays bounded.
MAX_CHARS = 2000
MAX_WORD_CHARS = 100
MEMO_WORDS = 200_000
# BERT's pre-tokeniser: runs of letters/digits, and every other visible character alone.
WORD_OR_SYMBOL = re.compile(r"[^\W_]+|\S")


class CheckWorthinessModel(NamedTuple):
    """The weights: WordPiece vocabulary, token vectors and the perceptron."""

    vocab: dict[str, int]
    vectors: np.ndarray  # (vocab, dims) float32, already de-quantised
    hidden_weights: np.ndarray  # (dims, hidden)
    hidden_bias: np.ndarray  # (hidden,)
    output_weights: np.ndarray  # (hidden,)
    output_bias: float
    memo: dict[str, tuple[int, ...]]  # word -> piece ids, filled as texts are scored

    @classmethod
    def from_path(cls, path: Path) -> CheckWorthinessModel:
        """Load the weights from an .npz file written by training/checkworthiness.py."""
        with np.load(path, allow_pickle=False) as data:
            tokens = str(data["vocab"]).split("\n")
            vectors = data["vectors"].astype(np.float32) * data["scale"].astype(np.float32)
            return cls(
                vocab={token: i for i, token in enumerate(tokens)},
                vectors=vectors,
                hidden_weights=data["hidden_weights"].astype(np.float32),
                hidden_bias=data["hidden_bias"].astype(np.float32),
                output_weights=data["output_weights"].astype(np.float32),
                output_bias=float(data["output_bias"]),
                memo={},
            )


@lru_cache(maxsize=1)
def installed_model() -> CheckWorthinessModel | None:
    """Load the locally built model named by CLAIMGRAPH_CHECKWORTHINESS_MODEL, once; else None."""
    path = os.environ.get(MODEL_ENV)
    return CheckWorthinessModel.from_path(Path(path)) if path else None


def normalise_text(text: str) -> str:
    """Lower-case and strip accents the way the uncased MiniLM tokenizer does."""
    decomposed = unicodedata.normalize("NFD", text[:MAX_CHARS].lower())
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
            mean = model.vectors[ids].mean(axis=0)
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
    if not texts:
        return []
    return [round(float(p), 3) for p in predict(embed(texts, model), model)]
