"""Analysts' reviews: accept, correct or reject an event, a claim or an edge.

A review is a new row of `reviews` with who and when; the machine's row is never changed, so
the original stays stored and the history of an item is every review of it, oldest first.
What a front end shows is the machine's value folded with that history (`ReviewState`), and
it says so: `apply_review` adds a `review` object naming the reviewer and the original values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from sqlalchemy import Connection, insert, select

from claimgraph.model import Event, EventActor, Location
from claimgraph.store import schema as t

ACTIONS: Final = ("accept", "correct", "reject")
# The tables an item kind lives in, and the fields a correction may change (dotted paths of
# the item's JSON, as the API shows it).
ITEM_TABLES: Final = {"event": t.events, "claim": t.claims, "edge": t.edges}
CORRECTABLE: Final[dict[str, tuple[str, ...]]] = {
    "event": (
        "event_type",
        "sub_event_type",
        "event_date",
        "time_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "modality",
        "background",
        "actor1.name",
        "actor2.name",
        "location.name",
        "speaker.name",
        "speaker.type",
    ),
    "claim": ("modality", "speaker.name", "speaker.type", "check_worthiness"),
    "edge": ("relation", "subject_name", "object_name", "modality", "speaker_name"),
}


class ReviewError(ValueError):
    """A review that cannot be stored: unknown item, action or field."""


@dataclass(frozen=True, slots=True)
class Review:
    """One analyst's decision on one item."""

    item_kind: str
    item_id: str
    action: str
    reviewer: str
    field: str | None = None
    value: Any = None
    note: str | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where an item stands after its reviews: status, last reviewer, corrected fields."""

    status: str  # accepted | corrected | rejected
    reviewer: str
    reviewed_at: str
    corrections: dict[str, Any] = field(default_factory=dict)


def now() -> str:
    """Return the current UTC time as an ISO string."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def check_review(connection: Connection, review: Review) -> None:
    """Raise ReviewError unless the item exists and the action and field are known."""
    table = ITEM_TABLES.get(review.item_kind)
    if table is None:
        raise ReviewError(f"unknown item kind {review.item_kind!r} (event, claim, edge)")
    if review.action not in ACTIONS:
        raise ReviewError(f"unknown action {review.action!r} (accept, correct, reject)")
    if not review.reviewer.strip():
        raise ReviewError("a review needs a reviewer")
    if review.action == "correct":
        allowed = CORRECTABLE[review.item_kind]
        if review.field not in allowed:
            raise ReviewError(
                f"a {review.item_kind} correction names a field: {', '.join(allowed)}"
            )
    found = connection.execute(select(table.c.id).where(table.c.id == review.item_id)).first()
    if found is None:
        raise ReviewError(f"no {review.item_kind} {review.item_id!r}")


def add_review(connection: Connection, review: Review) -> Review:
    """Store a review (after checking it) and return it with its id and time."""
    check_review(connection, review)
    created = review.created_at or now()
    result = connection.execute(
        insert(t.reviews).values(
            item_kind=review.item_kind,
            item_id=review.item_id,
            action=review.action,
            field=review.field if review.action == "correct" else None,
            value=review.value if review.action == "correct" else None,
            reviewer=review.reviewer,
            note=review.note,
            created_at=created,
        )
    )
    key = result.inserted_primary_key
    return Review(
        review.item_kind,
        review.item_id,
        review.action,
        review.reviewer,
        review.field if review.action == "correct" else None,
        review.value if review.action == "correct" else None,
        review.note,
        created,
        int(key[0]) if key else None,
    )


def reviews_of(
    connection: Connection, item_kind: str, item_ids: Sequence[str]
) -> dict[str, list[Review]]:
    """Return the reviews of each item, oldest first (items without reviews are left out)."""
    found: dict[str, list[Review]] = defaultdict(list)
    r = t.reviews.c
    for begin in range(0, len(item_ids), 500):
        chunk = list(item_ids[begin : begin + 500])
        rows = connection.execute(
            select(t.reviews)
            .where(r.item_kind == item_kind, r.item_id.in_(chunk))
            .order_by(r.created_at, r.id)
        ).mappings()
        for row in rows:
            found[row["item_id"]].append(
                Review(
                    row["item_kind"],
                    row["item_id"],
                    row["action"],
                    row["reviewer"],
                    row["field"],
                    row["value"],
                    row["note"],
                    row["created_at"],
                    row["id"],
                )
            )
    return dict(found)


def history(connection: Connection, item_kind: str, item_id: str) -> list[Review]:
    """Return one item's reviews, oldest first."""
    return reviews_of(connection, item_kind, [item_id]).get(item_id, [])


def fold(reviews: Iterable[Review]) -> ReviewState | None:
    """Return where an item stands after its reviews, oldest first (None: never reviewed).

    Corrections accumulate (the latest value of a field wins); accepting keeps them; a
    rejection marks the item rejected until a later review says otherwise.
    """
    state: ReviewState | None = None
    corrections: dict[str, Any] = {}
    for review in reviews:
        if review.action == "correct" and review.field:
            corrections[review.field] = review.value
            status = "corrected"
        elif review.action == "reject":
            status = "rejected"
        else:
            status = "corrected" if corrections else "accepted"
        state = ReviewState(status, review.reviewer, review.created_at, dict(corrections))
    return state


def review_json(review: Review) -> dict[str, Any]:
    """Return a review as the API shows it."""
    return {
        "id": review.id,
        "item_kind": review.item_kind,
        "item_id": review.item_id,
        "action": review.action,
        "field": review.field,
        "value": review.value,
        "reviewer": review.reviewer,
        "note": review.note,
        "created_at": review.created_at,
    }


def get_path(item: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted path of a JSON object (None when absent)."""
    value: Any = item
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def set_path(item: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path, creating objects on the way."""
    *parents, last = path.split(".")
    target = item
    for part in parents:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[last] = value


def apply_review(item: dict[str, Any], reviews: Sequence[Review]) -> dict[str, Any]:
    """Return the item's JSON with its corrections applied and a `review` object saying so.

    `review` is null for an item nobody reviewed; otherwise it names the status, the last
    reviewer and time, and the machine's original value of every corrected field.
    """
    state = fold(reviews)
    shown = dict(item)
    if state is None:
        shown["review"] = None
        return shown
    original = {}
    for path, value in state.corrections.items():
        original[path] = get_path(item, path)
        if "." in path:
            # Copy the nested object before changing it: the machine's value stays as it was.
            head = path.split(".", 1)[0]
            nested = item.get(head)
            shown[head] = dict(nested) if isinstance(nested, dict) else {}
        set_path(shown, path, value)
    shown["review"] = {
        "status": state.status,
        "reviewer": state.reviewer,
        "reviewed_at": state.reviewed_at,
        "corrected": state.corrections,
        "original": original,
        "reviews": len(reviews),
    }
    return shown


def reviewed_event(event: Event, reviews: Sequence[Review]) -> Event | None:
    """Return the event as its analysts left it: corrections applied, None when rejected.

    For exports, which write model values: the machine's Event is not changed (a new one is
    returned). A corrected actor or place that the machine had not found is added by name
    only (a place then has no coordinates and the vaguest geo precision, 3).
    """
    state = fold(reviews)
    if state is None:
        return event
    if state.status == "rejected":
        return None
    changes: dict[str, Any] = {}
    for path, value in state.corrections.items():
        head, _, leaf = path.partition(".")
        if not leaf:
            changes[head] = value
        elif head in {"actor1", "actor2"}:
            actor = changes.get(head, getattr(event, head))
            changes[head] = (
                None
                if value is None
                else replace(actor, name=value)
                if actor is not None
                else EventActor(name=value, text=value, kind=None)
            )
        elif head == "location":
            place = changes.get("location", event.location)
            changes["location"] = (
                None
                if value is None
                else replace(place, name=value)
                if place is not None
                else Location(value, None, None, None, None, None, None, 3)
            )
        elif head == "speaker":
            speaker = changes.get("speaker", event.speaker)
            changes["speaker"] = replace(speaker, **{leaf: value})
    return replace(event, **changes)


def reviewed_events(connection: Connection, events: Iterable[Event]) -> list[Event]:
    """Return the events as their analysts left them, leaving out the rejected ones."""
    found = list(events)
    reviews = reviews_of(connection, "event", [event.id for event in found])
    kept = (reviewed_event(event, reviews.get(event.id, [])) for event in found)
    return [event for event in kept if event is not None]
