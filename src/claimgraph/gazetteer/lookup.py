"""The gazetteer seam: look up places by name or GeoNames id, offline.

Two implementations share the `Gazetteer` Protocol: `SqliteGazetteer` (the cached database
built from installed data packages, see `claimgraph.gazetteer.build`) and `MemoryGazetteer`
(for tests and small user lists). Names are matched on a normalised key: accents folded, case
folded, punctuation to spaces, a leading "the" dropped, so "Khyber-Pakhtunkhwa" finds "Khyber
Pakhtunkhwa". Entries that are not in GeoNames (regions from `data/regions.yaml`) carry
negative ids; `public_geonameid` turns those into None for output.

Opening never builds: a missing database is a GazetteerError, and building is an explicit
step (`build.ensure_gazetteer`, which the CLI runs before any analysis starts).
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from claimgraph.errors import GazetteerError

DEFAULT_LIMIT = 60
DATABASE_NAME = "gazetteer-v9.sqlite"

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_APOSTROPHES = re.compile(r"['’`ʻʼ]")
_LEADING_ABBREVIATIONS = {"mt": "mount", "ft": "fort"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place as GeoNames describes it (admin codes like "PK.04", "PK.04.1174623")."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    feature_class: str
    feature_code: str
    population: int = 0
    admin1_code: str | None = None
    admin1: str | None = None
    admin2_code: str | None = None
    admin2: str | None = None


class Gazetteer(Protocol):
    """Where place names are looked up."""

    def candidates(self, name: str, limit: int = DEFAULT_LIMIT) -> list[GazetteerEntry]:
        """Return entries whose name or alias matches, most populous first."""
        ...

    def get(self, geonameid: int) -> GazetteerEntry | None:
        """Return the entry with this id, else None."""
        ...

    def has_name(self, name: str) -> bool:
        """Tell whether any entry carries this name or alias."""
        ...

    def __hash__(self) -> int:
        """Gazetteers key the recogniser's lookup cache (identity hashing is enough)."""
        ...


@lru_cache(maxsize=262_144)
def normalise_name(name: str) -> str:
    """Fold a place name to its lookup key ("Khyber-Pakhtunkhwa" → "khyber pakhtunkhwa",
    "Mt. Pleasant" → "mount pleasant")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("", folded.casefold())
    words = _PUNCT.sub(" ", folded).replace("_", " ").split()
    if len(words) > 1 and words[0] in _LEADING_ABBREVIATIONS:  # "Mt. Pleasant", "Ft. Worth"
        words[0] = _LEADING_ABBREVIATIONS[words[0]]
    key = " ".join(words)
    return key.removeprefix("the ") if key != "the" else key


def is_latin(name: str) -> bool:
    """Tell whether a name folds to ASCII (aliases in other scripts are left out)."""
    folded = unicodedata.normalize("NFKD", name)
    return all(ord(ch) < 128 or unicodedata.combining(ch) for ch in folded)


def public_geonameid(entry: GazetteerEntry) -> int | None:
    """Return the GeoNames id for output; None for claimgraph's own region entries."""
    return entry.geonameid if entry.geonameid > 0 else None


def _rank(entries: Iterable[GazetteerEntry], limit: int) -> list[GazetteerEntry]:
    return sorted(entries, key=lambda e: (-e.population, e.geonameid))[:limit]


class MemoryGazetteer:
    """A gazetteer held in dictionaries; for tests and small lists."""

    def __init__(self, entries: Iterable[GazetteerEntry], aliases: Iterable[tuple[str, int]] = ()):
        self._by_id = {entry.geonameid: entry for entry in entries}
        self._by_key: dict[str, set[int]] = defaultdict(set)
        for entry in self._by_id.values():
            self._by_key[normalise_name(entry.name)].add(entry.geonameid)
        for alias, geonameid in aliases:
            if geonameid in self._by_id:
                self._by_key[normalise_name(alias)].add(geonameid)

    def candidates(self, name: str, limit: int = DEFAULT_LIMIT) -> list[GazetteerEntry]:
        """Return entries whose name or alias matches, most populous first."""
        ids = self._by_key.get(normalise_name(name), ())
        return _rank((self._by_id[i] for i in ids), limit)

    def get(self, geonameid: int) -> GazetteerEntry | None:
        """Return the entry with this id, else None."""
        return self._by_id.get(geonameid)

    def has_name(self, name: str) -> bool:
        """Tell whether any entry carries this name or alias."""
        return normalise_name(name) in self._by_key


SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    country_code TEXT, feature_class TEXT, feature_code TEXT, population INTEGER,
    admin1_code TEXT, admin1 TEXT, admin2_code TEXT, admin2 TEXT);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
_COLUMNS = (
    "geonameid, name, latitude, longitude, country_code, feature_class, feature_code, "
    "population, admin1_code, admin1, admin2_code, admin2"
)


def write_entries(
    connection: sqlite3.Connection,
    entries: Iterable[GazetteerEntry],
    aliases: Iterable[tuple[str, int]],
) -> None:
    """Insert (or replace) entries and their alias keys; names are indexed too."""
    connection.executescript(SCHEMA)
    rows = []
    keys = set()
    for e in entries:
        rows.append(
            (e.geonameid, e.name, e.latitude, e.longitude, e.country_code, e.feature_class)
            + (e.feature_code, e.population, e.admin1_code, e.admin1, e.admin2_code, e.admin2)
        )
        keys.add((normalise_name(e.name), e.geonameid))
    connection.executemany(
        f"INSERT OR REPLACE INTO places ({_COLUMNS}) VALUES ({','.join('?' * 12)})", rows
    )
    keys.update((normalise_name(alias), gid) for alias, gid in aliases)
    connection.executemany(
        "INSERT OR IGNORE INTO names (key, geonameid) VALUES (?, ?)", (k for k in keys if k[0])
    )


def _entry(row: tuple) -> GazetteerEntry:
    return GazetteerEntry(*row)


class SqliteGazetteer:
    """The cached SQLite gazetteer; lookups are memoised per instance."""

    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)

    @classmethod
    def from_path(cls, path: str | Path) -> SqliteGazetteer:
        """Open an existing gazetteer database read-only; GazetteerError if there is none."""
        resolved = Path(path).resolve()
        if not resolved.is_file():
            raise GazetteerError(
                f"no gazetteer database at {resolved} (build it with `claimgraph gazetteer build`)"
            )
        uri = f"file:{resolved}?mode=ro"
        return cls(sqlite3.connect(uri, uri=True, check_same_thread=False))

    def _lookup_uncached(self, key: str) -> tuple[GazetteerEntry, ...]:
        rows = self._connection.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
            "FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?",
            (key,),
        ).fetchall()
        return tuple(_rank((_entry(r) for r in rows), 10_000))

    def candidates(self, name: str, limit: int = DEFAULT_LIMIT) -> list[GazetteerEntry]:
        """Return entries whose name or alias matches, most populous first."""
        return list(self._lookup(normalise_name(name))[:limit])

    def get(self, geonameid: int) -> GazetteerEntry | None:
        """Return the entry with this id, else None."""
        row = self._connection.execute(
            f"SELECT {_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,)
        ).fetchone()
        return _entry(row) if row else None

    def has_name(self, name: str) -> bool:
        """Tell whether any entry carries this name or alias."""
        return bool(self._lookup(normalise_name(name)))

    def info(self) -> dict[str, str]:
        """Return the build metadata (sources, counts, build time)."""
        return dict(self._connection.execute("SELECT key, value FROM meta").fetchall())


def cache_dir() -> Path:
    """Return the cache folder: $CLAIMGRAPH_CACHE, else $XDG_CACHE_HOME/claimgraph."""
    if explicit := os.environ.get("CLAIMGRAPH_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimgraph"


def default_path() -> Path:
    """Return where the default gazetteer database lives."""
    return cache_dir() / DATABASE_NAME


@lru_cache(maxsize=1)
def default_gazetteer() -> SqliteGazetteer:
    """Open the cached default gazetteer; GazetteerError if it has not been built yet."""
    return SqliteGazetteer.from_path(default_path())
