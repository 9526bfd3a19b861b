"""The offline gazetteer: look places up, build the cache, import GeoNames dumps and user places.

    lookup       the Gazetteer Protocol, GazetteerEntry, SQLite and in-memory implementations
    build        the SQLite cache from installed data packages (explicit: ensure_gazetteer)
    geonames     GeoNames dump files a user downloaded
    user_places  a user's own places files (CSV/YAML)

Imports point down: build, geonames and user_places use lookup; nothing here imports
claimgraph.resolve, claimgraph.nlp or spaCy (tests/test_gazetteer_layering.py checks).
"""
