"""Turn Records into JSON objects exactly as the output contract in DESIGN.md spells them."""

from __future__ import annotations

from typing import Any

from claimgraph.model import (
    Actor,
    Claim,
    Event,
    EventActor,
    Location,
    Place,
    Record,
    Rhetoric,
    Span,
    Speaker,
)


def record_to_json(record: Record, include_text: bool = False) -> dict[str, Any]:
    """Return the contract object of one document."""
    document = record.document
    doc_json: dict[str, Any] = {
        "title": document.title,
        "author": document.author,
        "outlet": document.outlet,
        "published": document.published,
        "url": document.url,
        "genre": record.genre,
        "genre_evidence": list(record.genre_evidence),
        "language": document.language,
        "sha256": document.sha256,
        "text_chars": len(document.text),
    }
    if include_text:
        doc_json["text"] = document.text
    return {
        "id": document.id,
        "document": doc_json,
        "events": [event_to_json(e) for e in record.events],
        "places": [place_to_json(p) for p in record.places],
        "actors": [actor_to_json(a) for a in record.actors],
        "claims": [claim_to_json(c) for c in record.claims],
        "rhetoric": [rhetoric_to_json(r) for r in record.rhetoric],
    }


def span_to_json(span: Span) -> dict[str, Any]:
    """Return an evidence span object."""
    return {"start": span.start, "end": span.end, "text": span.text}


def speaker_to_json(speaker: Speaker, with_offsets: bool) -> dict[str, Any]:
    """Return a speaker object (claims carry the mention offsets, events do not)."""
    out: dict[str, Any] = {"name": speaker.name, "type": speaker.type}
    if with_offsets:
        out["start"], out["end"] = speaker.start, speaker.end
    return out


def event_actor_to_json(actor: EventActor | None) -> dict[str, Any] | None:
    """Return actor1/actor2 of an event."""
    if actor is None:
        return None
    return {"name": actor.name, "text": actor.text, "kind": actor.kind}


def location_to_json(location: Location | None) -> dict[str, Any] | None:
    """Return an event location."""
    if location is None:
        return None
    return {
        "name": location.name,
        "geonameid": location.geonameid,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "country_code": location.country_code,
        "admin1": location.admin1,
        "admin2": location.admin2,
        "geo_precision": location.geo_precision,
    }


def event_to_json(event: Event) -> dict[str, Any]:
    """Return an event object."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date,
        "time_precision": event.time_precision,
        "actor1": event_actor_to_json(event.actor1),
        "actor2": event_actor_to_json(event.actor2),
        "background": event.background,
        "location": location_to_json(event.location),
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "speaker": speaker_to_json(event.speaker, with_offsets=False),
        "modality": event.modality,
        "evidence": [span_to_json(s) for s in event.evidence],
        "confidence": event.confidence,
    }


def place_to_json(place: Place) -> dict[str, Any]:
    """Return a place mention object."""
    return {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "name": place.name,
        "geonameid": place.geonameid,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin1_code": place.admin1_code,
        "admin2": place.admin2,
        "feature_code": place.feature_code,
    }


def actor_to_json(actor: Actor) -> dict[str, Any]:
    """Return an actor mention object."""
    return {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "name": actor.name,
        "kind": actor.kind,
    }


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """Return a claim object."""
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "speaker": speaker_to_json(claim.speaker, with_offsets=True),
        "cue": claim.cue,
        "cue_start": claim.cue_start,
        "cue_end": claim.cue_end,
        "modality": claim.modality,
        "hedge": span_to_json(claim.hedge) if claim.hedge else None,
        "check_worthiness": claim.check_worthiness,
    }


def rhetoric_to_json(item: Rhetoric) -> dict[str, Any]:
    """Return a rhetoric span object."""
    return {"kind": item.kind, "text": item.text, "start": item.start, "end": item.end}
