"""The web app: a FastAPI JSON API and server-rendered pages over the store (`claimgraph serve`).

`create_app(store_url, settings)` builds it; routes live in `api` (JSON), `pages` (HTML),
`review` (analysts' decisions); `auth` decides who may do what. Article text and metadata are
untrusted: templates autoescape, highlights are built from escaped slices, scripts are static.
"""

from __future__ import annotations

from claimgraph.web.app import WebSettings, create_app
from claimgraph.web.auth import is_loopback

__all__ = ["WebSettings", "create_app", "is_loopback"]
