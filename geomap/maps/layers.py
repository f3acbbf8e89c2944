"""One function per layer kind: FeatureCollection features (and data packs) → folium layers.

Layers receive features whose popups and tooltips were already escaped by
:mod:`geomap.maps.popups`; they never put raw input text into the page. Every layer checks
its coordinates (finite, in range) before drawing: a feature it cannot place is skipped.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape

import folium
from branca.colormap import StepColormap
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster, PolyLineTextPath, Timeline
from folium.template import Template
from folium.utilities import JsCode
from shapely import set_precision
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

from ..codebook import EVENT_KINDS
from ..shapes import Shapes
from .popups import (
    event_label,
    incident_popup_parts,
    incident_tooltip,
    place_popup,
    place_tooltip,
)
from .symbology import (
    BORDER_COLOUR,
    PLACE_COLOUR,
    RAIL_COLOUR,
    REGION_COLOURS,
    UNCERTAINTY_COLOUR,
    icon_html,
    symbol_of,
)
from .timeline import ClusterTimeline, on_map

# -- browser-side behaviour shared by the incident layers ----------------------------------------
# Popups and tooltips are HTML strings made (and escaped) in Python; the browser only binds them.

# The badge is put together here from values escaped in Python (event_type, id) and the
# icons of geomapIcons, so 100k incidents do not each carry the same markup.
INCIDENT_MARKER = JsCode(
    """function (feature, latlng) {
        var p = feature.properties;
        var html = '<div data-geomap-event="' + p.event_type + '" data-geomap-id="' + p.id
            + '" data-geomap-undated="' + p.undated + '">'
            + geomapIcons[p.event_type][p.undated ? 1 : 0] + "<\\/div>";
        return L.marker(latlng, {icon: L.divIcon({className: "geomap-icon",
            html: html, iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12]})});
    }"""
)
INCIDENT_STYLE = JsCode(
    """function (feature) {
        var p = feature.properties, area = p.role === "region";
        return {color: p.colour, weight: area ? 2 : 5, opacity: 0.85, fillColor: p.colour,
                fillOpacity: area ? 0.12 : 0.3, dashArray: p.undated ? "8 6" : null};
    }"""
)
BIND_POPUP = JsCode(
    """function (feature, layer) {
        var p = feature.properties;
        // made when first opened: a page of 100k incidents builds only what is looked at
        if (p.popup) {
            layer.bindPopup(function () { return geomapText(p.popup); }, {maxWidth: 360});
        }
        if (p.tooltip) {
            layer.bindTooltip(function () { return geomapText(p.tooltip); }, {sticky: true});
        }
        // movements: arrow heads along the line, origin to destination (Leaflet.TextPath)
        if (p.role === "path" && layer.setText) {
            layer.setText("   \u25ba   ", {repeat: true, offset: 6,
                attributes: {fill: p.colour, "font-size": "18", "font-weight": "bold"}});
        }
    }"""
)
UNCERTAINTY_CIRCLE = JsCode(
    """function (feature, latlng) {
        return L.circle(latlng, {radius: feature.properties.radius_m, color: feature.properties.colour,
            weight: 1, dashArray: "4 4", fillOpacity: 0.03, interactive: true});
    }"""
)
TIME_INTERVAL = JsCode(
    """function (feature) {
        return {start: feature.properties.start, end: feature.properties.end};
    }"""
)
NO_STYLE = JsCode("function () { return {}; }")
CONTEXT_POINT = JsCode(
    """function (feature, latlng) {
        return L.circleMarker(latlng, {radius: feature.properties.radius || 3,
            color: feature.properties.colour, weight: 1, fillOpacity: 0.8});
    }"""
)


# -- coordinates --------------------------------------------------------------------------------


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


# -- incidents ----------------------------------------------------------------------------------


def incident_display(
    incident: Located, span: tuple[int, int] | None, texts: PageTexts | None = None
) -> list[dict]:
    """The features that draw one incident: its geometry and, for lines and areas, a badge
    at its anchor point, all with the popup, tooltip, colour and time interval. With
    ``texts``, the popup's shared parts are references into the page's text table."""
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
    out = [{"type": "Feature", "geometry": feature["geometry"], "properties": shown}]
    if geom.geom_type != "Point":
        lon, lat = anchor_point(geom, shown["role"])
        out.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {**shown, "role": "badge"},
            }
        )
    return out


def event_kind(event_type) -> str:
    """The codebook's event type, or ``other`` for one it does not know."""
    return str(event_type) if event_type in EVENT_KINDS else "other"


class PageTexts(MacroElement):
    """Texts shared by many features (a quote, a source), written into the page once;
    features refer to them by number. Also the incident icons, and ``geomapText`` that
    puts a popup together. Must be added to the map before the layers that use it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var geomapTexts = {{ this.texts|tojson }};
        var geomapIcons = {{ this.icons|tojson }};
        function geomapText(value) {
            return Array.isArray(value)
                ? value.map(function (i) { return geomapTexts[i]; }).join("") : value;
        }
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "PageTexts"
        self.texts: list[str] = []
        self._index: dict[str, int] = {}
        self.icons = {
            kind: [icon_html(symbol_of(kind)), icon_html(symbol_of(kind), undated=True)]
            for kind in EVENT_KINDS
        }

    def ref(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.texts)
            self.texts.append(text)
        return self._index[text]


class TextPathSupport(JSCSSMixin, MacroElement):
    """Loads Leaflet.TextPath, which draws the arrow heads of movement lines."""

    default_js = PolyLineTextPath.default_js


def incident_layer(
    event_type: str, display: list[dict], *, timed: bool, clustered: bool
) -> tuple[folium.FeatureGroup, MacroElement | None]:
    """One switchable layer per incident type, named by the type's label. Timed: a layer the
    slider drives; clustered (many incidents): a MarkerCluster (timed through an adapter)."""
    group = folium.FeatureGroup(name=event_label(event_type), show=True)
    data = {"type": "FeatureCollection", "features": display}
    options = dict(style=INCIDENT_STYLE, point_to_layer=INCIDENT_MARKER, on_each_feature=BIND_POPUP)
    if timed and not clustered:
        timeline = Timeline(data, get_interval=TIME_INTERVAL, **options)
        timeline.add_to(group)
        return group, timeline
    if clustered:
        cluster = IncidentCluster(
            control=False,
            options={"chunkedLoading": True},
            icon_create_function=_cluster_icon(symbol_of(event_type).colour),
        )
        cluster.add_to(group)
        if timed:
            # the layer is only a source: the slider's adapter moves its markers in and out
            source = ScriptedGeoJson(data, control=False, show=False, **options)
            source.add_to(cluster)
            adapter = ClusterTimeline(cluster, source)
            adapter.add_to(group)
            return group, adapter
        ScriptedGeoJson(data, control=False, **options).add_to(cluster)
        return group, None
    ScriptedGeoJson(data, control=False, **options).add_to(group)
    return group, None


_MARKERCLUSTER = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.5.3"


class IncidentCluster(MarkerCluster):
    """folium's MarkerCluster on Leaflet.markercluster 1.5.3: 1.1.0 fails when the map zooms
    while 100k markers are still being added."""

    default_js = [("markerclusterjs", f"{_MARKERCLUSTER}/leaflet.markercluster.js")]
    default_css = [
        ("markerclustercss", f"{_MARKERCLUSTER}/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{_MARKERCLUSTER}/MarkerCluster.Default.css"),
    ]


def _cluster_icon(colour: str) -> str:
    """A cluster in its type's colour with the number of incidents in it."""
    return f"""function (cluster) {{
        return L.divIcon({{className: "geomap-icon", iconSize: [36, 36],
            html: '<div class="geomap-cluster" style="background:{colour}">'
                + cluster.getChildCount() + "<\\/div>"}});
    }}"""


class ScriptedGeoJson(folium.GeoJson):
    """A GeoJSON layer styled by JavaScript functions (folium.GeoJson takes Python style
    functions and would write a style per feature: too big at 100k incidents)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data|tojson }}, {
            style: {{ this.js_style.js_code }},
            pointToLayer: {{ this.js_point_to_layer.js_code }},
            onEachFeature: {{ this.js_on_each_feature.js_code }}
        });
        {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: dict,
        *,
        name: str | None = None,
        style: JsCode = NO_STYLE,
        point_to_layer: JsCode = CONTEXT_POINT,
        on_each_feature: JsCode = BIND_POPUP,
        show: bool = True,
        control: bool = True,
    ):
        folium.map.Layer.__init__(self, name=name, overlay=True, control=control, show=show)
        self._name = "GeoJson"
        self.data = data
        self.embed = True
        self.js_style, self.js_point_to_layer = style, point_to_layer
        self.js_on_each_feature = on_each_feature

    def render(self, **kwargs):
        # skip folium.GeoJson.render: it maps Python style functions we do not have
        folium.map.Layer.render(self, **kwargs)


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
        timeline = Timeline(
            data,
            get_interval=TIME_INTERVAL,
            point_to_layer=UNCERTAINTY_CIRCLE,
            on_each_feature=BIND_POPUP,
        )
        timeline.add_to(group)
        return group, timeline
    ScriptedGeoJson(data, point_to_layer=UNCERTAINTY_CIRCLE, control=False).add_to(group)
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
                        fillOpacity: feature.properties.count ? 0.45 : 0.08};
            }"""
        ),
        point_to_layer=CONTEXT_POINT,
    )
    return layer, colormap


def _count_steps(top: int) -> list[int]:
    """Class breaks for incident counts: 0, 1, then up to three more up to ``top``."""
    if top <= 1:
        return [0, 1]
    if top <= 4:
        return list(range(0, top + 1))
    return [0, 1, max(2, top // 4), max(3, top // 2), max(4, (3 * top) // 4)]


# -- railways -----------------------------------------------------------------------------------


def rail_sections_layer(incidents: list[Located]) -> folium.GeoJson | None:
    """The stretches of railway named in incidents, drawn as track with their stations."""
    features = []
    for incident in incidents:
        feature, geom, props = incident.feature, incident.geometry, incident.props
        if props.get("geometry_role") != "section":
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
        coords = list(geom.coords) if geom.geom_type == "LineString" else []
        for lon, lat in coords[:1] + coords[-1:]:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"colour": RAIL_COLOUR, "radius": 5},
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
        if not inside.contains(_point(station.lon, station.lat)):
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


def _point(lon: float, lat: float):
    from shapely.geometry import Point

    return Point(lon, lat)


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
    middle = geom.interpolate(0.5, normalized=True) if hasattr(geom, "interpolate") else None
    if middle is None or geom.geom_type not in ("LineString", "MultiLineString"):
        return None
    outlines = shapes.countries
    near = sorted(
        (outline.distance(middle), iso2) for iso2, outline in outlines.items() if iso2 != country
    )
    if not country or country not in outlines or not near or near[0][0] > 0.05:
        return None
    return tuple(sorted((country, near[0][1])))


def compact(geom: BaseGeometry, tolerance_deg: float, decimals: int = 4) -> dict:
    """A simplified GeoJSON geometry on a grid of ``decimals`` places: context layers need
    no survey accuracy, and the page stays small."""
    simple = geom.simplify(tolerance_deg, preserve_topology=True)
    return mapping(set_precision(simple, 10**-decimals))


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
