"""What lies under the data: online tiles, and a light vector basemap of country outlines.

The vector basemap sits in its own pane *below* the tile pane: when tiles load they cover
it; when they cannot (offline, blocked) it shows through and keeps the map readable. With
``self_contained`` there are no tiles at all, so nothing is fetched when the map is viewed.
"""

from __future__ import annotations

import folium
from folium.plugins import MiniMap
from folium.template import Template
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..gazetteer.packs import DataPacks
from .geometry import compact

BASEMAP_PANE = "geomapBasemap"
# Leaflet's tile pane has z-index 200; below it, above the map's background.
_BASEMAP_Z = 150
_OUTLINE_TOLERANCE_DEG = 0.03


def add_tiles(fmap: folium.Map) -> None:
    """OpenStreetMap (default) and a topographic alternative, as base layers."""
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    folium.TileLayer("OpenTopoMap", name="OpenTopoMap").add_to(fmap)


class OutlineMiniMap(MiniMap):
    """The overview map drawn from country outlines instead of tiles (no network)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }}_layer = L.geoJson({{ this.outlines|tojson }}, {
                style: function () {
                    return {color: "#9e9e9e", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1};
                }
            });
            var {{ this.get_name() }} = new L.Control.MiniMap(
                {{ this.get_name() }}_layer,
                {{ this.options|tojavascript }}
            );
            {{ this._parent.get_name() }}.addControl({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, outlines: dict, **kwargs):
        super().__init__(**kwargs)
        self.outlines = outlines


def add_minimap(fmap: folium.Map, outlines: dict | None, *, position: str) -> None:
    """A MiniMap of tiles, or of the country outlines when there must be no tiles."""
    if outlines is None:
        MiniMap(toggle_display=True, position=position).add_to(fmap)
    else:
        OutlineMiniMap(outlines, toggle_display=True, position=position).add_to(fmap)


def country_outlines(
    packs: DataPacks | None, extent: BaseGeometry | None, *, tolerance_deg: float, reach_deg: float
) -> dict | None:
    """The admin-0 outlines near the data as a FeatureCollection (None without packs)."""
    if packs is None:
        return None
    near = extent.buffer(reach_deg) if extent is not None else None
    features = []
    for country in packs.countries():
        outline = shape(country.geometry)
        if near is not None and not outline.intersects(near):
            continue
        features.append(
            {"type": "Feature", "geometry": compact(outline, tolerance_deg, 3), "properties": {}}
        )
    return {"type": "FeatureCollection", "features": features} if features else None


def add_vector_basemap(fmap: folium.Map, packs: DataPacks | None, extent: BaseGeometry | None):
    """Country outlines from the admin-0 packs (simplified; the data's surroundings only)."""
    outlines = country_outlines(packs, extent, tolerance_deg=_OUTLINE_TOLERANCE_DEG, reach_deg=5)
    if outlines is None:
        return None
    folium.map.CustomPane(BASEMAP_PANE, z_index=_BASEMAP_Z, pointer_events=False).add_to(fmap)
    folium.GeoJson(
        outlines,
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
