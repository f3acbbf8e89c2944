"""Incident dates as the time slider's intervals (milliseconds since the epoch, UTC).

A dated incident is shown from its first day's start to its last day's end; an undated one
for the whole span of the data, so it never drops off the map (and is marked undated).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

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


def data_span(intervals: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    known = [i for i in intervals if i is not None]
    if not known:
        return None
    return min(s for s, _ in known), max(e for _, e in known)


def iso_day(ms: int) -> str:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)).date().isoformat()
