"""Unnamed forces take the country where the sentence places them, not always the focus."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import claimgraph.nlp.actors  # noqa: F401  (registers actors_v1)
from claimgraph.model import Document, Place
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="module")
def nlp(base_nlp: Language) -> Language:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("actors_v1")
    return pipeline


def place(text: str, name: str, code: str, feature: str = "PPL") -> Place:
    return Place(name, text.index(name), text.index(name) + len(name), name=name,
                 country_code=code, feature_code=feature)  # fmt: skip


STORY = (
    "Militants attacked an army post near Menaka, the army said. Attacks in Mali have grown. "
    "In Niamey, security forces detained a commander. Militants crossed from Niger into Gao."
)


def test_unnamed_forces_are_named_after_where_they_act(nlp: Language) -> None:
    doc = nlp.make_doc(STORY)
    doc._.document = Document(id="t", text=STORY)
    doc._.places = [
        place(STORY, "Menaka", "ML"),
        place(STORY, "Mali", "ML", "PCLI"),
        place(STORY, "Niamey", "NE", "PPLC"),
        place(STORY, "Niger", "NE", "PCLI"),
        place(STORY, "Gao", "ML"),
    ]
    doc = nlp(doc)
    names = {(a.text, STORY[: a.start].count(".")): a.name for a in doc._.actors}
    assert names[("Militants", 0)] == "Unidentified Armed Group (Mali)"
    assert names[("security forces", 2)] == "Military Forces of Niger"
    # "from Niger" is where they came from; Gao, where they went, is in Mali
    assert names[("Militants", 3)] == "Unidentified Armed Group (Mali)"
