"""Small readings of spaCy's dependency parse shared by the event modules."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

PREPOSITION_DEPS = frozenset({"prep"})


def prep_objects(
    head: Token, words: Collection[str], deps: Collection[str] = PREPOSITION_DEPS
) -> list[Token]:
    """Return the objects of `head`'s prepositions that are one of `words` ("between X and Y")."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ in deps and prep.lower_ in words
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def lemma_of(token: Token) -> str:
    """Return a token's lowercase lemma."""
    return token.lemma_.lower()


def deps(token: Token, names: Collection[str]) -> list[Token]:
    """Return the children of `token` attached by one of the dependency labels `names`."""
    return [c for c in token.children if c.dep_ in names]
