"""The map's admin-1 lines: the build script on a shapefile written here, and the shipped file."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from claimgraph.web.build.admin1_lines import chained, convert, read_polylines, simplify

GEO = Path(__file__).resolve().parents[1] / "src/claimgraph/web/static/geo"
Line = list[tuple[float, float]]


def shapefile(records: list[list[Line] | None], shape_type: int = 3) -> bytes:
    """Return a PolyLine shapefile (.shp) holding the records; None is a null shape."""
    body = b""
    for number, parts in enumerate(records, start=1):
        if parts is None:
            content = struct.pack("<i", 0)
        else:
            points = [p for part in parts for p in part]
            starts, at = [], 0
            for part in parts:
                starts.append(at)
                at += len(part)
            xs, ys = [x for x, _ in points], [y for _, y in points]
            content = struct.pack("<i4d2i", 3, min(xs), min(ys), max(xs), max(ys), len(parts), at)
            content += struct.pack(f"<{len(starts)}i", *starts)
            content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        body += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(body)) // 2)
    header += struct.pack("<2i8d", 1000, shape_type, *([0.0] * 8))
    return header + body


def square(name: str, code: str, x0: float, y0: float, size: float) -> dict[str, object]:
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {
        "type": "Feature",
        "properties": {"name": name, "id": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_read_polylines_yields_parts_and_skips_null_shapes() -> None:
    data = shapefile([[[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 4)]], None, [[(5, 5), (6, 6)]]])
    assert list(read_polylines(data)) == [
        [[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 4)]],
        [[(5, 5), (6, 6)]],
    ]


def test_read_polylines_refuses_other_shape_types() -> None:
    with pytest.raises(ValueError, match="PolyLine"):
        list(read_polylines(shapefile([], shape_type=5)))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # end to start, and a line stored the other way round, become one line
        (
            [[(0, 0), (1, 0)], [(1, 0), (2, 0)], [(3, 0), (2, 0)]],
            [[(0, 0), (1, 0), (2, 0), (3, 0)]],
        ),
        # three lines meeting at a point stay three lines
        (
            [[(0, 0), (1, 0)], [(1, 0), (2, 0)], [(1, 0), (1, 1)]],
            [[(0, 0), (1, 0)], [(1, 0), (2, 0)], [(1, 0), (1, 1)]],
        ),
        # a closed ring is followed once round and stops where it began
        ([[(0, 0), (1, 0)], [(1, 0), (1, 1)], [(1, 1), (0, 0)]], None),
    ],
)
def test_chained_joins_lines_only_where_two_meet(
    lines: list[Line], expected: list[Line] | None
) -> None:
    joined = chained(lines)
    if expected is None:
        assert len(joined) == 1 and len(joined[0]) == 4
    else:
        assert sorted(joined) == sorted(expected)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ([(0, 0), (1, 0.001), (2, 0)], [(0, 0), (2, 0)]),  # within tolerance: dropped
        ([(0, 0), (1, 0.5), (2, 0)], [(0, 0), (1, 0.5), (2, 0)]),  # a real bend: kept
        ([(0, 0), (1, 1)], [(0, 0), (1, 1)]),
    ],
)
def test_simplify_drops_only_points_within_tolerance(line: Line, expected: Line) -> None:
    assert simplify(line, 0.02) == expected


def test_convert_files_each_line_under_the_country_holding_it() -> None:
    countries = {
        "type": "FeatureCollection",
        "features": [square("West", "1", 0, 0, 10), square("East", "2", 20, 0, 10)],
    }
    data = shapefile(
        [
            [[(5, 0), (5, 5)], [(5, 5), (5.004, 7), (5, 10)]],  # West: joined, bend dropped
            [[(25, 0), (25, 10)]],
            [[(15, 0), (15, 10)]],  # in neither
        ]
    )
    collection = convert(data, countries)
    by_name = {f["properties"]["name"]: f["geometry"] for f in collection["features"]}
    assert by_name["West"] == {"type": "MultiLineString", "coordinates": [[[5, 0], [5, 10]]]}
    assert by_name["East"]["coordinates"] == [[[25, 0], [25, 10]]]
    assert by_name[None]["coordinates"] == [[[15, 0], [15, 10]]]


def test_shipped_admin1_lines_cover_the_world_in_a_small_file() -> None:
    path = GEO / "admin1-lines.geojson"
    assert path.stat().st_size < 2_000_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    features = collection["features"]
    assert collection["type"] == "FeatureCollection" and len(features) > 150
    assert all(f["geometry"]["type"] == "MultiLineString" for f in features)
    names = {f["properties"]["name"] for f in features}
    assert {"Pakistan", "Afghanistan", "Nigeria", "India", "United States of America"} <= names
    points = [p for f in features for line in f["geometry"]["coordinates"] for p in line]
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in points)
