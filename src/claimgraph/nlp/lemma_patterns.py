"""Lemma-sequence patterns ("leave * little|no doubt") matched on a document's lemmas.

Cue and rhetoric lists are written as lemma sequences so that inflections match: "leave
little doubt" finds "leaves little doubt" and "left little doubt". "*" is one optional token
of any kind, "a|b" either lemma. spaCy's Matcher steps every pattern through every token;
indexing the patterns by the lemma they start with tries at each token only those that can
start there, on the document's LEMMA array (no Token objects made). The matches are those the
Matcher gives for the same patterns: every (start, end) any pattern spans, "*" taken or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["LemmaPatterns"]

# One pattern step: the lemmas it accepts, or None for "*" (one optional token of any kind).
Step = frozenset[int] | None


class LemmaPatterns:
    """Lemma-sequence patterns of several kinds, indexed by the lemma they start with."""

    def __init__(self, patterns: Mapping[str, Iterable[str]]) -> None:
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

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Return (kind, start, end) token ranges for every match in the document."""
        return self.matches(doc.to_array(LEMMA).tolist())

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
