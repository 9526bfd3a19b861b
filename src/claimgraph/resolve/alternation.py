"""Regular expressions that match any of many literal words, built as a trie.

Python's `re` tries the branches of an alternation one after another at every position, so
"a|b|c..." over thousands of actor aliases or place names costs time in proportion to the
number of words. Sharing prefixes ("Islamic State|Islamic Jihad" -> "Islamic (?:State|Jihad)")
lets the engine rule out all the words of a branch with one character test. The expression
matches exactly what the flat alternation, longest word first, matches: at each node only one
child can match the next character, and a word that ends at a node is tried only after every
longer word through it, as a greedy optional group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["literal_alternation"]

_END = ""  # marks a node where a word ends; never a character key
_Trie = dict[str, "_Trie"]


def literal_alternation(words: Iterable[str], fold_case: bool = False) -> str:
    """Return a pattern (no outer group) matching any of the words, the longest where several do.

    A space in a word matches any run of whitespace. With `fold_case` the words are
    lower-cased first: use it for patterns compiled with re.IGNORECASE, where "Al" and "al"
    must share one branch for the longest word to win.
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word.lower() if fold_case else word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(trie) if trie else r"(?!x)x"


def _pattern(node: _Trie) -> str:
    """Render one trie node; the caller's character comes before it."""
    branches = [_unit(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # A word ends here: try every longer word through this node first.
        return body + "?" if len(branches) == 1 and _is_atom(body) else f"(?:{body})?"
    return body


def _unit(char: str) -> str:
    """Return the pattern of one character of a word: a space matches any whitespace."""
    return r"\s+" if char == " " else re.escape(char)


def _is_atom(pattern: str) -> bool:
    """Tell whether "?" after the pattern applies to all of it (one escaped or plain char)."""
    return len(pattern) == 1 or (len(pattern) == 2 and pattern[0] == "\\")
