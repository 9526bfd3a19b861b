"""attributes_v1 gives every token the POS, morphology and lemma the model's attribute ruler gives."""

from __future__ import annotations

import pytest
import spacy

import claimgraph.nlp.attributes  # noqa: F401  (registers attributes_v1)
from claimgraph.nlp.pipeline import MODEL

TEXTS = [
    "Gunmen stormed the villages and were killing the men who had fled; police are searching.",
    "I ain't gonna do nothin' y'all, c'mon let's go. Gotta get 'em. There were two of them.",
    "It was that he did it because it rained, but I had not seen you since.",
    "",
    "  \n\n Two spaces,  then\tthe   end. ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_attributes_v1_matches_the_models_attribute_ruler(text):
    model = spacy.load(MODEL)
    ours = spacy.load(MODEL)
    ours.add_pipe("attributes_v1", after="attribute_ruler")
    ours.disable_pipe("attribute_ruler")

    def read(doc):
        return [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    assert read(ours(text)) == read(model(text))
