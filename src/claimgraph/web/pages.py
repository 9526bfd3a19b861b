"""Server-rendered pages: home, documents (text with highlighted spans), events table, item
pages with their review form and history, map, timeline, graph, assertions, login, API docs.

Templates autoescape; the document text is marked up only by `highlight` (escaped slices);
the map, graph and side panel scripts are static files that read JSON from the API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimgraph.store import Store, browse
from claimgraph.store.read import ClaimFilter, EventFilter, count_rows, list_documents
from claimgraph.store.reviews import CORRECTABLE, history
from claimgraph.taxonomy import EVENT_TYPES, SUB_EVENT_TYPE_NAMES
from claimgraph.web import views
from claimgraph.web.api import Events
from claimgraph.web.auth import (
    SESSION_COOKIE,
    Principal,
    check_csrf,
    page_session,
    page_user,
)
from claimgraph.web.highlight import Mark, highlight

router = APIRouter(include_in_schema=False)
User = Annotated[Principal, Depends(page_user)]
PAGE = 50


def render(request: Request, template: str, user: Principal | None, **context: Any) -> Response:
    """Render a page with the user and the session's CSRF token for its forms."""
    session = page_session(request)
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        template,
        {
            "user": user,
            "csrf": session.csrf,
            "require_auth": request.app.state.settings.require_auth,
            **context,
        },
    )


def store_of(request: Request) -> Store:
    """Return the app's store."""
    store: Store = request.app.state.store
    return store


def pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    """Return the links to the previous and next pages of a list, keeping its filters."""
    params = {k: v for k, v in request.query_params.items() if k not in {"offset"} and v}

    def link(to: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': to})}"

    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "previous": link(max(offset - limit, 0)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request, user: User, offset: int = 0) -> Response:
    """The record at a glance: counts and documents, newest ingested last."""
    offset = max(offset, 0)
    with store_of(request).reading() as connection:
        counts = count_rows(connection)
        docs = [
            d.as_json(genre_evidence=True)
            for d in list_documents(connection, limit=PAGE, offset=offset)
        ]
    return render(
        request,
        "home.html",
        user,
        counts=counts,
        documents=docs,
        pager=pager(request, counts["documents"], PAGE, offset),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, user: User, offset: int = 0) -> Response:
    """Every document, paged."""
    return home(request, user, offset)


def document_marks(detail: dict[str, Any]) -> list[Mark]:
    """Return every span of a document to highlight, with the ref of its panel entry."""
    marks: list[Mark] = []
    for i, event in enumerate(detail["event_items"]):
        marks.extend(Mark(s["start"], s["end"], "event", f"e{i}") for s in event["evidence"])
    for i, claim in enumerate(detail["claim_items"]):
        marks.append(Mark(claim["start"], claim["end"], "claim", f"c{i}"))
    for i, place in enumerate(detail["places"]):
        marks.append(Mark(place["start"], place["end"], "place", f"p{i}"))
    for i, actor in enumerate(detail["actors"]):
        marks.append(Mark(actor["start"], actor["end"], "actor", f"a{i}"))
    for i, item in enumerate(detail["rhetoric"]):
        marks.append(Mark(item["start"], item["end"], "rhetoric", f"r{i}"))
    return marks


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, user: User, document_id: str) -> Response:
    """A document's text with its events, claims, places, actors and rhetoric highlighted."""
    with store_of(request).reading() as connection:
        detail = views.document_detail(connection, document_id)
    if detail is None:
        raise HTTPException(404, f"There is no document {document_id!r}.")
    marked = highlight(detail["text"], document_marks(detail))
    return render(request, "document.html", user, doc=detail, marked=marked)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, user: User, flt: Events) -> Response:
    """The events table: filters, paging, each row linked to its event and document."""
    limit = min(flt.limit or PAGE, 500)
    flt = replace(flt, limit=limit)
    with store_of(request).reading() as connection:
        total = browse.count_events(connection, flt)
        items = views.event_items(connection, flt)
    return render(
        request,
        "events.html",
        user,
        event_types=EVENT_TYPES,
        sub_event_types=SUB_EVENT_TYPE_NAMES,
        events=items,
        filters=dict(request.query_params),
        pager=pager(request, total, limit, flt.offset),
    )


def item_page(
    request: Request, user: Principal, kind: str, item: dict[str, Any], template: str
) -> Response:
    """Render an event, claim or edge page with its review form and history."""
    with store_of(request).reading() as connection:
        past = history(connection, kind, item["id"])
        docs = list_documents(connection, document_id=item["document_id"])
    return render(
        request,
        template,
        user,
        item=item,
        kind=kind,
        history=past,
        fields=CORRECTABLE[kind],
        doc=docs[0].as_json(genre_evidence=True) if docs else None,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, user: User, event_id: str) -> Response:
    """One event: coded fields, evidence, speaker, review form and history."""
    with store_of(request).reading() as connection:
        found = views.event_items(connection, EventFilter(event_id=event_id))
    if not found:
        raise HTTPException(404, f"There is no event {event_id!r}.")
    return item_page(request, user, "event", found[0], "event.html")


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    user: User,
    speaker: str | None = None,
    speaker_type: str | None = None,
    modality: str | None = None,
    offset: int = 0,
) -> Response:
    """Claims, paged, by speaker, speaker type and modality."""
    flt = ClaimFilter(
        speaker=speaker or None,
        speaker_type=speaker_type or None,
        modality=modality or None,
        limit=PAGE,
        offset=max(offset, 0),
    )
    with store_of(request).reading() as connection:
        total = views.count_claims(connection, flt)
        items = views.claim_items(connection, flt)
    return render(
        request,
        "claims.html",
        user,
        claims=items,
        filters=dict(request.query_params),
        pager=pager(request, total, PAGE, flt.offset),
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, user: User, claim_id: str) -> Response:
    """One claim: speaker, modality, text, review form and history."""
    with store_of(request).reading() as connection:
        found = views.claim_items(connection, ClaimFilter(claim_id=claim_id))
    if not found:
        raise HTTPException(404, f"There is no claim {claim_id!r}.")
    return item_page(request, user, "claim", found[0], "claim.html")


@router.get("/edges/{edge_id}", response_class=HTMLResponse)
def edge(request: Request, user: User, edge_id: str) -> Response:
    """One claim edge: subject, relation, object, who says so, review form and history."""
    with store_of(request).reading() as connection:
        _, rows = browse.list_edges(connection, edge_id=edge_id)
        items = views.edge_items(connection, rows)
    if not items:
        raise HTTPException(404, f"There is no edge {edge_id!r}.")
    return item_page(request, user, "edge", items[0], "edge.html")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, user: User) -> Response:
    """Located events on country outlines (bundled; no tile server)."""
    query = urlencode({k: v for k, v in request.query_params.items() if v})
    return render(request, "map.html", user, query=query)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, user: User, flt: Events) -> Response:
    """Events per week as bars (server-drawn SVG)."""
    with store_of(request).reading() as connection:
        weeks = browse.events_per_week(connection, flt)
    most = max((n for _, n in weeks), default=0)
    bars = [(week, week_end(week), n) for week, n in weeks]
    return render(
        request,
        "timeline.html",
        user,
        weeks=bars,
        most=most,
        filters=dict(request.query_params),
    )


def week_end(monday: str) -> str:
    """Return the Sunday of the week that starts on a Monday (ISO dates)."""
    return (dt.date.fromisoformat(monday) + dt.timedelta(days=6)).isoformat()


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, user: User, offset: int = 0) -> Response:
    """Actors, places and the claim edges between them (drawn by static/graph.js)."""
    offset = max(offset, 0)
    with store_of(request).reading() as connection:
        total, rows = browse.list_edges(connection, limit=PAGE, offset=offset)
        edges = views.edge_items(connection, rows)
    return render(
        request, "graph.html", user, edges=edges, pager=pager(request, total, PAGE, offset)
    )


@router.get("/assertions", response_class=HTMLResponse)
def assertions(request: Request, user: User, offset: int = 0) -> Response:
    """Incidents across documents, the best supported first."""
    offset = max(offset, 0)
    with store_of(request).reading() as connection:
        total, items = browse.list_assertions(connection, limit=PAGE, offset=offset)
    return render(
        request,
        "assertions.html",
        user,
        assertions=items,
        pager=pager(request, total, PAGE, offset),
    )


@router.get("/assertions/{assertion_id}", response_class=HTMLResponse)
def assertion(request: Request, user: User, assertion_id: str) -> Response:
    """One incident: every supporting report, independent sources, conflicting values."""
    with store_of(request).reading() as connection:
        found = browse.assertion_of(connection, assertion_id)
        support = browse.assertion_support(connection, assertion_id) if found else []
    if found is None:
        raise HTTPException(404, f"There is no assertion {assertion_id!r}.")
    compared = ("event_date", "location_name", "fatalities", "actor1", "sub_event_type")
    differs = {f for f in compared if len({str(row[f]) for row in support}) > 1}
    return render(
        request,
        "assertion.html",
        user,
        assertion=found,
        support=support,
        compared=compared,
        differs=differs,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, user: User, name: str | None = None, offset: int = 0) -> Response:
    """Canonical actors with their mentions."""
    offset = max(offset, 0)
    with store_of(request).reading() as connection:
        total, items = browse.list_actors(connection, limit=PAGE, offset=offset, name=name)
    return render(
        request, "actors.html", user, actors=items, pager=pager(request, total, PAGE, offset)
    )


@router.get("/places", response_class=HTMLResponse)
def places(request: Request, user: User, country: str | None = None, offset: int = 0) -> Response:
    """Resolved places with their mentions and events."""
    offset = max(offset, 0)
    with store_of(request).reading() as connection:
        total, items = browse.list_places(connection, limit=PAGE, offset=offset, country=country)
    return render(
        request, "places.html", user, places=items, pager=pager(request, total, PAGE, offset)
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The OpenAPI docs (Swagger UI bundled under /static)."""
    return render(request, "docs.html", None)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/", failed: bool = False) -> Response:
    """Ask for a token; a good one starts a session for the pages."""
    return render(request, "login.html", None, next=safe_next(next), failed=failed)


def safe_next(target: str) -> str:
    """Return a local path to go to after logging in (never another site)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form(max_length=200)],
    csrf: Annotated[str, Form(max_length=100)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Exchange a token for a session cookie (HttpOnly, SameSite=Strict)."""
    from claimgraph.web.app import set_session_cookie  # app imports this module

    check_csrf(request, csrf)
    user = request.app.state.check_token(token)
    if user is None:
        return RedirectResponse(
            f"/login?{urlencode({'next': safe_next(next), 'failed': 'true'})}", status_code=303
        )
    sessions = request.app.state.sessions
    sessions.drop(request.cookies.get(SESSION_COOKIE))  # a new id: no session fixation
    sid, _ = sessions.new(user)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_session_cookie(response, request, sid)
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=100)]) -> Response:
    """End the session."""
    check_csrf(request, csrf)
    request.app.state.sessions.drop(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
