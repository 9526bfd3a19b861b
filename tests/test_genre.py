"""genre_v1: news, opinion, statement or unknown, with the evidence shown to the reader."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import claimgraph.nlp.attribution  # noqa: F401  (registers the components)
import claimgraph.nlp.genre  # noqa: F401
import claimgraph.nlp.rhetoric  # noqa: F401
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    pipeline = spacy.load(MODEL)
    for name in ("attribution_v1", "rhetoric_v1", "genre_v1"):
        pipeline.add_pipe(name)
    return pipeline


NEWS = (
    "PESHAWAR (Reuters) — Gunmen killed four police officers at a checkpoint on Monday, "
    "officials said. The attack took place near the city, police spokesman Ali Khan told "
    "reporters. No group has claimed responsibility, according to local media."
)
OPINION = (
    "The region is sliding into chaos, and the world is looking away. The evidence leaves "
    "little doubt that the militias are armed from abroad. This should alarm every capital. "
    "Governments must act collectively, and they must act now, before it is too late. "
    "We cannot afford another decade of brutal, destabilizing proxy wars."
)
STATEMENT = (
    "FOR IMMEDIATE RELEASE\n\nThe Coalition for Peace strongly condemns the attack on the "
    "hospital in Marib. We call on all parties to respect humanitarian law.\n\n"
    "Media contact: press@example.org\n\n###"
)

# (text, metadata, genre, a piece of the evidence)
GENRES = [
    (NEWS, {}, "news", "dateline"),
    (OPINION, {}, "opinion", "'must act collectively'"),
    (STATEMENT, {}, "statement", "press-release marker"),
    (
        "The convoy reached the town on Tuesday.",
        {"url": "https://example.com/opinion/2024/convoy"},
        "opinion",
        "url section: '/opinion/'",
    ),
    ("Weather today.", {}, "unknown", None),
]


@pytest.mark.parametrize(("text", "meta", "genre", "evidence"), GENRES)
def test_genre(nlp, run_pipeline, text, meta, genre, evidence):
    found, reasons = run_pipeline(nlp, text, **meta)._.genre
    assert found == genre
    if evidence is not None:
        assert any(evidence in reason for reason in reasons)
