"""Score a sentence's ACLED sub-event type with the shipped classifier.

The model is a multinomial logistic regression (`data/models/event_types.npz`, built by
training/event_types.py from hand-written codebook examples, their slot-filled variations and
rule-labelled UCDP GED headlines) over the sentence vectors of all-MiniLM-L6-v2, which runs as
an int8 ONNX graph (`claimgraph.nlp.sentence_encoder`). A contextual encoder sees who did
what to whom ("an IED killed two soldiers" against "soldiers recovered an IED"), which a bag
of words cannot. Its classes are the 25 ACLED sub-event types and `NOT_INCIDENT` (statements,
reactions, policy, metaphors, generic sentences, accidents).

The rules in `claimgraph.nlp.events` find the candidates and their arguments; how the two
decide an incident's type together is described there.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from claimgraph.data_files import data_path
from claimgraph.nlp.sentence_encoder import SentenceEncoder, shipped_encoder

NOT_INCIDENT = "none"
MODEL_FILE = ("models", "event_types.npz")


class EventTypeModel(NamedTuple):
    """The logistic regression on sentence vectors, and the encoder that makes them."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (dims, classes)
    bias: np.ndarray  # (classes,)
    encoder: SentenceEncoder

    @classmethod
    def from_path(cls, path: Path) -> EventTypeModel:
        """Load the weights from an .npz file written by training/event_types.py."""
        with np.load(path, allow_pickle=False) as data:
            vocab = tuple(str(data["vocab"]).split("\n"))
            return cls(
                labels=tuple(str(data["labels"]).split("\n")),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                encoder=shipped_encoder(vocab),
            )

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Return a (texts, classes) array of class probabilities, columns in `labels` order."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = self.encoder.embed(texts) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    def classify(self, texts: Sequence[str]) -> list[dict[str, float]]:
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
