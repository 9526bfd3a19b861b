"""The JSON API: events, documents, claims, edges, the graph, actors, places, assertions,
the timeline and the map's points, and exports through the export registry. Lists are paged:
`{"total", "limit", "offset", "items"}`. Reviewed items carry their analysts' values and a
`review` object that says who reviewed them (null when nobody did).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from claimgraph import export
from claimgraph.store import Store, browse
from claimgraph.store import schema as t
from claimgraph.store.read import ClaimFilter, EventFilter, list_documents
from claimgraph.store.reviews import history, review_json
from claimgraph.store.users import UserError, add_user, list_users, remove_user
from claimgraph.web import views
from claimgraph.web.auth import Principal, api_admin, api_user

# The bearer scheme is declared so /docs offers "Authorize"; api_user does the checking.
BEARER = Depends(HTTPBearer(auto_error=False, description="A token from `claimgraph users add`."))
router = APIRouter(prefix="/api", tags=["record"], dependencies=[BEARER, Depends(api_user)])
exports = APIRouter(tags=["exports"], dependencies=[BEARER, Depends(api_user)])

MAP_POINTS = 5000  # beyond this a browser's SVG markers get slow
Limit = Annotated[int, Query(ge=0, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, description="Skip this many first.")]
Text = Annotated[str | None, Query(max_length=300)]


def store_of(request: Request) -> Store:
    """Return the app's store."""
    store: Store = request.app.state.store
    return store


def iso_date(value: str | None, name: str) -> str | None:
    """Return an ISO date or 422."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def event_filter(
    country: Text = None,
    admin1: Text = None,
    event_type: Text = None,
    sub_event_type: Text = None,
    since: Text = None,
    until: Text = None,
    actor: Text = None,
    text: Text = None,
    document: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventFilter:
    """The filters of `claimgraph events`, as query parameters."""
    return EventFilter(
        country=country or None,
        admin1=admin1 or None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        since=iso_date(since, "since"),
        until=iso_date(until, "until"),
        actor=actor or None,
        text=text or None,
        document_id=document or None,
        limit=limit,
        offset=offset,
    )


Events = Annotated[EventFilter, Depends(event_filter)]


def page(total: int, limit: int | None, offset: int, items: list[Any]) -> dict[str, Any]:
    """Return one page of a list."""
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events")
def events(request: Request, flt: Events) -> dict[str, Any]:
    """List events, newest first, with the filters of `claimgraph events`."""
    with store_of(request).reading() as connection:
        total = browse.count_events(connection, flt)
        items = views.event_items(connection, flt)
    return page(total, flt.limit, flt.offset, items)


def with_review_history(
    connection: Connection, kind: str, item_id: str, found: list[dict[str, Any]]
) -> dict[str, Any]:
    """Return the one item found with its review history, or answer 404 when none was."""
    if not found:
        raise HTTPException(404, f"no {kind} {item_id!r}")
    reviews = [review_json(r) for r in history(connection, kind, item_id)]
    return {**found[0], "review_history": reviews}


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> dict[str, Any]:
    """Return one event with its document and review history."""
    with store_of(request).reading() as connection:
        found = views.event_items(connection, EventFilter(event_id=event_id))
        return with_review_history(connection, "event", event_id, found)


@router.get("/documents")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """List documents in the order they were ingested."""
    with store_of(request).reading() as connection:
        total = browse.count_table(connection, t.documents)
        items = [
            d.as_json(genre_evidence=True)
            for d in list_documents(connection, limit=limit, offset=offset)
        ]
    return page(total, limit, offset, items)


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str) -> dict[str, Any]:
    """Return a document with its text, events, claims, places, actors, rhetoric and edges."""
    with store_of(request).reading() as connection:
        found = views.document_detail(connection, document_id)
    if found is None:
        raise HTTPException(404, f"no document {document_id!r}")
    found["events"] = found.pop("event_items")
    found["claims"] = found.pop("claim_items")
    return found


@router.get("/claims")
def claims(
    request: Request,
    speaker: Text = None,
    speaker_type: Text = None,
    modality: Text = None,
    document: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """List claims in document order, by speaker, speaker type, modality or document."""
    flt = ClaimFilter(
        speaker=speaker or None,
        speaker_type=speaker_type or None,
        modality=modality or None,
        document_id=document or None,
        limit=limit,
        offset=offset,
    )
    with store_of(request).reading() as connection:
        total = views.count_claims(connection, flt)
        items = views.claim_items(connection, flt)
    return page(total, limit, offset, items)


@router.get("/claims/{claim_id}")
def claim(request: Request, claim_id: str) -> dict[str, Any]:
    """Return one claim with its review history."""
    with store_of(request).reading() as connection:
        found = views.claim_items(connection, ClaimFilter(claim_id=claim_id))
        return with_review_history(connection, "claim", claim_id, found)


@router.get("/edges")
def edges(
    request: Request,
    entity: Text = None,
    document: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """List claim edges (subject, relation, object, who says so), optionally about an entity."""
    with store_of(request).reading() as connection:
        total, rows = browse.list_edges(
            connection, limit=limit, offset=offset, entity=entity, document_id=document
        )
        items = views.edge_items(connection, rows)
    return page(total, limit, offset, items)


@router.get("/edges/{edge_id}")
def edge(request: Request, edge_id: str) -> dict[str, Any]:
    """Return one claim edge with its review history."""
    with store_of(request).reading() as connection:
        _, rows = browse.list_edges(connection, edge_id=edge_id)
        return with_review_history(connection, "edge", edge_id, views.edge_items(connection, rows))


@router.get("/graph")
def graph(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    """Return nodes (actors, places) and links (claim edges, and what events link)."""
    with store_of(request).reading() as connection:
        return views.graph(connection, limit)


@router.get("/actors")
def actors(
    request: Request, name: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """List canonical actors with how many mentions and documents name them."""
    with store_of(request).reading() as connection:
        total, items = browse.list_actors(connection, limit=limit, offset=offset, name=name)
    return page(total, limit, offset, items)


@router.get("/places")
def places(
    request: Request, country: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """List resolved places with how many mentions and events they have."""
    with store_of(request).reading() as connection:
        total, items = browse.list_places(connection, limit=limit, offset=offset, country=country)
    return page(total, limit, offset, items)


@router.get("/assertions")
def assertions(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """List assertions (one incident across documents), the best supported first."""
    with store_of(request).reading() as connection:
        total, items = browse.list_assertions(connection, limit=limit, offset=offset)
    return page(total, limit, offset, items)


@router.get("/assertions/{assertion_id}")
def assertion(request: Request, assertion_id: str) -> dict[str, Any]:
    """Return an assertion with every supporting report and the values they disagree on."""
    with store_of(request).reading() as connection:
        found = browse.assertion_of(connection, assertion_id)
        if found is None:
            raise HTTPException(404, f"no assertion {assertion_id!r}")
        support = browse.assertion_support(connection, assertion_id)
    return {**found, "support": support}


@router.get("/timeline")
def timeline(request: Request, flt: Events) -> dict[str, Any]:
    """Return events per week (Monday of each week, count), with the events filters."""
    with store_of(request).reading() as connection:
        weeks = browse.events_per_week(connection, flt)
    return {"weeks": [{"week": week, "events": n} for week, n in weeks]}


@router.get("/map")
def map_points(request: Request, flt: Events) -> dict[str, Any]:
    """Return the located events as a GeoJSON FeatureCollection (at most 5,000 points)."""
    # Every located event (up to 5,000), not the list's default page of 50.
    given = flt.limit if "limit" in request.query_params else None
    flt = replace(flt, limit=min(given or MAP_POINTS, MAP_POINTS))
    with store_of(request).reading() as connection:
        items = views.event_items(connection, flt)
    features = []
    for item in items:
        location = item.get("location") or {}
        lat, lon = location.get("latitude"), location.get("longitude")
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": item["id"],
                    "sub_event_type": item["sub_event_type"],
                    "event_date": item["event_date"],
                    "place": location.get("name"),
                    "fatalities": item["fatalities"],
                    "reviewed": (item["review"] or {}).get("status"),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


@router.get("/reviews")
def reviews(request: Request, item_kind: str, item_id: str) -> dict[str, Any]:
    """Return an item's review history, oldest first."""
    with store_of(request).reading() as connection:
        return {"items": [review_json(r) for r in history(connection, item_kind, item_id)]}


@router.get("/users")
def users(request: Request, _admin: Annotated[Principal, Depends(api_admin)]) -> dict[str, Any]:
    """List users and roles (admins only; tokens are never shown again)."""
    with store_of(request).reading() as connection:
        found = list_users(connection)
    return {"items": [{"name": u.name, "role": u.role, "created_at": u.created_at} for u in found]}


class UserIn(BaseModel):
    """A user to add: their name and role."""

    name: str = Field(min_length=1, max_length=200)
    role: Literal["viewer", "analyst", "admin"] = "viewer"


@router.post("/users", status_code=201)
def add_user_route(
    request: Request, given: UserIn, _admin: Annotated[Principal, Depends(api_admin)]
) -> dict[str, Any]:
    """Add a user (admins only); the answer holds their token, shown this once."""
    try:
        with store_of(request).engine.begin() as connection:
            token = add_user(connection, given.name, given.role)
    except UserError as error:
        raise HTTPException(409, str(error)) from None
    return {"name": given.name.strip(), "role": given.role, "token": token}


@router.delete("/users/{name}", status_code=204)
def remove_user_route(
    request: Request, name: str, admin: Annotated[Principal, Depends(api_admin)]
) -> Response:
    """Remove a user (admins only; not yourself); their token stops working."""
    if name == admin.name:
        raise HTTPException(409, "an admin cannot remove themself")
    with store_of(request).engine.begin() as connection:
        removed = remove_user(connection, name)
    if not removed:
        raise HTTPException(404, f"no user {name!r}")
    request.app.state.check_token.forget()
    return Response(status_code=204)


@router.get("/me")
def me(user: Annotated[Principal, Depends(api_user)]) -> dict[str, Any]:
    """Return who the request acts as."""
    return {"name": user.name, "role": user.role, "logged_in": user.logged_in}


def store_exporters() -> dict[str, export.StoreExporter]:
    """Return the registry's store exporters by the suffix of their URL (/export.csv)."""
    return {exporter.suffix.lstrip("."): exporter for exporter in export.store_exporters().values()}


@exports.get("/export.{suffix}")
def export_file(request: Request, suffix: str, flt: Events) -> Response:
    """Export the events (filters as /api/events; every match unless `limit` is given) and
    what they rest on, in the registry's format for that suffix (csv, geojson, json, ...)."""
    # The bundle reader lives with the `export` command for now (it reads the store into
    # model values); the web and the CLI export the same thing.
    from claimgraph.store.bundle import read_bundle

    known = store_exporters()
    exporter = known.get(suffix)
    if exporter is None:
        names = ", ".join(sorted(known)) or "none yet"
        raise HTTPException(404, f"no export format with suffix {suffix!r} (known: {names})")
    if "limit" not in request.query_params:
        flt = replace(flt, limit=None, offset=0)
    out = io.StringIO()
    with store_of(request).reading() as connection:
        exporter.write(read_bundle(connection, flt), out)
    return Response(
        out.getvalue(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="claimgraph.{suffix}"'},
    )
