"""Corroboration: which reports tell the same incident, and how many independent sources say so.

Pure functions over model values (no I/O, no spaCy): `blocking` finds candidate pairs by
date and place so comparison stays near-linear, `syndication` finds copies of one text,
`assertions` clusters events into Assertions incrementally and `conflicts` lists the
values the reports disagree on. "Same incident?" itself lives in `claimgraph.identity`.
"""

from claimgraph.corroborate.assertions import assign, cluster, summarize
from claimgraph.corroborate.blocking import BlockIndex, candidate_pairs
from claimgraph.corroborate.syndication import syndication_groups

__all__ = ["BlockIndex", "assign", "cluster", "candidate_pairs", "summarize", "syndication_groups"]
