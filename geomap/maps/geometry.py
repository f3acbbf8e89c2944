"""Coordinates of the features a map draws: checked once, anchored, projected, compacted.

Pure functions over shapely geometries (``folium/utilities.py:validate_location`` in spirit:
a layer draws only coordinates that are finite lon/lat in range).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely import make_valid, set_precision
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry


def valid_geometry(geometry: dict | None) -> BaseGeometry | None:
    """The shapely geometry of a GeoJSON geometry when every coordinate is a finite
    lon/lat in range; else None (the feature is not drawn)."""
    if not isinstance(geometry, dict) or not geometry.get("coordinates"):
        return None
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError):
        return None
    if geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        return None
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        return None
    return geom


@dataclass(frozen=True)
class Located:
    """A feature and its checked geometry, worked out once per map."""

    feature: dict
    geometry: BaseGeometry

    @property
    def props(self) -> dict:
        return self.feature.get("properties") or {}


def locate(features: list[dict]) -> list[Located]:
    """The features that can be drawn, each with its geometry; the others are left out."""
    out = []
    for feature in features:
        geom = valid_geometry(feature.get("geometry"))
        if geom is not None:
            out.append(Located(feature, geom))
    return out


def anchor_point(geom: BaseGeometry, role: str | None) -> tuple[float, float]:
    """(lon, lat) where an incident's badge goes: a movement at its destination, a line at
    its middle, an area at a point inside it."""
    if geom.geom_type == "Point":
        return geom.x, geom.y
    if role == "path" and geom.geom_type == "LineString":
        return geom.coords[-1][:2]
    if geom.geom_type in ("LineString", "MultiLineString"):
        point = geom.interpolate(0.5, normalized=True)
    else:
        point = geom.representative_point()
    return point.x, point.y


def screen_angle(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Direction of the segment on a Web Mercator map, in degrees clockwise from east (as
    CSS rotates): Leaflet draws straight lines in that projection."""

    def mercator_y(lat: float) -> float:
        lat = max(min(lat, 85.05), -85.05)
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    return round(math.degrees(math.atan2(-(mercator_y(lat2) - mercator_y(lat1)), lon2 - lon1)), 1)


def compact(geom: BaseGeometry, tolerance_deg: float, decimals: int = 4) -> dict:
    """A simplified GeoJSON geometry on a grid of ``decimals`` places: context layers need
    no survey accuracy, and the page stays small."""
    # an invalid ring (a self-touching coast) would stop the grid snapping
    simple = make_valid(geom).simplify(tolerance_deg, preserve_topology=True)
    return mapping(set_precision(make_valid(simple), 10**-decimals))


def neighbourhood(located: list[Located], radius_deg: float = 0.4) -> BaseGeometry | None:
    """The area within ``radius_deg`` (about 40 km) of any feature: railway context is
    drawn only there, so a map of a few towns does not carry a country's network."""
    from shapely import union_all

    if not located:
        return None
    return union_all([i.geometry.envelope.buffer(radius_deg, quad_segs=2) for i in located])


def anchor_bounds(incidents: list[Located]) -> tuple[float, float, float, float] | None:
    """(min lon, min lat, max lon, max lat) of where incidents happened: a movement counts
    at its destination, so troops from the Far East do not zoom the map out to Asia."""
    points = []
    for incident in incidents:
        geom, role = incident.geometry, incident.props.get("geometry_role")
        if role == "path":
            points.append(anchor_point(geom, role))
        else:
            minx, miny, maxx, maxy = geom.bounds
            points += [(minx, miny), (maxx, maxy)]
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def data_extent(located: list[Located], margin_deg: float = 0.3) -> BaseGeometry | None:
    bounds = [i.geometry.bounds for i in located]
    if not bounds:
        return None
    return box(
        min(b[0] for b in bounds) - margin_deg,
        min(b[1] for b in bounds) - margin_deg,
        max(b[2] for b in bounds) + margin_deg,
        max(b[3] for b in bounds) + margin_deg,
    )
