"""The exception tree of claimgraph.

    ClaimgraphError
    ├── InputError            an input cannot be read (named, with a one-line reason)
    │   ├── UnreadableInput   binary, undecodable, missing, or a broken JSONL line
    │   └── InputTooLarge     over the size limit for one document or file
    ├── GazetteerError        the gazetteer cannot be built, opened or imported
    └── LexiconError          a user's lexicon file cannot be read or breaks its schema
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """An input (file, line, stdin) cannot be read; `name` says which one."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class UnreadableInput(InputError):
    """Binary, undecodable, missing, or malformed input."""


class InputTooLarge(InputError):
    """Input over the configured size limit."""


class GazetteerError(ClaimgraphError):
    """The gazetteer cannot be built, opened or imported."""


class LexiconError(ClaimgraphError):
    """A user's lexicon file cannot be read or does not fit its schema (names file and line)."""
