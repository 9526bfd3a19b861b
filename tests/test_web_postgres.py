"""The web app over a real PostgreSQL store: the same pages, API, reviews and tokens as on
SQLite (the queries differ in NULL ordering, grouping and JSON columns)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from claimgraph.store import Store
from claimgraph.store.users import add_user
from claimgraph.web import WebSettings, create_app
from tests.postgres import postgres_server
from tests.test_store import make_record

LOCAL = "http://127.0.0.1:8000"  # without tokens the app answers only to loopback names


@pytest.fixture(scope="module")
def postgres_store() -> Iterator[tuple[str, str]]:
    with postgres_server() as url:
        store = Store.open(url)
        store.add(make_record())
        with store.engine.begin() as connection:
            token = add_user(connection, "pg-analyst", "analyst")
        store.close()
        yield url, token


def test_pages_api_and_reviews_on_postgresql(postgres_store: tuple[str, str]) -> None:
    url, token = postgres_store
    with TestClient(create_app(url, WebSettings(require_auth=True))) as client:
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/events").status_code == 401
        events = client.get("/api/events", headers=headers).json()
        assert events["total"] == 1
        event = events["items"][0]
        for path in (
            "/api/documents",
            "/api/claims",
            "/api/actors",
            "/api/places",
            "/api/graph",
            "/api/timeline",
            "/api/map",
            "/api/assertions",
            f"/api/documents/{event['document_id']}",
        ):
            assert client.get(path, headers=headers).status_code == 200, path
        review = {
            "item_kind": "event",
            "item_id": event["id"],
            "action": "correct",
            "field": "fatalities",
            "value": 9,
        }
        assert client.post("/api/reviews", json=review, headers=headers).status_code == 201
        shown = client.get(f"/api/events/{event['id']}", headers=headers).json()
        assert shown["fatalities"] == 9 and shown["review"]["reviewer"] == "pg-analyst"
    with TestClient(create_app(url, WebSettings()), base_url=LOCAL) as pages:
        for path in (
            "/",
            "/events",
            "/map",
            "/timeline",
            "/graph",
            "/actors",
            "/places",
            f"/documents/{event['document_id']}",
            f"/events/{event['id']}",
        ):
            assert pages.get(path).status_code == 200, path
