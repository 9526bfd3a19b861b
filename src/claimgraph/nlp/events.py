"""events.v1: find the incidents a document reports and code them the ACLED way.

`find_events(doc, ...)` is pure (it reads the Doc and what earlier components wrote);
the component only stores its result in `doc._.events`.

Steps: triggers per sentence -> drop what is not a reported incident (negated, hypothetical,
generic) -> group a sentence's triggers into incidents (one per scene) -> code each incident
(type, place, actors, deaths, date, speaker) -> merge repeated mentions of one incident.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.model import Actor, Claim, Event, Genre, Location, Place, Speaker
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.event_arguments import (
    NO_FATALITIES,
    Fatalities,
    actor_in,
    argument_tokens,
    fatalities_for,
    geo_precision,
    named_agent,
    paragraph_scene,
    preceding_actor,
    rank_scene_places,
    stated_tally,
    to_event_actor,
    to_location,
    tree_distance,
)
from claimgraph.nlp.event_attackers import attribute_unnamed_attackers
from claimgraph.nlp.event_classifier import EventTypeModel, shipped_model
from claimgraph.nlp.event_dating import date_for, date_story
from claimgraph.nlp.event_merge import Incident, add_evidence, event_of, merge_mentions
from claimgraph.nlp.event_recall import mark_recalled, mark_recalled_incidents
from claimgraph.nlp.event_refine import refine_sub_event_type
from claimgraph.nlp.event_reportedness import (
    BACKGROUND_PENALTY,
    drop_weak_alone,
    is_anaphoric,
    is_background,
    is_reaction,
    is_reported,
)
from claimgraph.nlp.event_triggers import (
    Trigger,
    TriggerMatcher,
    TriggerRule,
    build_trigger_matcher,
    load_trigger_rules,
    triggers_by_sentence,
)
from claimgraph.nlp.event_types import find_triggers
from claimgraph.nlp.event_typing import (
    decisive_type,
    is_short_report,
    recover_lead_incident,
    report_context,
)
from claimgraph.nlp.event_words import fire_targets, is_armed_person, is_recovered_weapon
from claimgraph.nlp.extensions import analysed_sentences
from claimgraph.resolve.focus import country_focus, country_name
from claimgraph.taxonomy import EVENT_TYPE_OF, VIOLENT_EVENT_TYPES

# Trigger lemmas that report bloodshed: beside them a foiled attempt was a fight.
BLOODSHED = frozenset(
    {"kill", "shoot", "dead", "die", "death", "wound", "injure", "fire", "murder"}
)
MAX_SCENE_DISTANCE = 8
# Sentences of a document's lead (headline + first sentence) read for an incident the rules missed.
LEAD_SENTENCES = 2
# Confidence adjustments, measured on the ConfliBERT/SATP dev snippets (benchmarks/event_types.py).
LEAD_BONUS = 0.15


@Language.factory(
    "events_v1",
    assigns=["doc._.events"],
    requires=["doc._.places", "doc._.actors", "doc._.claims"],
    default_config={"classifier": True},
)
def make_event_coder(nlp: Language, name: str, classifier: bool) -> EventCoder:
    """Create the event coder with the trigger lexicon compiled for this vocabulary."""
    return EventCoder(nlp, use_classifier=classifier)


class EventCoder:
    """Set `doc._.events` to the ACLED-coded incidents of a document."""

    def __init__(self, nlp: Language, use_classifier: bool = True) -> None:
        self.rules = load_trigger_rules()
        self.matcher = build_trigger_matcher(nlp, self.rules)
        # The shipped classifier weighs in on candidates; off, the rules alone code incidents.
        self.use_classifier = use_classifier

    def __call__(self, doc: Doc) -> Doc:
        # Only short reports consult the classifier (report_context, the lead recovery), so
        # a batch of articles never pays for loading it.
        model = shipped_model() if self.use_classifier and is_short_report(doc) else None
        doc._.events = find_events(doc, self.matcher, self.rules, model)
        return doc


def find_events(
    doc: Doc,
    matcher: TriggerMatcher,
    rules: dict[str, TriggerRule],
    model: EventTypeModel | None = None,
) -> list[Event]:
    """Return the document's incidents, most confident first; `model` weighs in (see below)."""
    places: list[Place] = list(doc._.places or [])
    actors: list[Actor] = list(doc._.actors or [])
    focus = country_focus(places)
    incidents: list[Incident] = []
    sentences = analysed_sentences(doc)
    found = triggers_by_sentence(find_triggers(doc, matcher, rules), sentences)
    for sentence, sentence_triggers in zip(sentences, found, strict=True):
        tally = stated_tally(sentence.text) if not sentence_triggers else None
        if tally is not None and incidents:
            add_tally(incidents[-1], tally, sentence)
        triggers = [t for t in sentence_triggers if is_reported(t)]
        triggers = drop_weak_alone(triggers)
        groups = group_by_scene(triggers, sentence, places, actors)
        for group in groups:
            rivals = [t.head for other in groups if other is not group for t in other]
            # The classifier reads one label per text: it weighs in on a sentence's only incident.
            scores = None
            if model is not None and len(groups) == 1:
                context = report_context(doc, sentence, group, found)
                scores = model.classify([context])[0] if context else None
            incident = code_incident(group, sentence, doc, places, focus, incidents, rivals, scores)
            incidents.append(incident)
    if model is not None and is_short_report(doc) and not any(found):  # rejected ones stay so
        recovered = recover_lead_incident(sentences[:LEAD_SENTENCES], model)
        if recovered is not None:
            sentence, trigger, probability = recovered
            incident = code_incident([trigger], sentence, doc, places, focus, incidents)
            # Found by the classifier alone: as sure as the classifier is, and never very sure.
            incident.confidence = round(min(incident.confidence, 0.25 + 0.5 * probability), 2)
            incidents.append(incident)
    mark_recalled(incidents, lead_end(doc))
    document = doc._.document
    genre: Genre = doc._.genre[0] if doc._.genre else "unknown"
    published = document.published if document is not None else None
    merged = merge_mentions(incidents, published, genre)
    mark_recalled_incidents(merged, published)
    dated = date_story(merged, sentences, published)
    if dated is not None:  # the sentence that states the day is evidence of the date
        story, sentence = dated
        add_evidence(story, [evidence_span(sentence)])
    attribute_unnamed_attackers(merged, doc, actors)
    # Equally sure incidents told in one sentence: the one the more specific trigger names first.
    merged.sort(key=lambda i: (-round(i.confidence, 2), i.evidence[0].start, -i.specificity))
    events = [to_event(doc, incident) for incident in merged]
    return events


def add_tally(incident: Incident, tally: Fatalities, sentence: Span) -> None:
    """Give the incident just told the toll a tally sentence after it states ("3 fatalities.").

    The tally is the reporter's own count of the whole incident, so it replaces a count read
    from the victims; a strategic development keeps none (its counts are never of deaths).
    """
    if EVENT_TYPE_OF[incident.sub_event_type] == "Strategic developments":
        return
    incident.fatalities = tally
    incident.evidence.append(evidence_span(sentence))


def is_fighting(trigger: Trigger) -> bool:
    """Tell whether a trigger reports fighting or bloodshed, not only a raid or an assault."""
    if EVENT_TYPE_OF[trigger.rule.sub_event_type] not in VIOLENT_EVENT_TYPES:
        return False
    return trigger.rule.specificity >= 2 or trigger.head.lemma_.lower() in BLOODSHED


def lead_end(doc: Doc) -> int:
    """Return where the lead ends: the end of the second analysed sentence (headline + lead)."""
    sentences = analysed_sentences(doc)[:2]
    return sentences[-1].end_char if sentences else 0


def scene_of(
    trigger: Trigger, sentence: Span, places: Sequence[Place], actors: Sequence[Actor]
) -> Place | None:
    """Return the sentence place that is the trigger's scene, if one is close enough."""
    ranked = rank_scene_places(trigger.head, sentence, places, actors)
    return ranked[0] if ranked else None


def group_by_scene(
    triggers: list[Trigger], sentence: Span, places: Sequence[Place], actors: Sequence[Actor]
) -> list[list[Trigger]]:
    """Group a sentence's triggers into incidents: one group per distinct scene."""
    groups: list[tuple[Place | None, list[Trigger]]] = []
    for trigger in triggers:
        scene = scene_of(trigger, sentence, places, actors)
        for index, (group_scene, members) in enumerate(groups):
            same_scene = group_scene is None or scene is None or group_scene.start == scene.start
            close = min(tree_distance(trigger.head, m.head) for m in members) <= 4
            if same_scene and close:
                members.append(trigger)
                groups[index] = (group_scene or scene, members)
                break
        else:
            groups.append((scene, [trigger]))
    return [members for _, members in groups]


def claim_at(claims: Sequence[Claim], char: int) -> Claim | None:
    """Return the narrowest claim whose content covers a character offset."""
    covering = [c for c in claims if c.start <= char < c.end]
    return min(covering, key=lambda c: c.end - c.start) if covering else None


def evidence_span(sentence: Span) -> TextSpan:
    """Return the sentence as an evidence span, without trailing whitespace."""
    text = sentence.text.rstrip()
    lead = len(text) - len(text.lstrip())
    return TextSpan(sentence.start_char + lead, sentence.start_char + len(text), text.lstrip())


def choose_location(
    main: Trigger,
    sentence: Span,
    places: Sequence[Place],
    previous: Sequence[Incident],
    focus: str | None,
    actors: Sequence[Actor] = (),
) -> tuple[Place | None, Location | None]:
    """Return the scene place mention and the event location (with ACLED geo_precision)."""
    ranked = rank_scene_places(main.head, sentence, places, actors)
    top = ranked[0] if ranked else None
    resolved = [p for p in ranked if p.geonameid is not None or p.latitude is not None]
    if resolved:
        place = resolved[0]
        precision = geo_precision(place, sentence.text)
        if top is not None and top.geonameid is None and top is not place:
            precision = max(precision, 2)  # the named spot is unknown; its district/area stands in
        return top, to_location(place, precision)
    if previous and previous[-1].location is not None:
        earlier = previous[-1]
        last_sentence_start = earlier.evidence[-1].start if earlier.evidence else -1
        if sentence.start_char - last_sentence_start < 400:
            return top, earlier.location
    nearby = paragraph_scene(sentence, places, actors)
    if nearby is not None:  # the paragraph's place, not named in this sentence: at best "near"
        return top, to_location(nearby, max(geo_precision(nearby, sentence.text), 2))
    if focus:
        name = country_name(focus) or focus
        country_place = next(
            (
                p
                for p in places
                if p.country_code == focus and (p.feature_code or "").startswith("PCL")
            ),
            None,
        )
        if country_place is not None:
            return top, to_location(country_place, 3)
        return top, Location(name, None, None, None, focus, None, None, 3)
    return top, None


def code_incident(
    group: list[Trigger],
    sentence: Span,
    doc: Doc,
    places: Sequence[Place],
    focus: str | None,
    previous: Sequence[Incident],
    rivals: Sequence[Token] = (),
    scores: dict[str, float] | None = None,
) -> Incident:
    """Code one incident from its triggers and the sentence around them.

    `scores` are the classifier's probabilities for the incident's text: where they are
    decisive (`decisive_type`), the classifier's type replaces a word trigger's (never one
    read from the parse), and the codebook's distinctions that need the parse apply after it.
    """
    main = max(group, key=lambda t: (t.rule.specificity, -t.span.start))
    fighting = [t for t in group if is_fighting(t)]
    if main.rule.sub_event_type == "Disrupted weapons use" and fighting:
        # An attempt foiled in a fight ("militants were killed as troops foiled an infiltration
        # bid") is the fight; weapons recovered in a raid that met no resistance are not.
        main = max(fighting, key=lambda t: (t.rule.specificity, -t.span.start))
    actors = doc._.actors or []
    agents: list[Token] = []
    patients: list[Token] = []
    for trigger in group:
        a, p = argument_tokens(trigger.head)
        agents += a
        patients += p + fire_targets(trigger.head)
    actor1 = actor_in(agents, actors) or preceding_actor(agents, actors, sentence)
    actor2 = actor_in(patients, actors, skip=main.head)
    if actor2 is actor1:
        actor2 = None
    event_actor1 = to_event_actor(actor1) or named_agent(agents)

    victim_kinds: list[str | None] = [actor2.kind] if actor2 is not None else []
    if not victim_kinds and any(is_armed_person(p) for p in patients):
        victim_kinds = ["unidentified"]  # soldiers, policemen, militants: armed, side unnamed
    coded_type = main.rule.sub_event_type
    if scores is not None and not main.rule.parsed:
        # A trigger that only says violence happened ("attacked", "killed") is generic.
        generic = main.rule.specificity <= 1 and EVENT_TYPE_OF[coded_type] in VIOLENT_EVENT_TYPES
        coded_type = decisive_type(scores, coded_type, generic) or coded_type
    if EVENT_TYPE_OF[coded_type] == "Explosions/Remote violence" and is_recovered_weapon(main.head):
        coded_type = "Disrupted weapons use"
    sub_event_type = refine_sub_event_type(
        coded_type,
        sentence,
        [t.head.lemma_.lower() for t in group],
        actor1.kind if actor1 is not None else None,
        victim_kinds,
    )
    fatalities = NO_FATALITIES
    for trigger in sorted(group, key=lambda t: -t.rule.specificity):
        found = fatalities_for(trigger.head, patients, sentence, rivals)
        if found.low is not None and (
            fatalities.low is None or (found.best or 0) > (fatalities.best or 0)
        ):
            fatalities = found
    if EVENT_TYPE_OF[sub_event_type] == "Strategic developments":
        fatalities = NO_FATALITIES  # a count there is of arrests or weapons, not of deaths
    scene, location = choose_location(main, sentence, places, previous, focus, actors)
    background = is_background(group, sentence, rivals)
    date, precision, date_stated = date_for(main, sentence, doc, background)
    claim = claim_at(doc._.claims or [], main.span.start_char)
    document = doc._.document
    author = document.author if document is not None else None
    speaker = claim.speaker if claim else Speaker(author, "author")
    modality = claim.modality if claim else "asserted"
    confidence = 0.45 + 0.1 * main.rule.specificity
    confidence += 0.1 if location is not None and location.geonameid is not None else 0.0
    confidence += 0.05 if event_actor1 is not None else 0.0
    confidence += 0.05 if fatalities.best is not None else 0.0
    # The lead reports the story's incident; a reference back is less likely what it is about.
    confidence += LEAD_BONUS if sentence.start_char <= lead_end(doc) else 0.0
    confidence -= BACKGROUND_PENALTY if background else 0.0
    return Incident(
        sub_event_type=sub_event_type,
        specificity=main.rule.specificity,
        triggers=list(group),
        scene=scene,
        location=location,
        actor1=event_actor1,
        actor2=to_event_actor(actor2),
        fatalities=fatalities,
        date=date,
        time_precision=precision,
        background=background,
        anaphoric=is_anaphoric(group),
        reaction=all(is_reaction(t) for t in group),
        date_stated=date_stated,
        speaker=speaker,
        modality=modality,
        evidence=[evidence_span(sentence)],
        confidence=min(confidence, 0.95),
    )


def to_event(doc: Doc, incident: Incident) -> Event:
    """Freeze an incident into the output Event."""
    document = doc._.document
    digest = document.publication if document is not None else ""
    first = incident.evidence[0]
    key = f"{digest}:{first.start}:{incident.sub_event_type}".encode()
    return event_of(
        incident,
        hashlib.sha256(key).hexdigest()[:16],
        incident.modality,
        tuple(incident.evidence),
        round(incident.confidence, 2),
    )


__all__ = ["EventCoder", "find_events"]
