"""The web app's API and pages through the ASGI app (TestClient) over a store that `ingest`
filled: answers, paging, escaping of hostile text, reviews that never overwrite the machine,
tokens and roles, CSRF and the security headers."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from typer.testing import CliRunner

from claimgraph.store import Store
from claimgraph.store import schema as t
from claimgraph.store.database import create_store_engine, current_revision, head_revision, migrate
from claimgraph.store.users import add_user
from claimgraph.web import WebSettings, create_app, is_loopback
from claimgraph.web.highlight import Mark, highlight
from tests.webstore import HOSTILE_IMG, HOSTILE_SCRIPT, build_store, claimgraph, serving

LOCAL = "http://127.0.0.1:8000"  # without tokens the app answers only to loopback names


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, WebSettings()), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def tokens(db: str) -> dict[str, str]:
    store = Store.open(db)
    with store.engine.begin() as connection:
        made = {
            role: add_user(connection, f"{role}-user", role)
            for role in ("viewer", "analyst", "admin")
        }
    store.close()
    return made


@pytest.fixture(scope="module")
def secured(db: str, tokens: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(db, WebSettings(require_auth=True))) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("a <b> c", [], "a &lt;b&gt; c"),
        (
            "Kabul <x>",
            [Mark(0, 5, "place", "p0")],
            '<span class="hl hl-place" data-refs="p0">Kabul</span> &lt;x&gt;',
        ),
        (
            "Blast in Kabul.",
            [Mark(0, 15, "event", "e0"), Mark(9, 14, "place", "p1")],
            '<span class="hl hl-event" data-refs="e0">Blast in </span>'
            '<span class="hl hl-event hl-place" data-refs="e0 p1">Kabul</span>'
            '<span class="hl hl-event" data-refs="e0">.</span>',
        ),
        (
            '"><img src=x>',
            [Mark(0, 4, "rhetoric", "r0")],
            '<span class="hl hl-rhetoric" data-refs="r0">&quot;&gt;&lt;i</span>mg src=x&gt;',
        ),
        (
            "short",
            [Mark(3, 99, "event", "e0"), Mark(2, 2, "place", "p0")],
            "short",
        ),  # out of range, empty
    ],
)
def test_highlight_escapes_every_slice(text: str, marks: list[Mark], expected: str) -> None:
    assert str(highlight(text, marks)) == expected


def test_pages_and_api_answer(client: TestClient) -> None:
    for path in (
        "/",
        "/documents",
        "/events",
        "/claims",
        "/map",
        "/timeline",
        "/graph",
        "/assertions",
        "/actors",
        "/places",
        "/docs",
        "/login",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
    for path in (
        "/api/events",
        "/api/documents",
        "/api/claims",
        "/api/actors",
        "/api/places",
        "/api/assertions",
        "/api/edges",
    ):
        body = client.get(path).json()
        assert set(body) == {"total", "limit", "offset", "items"}, path
    assert client.get("/api/events").json()["total"] >= 4
    graph = client.get("/api/graph").json()
    assert graph["nodes"] and graph["links"]
    points = client.get("/api/map").json()
    assert points["type"] == "FeatureCollection" and points["features"]
    assert client.get("/api/timeline").json()["weeks"]
    assert "paths" in client.get("/openapi.json").json()


def test_errors_are_pages_and_json(client: TestClient) -> None:
    page = client.get("/documents/no-such-document")
    assert (
        page.status_code == 404 and "no-such-document" in page.text and "<h1>Error 404" in page.text
    )
    assert client.get("/api/events/nope").json() == {"detail": "no event 'nope'"}
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"limit": 10_000}).status_code == 422
    assert client.get("/export.nope").status_code == 404


def test_hostile_markup_is_shown_as_text(client: TestClient) -> None:
    documents = client.get("/api/documents").json()["items"]
    (hostile,) = [d for d in documents if d["title"] and "Kandahar" in d["title"]]
    assert HOSTILE_SCRIPT in hostile["title"]  # the API gives the text as it is
    pages = client.get("/").text + client.get(f"/documents/{hostile['id']}").text
    pages += client.get("/events").text + client.get("/claims").text
    for markup in (HOSTILE_SCRIPT, "<img src=x", "onerror=alert(1)>"):
        assert markup not in pages.replace("onerror=alert(1)&gt;", "")
    page = client.get(f"/documents/{hostile['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert (
        "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
        or "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    )
    assert '<span class="hl hl-event' in page  # spans marked from the stored offsets
    detail = client.get(f"/api/documents/{hostile['id']}").json()
    assert HOSTILE_IMG in detail["text"]
    assert all(detail["text"][p["start"] : p["end"]] == p["text"] for p in detail["places"])


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/events", "/nope"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert (
        client.post(
            "/api/reviews", content=b"x" * 2_000_000, headers={"content-type": "application/json"}
        ).status_code
        == 413
    )


def test_events_page_by_page_with_filters(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    total = everything["total"]
    assert total == len(everything["items"])
    seen = [
        client.get("/api/events", params={"limit": 1, "offset": i}).json()["items"][0]["id"]
        for i in range(total)
    ]
    assert seen == [e["id"] for e in everything["items"]]
    arrests = client.get("/api/events", params={"sub_event_type": "Arrests"}).json()
    assert arrests["total"] >= 1 and all(e["sub_event_type"] == "Arrests" for e in arrests["items"])
    page = client.get("/events", params={"limit": 1}).text
    assert f"1–1 of {total}" in page and 'rel="next"' in page
    assert client.get("/api/events", params={"country": "ZZ"}).json() == {
        "total": 0,
        "limit": 50,
        "offset": 0,
        "items": [],
    }


def test_a_correction_shows_with_its_reviewer_and_the_machine_row_stays(
    client: TestClient, db: str
) -> None:
    event = client.get("/api/events", params={"sub_event_type": "Arrests"}).json()["items"][0]
    machine = event["fatalities"]
    answer = client.post(
        "/api/reviews",
        json={
            "item_kind": "event",
            "item_id": event["id"],
            "action": "correct",
            "field": "fatalities",
            "value": 4,
            "note": "per the police",
        },
    )
    assert answer.status_code == 201, answer.text
    client.post(
        "/api/reviews", json={"item_kind": "event", "item_id": event["id"], "action": "accept"}
    )
    shown = client.get(f"/api/events/{event['id']}").json()
    assert shown["fatalities"] == 4
    assert (
        shown["review"]["status"] == "corrected" and shown["review"]["reviewer"] == "local analyst"
    )
    assert shown["review"]["original"] == {"fatalities": machine}
    assert [r["action"] for r in shown["review_history"]] == ["correct", "accept"]
    listed = [
        e
        for e in client.get("/api/events", params={"limit": 500}).json()["items"]
        if e["id"] == event["id"]
    ]
    assert listed[0]["fatalities"] == 4
    with sqlite3.connect(db) as raw:
        (stored,) = raw.execute(
            "SELECT fatalities FROM events WHERE id = ?", (event["id"],)
        ).fetchone()
        reviews = raw.execute(
            "SELECT action, reviewer, created_at FROM reviews WHERE item_id = ?", (event["id"],)
        ).fetchall()
    assert stored == machine
    assert [r[0] for r in reviews] == ["correct", "accept"] and all(r[1] and r[2] for r in reviews)
    page = client.get(f"/events/{event['id']}").text
    assert "reviewed by local analyst" in page and "per the police" in page


def test_claims_reject_and_bad_reviews(client: TestClient) -> None:
    claim = client.get("/api/claims").json()["items"][0]
    assert (
        client.post(
            "/api/reviews", json={"item_kind": "claim", "item_id": claim["id"], "action": "reject"}
        ).status_code
        == 201
    )
    assert client.get(f"/api/claims/{claim['id']}").json()["review"]["status"] == "rejected"
    bad = [
        ({"item_kind": "event", "item_id": "nope", "action": "accept"}, 404),
        (
            {
                "item_kind": "claim",
                "item_id": claim["id"],
                "action": "correct",
                "field": "text",
                "value": "x",
            },
            422,
        ),
        ({"item_kind": "claim", "item_id": claim["id"], "action": "delete"}, 422),
        ({"item_kind": "document", "item_id": claim["id"], "action": "accept"}, 422),
    ]
    for body, status in bad:
        assert client.post("/api/reviews", json=body).status_code == status, body
    # A form post as text is not JSON: the API takes JSON only (no cross-site simple forms).
    assert (
        client.post(
            "/api/reviews", content="item_kind=claim", headers={"content-type": "text/plain"}
        ).status_code
        == 422
    )


def test_review_form_needs_its_csrf_token_and_same_origin(client: TestClient) -> None:
    event = client.get("/api/events").json()["items"][0]
    page = client.get(f"/events/{event['id']}").text
    form = {
        "item_kind": "event",
        "item_id": event["id"],
        "action": "correct",
        "field": "event_date",
        "value": "2024-03-11",
    }
    assert (
        client.post("/reviews", data={**form, "csrf": "forged"}, follow_redirects=False).status_code
        == 403
    )
    assert (
        client.post(
            "/reviews",
            data={**form, "csrf": csrf_of(page)},
            headers={"origin": "http://evil.example"},
            follow_redirects=False,
        ).status_code
        == 403
    )
    done = client.post("/reviews", data={**form, "csrf": csrf_of(page)}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("#history")
    assert client.get(f"/api/events/{event['id']}").json()["event_date"] == "2024-03-11"


def test_require_auth_tokens_and_roles(secured: TestClient, tokens: dict[str, str]) -> None:
    assert secured.get("/api/events").status_code == 401
    assert secured.get("/api/events", headers=bearer("cg_0000_forged")).status_code == 401
    for role in ("viewer", "analyst", "admin"):
        assert secured.get("/api/events", headers=bearer(tokens[role])).status_code == 200
    assert secured.get("/export.csv").status_code == 401
    event = secured.get("/api/events", headers=bearer(tokens["viewer"])).json()["items"][0]
    review = {"item_kind": "event", "item_id": event["id"], "action": "accept"}
    assert secured.post("/api/reviews", json=review).status_code == 401
    assert (
        secured.post("/api/reviews", json=review, headers=bearer(tokens["viewer"])).status_code
        == 403
    )
    made = secured.post("/api/reviews", json=review, headers=bearer(tokens["analyst"]))
    assert made.status_code == 201 and made.json()["review"]["reviewer"] == "analyst-user"
    assert secured.get("/api/users", headers=bearer(tokens["analyst"])).status_code == 403
    users = secured.get("/api/users", headers=bearer(tokens["admin"])).json()["items"]
    assert {u["name"] for u in users} >= {"viewer-user", "analyst-user", "admin-user"}
    assert all(set(u) == {"name", "role", "created_at"} for u in users)


def test_pages_ask_for_a_login_and_the_session_cookie_is_strict(
    db: str, tokens: dict[str, str]
) -> None:
    with TestClient(create_app(db, WebSettings(require_auth=True))) as browser:
        first = browser.get("/events", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"].startswith(
            "/login?next=/events"
        )
        login = browser.get("/login")
        wrong = browser.post(
            "/login",
            data={"token": "cg_x_y", "csrf": csrf_of(login.text), "next": "/events"},
            follow_redirects=False,
        )
        assert "failed=true" in wrong.headers["location"]
        done = browser.post(
            "/login",
            data={
                "token": tokens["viewer"],
                "csrf": csrf_of(login.text),
                "next": "//evil.example/",
            },
            follow_redirects=False,
        )
        assert done.status_code == 303 and done.headers["location"] == "/"
        cookie = done.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        event = browser.get("/api/events").json()["items"][0]  # the session reads the API too
        page = browser.get(f"/events/{event['id']}").text
        assert "viewer-user (viewer)" in page and "Only analysts can review" in page
        form = {
            "item_kind": "event",
            "item_id": event["id"],
            "action": "accept",
            "csrf": csrf_of(page),
        }
        assert browser.post("/reviews", data=form, follow_redirects=False).status_code == 403


def test_users_command_prints_the_token_once_and_stores_a_hash(tmp_path: Path) -> None:
    db = str(tmp_path / "users.db")
    added = claimgraph("users", "add", "Ayesha", "--role", "analyst", "--db", db)
    assert added.returncode == 0, added.stderr
    token = added.stdout.split()[-1]
    assert token.startswith("cg_") and len(token) > 40
    # The rest in-process (each real process pays the start-up of the whole CLI).
    from claimgraph.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["users", "add", "Ayesha", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["users", "add", "X", "--role", "root", "--db", db]).exit_code == 2
    assert "Ayesha\tanalyst" in runner.invoke(app, ["users", "list", "--db", db]).stdout
    with sqlite3.connect(db) as raw:
        rows = raw.execute("SELECT name, role, token_hash FROM users").fetchall()
    assert rows[0][:2] == ("Ayesha", "analyst") and rows[0][2].startswith("scrypt$")
    assert token.split("_", 2)[2] not in Path(db).read_bytes().decode("latin-1")
    with TestClient(create_app(db, WebSettings(require_auth=True))) as served:
        assert served.get("/api/me", headers=bearer(token)).json()["name"] == "Ayesha"
        assert runner.invoke(app, ["users", "remove", "Ayesha", "--db", db]).exit_code == 0
        served.app.state.check_token.forget()  # the app remembers good tokens for a while
        assert served.get("/api/me", headers=bearer(token)).status_code == 401


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.4", False),
        ("::", False),
    ],
)
def test_only_loopback_serves_without_tokens(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_store_at_revision_0001_is_migrated_on_open_and_keeps_its_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_store_engine(url)
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            insert(t.documents).values(
                id="d1",
                sha256="0" * 64,
                input_id="old.txt",
                genre="news",
                genre_evidence=[],
                text="An old text.",
                ignored=[],
                components={},
                claimgraph_version="0.0",
                ingested_at="2026-01-01T00:00:00",
            )
        )
    assert current_revision(engine) == "0001"
    engine.dispose()
    store = Store.open(url)
    assert current_revision(store.engine) == head_revision() != "0001"
    with store.reading() as connection:
        (text,) = connection.execute(
            t.documents.select().with_only_columns(t.documents.c.text)
        ).one()
    with store.engine.begin() as connection:
        add_user(connection, "new", "viewer")
    store.close()
    assert text == "An old text."


def test_a_chunked_body_past_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 50_000

    answer = client.post(
        "/api/reviews", content=chunks(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413


def test_claim_edges_are_listed_drawn_and_reviewed(client: TestClient) -> None:
    edges = client.get("/api/edges", params={"entity": "Islamic State"}).json()["items"]
    hosts = [e for e in edges if e["relation"] == "hosts"]
    assert hosts and hosts[0]["subject_name"] == "Pakistan"
    links = client.get("/api/graph").json()["links"]
    assert any(link["kind"] == "claim" and link["relation"] == "hosts" for link in links)
    edge_id = hosts[0]["id"]
    body = {
        "item_kind": "edge",
        "item_id": edge_id,
        "action": "correct",
        "field": "relation",
        "value": "supports",
    }
    assert client.post("/api/reviews", json=body).status_code == 201
    shown = client.get(f"/api/edges/{edge_id}").json()
    assert shown["relation"] == "supports" and shown["review"]["original"] == {"relation": "hosts"}
    page = client.get(f"/edges/{edge_id}").text
    assert "reviewed by local analyst" in page and "supports" in page
    client.post("/api/reviews", json={"item_kind": "edge", "item_id": edge_id, "action": "reject"})
    assert not any(
        link.get("edge_id") == edge_id for link in client.get("/api/graph").json()["links"]
    )


def test_exports_through_the_registry(client: TestClient) -> None:
    acled = client.get("/export.csv")
    assert acled.status_code == 200
    assert acled.text.splitlines()[0].startswith("event_id_cnty,event_date,year,time_precision")
    geojson = client.get("/export.geojson", params={"country": "PK"}).json()
    assert geojson["type"] == "FeatureCollection"
    everything = client.get("/export.geojson").json()["features"]
    assert 0 < len(geojson["features"]) < len(everything)  # the events filters apply


def test_a_script_link_is_not_a_link(client: TestClient) -> None:
    documents = client.get("/api/documents").json()["items"]
    (statement,) = [d for d in documents if d["title"] == "Ministry statement"]
    assert statement["url"] == "javascript:alert(document.cookie)"
    page = client.get(f"/documents/{statement['id']}").text
    assert 'href="javascript:' not in page and "javascript:alert(document.cookie)" in page


def test_assertion_pages_show_support_side_by_side(client: TestClient) -> None:
    listed = client.get("/api/assertions").json()
    assert listed["total"] >= 1
    first = listed["items"][0]
    detail = client.get(f"/api/assertions/{first['id']}").json()
    assert detail["support"] and detail["independent_sources"] >= 1
    page = client.get(f"/assertions/{first['id']}").text
    assert "independent source" in page and detail["support"][0]["document_id"] in page
    assert client.get("/assertions/nope").status_code == 404
    bars = client.get("/timeline").text
    assert re.search(r'since=\d{4}-\d\d-\d\d&amp;until=\d{4}-\d\d-\d\d"', bars)


def test_serving_beyond_loopback_requires_tokens(db: str, tokens: dict[str, str]) -> None:
    with serving(db, "--host", "0.0.0.0") as base:
        assert httpx.get(f"{base}/api/events").status_code == 401
        assert httpx.get(f"{base}/", follow_redirects=False).status_code == 303
        authorised = httpx.get(f"{base}/api/events", headers=bearer(tokens["viewer"]))
        assert authorised.status_code == 200 and authorised.json()["total"] >= 4


def test_without_tokens_only_loopback_names_are_served(db: str) -> None:
    with TestClient(
        create_app(db, WebSettings()), base_url="http://rebound.example:8000"
    ) as rebound:
        assert rebound.get("/api/events").status_code == 421
    with TestClient(create_app(db, WebSettings()), base_url="http://localhost:8000") as local:
        assert local.get("/api/events").status_code == 200
    with TestClient(
        create_app(db, WebSettings(require_auth=True)), base_url="http://claimgraph.example"
    ) as named:
        assert named.get("/api/events").status_code == 401  # tokens guard it instead


def test_admins_add_and_remove_users_over_the_api(
    secured: TestClient, tokens: dict[str, str]
) -> None:
    admin, analyst = bearer(tokens["admin"]), bearer(tokens["analyst"])
    assert (
        secured.post(
            "/api/users", json={"name": "Omar", "role": "viewer"}, headers=analyst
        ).status_code
        == 403
    )
    made = secured.post("/api/users", json={"name": "Omar", "role": "viewer"}, headers=admin)
    assert made.status_code == 201 and made.json()["token"].startswith("cg_")
    omar = bearer(made.json()["token"])
    assert secured.get("/api/me", headers=omar).json() == {
        "name": "Omar",
        "role": "viewer",
        "logged_in": True,
    }
    assert secured.post("/api/users", json={"name": "Omar"}, headers=admin).status_code == 409
    assert (
        secured.post("/api/users", json={"name": "x", "role": "root"}, headers=admin).status_code
        == 422
    )
    assert secured.delete("/api/users/admin-user", headers=admin).status_code == 409
    assert secured.delete("/api/users/Omar", headers=admin).status_code == 204
    assert secured.get("/api/me", headers=omar).status_code == 401  # at once, on this server
    assert secured.delete("/api/users/Omar", headers=admin).status_code == 404


def test_a_correction_made_through_the_api_shows_in_the_next_export(
    client: TestClient, db: str
) -> None:
    event = client.get("/api/events", params={"text": "lawyers"}).json()["items"][0]
    body = {
        "item_kind": "event",
        "item_id": event["id"],
        "action": "correct",
        "field": "fatalities_low",
        "value": 12,
    }
    assert client.post("/api/reviews", json=body).status_code == 201
    exported = [json.loads(line) for line in client.get("/export.jsonl").text.splitlines()]
    (row,) = [r for r in exported if r["id"] == event["id"]]
    assert row["fatalities_low"] == 12
    acled = client.get("/export.csv").text
    assert f"{event['id']}," in acled and "corrected by local analyst" in acled
    with sqlite3.connect(db) as raw:
        (stored,) = raw.execute(
            "SELECT fatalities_low FROM events WHERE id = ?", (event["id"],)
        ).fetchone()
    assert stored == event["fatalities_low"] != 12  # the machine's value stays stored


def test_the_map_gets_every_located_event_not_a_page(client: TestClient) -> None:
    located = [
        e
        for e in client.get("/api/events", params={"limit": 500}).json()["items"]
        if (e["location"] or {}).get("latitude") is not None
    ]
    assert len(client.get("/api/map").json()["features"]) == len(located)
    assert len(client.get("/api/map", params={"limit": 1}).json()["features"]) == 1
