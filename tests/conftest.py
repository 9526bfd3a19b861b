"""Shared fixtures: the pinned spaCy model loaded once, and a way to run components on text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.gazetteer.build import ensure_gazetteer
from claimgraph.gazetteer.lookup import GazetteerEntry
from claimgraph.model import Document
from claimgraph.nlp.extensions import register_extensions
from claimgraph.nlp.pipeline import MODEL

# GeoNames-style rows (ids and coordinates as in GeoNames) that the event tests' self-contained
# gazetteers share: Pakistan and two towns with their province and district.
PAKISTAN_ROWS = [
    GazetteerEntry(1168579, "Pakistan", 30.0, 70.0, "PK", "A", "PCLI", 220_000_000),
    GazetteerEntry(
        1169825,
        "Multan",
        30.196,
        71.478,
        "PK",
        "P",
        "PPL",
        1_437_230,
        "PK.04",
        "Punjab",
        "PK.04.1169824",
        "Multan District",
    ),
    GazetteerEntry(
        1168197,
        "Peshawar",
        34.008,
        71.578,
        "PK",
        "P",
        "PPLA",
        1_218_773,
        "PK.03",
        "Khyber Pakhtunkhwa",
        "PK.03.1168195",
        "Peshawar District",
    ),
]


@pytest.fixture(scope="session", autouse=True)
def default_gazetteer_built() -> None:
    """Build the default gazetteer cache once on a machine that has none (a lookup never
    builds it; tests that load the whole pipeline and the CLI in a subprocess read it)."""
    ensure_gazetteer()


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """The pinned English model with no claimgraph components (shared; do not add pipes to it)."""
    register_extensions()
    return spacy.load(MODEL)


def make_document(text: str, **meta: object) -> Document:
    """Build a Document for tests, as a reader would."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=str(meta.pop("id", "test")), text=text, sha256=digest, **meta)  # type: ignore[arg-type]


def analyse_text(nlp: Language, text: str, **meta: object) -> Doc:
    """Run a pipeline's components over text with its Document attached."""
    doc = nlp.make_doc(text)
    doc._.document = make_document(text, **meta)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture
def run_pipeline() -> Callable[[Language, str], Doc]:
    """Return a function that runs a pipeline over text with its Document attached."""
    return analyse_text
