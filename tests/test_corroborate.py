"""claimgraph.corroborate: reports of one incident become one assertion, counted by source."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from claimgraph.corroborate import assign, candidate_pairs, cluster, syndication_groups, weights
from claimgraph.corroborate.conflicts import toll_text
from claimgraph.corroborate.syndication import group_of
from claimgraph.identity import EventView
from claimgraph.model import Event, Genre, Location, Modality, Span, Speaker

AUTHOR = Speaker(None, "author")
KABUL = Location("Kabul", 1138958, 34.528, 69.172, "AF", "Kabul", "Kabul", 1)
WIRE = (
    "KABUL (Reuters) - A suicide bomber blew himself up outside a Shi'ite mosque in western Kabul "
    "during Friday prayers, killing at least 12 worshippers and wounding dozens more, a spokesman "
    "for the interior ministry said. No group immediately claimed responsibility, though Islamic "
    "State has carried out similar attacks on the Hazara community in the city in recent years. "
    "Ambulances ferried the wounded to the city's Emergency hospital, witnesses said."
)


def report(
    doc: str,
    text: str,
    toll: tuple[int | None, int | None, int | None] = (None, None, None),
    day: str = "2024-03-01",
    place: Location | None = KABUL,
    speaker: Speaker = AUTHOR,
    modality: Modality = "asserted",
    genre: Genre = "news",
    sub: tuple[str, str] = ("Explosions/Remote violence", "Suicide bomb"),
) -> EventView:
    best, low, high = toll
    event = Event(
        id=f"{doc}-e1", event_type=sub[0], sub_event_type=sub[1], event_date=day, time_precision=1,
        actor1=None, actor2=None, background=False, location=place, fatalities=best,
        fatalities_low=low, fatalities_high=high, speaker=speaker, modality=modality,
        evidence=(Span(0, len(text), text),), confidence=0.9, document_id=doc,
    )
    return EventView.of(event, published=day, genre=genre)


MINISTRY = Speaker("interior ministry", "named_organization")
TOLO = Speaker("TOLOnews", "named_media")
THREE_OUTLETS = [
    report("reuters", "A suicide bomber blew himself up outside a Shi'ite mosque in western Kabul during Friday prayers, killing 12.", (12, 12, 12), speaker=MINISTRY),
    report("tolo", "Fourteen worshippers were killed when a suicide bomber struck a mosque in western Kabul on Friday.", (14, 14, 14), speaker=TOLO),
    report("ap", "At least 10 people died in a suicide bombing at a Kabul mosque during Friday prayers, police said.", (10, 10, None), day="2024-03-02"),
]


def test_three_outlets_one_bombing_one_assertion_with_the_toll_range() -> None:
    (assertion,) = assign(THREE_OUTLETS)
    assert assertion.documents == ("ap", "reuters", "tolo")
    assert (assertion.fatalities, assertion.fatalities_low, assertion.fatalities_high) == (10, 10, 14)
    assert assertion.independent_sources == 3
    tolls = {(c.value, c.document_id, c.speaker.name) for c in assertion.conflicts if c.field == "fatalities"}
    assert tolls == {("12", "reuters", "interior ministry"), ("14", "tolo", "TOLOnews"), ("at least 10", "ap", None)}
    dates = {(c.value, c.document_id) for c in assertion.conflicts if c.field == "event_date"}
    assert dates == {("2024-03-01", "reuters"), ("2024-03-01", "tolo"), ("2024-03-02", "ap")}
    assert not [c for c in assertion.conflicts if c.field == "location"]  # all say Kabul


def test_a_wire_story_republished_verbatim_by_two_sites_counts_once() -> None:
    texts = {
        "reuters": WIRE,
        "site-a": "Home | World | Share this\n" + WIRE + "\nRead more: subscribe to our newsletter",
        "site-b": WIRE.replace("KABUL (Reuters) - ", "") + " Copyright Reuters.",
        "tolo": THREE_OUTLETS[1].event.evidence[0].text + " Officials vowed to find those responsible.",
    }
    groups = syndication_groups(texts)
    assert groups == (("reuters", "site-a", "site-b"), ("tolo",))
    views = [report(doc, WIRE, (12, 12, None)) for doc in ("reuters", "site-a", "site-b")]
    views.append(THREE_OUTLETS[1])
    (assertion,) = assign(views, syndication=group_of(groups))
    assert assertion.documents == ("reuters", "site-a", "site-b", "tolo")
    assert assertion.independent_sources == 2


def test_two_attacks_in_the_same_city_a_week_apart_stay_two() -> None:
    first = report("d1", "Gunmen attacked a checkpoint in Kabul, killing two policemen.", (2, 2, 2))
    second = report("d2", "Gunmen attacked a checkpoint in Kabul, killing three policemen.", (3, 3, 3), day="2024-03-08")
    assert len(assign([first, second])) == 2


@pytest.mark.parametrize(
    ("genre", "modality"), [("opinion", "asserted"), ("news", "hedged")], ids=["opinion piece", "hedged report"]
)
def test_commentary_joins_without_counting(genre: Genre, modality: Modality) -> None:
    comment = report(
        "column", "The suicide bombing of a Kabul mosque during Friday prayers may have killed as many as 50.",
        (50, 50, 50), genre=genre, modality=modality,
    )
    (assertion,) = assign([*THREE_OUTLETS, comment])
    assert "column" in assertion.documents
    assert assertion.independent_sources == 3
    assert (assertion.fatalities, assertion.fatalities_high) == (10, 14)  # its toll does not decide


def test_assign_is_incremental_and_idempotent() -> None:
    first = assign(THREE_OUTLETS[:2])
    members = {v.event.id: v for v in THREE_OUTLETS}
    later = assign(THREE_OUTLETS[2:], first, members)
    assert len(later) == 1 and later[0].id == first[0].id
    assert later[0].documents == ("ap", "reuters", "tolo")
    assert assign(THREE_OUTLETS, later, members) == later
    with pytest.raises(KeyError, match="no view of event"):
        assign([], first, {})


@pytest.mark.parametrize(
    ("toll", "text"), [((12, 12, 12), "12"), ((10, 10, None), "at least 10"), ((10, 10, 14), "10-14"), ((None, 1, None), "at least 1")]
)
def test_toll_text(toll: tuple[int | None, int | None, int | None], text: str) -> None:
    assert toll_text(report("d", "x", toll).event) == text


COUNTRIES = [
    Location(f"Town {c}", None, 10.0 + 5 * i, 20.0 + 5 * i, c, f"{c} region", None, 1)
    for i, c in enumerate(("AF", "PK", "IQ", "IR", "SY", "YE", "NG", "ML", "SO", "UA"))
]


def synthetic(n: int, seed: int = 7) -> tuple[list[EventView], dict[str, int]]:
    """n reports of n // 5 planted incidents (5 reports each) over a year and ten countries."""
    rng = random.Random(seed)
    views, truth = [], {}
    for incident in range(n // 5):
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(365))
        place = replace(COUNTRIES[rng.randrange(10)], latitude=None, longitude=None, geonameid=None)
        place = replace(place, name=f"Town {incident}", latitude=10 + rng.random() * 40, longitude=20 + rng.random() * 40, geo_precision=1)
        # Words of its own: two planted incidents may fall in one town on one day.
        words = f"incident{incident} marker{incident} village{incident}"
        for k in range(5):
            doc = f"doc{incident}-{k}"
            views.append(report(doc, words, day=(day + timedelta(days=k % 2)).isoformat(), place=place))
            truth[doc] = incident
    rng.shuffle(views)
    return views, truth


def test_blocking_is_far_from_all_pairs_and_the_planted_clusters_come_out_exactly() -> None:
    views, truth = synthetic(5000)
    pairs = sum(1 for _ in candidate_pairs(views))
    all_pairs = 5000 * 4999 // 2
    assert pairs < all_pairs // 500, (pairs, all_pairs)  # 10,275 of 12.5 million (0.08%)
    for assertions in (assign(views), cluster(views)):
        assert len(assertions) == 1000
        for assertion in assertions:
            assert len({truth[d] for d in assertion.documents}) == 1
            assert len(assertion.documents) == 5


def test_cluster_gives_the_same_assertions_for_any_input_order() -> None:
    unrelated = report(
        "dawn", "Two policemen were shot dead by gunmen on motorcycles in Peshawar.", (2, 2, 2),
        place=Location("Peshawar", 1168197, 34.008, 71.578, "PK", "Khyber Pakhtunkhwa", "Peshawar", 1),
        sub=("Violence against civilians", "Attack"),
    )
    views = [*THREE_OUTLETS, unrelated]
    first = cluster(views)
    for seed in range(5):
        shuffled = views[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == first
    assert sorted(a.documents for a in first) == [("ap", "reuters", "tolo"), ("dawn",)]


def test_documents_sharing_rare_words_link_reports_placed_far_apart() -> None:
    text = (
        "Jamal Okafor, 19, was shot dead outside the Harlow Street laundromat late Saturday, "
        "his cousin Tremaine Okafor said."
    )
    far = Location("Springfield", 4409896, 37.215, -93.298, "US", "Missouri", None, 1)
    near = Location("Springfield", 4250542, 39.801, -89.644, "US", "Illinois", None, 1)
    shooting = ("Violence against civilians", "Attack")
    a = replace(report("wjz", "A man was killed in a shooting.", sub=shooting, place=far),
                profile=weights.profile(text))
    b = replace(report("kwch", "Police are looking for a gunman.", sub=shooting, place=near),
                profile=weights.profile(text + " Police asked witnesses to call."))
    c = replace(report("other", "A man was killed in a shooting.", sub=shooting, place=near),
                profile=weights.profile("Maria Lopez was shot on Elm Avenue on Saturday."))
    groups = sorted(x.documents for x in cluster([a, b, c]))
    assert groups == [("kwch", "wjz"), ("other",)]
