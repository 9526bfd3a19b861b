"""genre_v1: decide news | opinion | statement | unknown, with human-readable evidence.

Runs after attribution_v1 and rhetoric_v1 and reads their output. Each cue adds weight to a
genre; the heaviest genre wins if it reaches MIN_SCORE, else "unknown". Metadata (URL
section, title) weighs most; then datelines and press-release boilerplate; then the stance
of the writer's own sentences (prescriptive and evaluative language, first person, rhetoric
density) against the share of attributed speech that marks reporting.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.data_files import data_path, load_yaml
from claimgraph.model import Claim, Document, Genre, Rhetoric
from claimgraph.nlp.attribution import find_quotes
from claimgraph.nlp.extensions import text_of

GENRES: tuple[Genre, ...] = ("news", "opinion", "statement")
# Weights and thresholds are hand-set (not calibrated): metadata outweighs text cues; a genre
# needs at least one strong or two weak cues.
MIN_SCORE = 1.0
METADATA_WEIGHT = 3.0
DATELINE_WEIGHT = 2.0
MARKER_WEIGHT = 1.0
PRESCRIPTIVE_WEIGHT = 0.75
EVALUATIVE_WEIGHT = 0.5
CAP = 3.0
ATTRIBUTION_WEIGHT = 5.0
# Densities checked on PolNeAR dev (hard news): its writers rarely pass these.
FIRST_PERSON_PER_100 = 1.0
RHETORIC_PER_100 = 1.0
MIN_PRESCRIPTIVE = 2
HEAD_CHARS = 300


@dataclass(frozen=True, slots=True)
class GenreCues:
    """Compiled genre cue patterns (from data/genre.yaml)."""

    url_sections: dict[str, tuple[re.Pattern[str], ...]]
    title_markers: dict[str, tuple[re.Pattern[str], ...]]
    datelines: tuple[re.Pattern[str], ...]
    statement_markers: tuple[re.Pattern[str], ...]
    prescriptive: tuple[re.Pattern[str], ...]
    evaluative: tuple[re.Pattern[str], ...]
    first_person: re.Pattern[str]

    @classmethod
    def from_path(cls, path: Path) -> GenreCues:
        """Load and compile the cue patterns."""
        data = load_yaml(path.read_text(encoding="utf-8"))

        def compiled(patterns: Iterable[str], flags: int = re.I) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p, flags) for p in patterns)

        return cls(
            url_sections={g: compiled(v) for g, v in data["url_sections"].items()},
            title_markers={g: compiled(v) for g, v in data["title_markers"].items()},
            datelines=compiled(data["datelines"], 0),
            statement_markers=compiled(data["statement_markers"], re.I | re.M),
            prescriptive=compiled(data["prescriptive"]),
            evaluative=compiled(data["evaluative"]),
            first_person=re.compile(data["first_person"]),
        )


@functools.cache
def default_genre_cues() -> GenreCues:
    """Return the cues shipped in claimgraph/data/genre.yaml."""
    return GenreCues.from_path(data_path("genre.yaml"))


class Cue(NamedTuple):
    """One piece of evidence: the genre it supports, its weight, what a reader is shown."""

    genre: Genre
    weight: float
    evidence: str


def unquoted(text: str) -> str:
    """Blank out quotations so only the writer's own words remain (offsets kept)."""
    chars = list(text)
    for start, end in find_quotes(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def metadata_cues(document: Document | None, cues: GenreCues) -> list[Cue]:
    """Read genre cues off the URL section and the title."""
    if document is None:
        return []
    found = []
    for genre, patterns in cues.url_sections.items():
        hit = next((m for p in patterns if (m := p.search(document.url or ""))), None)
        if hit:
            found.append(Cue(genre, METADATA_WEIGHT, f"url section: '{hit.group(0)}'"))  # type: ignore[arg-type]
    for genre, patterns in cues.title_markers.items():
        hit = next((m for p in patterns if (m := p.search(document.title or ""))), None)
        if hit:
            found.append(Cue(genre, METADATA_WEIGHT, f"title: '{hit.group(0).strip()}'"))  # type: ignore[arg-type]
    return found


def layout_cues(text: str, cues: GenreCues) -> list[Cue]:
    """Find datelines at the top and press-release boilerplate anywhere."""
    found = []
    head = text[:HEAD_CHARS]
    lines = [line for line in head.splitlines() if line.strip()]
    for line in lines[:4]:
        hit = next((m for p in cues.datelines if (m := p.search(line))), None)
        if hit:
            found.append(Cue("news", DATELINE_WEIGHT, f"dateline: '{hit.group(0).strip()}'"))
            break
    markers = [m.group(0).strip() for p in cues.statement_markers for m in p.finditer(text)]
    if markers:
        weight = min(CAP, MARKER_WEIGHT * len(markers))
        found.append(Cue("statement", weight, f"press-release marker: '{markers[0]}'"))
    return found


def writer_text(text: str, claims: list[Claim]) -> str:
    """Return the writer's own words: the author's claims, else the text without quotations."""
    own = [c.text for c in claims if c.speaker.type == "author"]
    return unquoted("\n".join(own) if claims else text)


def stance_cues(own: str, cues: GenreCues) -> list[Cue]:
    """Find the writer's prescriptive and evaluative language and first person."""
    found = []
    prescriptive = [m.group(0) for p in cues.prescriptive for m in p.finditer(own)]
    # one "should" is common in reporting; a writer who argues prescribes repeatedly
    if len(prescriptive) >= MIN_PRESCRIPTIVE:
        weight = min(CAP, PRESCRIPTIVE_WEIGHT * len(prescriptive))
        examples = ", ".join(f"'{p}'" for p in prescriptive[:2])
        found.append(Cue("opinion", weight, f"prescriptive: {examples}"))
    evaluative = [m.group(0) for p in cues.evaluative for m in p.finditer(own)]
    if evaluative:
        weight = min(CAP / 2, EVALUATIVE_WEIGHT * len(evaluative))
        found.append(Cue("opinion", weight, f"evaluative: '{evaluative[0]}'"))
    words = max(1, len(own.split()))
    first = cues.first_person.findall(own)
    if len(first) * 100 / words >= FIRST_PERSON_PER_100:
        found.append(Cue("opinion", 1.0, f"first person: {len(first)} in {words} words"))
    return found


def analysis_cues(text: str, claims: list[Claim], rhetoric: list[Rhetoric]) -> list[Cue]:
    """Weigh rhetoric density against the share of attributed speech."""
    found = []
    words = max(1, len(text.split()))
    per_100 = len(rhetoric) * 100 / words
    if per_100 >= RHETORIC_PER_100:
        weight = min(2.0, per_100)
        found.append(Cue("opinion", weight, f"rhetoric: {len(rhetoric)} devices in {words} words"))
    if claims:
        attributed = [c for c in claims if c.speaker.type != "author"]
        share = len(attributed) / len(claims)
        found.append(
            Cue(
                "news",
                ATTRIBUTION_WEIGHT * share,
                f"attributed speech: {len(attributed)} of {len(claims)} claims",
            )
        )
    return found


def decide_genre(found: list[Cue]) -> tuple[Genre, tuple[str, ...]]:
    """Pick the heaviest genre (unknown below MIN_SCORE) and the evidence for it."""
    scores = {g: sum(c.weight for c in found if c.genre == g) for g in GENRES}
    best = max(GENRES, key=lambda g: scores[g])
    if scores[best] < MIN_SCORE:
        return "unknown", tuple(c.evidence for c in found)
    return best, tuple(c.evidence for c in found if c.genre == best and c.weight > 0)


def find_genre(doc: Doc, cues: GenreCues) -> tuple[Genre, tuple[str, ...]]:
    """Return the genre of a document and the evidence for it."""
    found = metadata_cues(doc._.document, cues)
    text = text_of(doc)
    found += layout_cues(text, cues)
    found += stance_cues(writer_text(text, doc._.claims or []), cues)
    found += analysis_cues(text, doc._.claims or [], doc._.rhetoric or [])
    return decide_genre(found)


class GenreFinder:
    """spaCy component: set `doc._.genre` to (genre, evidence)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cues = default_genre_cues()

    def __call__(self, doc: Doc) -> Doc:
        doc._.genre = find_genre(doc, self.cues)
        return doc


@Language.factory("genre_v1", assigns=["doc._.genre"], requires=["doc._.claims", "doc._.rhetoric"])
def make_genre(nlp: Language, name: str) -> GenreFinder:
    """Create the genre_v1 component."""
    return GenreFinder(name)
