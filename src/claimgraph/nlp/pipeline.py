"""Build the spaCy pipeline from settings and run it over documents: `analyze` + `harvest`.

Every front end (extract, ingest, a worker process, a Dask task) goes through one callable,
`extract_records(documents, settings)`, or holds an `Extractor.from_settings(settings)` for
many batches. Both rebuild the pipeline from a `claimgraph.settings.PipelineSettings` alone:
settings travel as data and reach the components through the spaCy config.

`load_pipeline(gazetteer=...)` and `analyse(nlp, documents)` remain for callers that hold a
gazetteer object (tests with an in-memory one): the object is registered in spaCy's `misc`
registry under a fresh name, and that name is what the config carries.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import import_module
from typing import Any

import spacy
from spacy.language import Language

from claimgraph.data_files import set_lexicon_overlay
from claimgraph.harvest import empty_record, harvest
from claimgraph.lexicons import read_lexicons
from claimgraph.model import Document, Record
from claimgraph.nlp.extensions import register_extensions
from claimgraph.settings import MAX_CHARS, MODEL, PipelineSettings

# Order matters: actors read places; genre reads claims and rhetoric; events read all of them;
# relations read events, claims, actors and places.
COMPONENTS = (
    "places_v1",
    "actors_v1",
    "attribution_v1",
    "rhetoric_v1",
    "genre_v1",
    "events_v1",
    "relations_v1",
)
COMPONENT_MODULES = (
    "attributes",
    "lemmas",
    "paragraphs",
    "places",
    "actors",
    "attribution",
    "rhetoric",
    "genre",
    "events",
    "relations",
)
ANALYSED_LANGUAGES = frozenset({"en"})
_gazetteer_names = itertools.count(1)

__all__ = [
    "MAX_CHARS",
    "MODEL",
    "Extractor",
    "PipelineSettings",
    "analyse",
    "build_pipeline",
    "extract_records",
    "load_pipeline",
    "register_gazetteer",
]


def component_configs(settings: PipelineSettings) -> dict[str, dict[str, Any]]:
    """Return the spaCy config of each claimgraph component that depends on the settings."""
    return {
        "places_v1": {
            "gazetteer": settings.gazetteer_path or "default",
            "gazetteer_function": settings.gazetteer_function or "",
        },
        "events_v1": {"classifier": settings.event_classifier},
    }


def build_pipeline(settings: PipelineSettings | None = None) -> Language:
    """Load the pinned English model and add claimgraph's registered components, configured."""
    settings = settings or PipelineSettings()
    # Users' lexicons are merged over the shipped ones for this process before any component
    # reads them (claimgraph.lexicons; read_data_yaml serves the merged data).
    set_lexicon_overlay(read_lexicons(settings.lexicons))
    register_extensions()
    for module in COMPONENT_MODULES:
        import_module(f"claimgraph.nlp.{module}")  # registers the factory
    nlp = spacy.load(settings.model)
    if "attribute_ruler" in nlp.pipe_names:
        # The model's attribute rules, found by lookup (claimgraph.nlp.attributes).
        nlp.add_pipe("attributes_v1", after="attribute_ruler", config={"source": "attribute_ruler"})
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        # The model's lemmatizer, asked once per kind of token (claimgraph.nlp.lemmas).
        nlp.add_pipe("lemmas_v1", after="lemmatizer", config={"source": "lemmatizer"})
        nlp.disable_pipe("lemmatizer")
    nlp.add_pipe("paragraphs_v1", before="parser")
    configs = component_configs(settings)
    for name in COMPONENTS:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def register_gazetteer(gazetteer: Any) -> str:
    """Register a gazetteer object in spaCy's `misc` registry; return the name to configure.

    For gazetteers that are not files (in-memory ones in tests): the name, not the object,
    goes into `PipelineSettings.gazetteer_function`. It holds in this process only.
    """
    name = f"claimgraph.registered_gazetteer.{next(_gazetteer_names)}"
    spacy.registry.misc.register(name, func=lambda: gazetteer)
    return name


def load_pipeline(gazetteer: Any | None = None) -> Language:
    """Build the default pipeline, with `gazetteer` (an object) in place of the cached one."""
    if gazetteer is None:
        return build_pipeline(PipelineSettings())
    return build_pipeline(PipelineSettings(gazetteer_function=register_gazetteer(gazetteer)))


def is_analysed(document: Document) -> bool:
    """Tell whether a document goes through the English analysis (unknown language is tried)."""
    return document.language is None or document.language in ANALYSED_LANGUAGES


def analyse(nlp: Language, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Record]:
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


class Extractor:
    """A pipeline built from settings, turning documents into records batch after batch."""

    def __init__(self, nlp: Language, settings: PipelineSettings) -> None:
        self.nlp = nlp
        self.settings = settings

    @classmethod
    def from_settings(cls, settings: PipelineSettings | None = None) -> Extractor:
        """Build the pipeline the settings describe."""
        settings = settings or PipelineSettings()
        return cls(build_pipeline(settings), settings)

    def records(self, documents: Iterable[Document]) -> Iterator[Record]:
        """Yield one Record per document, in order (see `analyse`)."""
        return analyse(self.nlp, documents, self.settings.batch_size)


@lru_cache(maxsize=4)
def _extractor(settings: PipelineSettings) -> Extractor:
    return Extractor.from_settings(settings)


def extract_records(
    documents: Iterable[Document], settings: PipelineSettings | None = None
) -> Iterator[Record]:
    """Turn documents into records with the pipeline the settings describe.

    The pipeline is built once per process and settings value, so a worker calling this for
    every chunk of its input loads the model once.
    """
    return _extractor(settings or PipelineSettings()).records(documents)
