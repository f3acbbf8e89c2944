"""The browser side of the map: JavaScript that draws the features, binds popups on demand
and shares texts and icons, as folium elements.

Popups and tooltips are HTML made (and escaped) in Python by :mod:`geomap.maps.popups`; the
JavaScript here only puts them in place.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster, PolyLineTextPath
from folium.template import Template
from folium.utilities import JsCode

from ..codebook import EVENT_KINDS
from .symbology import icon_html, symbol_of

# -- browser-side behaviour shared by the incident layers ----------------------------------------
# Popups and tooltips are HTML strings made (and escaped) in Python; the browser only binds them.

# The badge is put together here from values escaped in Python (event_type, id) and the
# icons of geomapIcons, so 100k incidents do not each carry the same markup. Without an id
# (clustered maps) markers share one icon per type: a third faster to load at 100k.
INCIDENT_MARKER = JsCode(
    """function (feature, latlng) {
        var p = feature.properties;
        if (p.role === "arrow") {  // the head of a movement, just before its destination
            return L.marker(latlng, {interactive: false, keyboard: false,
                icon: L.divIcon({className: "geomap-icon", iconSize: [0, 0],
                    html: '<div class="geomap-arrow" style="color:' + p.colour
                        + ';transform:rotate(' + p.angle + 'deg) translateX(-22px)">'
                        + "\u27a4<\\/div>"})});
        }
        return L.marker(latlng, {icon: p.id === undefined
            ? geomapSharedIcon(p.event_type, p.undated)
            : geomapIcon(p.event_type, p.undated, ' data-geomap-id="' + p.id + '"')});
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
        if (p.popup) { layer.bindPopup(p.popup, {maxWidth: 360}); }
        if (p.tooltip) { layer.bindTooltip(p.tooltip, {sticky: true}); }
    }"""
)
# Incident layers bind popups and tooltips when first clicked or hovered (LazyPopups): at
# 100k incidents, binding them all up front costs seconds of loading.
INCIDENT_FEATURE = JsCode(
    """function (feature, layer) {
        var p = feature.properties;
        // movements: arrow heads at the middle of the line, origin to destination
        // (Leaflet.TextPath). Not repeated: along a 7000 km line at zoom 11 the repeats
        // would run into millions and hang the page.
        if (p.role === "path" && layer.setText) {
            layer.setText("\u25ba  \u25ba  \u25ba", {center: true, offset: 6,
                attributes: {fill: p.colour, "font-size": "18", "font-weight": "bold"}});
        }
    }"""
)
# Circles hundreds of km wide are drawn on a canvas, without dashes: as dashed SVG they cost
# seconds per frame once zoomed in.
UNCERTAINTY_CIRCLE = JsCode(
    """function (feature, latlng) {
        return L.circle(latlng, {radius: feature.properties.radius_m,
            color: feature.properties.colour, weight: 1, opacity: 0.5, fillOpacity: 0.03,
            renderer: geomapCanvas});
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


class PageTexts(MacroElement):
    """Texts shared by many features (a quote, a source), written into the page once;
    features refer to them by number. Also the incident icons, and ``geomapText`` that
    puts a popup together. Must be added to the map before the layers that use it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var geomapTexts = {{ this.texts|tojson }};
        var geomapIcons = {{ this.icons|tojson }};
        var geomapCanvas = L.canvas({padding: 0.3});
        function geomapText(value) {
            return Array.isArray(value)
                ? value.map(function (i) { return geomapTexts[i]; }).join("") : value;
        }
        function geomapIcon(kind, undated, attributes) {
            return L.divIcon({className: "geomap-icon", iconSize: [26, 26], iconAnchor: [13, 13],
                popupAnchor: [0, -12],
                html: '<div data-geomap-event="' + kind + '" data-geomap-undated="' + undated
                    + '"' + attributes + ">" + geomapIcons[kind][undated ? 1 : 0] + "<\\/div>"});
        }
        var geomapIconCache = {};
        function geomapSharedIcon(kind, undated) {
            var key = kind + (undated ? ":undated" : "");
            return geomapIconCache[key]
                || (geomapIconCache[key] = geomapIcon(kind, undated, ""));
        }
        // Popups and tooltips of a layer's features, bound on first click or hover: the
        // events of its features reach the layer even when a cluster group shows them.
        function geomapLazyPopups(group) {
            group.on("click", function (event) {
                var layer = event.layer, p = layer.feature && layer.feature.properties;
                if (!p || !p.popup || layer.getPopup()) { return; }
                layer.bindPopup(geomapText(p.popup), {maxWidth: 360}).openPopup(event.latlng);
            });
            group.on("mouseover", function (event) {
                var layer = event.layer, p = layer.feature && layer.feature.properties;
                if (!p || !p.tooltip || layer.getTooltip()) { return; }
                layer.bindTooltip(geomapText(p.tooltip), {sticky: true}).openTooltip(event.latlng);
            });
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


class LazyPopups(MacroElement):
    """Binds the popups and tooltips of a layer's features when first wanted."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomapLazyPopups({{ this.layer.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: MacroElement):
        super().__init__()
        self._name = "LazyPopups"
        self.layer = layer


class TextPathSupport(JSCSSMixin, MacroElement):
    """Loads Leaflet.TextPath, which draws the arrow heads of movement lines."""

    default_js = PolyLineTextPath.default_js


_MARKERCLUSTER = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.5.3"


class IncidentCluster(MarkerCluster):
    """folium's MarkerCluster on Leaflet.markercluster 1.5.3: 1.1.0 fails when the map zooms
    while 100k markers are still being added."""

    default_js = [("markerclusterjs", f"{_MARKERCLUSTER}/leaflet.markercluster.js")]
    default_css = [
        ("markerclustercss", f"{_MARKERCLUSTER}/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{_MARKERCLUSTER}/MarkerCluster.Default.css"),
    ]


def cluster_icon(colour: str) -> str:
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
