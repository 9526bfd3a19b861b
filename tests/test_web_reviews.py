"""Reviews folded over the machine's values: what pages, the API and exports show."""

from __future__ import annotations

import pytest

from claimgraph.model import Event, EventActor, Location, Span, Speaker
from claimgraph.store.reviews import Review, apply_review, fold, reviewed_event

EVENT = Event(
    id="e1",
    event_type="Violence against civilians",
    sub_event_type="Attack",
    event_date="2024-03-11",
    time_precision=1,
    actor1=EventActor("Unidentified Armed Group", "gunmen", "unidentified"),
    actor2=None,
    background=False,
    location=Location("Quetta", 1167528, 30.19, 67.0, "PK", "Balochistan", "Quetta", 1),
    fatalities=2,
    fatalities_low=2,
    fatalities_high=None,
    speaker=Speaker("police", "named_organization"),
    modality="attributed",
    evidence=(Span(0, 5, "Gunme"),),
    confidence=0.9,
    document_id="d1",
)


def review(
    action: str, field: str | None = None, value: object = None, who: str = "ayesha"
) -> Review:
    return Review("event", "e1", action, who, field, value, None, "2026-12-07T17:00:00+00:00")


@pytest.mark.parametrize(
    ("history", "status", "corrections"),
    [
        ([], None, None),
        ([review("accept")], "accepted", {}),
        ([review("correct", "fatalities", 3)], "corrected", {"fatalities": 3}),
        (
            [review("correct", "fatalities", 3), review("accept", who="omar")],
            "corrected",
            {"fatalities": 3},
        ),
        (
            [review("correct", "fatalities", 3), review("correct", "fatalities", 4)],
            "corrected",
            {"fatalities": 4},
        ),
        ([review("reject")], "rejected", {}),
        ([review("reject"), review("accept")], "accepted", {}),
    ],
)
def test_fold(
    history: list[Review], status: str | None, corrections: dict[str, object] | None
) -> None:
    state = fold(history)
    assert (state.status if state else None) == status
    assert (state.corrections if state else None) == corrections


def test_apply_review_says_who_and_keeps_the_original() -> None:
    item = {"id": "e1", "fatalities": 2, "location": {"name": "Quetta", "admin1": "Balochistan"}}
    shown = apply_review(
        item, [review("correct", "location.name", "Mastung"), review("correct", "fatalities", 5)]
    )
    assert shown["fatalities"] == 5 and shown["location"] == {
        "name": "Mastung",
        "admin1": "Balochistan",
    }
    assert shown["review"]["reviewer"] == "ayesha" and shown["review"]["status"] == "corrected"
    assert shown["review"]["original"] == {"location.name": "Quetta", "fatalities": 2}
    assert item == {
        "id": "e1",
        "fatalities": 2,
        "location": {"name": "Quetta", "admin1": "Balochistan"},
    }
    assert apply_review(item, [])["review"] is None


def test_reviewed_event_for_exports() -> None:
    assert reviewed_event(EVENT, []) is EVENT
    assert reviewed_event(EVENT, [review("reject")]) is None
    fixed = reviewed_event(
        EVENT,
        [
            review("correct", "fatalities", 3),
            review("correct", "actor2.name", "Traders"),
            review("correct", "location.name", "Mastung"),
            review("correct", "speaker.type", "unnamed"),
        ],
    )
    assert fixed is not None and fixed is not EVENT
    assert fixed.fatalities == 3 and fixed.actor2 == EventActor("Traders", "Traders", None)
    assert (
        fixed.location is not None
        and fixed.location.name == "Mastung"
        and fixed.location.geonameid == 1167528
    )
    assert fixed.speaker == Speaker("police", "unnamed")
    assert EVENT.fatalities == 2 and EVENT.actor2 is None  # the machine's value is untouched
