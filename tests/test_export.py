"""Exports: RFC 7946 GeoJSON, the ACLED/UCDP CSV, GeoPackage and KML, atomic and reproducible."""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import export as ex
from geomap.cli import main
from geomap.errors import GeomapError, InputError, UsageError

FIXTURE = Path(__file__).parent / "fixtures" / "export" / "collection.geojson"

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip


@pytest.fixture
def collection() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def by_id(doc: dict) -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in doc["features"] if f["properties"].get("id")}


# -- an RFC 7946 validator ------------------------------------------------------------------


def ring_area(ring: list) -> float:
    """Shoelace: positive for a counter-clockwise ring."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in pairwise(ring)) / 2


def check_position(position: list) -> None:
    assert isinstance(position, list) and 2 <= len(position) <= 3, position
    lon, lat = position[:2]
    assert -180 <= lon <= 180 and -90 <= lat <= 90, f"not [lon, lat]: {position}"
    for value in position:
        assert round(value, 6) == value, f"more than 6 decimals: {value}"


def check_polygon(rings: list) -> None:
    for index, ring in enumerate(rings):
        assert len(ring) >= 4 and ring[0] == ring[-1], "ring not closed"
        for position in ring:
            check_position(position)
        area = ring_area(ring)
        assert area > 0 if index == 0 else area < 0, "exterior must be CCW, holes CW"


def check_geometry(geometry: dict) -> None:
    kind, coords = geometry["type"], geometry.get("coordinates")
    assert "crs" not in geometry
    if kind == "Point":
        check_position(coords)
    elif kind in ("LineString", "MultiPoint"):
        assert kind == "MultiPoint" or len(coords) >= 2
        for position in coords:
            check_position(position)
    elif kind == "MultiLineString":
        for line in coords:
            assert len(line) >= 2
            for position in line:
                check_position(position)
    elif kind == "Polygon":
        check_polygon(coords)
    elif kind == "MultiPolygon":
        for polygon in coords:
            check_polygon(polygon)
    elif kind == "GeometryCollection":
        for part in geometry["geometries"]:
            check_geometry(part)
    else:
        raise AssertionError(f"not an RFC 7946 geometry: {kind}")


def assert_rfc7946(doc: dict) -> None:
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc, "RFC 7946 has no crs member"
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert "crs" not in feature
        assert isinstance(feature["properties"], dict)
        if feature["geometry"] is not None:
            check_geometry(feature["geometry"])


def test_validator_catches_what_it_should():
    with pytest.raises(AssertionError):
        check_position([55.4, 128.5])  # lat, lon swapped past 90
    with pytest.raises(AssertionError):
        check_polygon([[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]])  # clockwise exterior
    with pytest.raises(AssertionError):
        assert_rfc7946({"type": "FeatureCollection", "crs": {}, "features": []})


# -- GeoJSON --------------------------------------------------------------------------------


def test_geojson_is_rfc7946(collection, tmp_path):
    assert "crs" in collection  # the fixture carries an old-style crs member ...
    path = ex.write_geojson(collection, tmp_path / "out.geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert_rfc7946(doc)  # ... and a clockwise exterior with a counter-clockwise hole
    region = by_id(doc)["a1b2c3d4e5f60003"]["geometry"]
    assert len(region["coordinates"]) == 2
    # [lon, lat]: Farinovo station is at 55.424446 N, 28.583889 E
    assert by_id(doc)["a1b2c3d4e5f60001"]["geometry"]["coordinates"] == [28.583889, 55.424446]


def test_geojson_keeps_text_readable_and_properties_intact(collection, tmp_path):
    path = ex.write_geojson(collection, tmp_path / "out.geojson")
    raw = path.read_bytes()
    assert "Фариново".encode() in raw  # ensure_ascii=False
    assert b"\\u04" not in raw
    back = ex.read_geojson(path)
    assert [f["properties"] for f in back["features"]] == [
        f["properties"] for f in ex.normalise_collection(collection)["features"]
    ]
    assert len(back["features"]) == len(collection["features"])
    props = by_id(back)["a1b2c3d4e5f60002"]["properties"]
    assert (
        props["span"] == [120, 154] and props["sources"][1]["url"] == "https://example.org/news/1"
    )
    # the stable key order: the SPEC's table first, unknown properties last
    assert list(props)[:3] == ["feature_type", "id", "event_type"]
    assert list(by_id(back)["a1b2c3d4e5f60004"]["properties"])[-1] == "analyst_note"


def test_geojson_is_byte_identical_for_the_same_input(collection, tmp_path):
    first = ex.write_geojson(collection, tmp_path / "a.geojson").read_bytes()
    second = ex.write_geojson(collection, tmp_path / "b.geojson").read_bytes()
    shuffled = copy.deepcopy(collection)
    for feature in shuffled["features"]:  # same data, dicts built in another order
        feature["properties"] = dict(reversed(list(feature["properties"].items())))
        feature.update(dict(reversed(list(feature.items()))))
    third = ex.write_geojson(shuffled, tmp_path / "c.geojson").read_bytes()
    assert first == second == third
    assert first.count(b"\n") == len(collection["features"]) + 2  # one feature per line


def test_geojson_rejects_swapped_or_broken_coordinates(collection):
    broken = copy.deepcopy(collection)
    broken["features"][0]["geometry"]["coordinates"] = [55.4, 128.5]
    with pytest.raises(InputError, match="feature 0.*outside"):
        ex.normalise_collection(broken)
    broken["features"][0]["geometry"] = {"type": "Point", "coordinates": ["x", 1]}
    with pytest.raises(InputError):
        ex.normalise_collection(broken)
    with pytest.raises(InputError, match="FeatureCollection"):
        ex.normalise_collection({"type": "Feature"})


def test_geojson_closes_rings_and_writes_nan_as_null(tmp_path):
    doc = {"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]},
        "properties": {"feature_type": "incident", "id": "x", "confidence": float("nan")},
    }]}  # fmt: skip
    out = json.loads(ex.write_geojson(doc, tmp_path / "x.geojson").read_text())
    assert out["features"][0]["geometry"]["coordinates"][0] == [[0, 0], [1, 0], [1, 1], [0, 0]]
    assert out["features"][0]["properties"]["confidence"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "not JSON"),
        (b'{"type": "Topology"}', "not a GeoJSON FeatureCollection"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_read_geojson_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "in.geojson"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        ex.read_geojson(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


# -- atomic writes --------------------------------------------------------------------------


def fail_after(calls: int, real):
    """A stand-in for ``real`` that raises on call number ``calls`` (counting from 1)."""
    seen = 0

    def wrapper(*args, **kwargs):
        nonlocal seen
        seen += 1
        if seen >= calls:
            raise RuntimeError("disk went away")
        return real(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("suffix", "target"),
    [
        (".geojson", "_dumps"),  # fails after the first features were serialised
        (".csv", "_cell"),  # fails in the middle of a row
        (".gpkg", "pyogrio.write_dataframe"),  # fails after the first layer was written
        (".kml", "pyogrio.write_dataframe"),
    ],
)
def test_a_failing_writer_leaves_the_old_file_and_no_temp(
    collection, tmp_path, monkeypatch, suffix, target
):
    path = tmp_path / f"incidents{suffix}"
    path.write_bytes(b"previous run")
    if target.startswith("pyogrio."):
        import pyogrio

        monkeypatch.setattr(pyogrio, "write_dataframe", fail_after(2, pyogrio.write_dataframe))
    else:
        monkeypatch.setattr(ex, target, fail_after(3, getattr(ex, target)))
    with pytest.raises((RuntimeError, GeomapError)):
        ex.export(collection, path)
    assert path.read_bytes() == b"previous run"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_atomic_path_refuses_a_directory(tmp_path):
    with pytest.raises(UsageError, match="is a directory"):
        ex.write_geojson({"type": "FeatureCollection", "features": []}, tmp_path)


# -- CSV -----------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_csv_header_is_acled_then_geomap(collection, tmp_path):
    header, rows = read_csv(ex.write_csv(collection, tmp_path / "i.csv"))
    assert header[: len(ACLED_ORDER)] == ACLED_ORDER
    assert header[len(ACLED_ORDER) : len(ACLED_ORDER) + 13] == [
        "date_start", "date_end", "geometry_role", "uncertainty_km", "claimed_by", "quote", "span",
        "confidence", "geonameid", "number_of_sources", "id", "where_prec", "date_prec",
    ]  # fmt: skip
    assert header == list(ex.CSV_COLUMNS) and len(set(header)) == len(header)
    assert len(rows) == 5  # incidents only


def test_csv_maps_fields_and_leaves_unknowns_empty(collection, tmp_path):
    _, rows = read_csv(ex.write_csv(collection, tmp_path / "i.csv"))
    row = {r["id"]: r for r in rows}
    point, section, region, path, border = (row[f"a1b2c3d4e5f6000{i}"] for i in range(1, 6))
    assert point["event_date"] == "2022-03-01" and point["year"] == "2022"
    assert point["time_precision"] == "1" and point["geo_precision"] == "1"
    assert point["iso"] == "112" and point["country"] == "Belarus"  # ACLED's iso is numeric
    assert point["event_type"] == "Explosions/Remote violence"
    assert point["disorder_type"] == "Political violence"
    assert point["geomap_event_type"] == "rail_sabotage"
    assert point["claimed_by"] == "Cyber Partisans; BYPOL"
    assert point["span"] == "120-154"
    assert (point["latitude"], point["longitude"]) == ("55.424446", "28.583889")
    assert point["location"] == "Farinovo" and point["location_text"] == "Фариново"
    for column in (
        "inter1",
        "actor2",
        "region",
        "admin3",
        "source_scale",
        "fatalities",
        "timestamp",
    ):
        assert point[column] == ""
    assert section["event_date"] == "2022-03-02"  # the middle of 1–3 March
    assert section["number_of_sources"] == "2"
    assert section["source"] == "Rail partisans in Belarus; example.org"  # outlet: a URL's site
    assert region["admin1"] == "Mogilev" and region["admin1_code"] == "BY.06"
    assert path["actor1"] == "Russian troops" and path["assoc_actor_1"] == "Belarusian troops"
    assert path["event_date"] == "" and path["date_prec"] == ""
    assert border["notes"] == "'-troops massed at the border"  # no formula for spreadsheets
    assert border["geo_precision"] == "3" and border["geomap_geo_precision"] == "4"


def test_csv_coordinates_of_lines_and_polygons_lie_on_them(collection, tmp_path):
    from shapely.geometry import Point, shape

    _, rows = read_csv(ex.write_csv(collection, tmp_path / "i.csv"))
    geometries = {i: shape(f["geometry"]) for i, f in by_id(collection).items()}
    for row in rows:
        point = Point(float(row["longitude"]), float(row["latitude"]))
        assert geometries[row["id"]].distance(point) < 1e-5, row["id"]


def test_csv_precision_codes(collection, tmp_path):
    _, rows = read_csv(ex.write_csv(collection, tmp_path / "i.csv"))
    codes = {r["id"][-1]: (r["where_prec"], r["date_prec"]) for r in rows}
    assert codes == {
        "1": ("1", "1"),  # a station, one day
        "2": ("2", "2"),  # stations 15 km apart; 1–3 March
        "3": ("4", "4"),  # an oblast; a month
        "4": ("5", ""),  # a movement; no date
        "5": ("6", "1"),  # only the country
    }


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        ({"geometry_role": "point", "geo_precision": 1}, 1),
        ({"geometry_role": "point", "geo_precision": 2}, 2),
        ({"geometry_role": "point", "geo_precision": 3}, 4),
        ({"geometry_role": "region", "geo_precision": 3}, 4),
        ({"geometry_role": "region", "geo_precision": 2}, 5),
        ({"geometry_role": "region", "geo_precision": 3, "place_name": "Polotsk District",
          "admin2_name": "Polotsk District"}, 3),
        ({"geometry_role": "section", "geo_precision": 1, "uncertainty_km": 40}, 5),
        ({"geometry_role": "border", "geo_precision": 2}, 5),
        ({"geometry_role": "point", "geo_precision": 4}, 6),
        ({"geometry_role": "point", "geo_precision": 1, "where_prec": 7}, 7),
        ({}, None),
    ],
)  # fmt: skip
def test_where_prec(properties, expected):
    assert ex.where_prec(properties) == expected


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        ({"time_precision": "day", "date_start": "2022-03-01", "date_end": "2022-03-01"}, 1),
        ({"time_precision": "range", "date_start": "2022-03-01", "date_end": "2022-03-06"}, 2),
        ({"time_precision": "range", "date_start": "2022-03-01", "date_end": "2022-03-07"}, 3),
        ({"time_precision": "range", "date_start": "2022-03-01", "date_end": "2022-03-20"}, 4),
        ({"time_precision": "range", "date_start": "2022-01-01", "date_end": "2022-03-20"}, 5),
        ({"time_precision": "month", "date_start": "2022-03-01", "date_end": "2022-03-31"}, 4),
        ({"time_precision": "year"}, 5),
        ({"time_precision": "unknown"}, None),
        ({"date_prec": 3}, 3),
    ],
)
def test_date_prec(properties, expected):
    assert ex.date_prec(properties) == expected


def test_places_csv(collection, tmp_path):
    header, rows = read_csv(ex.write_csv(collection, tmp_path / "p.csv", feature_type="place"))
    assert header == list(ex.PLACE_CSV_COLUMNS)
    assert [r["name"] for r in rows] == ["Фариново", "Могилёв"]
    assert rows[0]["mentions"] == "120-128; 300-308"
    assert json.loads(rows[0]["alternatives"])["country_code"] == "RU"
    assert rows[1]["geonameid"] == "625665" and rows[0]["geonameid"] == ""


def test_csv_is_byte_identical_for_the_same_input(collection, tmp_path):
    first = ex.write_csv(collection, tmp_path / "a.csv").read_bytes()
    assert first == ex.write_csv(collection, tmp_path / "b.csv").read_bytes()


# -- GeoPackage -----------------------------------------------------------------------------


def test_gpkg_round_trip(collection, tmp_path):
    import geopandas as gpd
    import pyogrio
    from shapely.geometry import shape

    path = ex.write_gpkg(collection, tmp_path / "out.gpkg")
    layers = dict(pyogrio.list_layers(path))
    assert layers == {"incidents": "Unknown", "places": "Unknown"}  # generic GEOMETRY column
    incidents = gpd.read_file(path, layer="incidents")
    places = gpd.read_file(path, layer="places")
    assert len(incidents) == 5 and len(places) == 2
    assert incidents.crs.to_epsg() == 4326
    given = by_id(collection)
    written = by_id(ex.normalise_collection(collection))  # rounded, rings rewound
    assert sorted(incidents["id"]) == sorted(given)
    for _, row in incidents.iterrows():
        assert row.geometry.equals_exact(shape(written[row["id"]]["geometry"]), 1e-9), row["id"]
        # and the same shape as given, within the 6-decimal rounding
        assert row.geometry.hausdorff_distance(shape(given[row["id"]]["geometry"])) < 1e-6
    assert json.loads(incidents.set_index("id").loc["a1b2c3d4e5f60001", "claimed_by"]) == [
        "Cyber Partisans",
        "BYPOL",
    ]


def test_read_gpkg_gives_back_the_collection(collection, tmp_path):
    path = ex.write_gpkg(collection, tmp_path / "out.gpkg")
    back = ex.read_gpkg(path)
    normal = ex.normalise_collection(collection)
    assert len(back["features"]) == len(normal["features"])
    for got, want in zip(back["features"], normal["features"], strict=True):
        assert got["geometry"] == want["geometry"]  # rounded and wound alike: exactly equal
        # a layer has the union of its features' properties; the missing ones read as None
        assert {k: v for k, v in got["properties"].items() if k in want["properties"]} == want[
            "properties"
        ]
        assert all(
            got["properties"][k] is None
            for k in got["properties"].keys() - want["properties"].keys()
        )


def test_gpkg_is_byte_identical_for_the_same_input(collection, tmp_path):
    first = ex.write_gpkg(collection, tmp_path / "a.gpkg").read_bytes()
    assert first == ex.write_gpkg(collection, tmp_path / "b.gpkg").read_bytes()


def test_gpkg_with_no_places_still_has_the_layer(collection, tmp_path):
    import pyogrio

    only_incidents = {**collection, "features": collection["features"][:2]}
    path = ex.write_gpkg(only_incidents, tmp_path / "i.gpkg")
    assert pyogrio.read_info(path, layer="places")["features"] == 0
    assert len(ex.read_gpkg(path)["features"]) == 2


# -- KML ------------------------------------------------------------------------------------

KML = "{http://www.opengis.net/kml/2.2}"


def test_kml_has_a_placemark_per_feature(collection, tmp_path):
    import pyogrio

    path = ex.write_kml(collection, tmp_path / "out.kml")
    root = ET.parse(path).getroot()
    placemarks = root.findall(f".//{KML}Placemark")
    assert len(placemarks) == len(collection["features"])
    names = [p.findtext(f"{KML}name") for p in placemarks]
    assert "rail_sabotage — Farinovo" in names and "Могилёв" not in names and "Mogilev" in names
    assert sorted(str(n) for n, _ in pyogrio.list_layers(path)) == ["incidents", "places"]
    assert len(pyogrio.read_dataframe(path, layer="incidents")) == 5


# -- export() and the CLI -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".geojson", ".JSON", ".csv", ".gpkg", ".kml"])
def test_export_picks_the_format_from_the_extension(tmp_path, suffix):
    path = ex.export(FIXTURE, tmp_path / f"out{suffix}")
    head = path.read_bytes()[:16]
    if suffix.lower() in (".geojson", ".json"):
        assert head.startswith(b'{"type": "Featur')
    elif suffix == ".csv":
        assert head.startswith(b"event_id_cnty,")
    elif suffix == ".gpkg":
        assert head.startswith(b"SQLite format 3")
    else:
        assert head.startswith(b"<?xml")


def test_export_unknown_extension_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown export format '.shp'") as info:
        ex.export(FIXTURE, tmp_path / "out.shp")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "out.shp").exists()


def test_export_csv_of_places_only(collection, tmp_path):
    places = {
        **collection,
        "features": [
            f for f in collection["features"] if f["properties"]["feature_type"] == "place"
        ],
    }
    header, rows = read_csv(ex.export(places, tmp_path / "places.csv"))
    assert header[0] == "name" and len(rows) == 2


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_export(tmp_path):
    target = tmp_path / "out.gpkg"
    result = run_cli("export", str(FIXTURE), "--to", str(target))
    assert result.exit_code == 0, result.output
    assert len(ex.read_gpkg(target)["features"]) == 7


@pytest.mark.parametrize(
    ("content", "to", "message"),
    [
        (None, "out.csv", "no such file"),
        ("{oops", "out.csv", "not JSON"),
        ('{"type": "FeatureCollection", "features": []}', "out.xlsx", "unknown export format"),
        ("[1, 2]", "out.csv", "not a GeoJSON FeatureCollection"),
    ],
)
def test_cli_export_errors_are_one_line_with_exit_2(tmp_path, content, to, message):
    source = tmp_path / "in.geojson"
    if content is not None:
        source.write_text(content)
    result = run_cli("export", str(source), "--to", str(tmp_path / to))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geomap: ") and message in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / to).exists()


def test_geojson_text_is_what_write_writes(collection, tmp_path):
    path = ex.write_geojson(collection, tmp_path / "x.geojson")
    assert path.read_text(encoding="utf-8") == ex.geojson_text(collection)
    assert json.load(
        io.StringIO(ex.geojson_text({"type": "FeatureCollection", "features": []}))
    ) == {
        "type": "FeatureCollection",
        "features": [],
    }
