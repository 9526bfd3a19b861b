"""A small store for the web tests, filled by `claimgraph ingest` of articles written here,
one of them hostile (markup in its title and text), and a way to run `claimgraph serve`."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

CLI = str(Path(sys.executable).parent / "claimgraph")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
ARTICLES = {
    "quetta.txt": (
        "Gunmen kill two in Quetta\n\n"
        "Unidentified gunmen shot dead two traders in a market in Quetta on Monday, police said. "
        "The attackers fled on a motorcycle.\n"
    ),
    "hostile.txt": (
        f"Blast {HOSTILE_SCRIPT} in Kandahar {HOSTILE_IMG}\n\n"
        f"A bomb exploded in Kandahar on Monday, killing three people, police said. "
        f"{HOSTILE_SCRIPT} {HOSTILE_IMG}\n"
        "The Taliban-run interior ministry said an investigation had begun.\n"
    ),
    "lahore.txt": "Police arrested three suspects in Lahore on Tuesday, a spokesman said.\n",
    "kabul.txt": (  # claim edges: arrests(police, ISKP), hosts(Pakistan, Islamic State)
        "Police arrested three ISKP members in Kabul on Sunday, the interior ministry said.\n\n"
        "Pakistan is hosting a growing network of ISIS facilities, the author wrote.\n"
    ),
    "peshawar.txt": (
        "Hundreds of lawyers protested peacefully in Peshawar on Wednesday against the killing "
        "of a colleague.\n"
    ),
    "statement.jsonl": json.dumps(  # a link that is a script, from a feed's metadata
        {
            "id": "statement-1",
            "title": "Ministry statement",
            "url": "javascript:alert(document.cookie)",
            "text": "Security forces killed four militants in North Waziristan on Friday, "
            "the military said in a statement.",
        }
    )
    + "\n",
}


def claimgraph(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def build_store(folder: Path) -> str:
    """Write the articles, ingest them into a new SQLite store and return its path."""
    articles = folder / "articles"
    articles.mkdir()
    for name, body in ARTICLES.items():
        (articles / name).write_text(body, encoding="utf-8")
    db = str(folder / "web.db")
    result = claimgraph("ingest", str(articles), "--db", db, "--published", "2024-03-14")
    assert result.returncode == 0, result.stderr
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(db: str, *options: str) -> Iterator[str]:
    """Run `claimgraph serve` on a free port; yield its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [CLI, "serve", "--db", db, "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                httpx.get(f"{base}/static/app.css", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise AssertionError(
                        f"serve exited: {server.stderr.read() if server.stderr else ''}"
                    ) from None
                time.sleep(0.25)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)
