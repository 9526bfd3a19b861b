"""How firmly a claim is made (modality, hedge span) and how worth checking it is.

Modality follows DESIGN.md: `hedged` when a hedge cue lies in the claim's region (then the
hedge span is kept), else `denied`, else `questioned`, else `attributed` when the speaker is
not the author and `asserted` when it is. Cue lists are lemma sequences in data/cues.yaml,
matched as lemma patterns (nlp/lemma_patterns.py) so inflections match ("is believed",
"were believed").

`check_worthiness` scores a claim with the trained model shipped in the package
(`claimgraph.nlp.checkworthiness`); `score_signals`, a heuristic over surface signals, stands in
when CLAIMGRAPH_CHECKWORTHINESS_MODEL=heuristic.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span

from claimgraph.data_files import load_yaml, read_data_yaml
from claimgraph.model import Modality, SpeakerType
from claimgraph.model import Span as TextSpan
from claimgraph.nlp.extensions import entities_in, text_of
from claimgraph.nlp.lemma_patterns import LemmaPatterns

KINDS = ("hedges", "sourced_hedges", "denials", "questions")
PRESCRIPTIVE = frozenset({"must", "should", "ought", "need", "shall"})
FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})
CHECKABLE_ENTITIES = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "DATE",
        "CARDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
    }
)


class ModalityCues(NamedTuple):
    """Character ranges of the modality cues found in one document."""

    hedges: list[tuple[int, int]]
    sourced_hedges: list[tuple[int, int]]
    denials: list[tuple[int, int]]
    questions: list[tuple[int, int]]


class ModalityMatcher:
    """Find hedge, denial and question cues in a Doc."""

    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self.patterns = LemmaPatterns({kind: phrases.get(kind, []) for kind in KINDS})

    @classmethod
    def from_path(cls, path: Path | None = None) -> ModalityMatcher:
        """Build the matcher from a cues YAML file (default: the shipped data/cues.yaml)."""
        if path is None:
            data = read_data_yaml("cues.yaml")
        else:
            data = load_yaml(path.read_text(encoding="utf-8"))
        return cls({kind: data.get(kind, []) for kind in KINDS})

    def find(self, doc: Doc) -> ModalityCues:
        """Return the character ranges of every cue, longest match per start."""
        found: dict[str, dict[int, int]] = {kind: {} for kind in KINDS}
        for kind, start, end in self.patterns(doc):
            span = doc[start:end]
            ranges = found[kind]
            ranges[span.start_char] = max(ranges.get(span.start_char, 0), span.end_char)
        return ModalityCues(*(sorted(found[kind].items()) for kind in KINDS))


def implies_source(cues: ModalityCues, hedge: TextSpan | None) -> bool:
    """Tell whether a hedge stands for an unnamed source ("reportedly", "is said to")."""
    return hedge is not None and (hedge.start, hedge.end) in cues.sourced_hedges


def first_inside(ranges: list[tuple[int, int]], region: tuple[int, int]) -> tuple[int, int] | None:
    """Return the first cue range lying inside the region."""
    return next((r for r in ranges if region[0] <= r[0] and r[1] <= region[1]), None)


def decide_modality(
    cues: ModalityCues, text: str, region: tuple[int, int], by_author: bool
) -> tuple[Modality, TextSpan | None]:
    """Return the modality of the claim whose cue, source and content lie in `region`."""
    hedge = first_inside(cues.sourced_hedges, region) or first_inside(cues.hedges, region)
    if hedge is not None:
        return "hedged", TextSpan(hedge[0], hedge[1], text[hedge[0] : hedge[1]])
    if first_inside(cues.denials, region) is not None:
        return "denied", None
    stripped = text[region[0] : region[1]].rstrip(" \"'”’)\n")
    if stripped.endswith("?") or first_inside(cues.questions, region) is not None:
        return "questioned", None
    return ("asserted" if by_author else "attributed"), None


class ClaimSignals(NamedTuple):
    """Surface signals of a claim's text that bear on whether it is worth checking."""

    words: int
    has_number: bool
    entities: int
    past_tense: bool
    prescriptive: bool
    first_person: bool
    question: bool


def claim_signals(span: Span) -> ClaimSignals:
    """Read the check-worthiness signals off a claim's tokens."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return ClaimSignals(
        words=len(words),
        has_number=any(t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT") for t in words),
        entities=len([e for e in entities_in(span) if e.label_ in CHECKABLE_ENTITIES]),
        past_tense=any(t.tag_ in ("VBD", "VBN") for t in words),
        prescriptive=any(t.lower_ in PRESCRIPTIVE and t.tag_ == "MD" for t in words)
        or bool(re.search(r"\bneeds? to\b", span.text, re.I)),
        first_person=any(t.lower_ in FIRST_PERSON for t in words),
        question=span.text.rstrip(" \"'”’").endswith("?"),
    )


def score_signals(signals: ClaimSignals, speaker_type: SpeakerType, modality: Modality) -> float:
    """Score 0–1: factual, checkable statements high; opinion, prescription, questions low.

    Hand-set weights (not calibrated): a checkable claim names who/where/how many and reports
    a past event; prescriptions and questions are not checkable.
    """
    score = 0.3
    score += 0.2 if signals.has_number else 0.0
    score += 0.1 * min(signals.entities, 3)
    score += 0.15 if signals.past_tense else 0.0
    score += 0.1 if speaker_type not in ("author", "unnamed") else 0.0
    score -= 0.35 if signals.prescriptive else 0.0
    score -= 0.3 if signals.question or modality == "questioned" else 0.0
    score -= 0.1 if signals.first_person else 0.0
    score -= 0.25 if signals.words < 5 else 0.0
    return round(min(1.0, max(0.0, score)), 3)


def check_worthiness(span: Span, speaker_type: SpeakerType, modality: Modality) -> float:
    """Return how worth checking a claim is, 0–1.

    The shipped model (nlp/checkworthiness.py; another file or `heuristic` through
    CLAIMGRAPH_CHECKWORTHINESS_MODEL) scores the claim and the sentence(s) it lies in, averaged:
    CT24 dev F1 through extract 0.835 (the sentence alone scores the same, the claim alone
    0.818). With `heuristic` the surface heuristic `score_signals` scores it (CT24 dev F1 0.759).
    """
    from claimgraph.nlp.checkworthiness import installed_model, score_check_worthiness

    if len(span) == 0:
        return 0.0
    model = installed_model()
    if model is None:
        return score_signals(claim_signals(span), speaker_type, modality)
    text = text_of(span.doc)
    sentences = text[span[0].sent.start_char : span[-1].sent.end_char]
    claim = text[span.start_char : span.end_char]
    claim_score, sentence_score = score_check_worthiness([claim, sentences], model)
    return round((claim_score + sentence_score) / 2, 3)
