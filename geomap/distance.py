"""Great-circle distance, the one measure of nearness geomap uses, and compass bearings."""

from __future__ import annotations

import math
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two (lat, lon) points on a spherical Earth.

    >>> round(haversine_km(53.9, 27.5667, 50.45, 30.5233))
    433
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Compass bearing (degrees clockwise from north, 0..360) from point 1 towards point 2.

    >>> round(bearing_deg(52.43, 30.98, 52.29, 31.08))  # Gomel to Zyabrovka: south-east
    156
    """
    forward, _back, _metres = _geod().inv(lon1, lat1, lon2, lat2)
    return forward % 360.0


@lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")
