"""Shared fixtures: the pinned spaCy model loaded once, and a way to run components on text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Document
from claimgraph.nlp.extensions import register_extensions
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """The pinned English model with no claimgraph components (shared; do not add pipes to it)."""
    register_extensions()
    return spacy.load(MODEL)


def make_document(text: str, **meta: object) -> Document:
    """Build a Document for tests, as a reader would."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=str(meta.pop("id", "test")), text=text, sha256=digest, **meta)  # type: ignore[arg-type]


@pytest.fixture
def run_pipeline() -> Callable[[Language, str], Doc]:
    """Return a function that runs a pipeline over text with its Document attached."""

    def run(nlp: Language, text: str, **meta: object) -> Doc:
        doc = nlp.make_doc(text)
        doc._.document = make_document(text, **meta)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    return run
