"""Merge of the mentions of one incident within a document (part of events.v1).

A document tells its incident in several sentences: the lead, a toll update, a claim of
responsibility, the reactions. Each sentence's triggers are coded as an `Incident`; this
module folds the mentions of one real-world incident into one, keeping all their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import EventActor, Location, Place, Speaker
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.event_arguments import Fatalities
from claimgraph.nlp.event_types import Trigger
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


def dates_agree(a: Incident, b: Incident) -> bool:
    """Tell whether two mentions' dates allow one incident (an unstated date agrees with any)."""
    return not (a.date_stated and b.date_stated) or a.date == b.date


BROAD_FEATURES = ("PCL", "ADM1", "RGN", "CONT", "BDLN")


def same_scene(a: Incident, b: Incident) -> bool:
    """Tell whether two mentions put their incidents at the same place."""
    if a.scene is not None and b.scene is not None and a.scene.text.lower() == b.scene.text.lower():
        # A province or country named twice is not one scene; a town, a spot or an unknown name is.
        return not (a.scene.feature_code or "").startswith(BROAD_FEATURES)
    return (
        a.location is not None
        and b.location is not None
        and a.location.geonameid is not None
        and a.location.geonameid == b.location.geonameid
        and a.location.geo_precision == 1
    )


def compatible(a: Incident, b: Incident) -> bool:
    """Tell whether two mentions can be one incident by their types."""
    type_a, type_b = EVENT_TYPE_OF[a.sub_event_type], EVENT_TYPE_OF[b.sub_event_type]
    return a.sub_event_type == b.sub_event_type or (
        type_a in VIOLENT_EVENT_TYPES and type_b in VIOLENT_EVENT_TYPES
    )


SEPARATE_CUES = (
    "separate",
    "separately",
    "another",
    "meanwhile",
    "elsewhere",
    "also",
    "in addition",
)


def locations_nest(a: Location | None, b: Location | None) -> bool:
    """Tell whether two locations can be one scene: equal, or one inside the other's district."""
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country_code != b.country_code:
        return False
    return bool(a.admin2 and a.admin2 == b.admin2)


def elaborates(earlier: Incident, incident: Incident) -> bool:
    """Tell whether a mention with no scene of its own goes on telling the incident before it."""
    if incident.scene is not None or not dates_agree(earlier, incident):
        return False
    text = incident.evidence[0].text.lower()
    if any(cue in text for cue in SEPARATE_CUES):
        return False
    return 0 <= incident.evidence[0].start - earlier.evidence[-1].end <= 3


def same_story(earlier: Incident, incident: Incident) -> bool:
    """Tell whether a headline/lead pair tells one incident: same type, nested places, same toll."""
    return (
        earlier.sub_event_type == incident.sub_event_type
        and earlier.location is not None
        and locations_nest(earlier.location, incident.location)
        and earlier.fatalities.best == incident.fatalities.best
        and dates_agree(earlier, incident)
    )


def merge_mentions(incidents: list[Incident]) -> list[Incident]:
    """Merge repeated mentions of one incident (anaphora, elaboration, same type/scene/date)."""
    merged: list[Incident] = []
    for incident in incidents:
        target = None
        for position, earlier in enumerate(reversed(merged)):
            if not compatible(earlier, incident) or earlier.background != incident.background:
                continue
            if incident.anaphoric and (
                incident.scene is None or incident.reaction or same_scene(earlier, incident)
            ):
                target = earlier
                break
            if position == 0 and elaborates(earlier, incident):
                target = earlier
                break
            if (
                same_scene(earlier, incident)
                and dates_agree(earlier, incident)
                and (earlier.sub_event_type == incident.sub_event_type or incident.specificity == 1)
            ):
                target = earlier
                break
            if same_story(earlier, incident):
                target = earlier
                break
        if target is None:
            merged.append(incident)
        else:
            absorb(target, incident)
    return merged


def absorb(target: Incident, other: Incident) -> None:
    """Fold a repeated mention into the incident it repeats."""
    seen = {span.start for span in target.evidence}
    target.evidence += [span for span in other.evidence if span.start not in seen]
    target.evidence.sort(key=lambda s: s.start)
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
    if other.date_stated and not target.date_stated:
        target.date, target.time_precision, target.date_stated = (
            other.date,
            other.time_precision,
            True,
        )
    target.actor1 = target.actor1 or other.actor1
    target.actor2 = target.actor2 or other.actor2
    target.background = target.background and other.background
    target.confidence = min(0.95, max(target.confidence, other.confidence) + 0.05)
