"""lemmas_v1: the model's own rule lemmatizer, asked once per (word, POS, morphology).

spaCy's rule lemmatizer is a pure function of a token's text, coarse POS and morphology
(`Lemmatizer.rule_lemmatize` keys its own cache on exactly these), but it walks every token
in Python, and tests each candidate form for membership in its word index, a list of up to
57,000 words, one comparison at a time: about 7% of the model's time on news articles. This
component asks a copy of the model's lemmatizer, whose word index is held as sets (the same
words, so the same answers), once per distinct (ORTH, POS, MORPH), and writes the LEMMA
column in one array. The model's `lemmatizer` is then disabled
(`claimgraph.nlp.pipeline.build_pipeline`). Like the model's, it leaves alone the lemmas the
attribute ruler set ("ca" -> "can").
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

NAME = "lemmas_v1"


class RememberedLemmatizer:
    """Set token lemmas with a rule lemmatizer, remembering its answer per token kind."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        # A lemmatizer of the same class and mode as the model's, over the same tables.
        self.lemmatizer = type(lemmatizer)(
            lemmatizer.vocab,
            lemmatizer.model,
            lemmatizer.name,
            mode="rule",
            overwrite=lemmatizer.overwrite,
        )
        self.lemmatizer.lookups = indexed_as_sets(lemmatizer.lookups)
        self.remembered: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self.remembered.get(key)
            if value is None:
                value = strings.add(self.lemmatizer.rule_lemmatize(doc[i])[0])
                self.remembered[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64))  # type: ignore[arg-type]
        return doc


def indexed_as_sets(lookups: Lookups) -> Lookups:
    """Return a copy of lemmatizer tables whose `lemma_index` word lists are sets."""
    copied = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            copied.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            copied.add_table(name, dict(table.items()))
    return copied


@Language.factory(
    NAME,
    assigns=["token.lemma"],
    requires=["token.pos"],
    default_config={"source": "lemmatizer"},
)
def make_lemmas(nlp: Language, name: str, source: str) -> RememberedLemmatizer:
    """Wrap the pipeline's rule lemmatizer named `source` (the model's `lemmatizer`)."""
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        raise ValueError(f"{NAME} wraps a rule-mode spaCy lemmatizer; {source!r} is not one")
    return RememberedLemmatizer(lemmatizer)
