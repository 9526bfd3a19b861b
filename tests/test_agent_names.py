"""Who did it: pronouns, unnamed people and weapons in the agent's slot, named as coders do."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import MemoryGazetteer
from claimgraph.model import Event
from claimgraph.nlp.pipeline import load_pipeline
from tests.conftest import PAKISTAN_ROWS, analyse_text


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(PAKISTAN_ROWS))


def events_of(nlp: Language, text: str) -> list[Event]:
    return list(analyse_text(nlp, text, published="2024-03-10")._.events)


def attacker(nlp: Language, text: str) -> tuple[str, str] | None:
    """Return (as written, name) of the last event's actor1 that has one."""
    events = sorted(events_of(nlp, text), key=lambda e: e.evidence[0].start)
    assert events, text
    found = [(e.actor1.text, e.actor1.name) for e in events if e.actor1 is not None]
    return found[-1] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group that says "it" did it, in its own sentence
        (
            "The Red Hand said it carried out the bombing in Multan that killed 12 people.",
            "Red Hand",
        ),
        # "he" is the person named before
        (
            "Police said Tariq Mehmood, 32, was armed. He shot dead seven worshippers in Multan.",
            "Tariq Mehmood",
        ),
        # "he" is the unnamed attacker named before
        (
            "A gunman entered a shrine in Multan on Friday. He killed seven worshippers.",
            "gunman",
        ),
        # a relative clause's agent is the noun it modifies
        ("It was a suicide bomber who detonated his vest outside the court in Multan.", "bomber"),
        # a common noun the lexicon does not list, in a "by" phrase
        ("A shopkeeper was murdered by an intruder in Multan.", "intruder"),
    ],
)
def test_who_the_agent_stands_for(nlp: Language, text: str, expected: str) -> None:
    found = attacker(nlp, text)
    assert found is not None and expected in found[0], (text, found)


@pytest.mark.parametrize(
    "text",
    [
        # the weapon and the act are nobody
        "A rocket killed four soldiers in Multan.",
        "The explosion killed four people in Multan.",
        # "they" after a nearer plural are those people, not the group named before
        "The Red Hand leaders met in Multan. Officials forced villagers out until they attacked.",
    ],
)
def test_no_one_is_made_up(nlp: Language, text: str) -> None:
    found = attacker(nlp, text)
    assert found is None or "Red Hand" not in found[0] and "rocket" not in found[0].lower(), found


def test_a_weapon_acting_is_its_owners_military(nlp: Language) -> None:
    found = attacker(nlp, "Russian jets struck a market in Multan, killing nine people.")
    assert found == ("Russian jets", "Military Forces of Russia")
