"""Find boilerplate lines (share bars, "Exit mobile version", cookie notices) to skip.

The patterns live in `claimgraph/data/boilerplate.yaml`; a line counts only when the whole
stripped line matches, so a sentence that merely mentions "advertisement" is kept.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from claimgraph.data_files import read_data_yaml
from claimgraph.read.lines import split_lines


class BoilerplateRules(NamedTuple):
    """The compiled whole-line pattern and the longest line it may judge."""

    pattern: re.Pattern[str]
    max_line_chars: int


@cache
def load_rules() -> BoilerplateRules:
    """Load and compile the boilerplate patterns shipped with claimgraph."""
    data = read_data_yaml("boilerplate.yaml")
    alternatives = "|".join(f"(?:{entry['pattern']})" for entry in data["patterns"])
    return BoilerplateRules(re.compile(alternatives, re.IGNORECASE), int(data["max_line_chars"]))


def is_boilerplate_line(line: str) -> bool:
    """Tell whether one stripped line is boilerplate."""
    rules = load_rules()
    return 0 < len(line) <= rules.max_line_chars and rules.pattern.fullmatch(line) is not None


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) ranges of boilerplate lines, whitespace excluded."""
    return tuple(
        (line.start, line.end) for line in split_lines(text) if is_boilerplate_line(line.text)
    )
