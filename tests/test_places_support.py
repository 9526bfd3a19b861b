"""A name whose likeliest reading lies in a country the story never mentions takes the reading
the story supports, rather than staying unresolved."""

from __future__ import annotations

from spacy.language import Language

from claimgraph.gazetteer.lookup import GazetteerEntry, MemoryGazetteer
from claimgraph.nlp.places import PlacesComponent

ENTRIES = [
    GazetteerEntry(6252001, "United States", 39.76, -98.5, "US", "A", "PCLI", 327_000_000),
    GazetteerEntry(1149361, "Afghanistan", 33.0, 66.0, "AF", "A", "PCLI", 37_000_000),
    # A district with no population of its own, and a village abroad that shares a variant
    # spelling of its name: on population alone the village wins.
    GazetteerEntry(7054036, "Bagrām", 34.95, 69.23, "AF", "A", "ADM2", 0),
    GazetteerEntry(141944, "Bahrām", 38.43, 45.72, "IR", "P", "PPL", 1_300),
]
ALIASES = [("Bagram", 7054036), ("Bagram", 141944)]


def test_a_stray_reading_gives_way_to_one_in_a_country_the_story_names(base_nlp: Language) -> None:
    component = PlacesComponent(MemoryGazetteer(ENTRIES, ALIASES))
    text = (
        "American officials said a bomber struck near Bagram. The United States, which has "
        "troops in Afghanistan, and U.S. allies condemned the attack at Bagram."
    )
    bagram = [p for p in component(base_nlp(text))._.places if p.text == "Bagram"]
    assert bagram, "Bagram should be recognised as a place"
    assert {(p.country_code, p.feature_code) for p in bagram} == {("AF", "ADM2")}


def test_a_stray_reading_with_no_supported_alternative_stays_unresolved(
    base_nlp: Language,
) -> None:
    component = PlacesComponent(MemoryGazetteer(ENTRIES[:2] + ENTRIES[3:], ALIASES))
    text = "U.S. officials said a bomber struck near Bagram. The United States condemned it."
    bagram = [p for p in component(base_nlp(text))._.places if p.text == "Bagram"]
    assert bagram and all(p.geonameid is None and p.country_code is None for p in bagram)
