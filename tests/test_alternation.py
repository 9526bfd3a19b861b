"""A trie-built alternation matches what the flat alternation, longest word first, matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.resolve.alternation import literal_alternation


def flat(words: list[str]) -> str:
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (
            ["Islamic State", "Islamic State Khorasan"],
            "the Islamic State Khorasan said",
            "Islamic State Khorasan",
        ),
        (["Islamic State", "Islamic State Khorasan"], "the Islamic State said", "Islamic State"),
        (["al Shabaab"], "al  Shabaab\nfighters", "al  Shabaab"),
        (["police", "police officers"], "police officer", "police"),
        (["a.b", "a"], "a.b", "a.b"),
    ],
)
def test_longest_word_wins(words: list[str], text: str, found: str) -> None:
    pattern = re.compile(rf"(?<!\w)(?:{literal_alternation(words)})(?!\w)")
    match = pattern.search(text)
    assert match is not None and match.group() == found


def test_folded_words_share_a_branch_under_ignorecase() -> None:
    pattern = re.compile(
        literal_alternation(["Al Qaeda", "al qaeda in yemen"], fold_case=True), re.I
    )
    match = pattern.search("AL QAEDA IN YEMEN")
    assert match is not None and match.group() == "AL QAEDA IN YEMEN"


def test_no_words_never_match() -> None:
    assert re.search(literal_alternation([]), "anything at all") is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab .", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet="ab .\n", max_size=30),
)
def test_same_matches_as_the_flat_alternation(words: list[str], text: str) -> None:
    words = [" ".join(w.split()) for w in words if w.strip()]
    if not words:
        return
    bounded = r"(?<![\w'])(?:{})(?![\w])"
    trie = re.compile(bounded.format(literal_alternation(words)))
    plain = re.compile(bounded.format(flat(words)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
