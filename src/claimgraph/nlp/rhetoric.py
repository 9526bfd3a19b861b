"""rhetoric_v1: flag loaded language and argumentative devices as `doc._.rhetoric` spans.

Patterns are lemma sequences per contract kind in `data/rhetoric.yaml` (built from the PTC
technique definitions), matched on the tokens' lemmas so that inflected variants match:
"leave little doubt" finds "leaves little doubt" and "left little doubt". Overlapping matches
keep the longest span.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from claimgraph.data_files import lexicon_cache, load_yaml, read_data_yaml
from claimgraph.model import Rhetoric, RhetoricKind
from claimgraph.nlp.extensions import is_ignored
from claimgraph.nlp.lemma_patterns import LemmaPatterns

KINDS: tuple[str, ...] = get_args(RhetoricKind)


@lexicon_cache
def load_patterns(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Read the pattern lists per kind (default: data/rhetoric.yaml, with the user's)."""
    if path is None:
        data = read_data_yaml("rhetoric.yaml") or {}
    else:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {kind: tuple(data.get(kind) or ()) for kind in KINDS}


def find_rhetoric(doc: Doc, patterns: LemmaPatterns) -> list[Rhetoric]:
    """Return the rhetoric spans of a document in text order, longest match on overlap."""
    matches = patterns(doc)
    spans = [doc[start:end] for _, start, end in matches]
    kinds = {(start, end): kind for kind, start, end in matches}
    found = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        if is_ignored(doc, span.start_char, span.end_char):
            continue
        kind = kinds[(span.start, span.end)]
        found.append(Rhetoric(kind, span.text, span.start_char, span.end_char))  # type: ignore[arg-type]
    return found


class RhetoricFinder:
    """spaCy component: set `doc._.rhetoric`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.patterns = LemmaPatterns(load_patterns())

    def __call__(self, doc: Doc) -> Doc:
        doc._.rhetoric = find_rhetoric(doc, self.patterns)
        return doc


@Language.factory("rhetoric_v1", assigns=["doc._.rhetoric"], requires=["token.lemma"])
def make_rhetoric(nlp: Language, name: str) -> RhetoricFinder:
    """Create the rhetoric_v1 component."""
    return RhetoricFinder(nlp, name)
