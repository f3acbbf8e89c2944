"""One function per layer kind: FeatureCollection features (and data packs) → folium layers.

Layers receive features whose popups and tooltips were already escaped by
:mod:`geomap.maps.popups`; they never put raw input text into the page. Every layer checks
its coordinates (finite, in range) before drawing: a feature it cannot place is skipped.
"""

from __future__ import annotations

from collections import Counter
from html import escape

import folium
from branca.colormap import StepColormap
from branca.element import MacroElement
from folium.plugins import Timeline
from folium.utilities import JsCode
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from ..codebook import EVENT_KINDS
from ..shapes import Shapes
from .geometry import Located, anchor_point, compact, screen_angle, valid_geometry
from .popups import (
    event_label,
    incident_popup_parts,
    incident_tooltip,
    place_popup,
    place_tooltip,
)
from .scripting import (
    CONTEXT_POINT,
    INCIDENT_FEATURE,
    INCIDENT_MARKER,
    INCIDENT_STYLE,
    NO_STYLE,
    TIME_INTERVAL,
    UNCERTAINTY_CIRCLE,
    IncidentCluster,
    LazyPopups,
    PageTexts,
    ScriptedGeoJson,
    cluster_icon,
)
from .symbology import (
    BORDER_COLOUR,
    PLACE_COLOUR,
    RAIL_COLOUR,
    REGION_COLOURS,
    UNCERTAINTY_COLOUR,
    symbol_of,
)
from .timeline import ClusterTimeline, on_map

# -- incidents ----------------------------------------------------------------------------------


def incident_display(
    incident: Located,
    span: tuple[int, int] | None,
    texts: PageTexts | None = None,
    *,
    clustered: bool = False,
) -> list[dict]:
    """The features that draw one incident: its geometry and, for lines and areas, a badge
    at its anchor point, all with the popup, tooltip, colour and time interval. With
    ``texts``, the popup's shared parts are references into the page's text table. A
    movement also gets an arrow head at its destination. On ``clustered`` maps markers carry
    no ``data-geomap-id`` (they share their icons) and there are no arrow heads (a cluster
    would count them)."""
    feature, geom, props = incident.feature, incident.geometry, incident.props
    symbol = symbol_of(props.get("event_type"))
    start, end, undated = on_map(props, span)
    parts = incident_popup_parts(props)
    shown = {
        # both go into HTML attributes in the browser: escaped here
        "id": escape(str(props.get("id") or feature.get("id") or ""), quote=True),
        "event_type": event_kind(props.get("event_type")),
        "role": props.get("geometry_role") or "point",
        "colour": symbol.colour,
        "popup": [texts.ref(part) for part in parts] if texts else "".join(parts),
        "tooltip": incident_tooltip(props),
        "undated": undated,
        "start": start,
        "end": end,
    }
    if clustered:
        del shown["id"]
    out = [{"type": "Feature", "geometry": feature["geometry"], "properties": shown}]
    if geom.geom_type != "Point":
        lon, lat = anchor_point(geom, shown["role"])
        point = {"type": "Point", "coordinates": [lon, lat]}
        out.append({"type": "Feature", "geometry": point, "properties": {**shown, "role": "badge"}})
        if shown["role"] == "path" and geom.geom_type == "LineString" and not clustered:
            arrow = {
                "role": "arrow",
                "colour": symbol.colour,
                "angle": screen_angle(*geom.coords[-2][:2], *geom.coords[-1][:2]),
                "undated": undated,
                "start": start,
                "end": end,
            }
            out.append({"type": "Feature", "geometry": point, "properties": arrow})
    return out


def event_kind(event_type) -> str:
    """The codebook's event type, or ``other`` for one it does not know."""
    return str(event_type) if event_type in EVENT_KINDS else "other"


def incident_layer(
    event_type: str, display: list[dict], *, timed: bool, clustered: bool
) -> tuple[folium.FeatureGroup, MacroElement | None]:
    """One switchable layer per incident type, named by the type's label. Timed: a layer the
    slider drives; clustered (many incidents): a MarkerCluster (timed through an adapter)."""
    group = folium.FeatureGroup(name=event_label(event_type), show=True)
    data = {"type": "FeatureCollection", "features": display}
    options = dict(
        style=INCIDENT_STYLE, point_to_layer=INCIDENT_MARKER, on_each_feature=INCIDENT_FEATURE
    )
    if timed and not clustered:
        timeline = Timeline(data, get_interval=TIME_INTERVAL, **options)
        timeline.add_to(group)
        LazyPopups(timeline).add_to(group)
        return group, timeline
    if clustered:
        cluster = IncidentCluster(
            control=False,
            options={"chunkedLoading": True},
            icon_create_function=cluster_icon(symbol_of(event_type).colour),
        )
        cluster.add_to(group)
        if timed:
            # the layer is only a source: the slider's adapter moves its markers in and out
            source = ScriptedGeoJson(data, control=False, show=False, **options)
            source.add_to(cluster)
            LazyPopups(source).add_to(group)
            adapter = ClusterTimeline(cluster, source)
            adapter.add_to(group)
            return group, adapter
        layer = ScriptedGeoJson(data, control=False, **options).add_to(cluster)
    else:
        layer = ScriptedGeoJson(data, control=False, **options).add_to(group)
    LazyPopups(layer).add_to(group)
    return group, None


def uncertainty_layer(
    incidents: list[Located], span: tuple[int, int] | None, *, timed: bool, show: bool = True
) -> tuple[folium.FeatureGroup, Timeline | None] | None:
    """A circle of ``uncertainty_km`` around every imprecise incident (geo_precision ≥ 2)."""
    circles = []
    for incident in incidents:
        props, geom = incident.props, incident.geometry
        radius = props.get("uncertainty_km")
        if not isinstance(radius, (int, float)) or not radius > 0:
            continue
        if (props.get("geo_precision") or 1) < 2:
            continue
        lon, lat = anchor_point(geom, props.get("geometry_role"))
        when = on_map(props, span)
        circles.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "radius_m": float(radius) * 1000,
                    "colour": UNCERTAINTY_COLOUR,
                    "start": when[0],
                    "end": when[1],
                    "tooltip": escape(
                        f"{event_label(props.get('event_type'))}: placed within {radius:g} km"
                    ),
                },
            }
        )
    if not circles:
        return None
    group = folium.FeatureGroup(name="Uncertainty", show=show)
    data = {"type": "FeatureCollection", "features": circles}
    if timed:
        timeline = Timeline(data, get_interval=TIME_INTERVAL, point_to_layer=UNCERTAINTY_CIRCLE)
        timeline.add_to(group)
        LazyPopups(timeline).add_to(group)
        return group, timeline
    layer = ScriptedGeoJson(
        data, point_to_layer=UNCERTAINTY_CIRCLE, on_each_feature=NO_STYLE, control=False
    ).add_to(group)
    LazyPopups(layer).add_to(group)
    return group, None


# -- places -------------------------------------------------------------------------------------


def places_layer(places: list[dict]) -> folium.GeoJson | None:
    """Every resolved place as a small dot; the search box looks places up by ``label``."""
    shown = []
    for feature in places:
        props = feature.get("properties") or {}
        geom = valid_geometry(feature.get("geometry"))
        if geom is None or geom.geom_type != "Point":
            continue
        shown.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "label": place_tooltip(props),
                    "popup": place_popup(props),
                    "tooltip": place_tooltip(props),
                    "colour": PLACE_COLOUR,
                    "radius": 4,
                },
            }
        )
    if not shown:
        return None
    layer = ScriptedGeoJson(
        {"type": "FeatureCollection", "features": shown},
        name="Places",
        show=True,
        style=NO_STYLE,
        point_to_layer=CONTEXT_POINT,
    )
    return layer


# -- regions ------------------------------------------------------------------------------------


def regions_layer(
    incidents: list[Located], shapes: Shapes
) -> tuple[folium.GeoJson, StepColormap] | None:
    """Admin-1 polygons of the countries with incidents, shaded by their incident count."""
    counts = Counter(i.props.get("admin1_code") for i in incidents if i.props.get("admin1_code"))
    countries = {i.props.get("country_code") for i in incidents}
    regions = [r for r in shapes.regions.values() if r.country_code in countries]
    if not regions:
        return None
    top = max(counts.values(), default=0)
    steps = _count_steps(top)
    colormap = StepColormap(
        list(REGION_COLOURS[: len(steps)]),
        index=steps + [max(top, steps[-1]) + 1],
        vmin=0,
        vmax=max(top, steps[-1]) + 1,
        caption="Incidents per region",
    )
    features = []
    for region in regions:
        outline = compact(shape(region.geometry), 0.005)
        count = counts.get(region.admin1_code, 0)
        name = region.names[0] if region.names else region.admin1_code
        features.append(
            {
                "type": "Feature",
                "geometry": outline,
                "properties": {
                    "fill": colormap(count),
                    "count": count,
                    "tooltip": escape(f"{name} ({region.country_code}): {count} incident(s)"),
                },
            }
        )
    layer = ScriptedGeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Regions (incidents per region)",
        show=True,
        style=JsCode(
            """function (feature) {
                return {color: "#8d6e63", weight: 1, fillColor: feature.properties.fill,
                        fillOpacity: feature.properties.count ? 0.3 : 0.05};
            }"""
        ),
        point_to_layer=CONTEXT_POINT,
    )
    return layer, colormap


def count_classes(colormap: StepColormap) -> list[tuple[str, str]]:
    """(colour, label) of each class of a region shading: "0", "1", "2–3", "≥ 8"."""
    bounds = [int(b) for b in colormap.index]
    out = []
    for i, low in enumerate(bounds[:-1]):
        high = bounds[i + 1] - 1
        last = i == len(bounds) - 2
        label = f"≥ {low}" if last and high > low else str(low) if high <= low else f"{low}–{high}"
        out.append((colormap.rgb_hex_str(low), label))
    return out


def _count_steps(top: int) -> list[int]:
    """Class breaks for incident counts: 0, 1, then up to three more up to ``top``."""
    if top <= 1:
        return [0, 1]
    if top <= 4:
        return list(range(0, top + 1))
    return [0, 1, max(2, top // 4), max(3, top // 2), max(4, (3 * top) // 4)]


# -- railways -----------------------------------------------------------------------------------


def road_sections_layer(incidents: list[Located]) -> folium.GeoJson | None:
    """The stretches of road between two towns that incidents happened on, drawn as roads."""
    features = []
    for incident in incidents:
        props = incident.props
        if props.get("geometry_role") != "section" or props.get("section_of") != "road":
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": incident.feature["geometry"],
                "properties": {
                    "tooltip": escape(f"Road {props.get('place_name') or ''}"),
                },
            }
        )
    if not features:
        return None
    return ScriptedGeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Road sections",
        show=True,
        style=JsCode(
            """function () {
                return {color: "#6d4c41", weight: 5, opacity: 0.8};
            }"""
        ),
    )


def rail_sections_layer(
    incidents: list[Located], shapes: Shapes | None = None
) -> folium.GeoJson | None:
    """The stretches of railway named in incidents, drawn as track, with the stations they
    pass through (named from the data packs when a station lies on a vertex)."""
    features = []
    station_near = _station_finder(shapes) if shapes is not None else (lambda lon, lat: None)
    seen: set[tuple[float, float]] = set()
    for incident in incidents:
        feature, geom, props = incident.feature, incident.geometry, incident.props
        if props.get("geometry_role") != "section" or props.get("section_of") == "road":
            continue
        stations = " – ".join(map(str, props.get("stations") or [])) or str(
            props.get("place_name") or ""
        )
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {"tooltip": escape(f"Rail section {stations}")},
            }
        )
        coords = [c[:2] for c in geom.coords] if geom.geom_type == "LineString" else []
        for i, (lon, lat) in enumerate(coords):
            end = i in (0, len(coords) - 1)
            station = station_near(lon, lat)
            if (not end and station is None) or (lon, lat) in seen:
                continue
            seen.add((lon, lat))
            name = " / ".join(station.names[:2]) if station else ""
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "colour": RAIL_COLOUR,
                        "radius": 5 if end else 3.5,
                        "tooltip": escape(f"Station {name}") if name else "",
                    },
                }
            )
    if not features:
        return None
    layer = ScriptedGeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Rail sections",
        show=True,
        style=JsCode(
            """function () {
                return {color: "#212121", weight: 7, opacity: 0.8, dashArray: "12 8"};
            }"""
        ),
        point_to_layer=CONTEXT_POINT,
    )
    return layer


def _station_finder(shapes: Shapes, within_deg: float = 0.003):
    """A lookup of the pack station at (lon, lat), within about 300 m, or None."""
    grid: dict[tuple[int, int], list] = {}
    for station in shapes.packs.stations():
        grid.setdefault((round(station.lon * 100), round(station.lat * 100)), []).append(station)

    def near(lon: float, lat: float):
        cell = (round(lon * 100), round(lat * 100))
        candidates = [
            s
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for s in grid.get((cell[0] + dx, cell[1] + dy), ())
        ]
        best = min(candidates, key=lambda s: (s.lon - lon) ** 2 + (s.lat - lat) ** 2, default=None)
        if best and max(abs(best.lon - lon), abs(best.lat - lat)) <= within_deg:
            return best
        return None

    return near


def railway_context_layer(shapes: Shapes, extent: BaseGeometry) -> folium.GeoJson | None:
    """Stations and railway lines of the data packs, only inside the data's extent."""
    features = []
    for line in shapes.rail_lines:
        clipped = line.intersection(extent)
        if not clipped.is_empty and clipped.length > 0:
            features.append(
                {
                    "type": "Feature",
                    "geometry": compact(clipped, 0.01),
                    "properties": {},
                }
            )
    from shapely.prepared import prep

    inside = prep(extent)
    for station in shapes.packs.stations():
        if not inside.contains(Point(station.lon, station.lat)):
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(station.lon, 5), round(station.lat, 5)],
                },
                "properties": {
                    "colour": RAIL_COLOUR,
                    "radius": 2,
                    "tooltip": escape(f"{' / '.join(station.names[:2])} ({station.kind})"),
                },
            }
        )
    if not features:
        return None
    layer = ScriptedGeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Railways (stations and lines)",
        show=False,
        style=JsCode("""function () { return {color: "#616161", weight: 1.5, opacity: 0.7}; }"""),
        point_to_layer=CONTEXT_POINT,
    )
    return layer


# -- borders ------------------------------------------------------------------------------------


def border_layer(incidents: list[Located], shapes: Shapes) -> folium.GeoJson | None:
    """The land borders that incidents sit on (e.g. Belarus–Ukraine), from the admin-0
    polygons, with the names of the deployments on each."""
    on_border: dict[tuple[str, str], list[str]] = {}
    for incident in incidents:
        props, geom = incident.props, incident.geometry
        if props.get("geometry_role") != "border":
            continue
        pair = _border_pair(geom, props.get("country_code"), shapes)
        if pair:
            on_border.setdefault(pair, []).append(
                f"{event_label(props.get('event_type'))} ({props.get('date_start') or 'undated'})"
            )
    features = []
    names = {c.iso2: (c.names[0] if c.names else c.iso2) for c in shapes.packs.countries()}
    for (a, b), events in sorted(on_border.items()):
        line = shapes.border(a, b)
        if line is None:
            continue
        label = f"{names.get(a, a)}–{names.get(b, b)} border"
        features.append(
            {
                "type": "Feature",
                "geometry": compact(line, 0.002),
                "properties": {
                    "tooltip": escape(f"{label}: {len(events)} incident(s) on it"),
                    "popup": f"<strong>{escape(label)}</strong><br>"
                    + "<br>".join(escape(e) for e in events),
                },
            }
        )
    if not features:
        return None
    layer = ScriptedGeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Border",
        show=True,
        style=JsCode(
            f"""function () {{
                return {{color: "{BORDER_COLOUR}", weight: 4, opacity: 0.9, dashArray: "10 5 2 5"}};
            }}"""
        ),
        point_to_layer=CONTEXT_POINT,
    )
    return layer


def _border_pair(geom: BaseGeometry, country: str | None, shapes: Shapes) -> tuple | None:
    """The two countries whose shared border ``geom`` follows: the incident's own country and
    the nearest other one at the line's middle."""
    if geom.geom_type not in ("LineString", "MultiLineString") or geom.is_empty:
        return None  # a border incident drawn at a point (no line could be cut out for it)
    middle = geom.interpolate(0.5, normalized=True)
    outlines = shapes.countries
    near = sorted(
        (outline.distance(middle), iso2) for iso2, outline in outlines.items() if iso2 != country
    )
    if not country or country not in outlines or not near or near[0][0] > 0.05:
        return None
    return tuple(sorted((country, near[0][1])))
