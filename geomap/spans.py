"""Taken stretches of a text: "is this offset, or this span, already someone's?" in log time.

The recognisers ask it for every word of a document; a list scan per word made long texts
quadratic (a 300 KB file spent most of its minute there).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """The union of half-open ``(start, end)`` spans, kept as sorted disjoint runs."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        runs: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        self._starts = [start for start, _ in runs]
        self._ends = [end for _, end in runs]

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)`` too, merging it with the runs it touches."""
        if start >= end:
            return
        first = bisect_left(self._ends, start)  # the first run that ends at or after start
        last = bisect_right(self._starts, end)  # past the last run that starts at or before end
        if first < last:
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def covers(self, position: int) -> bool:
        """Some span holds ``position``."""
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with ``[start, end)``."""
        if start >= end:
            return False
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
