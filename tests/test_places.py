"""Toponym recognition and resolution: sentence → places, with an in-memory gazetteer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.gazetteer.geonames import memory_gazetteer_from_geonames
from claimgraph.model import Place
from claimgraph.nlp.places import PlacesComponent
from claimgraph.resolve.place_context import containing_place

# GeoNames-format rows written for these tests (ids are the real GeoNames ids where known).
ROWS = [
    "1168579\tPakistan\tPakistan\t\t30.0\t70.0\tA\tPCLI\tPK\t\t00\t\t\t\t212215030\t\t\t\t",
    "1149361\tAfghanistan\tAfghanistan\t\t33.0\t65.0\tA\tPCLI\tAF\t\t00\t\t\t\t37172386\t\t\t\t",
    "1269750\tIndia\tIndia\t\t22.0\t79.0\tA\tPCLI\tIN\t\t00\t\t\t\t1352617328\t\t\t\t",
    "1167710\tPunjab\tPunjab\t\t31.0\t72.5\tA\tADM1\tPK\t\t04\t\t\t\t110012442\t\t\t\t",
    "1259223\tPunjab\tPunjab\t\t30.8\t75.4\tA\tADM1\tIN\t\t23\t\t\t\t27743338\t\t\t\t",
    "1168873\tKhyber Pakhtunkhwa\tKhyber Pakhtunkhwa\t\t34.5\t72.0\tA\tADM1\tPK\t\t03\t\t\t\t35525047\t\t\t\t",
    "1174623\tKasur\tKasur\tKasur District\t31.0\t74.2\tA\tADM2\tPK\t\t04\t1174623\t\t\t3454996\t\t\t\t",
    "1174625\tKasur\tKasur\t\t31.11866\t74.45025\tP\tPPLA2\tPK\t\t04\t1174623\t\t\t314617\t\t\t\t",
    "1177662\tKhyber\tKhyber\tKhyber District\t34.1\t71.2\tA\tADM2\tPK\t\t03\t1177662\t\t\t986973\t\t\t\t",
    "1183009\tBara\tBara\t\t33.91\t71.46\tP\tPPL\tPK\t\t03\t1177662\t\t\t48000\t\t\t\t",
    "9100001\tBara\tBara\t\t27.0\t84.9\tA\tADM2\tNP\t\t02\t\t\t\t687708\t\t\t\t",
    "9000001\tJabar Mela\tJabar Mela\t\t34.0\t71.3\tP\tPPL\tPK\t\t03\t1177662\t\t\t900\t\t\t\t",
    "1138958\tKabul\tKabul\t\t34.52\t69.18\tP\tPPLC\tAF\t\t13\t\t\t\t3043532\t\t\t\t",
]
ADMIN = [
    "PK.04\tPunjab\tPunjab\t1167710", "IN.23\tPunjab\tPunjab\t1259223",
    "PK.03\tKhyber Pakhtunkhwa\tKhyber Pakhtunkhwa\t1168873",
    "PK.04.1174623\tKasur\tKasur\t1174623", "PK.03.1177662\tKhyber\tKhyber\t1177662",
]  # fmt: skip


@pytest.fixture(scope="module")
def places_of(base_nlp: Language) -> Callable[[str], list[Place]]:
    component = PlacesComponent(memory_gazetteer_from_geonames(ROWS, ADMIN))

    def run(text: str) -> list[Place]:
        doc: Doc = base_nlp(text)
        return component(doc)._.places

    return run


def _found(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


@pytest.mark.parametrize(
    ("sentence", "mention", "geonameid", "admin1"),
    [
        ("Burhan was shot dead in Kasur District, Punjab.", "Kasur District", 1174623, "Punjab"),
        (
            "Militants attacked a checkpoint in Kasur, Punjab, on Monday.",
            "Kasur",
            1174625,
            "Punjab",
        ),
        ("Farmers in Punjab, Pakistan protested on Friday.", "Punjab", 1167710, "Punjab"),
        ("Farmers in Punjab, India protested on Friday.", "Punjab", 1259223, "Punjab"),
        (
            "A site in Jabar Mela in Khyber District was hit by drones.",
            "Jabar Mela",
            9000001,
            "Khyber Pakhtunkhwa",
        ),
        ("Eleven fighters were killed in Bara, Pakistan.", "Bara", 1183009, "Khyber Pakhtunkhwa"),
        ("The Pakistan Army said the operation continues.", "Pakistan", 1168579, None),
    ],
)
def test_mentions_resolve_to_the_place_the_context_points_to(
    places_of: Callable[[str], list[Place]],
    sentence: str,
    mention: str,
    geonameid: int,
    admin1: str | None,
) -> None:
    place = _found(places_of(sentence), mention)
    assert (place.geonameid, place.admin1) == (geonameid, admin1)


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("Troops crossed into Afghan territory overnight.", ["AF"]),
        ("Asim, a Pakistani national, was arrested.", []),
        ("Kabul and Kasur were both mentioned.", ["AF", "PK"]),
    ],
)
def test_demonyms_are_places_only_when_used_as_places(
    places_of: Callable[[str], list[Place]], sentence: str, countries: list[str]
) -> None:
    assert [p.country_code for p in places_of(sentence)] == countries


def test_every_place_text_is_the_document_text_at_its_offsets(
    places_of: Callable[[str], list[Place]],
) -> None:
    text = "Strikes hit Kabul.\nLater, fighting spread to Kasur District, Punjab, and Khyber Pakhtunkhwa."
    places = places_of(text)
    assert places and all(text[p.start : p.end] == p.text for p in places)


def test_an_unknown_place_inside_a_known_one_falls_back_to_its_container(
    places_of: Callable[[str], list[Place]],
) -> None:
    text = "The commander was killed in the Sur Ghar area of Khyber on Tuesday."
    places = places_of(text)
    unknown = _found(places, "Sur Ghar")
    container = containing_place(text, places, unknown)
    assert unknown.geonameid is None
    assert container is not None and container.geonameid == 1177662
