"""Type a speaker mention and find the named mention an anaphoric speaker refers to.

Pure values, no spaCy: attribution.v1 turns its parse into `SourceMention` and `Mention`
tuples and asks here (1) which earlier named mention "he", "the spokesman" or "the group"
stands for, (2) which speaker type the contract gives the mention, and (3) which actor of the
actor lexicon a source speaks for. The word lists live
in `data/cues.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.data_files import lexicon_cache, load_yaml, read_data_yaml
from claimgraph.model import Actor, SpeakerType
from claimgraph.resolve.actors import ActorLexicon

PERSON_LABELS = frozenset({"PERSON"})
# A person the text describes without naming ("a senior commander of the group"): what "he"
# in the same sentence most likely stands for, but never what "the spokesman" points back to.
NOMINAL = "NOMINAL"
PRONOUN_PERSON_LABELS = PERSON_LABELS | {NOMINAL}
# Entity labels of places: a place speaks only by metonymy, for its government ("Washington
# said"), and never admits something of itself.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A place is not what "the ministry" or "the group" points back to.
GROUP_LABELS = frozenset({"ORG", "NORP"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their"})
# Heads of definite descriptions that stand for an organisation ("the group said"). Not
# "army": "the army" is the state's, not the armed group named before it.
GROUP_HEADS = frozenset(
    {
        "group",
        "organisation",
        "organization",
        "movement",
        "ministry",
        "militia",
        "outfit",
        "agency",
    }
)
DEFINITE_DETERMINERS = ("the ", "this ", "that ")
# Antecedents are looked for this many sentences back; beyond that a pronoun stays unresolved.
MAX_SENTENCES_BACK = 3


@dataclass(frozen=True, slots=True)
class SpeakerLexicon:
    """Word lists that decide a speaker's type (loaded from data/cues.yaml)."""

    unnamed_nouns: frozenset[str]
    official_titles: frozenset[str]
    media_words: frozenset[str]
    media_name_patterns: tuple[re.Pattern[str], ...]
    first_person: frozenset[str]
    person_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_path(cls, path: Path) -> SpeakerLexicon:
        """Load the speaker word lists from a cues YAML file."""
        return cls.from_mapping(load_yaml(path.read_text(encoding="utf-8")))

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> SpeakerLexicon:
        """Build the speaker word lists from the parsed cues YAML."""
        return cls(
            unnamed_nouns=frozenset(data["unnamed_source_nouns"]),
            official_titles=frozenset(data["official_titles"]),
            media_words=frozenset(data["media_words"]),
            media_name_patterns=tuple(re.compile(p) for p in data["media_name_patterns"]),
            first_person=frozenset(data["first_person"]),
            person_nouns=frozenset(data.get("anaphor_person_nouns") or ()),
        )


@lexicon_cache
def default_lexicon() -> SpeakerLexicon:
    """Return the lexicon of claimgraph/data/cues.yaml (with the user's extensions)."""
    return SpeakerLexicon.from_mapping(read_data_yaml("cues.yaml"))


class Mention(NamedTuple):
    """A named mention that can be an antecedent (an NER entity)."""

    text: str
    label: str
    start: int
    end: int
    sentence: int


class SourceMention(NamedTuple):
    """A source as parsed: its words, head lemma, any name inside, the words next to it."""

    text: str
    head_lemma: str
    entity_text: str | None
    entity_label: str | None
    neighbours: tuple[str, ...] = ()  # lower-case words right before/after, e.g. ("report",)


def words_of(text: str) -> list[str]:
    """Split a mention into lower-case words, keeping dotted abbreviations ("gen.")."""
    return re.findall(r"[a-z][a-z.'-]*", text.lower())


def antecedent_labels(source: SourceMention, lexicon: SpeakerLexicon) -> frozenset[str] | None:
    """Return the entity labels an anaphoric source may refer to; None when it names itself."""
    if source.entity_text:
        return None
    lowered = source.text.strip().lower()
    if lowered in PERSON_PRONOUNS:
        return PRONOUN_PERSON_LABELS
    if lowered in GROUP_PRONOUNS:
        return GROUP_LABELS
    if not lowered.startswith(DEFINITE_DETERMINERS):
        return None
    if source.head_lemma in GROUP_HEADS:
        return GROUP_LABELS
    if source.head_lemma in lexicon.official_titles:
        return PERSON_LABELS
    return None


def resolve_antecedent(
    labels: frozenset[str], sentence: int, start: int, mentions: Sequence[Mention]
) -> Mention | None:
    """Pick the leftmost compatible mention earlier in the sentence, else in the nearest one back.

    Leftmost-first follows the Hobbs/centering preference for subjects and first mentions
    over the closest noun ("The case of A, known as 'B', ... he admitted" → A). Within a
    sentence a name comes before a description ("A spokesman, Ali Khan, said …" → Ali Khan).
    """
    for back in range(MAX_SENTENCES_BACK + 1):
        candidates = [
            m
            for m in mentions
            if m.sentence == sentence - back and m.label in labels and (back or m.end <= start)
        ]
        if candidates:
            return min(candidates, key=lambda m: (m.label == NOMINAL, m.start))
    return None


def is_media(source: SourceMention, lexicon: SpeakerLexicon) -> bool:
    """Tell whether a source is a named news outlet ("X News", "an X report", "the X newspaper")."""
    name = source.entity_text
    if name and any(p.search(name) for p in lexicon.media_name_patterns):
        return True
    proper = [
        w for w in source.text.split() if w[:1].isupper() and w.lower() not in ("the", "a", "an")
    ]
    if not name and not proper:
        return False
    return bool((set(words_of(source.text)) | set(source.neighbours)) & lexicon.media_words)


def classify_speaker(
    source: SourceMention, lexicon: SpeakerLexicon, resolved_label: str | None = None
) -> SpeakerType:
    """Give the contract's speaker type (resolved_label: the entity label of the antecedent)."""
    label = source.entity_label or resolved_label
    if label is None and source.text.strip().lower() in lexicon.first_person:
        return "author"
    if is_media(source, lexicon):
        return "named_media"
    if label == "PERSON":
        titled = set(words_of(source.text)) & lexicon.official_titles
        return "named_official" if titled else "named_person"
    if label in NAME_LABELS:
        return "named_organization"
    return "unnamed"


def speaker_actor(
    text: str, actors: ActorLexicon, lexicon: SpeakerLexicon | None = None
) -> Actor | None:
    """Return the actor a source speaks for ("a Taliban spokesman" → Taliban), or None.

    Only actors the text names ("TTP", "Pakistani army"); a bare "Police" or "the army"
    (a source noun of `lexicon`) does not say whose side it is.
    """
    generic = (lexicon or default_lexicon()).unnamed_nouns
    found = [a for a in actors.find(text) if names_a_side(a.text, generic)]
    return found[0] if found else None


def names_a_side(alias: str, generic: frozenset[str]) -> bool:
    """Tell whether an actor alias as written names someone ("TTP"), not a bare "The army"."""
    words = re.sub(r"^(the|a|an)\s+", "", alias, flags=re.I)
    lowered = words.lower()
    return (
        words[:1].isupper() and lowered not in generic and lowered.removesuffix("s") not in generic
    )
