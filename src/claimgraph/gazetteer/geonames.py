"""Load GeoNames dump files a user downloaded into the gazetteer, so villages resolve.

Accepted files (recognised by name): allCountries.txt or per-country `CC.txt` (the main
table, 19 tab-separated columns), alternateNames.txt / alternateNamesV2.txt,
admin1CodesASCII.txt and admin2Codes.txt. Files are streamed line by line; rows that do not
parse are skipped. Loading the admin code files first lets place rows carry admin names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from claimgraph.errors import GazetteerError
from claimgraph.gazetteer.lookup import (
    SCHEMA,
    GazetteerEntry,
    MemoryGazetteer,
    default_path,
    is_latin,
    write_entries,
)

BATCH = 20_000
# alternateNames "languages" that are codes or links, not names.
NON_NAME_LANGUAGES = frozenset(
    {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"}
)


def read_admin_names(lines: Iterable[str]) -> dict[str, str]:
    """Parse admin1CodesASCII/admin2Codes rows into code → name ("PK.04" → "Punjab")."""
    names = {}
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2 and cols[0] and not line.startswith("#"):
            names[cols[0]] = cols[1]
    return names


def parse_geonames_rows(
    lines: Iterable[str], admin_names: dict[str, str]
) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """Yield (entry, Latin-script aliases) from rows of the main GeoNames table."""
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15 or not cols[0].isdigit():
            continue
        try:
            lat, lon = float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError:
            continue
        cc, feature_code = cols[8], cols[7]
        admin1 = f"{cc}.{cols[10]}" if cols[10] else None
        admin2 = f"{admin1}.{cols[11]}" if admin1 and cols[11] else None
        entry = GazetteerEntry(
            int(cols[0]), cols[1], lat, lon, cc, cols[6], feature_code, population,
            admin1, admin_names.get(admin1 or ""), admin2, admin_names.get(admin2 or ""),
        )  # fmt: skip
        aliases = [a for a in {cols[2], *cols[3].split(",")} if a and is_latin(a)]
        yield entry, aliases


def parse_alternate_names(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Yield (alias, geonameid) from alternateNames(V2) rows, names only, Latin script."""
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit() or cols[2] in NON_NAME_LANGUAGES:
            continue
        if cols[3] and is_latin(cols[3]):
            yield cols[3], int(cols[1])


def memory_gazetteer_from_geonames(
    rows: Iterable[str], admin_rows: Iterable[str] = (), alternate_rows: Iterable[str] = ()
) -> MemoryGazetteer:
    """Build an in-memory gazetteer from GeoNames-format text lines (tests, small lists)."""
    parsed = list(parse_geonames_rows(rows, read_admin_names(admin_rows)))
    aliases = [(a, e.geonameid) for e, names in parsed for a in names]
    aliases.extend(parse_alternate_names(alternate_rows))
    return MemoryGazetteer([e for e, _ in parsed], aliases)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("alternatenames"):
        return "alternate"
    if name.startswith(("admin1codes", "admin2codes")):
        return "admin"
    return "main"


def import_geonames(
    files: Iterable[str | Path], database: str | Path | None = None
) -> dict[str, int]:
    """Load GeoNames dumps into an existing gazetteer database; return counts."""
    target = Path(database) if database else default_path()
    if not target.is_file():
        raise GazetteerError(
            f"no gazetteer database at {target} (build it with `claimgraph gazetteer build`)"
        )
    paths = sorted(
        (Path(f) for f in files), key=lambda p: ("admin", "main", "alternate").index(_kind(p))
    )
    admin_names: dict[str, str] = {}
    counts = {"places": 0, "aliases": 0}
    connection = sqlite3.connect(target)
    try:
        connection.executescript(SCHEMA)
        for path in paths:
            with path.open(encoding="utf-8", errors="replace") as handle:
                if _kind(path) == "admin":
                    admin_names.update(read_admin_names(handle))
                elif _kind(path) == "main":
                    rows = parse_geonames_rows(handle, admin_names)
                    while batch := list(islice(rows, BATCH)):
                        aliases = [(a, e.geonameid) for e, names in batch for a in names]
                        with connection:
                            write_entries(connection, [e for e, _ in batch], aliases)
                        counts["places"] += len(batch)
                        counts["aliases"] += len(aliases)
                else:
                    pairs = parse_alternate_names(handle)
                    while batch_pairs := list(islice(pairs, BATCH)):
                        with connection:
                            write_entries(connection, [], batch_pairs)
                        counts["aliases"] += len(batch_pairs)
    finally:
        connection.close()
    return counts
