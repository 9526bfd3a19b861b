"""Turn Records into JSON objects exactly as the output contract in DESIGN.md spells them."""

from __future__ import annotations

from dataclasses import fields
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


def flat(obj: Any, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return a flat dataclass's fields in declaration order (the model mirrors the contract)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name not in leave_out}


def span_to_json(span: Span) -> dict[str, Any]:
    """Return an evidence span object."""
    return flat(span)


def speaker_to_json(speaker: Speaker, with_offsets: bool) -> dict[str, Any]:
    """Return a speaker object (claims carry the mention offsets, events do not)."""
    return flat(speaker, () if with_offsets else ("start", "end"))


def event_actor_to_json(actor: EventActor | None) -> dict[str, Any] | None:
    """Return actor1/actor2 of an event."""
    return None if actor is None else flat(actor)


def location_to_json(location: Location | None) -> dict[str, Any] | None:
    """Return an event location."""
    return None if location is None else flat(location)


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
    return flat(place)


def actor_to_json(actor: Actor) -> dict[str, Any]:
    """Return an actor mention object (the lexicon parent stays internal for now)."""
    return flat(actor, ("parent",))


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
    return flat(item)
