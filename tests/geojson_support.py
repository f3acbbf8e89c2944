"""What the tests ask of any GeoJSON geometry geomap writes."""

from __future__ import annotations

GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)


def positions(geometry: dict | None):
    """Every position of a geometry (none for a null geometry); its type must be RFC 7946's."""
    if geometry is None:
        return
    assert geometry["type"] in GEOMETRY_TYPES
    if geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from positions(part)
        return
    stack = [geometry["coordinates"]]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], (int, float)):
            yield item
        else:
            stack.extend(item)
