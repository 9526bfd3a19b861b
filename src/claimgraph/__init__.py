"""claimgraph: conflict reporting to an auditable record of events, places, actors and claims."""

__version__ = "0.1.0"
