"""Find an incident's arguments in its sentence: place, attacker, victims, death toll.

Every function reads a parsed sentence and the mentions other components found
(`doc._.places`, `doc._.actors`) and returns plain values; nothing is written to the Doc.
Three modules hold them: `event_scene` (where), `event_agents` (who), `event_victims` (how
many died); this one is the interface the event coder imports.
"""

from __future__ import annotations

from claimgraph.nlp.event_agents import (
    actor_in,
    argument_tokens,
    named_agent,
    preceding_actor,
    to_event_actor,
)
from claimgraph.nlp.event_scene import (
    geo_precision,
    paragraph_scene,
    rank_scene_places,
    to_location,
    token_at,
    tree_distance,
)
from claimgraph.nlp.event_victims import (
    NO_FATALITIES,
    Fatalities,
    fatalities_for,
    harms_people,
    stated_tally,
)

__all__ = [
    "NO_FATALITIES",
    "Fatalities",
    "actor_in",
    "argument_tokens",
    "fatalities_for",
    "geo_precision",
    "harms_people",
    "named_agent",
    "paragraph_scene",
    "preceding_actor",
    "rank_scene_places",
    "stated_tally",
    "to_event_actor",
    "to_location",
    "token_at",
    "tree_distance",
]
