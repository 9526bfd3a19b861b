"""rhetoric_v1: which devices a sentence uses, found on lemmas so variants match."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import claimgraph.nlp.rhetoric  # noqa: F401  (registers rhetoric_v1)
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("rhetoric_v1")
    return pipeline


# (text, expected (kind, text) pairs)
RHETORIC = [
    (
        "The evidence leaves little doubt about the plan.",
        [("unsupported_certainty", "leaves little doubt")],
    ),
    ("The findings left no doubt about the plan.", [("unsupported_certainty", "left no doubt")]),
    ("Two more cases drove the point home.", [("unsupported_certainty", "drove the point home")]),
    (
        "This makes the pattern even harder to dismiss.",
        [("unsupported_certainty", "makes the pattern even harder to dismiss")],
    ),
    (
        "According to credible sources, the camp reopened.",
        [("vague_authority", "credible sources")],
    ),
    ("Officials quietly acknowledged the losses.", [("vague_authority", "quietly acknowledged")]),
    ("Experts say the border is porous.", [("vague_authority", "Experts say")]),
    ("The regime's puppet militias patrol the town.", [("name_calling", "puppet")]),
    (
        "It was a barbaric and sinister act.",
        [("loaded_language", "barbaric"), ("loaded_language", "sinister")],
    ),
    ("The scale of the looting was unprecedented.", [("exaggeration", "unprecedented")]),
    (
        "These moves should alarm the world, and the consequences will be severe.",
        [("appeal_to_fear", "should alarm"), ("appeal_to_fear", "consequences will be severe")],
    ),
    ("The convoy reached the town on Tuesday.", []),
]


@pytest.mark.parametrize(("text", "expected"), RHETORIC)
def test_rhetoric(nlp, run_pipeline, text, expected):
    found = run_pipeline(nlp, text)._.rhetoric
    assert [(r.kind, r.text) for r in found] == expected
    assert all(text[r.start : r.end] == r.text for r in found)


def test_boilerplate_is_not_flagged(nlp, run_pipeline):
    text = "Clearly a share prompt\nThe convoy arrived."
    doc = run_pipeline(nlp, text, ignored=((0, 22),))
    assert doc._.rhetoric == []
