"""Incident extraction measured against hand-annotated reports.

A predicted incident matches a gold one (one-to-one, greedy, per report) when the event type
is the same, the dates agree and the location lies within the gold tolerance. Dates agree
when both ends are equal; a gold incident whose start is unknown accepts any prediction that
ends on or before the gold end. Looser matches (type and place only) are counted too, to show
where the misses come from. A record's ``traps`` name sentences that must give no incident (a
denial, a speculation, a habitual statement); a predicted incident quoting one is a trap incident.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..distance import haversine_km
from ..errors import InputError


@dataclass(frozen=True)
class GoldIncident:
    report: str
    event_type: str
    date_start: date | None
    date_end: date | None
    lat: float
    lon: float
    tolerance_km: float
    geometry_role: str
    quote_contains: str = ""


@dataclass(frozen=True)
class PredictedIncident:
    report: str
    event_type: str
    date_start: date | None
    date_end: date | None
    lat: float
    lon: float
    geometry_role: str
    quote: str = ""


@dataclass
class IncidentScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_type_place: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type → [gold, predicted, matched]
    misses: list[tuple[GoldIncident, str]] = field(default_factory=list)
    spurious: list[PredictedIncident] = field(default_factory=list)
    traps: int = 0
    trap_incidents: list[PredictedIncident] = field(default_factory=list)

    def summary(self) -> dict:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        loose_p = self.matched_type_place / self.predicted if self.predicted else 0.0
        loose_r = self.matched_type_place / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
            "type_and_place": {"precision": round(loose_p, 3), "recall": round(loose_r, 3)},
            "traps": self.traps,
            "trap_incidents": len(self.trap_incidents),
            "by_type": {
                t: {"gold": g, "predicted": n, "matched": m}
                for t, (g, n, m) in sorted(self.by_type.items())
            },
        }


def read_annotations(path: str | Path) -> dict[str, list[GoldIncident]]:
    """Gold incidents per report file name, from an ``annotations.jsonl``."""
    out: dict[str, list[GoldIncident]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read annotations ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            report = record["report"]
            out[report] = [
                GoldIncident(
                    report=report,
                    event_type=item["event_type"],
                    date_start=_date(item.get("date_start")),
                    date_end=_date(item.get("date_end")),
                    lat=float(item["lat"]),
                    lon=float(item["lon"]),
                    tolerance_km=float(item.get("tolerance_km", 25)),
                    geometry_role=item.get("geometry_role", "point"),
                    quote_contains=item.get("quote_contains", ""),
                )
                for item in record.get("incidents", [])
            ]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}", f"not an annotation record ({exc})") from exc
    return out


def read_traps(path: str | Path) -> dict[str, list[str]]:
    """Per report file name, the ``quote_contains`` of the sentences that must give no incident."""
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["report"]] = [t["quote_contains"] for t in record.get("traps", [])]
    return out


def score_incidents(
    gold: dict[str, list[GoldIncident]],
    predicted: Iterable[PredictedIncident],
    traps: dict[str, list[str]] | None = None,
) -> IncidentScore:
    by_report: dict[str, list[PredictedIncident]] = {}
    for incident in predicted:
        by_report.setdefault(incident.report, []).append(incident)
    score = IncidentScore()
    traps = traps or {}
    score.traps = sum(len(quotes) for quotes in traps.values())
    for report, golds in gold.items():
        preds = by_report.get(report, [])
        score.gold += len(golds)
        score.predicted += len(preds)
        for g in golds:
            _bump(score.by_type, g.event_type, 0)
        for p in preds:
            _bump(score.by_type, p.event_type, 1)
        used: set[int] = set()
        loose_used: set[int] = set()
        for g in golds:
            hit = next((i for i, p in enumerate(preds) if i not in used and _matches(g, p)), None)
            loose = next(
                (
                    i
                    for i, p in enumerate(preds)
                    if i not in loose_used and _near(g, p) and p.event_type == g.event_type
                ),
                None,
            )
            if loose is not None:
                loose_used.add(loose)
                score.matched_type_place += 1
            if hit is not None:
                used.add(hit)
                score.matched += 1
                _bump(score.by_type, g.event_type, 2)
            else:
                score.misses.append((g, _why(g, preds)))
        score.spurious.extend(p for i, p in enumerate(preds) if i not in used)
        score.trap_incidents.extend(
            p for p in preds if any(quote in p.quote for quote in traps.get(report, []))
        )
    return score


def evaluate_incidents(
    reports_dir: str | Path,
    annotations: str | Path,
    extract: Callable[[list[Path]], list[PredictedIncident]],
) -> IncidentScore:
    gold = read_annotations(annotations)
    paths = [Path(reports_dir) / name for name in sorted(gold)]
    return score_incidents(gold, extract(paths), read_traps(annotations))


def _matches(g: GoldIncident, p: PredictedIncident) -> bool:
    return g.event_type == p.event_type and _near(g, p) and _same_dates(g, p)


def _near(g: GoldIncident, p: PredictedIncident) -> bool:
    return haversine_km(g.lat, g.lon, p.lat, p.lon) <= g.tolerance_km


def _same_dates(g: GoldIncident, p: PredictedIncident) -> bool:
    if g.date_start is None:
        return p.date_end is None or g.date_end is None or p.date_end <= g.date_end
    return p.date_start == g.date_start and p.date_end == g.date_end


def _why(g: GoldIncident, preds: list[PredictedIncident]) -> str:
    """What was closest to right: the reason a gold incident was missed."""
    same_type = [p for p in preds if p.event_type == g.event_type]
    if not same_type:
        near = [p.event_type for p in preds if _near(g, p)]
        return f"no {g.event_type} found" + (f" (found {', '.join(near)} there)" if near else "")
    placed = [p for p in same_type if _near(g, p)]
    if not placed:
        closest = min(same_type, key=lambda p: haversine_km(g.lat, g.lon, p.lat, p.lon))
        km = haversine_km(g.lat, g.lon, closest.lat, closest.lon)
        return f"place off by {km:.0f} km"
    p = placed[0]
    return f"dates {p.date_start}..{p.date_end} instead of {g.date_start}..{g.date_end}"


def _bump(table: dict[str, list[int]], key: str, index: int) -> None:
    table.setdefault(key, [0, 0, 0])[index] += 1


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None
