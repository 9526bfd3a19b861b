"""Conflict coders' notes: "Place (Admin2, Admin1)" names the units a place lies in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import GazetteerEntry, MemoryGazetteer
from claimgraph.model import Event, Place
from claimgraph.nlp.pipeline import load_pipeline
from claimgraph.nlp.places import PlacesComponent
from claimgraph.resolve.admin_notes import names_match
from tests.conftest import analyse_text

# Invented entries in GeoNames' shape; the spellings of units differ from the notes' on
# purpose ("Zaporizka oblast" for "Zaporizhia", "Vasylivka Raion" for "Vasylivka").
ZAPORIZKA = {"admin1_code": "UA.26", "admin1": "Zaporizka oblast"}
VASYLIVKA = {**ZAPORIZKA, "admin2_code": "UA.26.9001", "admin2": "Vasylivka Raion"}
ROWS = [
    GazetteerEntry(690791, "Ukraine", 49.0, 32.0, "UA", "A", "PCLI", 41_000_000),
    GazetteerEntry(2017370, "Russia", 60.0, 100.0, "RU", "A", "PCLI", 144_000_000),
    GazetteerEntry(1036973, "Mozambique", -18.25, 35.0, "MZ", "A", "PCLI", 30_000_000),
    GazetteerEntry(2510769, "Spain", 40.0, -4.0, "ES", "A", "PCLI", 47_000_000),
    GazetteerEntry(9_000_001, "Zaporizka oblast", 47.5, 35.5, "UA", "A", "ADM1", 1_700_000,
                   **ZAPORIZKA),
    GazetteerEntry(9_000_002, "Vasylivka Raion", 47.4, 35.3, "UA", "A", "ADM2", 150_000,
                   **VASYLIVKA),
    GazetteerEntry(9_000_003, "Stepove", 47.43, 35.26, "UA", "P", "PPL", 900, **VASYLIVKA),
    # A bigger namesake abroad that would win on prominence alone.
    GazetteerEntry(9_000_004, "Stepove", 47.2, 39.7, "RU", "P", "PPL", 60_000,
                   admin1_code="RU.61", admin1="Rostovskaya oblast'"),
    GazetteerEntry(9_000_005, "Cabo Delgado", -12.3, 39.3, "MZ", "A", "ADM1", 2_300_000,
                   admin1_code="MZ.01", admin1="Cabo Delgado"),
    # A village of the name in another province; the one the notes mean is missing.
    GazetteerEntry(9_000_007, "Orikhove", 49.9, 36.4, "UA", "P", "PPL", 2_000,
                   admin1_code="UA.07", admin1="Kharkivska oblast"),
    # The Mozambican Palma is missing; only the Spanish city carries the name.
    GazetteerEntry(9_000_006, "Palma", 39.57, 2.65, "ES", "P", "PPLA", 400_000,
                   admin1_code="ES.07", admin1="Illes Balears"),
]  # fmt: skip
ALIASES = [("Vasylivka", 9_000_002)]


@pytest.fixture(scope="module")
def places_of(base_nlp: Language) -> Callable[[str], list[Place]]:
    component = PlacesComponent(MemoryGazetteer(ROWS, ALIASES))
    return lambda text: component(base_nlp(text))._.places


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(ROWS, ALIASES))


def top_event(nlp: Language, text: str) -> Event:
    events = list(analyse_text(nlp, text, published="2024-06-30")._.events)
    assert events, text
    return max(events, key=lambda e: (e.confidence, -e.evidence[0].start))


@pytest.mark.parametrize(
    ("written", "gazetteer", "same"),
    [
        ("Amhara", "Amara", True),
        ("Ninewa", "Nīnawá", True),
        ("Nimroz", "Nīmrōz", True),
        ("Kharkiv", "Kharkivska oblast", True),
        ("Borno state", "Borno", True),
        ("Idleb", "Idlib", True),
        ("North Darfur", "South Darfur", False),
        ("Kidal", "Gao", False),
    ],
)
def test_unit_names_are_compared_across_spellings(written: str, gazetteer: str, same: bool) -> None:
    assert names_match(written, gazetteer) is same


def test_the_bracketed_units_choose_the_reading_inside_them(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of("Shelling hit Stepove (Vasylivka, Zaporizhia) on Monday night.")
    stepove = next(p for p in places if p.text == "Stepove")
    assert (stepove.country_code, stepove.admin2) == ("UA", "Vasylivka Raion")


def test_a_namesake_abroad_is_not_the_place_a_note_puts_in_named_units(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of("Insurgents raided a market in Palma (Palma, Cabo Delgado) at dawn.")
    assert all(p.country_code != "ES" for p in places)
    assert any(p.name == "Cabo Delgado" for p in places)


def test_a_small_place_in_the_named_units_is_no_stray_in_a_story_about_another_country(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of("Russian troops shelled a farm near Lisne Pole (Stepove, Zaporizhia).")
    stepove = next(p for p in places if p.text == "Stepove")
    assert (stepove.country_code, stepove.admin1) == ("UA", "Zaporizka oblast")


def test_a_namesake_outside_the_named_units_is_not_the_place(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of("Drones hit a school in Orikhove (Vasylivka, Zaporizhia) on Friday.")
    assert next(p for p in places if p.text == "Orikhove").name is None
    assert any(p.name == "Vasylivka Raion" for p in places)


def test_places_listed_before_the_brackets_share_them(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of("Insurgents moved between Palma and Quionga (Palma, Cabo Delgado).")
    assert all(p.country_code != "ES" for p in places)


def test_no_place_text_runs_into_the_brackets(places_of: Callable[[str], list[Place]]) -> None:
    text = "Protesters gathered in Stepove (Stepove, Zaporizhia) and in Palma (Cabo Delgado)."
    places = places_of(text)
    assert places
    assert all("(" not in p.text and ")" not in p.text for p in places)
    assert all(text[p.start : p.end] == p.text for p in places)


def test_a_regime_period_makes_the_country_part_of_an_actor(
    places_of: Callable[[str], list[Place]],
) -> None:
    places = places_of(
        "Military Forces of Ukraine (2019-) clashed with Military Forces of Russia (2000-) "
        "near Stepove (Vasylivka, Zaporizhia)."
    )
    assert {p.text for p in places} >= {"Stepove"}
    assert not any(p.text in ("Ukraine", "Russia") for p in places)


@pytest.mark.parametrize(
    ("note", "name", "admin2", "precision"),
    [
        # the town is known: it is the location, inside the named units
        (
            "On 4 May 2024, Russian forces shelled Stepove (Vasylivka, Zaporizhia), wounding "
            "two civilians.",
            "Stepove",
            "Vasylivka Raion",
            1,
        ),
        # the town is not in the gazetteer: its district stands in, at district precision
        (
            "On 5 May 2024, Russian forces shelled Lisne Pole (Vasylivka, Zaporizhia), "
            "wounding two civilians.",
            "Vasylivka Raion",
            "Vasylivka Raion",
            2,
        ),
        # only a namesake abroad is known: the named province, never the foreign city
        (
            "On 9 June 2024, militants attacked a village near Palma (Palma, Cabo Delgado), "
            "killing 5 people.",
            "Cabo Delgado",
            None,
            3,
        ),
    ],
)
def test_a_note_locates_its_event_in_the_named_units(
    nlp: Language, note: str, name: str, admin2: str | None, precision: int
) -> None:
    location = top_event(nlp, note).location
    assert location is not None
    assert (location.name, location.admin2, location.geo_precision) == (name, admin2, precision)
