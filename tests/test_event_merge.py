"""event_merge: one real-world incident told in several sentences is one event, as a table."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import MemoryGazetteer
from claimgraph.model import Event
from claimgraph.nlp.pipeline import load_pipeline
from tests.conftest import make_document
from tests.test_events import ROWS


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(ROWS))


def current_events(nlp: Language, text: str) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.document = make_document(text, published="2024-03-14")
    return [e for e in nlp(doc)._.events if not e.background]


ONE_INCIDENT = [
    # A lead, a toll update and a claim of responsibility.
    (
        "A suicide bomber blew himself up at a market in Lahore on Tuesday, killing 12 people. "
        "The death toll rose to 15 on Wednesday as two of the wounded died in hospital. "
        "The Tehrik-i-Taliban Pakistan claimed responsibility for the bombing."
    ),
    # A death toll given in two sentences.
    (
        "Gunmen opened fire on a bus in Multan on Monday, killing four passengers. "
        "Police said four people were killed and seven wounded in the shooting."
    ),
    # Weapons recovered in the raid just reported.
    (
        "Police raided a hideout in Peshawar on Sunday and arrested three suspected militants. "
        "They recovered two rifles and a grenade from the house."
    ),
]


@pytest.mark.parametrize("text", ONE_INCIDENT)
def test_one_incident_told_in_several_sentences_is_one_event(nlp: Language, text: str) -> None:
    events = current_events(nlp, text)
    assert len(events) == 1, [(e.sub_event_type, e.evidence[0].text) for e in events]
    assert len(events[0].evidence) >= 2  # every sentence that tells it stays its evidence


def test_two_attacks_in_two_towns_are_two_events(nlp: Language) -> None:
    text = (
        "A bomb exploded at a market in Multan on Monday, killing three people. "
        "Gunmen attacked a police post in Peshawar on Monday, killing two officers."
    )
    events = current_events(nlp, text)
    assert {e.location.name for e in events if e.location} == {"Multan", "Peshawar"}


def test_an_attack_the_text_marks_as_another_is_its_own_event(nlp: Language) -> None:
    text = (
        "Gunmen shot dead two men in Multan on Monday. "
        "In a separate attack, gunmen shot dead a shopkeeper on Monday."
    )
    assert len(current_events(nlp, text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        (
            "A bomb exploded at a market in Lahore on Tuesday, killing three people. "
            "In March 2019, a bomb killed ten people at the same market."
        ),
        (
            "Gunmen killed two policemen in Multan on Tuesday. "
            "The same group attacked a police post in Multan in 2021."
        ),
    ],
)
def test_an_earlier_attack_the_text_recalls_is_background(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    doc._.document = make_document(text, published="2024-03-14")
    events = list(nlp(doc)._.events)
    current = [e for e in events if not e.background]
    assert len(current) == 1
    assert current[0].evidence[0].text.startswith(text.split(". ")[0])
    assert any(e.background for e in events)


def test_a_later_sentence_that_gives_the_day_dates_the_incident(nlp: Language) -> None:
    # The lead dates the killing only to "this month"; the next sentence tells it on a day.
    text = (
        "Islamic State claimed the killing of a cleric in Peshawar, its second attack in the "
        "city this month. The cleric was shot dead as he left a mosque on Monday."
    )
    events = current_events(nlp, text)
    assert [(e.event_date, e.time_precision) for e in events] == [("2024-03-11", 1)]


def test_a_day_outside_the_month_told_does_not_date_the_incident(nlp: Language) -> None:
    # "February 28" is no day of "this month" (March): the month stays the incident's date.
    text = (
        "Gunmen killed a shopkeeper in Peshawar this month, police said. "
        "The shopkeeper had been shot dead by the gang on February 28, police added."
    )
    events = current_events(nlp, text)
    assert [(e.event_date, e.time_precision) for e in events] == [("2024-03-15", 3)]
