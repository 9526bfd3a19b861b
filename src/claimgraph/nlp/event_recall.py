"""Incidents a document only recalls: dated before the story's own, or told as past.

Part of events.v1 (`claimgraph.nlp.events`). News tells its newest incident first and
recalls others: the attack of last week, the bombing a raid followed, the blasts the
suspects were involved in. `mark_recalled` reads dates before the mentions of one incident
merge (with the slack two tellings of one incident allow), `mark_recalled_incidents` after
(two incidents allow none). A recalled incident stays an event, marked background.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from claimgraph.identity import DATE_SLACK_DAYS, date_window
from claimgraph.nlp.event_merge import Incident, marked_distinct, story_incident, view_of
from claimgraph.nlp.event_reportedness import BACKGROUND_PENALTY, CULPABILITY, governing_verb
from claimgraph.nlp.syntax import deps
from claimgraph.reach import parse_date, places_compatible

# "days after the arrest", "a week since the blast": the incident is a point in time.
TIME_AFTER = frozenset({"after", "since", "following"})
TIME_UNITS = frozenset({"day", "week", "month", "year", "fortnight"})
# Modifiers that tell an incident as one before the story's ("recent attacks").
RECALL_MODIFIERS = frozenset({"recent", "earlier", "previous", "previously", "prior"})


def mark_recalled(incidents: Sequence[Incident], lead_end: int) -> None:
    """Mark as background the incidents dated before the story's own incident.

    The story's incident is the first one the lead tells with a date of its own (else the
    first with a stated date anywhere): an incident whose stated date ends before that date's
    window starts ("arrested in August 2014", "in 2012 he shot a man", "in March") is one the
    text recalls, and so is one placed in an earlier year ("in 2021"). Windows are
    `identity.date_window`'s, so the slack is the one corroboration allows. A document with
    no stated date has no anchor: nothing is marked by date.
    """
    dated = [i for i in incidents if i.date_stated and not i.background]
    in_lead = [i for i in dated if i.evidence[0].start < lead_end]
    if not dated:
        return
    anchor = (in_lead or dated)[0]
    start = _window(anchor)
    if start is None:
        return
    for incident in incidents:
        if incident.background:
            continue
        own = _window_end(incident) if incident.date_stated else None
        year = stated_year(incident)
        if (own is not None and own < start[0]) or (year is not None and year < start[0].year):
            recall(incident)


def mark_recalled_incidents(incidents: Sequence[Incident], published: str | None) -> None:
    """Mark as background the distinct incidents told after the story's own and before it.

    After the mentions of one incident are merged, what is left beside the story's incident
    is another incident. News tells its newest incident first, so another one told after it,
    somewhere else or marked as another, at a stated day before the story's stated day
    ("Earlier this week a roadside bomb killed six in North Waziristan", "On Monday two men
    were killed in a similar operation") or told as past (`told_as_past`), is recalled, not
    reported: the slack `mark_recalled` allows for two tellings of one incident does not
    apply to two incidents. The story's incident is the first the text tells (news leads with
    it); when it has no stated day, another is before it when its stated day is more than a
    report's slack before publication. One placed in an earlier year ("a 2018 attack") is
    recalled wherever it was.
    """
    anchor = story_incident(incidents)
    if anchor is None:
        return
    current = [i for i in incidents if not i.background]
    if anchor.date_stated and anchor.time_precision == 1:
        reference = parse_date(anchor.date)
    else:
        day = parse_date(published)
        reference = day - timedelta(days=DATE_SLACK_DAYS[1]) if day else None
    anchor_day = parse_date(anchor.date) or parse_date(published)
    for incident in current:
        if incident is anchor or incident.evidence[0].start < anchor.evidence[0].start:
            continue
        day = parse_date(incident.date)
        earlier = bool(incident.date_stated and day and reference and day < reference)
        year = stated_year(incident, attributive=True)
        if (year is not None and anchor_day is not None and year < anchor_day.year) or (
            (earlier or told_as_past(incident)) and elsewhere(anchor, incident)
        ):
            recall(incident)


def recall(incident: Incident) -> None:
    """Mark an incident as one the document only recalls; it is the less sure for it."""
    incident.background = True
    incident.confidence = max(0.0, incident.confidence - BACKGROUND_PENALTY)


def told_as_past(incident: Incident) -> bool:
    """Tell whether the text tells an incident as one before the story's: what someone is
    held for ("commanders involved in planning the bombings in Mir Ali"), one called recent
    ("recent attacks"), or one dated by the story's (`told_as_earlier`)."""
    if told_as_earlier(incident):
        return True
    for trigger in incident.triggers:
        head = trigger.head
        above = [a for a in head.ancestors if a.i >= head.sent.start]
        if any(a.lemma_.lower() in CULPABILITY for a in above):
            return True
        verb = governing_verb(head)
        if any(c.lower_ in RECALL_MODIFIERS for c in (*head.children, *verb.children)):
            return True
    return False


def told_as_earlier(incident: Incident) -> bool:
    """Tell whether the text dates an incident before another: the time another came after
    ("days after the arrest of seven suspects", "two days after militants attacked a police
    post"), what another followed ("the raid followed last week's bombing"), or last week's
    or some days ago ("last week six men died in a similar blast")."""
    for trigger in incident.triggers:
        head = trigger.head
        verb = governing_verb(head)
        above = [a for a in head.ancestors if a.i >= head.sent.start]
        for node in (*above, *head.children, *verb.children):
            # "days after": the unit hangs on "after", on what it heads, or beside it on the
            # clause "after" marks ("came [days] [after] a bomb killed five").
            near = (node.head, *node.children, *deps(node.head, {"npadvmod"}))
            if node.lower_ in TIME_AFTER and any(c.lemma_.lower() in TIME_UNITS for c in near):
                return True
        if head.dep_ == "dobj" and head.head.lemma_.lower() == "follow":
            return True
        for child in (*head.children, *verb.children):
            if child.lemma_.lower() in TIME_UNITS and any(
                c.lower_ in {"last", "ago"} for c in (*child.children, child.head)
            ):
                return True
    return False


def elsewhere(anchor: Incident, incident: Incident) -> bool:
    """Tell whether an incident is told as another one than the story's: another place, or
    marked so ("a similar blast"). A follow-up tells the story's own incident at an earlier
    day in the same place ("charged in the March 18 shooting"): that is not a recall."""
    if places_compatible(anchor.location, incident.location) is False:
        return True
    return marked_distinct(incident)


def stated_year(incident: Incident, attributive: bool = False) -> int | None:
    """Return the bare year an incident's trigger is placed in ("attacked ... in 2021"), if any.

    `attributive` reads a year before the trigger too ("a 2018 attack"): only once mentions
    are merged, since a list of past incidents ("* 2014 Bagram Airfield bombing") is told
    as the story's own incident's evidence, not as one more incident.
    """
    for trigger in incident.triggers:
        for year in trigger.head.children if attributive else ():
            if year.dep_ in {"nummod", "compound", "amod"} and _is_year(year.text):
                return int(year.text)
        for node in {trigger.head, governing_verb(trigger.head)}:
            for prep in node.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for year in prep.children:
                    if year.dep_ == "pobj" and year.text.isdigit() and len(year.text) == 4:
                        return int(year.text)
    return None


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def _window(incident: Incident) -> tuple[date, date] | None:
    return date_window(view_of(incident, None))


def _window_end(incident: Incident) -> date | None:
    window = _window(incident)
    return window[1] if window is not None else None
