"""spaCy pipeline assembly and claimgraph's registered components.

The only package that imports spaCy, with `claimgraph.harvest`.
"""
