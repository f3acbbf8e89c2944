"""What lies under the data: online tiles, and a light vector basemap of country outlines.

The vector basemap sits in its own pane *below* the tile pane: when tiles load they cover
it; when they cannot (offline, blocked) it shows through and keeps the map readable. With
``self_contained`` there are no tiles at all, so nothing is fetched when the map is viewed.
"""

from __future__ import annotations

import folium
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..gazetteer.packs import DataPacks
from .layers import compact

BASEMAP_PANE = "geomapBasemap"
# Leaflet's tile pane has z-index 200; below it, above the map's background.
_BASEMAP_Z = 150
_OUTLINE_TOLERANCE_DEG = 0.03


def add_tiles(fmap: folium.Map) -> None:
    """OpenStreetMap (default) and a topographic alternative, as base layers."""
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    folium.TileLayer("OpenTopoMap", name="OpenTopoMap").add_to(fmap)


def add_vector_basemap(fmap: folium.Map, packs: DataPacks | None, extent: BaseGeometry | None):
    """Country outlines from the admin-0 packs (simplified; the data's surroundings only)."""
    if packs is None:
        return None
    near = extent.buffer(5) if extent is not None else None
    features = []
    for country in packs.countries():
        outline = shape(country.geometry)
        if near is not None and not outline.intersects(near):
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": compact(outline, _OUTLINE_TOLERANCE_DEG, 3),
                "properties": {},
            }
        )
    if not features:
        return None
    folium.map.CustomPane(BASEMAP_PANE, z_index=_BASEMAP_Z, pointer_events=False).add_to(fmap)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Country outlines (offline basemap)",
        style_function=lambda _: {
            "color": "#9e9e9e",
            "weight": 1,
            "fillColor": "#f4f1ea",
            "fillOpacity": 1,
        },
        pane=BASEMAP_PANE,
        control=False,
        interactive=False,
        smooth_factor=1.5,
    ).add_to(fmap)
    return True
