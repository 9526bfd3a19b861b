"""The pages in a real browser (Playwright driving Debian's Chromium) against `claimgraph
serve` in a subprocess: highlights render and hostile text stays text, the events table pages,
the map draws its markers offline, a review made on the page shows with its history, and
--require-auth refuses the anonymous and the viewer."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimgraph.store import Store
from claimgraph.store.users import add_user
from tests.webstore import HOSTILE_IMG, HOSTILE_SCRIPT, build_store, serving

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not shutil.which("chromium"),
    reason="Debian's chromium is not installed",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page that records dialogs, console errors and requests leaving the server."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith(base):
                request_route.continue_()
            else:
                self.outside.append(url)
                request_route.abort()

        self.context.route("**/*", route)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser: Any, base: str) -> Iterator[Watched]:
    page = Watched(browser, base)
    yield page
    page.close()


def test_document_page_highlights_spans_and_hostile_text_stays_text(
    watched: Watched, base: str
) -> None:
    documents = httpx.get(f"{base}/api/documents").json()["items"]
    (hostile,) = [d for d in documents if d["title"] and "Kandahar" in d["title"]]
    page = watched.page
    page.goto(f"{base}/documents/{hostile['id']}")
    assert page.locator("#text .hl-event").count() >= 1
    assert page.locator("#text .hl-place").count() >= 1
    text = page.locator("#text").inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text  # shown literally
    assert HOSTILE_SCRIPT in page.locator("h1").inner_text()
    assert page.locator("#text img, #text script, h1 img, h1 script").count() == 0
    page.locator("#text .hl-place").first.hover()  # the side panel marks the place's entry
    assert page.locator("#panel .entry.active").count() >= 1
    page.wait_for_timeout(300)
    assert watched.dialogs == [] and watched.errors == [] and watched.outside == []


def test_events_table_pages_and_filters(watched: Watched, base: str) -> None:
    page = watched.page
    page.goto(f"{base}/events?limit=2")
    total = httpx.get(f"{base}/api/events").json()["total"]
    assert page.locator("tr.event-row").count() == 2
    first = page.locator("tr.event-row").all_inner_texts()
    page.locator("a[rel=next]").first.click()
    page.wait_for_load_state()
    assert "offset=2" in page.url
    assert page.locator("tr.event-row").count() == min(2, total - 2)
    assert page.locator("tr.event-row").all_inner_texts() != first
    page.fill("input[name=sub_event_type]", "Arrests")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_load_state()
    rows = page.locator("tr.event-row").all_inner_texts()
    assert rows and all("Arrests" in row for row in rows)
    assert watched.errors == []


def test_map_graph_and_timeline_render_offline(watched: Watched, base: str) -> None:
    page = watched.page
    page.goto(f"{base}/map")
    assert page.locator("#map.leaflet-container").count() == 1
    page.wait_for_selector("path.cg-marker", state="attached", timeout=15_000)
    assert page.locator("path.cg-marker").count() >= 3
    page.wait_for_selector("path.country", state="attached", timeout=15_000)
    assert page.locator(".leaflet-outlines-pane path.country").count() > 100
    # Markers sit in a pane above the outlines (filled countries must not cover them).
    assert page.locator(".leaflet-overlay-pane path.cg-marker").count() >= 3
    z = page.evaluate("""() => [".leaflet-outlines-pane", ".leaflet-overlay-pane"].map(
        (s) => +getComputedStyle(document.querySelector(s)).zIndex)""")
    assert z[0] < z[1]
    page.goto(f"{base}/graph")
    page.wait_for_selector("#graph circle", state="attached", timeout=15_000)
    assert page.locator("#graph circle").count() >= 2 and page.locator("#graph line").count() >= 1
    page.goto(f"{base}/timeline")
    assert page.locator("#timeline rect.bar").count() >= 1
    assert watched.outside == [] and watched.errors == []


def test_map_draws_admin1_lines_between_country_fills_and_borders(
    watched: Watched, base: str
) -> None:
    page = watched.page
    page.goto(f"{base}/map")
    page.wait_for_selector("path.cg-marker", state="attached", timeout=15_000)
    page.wait_for_selector("path.admin1", state="attached", timeout=15_000)
    page.wait_for_selector("path.country-border", state="attached", timeout=15_000)
    # One path per country that has admin-1 lines (198 in the bundled file).
    assert page.locator(".leaflet-admin1-pane path.admin1").count() > 150
    # Drawn, not just attached: Leaflet gives a path wholly out of view the path "M0 0", so
    # the paths in view must hold real geometry of a visible size.
    drawn = page.evaluate("""() => [...document.querySelectorAll(".leaflet-admin1-pane path.admin1")]
        .filter((p) => p.getAttribute("d") !== "M0 0")
        .map((p) => { const b = p.getBBox(); return [p.getAttribute("d").length, b.width, b.height]; })""")
    assert len(drawn) >= 3
    assert sum(length for length, _, _ in drawn) > 2_000
    assert max(width for _, width, _ in drawn) > 20
    z = page.evaluate("""() => [".leaflet-outlines-pane", ".leaflet-admin1-pane",
        ".leaflet-borders-pane", ".leaflet-overlay-pane"].map(
        (s) => +getComputedStyle(document.querySelector(s)).zIndex)""")
    assert z == sorted(z) and len(set(z)) == 4  # fills < admin-1 < country borders < markers
    widths = page.evaluate("""() => ["path.admin1", "path.country-border"].map(
        (s) => parseFloat(getComputedStyle(document.querySelector(s)).strokeWidth))""")
    assert 0 < widths[0] < widths[1]  # thinner than the country borders
    assert page.locator(".leaflet-overlay-pane path.cg-marker").count() >= 3
    assert watched.outside == [] and watched.errors == []


def test_review_on_the_page_shows_with_its_history(watched: Watched, base: str, db: str) -> None:
    event = (
        httpx.get(f"{base}/api/events", params={"sub_event_type": "Armed clash"}).json()["items"]
        or httpx.get(f"{base}/api/events").json()["items"]
    )
    event_id = event[0]["id"]
    page = watched.page
    page.goto(f"{base}/events/{event_id}")
    assert "Not reviewed yet" in page.locator("#history").inner_text()
    page.check("input[name=action][value=correct]")
    page.select_option("select[name=field]", "fatalities")
    page.fill("input[name=value]", "7")
    page.fill("input[name=note]", "hospital count <b>7</b>")
    page.locator("#review-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "reviewed by local analyst" in page.content()
    history = page.locator("#history tr.review-row").all_inner_texts()
    assert len(history) == 1 and "correct" in history[0] and "hospital count <b>7</b>" in history[0]
    assert page.locator("#history b").count() == 0
    shown = httpx.get(f"{base}/api/events/{event_id}").json()
    assert shown["fatalities"] == 7 and shown["review"]["reviewer"] == "local analyst"
    assert watched.errors == []


def test_require_auth_refuses_the_anonymous_and_the_viewer(browser: Any, db: str) -> None:
    store = Store.open(db)
    with store.engine.begin() as connection:
        viewer = add_user(connection, "browser-viewer", "viewer")
        analyst = add_user(connection, "browser-analyst", "analyst")
    store.close()
    with serving(db, "--require-auth") as base:
        assert httpx.get(f"{base}/api/events").status_code == 401
        assert (
            httpx.get(
                f"{base}/api/events", headers={"Authorization": f"Bearer {analyst}"}
            ).status_code
            == 200
        )
        watched = Watched(browser, base)
        try:
            page = watched.page
            page.goto(f"{base}/events")
            assert "/login" in page.url
            page.fill("input[name=token]", viewer)
            page.locator("#login-form button[type=submit]").click()
            page.wait_for_load_state()
            assert page.url.endswith("/events") and page.locator("tr.event-row").count() >= 1
            page.locator("tr.event-row a").first.click()
            page.wait_for_load_state()
            assert page.locator("#review-form").count() == 0
            assert "Only analysts can review" in page.locator("#review").inner_text()
            cookies = watched.context.cookies()
            session = [c for c in cookies if c["name"] == "cg_session"][0]
            assert session["httpOnly"] and session["sameSite"] == "Strict"
        finally:
            watched.close()
