"""lemmas_v1 gives the lemmas the model's own lemmatizer gives."""

from __future__ import annotations

import pytest
import spacy

import claimgraph.nlp.lemmas  # noqa: F401  (registers lemmas_v1)
from claimgraph.nlp.pipeline import MODEL

TEXTS = [
    "Gunmen stormed the villages and were killing the men who had fled; police are searching.",
    "I ain't gonna do nothin' y'all. She'd better go, they said, and he's gotten worse.",
    "The Taliban's fighters, better armed than ever, took the biggest cities in 2021.",
    "",
    "  \n\n Two spaces,  then\tthe   end. ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_lemmas_v1_matches_the_models_lemmatizer(text):
    model = spacy.load(MODEL)
    ours = spacy.load(MODEL)
    ours.add_pipe("lemmas_v1", after="lemmatizer")
    ours.disable_pipe("lemmatizer")
    expected = [(t.text, t.lemma_) for t in model(text)]
    assert [(t.text, t.lemma_) for t in ours(text)] == expected
