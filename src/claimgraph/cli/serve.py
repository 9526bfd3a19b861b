"""`claimgraph serve`: the web app and JSON API over the store (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.application import app, stderr
from claimgraph.cli.record import DbOption, open_store


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; anything but loopback requires tokens."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    require_auth: Annotated[
        bool,
        typer.Option("--require-auth", help="Require a token (or a login) even on 127.0.0.1."),
    ] = False,
) -> None:
    """Serve the record: pages for analysts and a JSON API (docs at /docs)."""
    import uvicorn

    from claimgraph.web import WebSettings, create_app, is_loopback

    store = open_store(db)  # creates or migrates it, and fails here with one line if it cannot
    url = store.url
    store.close()
    settings = WebSettings(require_auth=require_auth or not is_loopback(host))
    application = create_app(url, settings)
    shown = f"[{host}]" if ":" in host else host
    auth = "tokens required" if settings.require_auth else "no login (loopback only)"
    stderr.print(
        f"claimgraph: serving {store.name} at http://{shown}:{port}/ ({auth})", markup=False
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")
