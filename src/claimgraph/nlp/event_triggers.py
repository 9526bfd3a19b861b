"""The trigger lexicon and its matcher (part of events.v1).

The phrases of `data/event_triggers.yaml`, each with the ACLED sub-event type it says, are
matched in any inflection on a document's lowercase tokens; `triggers_by_sentence` splits the
document's triggers among its sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimgraph.data_files import lexicon_cache, read_data_yaml
from claimgraph.taxonomy import EVENT_TYPE_OF


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One trigger phrase and what it says about the incident."""

    sub_event_type: str
    specificity: int
    # Read from the parse (who did what to whom), not from a word alone: the codebook's own
    # test, which the classifier does not replace (claimgraph.nlp.events.decisive_type).
    parsed: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a sentence: its tokens, the token that heads them, and its rule."""

    span: Span
    head: Token
    rule: TriggerRule


@lexicon_cache
def load_trigger_rules() -> dict[str, TriggerRule]:
    """Read the trigger lexicon: phrase (lemmas, space-joined) -> rule."""
    rules: dict[str, TriggerRule] = {}
    for entry in read_data_yaml("event_triggers.yaml")["triggers"]:
        rule = TriggerRule(entry["sub_event_type"], int(entry["specificity"]))
        if rule.sub_event_type not in EVENT_TYPE_OF:
            raise ValueError(f"event_triggers.yaml: unknown sub_event_type {rule.sub_event_type!r}")
        for phrase in entry["phrases"]:
            rules.setdefault(phrase.lower(), rule)
    return rules


class TriggerMatcher:
    """Match the trigger lexicon's phrases, in any inflection, on lowercase tokens.

    The lexicon's phrases inflect word by word ("set on fire" -> "sets on fire", "setting
    on fire": every form of every word), about 80,000 sequences in all. Rather than tokenise
    each sequence into a PhraseMatcher pattern at start-up (a second or more per run), each
    phrase keeps, per word, the set of its forms' lowercase hashes, and a document's LOWER
    array is checked against them. It finds what a PhraseMatcher over every inflected
    sequence (attr LOWER) finds, because the tokenizer splits a space-joined sequence at its
    spaces first: one word's forms tokenise alike inside or outside the phrase
    (tests/test_trigger_matcher.py compares the two).
    """

    def __init__(self, nlp: Language, phrases: Iterable[str]) -> None:
        self.phrases: list[str] = []
        # Phrases whose forms are all one token: one set of LOWER hashes per word.
        self._slots: list[tuple[frozenset[int], ...] | None] = []
        # Phrases with a form of several tokens ("set-up"): every token sequence, spelled out.
        self._sequences: list[frozenset[tuple[int, ...]]] = []
        self._by_first: dict[int, list[int]] = {}
        tokenised: dict[str, tuple[int, ...]] = {}
        # A word of letters only, unless the tokenizer has a special case for it ("cannot"),
        # is one token: its lowercase hash needs no tokenising (checked on every shipped form).
        special = getattr(nlp.tokenizer, "rules", None) or {}

        def plain(word: str) -> bool:
            return word.isalpha() and word not in special

        def lowers(text: str) -> tuple[int, ...]:
            if text not in tokenised:
                tokenised[text] = (
                    (get_string_id(text.lower()),)
                    if plain(text)
                    else tuple(t.lower for t in nlp.make_doc(text))
                )
            return tokenised[text]

        for phrase in phrases:
            index = len(self.phrases)
            self.phrases.append(phrase)
            split = phrase.split(" ")
            words = (
                split if all(plain(w) for w in split) else [t.text for t in nlp.make_doc(phrase)]
            )
            forms = [_inflections(w) for w in words]
            if all(len(lowers(f)) == 1 for word_forms in forms for f in word_forms):
                slots = tuple(frozenset(lowers(f)[0] for f in word_forms) for word_forms in forms)
                self._slots.append(slots)
                self._sequences.append(frozenset())
                firsts: set[int] = set(slots[0])
            else:
                sequences = frozenset(
                    tuple(h for f in combo for h in lowers(f)) for combo in product(*forms)
                )
                self._slots.append(None)
                self._sequences.append(sequences)
                firsts = {sequence[0] for sequence in sequences}
            for first in firsts:
                self._by_first.setdefault(first, []).append(index)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Return (phrase, start, end) of every match, by start, end, then lexicon order."""
        lower = doc.to_array("LOWER").tolist()
        n = len(lower)
        found: list[tuple[int, int, int]] = []
        for start, first in enumerate(lower):
            for index in self._by_first.get(first, ()):
                slots = self._slots[index]
                if slots is not None:
                    end = start + len(slots)
                    if end <= n and all(
                        lower[start + i] in slot for i, slot in enumerate(slots) if i
                    ):
                        found.append((start, end, index))
                    continue
                for sequence in self._sequences[index]:
                    end = start + len(sequence)
                    if tuple(lower[start:end]) == sequence:
                        found.append((start, end, index))
        found.sort()
        return [(self.phrases[index], start, end) for start, end, index in found]


def build_trigger_matcher(nlp: Language, rules: dict[str, TriggerRule]) -> TriggerMatcher:
    """Compile the lexicon over lowercase inflected forms; matches name their phrase."""
    # Inflected surface forms rather than lemmas: the small model's lemmatizer misses some
    # ("strikes" tagged as a verb, sentence-initial capitals); lowercase forms cover both.
    return TriggerMatcher(nlp, rules)


def _inflections(word: str) -> list[str]:
    """Return the common English inflections of a lemma (regular, plus a few irregular)."""
    irregular = {
        "shoot": ["shot"],
        "take": ["took", "taken"],
        "blow": ["blew", "blown"],
        "fall": ["fell", "fallen"],
        "win": ["won"],
        "set": [],
        "burn": ["burnt"],
        "hold": ["held"],
        "go": ["went", "gone"],
        "fight": ["fought"],
        "die": ["died", "dying"],
        "slay": ["slain", "slew"],
        "round": [],
        "pull": [],
        "seize": ["seized", "seizing"],
        "storm": [],
        "hand": [],
        "withdraw": ["withdrew", "withdrawn"],
        "hack": [],
        "run": ["ran"],
        "beat": ["beaten"],
        "strike": ["struck"],
        "break": ["broke", "broken"],
        "split": [],
    }
    for prefix in ("re", "over", "with", "out"):  # retake -> retook, overrun -> overran
        if word.startswith(prefix) and word[len(prefix) :] in irregular:
            irregular[word] = [prefix + f for f in irregular[word[len(prefix) :]]]
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) > 2
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stab -> stabbed
    forms |= set(irregular.get(word, []))
    return sorted(forms)


def triggers_by_sentence(
    triggers: Sequence[Trigger], sentences: Sequence[Span]
) -> list[list[Trigger]]:
    """Split text-ordered triggers among text-ordered sentences (a trigger may not straddle two)."""
    starts = [s.start for s in sentences]
    buckets: list[list[Trigger]] = [[] for _ in sentences]
    for trigger in triggers:
        index = bisect_right(starts, trigger.span.start) - 1
        if index >= 0 and trigger.span.end <= sentences[index].end:
            buckets[index].append(trigger)
    return buckets
