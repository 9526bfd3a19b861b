"""Sentence vectors from all-MiniLM-L6-v2, run as an int8 ONNX graph (no torch at run time).

The graph (`data/models/minilm_l6_int8.onnx`, exported by training/sentence_encoder.py) holds
the transformer; this module does the rest the way sentence-transformers does for this model:
uncased WordPiece tokens between [CLS] and [SEP], at most `MAX_TOKENS`, mean-pooled over the
attention mask and scaled to unit length. A word the vocabulary cannot spell is [UNK].
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from claimgraph.data_files import data_path
from claimgraph.nlp.checkworthiness import WORD_OR_SYMBOL, normalise_text, wordpieces

GRAPH_FILE = ("models", "minilm_l6_int8.onnx")
MAX_TOKENS = 128  # the model was trained on 128-token windows; a sentence rarely needs more
BATCH = 32
MEMO_WORDS = 200_000


class SentenceEncoder:
    """Embed sentences with an ONNX transformer graph and its WordPiece vocabulary."""

    def __init__(self, graph: bytes | str, vocab: Sequence[str], threads: int = 1) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            graph, options, providers=["CPUExecutionProvider"]
        )
        self.vocab = {token: i for i, token in enumerate(vocab)}
        self.cls, self.sep, self.unk = (self.vocab[t] for t in ("[CLS]", "[SEP]", "[UNK]"))
        self.memo: dict[str, tuple[int, ...]] = {}

    def token_ids(self, text: str) -> list[int]:
        """Return [CLS], the text's WordPiece ids (cut to fit), [SEP]."""
        ids = [self.cls]
        for word in WORD_OR_SYMBOL.findall(normalise_text(text)):
            pieces = self.memo.get(word)
            if pieces is None:
                pieces = tuple(wordpieces(word, self.vocab)) or (self.unk,)
                if len(self.memo) < MEMO_WORDS:  # bounded: odd input cannot grow it
                    self.memo[word] = pieces
            ids.extend(pieces)
            if len(ids) >= MAX_TOKENS - 1:
                break
        return [*ids[: MAX_TOKENS - 1], self.sep]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit-length vector per text, (texts, 384) float32."""
        width = self.session.get_outputs()[0].shape[-1]
        if not texts:
            return np.zeros((0, width), dtype=np.float32)
        encoded = [self.token_ids(t) for t in texts]
        # Similar lengths share a batch, so little padding is computed.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        vectors = np.zeros((len(texts), width), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            longest = max(len(encoded[i]) for i in chunk)
            ids = np.zeros((len(chunk), longest), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(chunk):
                ids[row, : len(encoded[i])] = encoded[i]
                mask[row, : len(encoded[i])] = 1
            (hidden,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            vectors[chunk] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return vectors


@cache
def shipped_encoder(vocab: tuple[str, ...]) -> SentenceEncoder:
    """Load the shipped graph once per process, with the vocabulary of the model using it."""
    return SentenceEncoder(str(data_path(*GRAPH_FILE)), vocab)


__all__ = ["SentenceEncoder", "shipped_encoder"]
