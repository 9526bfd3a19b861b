"""Pipeline settings are data: a pickled PipelineSettings rebuilds the same pipeline."""

from __future__ import annotations

import pickle

import pytest

from claimgraph.nlp.pipeline import build_pipeline, register_gazetteer
from claimgraph.settings import PipelineSettings


def test_settings_are_frozen_picklable_data():
    settings = PipelineSettings(gazetteer_path="/tmp/places.sqlite", batch_size=8)
    assert pickle.loads(pickle.dumps(settings)) == settings
    with pytest.raises(AttributeError):
        settings.batch_size = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs", [{"gazetteer_path": "a.sqlite", "gazetteer_function": "f"}, {"batch_size": 0}]
)
def test_inconsistent_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        PipelineSettings(**kwargs)


def test_the_settings_reach_the_components_through_the_spacy_config():
    from claimgraph.gazetteer.lookup import MemoryGazetteer

    name = register_gazetteer(MemoryGazetteer([]))
    settings = PipelineSettings(gazetteer_function=name, event_classifier=False)
    nlp = build_pipeline(pickle.loads(pickle.dumps(settings)))
    components = nlp.config["components"]
    assert components["places_v1"]["gazetteer_function"] == name
    assert components["events_v1"]["classifier"] is False
    assert nlp.get_pipe("events_v1").use_classifier is False
    assert "lemmas_v1" in nlp.pipe_names and "attributes_v1" in nlp.pipe_names
