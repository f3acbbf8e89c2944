"""Held-out check of geoparsing and incident extraction on texts that geomap was never tuned on.

Usage (from the repository root)::

    .venv/bin/python benchmarks/heldout.py [--set tests/heldout] [--data-dir DIR] [--out FILE.json]

Places (``places/*.txt`` + ``places.jsonl``): a gold mention is *found and placed* when a
predicted place overlaps its span and lies within tolerance: 25 km for towns, villages and
stations; for regions, the region itself (its GeoNames admin-1 code), 100 km from its seat or
inside its polygon; the same country for countries. A negative (a person, organisation, unit title or outlet that looks like a
place) is *mapped* when any place geomap maps overlaps it (a place a body is named after is
named, not mapped: the map and the GeoJSON's places leave it out).

Incidents (``incidents/*.txt`` + ``incidents.jsonl``): the dev-set scorer of
``benchmarks/incidents.py`` (type + dates + place within tolerance), plus the number of
incidents produced from trap sentences (denials, speculation, habitual statements).

Only figures and failure categories are printed, never the failing items: the set stays
held out, so nobody tunes geomap on it. The same scorer reads the place dev sets
(``benchmarks/places_dev*``, places only); for those, and only those, ``--show`` lists each
miss, each mapped negative and each mapped place the set does not annotate.
``tests/heldout2`` to ``tests/heldout10`` are further held-out place sets, scored the same way and
never shown.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from incidents import predicted  # noqa: E402  (the dev-set extractor, reused as is)

from geomap.config import Settings  # noqa: E402
from geomap.distance import haversine_km  # noqa: E402
from geomap.evaluate.incidents import evaluate_incidents  # noqa: E402
from geomap.ingest import read_inputs  # noqa: E402
from geomap.models import Candidate  # noqa: E402
from geomap.pipeline import Pipeline  # noqa: E402

HELDOUT = REPO / "tests" / "heldout"
#: Tolerance (km) by gold kind; countries match by country code instead.
TOLERANCE_KM = {"city": 25.0, "village": 25.0, "station": 25.0, "admin1": 100.0}
ADMIN1_FILE = "admin1/ne_admin1_by_ua_pl_lt_lv_ruwest.geojson"


@dataclass
class PlaceScore:
    gold: int = 0
    found_placed: int = 0
    negatives: int = 0
    negatives_mapped: int = 0
    #: places mapped where the set annotates neither a place nor a negative: the sets
    #: annotate every place mention, so these are false positives (or a continent, a river)
    unannotated_mapped: int = 0
    #: kind → [gold, found and placed]
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    #: why a gold mention failed: "not found" or "placed wrong", by kind
    failures: Counter = field(default_factory=Counter)
    #: what kind of negative was mapped (person, organisation, unit...)
    negatives_by_what: Counter = field(default_factory=Counter)
    #: one line per miss or mapped negative, for dev sets only (``--show``)
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.found_placed / self.gold if self.gold else 0.0


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def region_shapes(data_dir: Path | None) -> dict[int, object]:
    """GeoNames admin-1 id → polygon, from the admin-1 pack when it is there."""
    path = data_dir / ADMIN1_FILE if data_dir else None
    if path is None or not path.exists():
        return {}
    from shapely.geometry import shape

    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {
        int(f["properties"]["gn_id"]): shape(f["geometry"])
        for f in features
        if f["properties"].get("gn_id")
    }


def predicted_places(
    pipeline: Pipeline, document
) -> tuple[list[tuple[int, int, Candidate]], list[tuple[int, int]]]:
    """(start, end, candidate) of every place geomap resolved, section ends included; and the
    spans of those it maps (all but the places bodies are named after: "Kyiv Independent"
    names Kyiv, as GeoWebNews counts it, but the map leaves it out)."""
    result = pipeline.read(document)
    out, mapped = [], []
    for mention in result.mentions:
        for part in mention.parts or (mention,):
            if mention.kind == "border" and part is mention:
                continue
            place = result.resolution.place_at(part)
            if place is not None:
                out.append((part.start, part.end, place.candidate))
                if not mention.in_title:
                    named = _named(pipeline, part, place.candidate)
                    mapped.append((part.start, part.end, named))
    return out, mapped


def _named(pipeline: Pipeline, mention, candidate: Candidate) -> bool:
    """Whether the sets would annotate this mention if it were a place: a name, not an
    adjective ("Belarusian"), a continent or a group of countries, which they leave out."""
    return (
        mention.kind != "demonym"
        and pipeline.recognizer.written_form(mention.text) == "name"
        and candidate.origin not in ("continent", "macro_region")
    )


def placed(gold: dict, candidate: Candidate, regions: dict[int, object]) -> bool:
    if gold["kind"] == "country":
        return (candidate.country_code or "").upper() == gold["country_code"]
    if (
        gold["kind"] == "admin1"
        and candidate.feature_class == "admin1"
        and candidate.admin1 == gold.get("admin1_code")
    ):
        return True  # the region itself, wherever its centre is drawn (Tigray, Sinaloa)
    km = haversine_km(gold["lat"], gold["lon"], candidate.lat, candidate.lon)
    if km <= TOLERANCE_KM[gold["kind"]]:
        return True
    if gold["kind"] == "admin1" and gold["geonameid"] in regions:
        from shapely.geometry import Point

        return regions[gold["geonameid"]].contains(Point(candidate.lon, candidate.lat))
    return False


def score_places(pipeline: Pipeline, folder: Path = HELDOUT) -> PlaceScore:
    regions = region_shapes(pipeline.settings.data_dir)
    score = PlaceScore()
    for record in read_jsonl(folder / "places.jsonl"):
        document = _read_one(folder / "places" / record["text"])
        predictions, mapped = predicted_places(pipeline, document)
        for gold in record["places"]:
            if document.text[gold["start"] : gold["end"]] != gold["surface"]:
                raise ValueError(f"{record['text']}: offsets of {gold['surface']!r} are off")
            overlapping = [c for s, e, c in predictions if s < gold["end"] and gold["start"] < e]
            ok = any(placed(gold, c, regions) for c in overlapping)
            row = score.by_kind.setdefault(gold["kind"], [0, 0])
            row[0] += 1
            score.gold += 1
            if ok:
                row[1] += 1
                score.found_placed += 1
            else:
                reason = "placed wrong" if overlapping else "not found"
                score.failures[f"{gold['kind']}: {reason}"] += 1
                got = ", ".join(f"{c.name} ({c.country_code})" for c in overlapping)
                score.misses.append(
                    f"{record['text']}: {gold['surface']!r} ({gold['kind']}, {gold['place_name']},"
                    f" {gold['country_code']}) {reason}{': ' + got if got else ''}"
                )
        annotated = record["places"] + record["negatives"]
        for s, e, named in mapped:
            if named and not any(s < a["end"] and a["start"] < e for a in annotated):
                score.unannotated_mapped += 1
                score.misses.append(
                    f"{record['text']}: {document.text[s:e]!r} mapped, not annotated"
                )
        for negative in record["negatives"]:
            score.negatives += 1
            if any(s < negative["end"] and negative["start"] < e for s, e, _ in mapped):
                score.negatives_mapped += 1
                score.negatives_by_what[negative["what"]] += 1
                score.misses.append(
                    f"{record['text']}: negative {negative['surface']!r} ({negative['what']}) mapped"
                )
    return score


def score_incident_set(pipeline: Pipeline, folder: Path = HELDOUT) -> tuple[dict, Counter]:
    """The scorer's figures (``IncidentScore.summary``) and its misses by category: counts
    only, never the missed or trapped items, so the set stays held out."""
    score = evaluate_incidents(
        folder / "incidents", folder / "incidents.jsonl", lambda paths: predicted(pipeline, paths)
    )
    return score.summary(), Counter(_category(why) for _, why in score.misses)


def _category(why: str) -> str:
    """The scorer's reason without the places, distances and dates it names."""
    if why.startswith("no "):
        return why.split(" (")[0]  # "no arrest found"
    return "place off" if why.startswith("place off") else "wrong dates"


def _read_one(path: Path):
    errors = []
    documents = list(read_inputs([str(path)], on_error=errors.append))
    if errors or len(documents) != 1:
        raise ValueError(f"cannot read {path}: {errors}")
    return documents[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(HELDOUT), help="folder with places/ and incidents/")
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("GEOMAP_DATA_DIR") or str(REPO.parent / "shared" / "data"),
    )
    parser.add_argument("--out", help="write the figures as JSON")
    parser.add_argument(
        "--show", action="store_true", help="list each miss (dev sets only, never tests/heldout)"
    )
    args = parser.parse_args()
    folder = Path(args.set)
    if args.show and (REPO / "tests") in folder.resolve().parents:
        parser.error("--show would expose a held-out set (tests/heldout*); use it on a dev set")
    pipeline = Pipeline(Settings.resolve(data_dir=args.data_dir))

    places = score_places(pipeline, folder)
    print(f"places: {places.gold} gold mentions, {places.found_placed} found and placed")
    print(f"  found-and-placed share  {places.share:.3f}")
    for kind, (gold, ok) in sorted(places.by_kind.items()):
        print(f"    {kind:8s} {ok:3d} / {gold:3d}")
    if places.failures:
        print(
            "  failures by category: "
            + ", ".join(f"{k} {n}" for k, n in sorted(places.failures.items()))
        )
    print(f"  negatives mapped        {places.negatives_mapped} of {places.negatives}", end="")
    print(
        f" ({', '.join(f'{k} {n}' for k, n in sorted(places.negatives_by_what.items()))})"
        if places.negatives_mapped
        else ""
    )
    print(f"  mapped, not annotated   {places.unannotated_mapped}")
    if args.show:
        print("\n".join(f"    {line}" for line in places.misses))
    figures = {
        "places": {
            "gold": places.gold,
            "found_placed": places.found_placed,
            "share": round(places.share, 3),
            "by_kind": places.by_kind,
            "negatives": places.negatives,
            "negatives_mapped": places.negatives_mapped,
            "unannotated_mapped": places.unannotated_mapped,
        }
    }
    if (folder / "incidents.jsonl").exists():
        figures["incidents"] = report_incidents(pipeline, folder)
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1), encoding="utf-8")


def report_incidents(pipeline: Pipeline, folder: Path) -> dict:
    s, miss_reasons = score_incident_set(pipeline, folder)
    print(f"incidents: {s['gold']} gold, {s['predicted']} predicted, {s['matched']} matched")
    print(f"  type + date + place   P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    loose = s["type_and_place"]
    print(f"  type + place only     P {loose['precision']:.3f}  R {loose['recall']:.3f}")
    print("  per type (gold / predicted / matched):")
    for kind, row in s["by_type"].items():
        print(f"    {kind:20s} {row['gold']:3d} {row['predicted']:4d} {row['matched']:4d}")
    if miss_reasons:
        print(
            "  misses by category: "
            + ", ".join(f"{k} {n}" for k, n in sorted(miss_reasons.items()))
        )
    print(f"  incidents from trap sentences: {s['trap_incidents']} ({s['traps']} traps)")
    return s


if __name__ == "__main__":
    main()
