"""claimgraph.identity: when two reports describe the same incident, as a table of examples."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph.corroborate.weights import profile
from claimgraph.identity import (
    EventView,
    incident_similarity,
    same_incident,
    text_overlap,
    types_compatible,
)
from claimgraph.model import Event, EventActor, Location, Span, Speaker
from claimgraph.reach import haversine_km, places_compatible

KABUL = Location("Kabul", 1138958, 34.528, 69.172, "AF", "Kabul", "Kabul", 1)
PAGHMAN = Location("Paghman", 1131316, 34.587, 68.953, "AF", "Kabul", "Paghman", 1)  # ~21 km
JALALABAD = Location("Jalalabad", 1138336, 34.426, 70.451, "AF", "Nangarhar", None, 1)  # ~118 km
NANGARHAR = Location("Nangarhar", 1131256, 34.2, 70.5, "AF", "Nangarhar", None, 3)
PESHAWAR = Location("Peshawar", 1168197, 34.008, 71.578, "PK", "Khyber Pakhtunkhwa", None, 1)
ISKP = EventActor("Islamic State Khorasan Province", "ISKP", "rebel")
IS = EventActor("Islamic State", "IS", "rebel")
TALIBAN = EventActor("Taliban", "the Taliban", "rebel")
GUNMEN = EventActor("Unidentified Armed Group", "gunmen", "unidentified")
BOMBING = "A suicide bomber blew himself up outside the Kabul mosque during Friday prayers."


def report(
    text: str = BOMBING,
    sub: str = "Suicide bomb",
    kind: str = "Explosions/Remote violence",
    day: str | None = "2024-03-01",
    precision: int = 1,
    place: Location | None = KABUL,
    actor: EventActor | None = None,
    doc: str = "d1",
) -> EventView:
    event = Event(
        id=f"{doc}-e", event_type=kind, sub_event_type=sub, event_date=day, time_precision=precision,
        actor1=actor, actor2=None, background=False, location=place, fatalities=None,
        fatalities_low=None, fatalities_high=None, speaker=Speaker(None, "author"),
        modality="asserted", evidence=(Span(0, len(text), text),), confidence=0.9, document_id=doc,
    )
    return EventView.of(event, published=day)


SAME = report()
CASES = [
    # (what differs, the other report, same incident?)
    ("nothing", report(doc="d2"), True),
    ("a day later, told in other words", report("Suicide blast at Kabul mosque kills worshippers during prayers.", day="2024-03-02", doc="d2"), True),
    ("two days later: still within precision 1 slack", report(day="2024-03-03", doc="d2"), True),
    ("a week later in the same city", report(day="2024-03-08", doc="d2"), False),
    ("the month only (precision 3)", report(day="2024-03-15", precision=3, doc="d2"), True),
    ("a town 21 km away", report(place=PAGHMAN, doc="d2"), True),
    ("another province's city, other words", report("Bomber strikes Jalalabad mosque at prayers.", place=JALALABAD, doc="d2"), False),
    ("the province only (geo precision 3), other admin1", report("Bombing at a mosque in Nangarhar.", place=NANGARHAR, doc="d2"), False),
    ("another country", report("Bomber kills worshippers at a Peshawar mosque during Friday prayers.", place=PESHAWAR, doc="d2"), False),
    ("no place given", report(place=None, doc="d2"), True),
    ("IED instead of suicide bomb (same event type)", report(sub="Remote explosive/landmine/IED", doc="d2"), True),
    ("told as an attack on civilians", report(sub="Attack", kind="Violence against civilians", doc="d2"), True),
    ("an arrest (strategic development)", report(sub="Arrests", kind="Strategic developments", doc="d2"), False),
    ("a peaceful protest", report(sub="Peaceful protest", kind="Protests", doc="d2"), False),
    ("unrelated text, same day and city", report("Traffic police opened a new checkpoint near the airport road.", doc="d2"), False),
]


@pytest.mark.parametrize(("what", "other", "expected"), CASES, ids=[c[0] for c in CASES])
def test_same_incident(what: str, other: EventView, expected: bool) -> None:
    assert same_incident(SAME, other) is expected
    assert same_incident(other, SAME) is expected  # symmetric


ACTORS = [
    (ISKP, IS, True),  # a branch and its parent
    (ISKP, TALIBAN, False),  # two named perpetrators
    (GUNMEN, TALIBAN, True),  # "gunmen" names nobody
    (None, TALIBAN, True),
]


@pytest.mark.parametrize(("first", "second", "expected"), ACTORS)
def test_actors(first: EventActor | None, second: EventActor | None, expected: bool) -> None:
    assert same_incident(report(actor=first), report(actor=second, doc="d2")) is expected


def test_similarity_ranks_the_closer_report_higher() -> None:
    close = report("Suicide bomber blew himself up outside the Kabul mosque.", doc="d2")
    loose = report("An explosion at a mosque in Kabul during prayers.", day="2024-03-02", place=None, doc="d3")
    assert incident_similarity(SAME, close) > incident_similarity(SAME, loose) > 0


def test_types_armed_clash_and_attack_are_compatible_but_not_arrests() -> None:
    clash = replace(SAME.event, event_type="Battles", sub_event_type="Armed clash")
    attack = replace(SAME.event, event_type="Violence against civilians", sub_event_type="Attack")
    arrests = replace(SAME.event, event_type="Strategic developments", sub_event_type="Arrests")
    assert types_compatible(clash, attack) and not types_compatible(clash, arrests)


def test_places_and_distance() -> None:
    assert haversine_km(34.528, 69.172, 34.426, 70.451) == pytest.approx(118, abs=3)
    assert places_compatible(KABUL, PAGHMAN) is True
    assert places_compatible(KABUL, PESHAWAR) is False
    assert places_compatible(KABUL, None) is None
    assert places_compatible(NANGARHAR, JALALABAD) is True  # same admin1 at precision 3


def test_evidence_overlap_weighs_rare_words_more_than_common_ones() -> None:
    # Both pairs share 3 of the shorter text's 5 content words (0.6 unweighted).
    common = (report("Another man was shot in a shooting on Elm Avenue."), report("A man was shot in another shooting near Rivergate mall.", doc="d2"))
    rare = (report("Maria Lopez was shot on Elm Avenue."), report("Lopez, of Elm Avenue, died in hospital.", doc="d2"))
    assert text_overlap(*rare) > 0.6 > text_overlap(*common)


def with_document(view: EventView, text: str, main: bool = True) -> EventView:
    """The view again, as an event of a document with this text."""
    return EventView.of(view.event, published=view.event.event_date, profile=profile(text), main=main)


LOPEZ = "Maria Lopez, 34, was shot on Elm Avenue on Saturday. Lopez's sister Ana said she was a nurse."
KOWALSKI = "Tomasz Kowalski was killed by gunfire near the Rivergate mall. Kowalski ran a bakery on Pine Street."


def test_documents_about_different_people_do_not_link_on_one_generic_sentence() -> None:
    sentence = "A man was shot and killed on Saturday night."
    first, second = report(sentence), report(sentence, doc="d2")
    assert same_incident(first, second)  # nothing else known: the sentence decides
    assert not same_incident(with_document(first, LOPEZ), with_document(second, KOWALSKI))
    assert same_incident(with_document(first, LOPEZ), with_document(second, LOPEZ + " Police asked for help."))



KERMAN = Location("Kerman", 128234, 30.283, 57.083, "IR", "Kerman", None, 1)
AHVAZ = Location("Ahvaz", 144448, 31.319, 48.671, "IR", "Khuzestan", None, 1)  # ~800 km
CELL = (
    "The Intelligence Ministry said it had arrested members of an Islamic State cell planning "
    "suicide attacks on religious gatherings. Iranian authorities regularly announce such arrests."
)


def test_far_places_days_apart_stay_apart_whatever_their_documents_share() -> None:
    def arrest(place: Location, day: str, doc: str) -> EventView:
        lead = {"d1": "Seven suspects were detained in {}, officials said.", "d2": "The Guards said a five-member team was held in {}.", "d3": "Agents rounded up an extremist cell in {} overnight."}[doc]
        view = report(lead.format(place.name), sub="Arrests", kind="Strategic developments", day=day, place=place, doc=doc)
        return with_document(view, f"{CELL} The arrests were in {place.name}.")

    kerman, ahvaz_later, ahvaz_next_day = arrest(KERMAN, "2026-10-20", "d1"), arrest(AHVAZ, "2026-10-24", "d2"), arrest(AHVAZ, "2026-10-21", "d3")
    # One wire background paragraph, two arrests four days and 800 km apart: two incidents.
    assert not same_incident(kerman, ahvaz_later)
    # A day apart, the same documents: a place geocoded wrong is likelier than a second cell.
    assert same_incident(kerman, ahvaz_next_day)


def test_an_undated_report_is_not_a_far_incident_weeks_before_its_publication() -> None:
    text = "Islamic State claimed the attack; the Taliban said they had arrested suspects."
    bombing = with_document(report(BOMBING, day="2026-08-25", doc="d1"), f"{BOMBING} {text}")
    undated = report("A cleric and his son were shot dead after prayers.", sub="Attack", kind="Violence against civilians", day="2026-09-20", precision=3, place=JALALABAD, doc="d2")
    undated = EventView.of(undated.event, published="2026-09-20", profile=profile(f"{BOMBING} {text}"))
    assert not same_incident(bombing, undated)  # published 26 days after, 118 km apart
    soon = EventView.of(replace(undated.event, event_date="2026-08-27"), published="2026-08-27", profile=undated.profile)
    assert same_incident(bombing, soon)  # published two days after: the place may be wrong
