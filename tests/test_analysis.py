"""The public API the notebooks use: geomap.extract, to_geodataframes and geomap.analysis."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import geomap
from geomap.analysis import anchor_lonlat, distance_to_line_km, nearest_station

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "collection.geojson"
BRIEFS = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def briefs_collection(pipeline) -> dict:
    return geomap.extract(BRIEFS, pipeline=pipeline)


def test_every_exported_name_resolves():
    for name in geomap.__all__:
        assert getattr(geomap, name) is not None, name
    with pytest.raises(AttributeError):
        geomap.no_such_thing  # noqa: B018


def test_extract_is_the_pipelines_collection(pipeline, briefs_collection):
    again = pipeline.collection(
        pipeline.extract(geomap.read_inputs([BRIEFS], on_error=pytest.fail))
    )
    assert briefs_collection == again
    kinds = {f["properties"]["feature_type"] for f in briefs_collection["features"]}
    assert kinds == {"incident", "place"}


def test_extract_names_a_bad_input(pipeline, tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(geomap.InputError, match="missing.txt"):
        geomap.extract([missing], pipeline=pipeline)


def test_to_geodataframes_splits_and_types_the_collection():
    collection = json.loads(FIXTURE.read_text(encoding="utf-8"))
    incidents, places = geomap.to_geodataframes(collection)
    kinds = [f["properties"]["feature_type"] for f in collection["features"]]
    assert len(incidents) == kinds.count("incident") and len(places) == kinds.count("place")
    assert incidents.crs.to_epsg() == 4326 and places.crs.to_epsg() == 4326
    assert str(incidents["date_start"].dtype).startswith("datetime64")
    first = next(f for f in collection["features"] if f["properties"]["feature_type"] == "incident")
    row = incidents.iloc[0]
    assert row["id"] == first["properties"]["id"]
    assert row["date_start"].date().isoformat() == first["properties"]["date_start"]
    assert row["actors"] == first["properties"]["actors"]  # lists stay lists
    assert row["source_title"] == first["properties"]["source"]["title"]
    assert row.geometry.geom_type == first["geometry"]["type"]


def test_to_geodataframes_of_nothing_is_two_empty_frames():
    incidents, places = geomap.to_geodataframes({"type": "FeatureCollection", "features": []})
    assert len(incidents) == len(places) == 0
    assert incidents.geometry.name == "geometry"


def test_regions_frame_has_every_admin1_of_the_country(pipeline):
    packs = pipeline.gazetteer.packs
    regions = geomap.regions_frame(packs, countries=["by"])
    assert set(regions["country_code"]) == {"BY"}
    listed = {code for code, *_ in packs.admin1_codes() if code.startswith("BY.")}
    assert listed and set(regions["admin1_code"]) == listed
    assert regions.geometry.is_valid.all() and regions.crs.to_epsg() == 4326


def test_incidents_by_region_counts_each_regional_incident_once(pipeline, briefs_collection):
    incidents, _ = geomap.to_geodataframes(briefs_collection)
    regions = geomap.regions_frame(pipeline.gazetteer.packs)
    counted = geomap.incidents_by_region(incidents, regions)
    with_region = incidents["admin1_code"].dropna()
    assert counted["incidents"].sum() == with_region.isin(regions["admin1_code"]).sum() > 0
    # the incidents' own points lie in the polygons they are counted in
    for row in incidents.dropna(subset=["admin1_code"]).itertuples():
        if row.geometry_role != "point":
            continue
        outline = regions.set_index("admin1_code").geometry[row.admin1_code]
        assert outline.buffer(0.05).contains(row.geometry), row.location


def test_distance_to_line_agrees_with_an_equidistant_projection(pipeline):
    import geopandas as gpd
    from shapely.geometry import Point

    border = pipeline.shapes.border("BY", "UA")
    assert border is not None
    for lon, lat in [(28.81, 51.32), (29.25, 52.04), (30.34, 50.45), (24.0, 53.9)]:
        # distances from the centre of an azimuthal equidistant projection are true distances
        crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84"
        projected = gpd.GeoSeries([border], crs="EPSG:4326").to_crs(crs)
        expected = projected.distance(Point(0, 0)).iloc[0] / 1000
        assert distance_to_line_km(lon, lat, border) == pytest.approx(expected, rel=0.01, abs=0.2)
    on_border = border.interpolate(0.3, normalized=True)
    assert distance_to_line_km(on_border.x, on_border.y, border) < 0.01


def test_nearest_station_is_the_closest_of_the_pack(pipeline):
    stations = pipeline.gazetteer.packs.stations()
    assert len(stations) > 100
    for station in stations[:: len(stations) // 7]:
        lon, lat = station.lon + 0.001, station.lat - 0.001  # about 130 m away
        found, km = nearest_station(lon, lat, stations)
        brute = min(geomap.haversine_km(lat, lon, s.lat, s.lon) for s in stations)
        assert km == pytest.approx(brute) and km < 0.2
        assert geomap.haversine_km(found.lat, found.lon, station.lat, station.lon) < 0.4
    with pytest.raises(ValueError, match="no stations"):
        nearest_station(28.0, 53.0, [])


def test_rail_context_of_the_briefs(pipeline, briefs_collection):
    incidents, _ = geomap.to_geodataframes(briefs_collection)
    measured = geomap.with_rail_context(
        incidents, pipeline.shapes, pipeline.gazetteer.packs.stations()
    )
    assert len(measured) == len(incidents)
    assert measured["border_km"].notna().all() and (measured["border_km"] >= 0).all()
    # battalion groups "stationed in the Brest region, close to the border": on or touching it
    near_border = measured[
        (measured["event_type"] == "troop_deployment")
        & measured["geometry_role"].isin(["border", "region"])
    ]
    # the border lies within the incident's stated uncertainty
    assert len(near_border)
    assert (near_border["border_km"] <= near_border["uncertainty_km"]).all()
    sections = measured[measured["geometry_role"] == "section"]
    assert len(sections)
    for row in sections.itertuples():
        # the middle of a section between two stations is at most half its length from one
        coords = list(row.geometry.coords)
        length = sum(
            geomap.haversine_km(a[1], a[0], b[1], b[0])
            for a, b in zip(coords, coords[1:], strict=False)
        )
        assert row.station_km <= length / 2 + 0.5, row.location
        assert row.nearest_station


def test_rail_context_without_packs_is_nan(briefs_collection):
    from geomap.gazetteer.packs import DataPacks
    from geomap.shapes import Shapes

    incidents, _ = geomap.to_geodataframes(briefs_collection)
    measured = geomap.with_rail_context(incidents, Shapes(DataPacks(None)), [])
    assert measured["border_km"].isna().all() and measured["station_km"].isna().all()


def test_anchor_of_a_line_is_its_middle():
    from shapely.geometry import LineString

    assert anchor_lonlat(LineString([(28.0, 55.0), (28.0, 55.2)])) == (28.0, 55.1)
    assert anchor_lonlat(None) is None


def test_toponym_errors_agree_with_evaluate(pipeline, data_dir):
    from functools import cache

    from geomap.evaluate import evaluate_corpus, read_corpus

    corpus = read_corpus(data_dir / "benchmarks" / "LGL", limit=15)
    parse = cache(pipeline.geoparse)
    result = evaluate_corpus(corpus, parse)
    errors = geomap.toponym_errors(corpus, parse)
    assert len(errors) == result["geocoding"]["n"] > 0
    assert errors["error_km"].median() == pytest.approx(result["geocoding"]["median_error_km"])
    for row in errors.head(20).itertuples():
        assert f"[{row.gold_name}]" in row.context or row.gold_name in row.context
        expected = geomap.haversine_km(
            row.gold_lat, row.gold_lon, row.predicted_lat, row.predicted_lon
        )
        assert math.isclose(row.error_km, expected)
