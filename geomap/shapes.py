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
    lines = [g for g in getattr(line, "geoms", [line]) if isinstance(g, (LineString, MultiLineString))]
    if not lines:
        return None
    merged = line_merge(unary_union(lines))
    return merged if merged.length > 0 else None


def point_on(geometry: BaseGeometry, near: tuple[float, float]) -> tuple[float, float]:
    """The point of ``geometry`` nearest to ``near`` (lon, lat)."""
    point = nearest_points(geometry, Point(near))[0]
    return (point.x, point.y)
