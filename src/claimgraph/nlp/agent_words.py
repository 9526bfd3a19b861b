"""The word lists agents and victims are read by, from `data/agent_words.yaml` (read once)."""

from __future__ import annotations

from claimgraph.data_files import data_path, load_yaml

_WORDS: dict[str, list[str]] = load_yaml(data_path("agent_words.yaml").read_text(encoding="utf-8"))


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _WORDS.get(key) or ())


PERSON_NOUNS = _words("person_nouns")
KIN_NOUNS = _words("kin_nouns")
GROUP_NOUNS = PERSON_NOUNS | KIN_NOUNS | _words("group_nouns")
OWNED_WEAPONS = _words("owned_weapons")
NOT_AGENTS = _words("not_agents")
PERPETRATION_VERBS = _words("perpetration_verbs")
