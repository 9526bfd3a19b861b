"""Take the README's screenshots of the web app with Playwright and Debian's Chromium.

    claimgraph ingest --sample --db /tmp/shots.db
    python docs/screenshots/take.py /tmp/shots.db docs/screenshots

Starts `claimgraph serve` on a free port, opens the main pages and saves one PNG each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.webstore import serving  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(db: str, folder: Path) -> None:
    """Save document.png, events.png, map.png and graph.png into the folder."""
    with serving(db) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        documents = httpx.get(f"{base}/api/documents").json()["items"]
        busiest = max(documents, key=lambda d: d["events"] + d["claims"])
        page.goto(f"{base}/documents/{busiest['id']}")
        page.locator("#text .hl-event").first.hover()
        page.screenshot(path=str(folder / "document.png"))
        page.goto(f"{base}/events")
        page.screenshot(path=str(folder / "events.png"))
        page.goto(f"{base}/map")
        page.wait_for_selector("path.cg-marker", state="attached")
        time.sleep(0.5)
        page.screenshot(path=str(folder / "map.png"))
        page.goto(f"{base}/graph")
        page.wait_for_selector("#graph circle", state="attached")
        page.screenshot(path=str(folder / "graph.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
