"""The map page: its layers for real articles, escaping of hostile input, self-contained
output and ``geomap map`` from saved GeoJSON. No browser here (see the browser tests)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.codebook import EVENT_KINDS
from geomap.maps import CLUSTER_THRESHOLD, build_map
from geomap.maps.assets import assets_dir

REPO = Path(__file__).resolve().parents[1]
BRIEFS = REPO / "data"
SEED_NAME = "000_ea93d4d8c5be7d10.txt"

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def _seed(settings) -> Path:
    """The seed article lives beside the data dir (``../shared/seed``)."""
    return settings.data_dir.parent / "seed" / SEED_NAME


def _run(args: list[str], settings) -> None:
    common = ["--data-dir", str(settings.data_dir), "--cache-dir", str(settings.cache_dir), "-q"]
    result = CliRunner().invoke(main, [*args, *common])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module", params=["seed", "briefs"])
def run_out(request, settings, tmp_path_factory) -> Path:
    """``geomap run`` over the seed article, and over the demo briefs."""
    source = _seed(settings) if request.param == "seed" else BRIEFS
    if not source.exists():
        pytest.skip(f"{source} is not beside the checkout")
    out = tmp_path_factory.mktemp(f"map-{request.param}")
    _run(["run", str(source), "--out", str(out)], settings)
    return out


def _overlays(html: str) -> list[str]:
    """The overlay names of the page's layer control, in order."""
    block = re.search(r"overlays\s*:\s*\{(.*?)\}", html, re.S)
    assert block, "no layer control in the page"
    return [json.loads(name) for name in re.findall(r'("(?:[^"\\]|\\.)*")\s*:', block.group(1))]


def _legend_layers(html: str) -> list[str]:
    # the legend's HTML is embedded as a JSON string: its quotes appear as \"
    return [json.loads(f'"{m}"') for m in re.findall(r'data-geomap-layer=\\"(.*?)\\"', html)]


def _incidents(out: Path) -> list[dict]:
    return json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]


def test_a_layer_per_incident_type_and_the_context_layers(run_out):
    html = (run_out / "map.html").read_text(encoding="utf-8")
    incidents = _incidents(run_out)
    kinds = {f["properties"]["event_type"] for f in incidents}
    overlays = _overlays(html)
    assert kinds, "the run found no incidents"
    for kind in kinds:
        assert EVENT_KINDS[kind].label in overlays
    # no layer for a type the data does not have
    labels = {k.label for k in EVENT_KINDS.values()}
    assert {o for o in overlays if o in labels} == {EVENT_KINDS[k].label for k in kinds}
    assert {"Places", "Regions (incidents per region)", "Uncertainty"} <= set(overlays)
    roles = {f["properties"]["geometry_role"] for f in incidents}
    assert ("Rail sections" in overlays) == ("section" in roles)
    assert ("Border" in overlays) == ("border" in roles)
    # the legend names exactly the switchable layers
    assert set(_legend_layers(html)) == set(overlays)


def test_controls_time_slider_and_bounds(run_out):
    html = (run_out / "map.html").read_text(encoding="utf-8")
    for control in (
        "L.Control.Search",
        "L.control.fullscreen",
        "L.Control.MiniMap",
        "L.Control.Measure",
        "L.control.layers",
        ".fitBounds(",
    ):
        assert control in html, control
    dated = [f for f in _incidents(run_out) if f["properties"]["date_start"]]
    assert "L.timelineSliderControl" in html
    first = min(f["properties"]["date_start"] for f in dated)
    last = max(f["properties"]["date_end"] or f["properties"]["date_start"] for f in dated)
    assert f"Dates {first} to {last}." in html


def test_undated_incidents_stay_and_are_marked(run_out):
    from geomap.maps.geometry import Located, valid_geometry
    from geomap.maps.layers import incident_display
    from geomap.maps.timeline import data_span, interval

    incidents = _incidents(run_out)
    span = data_span([interval(f["properties"]) for f in incidents])
    undated = [f for f in incidents if not f["properties"]["date_start"]]
    for feature in incidents:
        shown = incident_display(Located(feature, valid_geometry(feature["geometry"])), span)
        assert shown and all(s["properties"]["undated"] == (feature in undated) for s in shown)
        # cumulative slider: every incident stays until the last day once it has begun
        assert all(s["properties"]["end"] == span[1] for s in shown)
        if feature in undated:
            assert all(s["properties"]["start"] == span[0] for s in shown)
    html = (run_out / "map.html").read_text(encoding="utf-8")
    if undated:
        assert f"{len(undated)} undated incident(s)" in html
    assert "data-geomap-undated" in html and "geomap-undated" in html


def _popups(html: str) -> list[str]:
    """The popup HTML of every feature, decoded from the JSON embedded in the page: a
    string, or a list of numbers into the page's table of shared texts."""
    table = json.loads(re.search(r"var geomapTexts = (\[.*?\]);\n", html, re.S).group(1))
    popups = [json.loads(m) for m in re.findall(r'"popup": ("(?:[^"\\]|\\.)*")', html)]
    for refs in re.findall(r'"popup": \[([\d, ]*)\]', html):
        popups.append("".join(table[int(i)] for i in refs.split(",")))
    return popups


def test_popups_carry_the_facts_quote_and_source(run_out):
    from html import escape

    popups = _popups((run_out / "map.html").read_text(encoding="utf-8"))
    popups = [p for p in popups if 'data-geomap-feature="incident"' in p]
    for feature in _incidents(run_out):
        props = feature["properties"]
        # one sentence may report several incidents: the place and the type tell them apart
        label = escape(EVENT_KINDS[props["event_type"]].label)
        mine = [
            p
            for p in popups
            if escape(props["quote"]) in p and escape(props["place_name"]) in p and label in p
        ]
        assert mine, props["quote"]
        popup = mine[0]
        assert escape(props["source"]["title"]) in popup
        if props["date_start"]:
            assert props["date_start"] in popup
        else:
            assert "undated" in popup
        for actor in props["actors"] + props["claimed_by"]:
            assert escape(actor) in popup


def test_hostile_article_is_escaped_everywhere(settings, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        f"Partisans strike {HOSTILE_SCRIPT} again {HOSTILE_IMG}\n\n"
        f"MINSK, 14 March 2022 — Rail partisans {HOSTILE_SCRIPT} burned a relay cabinet near "
        f"Orsha on 12 March, the channel {HOSTILE_IMG} said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    _run(["run", str(article), "--out", str(out)], settings)
    incidents = _incidents(out)
    assert any(HOSTILE_SCRIPT in f["properties"]["quote"] for f in incidents)
    html = (out / "map.html").read_text(encoding="utf-8")
    assert HOSTILE_SCRIPT not in html and HOSTILE_IMG not in html
    assert "alert(1)" in html  # it is there, only escaped
    for body in _script_bodies(html):
        assert "</" not in body, "embedded text could close its <script>"
    assert "<title>geomap:" in html


def _script_bodies(html: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)


def test_source_links_only_for_http_urls():
    from geomap.maps.popups import source_link

    assert source_link({"url": "https://example.org/a?b=1&c=2", "title": "A"}).startswith(
        '<a href="https://example.org/a?b=1&amp;c=2"'
    )
    hostile = source_link({"url": "javascript:alert(1)", "title": "<b>x</b>"})
    assert "<a" not in hostile and "<b>" not in hostile


@pytest.fixture(scope="module")
def seed_collection(settings, tmp_path_factory) -> dict:
    seed = _seed(settings)
    if not seed.exists():
        pytest.skip("the seed article is not beside the data dir")
    out = tmp_path_factory.mktemp("seed-extract") / "seed.geojson"
    _run(["extract", str(seed), "--out", str(out)], settings)
    return json.loads(out.read_text(encoding="utf-8"))


def test_self_contained_fetches_nothing(seed_collection, settings, tmp_path):
    if not (assets_dir() / "leaflet" / "dist" / "leaflet.js").exists():
        pytest.skip("map assets not installed: run `make assets`")
    saved = tmp_path / "seed.geojson"
    saved.write_text(json.dumps(seed_collection), encoding="utf-8")
    path = tmp_path / "map.html"
    _run(["map", str(saved), "--out", str(path), "--self-contained"], settings)
    html = path.read_text(encoding="utf-8")
    # the country outlines stand in for the tiles
    assert "geomapBasemap" in html
    assert not re.search(r"<script[^>]+\bsrc=", html, re.I)
    # inlined code cannot end its own <script> early
    assert len(re.findall(r"<script\b", html, re.I)) == len(re.findall(r"</script>", html, re.I))
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"@import", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "L.tileLayer(" not in html  # no tiles: the vector basemap instead
    assert 'url("data:font/woff2;base64,' in html
    assert "L.Control.MiniMap" in html and "L.timelineSliderControl" in html
    for cdn in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "code.jquery.com", "bootstrapcdn"):
        assert cdn not in html, cdn


def test_many_incidents_are_clustered(seed_collection, monkeypatch):
    import geomap.maps as maps

    incidents = [
        f for f in seed_collection["features"] if f["properties"]["feature_type"] == "incident"
    ]
    monkeypatch.setattr(maps, "CLUSTER_THRESHOLD", len(incidents) - 1)
    html = build_map(seed_collection).get_root().render()
    assert "L.markerClusterGroup" in html and "L.timeline(" not in html
    # the slider still drives the clustered layers, through their adapters
    assert "L.timelineSliderControl" in html and "cluster.addLayers" in html
    monkeypatch.setattr(maps, "CLUSTER_THRESHOLD", CLUSTER_THRESHOLD)
    html = build_map(seed_collection).get_root().render()
    assert "L.markerClusterGroup" not in html and "L.timelineSliderControl" in html


def test_map_command_from_saved_geojson(run_out, settings, tmp_path):
    target = tmp_path / "again.html"
    _run(
        [
            "map",
            str(run_out / "incidents.geojson"),
            str(run_out / "places.geojson"),
            "--out",
            str(target),
        ],
        settings,
    )
    html = target.read_text(encoding="utf-8")
    assert set(_overlays(html)) == set(_overlays((run_out / "map.html").read_text("utf-8")))
    assert f'data-geomap-incidents="{len(_incidents(run_out))}"' in html


def test_map_command_names_a_bad_input(tmp_path):
    missing = tmp_path / "nowhere.geojson"
    result = CliRunner().invoke(main, ["map", str(missing), "--out", str(tmp_path / "m.html")])
    assert result.exit_code == 2
    assert "nowhere.geojson" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.html").exists()


def test_map_without_data_packs(seed_collection):
    html = build_map(seed_collection, packs=None).get_root().render()
    overlays = _overlays(html)
    assert "Places" in overlays and "Regions (incidents per region)" not in overlays
    # online tiles, and no outline basemap without admin-0 packs
    assert "L.tileLayer(" in html and "geomapBasemap" not in html


def test_features_without_valid_coordinates_are_left_out(seed_collection):
    features = seed_collection["features"]
    incident = next(f for f in features if f["properties"]["feature_type"] == "incident")
    broken = []
    for i, coordinates in enumerate(([999.0, 53.0], [27.5, float("nan")], [])):
        feature = json.loads(json.dumps(incident))
        feature["geometry"] = {"type": "Point", "coordinates": coordinates}
        feature["properties"]["id"] = f"broken-{i}"
        broken.append(feature)
    collection = {"type": "FeatureCollection", "features": [*features, *broken]}
    html = build_map(collection).get_root().render()
    assert "3 incident(s) without valid coordinates not drawn." in html
    assert "broken-" not in html


def test_rail_sections_show_their_stations(run_out):
    html = (run_out / "map.html").read_text(encoding="utf-8")
    tooltips = {json.loads(m) for m in re.findall(r'"tooltip": ("(?:[^"\\]|\\.)*")', html)}
    sections = [f for f in _incidents(run_out) if f["properties"]["geometry_role"] == "section"]
    for feature in sections:
        first, last = feature["properties"]["stations"]
        assert f"Rail section {first} – {last}" in tooltips
        # both ends are named stations of the packs
        for name in (first, last):
            assert any(t.startswith(f"Station {name}") for t in tooltips), name


def test_a_border_incident_drawn_at_a_point_still_maps(seed_collection, settings):
    """A border incident whose line could not be cut out is drawn at a point: the border
    layer leaves it out instead of failing the whole map."""
    from geomap.datapacks import DataPacks

    features = seed_collection["features"]
    incident = next(f for f in features if f["properties"]["feature_type"] == "incident")
    feature = json.loads(json.dumps(incident))
    feature["properties"].update(id="border-point", geometry_role="border", country_code="BY")
    feature["geometry"] = {"type": "Point", "coordinates": [27.5, 52.0]}
    collection = {"type": "FeatureCollection", "features": [*features, feature]}
    html = build_map(collection, packs=DataPacks(settings.data_dir)).get_root().render()
    assert "border-point" in html


def test_a_road_section_is_drawn_as_a_road_not_as_track(settings, tmp_path):
    brief = tmp_path / "zamfara.txt"
    brief.write_text(
        "Bandits abduct travellers\nPublished: 2024-09-06\n\n"
        "Bandits abducted about 20 travellers on the road linking Gusau and Tsafe on "
        "Wednesday, relatives said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    _run(["run", str(brief), "--out", str(out)], settings)
    (road,) = _incidents(out)
    assert road["properties"]["section_of"] == "road"
    assert road["geometry"]["type"] == "LineString"
    html = (out / "map.html").read_text(encoding="utf-8")
    tooltips = {json.loads(m) for m in re.findall(r'"tooltip": ("(?:[^"\\]|\\.)*")', html)}
    assert "Road Gusau – Tsafe" in tooltips
    assert not any(t.startswith("Rail section") for t in tooltips)
    # the legend item, as the page's script writes it
    assert 'data-geomap-layer=\\"Road sections\\"' in html
