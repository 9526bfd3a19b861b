"""Typed values that flow between the stages: frozen, slotted, plain.

Every value here is what the output contract in DESIGN.md serialises; `to_json` in
`claimgraph.export.contract` is the one place that turns them into JSON objects.
Offsets are Python string indices into `Document.text`, end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Genre = Literal["news", "opinion", "statement", "unknown"]
SpeakerType = Literal[
    "author",
    "named_person",
    "named_official",
    "named_organization",
    "named_media",
    "unnamed",
    "self_admission",
]
Modality = Literal["asserted", "hedged", "attributed", "denied", "questioned"]
ActorKind = Literal[
    "state",
    "rebel",
    "militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external",
    "unidentified",
]
RhetoricKind = Literal[
    "loaded_language",
    "appeal_to_fear",
    "unsupported_certainty",
    "vague_authority",
    "name_calling",
    "exaggeration",
    "other",
]


Relation = Literal[
    "hosts",
    "supports",
    "trains",
    "directs",
    "attacks",
    "kills",
    "arrests",
    "allied_with",
    "accuses",
    "denies",
    "reports",
]
EntityKind = Literal["actor", "person", "place", "event", "document"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which registered component (and claimgraph version) produced a fact, and how sure it was.

    `confidence` is the tool's confidence that it read the text right, never that it is true.
    """

    component: str
    version: str
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text; `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as read, before any analysis.

    `ignored` holds (start, end) ranges the analysis skips (boilerplate lines such as
    "Exit mobile version"); the text itself is never altered.
    """

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # file path or "<stdin>", for messages
    ignored: tuple[tuple[int, int], ...] = ()
    language: str | None = None
    sha256: str = ""

    @property
    def publication(self) -> str:
        """The hash that names this publication: its text's sha256, with its outlet and URL.

        One wire story run word for word by two outlets is two publications (the record lists
        both; corroboration counts them as one source); the same file read twice is one.
        Without an outlet or URL it is the text's sha256 itself.
        """
        return publication_key(self.sha256, self.outlet, self.url)


def publication_key(sha256: str, outlet: str | None, url: str | None) -> str:
    """Return the publication hash of a text's sha256 with its outlet and URL (see Document)."""
    if not outlet and not url:
        return sha256
    return hashlib.sha256(f"{sha256}\n{outlet or ''}\n{url or ''}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who asserts a claim or an event; start/end point at the mention, None for the author."""

    name: str | None
    type: SpeakerType
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """One toponym mention and what it resolved to (all resolution fields may be None)."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    feature_code: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, with ACLED geo_precision (1 town, 2 district or near, 3 region)."""

    name: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    geo_precision: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved against the actor lexicon."""

    text: str
    start: int
    end: int
    name: str
    kind: ActorKind | None = None
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class EventActor:
    """actor1/actor2 of an event: canonical name, the text as written, ACLED actor kind."""

    name: str
    text: str
    kind: ActorKind | None


@dataclass(frozen=True, slots=True)
class Event:
    """One ACLED-coded incident with its arguments and evidence (one span per sentence)."""

    id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    time_precision: int | None
    actor1: EventActor | None
    actor2: EventActor | None
    background: bool
    location: Location | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    speaker: Speaker
    modality: Modality
    evidence: tuple[Span, ...]
    confidence: float
    document_id: str = ""  # the Document.id it was read from; set by harvest
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement the document makes, with who makes it and how firmly."""

    text: str
    start: int
    end: int
    speaker: Speaker
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    modality: Modality
    hedge: Span | None = None
    check_worthiness: float = 0.0
    document_id: str = ""  # the Document.id it was read from; set by harvest
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Rhetoric:
    """A span of loaded language or an argumentative device."""

    kind: RhetoricKind
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Record:
    """Everything claimgraph extracted from one document, in plain types."""

    document: Document
    genre: Genre = "unknown"
    genre_evidence: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    rhetoric: tuple[Rhetoric, ...] = ()
    components: tuple[str, ...] = field(default=())  # provenance: registered component names
    edges: tuple[ClaimEdge, ...] = ()  # relations between entities, each somebody's claim


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One end of a claim edge: an entity that is the same across documents.

    `key` is what joins the record: a GeoNames id for places, the canonical lexicon name for
    actors, the name for persons, the event id for events.
    """

    kind: EntityKind
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class ClaimEdge:
    """A relation a document states between two entities, as somebody's claim.

    "Pakistan is hosting ISIS facilities" in an opinion piece is an edge hosts(Pakistan, ISIS)
    whose speaker is the author: never a fact, always who says it, how firmly, and where.
    """

    id: str
    document_id: str
    subject: EntityRef
    relation: Relation
    object: EntityRef
    speaker: Speaker
    modality: Modality
    evidence: Span
    confidence: float
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class ConflictingValue:
    """One value of a field that the reports of an incident disagree on, and who gives it."""

    field: str
    value: str
    document_id: str
    speaker: Speaker


@dataclass(frozen=True, slots=True)
class Assertion:
    """One real-world incident: the events of every document that reports it, merged.

    Fatalities follow ACLED and UCDP practice: `fatalities` is the most conservative figure
    the reports support, `fatalities_low`/`fatalities_high` their range. `independent_sources`
    counts reports that are not copies of one another (a syndicated wire story counts once)
    and not commentary on someone else's report.
    """

    id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    time_precision: int | None
    location: Location | None
    actor1: EventActor | None
    actor2: EventActor | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    events: tuple[str, ...]
    documents: tuple[str, ...]
    independent_sources: int
    conflicts: tuple[ConflictingValue, ...] = ()
