"""What the store exporters write: the stored record as one bundle of plain model values.

The CLI (and the web app) read the store into an `ExportBundle`; every store exporter is a
pure function of it. Event and claim `document_id`s are the store's document ids, the keys of
`documents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from claimgraph.model import Assertion, Claim, ClaimEdge, Document, Event, Speaker


@dataclass(frozen=True, slots=True)
class BundleDocument:
    """A stored document's metadata (its text left out) and when it was ingested."""

    id: str  # the store id
    document: Document  # document.id is the input id (path or JSONL id)
    genre: str
    ingested_at: str  # ISO timestamp


@dataclass(frozen=True, slots=True)
class IdentifiedClaim:
    """A stored claim with its store id."""

    id: str
    claim: Claim


@dataclass(frozen=True, slots=True)
class ExportBundle:
    """Documents with the events, claims, claim edges and assertions read from them."""

    documents: tuple[BundleDocument, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[IdentifiedClaim, ...] = ()
    edges: tuple[ClaimEdge, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    # edge id -> how many stored documents state the same subject-relation-object; edges
    # missing here are counted within the bundle.
    edge_documents: Mapping[str, int] = field(default_factory=dict)
    # event, claim or edge id -> what analysts decided ("corrected by ana"); the values above
    # already carry the corrections, and rejected items are left out.
    reviews: Mapping[str, str] = field(default_factory=dict)
    _by_id: dict[str, BundleDocument] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _assertion_of: dict[str, Assertion] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._by_id.update((d.id, d) for d in self.documents)
        self._assertion_of.update((e, a) for a in self.assertions for e in a.events)

    def document(self, document_id: str) -> BundleDocument | None:
        """Return the document with this store id, if the bundle holds it."""
        return self._by_id.get(document_id)

    def assertion_of(self, event_id: str) -> Assertion | None:
        """Return the assertion (cross-document incident) an event belongs to, if any."""
        return self._assertion_of.get(event_id)

    def outlets_of(self, event: Event) -> list[str]:
        """Return the outlets reporting an event: its document's, and its assertion's others."""
        assertion = self.assertion_of(event.id)
        ids = [event.document_id, *(assertion.documents if assertion else ())]
        outlets: list[str] = []
        for document_id in ids:
            found = self.document(document_id)
            outlet = found.document.outlet if found else None
            if outlet and outlet not in outlets:
                outlets.append(outlet)
        return outlets

    def speaker_name(self, speaker: Speaker, document_id: str) -> str:
        """Return who says it: the speaker's name; for the author, the byline or the outlet."""
        if speaker.name:
            return speaker.name
        if speaker.type != "author":
            return "an unnamed source"
        found = self.document(document_id)
        doc = found.document if found else None
        if doc and doc.author:
            return doc.author
        return f"the author ({doc.outlet})" if doc and doc.outlet else "the author"
