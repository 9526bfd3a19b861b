"""The attribution cue lexicon (data/cues.yaml) and the verb lemmas it is looked up by.

Every list is described in data/cues.yaml by the semantic class its entries belong to; the
frames in `claimgraph.nlp.frames`, `noun_frames` and `line_frames` read them from here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from claimgraph.data_files import lexicon_cache, load_yaml, read_data_yaml


@dataclass(frozen=True, slots=True)
class Cues:
    """Attribution cue lists (loaded from data/cues.yaml)."""

    speech_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    construal_prepositions: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    passive_cue_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    stance_adjectives: frozenset[str]
    setting_nouns: frozenset[str]
    content_prepositions: frozenset[str]
    bare_speech_verbs: frozenset[str]
    self_admission_verbs: frozenset[str]
    report_nouns: frozenset[str]
    evidential_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    line_labels: frozenset[str]
    speech_nouns: frozenset[str]
    object_speech_nouns: frozenset[str]
    light_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    audience_verbs: frozenset[str]

    @classmethod
    def from_path(cls, path: Path) -> Cues:
        """Load the cue lists from a cues YAML file."""
        return cls.from_mapping(load_yaml(path.read_text(encoding="utf-8")))

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Cues:
        """Build the cue lists from the parsed cues YAML."""
        return cls(
            speech_verbs=frozenset(data["speech_verbs"]),
            object_content_verbs=frozenset(data["object_content_verbs"]),
            attitude_verbs=frozenset(data["attitude_verbs"]),
            construal_prepositions=frozenset(data["construal_prepositions"]),
            verbal_attack_verbs=frozenset(data["verbal_attack_verbs"]),
            passive_cue_verbs=frozenset(data["passive_cue_verbs"]),
            intention_nouns=frozenset(data["intention_nouns"]),
            stance_adjectives=frozenset(data["stance_adjectives"]),
            setting_nouns=frozenset(data["setting_nouns"] + data["evidence_nouns"]),
            content_prepositions=frozenset(data["content_prepositions"]),
            bare_speech_verbs=frozenset(data["bare_speech_verbs"]),
            self_admission_verbs=frozenset(data["self_admission_verbs"]),
            report_nouns=frozenset(data["report_nouns"]),
            evidential_verbs=frozenset(data["evidential_verbs"]),
            speaker_nouns=frozenset(
                data["speaker_nouns"]
                + data["unnamed_source_nouns"]
                + data["report_nouns"]
                + data["official_titles"]
            ),
            according_to=tuple(tuple(p.split()) for p in data["according_to"]),
            line_labels=frozenset(data["line_labels"]),
            speech_nouns=frozenset(data["speech_nouns"] + data["object_speech_nouns"]),
            object_speech_nouns=frozenset(data["object_speech_nouns"]),
            light_verbs=frozenset(data["light_verbs"]),
            evidence_nouns=frozenset(data["evidence_nouns"]),
            audience_verbs=frozenset(data["audience_verbs"]),
        )


@lexicon_cache
def default_cues() -> Cues:
    """Return the cues of claimgraph/data/cues.yaml (with the user's extensions)."""
    return Cues.from_mapping(read_data_yaml("cues.yaml"))


@functools.cache
def cue_verbs(cues: Cues) -> frozenset[str]:
    """Return every verb lemma that can cue an attribution."""
    return (
        cues.speech_verbs
        | cues.object_content_verbs
        | cues.attitude_verbs
        | cues.verbal_attack_verbs
        | cues.passive_cue_verbs
        | cues.evidential_verbs
    )


def verb_lemma(token: Token, cues: Cues) -> str:
    """Return a verb's lemma, mended where the lemmatizer slips on a cue ("hopes" -> "hop").

    A form that is a cue verb plus an inflection ("-s", "-d", "-ed", "-ing") is that cue verb.
    """
    lemma = token.lemma_.lower()
    known = cue_verbs(cues)
    if lemma in known:
        return lemma
    word = token.lower_
    for suffix, restore in (("s", ""), ("d", ""), ("ed", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + restore in known:
            return word[: -len(suffix)] + restore
    return lemma


def is_cue_verb(lemma: str, cues: Cues) -> bool:
    """Tell whether a verb lemma can cue an attribution."""
    return (
        lemma in cues.speech_verbs
        or lemma in cues.object_content_verbs
        or lemma in cues.attitude_verbs
        or lemma in cues.verbal_attack_verbs
    )
