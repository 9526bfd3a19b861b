"""Add a user's own places (bases, landmarks, borders, local names) to the gazetteer.

A places file is CSV or YAML with name, aliases, lat, lon, parent (and optionally
feature_code, population). Each place inherits its parent's country and admin units; which
entry a parent name means is the caller's choice (`choose_parent`): the CLI passes the
resolver's ranking, which this package must not import.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.data_files import load_yaml
from claimgraph.gazetteer.lookup import (
    Gazetteer,
    GazetteerEntry,
    SqliteGazetteer,
    default_path,
    write_entries,
)

USER_ID_BASE = -2_000_000_000  # private ids, below the region ids; derived from name + point
MAX_USER_PLACES = 100_000
USER_FEATURE_CLASSES = {"PPL": "P", "ADM": "A", "PCL": "A", "RGN": "L", "BDLN": "L", "VAL": "T"}

ParentChooser = Callable[[Gazetteer, str], GazetteerEntry | None]


@dataclass(frozen=True, slots=True)
class UserPlace:
    """One row of a user places file."""

    name: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    parent: str = ""
    feature_code: str = "PPL"
    population: int = 0


def read_user_places(path: Path) -> list[UserPlace]:
    """Read a CSV or YAML places file (name, aliases, lat, lon, parent); bad rows are skipped."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".yaml", ".yml"):
        loaded = load_yaml(text) or []
        rows = loaded.get("places", []) if isinstance(loaded, dict) else loaded
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    places = []
    for row in rows[:MAX_USER_PLACES] if isinstance(rows, list) else ():
        if isinstance(row, dict) and (place := _user_place(row)) is not None:
            places.append(place)
    return places


def _user_place(row: dict) -> UserPlace | None:
    try:
        name = str(row.get("name") or "").strip()
        lat, lon = (
            float(row.get("lat", row.get("latitude"))),  # type: ignore[arg-type]  # None -> TypeError
            float(row.get("lon", row.get("longitude"))),  # type: ignore[arg-type]
        )
    except (TypeError, ValueError):
        return None
    if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = aliases.replace(";", "|").split("|")
    code = str(row.get("feature_code") or "PPL").strip().upper()
    population = str(row.get("population") or "0").strip()
    return UserPlace(
        name, lat, lon, tuple(str(a).strip() for a in aliases if str(a).strip()),
        str(row.get("parent") or "").strip(), code, int(population) if population.isdigit() else 0,
    )  # fmt: skip


def user_entry(place: UserPlace, parent: GazetteerEntry | None) -> GazetteerEntry:
    """Turn a user place into a gazetteer entry that inherits its parent's country and units."""
    key = f"{place.name}|{place.latitude:.5f}|{place.longitude:.5f}".encode()
    feature_class = next(
        (c for prefix, c in USER_FEATURE_CLASSES.items() if place.feature_code.startswith(prefix)),
        "S",
    )
    return GazetteerEntry(
        USER_ID_BASE - zlib.crc32(key), place.name, place.latitude, place.longitude,
        parent.country_code if parent else "", feature_class, place.feature_code, place.population,
        parent.admin1_code if parent else None, parent.admin1 if parent else None,
        parent.admin2_code if parent else None, parent.admin2 if parent else None,
    )  # fmt: skip


def most_populous(gazetteer: Gazetteer, name: str) -> GazetteerEntry | None:
    """Return the most populous entry of this name (the default parent choice)."""
    found = gazetteer.candidates(name, limit=1)
    return found[0] if found else None


def import_user_places(
    files: list[Path], database: Path | None = None, choose_parent: ParentChooser = most_populous
) -> dict[str, int]:
    """Add user places files to an existing gazetteer database; return counts.

    `choose_parent(gazetteer, name)` picks the entry a parent name ("Khyber" of "Khyber,
    Pakistan") means.
    """
    target = database or default_path()
    lookup = SqliteGazetteer.from_path(target)  # GazetteerError when there is none
    entries: list[GazetteerEntry] = []
    aliases: list[tuple[str, int]] = []
    for path in files:
        for place in read_user_places(path):
            parent_name = place.parent.split(",")[0].strip()
            entry = user_entry(place, choose_parent(lookup, parent_name) if parent_name else None)
            entries.append(entry)
            aliases.extend((alias, entry.geonameid) for alias in place.aliases)
    connection = sqlite3.connect(target)
    try:
        with connection:
            write_entries(connection, entries, aliases)
    finally:
        connection.close()
    return {"places": len(entries), "aliases": len(aliases)}
