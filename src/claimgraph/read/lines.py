"""Split a text into lines that keep their offsets, for the line-based readers' rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple


class Line(NamedTuple):
    """One line of a text: its stripped content and where that content sits."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        """Tell whether the line holds only whitespace."""
        return not self.text


def split_lines(text: str) -> Iterator[Line]:
    """Yield every line (blank ones too) with offsets of its content, whitespace stripped."""
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        start = offset + (len(content) - len(content.lstrip())) if stripped else offset
        yield Line(start, start + len(stripped), stripped)
        offset += len(raw)


def top_lines(text: str, count: int) -> list[Line]:
    """Return the first `count` non-blank lines, where bylines, titles and datelines sit."""
    found: list[Line] = []
    for line in split_lines(text):
        if not line.blank:
            found.append(line)
            if len(found) == count:
                break
    return found
