"""spaCy pipeline assembly and claimgraph's registered components (the only package importing spaCy, with harvest)."""
