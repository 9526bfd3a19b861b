"""Analysts' reviews over the web: `POST /api/reviews` (JSON, token or session) and the review
form on an item's page (`POST /reviews`, CSRF token). Both store a new row of `reviews` with
the reviewer's name and the time; the machine's row is never touched.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from claimgraph.store import Store
from claimgraph.store.reviews import Review, ReviewError, add_review, history, review_json
from claimgraph.web.api import BEARER
from claimgraph.web.auth import Principal, api_analyst, check_csrf, page_user

router = APIRouter(tags=["reviews"])

INTEGER_FIELDS = {"time_precision", "fatalities", "fatalities_low", "fatalities_high"}
PAGES = {"event": "/events/", "claim": "/claims/", "edge": "/edges/"}


class ReviewIn(BaseModel):
    """An analyst's decision on one item."""

    item_kind: Literal["event", "claim", "edge"]
    item_id: str = Field(max_length=64)
    action: Literal["accept", "correct", "reject"]
    field: str | None = Field(default=None, max_length=64, description="For a correction.")
    value: Any = Field(default=None, description="The corrected value (null clears it).")
    note: str | None = Field(default=None, max_length=2000)


def typed_value(field: str | None, value: Any) -> Any:
    """Return a correction's value as its field's type (forms send text); 422 if it is not."""
    if field is None or value is None or value == "":
        return None
    try:
        if field in INTEGER_FIELDS:
            number = int(value)
            if number < 0:
                raise ValueError
            return number
        if field == "check_worthiness":
            return float(value)
        if field == "background":
            if isinstance(value, bool):
                return value
            return str(value).strip().lower() in {"true", "yes", "1", "on"}
    except (TypeError, ValueError):
        raise HTTPException(422, f"{field} takes a number, not {str(value)[:50]!r}") from None
    text = str(value).strip()
    if len(text) > 300:
        raise HTTPException(422, f"{field} takes at most 300 characters")
    return text


def store_review(request: Request, user: Principal, given: ReviewIn) -> Review:
    """Store the review in one transaction, or answer 404/422 saying why not."""
    store: Store = request.app.state.store
    review = Review(
        item_kind=given.item_kind,
        item_id=given.item_id,
        action=given.action,
        reviewer=user.name,
        field=given.field if given.action == "correct" else None,
        value=typed_value(given.field, given.value) if given.action == "correct" else None,
        note=(given.note or "").strip() or None,
    )
    try:
        with store.engine.begin() as connection:
            return add_review(connection, review)
    except ReviewError as error:
        status = 404 if str(error).startswith("no ") else 422
        raise HTTPException(status, str(error)) from None


@router.post("/api/reviews", status_code=201, dependencies=[BEARER])
def post_review(
    request: Request, given: ReviewIn, user: Annotated[Principal, Depends(api_analyst)]
) -> dict[str, Any]:
    """Accept, correct or reject an event, claim or edge (analysts and admins)."""
    stored = store_review(request, user, given)
    with request.app.state.store.reading() as connection:
        past = history(connection, given.item_kind, given.item_id)
    return {"review": review_json(stored), "review_history": [review_json(r) for r in past]}


@router.post("/reviews", include_in_schema=False)
def post_review_form(
    request: Request,
    user: Annotated[Principal, Depends(page_user)],
    item_kind: Annotated[str, Form(max_length=16)],
    item_id: Annotated[str, Form(max_length=64)],
    action: Annotated[str, Form(max_length=16)],
    csrf: Annotated[str, Form(max_length=100)],
    field: Annotated[str | None, Form(max_length=64)] = None,
    value: Annotated[str | None, Form(max_length=300)] = None,
    note: Annotated[str | None, Form(max_length=2000)] = None,
) -> RedirectResponse:
    """The review form of an item's page: store the review, then show the page again."""
    check_csrf(request, csrf)
    if not user.may("analyst"):
        raise HTTPException(403, f"{user.name} is a {user.role}: only analysts may review")
    if item_kind not in PAGES or action not in {"accept", "correct", "reject"}:
        raise HTTPException(422, "unknown item kind or action")
    given = ReviewIn.model_validate(
        {
            "item_kind": item_kind,
            "item_id": item_id,
            "action": action,
            "field": field or None,
            "value": value,
            "note": note,
        }
    )
    store_review(request, user, given)
    return RedirectResponse(f"{PAGES[item_kind]}{quote(item_id, safe='')}#history", status_code=303)
