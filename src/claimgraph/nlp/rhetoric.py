"""rhetoric_v1: flag loaded language and argumentative devices as `doc._.rhetoric` spans.

Patterns are lemma sequences per contract kind in `data/rhetoric.yaml` (built from the PTC
technique definitions), matched on the tokens' lemmas so that inflected variants match:
"leave little doubt" finds "leaves little doubt" and "left little doubt". Overlapping matches
keep the longest span.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import get_args

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import filter_spans

from claimgraph.data_files import lexicon_cache, load_yaml, read_data_yaml
from claimgraph.model import Rhetoric, RhetoricKind
from claimgraph.nlp.extensions import is_ignored

KINDS: tuple[str, ...] = get_args(RhetoricKind)


# One pattern step: the lemmas it accepts, or None for "*" (one optional token of any kind).
Step = frozenset[int] | None


class LemmaPatterns:
    """Lemma-sequence patterns, indexed by the lemma they start with.

    spaCy's Matcher steps every pattern through every token; indexing by first lemma tries
    at each token only the patterns that can start there. The matches are those the Matcher
    would give for the same patterns: every (start, end) any pattern spans, "*" taken or not.
    """

    def __init__(self, patterns: dict[str, tuple[str, ...]]) -> None:
        self._by_first: dict[int, list[tuple[str, tuple[Step, ...]]]] = {}
        self._anywhere: list[tuple[str, tuple[Step, ...]]] = []
        for kind, phrases in patterns.items():
            for phrase in phrases:
                steps = tuple(_step(word) for word in phrase.split())
                if not steps:
                    continue
                first = steps[0]
                if first is None:
                    self._anywhere.append((kind, steps))
                for lemma in first or ():
                    self._by_first.setdefault(lemma, []).append((kind, steps))

    def matches(self, lemmas: Sequence[int]) -> list[tuple[str, int, int]]:
        """Return (kind, start, end) for every span of the lemma ids some pattern matches."""
        found: list[tuple[str, int, int]] = []
        for start, lemma in enumerate(lemmas):
            for kind, steps in (*self._by_first.get(lemma, ()), *self._anywhere):
                found.extend(
                    (kind, start, end) for end in _ends(steps, lemmas, start) if end > start
                )
        return found


def _step(word: str) -> Step:
    """Turn one pattern word into a step: "*" any one token or none, "a|b" either lemma."""
    return None if word == "*" else frozenset(get_string_id(w) for w in word.split("|"))


def _ends(steps: tuple[Step, ...], lemmas: Sequence[int], at: int) -> Iterator[int]:
    """Yield every end of a match of `steps` from token `at`."""
    if not steps:
        yield at
        return
    step, rest = steps[0], steps[1:]
    if step is None:
        yield from _ends(rest, lemmas, at)
    if at < len(lemmas) and (step is None or lemmas[at] in step):
        yield from _ends(rest, lemmas, at + 1)


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
    matches = patterns.matches(doc.to_array(LEMMA).tolist())
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
