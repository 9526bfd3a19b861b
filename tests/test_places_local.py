"""Local news: datelines, state abbreviations, US namesakes of foreign places, town institutions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from claimgraph.gazetteer.build import box_centre
from claimgraph.gazetteer.geonames import memory_gazetteer_from_geonames
from claimgraph.gazetteer.lookup import GazetteerEntry
from claimgraph.model import Place
from claimgraph.nlp.places import PlacesComponent
from claimgraph.resolve.place_base import without_direction
from claimgraph.resolve.place_scoring import is_acronym_target, is_contested


def _row(gid: int, name: str, lat: float, lon: float, kind: str, cc: str, adm1: str, pop: int):
    feature_class, code = kind.split(".")
    return f"{gid}\t{name}\t{name}\t\t{lat}\t{lon}\t{feature_class}\t{code}\t{cc}\t\t{adm1}\t\t\t\t{pop}\t\t\t\t"


# GeoNames-format rows written for these tests (real GeoNames ids where known; rounded points).
ROWS = [
    _row(6252001, "United States", 39.76, -98.5, "A.PCLI", "US", "00", 327167434),
    _row(614540, "Georgia", 42.0, 43.5, "A.PCLI", "GE", "00", 3731000),
    _row(3017382, "France", 46.0, 2.0, "A.PCLI", "FR", "00", 66987244),
    _row(4197000, "Georgia", 32.75, -83.5, "A.ADM1", "US", "GA", 10519475),
    _row(4736286, "Texas", 31.25, -99.25, "A.ADM1", "US", "TX", 28304596),
    _row(6254925, "Kentucky", 37.5, -85.25, "A.ADM1", "US", "KY", 4468402),
    _row(5165418, "Ohio", 40.25, -82.75, "A.ADM1", "US", "OH", 11689100),
    _row(2988507, "Paris", 48.85, 2.35, "P.PPLC", "FR", "11", 2138551),
    _row(4717560, "Paris", 33.66, -95.56, "P.PPL", "US", "TX", 24782),
    _row(4684888, "Dallas", 32.78, -96.81, "P.PPL", "US", "TX", 1300092),
    _row(4180439, "Atlanta", 33.75, -84.39, "P.PPLA", "US", "GA", 498044),
    _row(4221552, "Savannah", 32.08, -81.1, "P.PPL", "US", "GA", 145674),
    _row(611717, "Tbilisi", 41.69, 44.83, "P.PPLC", "GE", "51", 1049498),
    _row(4297983, "Lexington", 37.99, -84.48, "P.PPL", "US", "KY", 322570),
    _row(4509177, "Columbus", 39.96, -83.0, "P.PPLA", "US", "OH", 905748),
    _row(5106834, "Albany", 42.65, -73.76, "P.PPLA", "US", "NY", 97856),
    _row(2077963, "Albany", -35.02, 117.88, "P.PPL", "AU", "08", 30656),
    _row(7839379, "Albany", -34.95, 117.9, "A.ADM2", "AU", "08", 37763),
    _row(4273857, "Kansas", 38.5, -98.5, "A.ADM1", "US", "KS", 2911641),
    _row(4393217, "Kansas City", 39.1, -94.58, "P.PPL", "US", "MO", 475378),
    _row(4314550, "Alexandria", 31.31, -92.45, "P.PPL", "US", "LA", 47723),
    _row(4297200, "Laurel County", 37.11, -84.12, "A.ADM2", "US", "KY", 60180),
]
ADMIN = ["US.TX\tTexas\tTexas\t4736286", "US.GA\tGeorgia\tGeorgia\t4197000"]


@pytest.fixture(scope="module")
def places_of(base_nlp: Language) -> Callable[[str], list[Place]]:
    component = PlacesComponent(memory_gazetteer_from_geonames(ROWS, ADMIN))
    return lambda text: component(base_nlp(text))._.places


@pytest.mark.parametrize(
    ("text", "mention", "country", "name"),
    [
        ("COLUMBUS, Ohio -- The city council met on Monday.", "COLUMBUS", "US", "Columbus"),
        ("A barn burned near Lexington, Ky., on Sunday.", "Ky.", "US", "Kentucky"),
        ("Storm damage report. COLUMBUS: Crews worked overnight.", "COLUMBUS", "US", "Columbus"),
        (
            "BY ANN LEE Staff Writer May 2, 2009 COLUMBUS -- Crews worked.",
            "COLUMBUS",
            "US",
            "Columbus",
        ),
        ("The Georgian Interior Ministry said on Monday.", "Georgian", "GE", "Georgia"),
        (
            "Police in Paris arrested a man from Dallas on Friday, Texas officials said.",
            "Paris",
            "US",
            "Paris",
        ),
        ("Paris and Lyon hosted the summit, France said.", "Paris", "FR", "Paris"),
        (
            "Officials in Atlanta and Savannah said Georgia will expand the program.",
            "Georgia",
            "US",
            "Georgia",
        ),
        ("Georgia recalled its ambassador, officials in Tbilisi said.", "Georgia", "GE", "Georgia"),
        (
            "Northeast Georgia schools near Atlanta will reopen.",
            "Northeast Georgia",
            "US",
            "Georgia",
        ),
        (
            "The Laurel County Fiscal Court approved the budget.",
            "Laurel County",
            "US",
            "Laurel County",
        ),
        ("An Alexandria woman was charged with arson.", "Alexandria", "US", "Alexandria"),
        ("Tbilisi says the separatist leader has fled.", "Tbilisi", "GE", "Tbilisi"),
        ("Earlier this month the Georgian tabloid Alia reported it.", "Georgian", "GE", "Georgia"),
        ("A man was stabbed in Kansas City on Saturday.", "Kansas City", "US", "Kansas City"),
        ("Police said the Albany man was arrested.", "Albany", "US", "Albany"),
        ("He gave to the United Way of Georgia in Atlanta.", "Georgia", "US", "Georgia"),
        ("A fire in Paris, TX destroyed two homes.", "Paris", "US", "Paris"),  # postal code
    ],
)
def test_local_news_places_resolve_where_the_story_is(
    places_of: Callable[[str], list[Place]], text: str, mention: str, country: str, name: str
) -> None:
    place = next(p for p in places_of(text) if p.text == mention)
    assert (place.country_code, place.name) == (country, name)


def test_a_name_recognised_once_is_a_place_at_each_use(
    places_of: Callable[[str], list[Place]],
) -> None:
    text = "Flooding hit Lexington on Monday. Lexington reopened its schools on Friday."
    assert [p.name for p in places_of(text) if p.text == "Lexington"] == ["Lexington"] * 2


def test_the_first_name_of_someone_in_the_story_is_no_place(
    places_of: Callable[[str], list[Place]],
) -> None:
    text = (
        "Police say Savannah Jones, 7, was shot at her home in Atlanta. Savannah, apparently "
        "knowing where the gun was hidden, went to the bedroom. Holmes said Savannah may have "
        "mistaken the gun for a toy."
    )
    assert [p.text for p in places_of(text)] == ["Atlanta"]
    # the wording still makes it a place
    assert "Savannah" in [p.text for p in places_of("Savannah Jones moved to Savannah in May.")]


def test_the_surname_of_someone_shown_to_be_a_person_is_no_place_however_well_known(
    places_of: Callable[[str], list[Place]],
) -> None:
    text = (
        "Police said grandmother Nilda Dallas, 52, shot her daughter at their home in Atlanta. "
        "Dallas then turned the gun on herself."
    )
    assert [p.text for p in places_of(text)] == ["Atlanta"]
    # a target is no scene: "pointed the gun at Dallas"
    text = "Police said Jim Dallas, 31, argued with a man in Atlanta, who pointed a gun at Dallas."
    assert [p.text for p in places_of(text)] == ["Atlanta"]
    # shown at a use of the surname alone: an age, a verb of speech
    for alone in ("Dallas, 31, was arrested on Monday.", "Dallas said he was sorry."):
        text = f"Police said Jim Dallas shot a man at a bar in Atlanta. {alone}"
        assert [p.text for p in places_of(text)] == ["Atlanta"], alone


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Northeast Georgia", "Georgia"),
        ("Far North Queensland", "Queensland"),
        ("Southern California", "California"),
        ("North", "North"),
        ("Kasur", "Kasur"),
    ],
)
def test_compass_words_are_dropped_from_a_regional_name(name: str, core: str) -> None:
    assert without_direction(name) == core


def _entry(cc: str, code: str, population: int = 0) -> GazetteerEntry:
    return GazetteerEntry(1, "X", 0.0, 0.0, cc, code[0], code[2:], population)


@pytest.mark.parametrize(
    ("entries", "contested"),
    [
        ([_entry("GE", "A.PCLI"), _entry("US", "A.ADM1")], True),  # Georgia
        ([_entry("FR", "P.PPLC"), _entry("US", "P.PPL", 24_000)], False),  # a capital, a town
        ([_entry("FR", "P.PPLC"), _entry("US", "P.PPL", 500_000)], True),
        ([_entry("PK", "A.ADM1"), _entry("PK", "P.PPL", 900_000)], False),  # one country
    ],
)
def test_names_of_well_known_places_in_several_countries_are_contested(
    entries: list[GazetteerEntry], contested: bool
) -> None:
    assert is_contested(entries) is contested


@pytest.mark.parametrize(
    ("points", "centre"),
    [
        ([(42.0, -95.0), (56.0, -95.0), (43.0, -74.0), (43.5, -80.0)], (49.0, -84.5)),
        ([(10.0, 10.0)], (10.0, 10.0)),
        ([(52.0, 179.0), (52.0, -179.0)], (52.0, 0.0)),  # across the antimeridian: the mean
    ],
)
def test_a_unit_point_is_the_middle_of_the_box_around_its_towns(
    points: list[tuple[float, float]], centre: tuple[float, float]
) -> None:
    assert box_centre(points) == pytest.approx(centre)


@pytest.mark.parametrize(
    ("entry", "acronym", "allowed"),
    [
        (GazetteerEntry(1, "United Kingdom", 0, 0, "GB", "A", "PCLI"), "UK", True),
        (GazetteerEntry(2, "Kalaburagi", 0, 0, "IN", "P", "PPL", 500_000), "GBI", False),
        (GazetteerEntry(3, "Ely", 0, 0, "GB", "P", "PPL", 20_000), "ELY", True),
    ],
)
def test_a_short_capitalised_word_names_only_a_country_unit_region_or_its_namesake(
    entry: GazetteerEntry, acronym: str, allowed: bool
) -> None:
    assert is_acronym_target(entry, acronym) is allowed


# Towns that share their names across states and countries (real ids; rounded points).
NAMESAKE_ROWS = [
    _row(6252001, "United States", 39.76, -98.5, "A.PCLI", "US", "00", 327167434),
    _row(6251999, "Canada", 60.1, -113.6, "A.PCLI", "CA", "00", 37058856),
    _row(2635167, "United Kingdom", 54.76, -2.7, "A.PCLI", "GB", "00", 66488991),
    _row(4068590, "Huntsville", 34.73, -86.59, "P.PPL", "US", "AL", 215006),
    _row(4699540, "Huntsville", 30.72, -95.55, "P.PPL", "US", "TX", 40938),
    _row(4739690, "Walker County", 30.70, -95.48, "A.ADM2", "US", "TX", 42488),
    _row(4096107, "Walker County", 33.77, -87.26, "A.ADM2", "US", "AL", 24175),
    _row(4191124, "Decatur", 33.77, -84.30, "P.PPL", "US", "GA", 21957),
    _row(4236895, "Decatur", 39.84, -88.95, "P.PPL", "US", "IL", 73254),
    _row(4180638, "Avondale Estates", 33.77, -84.27, "P.PPL", "US", "GA", 3139),
    _row(4883904, "Avondale", 41.94, -87.70, "P.PPL", "US", "IL", 39721),
    _row(6184365, "Woodstock", 43.13, -80.75, "P.PPL", "CA", "08", 40404),
    _row(2633618, "Woodstock", 51.85, -1.35, "P.PPL", "GB", "ENG", 3521),
    _row(6106255, "Plattsville", 43.30, -80.62, "P.PPL", "CA", "08", 1366),
    _row(2640729, "Oxford", 51.75, -1.26, "P.PPL", "GB", "ENG", 162100),
    _row(2651894, "Cowley", 51.73, -1.21, "P.PPL", "GB", "ENG", 16000),
    _row(2643097, "March", 52.55, 0.09, "P.PPL", "GB", "ENG", 22298),
]


@pytest.fixture(scope="module")
def namesakes_of(base_nlp: Language) -> Callable[[str], list[Place]]:
    component = PlacesComponent(memory_gazetteer_from_geonames(NAMESAKE_ROWS))
    return lambda text: component(base_nlp(text))._.places


@pytest.mark.parametrize(
    ("text", "mention", "admin1"),
    [
        # A town and its county settle each other's state (one sense per discourse).
        (
            "The burn ban in Walker County was lifted after the Huntsville fire chief agreed.",
            "Huntsville",
            "US.TX",
        ),
        # Neighbouring towns: Decatur sits beside Avondale Estates, not beside Avondale, Illinois.
        (
            "Schools in Decatur and in Avondale Estates will close, officials in Decatur said.",
            "Decatur",
            "US.GA",
        ),
    ],
)
def test_names_that_lie_together_choose_each_others_state(
    namesakes_of: Callable[[str], list[Place]], text: str, mention: str, admin1: str
) -> None:
    assert {p.admin1_code for p in namesakes_of(text) if p.text == mention} == {admin1}


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Farmers in Plattsville and in Woodstock lost their crops.", "Woodstock", "CA"),
        ("Farmers in Cowley and in Woodstock lost their crops.", "Woodstock", "GB"),
    ],
)
def test_the_towns_around_a_namesake_choose_its_country(
    namesakes_of: Callable[[str], list[Place]], text: str, mention: str, country: str
) -> None:
    assert [p.country_code for p in namesakes_of(text) if p.text == mention] == [country]


def test_dates_and_kind_words_are_no_places(namesakes_of: Callable[[str], list[Place]]) -> None:
    places = namesakes_of("In March the City Council in Oxford met on Thursday.")
    assert [p.text for p in places] == ["Oxford"]


def test_names_listed_before_counties_are_counties(base_nlp: Language) -> None:
    rows = [
        _row(6252001, "United States", 39.76, -98.5, "A.PCLI", "US", "00", 327167434),
        _row(4185838, "Camden County", 30.92, -81.64, "A.ADM2", "US", "GA", 50513),
        _row(4141748, "Camden", 39.93, -75.12, "P.PPL", "US", "NJ", 77344),
        _row(4187348, "Charlton County", 30.78, -82.14, "A.ADM2", "US", "GA", 12171),
        _row(4932823, "Charlton", 42.14, -71.97, "P.PPL", "US", "MA", 12981),
    ]
    aliases = ["1\t4185838\ten\tCamden", "2\t4187348\ten\tCharlton"]
    gazetteer = memory_gazetteer_from_geonames(rows, alternate_rows=aliases)
    doc = PlacesComponent(gazetteer)(base_nlp("Volunteers from Camden and Charlton counties came."))
    assert [(p.text, p.feature_code) for p in doc._.places] == [
        ("Camden", "ADM2"),
        ("Charlton", "ADM2"),
    ]


def test_country_names_do_not_pair_as_namesake_towns(base_nlp: Language) -> None:
    rows = [
        _row(6252001, "United States", 39.76, -98.5, "A.PCLI", "US", "00", 327167434),
        _row(3996063, "Mexico", 23.0, -102.0, "A.PCLI", "MX", "00", 126190788),
        _row(3144096, "Norway", 62.0, 10.0, "A.PCLI", "NO", "00", 5314336),
        _row(4971068, "Mexico", 44.56, -70.55, "P.PPL", "US", "ME", 1743),
        _row(4972061, "Norway", 44.21, -70.54, "P.PPL", "US", "ME", 2748),
        _row(4971071, "Maine", 45.5, -69.25, "A.ADM1", "US", "ME", 1338404),
    ]
    component = PlacesComponent(memory_gazetteer_from_geonames(rows))
    text = (
        "The United States confirmed flu cases. Cases were also found in Mexico and in Norway, "
        "United States officials said."
    )
    places = {p.text: p.country_code for p in component(base_nlp(text))._.places}
    assert (places["Mexico"], places["Norway"]) == ("MX", "NO")


def test_a_hyphenated_name_the_model_cut_is_whole_again(base_nlp: Language) -> None:
    rows = [
        _row(2420477, "Guinea", 10.83, -10.67, "A.PCLI", "GN", "00", 12414318),
        _row(2372248, "Guinea-Bissau", 12.0, -15.0, "A.PCLI", "GW", "00", 1874309),
    ]
    component = PlacesComponent(memory_gazetteer_from_geonames(rows))
    places = component(base_nlp("Cases were reported in Guinea-Bissau on Monday."))._.places
    assert [(p.text, p.country_code) for p in places] == [("Guinea-Bissau", "GW")]
