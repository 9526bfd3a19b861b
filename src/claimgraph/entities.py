"""Keys that make an entity the same across documents, so the claim graph joins.

Countries by ISO code ("country:PK"), other places by GeoNames id (or "name:<text>" when
unresolved), actors by their canonical lexicon name, persons by name. Pure: values in, values
out; used by the analysis (relations_v1) and by the store (claim links) alike.
"""

from __future__ import annotations

from claimgraph.model import Actor, EntityRef, Place


def country_entity(code: str, name: str) -> EntityRef:
    """Return the entity of a country, keyed by its ISO code."""
    return EntityRef("place", f"country:{code.upper()}", name)


def place_entity(place: Place) -> EntityRef:
    """Return the entity a place mention refers to."""
    if (place.feature_code or "").startswith("PCL") and place.country_code:
        return country_entity(place.country_code, place.name or place.text)
    if place.geonameid is not None:
        return EntityRef("place", str(place.geonameid), place.name or place.text)
    return EntityRef("place", f"name:{place.text.lower()}", place.text)


def actor_entity(actor: Actor) -> EntityRef:
    """Return the entity an actor mention refers to (its canonical name)."""
    return EntityRef("actor", actor.name, actor.name)
