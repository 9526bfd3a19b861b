"""Resolve actor mentions against the actor lexicon (`data/actors.yaml`) to ACLED-style names.

Three kinds of mention, found in one pass and merged longest-first:

- a named group by any alias ("ISIS-K" → "Islamic State Khorasan Province", parent "Islamic
  State"), joined with a following member word ("ISIS militants" is one mention);
- state forces by "<Demonym|Country> <force word>" ("Pakistani troops" → "Military Forces of
  Pakistan"), or a bare force word ("police") with the document's country;
- unnamed actors ("gunmen", "villagers", "protesters") as "<Name> (<Country>)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from claimgraph.data_files import lexicon_cache, load_yaml, read_data_yaml
from claimgraph.model import Actor, ActorKind
from claimgraph.resolve.alternation import literal_alternation
from claimgraph.resolve.demonyms import demonym_table
from claimgraph.resolve.focus import country_name

DATA_FILE = "actors.yaml"
# Aliases this short, or without lower-case letters, match only in their exact case.
EXACT_CASE_MAX_LEN = 5
# Around an exact-case alias, this much text without a lower-case letter is a shouted
# headline ("WHAT IS NEXT"), where case says nothing.
SHOUTING_WINDOW = 15


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One canonical actor with its aliases and where the entry comes from."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    parent: str | None = None
    country: str | None = None
    source: str | None = None
    # Kinds the actor had before a day, oldest last: the Taliban were rebels until 2021-08-15.
    earlier: tuple[tuple[str, ActorKind], ...] = ()

    def kind_on(self, day: str | None) -> ActorKind:
        """Return the actor's kind on an ISO day (its present kind when the day is unknown)."""
        kind = self.kind
        for until, earlier_kind in sorted(self.earlier, reverse=True):
            if day is not None and day < until:
                kind = earlier_kind
        return kind


@dataclass(frozen=True, slots=True)
class StateForce:
    """A family of state-force words and the ACLED name prefix they resolve to."""

    prefix: str  # "Military Forces of"
    words: tuple[str, ...]  # after a demonym or country: "Pakistani troops"
    bare: tuple[str, ...]  # alone, resolved with the document's country: "police"


@dataclass(frozen=True, slots=True)
class GenericActor:
    """Words for an actor the text does not name, resolved to "<name> (<Country>)"."""

    name: str
    kind: ActorKind
    words: tuple[str, ...]


def is_exact_case(alias: str) -> bool:
    """Tell whether an alias must match in its exact case ("IS", "LeT", "ISWAP")."""
    return len(alias) <= EXACT_CASE_MAX_LEN or not any(c.islower() for c in alias)


def _bounded(alternation: str) -> str:
    """Wrap an alternation so it only matches whole words."""
    return rf"(?<![\w'’])(?:{alternation})(?![\w])"


def _normal(text: str) -> str:
    """Fold case and whitespace for lookups."""
    return " ".join(text.lower().split())


@cache
def _country_codes_by_name() -> dict[str, str]:
    """Map lower-cased demonyms and country names to ISO2 codes."""
    table = dict(demonym_table())
    for code in set(table.values()):
        name = country_name(code)
        if name:
            table.setdefault(name.lower(), code)
    return table


class ActorLexicon:
    """Canonical actors with compiled matchers; build with `from_path` or `default_lexicon`."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        state_forces: Iterable[StateForce] = (),
        generic: Iterable[GenericActor] = (),
        member_words: Iterable[str] = (),
        country_aliases: dict[str, str] | None = None,
    ) -> None:
        self.entries = tuple(entries)
        self.state_forces = tuple(state_forces)
        self.generic = tuple(generic)
        self._exact: dict[str, ActorEntry] = {}
        self._folded: dict[str, ActorEntry] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                if is_exact_case(alias):
                    self._exact.setdefault(" ".join(alias.split()), entry)
                else:
                    self._folded.setdefault(_normal(alias), entry)
        member = literal_alternation(member_words, fold_case=True)
        members = rf"(?:\s+(?i:{member})\b)?" if member_words else ""
        self._exact_re = self._compile(self._exact, members, flags=0)
        self._folded_re = self._compile(self._folded, members, flags=re.IGNORECASE)
        self._countries = {**_country_codes_by_name(), **(country_aliases or {})}
        self._state_re = self._compile_state()
        self._bare: dict[str, StateForce | GenericActor] = {}
        self._bare_spelling: dict[str, str] = {}
        families: list[tuple[StateForce | GenericActor, tuple[str, ...]]] = [
            *((force, force.bare) for force in self.state_forces),
            *((actor, actor.words) for actor in self.generic),
        ]
        for family, words in families:
            for word in words:
                self._bare[_normal(word)] = family
                self._bare_spelling[_normal(word)] = word
        self._bare_re = re.compile(
            _bounded(literal_alternation(self._bare, fold_case=True)), re.IGNORECASE
        )

    @staticmethod
    def _compile(aliases: dict[str, ActorEntry], members: str, flags: int) -> re.Pattern[str]:
        """Compile one alias matcher; a never-matching pattern when there are no aliases."""
        if not aliases:
            return re.compile(r"(?!x)x")
        alternation = literal_alternation(aliases, fold_case=bool(flags & re.IGNORECASE))
        return re.compile(rf"(?P<alias>{_bounded(alternation)}){members}", flags)

    def _compile_state(self) -> re.Pattern[str]:
        """Compile the "<Demonym|Country> <force word>" matcher."""
        words = [w for force in self.state_forces for w in force.words]
        if not words:
            return re.compile(r"(?!x)x")
        countries = literal_alternation(self._countries, fold_case=True)
        forces = literal_alternation(words, fold_case=True)
        return re.compile(
            rf"(?<![\w])(?P<who>{countries})(?:['’]s)?\s+(?:\w+\s+)??"
            rf"(?P<word>{forces})(?:\s+(?:{forces}))?(?![\w])",
            re.IGNORECASE,
        )

    @classmethod
    def from_path(cls, path: str | Path) -> ActorLexicon:
        """Load a lexicon from a YAML file shaped like `data/actors.yaml`."""
        return cls.from_mapping(load_yaml(Path(path).read_text(encoding="utf-8")) or {})

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> ActorLexicon:
        """Build a lexicon from the parsed YAML structure."""
        entries = [
            ActorEntry(
                name=row["name"],
                kind=cast(ActorKind, row["kind"]),
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                parent=row.get("parent"),
                country=row.get("country"),
                source=row.get("source"),
                earlier=tuple(
                    (str(e["until"]), cast(ActorKind, e["kind"])) for e in row.get("earlier") or ()
                ),
            )
            for row in data.get("groups") or ()
        ]
        forces = [
            StateForce(row["prefix"], tuple(row.get("words") or ()), tuple(row.get("bare") or ()))
            for row in data.get("state_forces") or ()
        ]
        generic = [
            GenericActor(row["name"], cast(ActorKind, row["kind"]), tuple(row["words"]))
            for row in data.get("generic") or ()
        ]
        aliases = {str(k): str(v) for k, v in (data.get("country_aliases") or {}).items()}
        return cls(entries, forces, generic, data.get("member_words") or (), aliases)

    def lookup(self, alias: str) -> ActorEntry | None:
        """Return the entry an alias names ("ISIS-K"), exact case for short aliases, else None."""
        return self._exact.get(" ".join(alias.split())) or self._folded.get(_normal(alias))

    def find(self, text: str, country: str | None = None, day: str | None = None) -> list[Actor]:
        """Find every actor mention in the text.

        `country` (ISO2) is the document's focus; `day` (ISO) is the time the text speaks of,
        which gives a group whose status changed its kind at that time.
        """
        found = [*self._groups(text, day), *self._states(text), *self._unnamed(text, country)]
        kept: list[Actor] = []
        # Longest first; on ties the earlier family (named group, state, unnamed) wins.
        for _, actor in sorted(enumerate(found), key=lambda p: (p[1].start - p[1].end, p[0])):
            if all(actor.end <= k.start or k.end <= actor.start for k in kept):
                kept.append(actor)
        return sorted(kept, key=lambda a: a.start)

    def _groups(self, text: str, day: str | None = None) -> list[Actor]:
        """Find named groups by alias."""
        actors = []
        for pattern, exact in ((self._exact_re, True), (self._folded_re, False)):
            for match in pattern.finditer(text):
                if exact and _is_shouting(text, match.start(), match.end()):
                    continue
                entry = self.lookup(match.group("alias"))
                if entry is None:
                    continue
                start, end = match.span()
                actors.append(
                    Actor(text[start:end], start, end, entry.name, entry.kind_on(day), entry.parent)
                )
        return actors

    def _states(self, text: str) -> list[Actor]:
        """Find "<Demonym|Country> <force word>" mentions."""
        actors = []
        for match in self._state_re.finditer(text):
            who = match.group("who")
            if not who[0].isupper():
                continue
            code = self._countries.get(who) or self._countries.get(_normal(who))
            force = self._force_for(match.group("word"))
            name = country_name(code) if code else None
            if force is None or name is None:
                continue
            start, end = match.span()
            actors.append(Actor(text[start:end], start, end, f"{force.prefix} {name}", "state"))
        return actors

    def _force_for(self, word: str) -> StateForce | None:
        """Return the state-force family a force word belongs to."""
        normal = _normal(word)
        return next((f for f in self.state_forces if normal in map(_normal, f.words)), None)

    def _unnamed(self, text: str, country: str | None) -> list[Actor]:
        """Find bare force words and unnamed actors, named with the document's country."""
        place = country_name(country) if country else None
        actors = []
        for match in self._bare_re.finditer(text):
            word = match.group()
            spelling = self._bare_spelling.get(_normal(word), word)
            if is_exact_case(spelling) and " ".join(word.split()) != spelling:
                continue
            family = self._bare.get(_normal(word))
            start, end = match.span()
            if isinstance(family, StateForce):
                name = f"{family.prefix} {place}" if place else family.prefix.removesuffix(" of")
                actors.append(Actor(word, start, end, name, "state"))
            elif isinstance(family, GenericActor):
                name = f"{family.name} ({place})" if place else family.name
                actors.append(Actor(word, start, end, name, family.kind))
        return actors


def _is_shouting(text: str, start: int, end: int) -> bool:
    """Tell whether an all-caps stretch surrounds the match (case carries no meaning there)."""
    before = text[max(0, start - SHOUTING_WINDOW) : start]
    after = text[end : end + SHOUTING_WINDOW]
    return not any(c.islower() for c in before + after) and any(c.isalpha() for c in before + after)


@lexicon_cache
def default_lexicon() -> ActorLexicon:
    """Load the lexicon shipped in `claimgraph/data/actors.yaml` (once per process)."""
    return ActorLexicon.from_mapping(read_data_yaml(DATA_FILE) or {})
