"""FeatureCollection → one HTML map: a layer per incident type, context layers, a legend,
a time slider, popups that let a reader check every dot.

Examples
--------
>>> from geomap.maps import write_map                              # doctest: +SKIP
>>> write_map(collection, "output/map.html", packs=packs)          # doctest: +SKIP
PosixPath('output/map.html')

Hooks for scripts and browser tests (stable):

- the layer control's overlay names are the incident types' labels (``Rail sabotage``...)
  and ``Places``, ``Regions (incidents per region)``, ``Rail sections``, ``Road sections``,
  ``Railways (stations and lines)``, ``Border``, ``Uncertainty``;
- each legend item is ``li[data-geomap-layer="<layer name>"]`` inside ``.geomap-legend``;
- each incident marker holds ``[data-geomap-event=<event_type>][data-geomap-id=<id>]``
  with ``data-geomap-undated="true"`` when the incident has no date (clustered maps: no
  ``data-geomap-id``, the markers share their icons);
- popups and tooltips of incidents are bound on first click / hover;
- popups are ``.geomap-popup[data-geomap-feature=incident|place]``;
- ``<html data-geomap-incidents="N" data-geomap-clustered="true|false">``: N incidents drawn;
- above :data:`CLUSTER_THRESHOLD` incidents, clusters are ``.geomap-cluster`` (type colour,
  count as text) and the markers appear only when zoomed in;
- ``window.geomapTexts`` holds the popups' shared parts; popups are built on first open.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

import folium
from branca.element import Element
from folium.plugins import Fullscreen, MeasureControl, Search

from ..codebook import EVENT_TYPES
from ..export import atomic_path
from ..gazetteer.packs import DataPacks
from ..shapes import Shapes
from . import geometry, layers, scripting
from .basemap import add_minimap, add_tiles, add_vector_basemap, country_outlines
from .symbology import (
    BORDER_COLOUR,
    PLACE_COLOUR,
    RAIL_COLOUR,
    STYLE_CSS,
    UNCERTAINTY_COLOUR,
    area_entry,
    event_entry,
    legend,
    line_entry,
    scale_entry,
    title_box,
)
from .timeline import add_time_slider, data_span, interval, iso_day

__all__ = ["build_map", "write_map", "read_collections", "CLUSTER_THRESHOLD"]

#: above this many incidents, markers are clustered (and the slider moves only the markers
#: whose date it crosses: leaflet.timeline redraws every feature on each step)
CLUSTER_THRESHOLD = 2000


def build_map(collection: dict, *, packs: DataPacks | None = None, self_contained: bool = False):
    """The layered folium map of a FeatureCollection of incidents and places.

    Parameters
    ----------
    collection : dict
        RFC 7946 FeatureCollection as ``geomap extract`` writes it.
    packs : DataPacks, optional
        Data packs for regions, borders, railways and the offline basemap.
    self_contained : bool
        No tiles: the vector basemap only (the assets are inlined by :func:`write_map`).
    """
    features = [f for f in collection.get("features") or [] if isinstance(f, dict)]
    incidents = [f for f in features if _kind(f) == "incident"]
    places = [f for f in features if _kind(f) == "place"]
    located = geometry.locate(incidents)
    extent = geometry.data_extent(located or geometry.locate(places))
    clustered = len(located) > CLUSTER_THRESHOLD
    span = data_span([interval(i.props) for i in located])

    fmap = _base_map(packs, extent, clustered=clustered, self_contained=self_contained)
    texts = scripting.PageTexts()
    texts.add_to(fmap)  # before the layers: their scripts use it
    # context first, so incidents are drawn on top
    entries = _context_layers(fmap, located, Shapes(packs) if packs is not None else None)
    timelines = []
    # thousands of circles would bury the map: there, they wait to be switched on
    uncertainty = layers.uncertainty_layer(
        located, span, timed=span is not None and not clustered, show=not clustered
    )
    if uncertainty:
        uncertainty[0].add_to(fmap)
        timelines += [uncertainty[1]] if uncertainty[1] else []
        entries.append(line_entry(uncertainty[0].layer_name, UNCERTAINTY_COLOUR, dashed=True))
    incident_entries, incident_timelines = _incident_layers(
        fmap, located, span, texts, clustered=clustered
    )
    entries += incident_entries
    timelines += incident_timelines
    entries += _places_layer(fmap, places)
    if timelines:
        add_time_slider(fmap, timelines, span)
        # the slider spans the bottom: lift the bottom-right controls above it
        fmap.get_root().header.add_child(
            Element("<style>.leaflet-bottom.leaflet-right{bottom:95px}</style>"),
            name="geomap_slider_css",
        )

    undated = sum(1 for i in located if interval(i.props) is None)
    note = _time_note(span, undated, bool(timelines), clustered)
    if len(located) < len(incidents):
        note += f" {len(incidents) - len(located)} incident(s) without valid coordinates not drawn."
    title, subtitle = _titles(incidents, places)
    title_box(title, subtitle).add_to(fmap)
    fmap.get_root().header.add_child(Element(f"<title>{escape(title)}</title>"))
    legend(entries, title="Layers (click to switch)", note=note).add_to(fmap)
    _controls(fmap, packs, extent, self_contained=self_contained, slider=bool(timelines))
    _fit(fmap, located, extent)
    fmap.geomap_counts = {"incidents": len(located), "clustered": clustered}
    return fmap


def _base_map(packs, extent, *, clustered: bool, self_contained: bool) -> folium.Map:
    # canvas draws many lines and areas far faster than SVG; SVG keeps the arrow heads
    fmap = folium.Map(tiles=None, control_scale=True, prefer_canvas=clustered, zoom_start=6)
    # folium gives maxZoom to tile layers only; MarkerCluster needs it on the map
    fmap.options["maxZoom"] = 18
    # Only Leaflet and Font Awesome are used: no jQuery, Bootstrap or awesome-markers.
    fmap.default_js = [js for js in fmap.default_js if js[0] == "leaflet"]
    fmap.default_css = [
        css for css in fmap.default_css if css[0] in ("leaflet_css", "awesome_markers_font_css")
    ]
    if not self_contained:
        add_tiles(fmap)
    add_vector_basemap(fmap, packs, extent)
    fmap.get_root().header.add_child(Element(f"<style>{STYLE_CSS}</style>"), name="geomap_css")
    return fmap


def _context_layers(fmap, located: list, shapes: Shapes | None) -> list:
    """Regions, railways, the border, rail and road sections; their legend entries."""
    entries = []
    if shapes is not None and located:
        found = layers.regions_layer(located, shapes)
        if found:
            found[0].add_to(fmap)
            entries.append(scale_entry(found[0].layer_name, layers.count_classes(found[1])))
        near = geometry.neighbourhood(located)
        railways = layers.railway_context_layer(shapes, near) if near is not None else None
        if railways:
            railways.add_to(fmap)
            entries.append(line_entry(railways.layer_name, RAIL_COLOUR))
        border = layers.border_layer(located, shapes)
        if border:
            border.add_to(fmap)
            entries.append(line_entry(border.layer_name, BORDER_COLOUR, dashed=True))
    sections = layers.rail_sections_layer(located, shapes)
    if sections:
        sections.add_to(fmap)
        entries.append(line_entry(sections.layer_name, "#212121", dashed=True))
    roads = layers.road_sections_layer(located)
    if roads:
        roads.add_to(fmap)
        entries.append(line_entry(roads.layer_name, "#6d4c41"))
    return entries


def _incident_layers(fmap, located: list, span, texts, *, clustered: bool):
    """One layer per incident type, in codebook order so every map's legend reads the same;
    their legend entries and the timelines the slider drives."""
    by_type: dict[str, list[dict]] = {}
    counts = Counter()
    for incident in located:
        kind = layers.event_kind(incident.props.get("event_type"))
        by_type.setdefault(kind, []).extend(
            layers.incident_display(incident, span, texts, clustered=clustered)
        )
        counts[kind] += 1
    if any(d["properties"]["role"] == "path" for shown in by_type.values() for d in shown):
        scripting.TextPathSupport().add_to(fmap)
    entries, timelines = [], []
    for kind in EVENT_TYPES:
        if not by_type.get(kind):
            continue
        group, timeline = layers.incident_layer(
            kind, by_type[kind], timed=span is not None, clustered=clustered
        )
        group.add_to(fmap)
        timelines += [timeline] if timeline else []
        entries.append(event_entry(kind, counts[kind]))
    return entries, timelines


def _places_layer(fmap, places: list[dict]) -> list:
    """The places, and the search box that finds them."""
    place_layer = layers.places_layer(places)
    if not place_layer:
        return []
    place_layer.add_to(fmap)
    Search(
        place_layer,
        search_label="label",
        placeholder="Search places",
        collapsed=False,
        search_zoom=11,
    ).add_to(fmap)
    return [area_entry(place_layer.layer_name, PLACE_COLOUR)]


def _controls(fmap, packs, extent, *, self_contained: bool, slider: bool) -> None:
    folium.LayerControl(collapsed=True, position="topright").add_to(fmap)
    Fullscreen(position="topleft").add_to(fmap)
    corner = "bottomright" if slider else "bottomleft"
    if not self_contained:
        add_minimap(fmap, None, position=corner)
    else:  # no tiles: the overview is drawn from country outlines, when the packs have them
        outlines = country_outlines(packs, extent, tolerance_deg=0.1, reach_deg=10)
        if outlines is not None:
            add_minimap(fmap, outlines, position=corner)
    MeasureControl(
        position="topleft", primary_length_unit="kilometers", primary_area_unit="sqkilometers"
    ).add_to(fmap)


def _fit(fmap, located: list, extent) -> None:
    """Fit the view to where the incidents happened (else to the places; else Belarus)."""
    bounds = geometry.anchor_bounds(located) or (extent.bounds if extent is not None else None)
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        fmap.fit_bounds([[miny, minx], [maxy, maxx]], padding=(30, 30))
    else:
        fmap.location, fmap.options["zoom"] = [53.9, 27.6], 5


def write_map(
    collection: dict,
    path,
    *,
    packs: DataPacks | None = None,
    self_contained: bool = False,
) -> Path:
    """Build the map and write it to ``path`` atomically (a temporary file, then rename)."""
    fmap = build_map(collection, packs=packs, self_contained=self_contained)
    html = fmap.get_root().render()
    counts = fmap.geomap_counts
    html = html.replace(
        "<html>",
        f'<html lang="en" data-geomap-incidents="{counts["incidents"]}"'
        f' data-geomap-clustered="{str(counts["clustered"]).lower()}">',
        1,
    )
    if self_contained:
        from .assets import inline_assets

        html = inline_assets(html)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as tmp:
        Path(tmp).write_text(html, encoding="utf-8")
    return target


def read_collections(paths) -> dict:
    """One FeatureCollection of the features of several saved GeoJSON files (as
    ``geomap extract`` or ``geomap run`` wrote them)."""
    from ..export import read_geojson

    features = []
    for path in paths:
        features.extend(read_geojson(path).get("features") or [])
    return {"type": "FeatureCollection", "features": features}


def _kind(feature: dict) -> str | None:
    return (feature.get("properties") or {}).get("feature_type")


def _titles(incidents: list[dict], places: list[dict]) -> tuple[str, str]:
    titles = []
    for feature in incidents + places:
        props = feature.get("properties") or {}
        for source in props.get("sources") or [props.get("source")]:
            if isinstance(source, dict):
                title = source.get("title") or source.get("url") or source.get("path")
                if title and str(title) not in titles:
                    titles.append(str(title))
    subtitle = "; ".join(titles[:3]) + (f" and {len(titles) - 3} more" if len(titles) > 3 else "")
    return f"geomap: {len(incidents)} incident(s), {len(places)} place mention(s)", subtitle


def _time_note(span, undated: int, timed: bool, clustered: bool) -> str:
    parts = []
    if span:
        parts.append(f"Dates {iso_day(span[0])} to {iso_day(span[1] - 1)}.")
    if undated:
        parts.append(f"{undated} undated incident(s): dashed ring, always shown.")
    if timed:
        parts.append("The slider shows what had happened by each day.")
    if clustered:
        parts.append(f"More than {CLUSTER_THRESHOLD} incidents: markers are clustered.")
    return " ".join(parts)
