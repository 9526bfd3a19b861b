"""Merge of the mentions of one incident within a document (part of events.v1).

A document tells its incident in several sentences: the lead, a toll update, a claim of
responsibility, the reactions. Each sentence's triggers are coded as an `Incident`; this
module folds the mentions of one real-world incident into one, keeping all their evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from claimgraph.identity import (
    EventView,
    content_words,
    dates_overlap,
    ruled_out,
    same_incident_in_document,
)
from claimgraph.model import Event, EventActor, Genre, Location, Place, Speaker
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.event_arguments import Fatalities
from claimgraph.nlp.event_triggers import Trigger
from claimgraph.nlp.event_victims import INJURY_LEMMAS
from claimgraph.reach import parse_date
from claimgraph.taxonomy import EVENT_TYPE_OF, VIOLENT_EVENT_TYPES


@dataclass(slots=True)
class Incident:
    """An incident being coded: mutable only while events.v1 codes it and its mentions merge."""

    sub_event_type: str
    specificity: int
    triggers: list[Trigger]
    scene: Place | None
    location: Location | None
    actor1: EventActor | None
    actor2: EventActor | None
    fatalities: Fatalities
    date: str | None
    time_precision: int | None
    background: bool
    anaphoric: bool
    reaction: bool
    date_stated: bool
    speaker: Speaker
    modality: str
    evidence: list[TextSpan] = field(default_factory=list)
    confidence: float = 0.5


# Words that mark a mention as another incident than the one told before ("another
# shooting", "a separate attack", "a second blast", "earlier attacks"), when they modify the
# trigger or an incident noun.
DISTINCT_MODIFIERS = frozenset(
    {"another", "separate", "other", "second", "third", "earlier", "previous", "prior", "similar"}
)
# A week (time precision 2) is dated to its middle day: its other days lie this close.
WEEK_HALF_DAYS = 3
INCIDENT_NOUNS = frozenset({"incident", "attack", "shooting", "case", "one", "blast"})
# Sentence adverbs that move the story to another incident.
DISTINCT_ADVERBS = frozenset({"separately", "elsewhere", "unrelated"})
# Mentions that are part of an incident of another type already told: the weapons
# recovered in a raid or an arrest, the arrest of the culprit of an attack ("arrested in
# connection with the shooting"). They add their evidence, not their type or arguments.
PART_OF = {
    "Disrupted weapons use": frozenset(
        {
            "Arrests",
            "Armed clash",
            "Attack",
            "Air/drone strike",
            "Shelling/artillery/missile attack",
        }
    ),
    "Arrests": frozenset(),  # of an attack's culprit: see `held_for`
    # What attackers burned or took in the attack ("set fire to the post and took away weapons").
    "Looting/property destruction": frozenset(
        {
            "Armed clash",
            "Attack",
            "Suicide bomb",
            "Remote explosive/landmine/IED",
            "Grenade",
            "Shelling/artillery/missile attack",
            "Air/drone strike",
        }
    ),
}
# Words that only count the hurt of an incident: the injury verbs, as lemmas and as the
# participles and noun the parse leaves unlemmatised.
INJURY_WORDS = INJURY_LEMMAS | {"injury", "wounded", "injured"}
# What a culprit is held for: incident nouns under an arrest ("in connection with the killing").
DEEDS = frozenset(
    {
        "shooting",
        "killing",
        "murder",
        "death",
        "attack",
        "bombing",
        "blast",
        "homicide",
        "slaying",
        "stabbing",
        "explosion",
        "assault",
    }
)


def marked_distinct(incident: Incident) -> bool:
    """Tell whether the text marks a mention as an incident of its own ("another attack")."""
    for trigger in incident.triggers:
        sentence = trigger.head.sent
        if any(t.lower_ in DISTINCT_ADVERBS for t in sentence):
            return True
        for token in sentence:
            if token.lower_ not in DISTINCT_MODIFIERS or token.dep_ not in {"det", "amod"}:
                continue
            head = token.head
            if head.i == trigger.head.i or head.lemma_.lower() in INCIDENT_NOUNS:
                return True
    return False


def event_of(
    incident: Incident,
    event_id: str = "",
    modality: str = "asserted",
    evidence: tuple[TextSpan, ...] = (),
    confidence: float | None = None,
) -> Event:
    """Freeze an incident into an Event (the output's, or the one identity reads)."""
    return Event(
        id=event_id,
        event_type=EVENT_TYPE_OF[incident.sub_event_type],
        sub_event_type=incident.sub_event_type,
        event_date=incident.date,
        time_precision=incident.time_precision,
        actor1=incident.actor1,
        actor2=incident.actor2,
        background=incident.background,
        location=incident.location,
        fatalities=incident.fatalities.best,
        fatalities_low=incident.fatalities.low,
        fatalities_high=incident.fatalities.high,
        speaker=incident.speaker,
        modality=modality,  # type: ignore[arg-type]
        evidence=evidence,
        confidence=incident.confidence if confidence is None else confidence,
    )


def view_of(incident: Incident, published: str | None, genre: Genre = "unknown") -> EventView:
    """Return what `claimgraph.identity` reads of an incident being coded."""
    text = " ".join(span.text for span in incident.evidence)
    return EventView(event_of(incident), "", published, genre, words=content_words(text))


def held_for(arrest: Incident) -> bool:
    """Tell whether an arrest mention names the deed it is for ("charged in the shooting")."""
    for trigger in arrest.triggers:
        for token in trigger.head.sent:
            if token.lemma_.lower() in DEEDS and any(
                a.i == trigger.head.i for a in token.ancestors
            ):
                return True
    return False


def casualties_only(incident: Incident) -> bool:
    """Tell whether a mention only counts the hurt ("two others were wounded"), naming no
    attacker (words of no known kind are none: "flown by helicopter"): it tells no incident of
    its own."""
    attacker = incident.actor1
    return (attacker is None or attacker.kind is None) and all(
        t.head.lemma_.lower() in INJURY_WORDS for t in incident.triggers
    )


def part_of(earlier: Incident, incident: Incident) -> bool:
    """Tell whether a mention is part of an earlier incident of another type (see PART_OF)."""
    if incident.sub_event_type not in PART_OF:
        return False
    if incident.sub_event_type == "Arrests":
        return EVENT_TYPE_OF[earlier.sub_event_type] in VIOLENT_EVENT_TYPES and held_for(incident)
    return earlier.sub_event_type in PART_OF[incident.sub_event_type]


def one_incident(
    earlier: Incident, incident: Incident, published: str | None, genre: Genre = "unknown"
) -> str | None:
    """Tell how a mention tells the incident an earlier mention of the document told.

    "same" by the definition used across documents (`identity.same_incident_in_document`:
    types, actors, dates and places that do not conflict) unless the text marks the mention
    as another incident; a reference back ("condemned the attack") joins the incident it
    points at wherever it was said. "part" when the mention is part of that incident (the
    weapons recovered in the raid, the culprit's arrest) at a time and place that agree.
    None otherwise. The document's genre goes to identity, whose in-document side treats
    commentary as recounting one incident after another, not as one story.
    """
    if earlier.background != incident.background:
        return None
    a, b = view_of(earlier, published, genre), view_of(incident, published, genre)
    if incident.anaphoric and (incident.scene is None or incident.reaction):
        return "same" if not ruled_out(a, b) else None
    if marked_distinct(incident):
        return None
    if casualties_only(incident) and EVENT_TYPE_OF[earlier.sub_event_type] in VIOLENT_EVENT_TYPES:
        # "A fifth officer, wounded in the chest, was in stable condition at a hospital in
        # Zahedan": the wounded of the incident just told, wherever they are treated.
        return "part" if dates_overlap(a, b) is not False else None
    placed = earlier.scene is not None and incident.scene is not None
    if part_of(earlier, incident):
        # Judged as the incident it belongs to: the same time and place, not the same type.
        as_earlier = replace(
            b.event,
            sub_event_type=earlier.sub_event_type,
            event_type=a.event.event_type,
            actor1=None,
            actor2=None,
        )
        return (
            "part" if same_incident_in_document(a, replace(b, event=as_earlier), placed) else None
        )
    return "same" if same_incident_in_document(a, b, placed) else None


def merge_mentions(
    incidents: list[Incident], published: str | None = None, genre: Genre = "unknown"
) -> list[Incident]:
    """Merge the mentions of one incident, each into the latest earlier one it can be."""
    merged: list[Incident] = []
    for incident in incidents:
        for earlier in reversed(merged):
            how = one_incident(earlier, incident, published, genre)
            if how == "same":
                absorb(earlier, incident)
                break
            if how == "part":
                add_evidence(earlier, incident.evidence)
                break
        else:
            merged.append(incident)
    return merged


def add_evidence(target: Incident, spans: Sequence[TextSpan]) -> None:
    """Add evidence spans (a mention's) to an incident, in text order, each once."""
    seen = {span.start for span in target.evidence}
    target.evidence += [span for span in spans if span.start not in seen]
    target.evidence.sort(key=lambda s: s.start)


def story_incident(incidents: Sequence[Incident]) -> Incident | None:
    """Return the story's own incident: the first current one the text tells (news leads with
    it), or None when every incident is background."""
    current = [i for i in incidents if not i.background]
    return min(current, key=lambda i: i.evidence[0].start) if current else None


def absorb(target: Incident, other: Incident) -> None:
    """Fold a repeated mention into the incident it repeats."""
    add_evidence(target, other.evidence)
    if other.specificity > target.specificity:
        target.sub_event_type, target.specificity = other.sub_event_type, other.specificity
    if (other.fatalities.best or 0) > (
        target.fatalities.best or 0
    ) or target.fatalities.low is None:
        target.fatalities = (
            other.fatalities if other.fatalities.low is not None else target.fatalities
        )
    if target.location is None or (
        other.location is not None and other.location.geo_precision < target.location.geo_precision
    ):
        target.location = other.location
    if other.date_stated and (not target.date_stated or _refines(other, target)):
        target.date, target.time_precision, target.date_stated = (
            other.date,
            other.time_precision,
            True,
        )
    target.actor1 = target.actor1 or other.actor1
    target.actor2 = target.actor2 or other.actor2
    target.background = target.background and other.background
    target.confidence = min(0.95, max(target.confidence, other.confidence) + 0.05)


def _refines(finer: Incident, coarser: Incident) -> bool:
    """True when a mention dates the incident more precisely, inside the coarser date's span.

    "The group's second attack this month" (month) told again as "shot dead after Friday
    prayers" (day): the incident is on that Friday.
    """
    if not finer.date or not coarser.date or finer.time_precision is None:
        return False
    if finer.time_precision >= (coarser.time_precision or 3):
        return False
    if (coarser.time_precision or 3) >= 3:  # a month is dated to its 15th
        return finer.date[:7] == coarser.date[:7]
    finer_day, coarser_day = parse_date(finer.date), parse_date(coarser.date)
    if finer_day is None or coarser_day is None:
        return False
    return abs((finer_day - coarser_day).days) <= WEEK_HALF_DAYS
