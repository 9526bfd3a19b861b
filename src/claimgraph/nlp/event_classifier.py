"""Score a sentence's ACLED sub-event type with the shipped classifier (numpy only).

The model (`data/models/event_types.npz`, built by training/event_types.py from hand-written
codebook examples, their slot-filled variations and rule-labelled UCDP GED headlines) is a
static token-vector table distilled with model2vec from all-MiniLM-L6-v2 (PCA, int8 with a
per-dimension scale) and a multinomial logistic regression over two views of a text: the
unit-length mean of its token vectors (what it is about, including words training never saw)
and its bag of WordPiece tokens (a weight row for each token seen in training). Its classes
are the 25 ACLED sub-event types and `NOT_INCIDENT` (statements, reactions, policy,
metaphors, generic sentences, accidents).

The rules in `claimgraph.nlp.events` find the candidates and keep the codebook distinctions;
the model tells an attack on property from one on people when a generic trigger cannot, and
reads a document's lead when the rules found nothing (see `events.py`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from claimgraph.data_files import data_path
from claimgraph.nlp.checkworthiness import WORD_OR_SYMBOL, normalise_text, wordpieces

NOT_INCIDENT = "none"
MODEL_FILE = ("models", "event_types.npz")
MEMO_WORDS = 200_000


class EventTypeModel(NamedTuple):
    """The weights: WordPiece vocabulary, token vectors, and the logistic regression."""

    labels: tuple[str, ...]
    vocab: dict[str, int]
    vectors: np.ndarray  # (vocab, dims) float32, de-quantised
    weights: np.ndarray  # (dims, classes), on the mean token vector
    token_weights: np.ndarray  # (vocab, classes), on the bag of tokens; zero rows for unseen
    bias: np.ndarray  # (classes,)
    memo: dict[str, tuple[int, ...]]  # word -> piece ids, filled as sentences are scored

    @classmethod
    def from_path(cls, path: Path) -> EventTypeModel:
        """Load the weights from an .npz file written by training/event_types.py."""
        with np.load(path, allow_pickle=False) as data:
            tokens = str(data["vocab"]).split("\n")
            token_weights = np.zeros((len(tokens), data["weights"].shape[1]), np.float32)
            token_weights[data["seen_tokens"]] = data["token_weights"].astype(np.float32)
            return cls(
                labels=tuple(str(data["labels"]).split("\n")),
                vocab={token: i for i, token in enumerate(tokens)},
                vectors=data["vectors"].astype(np.float32) * data["scale"].astype(np.float32),
                weights=data["weights"].astype(np.float32),
                token_weights=token_weights,
                bias=data["bias"].astype(np.float32),
                memo={},
            )

    def token_ids(self, text: str) -> list[int]:
        """Return the WordPiece ids of a text (words the vocabulary cannot spell left out)."""
        ids: list[int] = []
        for word in WORD_OR_SYMBOL.findall(normalise_text(text)):
            pieces = self.memo.get(word)
            if pieces is None:
                pieces = tuple(wordpieces(word, self.vocab))
                if len(self.memo) < MEMO_WORDS:  # bounded: odd input cannot grow it
                    self.memo[word] = pieces
            ids.extend(pieces)
        return ids

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return one unit-length mean token vector per text (zeros when it has no tokens)."""
        return np.stack([self.mean_vector(self.token_ids(t)) for t in texts])

    def mean_vector(self, ids: list[int]) -> np.ndarray:
        """Return the unit-length mean of the tokens' vectors (zeros for no tokens)."""
        if not ids:
            return np.zeros(self.vectors.shape[1], dtype=np.float32)
        mean = self.vectors[ids].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm > 0 else mean

    def logits(self, ids: list[int]) -> np.ndarray:
        """Return the class scores of one text given its token ids."""
        scores = self.mean_vector(ids) @ self.weights + self.bias
        if ids:
            scores = scores + self.token_weights[ids].mean(axis=0)
        return scores

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Return a (texts, classes) array of class probabilities, columns in `labels` order."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = np.stack([self.logits(self.token_ids(t)) for t in texts])
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    def classify(self, texts: list[str]) -> list[dict[str, float]]:
        """Return, per text, the probability of each sub-event type and of NOT_INCIDENT."""
        return [
            dict(zip(self.labels, map(float, row), strict=True))
            for row in self.probabilities(texts)
        ]


@cache
def shipped_model() -> EventTypeModel:
    """Load the shipped event-type model once per process."""
    return EventTypeModel.from_path(data_path(*MODEL_FILE))


__all__ = ["NOT_INCIDENT", "EventTypeModel", "shipped_model"]
