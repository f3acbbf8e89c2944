"""``geomap run --format`` and ``geomap export`` on the pipeline's own output, read back with
geopandas: the same incidents and places in every format."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main

BRIEFS = Path(__file__).resolve().parents[1] / "data"
KML = "{http://www.opengis.net/kml/2.2}"


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def all_formats(settings, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "output"
    result = run_cli(
        "run", str(BRIEFS), "--out", str(out), "--format", "geojson,csv", "--format", "gpkg",
        "--format", "KML", "--data-dir", str(settings.data_dir),
        "--cache-dir", str(settings.cache_dir), "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_run_writes_every_asked_format(all_formats):
    names = {p.name for p in all_formats.iterdir()}
    assert names == {
        "incidents.geojson", "places.geojson", "incidents.csv", "geomap.gpkg", "geomap.kml",
        "map.html",
    }  # fmt: skip


def test_gpkg_has_the_incidents_and_places_of_the_geojson(all_formats):
    import geopandas as gpd
    import pyogrio

    assert {name for name, _ in pyogrio.list_layers(all_formats / "geomap.gpkg")} == {
        "incidents",
        "places",
    }
    for layer in ("incidents", "places"):
        from_gpkg = gpd.read_file(all_formats / "geomap.gpkg", layer=layer)
        from_geojson = gpd.read_file(all_formats / f"{layer}.geojson")
        assert len(from_gpkg) == len(from_geojson) > 0
        assert from_gpkg.crs.to_epsg() == 4326
        if layer == "incidents":
            assert list(from_gpkg["id"]) == list(from_geojson["id"])
            assert list(from_gpkg["event_type"]) == list(from_geojson["event_type"])
        for a, b in zip(from_gpkg.geometry, from_geojson.geometry, strict=True):
            assert a.geom_type == b.geom_type and a.equals_exact(b, 1e-6)


def test_csv_has_a_row_per_incident(all_formats):
    with (all_formats / "incidents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    incidents = features(all_formats / "incidents.geojson")
    assert len(rows) == len(incidents) > 0
    for row in rows:
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180


def test_kml_has_a_placemark_per_feature(all_formats):
    root = ET.parse(all_formats / "geomap.kml").getroot()
    placemarks = root.findall(f".//{KML}Placemark")
    expected = len(features(all_formats / "incidents.geojson")) + len(
        features(all_formats / "places.geojson")
    )
    assert len(placemarks) == expected


@pytest.mark.parametrize("suffix", [".gpkg", ".csv", ".kml", ".geojson"])
def test_export_of_run_output_reads_back_with_geopandas(all_formats, tmp_path, suffix):
    import geopandas as gpd

    source = all_formats / "incidents.geojson"
    target = tmp_path / f"incidents{suffix}"
    result = run_cli("export", str(source), "--to", str(target), "-q")
    assert result.exit_code == 0, result.output
    given = gpd.read_file(source)
    if suffix == ".csv":
        with target.open(encoding="utf-8", newline="") as fh:
            assert len(list(csv.DictReader(fh))) == len(given)
        return
    back = (
        gpd.read_file(target, layer="incidents") if suffix != ".geojson" else gpd.read_file(target)
    )
    assert len(back) == len(given)
    for a, b in zip(back.geometry, given.geometry, strict=True):
        assert a.equals_exact(b, 1e-6) or a.hausdorff_distance(b) < 1e-6


def test_run_default_formats_are_geojson_and_csv(settings, tmp_path):
    out = tmp_path / "output"
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "On 3 March partisans burned a relay cabinet near Orsha, the railway workers said.",
        encoding="utf-8",
    )
    result = run_cli("run", str(brief), "--out", str(out), "--data-dir", str(settings.data_dir))
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "incidents.geojson",
        "places.geojson",
        "incidents.csv",
        "map.html",
    }


def test_run_unknown_format_is_a_usage_error_before_any_work(tmp_path):
    out = tmp_path / "output"
    result = run_cli("run", str(BRIEFS), "--out", str(out), "--format", "csv,shp")
    assert result.exit_code == 2
    assert "'shp' is not one of geojson, csv, gpkg, kml" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
