"""Decide whether two event reports describe the same real-world incident.

One definition, over model values only, shared by the in-document merge and by
cross-document corroboration so the two never drift apart. Types, dates and actors are
vetoes: incompatible ones say no. Place and text weigh together: the evidence words must
overlap the more, the less precisely time and place agree (a missing date or place is no
reason to split, but no reason to join either); places out of reach of each other still
link when the evidence is nearly the same text, because geocoding of local news is often
wrong. `incident_similarity` grades the pairs that pass, to rank candidate incidents.

Codebook choices (ACLED):
- The same sub-event type always matches; so does the same event type (outlets differ on
  IED vs suicide bomb, peaceful protest vs protest with intervention).
- Across event types only the pairs reporting really differs on: "Armed clash" and
  "Attack" (did the victims fight back?), an explosion and an "Attack" (an "attack" later
  told as a bombing), protests and riots (did it turn violent?), "Mob violence" and
  "Attack". Strategic developments never match a violent event.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from claimgraph.model import Event, EventActor, Genre
from claimgraph.rarity import word_weight
from claimgraph.reach import parse_date, places_compatible
from claimgraph.taxonomy import PROTESTS, RIOTS, STRATEGIC_DEVELOPMENTS

# Days of slack either side of a reported date, by ACLED time_precision (1 day, 2 week,
# 3 month). Precision 1 gets 2 days: reports of one incident differ on "late Saturday" vs
# "Sunday", and an event dated from the publication date ("on Friday") is a day or two off.
# Checked on the even-index incidents of gvc_train (benchmarks/corroboration.py): slack of
# 1, 2 or 3 days scores the same there (pairwise F1 0.670); 16 days for months 0.663.
DATE_SLACK_DAYS: Final = {1: 2, 2: 7, 3: 31}
# A report with no event date: the incident happened in the week before publication.
UNDATED_LOOKBACK_DAYS: Final = 10
# Cross-type pairs that reports of one incident really disagree on (see module docstring).
_COMPATIBLE_SUB_TYPES: Final = frozenset(
    frozenset(pair)
    for pair in (
        ("Armed clash", "Attack"),
        ("Mob violence", "Attack"),
        ("Armed clash", "Remote explosive/landmine/IED"),
        ("Armed clash", "Suicide bomb"),
        ("Armed clash", "Grenade"),
        ("Armed clash", "Shelling/artillery/missile attack"),
        ("Armed clash", "Air/drone strike"),
    )
)
_EXPLOSION_SUBS: Final = frozenset(
    {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
)
# Event-type pairs where any sub-event types match: a protest that turned into a riot.
_COMPATIBLE_EVENT_TYPES: Final = frozenset({frozenset({PROTESTS, RIOTS})})

# Actor kinds that name nobody in particular: never evidence that two reports disagree.
_VAGUE_KINDS: Final = frozenset({"unidentified", "civilians", None})

_WORD = re.compile(r"[a-z0-9]+")
# Function words and reporting verbs every report shares: they say nothing about which
# incident it is.
_STOP: Final = frozenset(
    """a an the and or but of in on at to for from by with as is was were are be been has
    had have it its this that these those he she they his her their them who whom which
    what when where said says say told according police officials official reported report
    reports after before about into over than then there also not no one two three man
    woman men women people year old years would could may might will shall did do does
    just more most other some such only own same so too very can our we you your i me my
    him up out if while during under again further once here why how all any both each few
    nor off per via""".split()  # noqa: SIM905 (a word list reads better as prose)
)

# Weights of the graded similarity (sum to 1). Text breaks ties between incidents that
# agree on type, time and place (two shootings in one city in one week).
W_DATE: Final = 0.3
W_PLACE: Final = 0.3
W_TEXT: Final = 0.4
# How much the evidence texts must overlap (overlap coefficient of content words, each word
# weighted by its rarity: see `text_overlap`) for `same_incident`, by how precisely time and
# place agree: both precise (dates to the day, places to the town, within reach), one of them
# coarse, or a side unknown/regional. Calibrated on the even-index incidents of gvc_train
# (benchmarks/corroboration.py, every event of a document, headline words as context):
# pairwise F1 0.65 there, 0.63 on the odd half never tuned on (unweighted words, before
# document profiles). With rarity weights the same values stay best on the even half
# (x0.8 and x1.2 of them score 0.026 and 0.005 lower). Re-checked 2026-12-07 with the
# current events (dates read from the story, publications not collapsed): COARSE 0.3 -> 0.25
# keeps the even half at 0.907 and raises the read conflict sets A/B/C 0.854/0.804/0.667 ->
# 0.879/0.843/0.689, the odd half (never tuned) 0.879 -> 0.890 and the whole of gvc_train
# 0.888 -> 0.893. 0.2 scores higher on the halves (0.922/0.890) but lower on the whole set
# (0.871: precision 0.985 -> 0.917 where reports are denser); 0.15 and 0.1 lower still;
# VAGUE 0.35 or 0.3 cost the odd half 0.027.
TEXT_MIN_PRECISE: Final = 0.1
TEXT_MIN_COARSE: Final = 0.25
TEXT_MIN_VAGUE: Final = 0.45
# Places out of reach of each other: geocoding of local news is often wrong (a street name
# taken for a town elsewhere), so evidence that is nearly the same text (Jaccard, not the
# overlap coefficient: a short text inside a long one is not enough) still links them.
# 0.35 keeps two mosque bombings in Kabul and Jalalabad apart (tests); 0.2 scored 0.025
# higher on the gvc_train even half, 1.0 (no link) 0.02 lower.
TEXT_MIN_FAR: Final = 0.35
# Whole documents that weigh the same rare words (cosine of their profiles, see
# `claimgraph.corroborate.weights`: a victim's name, the street, the block) tell one
# incident even when the event's own sentences share few words or its place was geocoded
# wrong (far places: not below TEXT_MIN_FAR's Jaccard). Calibrated on the even-index
# incidents of gvc_train (benchmarks/corroboration.py): pairwise F1 0.65 -> 0.82 there;
# 0.25/0.35 both lower, far 0.3 admits more wrong links than right ones. A profile tells
# what a document is about, so it links only pairs where one side is its document's main
# event (both: recall 0.77 -> 0.61; any pair: the same F1, toll range held less often).
DOCUMENT_MIN: Final = 0.3
DOCUMENT_MIN_FAR: Final = 0.35
# A wrong geocode leaves the day as it was: two reports dated to the day further apart than
# one report's slack, at places out of reach of each other, are two incidents whatever their
# documents share (wires repeat one background paragraph across the incidents of a region).
# gvc_train even half: 1 day splits one incident (0.898 -> 0.888), 2 and 3 score the same;
# on xdoc_conflict 3 lets the Kerman and Ahvaz arrests four days apart join (0.809 -> 0.785).
FAR_DAYS: Final = DATE_SLACK_DAYS[1]
# An undated report (dated by its publication at month precision) tells an incident of the
# three weeks before: "IS claimed the killing of a cleric" published on the 20th is not the
# Kunduz bombing of the 3rd 300 km away. 10 days (UNDATED_LOOKBACK_DAYS) cost the gvc_train
# even half 0.898 -> 0.883 (court follow-ups name no date); 14: 0.888; 21 and 31: 0.898
# (xdoc_conflict_c 0.565 -> 0.581 at 21, nothing at 31).
UNDATED_REACH_DAYS: Final = 21
# Two documents that share almost no rare words are about different incidents, whatever one
# sentence of each shares ("another shooting", "the 15-year-old"): below this cosine no
# report of one links to a report of the other. On the gvc_train even half every pair of
# documents of one incident that blocking compares reaches 0.1, and 1,160 of 1,595 pairs of
# different incidents do not. With the weighted evidence overlap it leaves 4 of the 5 pairs
# of documents of different incidents that still link there (0.15 also cuts right ones);
# it matters where reports are denser: wrong merges across the halves of gvc_train. It
# applies only when both documents have a profile.
DOCUMENT_FLOOR: Final = 0.1


@dataclass(frozen=True, slots=True)
class EventView:
    """What identity reads of one event: the event, its document, and that document's facts.

    `words` are the content words of the evidence (see `content_words`), `rarity` their
    weights (`claimgraph.rarity.word_weight`) and `mass` the weights' sum; build views with
    `EventView.of` so they are computed once.
    """

    event: Event
    document_id: str
    published: str | None = None
    genre: Genre = "unknown"
    words: frozenset[str] = frozenset()
    rarity: Mapping[str, float] = field(default_factory=dict, compare=False, hash=False)
    mass: float = field(default=0.0, compare=False, hash=False)
    profile: Mapping[str, float] = field(default_factory=dict, compare=False, hash=False)
    main: bool = True

    @classmethod
    def of(
        cls,
        event: Event,
        *,
        published: str | None = None,
        genre: Genre = "unknown",
        context: str = "",
        profile: Mapping[str, float] | None = None,
        main: bool = True,
    ) -> EventView:
        """Return the view of an event, taking the document id from the event.

        `context` is more text of the document that tells what the event is (its headline):
        its words join the evidence's. `profile` is the whole document's weighted words
        (`claimgraph.corroborate.weights.profile`), shared by the document's events;
        `main` is False for the events other than the one the document is about (its first
        event that is not background), which the profile does not describe.
        """
        text = " ".join([context, *(span.text for span in event.evidence)])
        words = content_words(text)
        rarity = {word: word_weight(word) for word in words}
        mass = math.fsum(rarity.values())
        return cls(
            event, event.document_id, published, genre, words, rarity, mass, profile or {}, main
        )

    @property
    def commentary(self) -> bool:
        """True when this report is analysis or hedged: it joins an incident without counting."""
        return self.genre == "opinion" or self.event.modality in ("hedged", "denied", "questioned")


def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased content words of a text (no function words, no 1-letter words)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in _STOP)


def types_compatible(a: Event, b: Event) -> bool:
    """True when two events' ACLED types can describe one incident (see module docstring)."""
    if a.sub_event_type == b.sub_event_type or a.event_type == b.event_type:
        return True
    if STRATEGIC_DEVELOPMENTS in (a.event_type, b.event_type):
        return False
    if frozenset({a.sub_event_type, b.sub_event_type}) in _COMPATIBLE_SUB_TYPES:
        return True
    if "Attack" in (a.sub_event_type, b.sub_event_type) and (
        a.sub_event_type in _EXPLOSION_SUBS or b.sub_event_type in _EXPLOSION_SUBS
    ):
        return True
    return frozenset({a.event_type, b.event_type}) in _COMPATIBLE_EVENT_TYPES


def date_window(view: EventView) -> tuple[date, date] | None:
    """Return the first and last day the event can have happened on, or None when unknown."""
    event = view.event
    day = parse_date(event.event_date)
    if day is not None:
        slack = DATE_SLACK_DAYS.get(event.time_precision or 1, DATE_SLACK_DAYS[3])
        return day - timedelta(days=slack), day + timedelta(days=slack)
    published = parse_date(view.published)
    if published is not None:
        return published - timedelta(days=UNDATED_LOOKBACK_DAYS), published
    return None


def dates_overlap(a: EventView, b: EventView) -> bool | None:
    """True/False when both windows are known and overlap or not; None when one is unknown."""
    wa, wb = date_window(a), date_window(b)
    if wa is None or wb is None:
        return None
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def actors_compatible(a: Event, b: Event) -> bool:
    """False only when both name a specific perpetrator and neither appears among the other's.

    Reports swap roles ("police clashed with militants" vs "militants attacked police") and
    name a group by its branch or its parent, so containment of names counts as agreement.
    """
    first_a, first_b = _named(a.actor1), _named(b.actor1)
    if first_a is None or first_b is None:
        return True
    others_a = {n for n in (first_a, _named(a.actor2)) if n}
    others_b = {n for n in (first_b, _named(b.actor2)) if n}
    return any(_names_agree(x, y) for x in (first_a,) for y in others_b) or any(
        _names_agree(x, y) for x in others_a for y in (first_b,)
    )


def text_overlap(a: EventView, b: EventView) -> float:
    """Return the weighted overlap coefficient of the two evidence texts' content words (0 to 1).

    The weight of the words both share over the weight of the lighter text, each word weighing
    its rarity in English: two reports of different shootings share "shooting", "shot" and
    "another", which weigh little; two reports of one share a name or a street, which weigh
    much. On the gvc_train even half this keeps a "st. louis" round-up from joining a
    St. Paul shooting (pairwise precision 0.990 -> 1.000, recall 0.806 -> 0.815).
    """
    shared = a.words & b.words
    smaller = min(a.mass, b.mass)
    if not shared or smaller <= 0.0:
        return 0.0
    rarity = a.rarity
    # fsum is exact, so the (hash-dependent) order of the set cannot change the score.
    return math.fsum([rarity[word] for word in shared]) / smaller


def document_similarity(a: EventView, b: EventView) -> float:
    """Return the cosine of the two documents' weighted words (0 when either has none)."""
    x, y = (a.profile, b.profile) if len(a.profile) <= len(b.profile) else (b.profile, a.profile)
    return sum(weight * y.get(word, 0.0) for word, weight in x.items())


def ruled_out(a: EventView, b: EventView) -> bool:
    """True when types, actors or dates say two reports cannot be one incident (the vetoes)."""
    if not types_compatible(a.event, b.event) or not actors_compatible(a.event, b.event):
        return True
    return dates_overlap(a, b) is False


def same_incident_in_document(a: EventView, b: EventView, placed: bool = True) -> bool:
    """True when two mentions in one document can be one incident: no veto, no distant place.

    A document is one story: mentions of compatible type whose dates, places and actors do
    not conflict are one incident unless the text marks them as distinct (the caller reads
    that: "another", "a separate attack"). No text overlap is asked, as it is across
    documents, because the document itself is the shared context; and since one document's
    places are resolved together, places out of reach of each other are two scenes — unless
    the evidence is nearly the same text (TEXT_MIN_FAR, as across documents: a sentence
    whose place was geocoded wrong). `placed` is False when a mention names no place of its
    own (its location is the one the story was at): then its place cannot conflict.
    An opinion piece is no one story: it recounts incident after incident, so there two
    mentions are one incident only as two documents' reports would be (`same_incident`:
    their words must agree too).
    """
    if a.genre == "opinion":
        return same_incident(a, b)
    if ruled_out(a, b):
        return False
    if not placed or places_compatible(a.event.location, b.event.location) is not False:
        return True
    return _jaccard(a.words, b.words) >= TEXT_MIN_FAR


def incident_similarity(a: EventView, b: EventView) -> float:
    """Return 0 when the two cannot be one incident, else a score in (0, 1] to rank candidates."""
    if ruled_out(a, b):
        return 0.0
    same_time = dates_overlap(a, b)
    same_place = places_compatible(a.event.location, b.event.location)
    document = 0.0
    if a.document_id != b.document_id and a.profile and b.profile:
        whole = document_similarity(a, b)
        if whole < DOCUMENT_FLOOR:
            return 0.0
        if a.main or b.main:  # a profile tells what its document is about: its main event
            document = whole
    overlap = text_overlap(a, b)
    far = same_place is False and _jaccard(a.words, b.words) < TEXT_MIN_FAR
    if far and (document < DOCUMENT_MIN_FAR or _days_apart(a, b) > FAR_DAYS):
        return 0.0
    needed = _text_needed(a.event, b.event, same_time, same_place)
    if not far and document < DOCUMENT_MIN and overlap < needed:
        return 0.0
    score = W_TEXT * max(overlap, document)
    score += W_DATE * (1.0 if same_time else 0.5)
    score += W_PLACE * {True: 1.0, None: 0.5, False: 0.0}[same_place]
    return score


def same_incident(a: EventView, b: EventView) -> bool:
    """True when two reports can describe the same incident (types, time, place, actors, text)."""
    return incident_similarity(a, b) > 0.0


def _text_needed(a: Event, b: Event, same_time: bool | None, same_place: bool | None) -> float:
    if not same_time or not same_place:
        return TEXT_MIN_VAGUE
    time_precise = (a.time_precision or 3) == 1 and (b.time_precision or 3) == 1
    place_precise = (
        a.location is not None
        and b.location is not None
        and (max(a.location.geo_precision, b.location.geo_precision) == 1)
    )
    if time_precise and place_precise:
        return TEXT_MIN_PRECISE
    if time_precise or place_precise:
        return TEXT_MIN_COARSE
    return TEXT_MIN_VAGUE


def _days_apart(a: EventView, b: EventView) -> int:
    """Return the fewest days there can be between two events (0 when either day is unknown).

    An event dated to the day is on that day; an undated one (dated by its document's
    publication, month precision) in the UNDATED_REACH_DAYS before publication.
    """
    range_a, range_b = _day_range(a), _day_range(b)
    if range_a is None or range_b is None:
        return 0
    (first_a, last_a), (first_b, last_b) = range_a, range_b
    return max(0, (first_b - last_a).days, (first_a - last_b).days)


def _day_range(view: EventView) -> tuple[date, date] | None:
    event = view.event
    day, published = parse_date(event.event_date), parse_date(view.published)
    if day is None:
        return None
    if event.time_precision == 1:
        return day, day
    if (event.time_precision or 3) >= 3 and day == published:
        return day - timedelta(days=UNDATED_REACH_DAYS), day
    return None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _named(actor: EventActor | None) -> str | None:
    if actor is None or actor.kind in _VAGUE_KINDS:
        return None
    return actor.name.casefold() or None


def _names_agree(x: str, y: str) -> bool:
    return x == y or x in y or y in x
