"""How each incident type looks (colour, Font Awesome icon) and the legend that says so."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from branca.element import Element, MacroElement
from folium.template import Template

from ..codebook import EVENT_KINDS
from .popups import event_label


@dataclass(frozen=True)
class Symbol:
    colour: str
    #: Font Awesome 6 free solid icon name, without the ``fa-`` prefix
    icon: str


# Colour-blind-safe where possible (Okabe–Ito and Tableau hues); one icon per kind.
EVENT_SYMBOLS: dict[str, Symbol] = {
    "rail_sabotage": Symbol("#d62728", "fire"),
    "rail_disruption": Symbol("#e69f00", "train"),
    "arrest": Symbol("#6b4c9a", "handcuffs"),
    "troop_deployment": Symbol("#2e7d32", "person-military-rifle"),
    "troop_movement": Symbol("#0072b2", "route"),
    "military_exercise": Symbol("#009e73", "crosshairs"),
    "offensive_threat": Symbol("#cc79a7", "triangle-exclamation"),
    "air_strike": Symbol("#56b4e9", "plane"),
    "missile_strike": Symbol("#8b0000", "rocket"),
    "shelling": Symbol("#d95f02", "burst"),
    "armed_clash": Symbol("#000000", "gun"),
    "attack": Symbol("#b30059", "skull-crossbones"),
    "equipment_movement": Symbol("#8c6d31", "truck"),
    "other": Symbol("#555555", "circle-info"),
}
assert set(EVENT_SYMBOLS) >= set(EVENT_KINDS), "every event type needs a symbol"

#: context layers: (layer name, colour, icon)
PLACE_COLOUR = "#37474f"
REGION_COLOURS = ("#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")
RAIL_COLOUR = "#424242"
BORDER_COLOUR = "#6a1b9a"
UNCERTAINTY_COLOUR = "#ff6f00"


def symbol_of(event_type: str | None) -> Symbol:
    return EVENT_SYMBOLS.get(event_type or "", EVENT_SYMBOLS["other"])


def icon_html(symbol: Symbol, *, undated: bool = False) -> str:
    """A round badge with the type's icon; undated incidents get a dashed ring."""
    ring = " geomap-undated" if undated else ""
    return (
        f'<div class="geomap-badge{ring}" style="background:{symbol.colour}">'
        f'<i class="fa-solid fa-{symbol.icon}"></i></div>'
    )


@dataclass(frozen=True)
class LegendEntry:
    layer: str  # the layer's name in the layer control
    swatch: str  # HTML of the symbol, made here, not from the input
    count: int | None = None


def event_entry(event_type: str, count: int) -> LegendEntry:
    return LegendEntry(event_label(event_type), icon_html(symbol_of(event_type)), count)


def line_entry(layer: str, colour: str, *, dashed: bool = False, count: int | None = None):
    dash = "border-top-style:dashed;" if dashed else ""
    swatch = f'<span class="geomap-line" style="border-top-color:{colour};{dash}"></span>'
    return LegendEntry(layer, swatch, count)


def area_entry(layer: str, colour: str, count: int | None = None) -> LegendEntry:
    swatch = f'<span class="geomap-area" style="background:{colour};border-color:{colour}"></span>'
    return LegendEntry(layer, swatch, count)


def scale_entry(layer: str, classes: list[tuple[str, str]]) -> LegendEntry:
    """A layer shaded by class: (colour, label) swatches, lightest first."""
    boxes = "".join(
        f'<span class="geomap-class"><span class="geomap-area" style="background:{colour};'
        f'border-color:#8d6e63"></span>{escape(label)}</span>'
        for colour, label in classes
    )
    return LegendEntry(layer, f'<span class="geomap-scale">{boxes}</span>')


class MapControl(MacroElement):
    """A box of ready-made HTML shown as a Leaflet control, so it stays inside the map
    (also in fullscreen). The HTML reaches the page as a JSON string (``</`` escaped)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var control = L.control({position: {{ this.position|tojson }}});
            control.onAdd = function () {
                var box = L.DomUtil.create("div", {{ this.css_class|tojson }});
                box.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(box);
                {% if this.toggles %}geomapLegendToggles(box);{% endif %}
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            control.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str, *, position: str, css_class: str, toggles: bool = False):
        super().__init__()
        self._name = "GeomapControl"
        self.html, self.position, self.css_class = html, position, css_class
        self.toggles = toggles

    def render(self, **kwargs):
        if self.toggles:
            figure = self.get_root()
            figure.script.add_child(Element(LEGEND_TOGGLES_JS), name="geomap_legend_toggles")
        super().render(**kwargs)


# A click on a legend item switches its layer: it clicks the layer control's checkbox of the
# same name, so the two never disagree. Items of hidden layers are greyed.
LEGEND_TOGGLES_JS = """
function geomapLegendToggles(box) {
    function inputOf(name) {
        var labels = document.querySelectorAll(".leaflet-control-layers-overlays label");
        for (var i = 0; i < labels.length; i++) {
            if (labels[i].textContent.trim() === name) { return labels[i].querySelector("input"); }
        }
        return null;
    }
    function sync() {
        box.querySelectorAll("[data-geomap-layer]").forEach(function (item) {
            var input = inputOf(item.getAttribute("data-geomap-layer"));
            item.classList.toggle("geomap-off", !!input && !input.checked);
        });
    }
    box.addEventListener("click", function (event) {
        var item = event.target.closest("[data-geomap-layer]");
        var input = item && inputOf(item.getAttribute("data-geomap-layer"));
        if (input) { input.click(); sync(); }
    });
    setTimeout(sync, 0);
}
"""


def legend(entries: list[LegendEntry], title: str = "Legend", note: str = "") -> MapControl:
    """A categorical legend. Each item carries ``data-geomap-layer`` = the layer's name in
    the layer control, so tests and scripts can pair them."""
    items = "".join(
        f'<li data-geomap-layer="{escape(e.layer, quote=True)}">{e.swatch}'
        f"<span>{escape(e.layer)}</span>"
        + (f' <span class="geomap-count">{e.count}</span>' if e.count is not None else "")
        + "</li>"
        for e in entries
    )
    note_html = f'<div class="geomap-note">{escape(note)}</div>' if note else ""
    html = f"<strong>{escape(title)}</strong><ul>{items}</ul>{note_html}"
    return MapControl(
        html, position="topright", css_class="geomap-legend leaflet-bar", toggles=True
    )


def title_box(title: str, subtitle: str = "") -> MapControl:
    sub = f"<small>{escape(subtitle)}</small>" if subtitle else ""
    html = f"<strong>{escape(title)}</strong>{sub}"
    return MapControl(html, position="topright", css_class="geomap-title leaflet-bar")


STYLE_CSS = """
.folium-map{background:#dbe7ee}
.leaflet-top.leaflet-right{z-index:1001}  /* the opened layer list above the slider */
.leaflet-control-layers-expanded .leaflet-control-layers-list{max-height:calc(100vh - 190px);
  overflow-y:auto}
.geomap-badge{width:26px;height:26px;border-radius:50%;border:2px solid #fff;color:#fff;
  display:flex;align-items:center;justify-content:center;font-size:13px;
  box-shadow:0 1px 4px rgba(0,0,0,.5)}
.geomap-badge.geomap-undated{border:2px dashed #222}
.geomap-icon{background:none;border:none}
.geomap-arrow{position:absolute;left:-9px;top:-13px;width:18px;height:26px;font-size:20px;
  line-height:26px;text-align:center;transform-origin:9px 13px;text-shadow:0 0 2px #fff}
.geomap-cluster{width:36px;height:36px;border-radius:50%;border:3px solid rgba(255,255,255,.85);
  color:#fff;font:bold 12px/30px sans-serif;text-align:center;box-shadow:0 1px 5px rgba(0,0,0,.5)}
.geomap-legend{background:rgba(255,255,255,.93);
  padding:8px 10px;border-radius:6px;box-shadow:0 1px 5px rgba(0,0,0,.4);font:12px/1.4 sans-serif;
  max-height:55vh;overflow:auto}
.geomap-legend ul{list-style:none;margin:4px 0 0;padding:0}
.geomap-legend li{display:flex;align-items:center;gap:6px;margin:3px 0;cursor:pointer}
.geomap-legend li.geomap-off{opacity:.4}
.geomap-legend .geomap-badge{width:18px;height:18px;font-size:9px;border-width:1px}
.geomap-legend .geomap-count{color:#666;margin-left:auto;padding-left:6px}
.geomap-line{display:inline-block;width:18px;height:0;border-top:3px solid}
.geomap-area{display:inline-block;width:16px;height:12px;border:1px solid;opacity:.8}
.geomap-scale{display:flex;flex-direction:column;gap:1px;font-size:10px;color:#444}
.geomap-class{display:flex;align-items:center;gap:3px}
.geomap-note{color:#555;margin-top:4px;max-width:220px}
.geomap-title{background:rgba(255,255,255,.93);
  padding:6px 10px;border-radius:6px;box-shadow:0 1px 5px rgba(0,0,0,.4);font:13px/1.3 sans-serif;
  max-width:50vw}
.geomap-title small{display:block;color:#555}
.geomap-popup{font:12px/1.4 sans-serif;max-width:340px}
.geomap-popup h4{margin:0 0 4px;font-size:13px}
.geomap-facts th{text-align:left;padding-right:8px;vertical-align:top;color:#444;white-space:nowrap}
.geomap-popup blockquote{margin:6px 0;padding:4px 8px;border-left:3px solid #999;color:#333;
  background:#f6f6f6;font-style:italic}
.geomap-sources{color:#444}
"""
