"""attributes_v1: the model's attribute ruler, its one-token tag and word rules looked up.

The model's `attribute_ruler` maps each fine tag to its POS and morphology and fixes a few
words ("were" -> AUX, "ca" -> lemma "can") through a spaCy Matcher of 179 rules; the Matcher
tests every rule at every token, about 7% of the model's time on news articles. Most rules
are one token that must have a given TAG, LOWER, or both: this component finds those by
dictionary lookup, leaves the other rules to a Matcher, and gives each token the attributes
the ruler would (`AttributeRuler.set_annotations`: every rule is tested against the tokens
as they were before the ruler ran, and a token's rules apply in rule order, so a later
rule's value wins), set in one call per token. The model's
`attribute_ruler` is then disabled (`claimgraph.nlp.pipeline.build_pipeline`).
"""

from __future__ import annotations

from itertools import product
from typing import Any

from spacy.attrs import DEP, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

NAME = "attributes_v1"
# Token attributes a one-token rule may test and still be looked up, with their array ids.
LOOKED_UP = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP}


class LookedUpAttributeRuler:
    """Apply an AttributeRuler's rules, the one-token TAG/LOWER/DEP ones by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        # Per set of tested attributes ("TAG", "LOWER"): value hashes -> rules.
        self.lookups: dict[tuple[str, ...], dict[tuple[int, ...], list[int]]] = {}
        self.matcher = Matcher(ruler.vocab)
        self.merged: dict[tuple[int, ...], dict] = {}
        for rule, entry in enumerate(ruler.patterns):
            patterns: Any = entry["patterns"]
            if entry["index"] not in (0, -1) or not all(_looked_up(p) for p in patterns):
                self.matcher.add(str(rule), patterns)
                continue
            for (token,) in patterns:
                names = tuple(sorted(token))
                allowed = [_values(token[name]) for name in names]
                table = self.lookups.setdefault(names, {})
                for values in product(*allowed):
                    key = tuple(strings.add(v) for v in values)
                    table.setdefault(key, []).append(rule)
        self.columns = sorted({name for names in self.lookups for name in names})
        self.positions = {
            names: [self.columns.index(name) for name in names] for names in self.lookups
        }

    def __call__(self, doc: Doc) -> Doc:
        # Rules per token, then applied in rule order: each match sets attributes of one
        # token only, so this is the ruler's own order (by rule, then position) token by token.
        rules_of: dict[int, list[int]] = {}
        columns = doc.to_array([LOOKED_UP[name] for name in self.columns]).T.tolist()
        for names, table in self.lookups.items():
            keys = zip(*(columns[p] for p in self.positions[names]), strict=True)
            for i, rules in enumerate(map(table.get, keys)):
                if rules:
                    rules_of.setdefault(i, []).extend(rules)
        strings = doc.vocab.strings
        matches: Any = self.matcher(doc, allow_missing=True, as_spans=False)
        for key, start, end in matches:
            rule = int(strings[key])
            target = Span(doc, start, end)[self.ruler.indices[rule]].i
            rules_of.setdefault(target, []).append(rule)
        for i, rules in rules_of.items():
            set_token_attrs(doc[i], self._merged(tuple(sorted(rules))))
        return doc

    def _merged(self, rules: tuple[int, ...]) -> dict:
        """Return the attributes these rules set, the later rule's value where two set one."""
        merged = self.merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self.ruler.attrs[rule])
            self.merged[rules] = merged
        return merged


def _values(value: object) -> list[str]:
    """Return the strings a pattern value accepts: itself, or the members of {"IN": [...]}."""
    if isinstance(value, str):
        return [value]
    assert isinstance(value, dict)
    return list(value["IN"])


def _looked_up(pattern: list[dict]) -> bool:
    """Tell whether a rule pattern is one token testing only exact TAG, LOWER or DEP values."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(LOOKED_UP):
        return False
    return all(
        isinstance(value, str)
        or (
            isinstance(value, dict)
            and set(value) == {"IN"}
            and all(isinstance(v, str) and v for v in value["IN"])
        )
        for value in pattern[0].values()
    )


@Language.factory(
    NAME,
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
    default_config={"source": "attribute_ruler"},
)
def make_attributes(nlp: Language, name: str, source: str) -> LookedUpAttributeRuler:
    """Wrap the pipeline's attribute ruler named `source` (the model's `attribute_ruler`)."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise ValueError(f"{NAME} wraps a spaCy AttributeRuler; {source!r} is not one")
    return LookedUpAttributeRuler(ruler)
