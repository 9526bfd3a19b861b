"""Event arguments a coder reads off one sentence: who acted, where, how many died."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import GazetteerEntry, MemoryGazetteer
from claimgraph.model import Event
from claimgraph.nlp.pipeline import load_pipeline
from tests.conftest import PAKISTAN_ROWS, analyse_text

# A few GeoNames-style rows (ids and coordinates as in GeoNames) for a self-contained gazetteer.
ROWS = [
    *PAKISTAN_ROWS,
    GazetteerEntry(6252001, "United States", 39.76, -98.5, "US", "A", "PCLI", 327_000_000),
    GazetteerEntry(2017370, "Russia", 60.0, 100.0, "RU", "A", "PCLI", 144_000_000),
    GazetteerEntry(163843, "Syria", 35.0, 38.0, "SY", "A", "PCLI", 22_000_000),
    GazetteerEntry(1176615, "Islamabad", 33.72, 73.04, "PK", "P", "PPLC", 601_600, "PK.08"),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(ROWS))


def events_of(nlp: Language, text: str) -> list[Event]:
    return list(analyse_text(nlp, text, published="2024-03-10")._.events)


def attacker(nlp: Language, text: str) -> str | None:
    """Return actor1 as written of the sentence's first event that has one."""
    events = events_of(nlp, text)
    assert events, text
    return next((e.actor1.text for e in events if e.actor1 is not None), None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject of a verb that makes the noun trigger its act
        (
            "Taliban fighters carried out an attack on a police post in Peshawar.",
            "Taliban fighters",
        ),
        ("The Red Hand launched a series of attacks in Multan, killing nine.", "Red Hand"),
        # conjoined verbs share their subject; a participle acts for the main subject
        ("Gunmen stormed a school in Peshawar and killed four teachers.", "Gunmen"),
        # a passive's agent written after the last conjunct
        ("A farmer was beaten and shot by unidentified gunmen near Multan.", "unidentified gunmen"),
        # an agent the lexicon does not know, headed by a noun for people acting together
        (
            "Two journalists were detained by intelligence forces in Peshawar.",
            "intelligence forces",
        ),
    ],
)
def test_attacker_from_the_parse(nlp: Language, sentence: str, expected: str) -> None:
    assert attacker(nlp, sentence) == expected


def test_a_country_that_strikes_is_its_military(nlp: Language) -> None:
    events = events_of(nlp, "Russia bombed a hospital in Syria on Sunday, killing 12 people.")
    actors = {(e.actor1.name, e.actor1.kind) for e in events if e.actor1 is not None}
    assert ("Military Forces of Russia", "state") in actors


@pytest.mark.parametrize(
    "sentence",
    [
        "Three soldiers died in a bomb blast in Multan.",
        "Soldier killed in Peshawar blast.",
    ],
)
def test_the_subject_of_dying_is_no_attacker(nlp: Language, sentence: str) -> None:
    events = events_of(nlp, sentence)
    assert events
    assert all(e.actor1 is None or "oldier" not in e.actor1.text for e in events)


def location_of(nlp: Language, text: str) -> str | None:
    """Return the location name of the sentence's first event."""
    events = events_of(nlp, text)
    assert events, text
    return events[0].location.name if events[0].location is not None else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a demonym or country qualifying people or weapons says who, not where
        ("Russian jets bombed a market in Multan, killing six people.", "Multan"),
        ("Two U.S. soldiers were killed by a roadside bomb in Peshawar.", "Peshawar"),
        # a country that acts is no scene
        ("Russia bombed a hospital in Syria on Sunday, killing 12 people.", "Syria"),
        # a country qualifying a place still says where
        ("Gunmen attacked a checkpoint on the Syrian border, killing two guards.", "Syria"),
        # a street named after a place is not that place
        ("Multan police said a man was shot dead on Peshawar Road late on Sunday.", "Multan"),
        ("The shooting happened in the 700 block of Peshawar, Multan police said.", "Multan"),
        # where someone is from is not where it happened
        ("Gunmen killed a labourer from Multan in Peshawar on Sunday.", "Peshawar"),
    ],
)
def test_scene_is_where_not_who(nlp: Language, sentence: str, expected: str) -> None:
    assert location_of(nlp, sentence) == expected


def test_a_capital_that_stands_for_its_government_is_no_scene(nlp: Language) -> None:
    text = (
        "Gunmen attacked a checkpoint on Friday, killing two guards. Relations between "
        "Islamabad and Kabul have been strained by the attacks."
    )
    events = events_of(nlp, text)
    assert events and all(e.location is None or e.location.name != "Islamabad" for e in events)


def test_where_a_victim_lives_is_no_second_scene(nlp: Language) -> None:
    text = (
        "Militants attacked a checkpoint in Peshawar on Tuesday. During the exchange of fire, "
        "Sepoy Ali Khan (age 25 years, resident of Multan) embraced shahadat."
    )
    assert [e.location.name for e in events_of(nlp, text) if e.location] == ["Peshawar"]


def test_location_keeps_the_english_spelling_of_the_text() -> None:
    from claimgraph.model import Place
    from claimgraph.nlp.event_arguments import to_location

    aleppo = Place("Aleppo", 0, 6, "Ḩalab", 170063, 36.2, 37.16, "SY", None, None, None, "PPLA")
    assert to_location(aleppo, 1).name == "Aleppo"
    shouted = Place(
        "KANDAHAR", 0, 8, "Kandahār", 1138336, 31.6, 65.7, "AF", None, None, None, "PPLA"
    )
    assert to_location(shouted, 1).name == "Kandahar"
    lahore = Place("Lahore", 0, 6, "Lahore", 1172451, 31.5, 74.3, "PK", None, None, None, "PPLA")
    assert to_location(lahore, 1).name == "Lahore"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the agent's own noun phrase, not an actor named later in its clause
        (
            "A colonel was detained by intelligence forces in Peshawar over the terrorist attack.",
            "intelligence forces",
        ),
        # "they" is the plural subject of the sentence before
        (
            "Separatist fighters crossed into Multan district at night. They seized 40 hostages.",
            "Separatist fighters",
        ),
        # either side of "killed in clashes between X and Y" took part; the first is coded
        ("Four people were killed in Multan in clashes between police and protesters.", "police"),
        # a noun trigger's "carried out by" phrase
        ("The attacks in Peshawar were carried out by the Red Hand.", "Red Hand"),
    ],
)
def test_attacker_beyond_the_clause(nlp: Language, sentence: str, expected: str) -> None:
    assert attacker(nlp, sentence) == expected


def deaths(nlp: Language, text: str) -> int | None:
    """Return the most fatalities any event of the sentence carries."""
    events = events_of(nlp, text)
    assert events, text
    return max((e.fatalities for e in events if e.fatalities is not None), default=None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # conjoined victim groups add up
        ("Four soldiers and two civilians were killed in an ambush near Multan.", 6),
        ("Gunmen shot dead a shopkeeper and his son in Peshawar.", 2),
        ("Five policemen, two militants and a civilian were killed in a gunfight in Multan.", 8),
        # a list that only details the victims does not add to them
        ("Militants killed three villagers, two men and a woman, near Multan.", 3),
        # the injured are no deaths
        ("A policeman was killed and three others were injured in a blast in Peshawar.", 1),
        ("Two soldiers were killed and four others injured in an attack in Multan.", 2),
        # an apposition names the victim, it does not add one
        ("A constable, Ram Lal, was killed by militants in Multan.", 1),
        # a total with its detail hung on one noun counts once
        (
            "A blast killed eight persons - six policemen, one guard and one civilian - in Multan.",
            8,
        ),
        # a singular object of a killing is one person; a time phrase is none
        ("Militants killed the village headman in Multan on the eve of the polls.", 1),
        # conjoined passives share their victims
        ("Two villagers were abducted and later killed by militants near Multan.", 2),
        # the sides of a clash are not its dead
        ("A soldier was killed in a clash between troops and militants near Multan.", 1),
        # a wounding verb kills only when the text says so
        ("A trader was shot at and wounded by gunmen in Peshawar.", None),
        # a vague verb done to people reports the violence on its own
        ("Militants executed 11 civilians accused of spying near Multan.", 11),
        # an event note's closing tally is the reporter's count of the whole incident
        ("On 5 April 2023, troops clashed with militants in Multan. 12 fatalities.", 12),
        ("Troops clashed with militants near Multan. Fatalities: 3", 3),
        ("Rebels shelled a village near Multan, killing two. Fatalities unknown.", 2),
        ("Troops clashed with militants near Multan. No fatalities reported.", 0),
        # one person who died, however the text names them, is one death
        ("The 2-year-old who was shot inside an apartment in Multan has died.", 1),
        ("A 16-year-old has died after being accidentally shot in the face in Multan.", 1),
        ("A 14-year-old girl was fatally wounded in a shooting in Multan on Tuesday.", 1),
        ("He was killed when gunmen opened fire on his car in Quetta on Monday.", 1),
    ],
)
def test_fatalities_count_the_dead(nlp: Language, sentence: str, expected: int | None) -> None:
    assert deaths(nlp, sentence) == expected


def test_a_tally_gives_no_deaths_to_an_arrest(nlp: Language) -> None:
    (event,) = events_of(nlp, "Police arrested four militants in Multan. 4 fatalities.")
    assert event.sub_event_type == "Arrests"
    assert event.fatalities is None


def test_paragraph_scene_is_the_place_named_before_in_the_paragraph(nlp: Language) -> None:
    from claimgraph.nlp.event_arguments import paragraph_scene

    text = "Gunmen attacked a checkpoint in Multan on Sunday.\nRussia said it was worried.\nTwo soldiers died in the attack."
    doc = analyse_text(nlp, text)
    *_, last = list(doc.sents)
    # a sentence with no place of its own takes its paragraph's; a new paragraph starts afresh
    assert paragraph_scene(last, doc._.places) is None
    single = "Gunmen attacked a checkpoint in Multan on Sunday. Two soldiers died in the attack."
    doc = analyse_text(nlp, single)
    scene = paragraph_scene(list(doc.sents)[1], doc._.places)
    assert scene is not None and scene.name == "Multan"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people who act, named by a noun the lexicon does not list
        ("The suspect opened fire on worshippers at a mosque in Multan.", "suspect"),
        ("The brothers detonated two bombs near the stadium in Multan.", "brothers"),
        # whom the text blames
        ("The attack in Peshawar was blamed on the Red Hand.", "Red Hand"),
        # a passive's agent the parser hung on a noun of the clause
        (
            "The villagers were shot dead in their home by masked raiders in Multan.",
            "masked raiders",
        ),
    ],
)
def test_attacker_named_by_a_common_noun(nlp: Language, sentence: str, expected: str) -> None:
    assert attacker(nlp, sentence) == expected


def test_victims_of_a_passive_are_actor2(nlp: Language) -> None:
    events = events_of(nlp, "Two policemen were killed by gunmen in Multan.")
    coded = [
        (e.actor1.text if e.actor1 else None, e.actor2.text if e.actor2 else None) for e in events
    ]
    assert ("gunmen", "policemen") in coded


def test_a_tally_is_evidence_of_its_incident(nlp: Language) -> None:
    (event,) = events_of(nlp, "Troops clashed with militants in Multan. 12 fatalities.")
    assert [span.text for span in event.evidence][-1] == "12 fatalities."


def test_a_vague_verb_done_to_no_one_is_no_incident(nlp: Language) -> None:
    assert events_of(nlp, "The contractor executed the plan in Multan last year.") == []
