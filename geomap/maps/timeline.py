"""Incident dates as the time slider's intervals (milliseconds since the epoch, UTC).

The slider is cumulative: at a given day the map shows every incident that had begun by
then, so moving it shows the story unfold and its end shows everything. An undated
incident is shown over the whole span, so it never drops off the map (and is marked
undated).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from branca.element import MacroElement
from folium.plugins import TimelineSlider
from folium.template import Template
from folium.utilities import JsCode

_DAY_MS = 86_400_000


def day_ms(value: str | None) -> int | None:
    """Midnight UTC of an ISO date as epoch milliseconds, or None when absent or malformed."""
    if not value:
        return None
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return int(datetime.combine(day, time(), tzinfo=UTC).timestamp() * 1000)


def interval(props: dict) -> tuple[int, int] | None:
    """(start, end) of one incident, end exclusive; None when undated."""
    start = day_ms(props.get("date_start"))
    if start is None:
        return None
    end = day_ms(props.get("date_end")) or start
    return start, max(end, start) + _DAY_MS


def on_map(props: dict, span: tuple[int, int] | None) -> tuple[int, int, bool]:
    """(shown from, shown until, undated) of one incident on the slider."""
    when = interval(props)
    if span is None:
        return (when or (0, 0)) + (when is None,)
    if when is None:
        return span[0], span[1], True
    return when[0], max(span[1], when[1]), False


def data_span(intervals: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    known = [i for i in intervals if i is not None]
    if not known:
        return None
    return min(s for s, _ in known), max(e for _, e in known)


def iso_day(ms: int) -> str:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)).date().isoformat()


# Dates are UTC midnights: format them in UTC, or a viewer west of Greenwich sees the day before.
_UTC_DAY = JsCode("function (date) { return moment.utc(date).format('YYYY-MM-DD'); }")


class SliderAt(MacroElement):
    """Moves a time slider to a given time once the page is built."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.slider.get_name() }}.setTime({{ this.time|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, slider: MacroElement, time_ms: int):
        super().__init__()
        self._name = "SliderAt"
        self.slider, self.time = slider, int(time_ms)


def add_time_slider(fmap, timelines: list, span: tuple[int, int]) -> TimelineSlider:
    """A slider over the data's days, starting at its end (everything shown)."""
    last = span[1] - 1
    slider = TimelineSlider(
        auto_play=False,
        show_ticks=True,
        enable_keyboard_controls=True,
        playback_duration=20000,
        start=span[0],
        end=last,
    )
    slider.options["formatOutput"] = _UTC_DAY
    slider.add_timelines(*timelines).add_to(fmap)
    SliderAt(slider, last).add_to(fmap)
    return slider


class ClusterTimeline(MacroElement):
    """The time slider's view of a clustered layer (leaflet.timeline cannot drive a
    MarkerCluster). It answers the slider as a timeline does (``start``, ``end``, ``times``,
    ``setTime``) and adds or removes only the incidents whose start the slider crossed, so
    100k incidents stay responsive. The slider is cumulative: shown = begun by then."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (cluster, source) {
            var items = source.getLayers().map(function (layer) {
                return {layer: layer, start: layer.feature.properties.start,
                        end: layer.feature.properties.end};
            }).sort(function (a, b) { return a.start - b.start; });
            var shown = 0, times = {};
            items.forEach(function (item) { times[item.start] = true; });
            function upTo(time) {  // how many items start at or before time
                var lo = 0, hi = items.length;
                while (lo < hi) {
                    var mid = (lo + hi) >> 1;
                    if (items[mid].start <= time) { lo = mid + 1; } else { hi = mid; }
                }
                return lo;
            }
            function layersOf(from, to) {
                return items.slice(from, to).map(function (item) { return item.layer; });
            }
            return {
                start: items.length ? items[0].start : 0,
                end: items.reduce(function (m, item) { return Math.max(m, item.end); }, 0),
                times: Object.keys(times).map(Number),
                setTime: function (time) {
                    var count = upTo(Number(time));
                    if (count > shown) { cluster.addLayers(layersOf(shown, count)); }
                    if (count < shown) { cluster.removeLayers(layersOf(count, shown)); }
                    shown = count;
                }
            };
        })({{ this.cluster.get_name() }}, {{ this.source.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, cluster: MacroElement, source: MacroElement):
        super().__init__()
        self._name = "ClusterTimeline"
        self.cluster, self.source = cluster, source
