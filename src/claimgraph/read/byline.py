"""Find the byline near the top of a text ("By Jane Doe and John Roe | Reuters")."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from claimgraph.data_files import read_data_yaml
from claimgraph.read.lines import top_lines

# Bylines sit above the first paragraphs; looking further down meets "By Monday, ..." prose.
BYLINE_SEARCH_LINES = 12
MAX_BYLINE_CHARS = 160
MAX_NAME_WORDS = 5
MIN_AUTHOR_LETTERS = 3  # "AFP" is a byline; "by O" (a stray letter) is not

BYLINE_PREFIX = re.compile(r"(?:written |story |words |report(?:ed)? )?by\s+", re.IGNORECASE)
# What may follow the names: "| Reuters", " - AFP", " — 3 March 2024".
TAIL_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
NAME_SEPARATOR = re.compile(r"(\s*,\s*|\s+and\s+|\s*&\s*)")


class BylineWords(NamedTuple):
    """The word lists that tell a byline from prose (see data/boilerplate.yaml)."""

    name_particles: frozenset[str]
    not_names: frozenset[str]
    role_words: frozenset[str]


@cache
def byline_words() -> BylineWords:
    """Load the byline word lists shipped with claimgraph."""
    lists = read_data_yaml("boilerplate.yaml")["byline"]
    return BylineWords(*(frozenset(map(str, lists[key])) for key in BylineWords._fields))


class Byline(NamedTuple):
    """A byline line: where it is, the names as written, and an outlet named after them."""

    start: int
    end: int
    author: str
    outlet: str | None


def find_byline(text: str) -> Byline | None:
    """Return the first byline among the top lines of a text, if any."""
    for line in top_lines(text, BYLINE_SEARCH_LINES):
        if len(line.text) > MAX_BYLINE_CHARS:
            continue
        parsed = parse_byline(line.text)
        if parsed is not None:
            author, outlet = parsed
            return Byline(line.start, line.end, author, outlet)
    return None


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """Split a byline into its names and an outlet, or return None if it is not one."""
    prefix = BYLINE_PREFIX.match(line)
    if prefix is None:
        return None
    rest = line[prefix.end() :]
    tail_match = TAIL_SEPARATOR.search(rest)
    names_part = rest[: tail_match.start()] if tail_match else rest
    tail = rest[tail_match.end() :] if tail_match else ""
    author, leftover = take_names(names_part)
    if sum(char.isalpha() for char in author) < MIN_AUTHOR_LETTERS:
        return None
    outlet = outlet_from(leftover) or outlet_from(tail)
    return author, outlet


def take_names(part: str) -> tuple[str, str]:
    """Take the leading run of person names; return it as written and what is left."""
    pieces = NAME_SEPARATOR.split(part.strip())
    names_end = 0
    written = ""
    # pieces alternate: name, separator, name, separator, ...
    for index in range(0, len(pieces), 2):
        candidate = pieces[index]
        is_last_of_several = index == len(pieces) - 1 and index > 0
        single_word_after_comma = is_last_of_several and " " not in candidate
        if not is_person_name(candidate) or single_word_after_comma:
            break
        names_end = index + 1
    written = "".join(pieces[:names_end])
    leftover = "".join(pieces[names_end + 1 :]) if names_end else part
    return written.strip(), leftover.strip()


def is_person_name(candidate: str) -> bool:
    """Tell whether a piece of a byline reads as a person's (or agency's) name."""
    words = candidate.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    lexicon = byline_words()
    lowered = [word.lower() for word in words]
    if lowered[0] in lexicon.not_names or any(word in lexicon.role_words for word in lowered):
        return False
    if not (is_name_word(words[0]) and is_name_word(words[-1])):
        return False
    return all(is_name_word(word) or word.lower() in lexicon.name_particles for word in words)


def is_name_word(word: str) -> bool:
    """Tell whether a word can carry a name: capitalised, or a particle joined to one (al-Amin)."""
    particle, _, rest = word.partition("-")
    joined_particle = particle.lower() in byline_words().name_particles and is_capitalised(rest)
    return is_capitalised(word) or joined_particle


def is_capitalised(word: str) -> bool:
    """Tell whether a word looks like part of a name: capital first, letters and joiners only."""
    return word[:1].isupper() and all(char.isalpha() or char in ".'’-" for char in word)


def outlet_from(fragment: str) -> str | None:
    """Return a short organisation name left after the names, if it is one."""
    fragment = fragment.strip(" ,;|-–—")
    words = fragment.split()
    if not 1 <= len(words) <= 4 or any(char.isdigit() for char in fragment):
        return None
    if any(word.lower() in byline_words().role_words for word in words):
        return None
    return fragment if words[0][:1].isupper() else None
