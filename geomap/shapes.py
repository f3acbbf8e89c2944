"""Geometry derived from the data packs: region outlines, country borders, rail sections.

Pure functions over shapely geometries; the packs are read by :mod:`geomap.gazetteer.packs`.
"""

from __future__ import annotations

from functools import cached_property

from shapely import line_merge, unary_union
from shapely.geometry import LineString, MultiLineString, Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .gazetteer.packs import DataPacks, RegionShape

# Natural Earth neighbours share vertices only approximately; this buffer (degrees, about
# 500 m) lets their outlines meet so the shared border can be taken as an intersection.
_BORDER_TOLERANCE_DEG = 0.005


class Shapes:
    """Country and region outlines of one data dir, indexed by code, built on first use."""

    def __init__(self, packs: DataPacks):
        self.packs = packs

    @cached_property
    def countries(self) -> dict[str, BaseGeometry]:
        return {c.iso2: shape(c.geometry).buffer(0) for c in self.packs.countries()}

    @cached_property
    def regions(self) -> dict[str, RegionShape]:
        return {r.admin1_code: r for r in self.packs.regions() if r.admin1_code}

    def region(self, admin1_code: str | None) -> BaseGeometry | None:
        found = self.regions.get(admin1_code or "")
        return shape(found.geometry) if found else None

    def country(self, iso2: str | None) -> BaseGeometry | None:
        return self.countries.get(iso2 or "")

    def border(self, a: str, b: str) -> BaseGeometry | None:
        """The land border between countries ``a`` and ``b`` as (Multi)LineString, or None."""
        key = tuple(sorted((a, b)))
        if key not in self._borders:
            self._borders[key] = _shared_border(self.country(key[0]), self.country(key[1]))
        return self._borders[key]

    @cached_property
    def _borders(self) -> dict[tuple[str, str], BaseGeometry | None]:
        return {}

    @cached_property
    def rail_lines(self) -> list[BaseGeometry]:
        # Natural Earth cuts lines at every junction; merged, a section's two stations
        # usually lie on one line.
        lines = [shape(f["geometry"]) for f in self.packs.rail_lines()]
        if not lines:
            return []
        merged = line_merge(unary_union(lines))
        return list(getattr(merged, "geoms", [merged]))

    def rail_section(self, a: tuple[float, float], b: tuple[float, float]) -> LineString:
        """The railway between two stations, through the stations between them when a line
        is known; else the straight segment."""
        return rail_path(self.rail_lines, a, b) or LineString([a, b])

    def country_at(self, lon: float, lat: float) -> str | None:
        point = Point(lon, lat)
        for iso2, outline in self.countries.items():
            if outline.contains(point):
                return iso2
        return None


def _shared_border(first: BaseGeometry | None, second: BaseGeometry | None) -> BaseGeometry | None:
    if first is None or second is None:
        return None
    line = first.boundary.intersection(second.buffer(_BORDER_TOLERANCE_DEG))
    lines = [
        g for g in getattr(line, "geoms", [line]) if isinstance(g, (LineString, MultiLineString))
    ]
    if not lines:
        return None
    merged = line_merge(unary_union(lines))
    return merged if merged.length > 0 else None


def point_on(geometry: BaseGeometry, near: tuple[float, float]) -> tuple[float, float]:
    """The point of ``geometry`` nearest to ``near`` (lon, lat)."""
    point = nearest_points(geometry, Point(near))[0]
    return (point.x, point.y)


def rail_path(
    lines: list[BaseGeometry],
    a: tuple[float, float],
    b: tuple[float, float],
    max_gap_deg: float = 0.01,
) -> LineString | None:
    """The stretch of a railway line between two stations (lon, lat), when one line passes
    within ``max_gap_deg`` (about 1 km) of both; else None."""
    from shapely.ops import substring

    pa, pb = Point(a), Point(b)
    best = None
    for line in lines:
        for part in getattr(line, "geoms", [line]):
            gap = max(part.distance(pa), part.distance(pb))
            if gap > max_gap_deg or (best is not None and gap >= best[0]):
                continue
            da, db = part.project(pa), part.project(pb)
            if abs(da - db) < 1e-9:
                continue
            stretch = substring(part, min(da, db), max(da, db))
            coords = list(stretch.coords)
            if da > db:
                coords.reverse()
            # end exactly at the stations, not at their projections
            best = (gap, LineString([a, *coords[1:-1], b]))
    return best[1] if best else None
