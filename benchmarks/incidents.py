"""Incident extraction on the hand-annotated dev set: precision and recall of incidents
(type + date + location within tolerance), per type, with every miss explained.

Usage (from the repository root)::

    .venv/bin/python benchmarks/incidents.py [--set|--dev-dir benchmarks/incidents_dev2] [--data-dir DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from geomap.config import Settings
from geomap.evaluate.incidents import PredictedIncident, evaluate_incidents
from geomap.ingest import read_inputs
from geomap.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


def predicted(pipeline: Pipeline, paths: list[Path]) -> list[PredictedIncident]:
    errors = []
    documents = list(read_inputs([str(p) for p in paths], on_error=errors.append))
    for error in errors:
        print(f"  input error: {error}")
    out = []
    for document in documents:
        report = Path(document.source.path).name
        for incident in pipeline.read(document).incidents:
            c = incident.place.candidate
            out.append(
                PredictedIncident(
                    report=report,
                    event_type=incident.event_type,
                    date_start=incident.date_start,
                    date_end=incident.date_end,
                    lat=c.lat,
                    lon=c.lon,
                    geometry_role=incident.geometry_role,
                    quote=incident.quote,
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        "--dev-dir",
        dest="set",
        default=str(REPO / "benchmarks" / "incidents_dev"),
        help="folder with reports/ and annotations.jsonl (incidents_dev, incidents_dev2)",
    )
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("GEOMAP_DATA_DIR") or str(REPO.parent / "shared" / "data"),
    )
    parser.add_argument("--out", help="write the figures as JSON")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list misses and spurious incidents"
    )
    args = parser.parse_args()
    folder = Path(args.set)
    pipeline = Pipeline(Settings.resolve(data_dir=args.data_dir))
    started = time.perf_counter()
    score = evaluate_incidents(
        folder / "reports", folder / "annotations.jsonl", lambda paths: predicted(pipeline, paths)
    )
    seconds = time.perf_counter() - started
    summary = score.summary()
    print(
        f"incident extraction on {folder.name}: {summary['gold']} gold, {summary['predicted']} predicted, {summary['matched']} matched"
    )
    print(
        f"  type + date + place   P {summary['precision']:.3f}  R {summary['recall']:.3f}  F1 {summary['f1']:.3f}"
    )
    loose = summary["type_and_place"]
    print(f"  type + place only     P {loose['precision']:.3f}  R {loose['recall']:.3f}")
    if score.traps:
        print(f"  incidents from trap sentences: {len(score.trap_incidents)} ({score.traps} traps)")
    print(f"  {seconds:.1f} s")
    print("  per type (gold / predicted / matched):")
    for kind, row in summary["by_type"].items():
        print(f"    {kind:20s} {row['gold']:3d} {row['predicted']:4d} {row['matched']:4d}")
    if args.verbose:
        for p in score.trap_incidents:
            print(f"  trap: {p.report} {p.event_type} {p.quote!r}")
        print("misses:")
        for g, why in score.misses:
            print(
                f"  {g.report} {g.event_type} {g.date_start}..{g.date_end} {g.quote_contains!r}: {why}"
            )
        print("spurious:")
        for p in score.spurious:
            print(
                f"  {p.report} {p.event_type} {p.date_start}..{p.date_end} ({p.lat:.2f}, {p.lon:.2f}) {p.quote[:90]!r}"
            )
    if args.out:
        Path(args.out).write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
