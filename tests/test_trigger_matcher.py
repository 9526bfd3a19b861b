"""The trigger matcher finds what a PhraseMatcher over every inflected sequence finds."""

from __future__ import annotations

from itertools import product

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from claimgraph.nlp.event_triggers import _inflections, build_trigger_matcher, load_trigger_rules
from claimgraph.nlp.pipeline import MODEL


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL, exclude=["parser", "ner"])


@pytest.fixture(scope="module")
def reference(nlp: Language) -> PhraseMatcher:
    """The matcher as it was built before: every inflected sequence tokenised as a pattern."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in load_trigger_rules():
        words = [t.text for t in nlp.make_doc(phrase)]
        variants = [" ".join(forms) for forms in product(*(_inflections(w) for w in words))]
        matcher.add(phrase, list(nlp.tokenizer.pipe(variants)))
    return matcher


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on a bus and set fire to two houses; troops stormed the compound.",
        "A suicide bomber blew himself up. Protesters marched. Police fired tear gas at them.",
        "Rebels Took Over the town after heavy shelling, and militants abducted three workers.",
        "The set-up was seized on March 3; an IED exploded near the check-post.",
    ],
)
def test_trigger_matcher_finds_what_a_phrase_matcher_finds(nlp, reference, text):
    doc = nlp.make_doc(text)
    expected = sorted((nlp.vocab.strings[key], start, end) for key, start, end in reference(doc))
    found = build_trigger_matcher(nlp, load_trigger_rules())(doc)
    assert expected
    assert sorted(found) == expected
    assert [(s, e) for _, s, e in found] == sorted((s, e) for _, s, e in found)
