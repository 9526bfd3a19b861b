"""event_dating: the day of the story's incident, from where the story states it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import MemoryGazetteer
from claimgraph.nlp.pipeline import load_pipeline
from tests.test_event_merge import current_events
from tests.test_events import ROWS

# current_events reads every text as published on Thursday 2024-03-14.


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(ROWS))


def test_the_day_a_sentence_without_an_incident_states_dates_the_story(nlp: Language) -> None:
    text = (
        "Police are investigating a fatal shooting near a market in Peshawar. "
        "It happened at about 11 p.m. Saturday, a police spokesman said."
    )
    events = current_events(nlp, text)
    assert [(e.event_date, e.time_precision) for e in events] == [("2024-03-09", 1)]
    # The sentence that gives the day is evidence of it.
    assert any("Saturday" in span.text for span in events[0].evidence)


def test_a_page_time_stamp_does_not_date_the_incident(nlp: Language) -> None:
    text = (
        "Updated: Monday, March 11, 2024 3:02 PM\n\n"
        "Gunmen killed two guards at a bank in Peshawar, police said."
    )
    events = current_events(nlp, text)
    assert [(e.event_date, e.time_precision) for e in events] == [("2024-03-14", 3)]


def test_the_day_it_was_said_gives_way_to_the_day_of_the_incident(nlp: Language) -> None:
    # "Thursday evening" dates the shooting; "said Friday" only dates the telling.
    text = (
        "The man charged in the shooting death of a teen inside an apartment in Multan "
        "Thursday evening cried after his friend died, his grandmother said Friday."
    )
    events = current_events(nlp, text)
    assert events and {(e.event_date, e.time_precision) for e in events} == {("2024-03-14", 1)}
