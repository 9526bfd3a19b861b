"""The app factory: `create_app(store_url, settings)` wires the store, auth, routes and the
security headers every response carries.
"""

from __future__ import annotations

import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.store import Store
from claimgraph.web.auth import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    LoginRequired,
    Sessions,
    TokenCheck,
    is_loopback,
    same_origin,
)

HERE = Path(__file__).parent
# Scripts and styles come from /static only: no inline script, no CDN, nothing from data.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the app runs: whether a login is required, who reviews without one, limits."""

    require_auth: bool = False
    local_user: str = "local analyst"  # the reviewer's name when nobody logs in
    page_size: int = 50
    max_page_size: int = 500
    max_body_bytes: int = 1_000_000


class BodyLimit:
    """Refuse a request whose body grows past the limit while it is read (a chunked body
    has no Content-Length to check first): the route gets a 413 instead of the rest."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def limited() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, "request body too large")
            return message

        await self.app(scope, limited, send)


def closing(store: Store) -> Any:
    """Return the app's lifespan: release the store's connections when the server stops."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    return lifespan


def wants_json(request: Request) -> bool:
    """Return whether an error should be JSON (the API) rather than a page."""
    path = request.url.path
    return path.startswith("/api/") or path.startswith("/export.") or path == "/openapi.json"


def create_app(store_url: str, settings: WebSettings | None = None) -> FastAPI:
    """Return the web app over the store at `store_url` (opened, and migrated, here)."""
    from claimgraph.web import api, pages, review

    settings = settings or WebSettings()
    store = Store.open(store_url)
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="The record: events, claims, documents, actors, places, claim edges, "
        "reviews. Send `Authorization: Bearer <token>` when the server requires it.",
        docs_url=None,  # served by pages.docs with bundled Swagger UI (no CDN, no inline script)
        redoc_url=None,
        lifespan=closing(store),
    )
    app.state.store = store
    app.state.settings = settings
    app.state.sessions = Sessions()
    app.state.check_token = TokenCheck(store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every template, whatever its suffix
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.include_router(api.router)
    app.include_router(api.exports)
    app.include_router(review.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        """Refuse oversized and cross-origin writes; add the headers and the session cookie."""
        response: Response
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body_bytes):
            response = JSONResponse({"detail": "request body too large"}, status_code=413)
        elif not settings.require_auth and not is_loopback(host_name(request)):
            # Without tokens the server trusts whoever reaches it on this machine; a page on
            # another site whose name resolves to 127.0.0.1 (DNS rebinding) must not be them.
            response = JSONResponse(
                {"detail": "without --require-auth this server answers only to a loopback name"},
                status_code=421,
            )
        elif request.method in UNSAFE and not same_origin(request):
            response = JSONResponse({"detail": "cross-origin request refused"}, status_code=403)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        sid = getattr(request.state, "new_session_id", None)
        if sid:
            set_session_cookie(response, request, sid)
        return response

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _error: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote_path(target)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        headers = getattr(error, "headers", None)
        if wants_json(request):
            return JSONResponse({"detail": error.detail}, error.status_code, headers=headers)
        return error_page(request, error.status_code, str(error.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": jsonable_errors(error)}, status_code=422)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
            for e in error.errors()
        )
        return error_page(request, 422, f"The request is not valid: {problems}")

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        traceback.print_exception(error)
        message = f"{type(error).__name__}: {error}"
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=500)
        return error_page(request, 500, message)

    return app


def host_name(request: Request) -> str:
    """Return the name in the request's Host header, without the port."""
    return urlsplit("//" + request.headers.get("host", "")).hostname or ""


def quote_path(path: str) -> str:
    """Return a local path safe to pass as ?next= (never another site)."""
    if not path.startswith("/") or path.startswith("//"):
        path = "/"
    return quote(path, safe="/")


def jsonable_errors(error: RequestValidationError) -> list[dict[str, Any]]:
    """Return validation errors without the raw input (which may be large or hostile)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in error.errors()]


def set_session_cookie(response: Response, request: Request, sid: str) -> None:
    """Set the session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS."""
    response.set_cookie(
        SESSION_COOKIE,
        sid,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """Render an error as a page that says what went wrong."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "user": None},
        status_code=status,
        headers=headers,
    )


__all__ = ["HTTPException", "WebSettings", "create_app"]
