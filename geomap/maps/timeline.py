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
