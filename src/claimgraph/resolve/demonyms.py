"""Map demonyms and adjectival forms ("Pakistani", "Afghan") to ISO 3166-1 alpha-2 codes.

The table lives in `data/demonyms.tsv`; lookup is case-insensitive and ignores a trailing
possessive ("Afghans'").
"""

from __future__ import annotations

from functools import cache

from claimgraph.data_files import data_path

DATA_FILE = "demonyms.tsv"


@cache
def demonym_table() -> dict[str, str]:
    """Load the demonym → country table, keyed by lower-cased form."""
    text = data_path(DATA_FILE).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, code = line.partition("\t")
        table.setdefault(word.strip().lower(), code.strip().upper())
    return table


def country_for_demonym(word: str) -> str | None:
    """Return the ISO2 code of the country a demonym refers to ("Tajik" → "TJ"), else None."""
    key = word.strip().lower().removesuffix("'s").removesuffix("'").removesuffix("’s")
    return demonym_table().get(key)
