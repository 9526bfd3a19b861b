"""Who the article holds responsible for its unattributed attacks (part of events.v1).

Coders attribute an article's attacks to the group that claimed them when the sentence
reporting an attack names no attacker; failing a claim, to the one non-state armed group the
article keeps naming.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from claimgraph.model import Actor, EventActor
from claimgraph.nlp.event_arguments import (
    to_event_actor,
)
from claimgraph.nlp.event_merge import Incident
from claimgraph.taxonomy import EVENT_TYPE_OF

NON_STATE_ARMED = frozenset({"rebel", "militia", "identity_militia", "external"})


ATTACK_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def attribute_unnamed_attackers(
    incidents: list[Incident], doc: Doc, actors: Sequence[Actor]
) -> None:
    """Give attacks with no named attacker the group the article holds responsible, if any.

    Coders attribute an article's attacks to the group that claimed them when the sentence
    reporting an attack names no attacker; failing a claim, to the one non-state armed group
    the article keeps naming — unless the article shows that group attacked more than attacking.
    """
    attacks = [i for i in incidents if EVENT_TYPE_OF[i.sub_event_type] in ATTACK_TYPES]
    parents = {a.name: a.parent for a in actors if a.parent}
    claimed = claimed_responsibility(doc, actors)
    dominant = dominant_armed_group(actors)
    if dominant is not None:
        family = {dominant.name, dominant.parent} - {None}

        def in_family(actor: EventActor | None) -> bool:
            return actor is not None and bool({actor.name, parents.get(actor.name)} & family)

        attacked = sum(in_family(i.actor2) for i in attacks)
        attacking = sum(in_family(i.actor1) for i in attacks)
        # An article about strikes on a group does not make it the striker.
        if attacked >= 2 and attacked > attacking:
            dominant = None
    attacker = claimed or dominant
    if attacker is None:
        return
    for incident in incidents:
        own_victim = incident.actor2 is not None and incident.actor2.name in {
            attacker.name,
            attacker.parent,
        }
        # Air power is a state's; militants killed are likelier the group's own than its victims.
        armed_victims = incident.actor2 is not None and incident.actor2.kind == "unidentified"
        if (
            incident.actor1 is None
            and EVENT_TYPE_OF[incident.sub_event_type] in ATTACK_TYPES
            and incident.sub_event_type != "Air/drone strike"
            and not own_victim
            and not (armed_victims and attacker is dominant)
        ):
            incident.actor1 = to_event_actor(attacker)


def claimed_responsibility(doc: Doc, actors: Sequence[Actor]) -> Actor | None:
    """Return the first actor the text says claimed responsibility for an attack, if any."""
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        verb = span.root.head
        if verb.lemma_.lower() in {"claim", "accept", "admit"} and any(
            c.lemma_.lower() in {"responsibility", "attack", "bombing"} for c in verb.subtree
        ):
            return actor
    return None


def dominant_armed_group(actors: Sequence[Actor], min_mentions: int = 2) -> Actor | None:
    """Return the one non-state armed group a document keeps naming, if one clearly dominates."""
    counts = Counter(a.name for a in actors if a.kind in NON_STATE_ARMED)
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    if n < min_mentions or (rest and rest[0][1] * 2 > n):
        return None
    return next(a for a in actors if a.name == top)
