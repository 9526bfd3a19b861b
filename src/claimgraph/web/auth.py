"""Who is asking, and may they: bearer tokens for the API, a login session for the pages.

Without `--require-auth` (and on a loopback address) nobody logs in: every request acts as
the local analyst. With it, the API takes `Authorization: Bearer <token>` and the pages a
session cookie (HttpOnly, SameSite=Strict) given by the login page in exchange for a token.
Roles rank viewer < analyst < admin: viewers read, analysts also review, admins manage users.
Forms carry the session's CSRF token; any unsafe request from another origin is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from claimgraph.store import Store
from claimgraph.store.users import user_for_token

RANK: Final = {"viewer": 0, "analyst": 1, "admin": 2}
SESSION_COOKIE: Final = "cg_session"
SESSION_SECONDS: Final = 12 * 3600
MAX_SESSIONS: Final = 10_000
TOKEN_CACHE_SECONDS: Final = 300  # a removed user's token stops working within this


@dataclass(frozen=True, slots=True)
class Principal:
    """The user a request acts as."""

    name: str
    role: str
    logged_in: bool = True

    def may(self, role: str) -> bool:
        """Return whether this user has at least the given role."""
        return RANK.get(self.role, -1) >= RANK[role]


@dataclass(slots=True)
class Session:
    """A browser's session: its CSRF token and, once logged in, its user."""

    csrf: str
    expires: float
    user: Principal | None = None


class LoginRequired(Exception):
    """A page asked for without a login when one is required."""


def is_loopback(host: str) -> bool:
    """Return whether an address (or 'localhost') only accepts connections from this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Sessions:
    """Sessions held in memory (a restart logs everyone out), oldest evicted past a cap."""

    items: OrderedDict[str, Session] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, sid: str | None) -> Session | None:
        """Return the live session of a cookie value, or None."""
        if not sid:
            return None
        with self.lock:
            session = self.items.get(sid)
            if session is None or session.expires < time.time():
                self.items.pop(sid, None)
                return None
            return session

    def new(self, user: Principal | None = None) -> tuple[str, Session]:
        """Start a session and return its cookie value."""
        sid = secrets.token_urlsafe(32)
        session = Session(secrets.token_urlsafe(32), time.time() + SESSION_SECONDS, user)
        with self.lock:
            self.items[sid] = session
            while len(self.items) > MAX_SESSIONS:
                self.items.popitem(last=False)
        return sid, session

    def drop(self, sid: str | None) -> None:
        """End a session."""
        if sid:
            with self.lock:
                self.items.pop(sid, None)


class TokenCheck:
    """Check bearer tokens against the users table, remembering good ones for a while
    (scrypt costs ~50 ms by design; a page's API calls should not pay it each time)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, tuple[Principal, float]] = {}
        self.lock = threading.Lock()

    def __call__(self, token: str) -> Principal | None:
        """Return the user of a token, or None."""
        key = hashlib.sha256(token.encode("utf-8")).hexdigest()
        with self.lock:
            hit = self.known.get(key)
        if hit is not None and hit[1] > time.time():
            return hit[0]
        with self.store.reading() as connection:
            user = user_for_token(connection, token)
        if user is None:
            return None
        principal = Principal(user.name, user.role)
        with self.lock:
            if len(self.known) > 1000:
                self.known.clear()
            self.known[key] = (principal, time.time() + TOKEN_CACHE_SECONDS)
        return principal

    def forget(self) -> None:
        """Forget the tokens checked so far (a user was removed: check theirs again)."""
        with self.lock:
            self.known.clear()


def bearer_token(request: Request) -> str | None:
    """Return the token of an `Authorization: Bearer` header, if any."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def principal_of(request: Request) -> Principal | None:
    """Return who the request acts as, or None when a login is required and missing."""
    app = request.app
    token = bearer_token(request)
    if token is not None:
        user = app.state.check_token(token)
        if user is None:
            raise HTTPException(401, "the token is not valid", {"WWW-Authenticate": "Bearer"})
        return user
    session = app.state.sessions.get(request.cookies.get(SESSION_COOKIE))
    if session is not None and session.user is not None:
        return session.user
    if not app.state.settings.require_auth:
        return Principal(app.state.settings.local_user, "analyst", logged_in=False)
    return None


def api_user(request: Request) -> Principal:
    """Dependency of the API: the caller, or 401."""
    user = principal_of(request)
    if user is None:
        raise HTTPException(401, "a token is required", {"WWW-Authenticate": "Bearer"})
    return user


def api_analyst(request: Request) -> Principal:
    """Dependency of the API's writes: an analyst or admin, or 401/403."""
    user = api_user(request)
    if not user.may("analyst"):
        raise HTTPException(403, f"{user.name} is a {user.role}; reviewing needs an analyst")
    return user


def api_admin(request: Request) -> Principal:
    """Dependency of user management: an admin, or 401/403."""
    user = api_user(request)
    if not user.may("admin"):
        raise HTTPException(403, f"{user.name} is a {user.role}; managing users needs an admin")
    return user


def page_user(request: Request) -> Principal:
    """Dependency of the pages: the user, or a redirect to the login page."""
    user = principal_of(request)
    if user is None:
        raise LoginRequired()
    return user


def page_session(request: Request) -> Session:
    """Return the browser's session, starting one (the cookie is set by the middleware)."""
    sessions: Sessions = request.app.state.sessions
    session = sessions.get(request.cookies.get(SESSION_COOKIE))
    if session is None:
        session = getattr(request.state, "new_session", None)
    if session is None:
        sid, session = sessions.new()
        request.state.new_session = session
        request.state.new_session_id = sid
    return session


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a form whose CSRF token is not its session's."""
    session = request.app.state.sessions.get(request.cookies.get(SESSION_COOKIE))
    if session is None or not submitted or not hmac.compare_digest(session.csrf, submitted):
        raise HTTPException(403, "the form has expired or did not come from this site; reload it")


def same_origin(request: Request) -> bool:
    """Return whether an unsafe request's Origin (or Referer) is this server, when given."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
