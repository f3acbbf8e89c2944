"""The map in a real browser: headless Debian Chromium with the network cut off.

The self-contained maps of the seed article, the demo briefs and a hostile article are opened
as a reader would open them, with no network: they must load without errors and fetch nothing,
list their layers, hide a layer when it is switched off, follow the time slider, and show input
text in popups only as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from browser_support import (
    DRAWN,
    chromium_executable,
    drawn,
    drawn_count,
    offline_chromium,
    offline_page,
    open_map,
    overlay_names,
    set_overlay,
)

from geomap.codebook import EVENT_KINDS

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
MARKERS = "[data-geomap-event]"


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    if chromium_executable() is None:
        pytest.skip("chromium is not installed: run `make browser`")
    with offline_chromium() as chromium:
        yield chromium


def _needs_assets() -> None:
    from geomap.maps.assets import assets_dir

    if not (assets_dir() / "leaflet" / "dist" / "leaflet.js").exists():
        pytest.skip("map assets not installed: run `make assets`")


def _collection(pipeline, source: Path) -> dict:
    from geomap.ingest import read_inputs

    def fail(locator, message):
        raise AssertionError(f"{locator}: {message}")

    return pipeline.collection(pipeline.extract(read_inputs([str(source)], on_error=fail)))


def _self_contained_map(pipeline, source: Path, out: Path) -> tuple[Path, dict]:
    from geomap.maps import write_map

    _needs_assets()
    collection = _collection(pipeline, source)
    path = write_map(collection, out, packs=pipeline.gazetteer.packs, self_contained=True)
    return path, collection


@pytest.fixture(scope="module")
def seed_map(pipeline, data_dir, tmp_path_factory) -> tuple[Path, dict]:
    seed = data_dir.parent / "seed"
    if not seed.is_dir():
        pytest.skip("the seed article is not beside the data dir")
    return _self_contained_map(pipeline, seed, tmp_path_factory.mktemp("seed") / "map.html")


@pytest.fixture(scope="module")
def briefs_map(pipeline, tmp_path_factory) -> tuple[Path, dict]:
    return _self_contained_map(
        pipeline, REPO / "data", tmp_path_factory.mktemp("briefs") / "map.html"
    )


@pytest.fixture(params=["seed", "briefs"])
def any_map(request) -> tuple[Path, dict]:
    return request.getfixturevalue(f"{request.param}_map")


def _incidents(collection: dict) -> list[dict]:
    return [
        f["properties"]
        for f in collection["features"]
        if f["properties"]["feature_type"] == "incident"
    ]


def _shown_ids(page) -> set[str]:
    return set(page.locator(MARKERS).evaluate_all("els => els.map(e => e.dataset.geomapId)"))


def test_network_is_really_cut_off(browser, tmp_path):
    """The harness itself: a plain folium page asks its CDNs, is refused, and draws nothing."""
    import folium

    path = tmp_path / "cdn.html"
    folium.Map(location=[53.9, 27.6], zoom_start=6).save(path)
    with offline_page(browser) as (page, log):
        page.goto(path.as_uri(), wait_until="load")
        assert log.blocked and all(url.startswith("https://") for url in log.blocked)
        assert any("leaflet" in url for url in log.blocked)
        assert drawn_count(page) == 0
        assert any("L is not defined" in error for error in log.page_errors)


def test_self_contained_map_draws_every_incident_offline(browser, any_map):
    path, collection = any_map
    with offline_page(browser) as (page, log):
        open_map(page, path)
        assert log.blocked == [], "the self-contained map asked the network"
        assert log.problems == []
        # the slider starts at the last day: every incident, dated or not, is on the map
        assert _shown_ids(page) == {p["id"] for p in _incidents(collection)}


def test_layer_control_lists_the_layers(browser, any_map):
    path, collection = any_map
    with offline_page(browser) as (page, log):
        open_map(page, path)
        names = overlay_names(page)
        assert len(names) >= 6, names
        assert len(set(names)) == len(names)
        assert "Places" in names
        # one overlay per incident type in the data, named as the codebook labels it
        kinds = {p["event_type"] for p in _incidents(collection)}
        assert {EVENT_KINDS[kind].label for kind in kinds} <= set(names)
        assert log.problems == []


def test_layer_control_opens_under_the_pointer(browser, any_map):
    """At 1200x800 the layer control's button is not covered by another control."""
    path, _ = any_map
    with offline_page(browser) as (page, log):
        open_map(page, path)
        control = page.locator(".leaflet-control-layers:has(.leaflet-control-layers-overlays)")
        box = control.locator(".leaflet-control-layers-toggle").bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        on_top = page.evaluate(
            "([x, y]) => { const e = document.elementFromPoint(x, y);"
            " return e.closest('.leaflet-control') ? e.closest('.leaflet-control').className"
            " : e.tagName; }",
            [x, y],
        )
        assert "leaflet-control-layers" in on_top and "timeline" not in on_top, (
            f"the layer button is covered by {on_top!r}"
        )
        page.mouse.move(x, y)
        assert "leaflet-control-layers-expanded" in control.get_attribute("class")


def test_switching_each_overlay_hides_and_restores_its_features(browser, seed_map):
    from playwright.sync_api import Error as PlaywrightError

    path, _ = seed_map
    failures = []
    with offline_page(browser) as (page, log):
        open_map(page, path)
        control = page.locator(".leaflet-control-layers-overlays label")
        for name in overlay_names(page):
            shown = control.filter(has_text=name).first.locator("input").is_checked()
            before = drawn(page)
            try:
                set_overlay(page, name, not shown)
                flipped = drawn(page)
                set_overlay(page, name, shown)
            except PlaywrightError as error:  # e.g. another control covers the entry
                lines = str(error).splitlines()
                why = next((x for x in lines if "intercepts pointer events" in x), lines[0])
                failures.append(f"{name!r} cannot be clicked: {why.strip()}")
                continue
            # elements (markers, SVG shapes) or canvas pixels, and none of either come back
            less = flipped[0] <= before[0] and flipped[1] <= before[1] and flipped != before
            more = flipped[0] >= before[0] and flipped[1] >= before[1] and flipped != before
            if drawn(page) != before:
                failures.append(f"{name!r}: not restored")
            elif shown and not less:
                failures.append(f"switching {name!r} off hid nothing: {before} -> {flipped}")
            elif not shown and not more:
                failures.append(f"switching {name!r} on showed nothing: {before} -> {flipped}")
        assert log.problems == []
    assert not failures, "\n".join(failures)


def test_switching_an_incident_layer_off_hides_its_markers(browser, seed_map):
    path, collection = seed_map
    sabotage = {p["id"] for p in _incidents(collection) if p["event_type"] == "rail_sabotage"}
    assert sabotage, "the seed article reports rail sabotage"
    with offline_page(browser) as (page, log):
        open_map(page, path)
        assert sabotage <= _shown_ids(page)
        set_overlay(page, "Rail sabotage", False)
        assert not sabotage & _shown_ids(page)
        assert page.locator('[data-geomap-event="rail_sabotage"]').count() == 0
        set_overlay(page, "Rail sabotage", True)
        assert sabotage <= _shown_ids(page)


def test_time_slider_shows_what_had_happened_by_each_day(browser, seed_map):
    path, collection = seed_map
    incidents = _incidents(collection)
    dated = sorted(date.fromisoformat(p["date_start"]) for p in incidents if p["date_start"])
    assert len(set(dated)) >= 2, "the seed article's incidents span several days"
    with offline_page(browser) as (page, log):
        open_map(page, path)
        everything = _shown_ids(page)
        slider = page.locator("input.time-slider")
        slider.focus()
        page.keyboard.press("Home")  # the first day of the data
        first_day = page.locator("output.time-text").inner_text().strip()
        assert first_day == dated[0].isoformat()
        expected = {
            p["id"]
            for p in incidents
            if not p["date_start"] or date.fromisoformat(p["date_start"]) <= dated[0]
        }
        assert _shown_ids(page) == expected
        assert expected < everything
        page.keyboard.press("End")
        assert _shown_ids(page) == everything
        assert log.problems == []


def test_popup_shows_the_facts_of_the_clicked_incident(browser, seed_map):
    path, collection = seed_map
    by_id = {p["id"]: p for p in _incidents(collection)}
    with offline_page(browser) as (page, log):
        open_map(page, path)
        marker = page.locator('[data-geomap-event="rail_sabotage"]').first
        incident = by_id[marker.get_attribute("data-geomap-id")]
        marker.click()
        popup = page.locator('.leaflet-popup .geomap-popup[data-geomap-feature="incident"]')
        popup.wait_for(state="visible")
        text = " ".join(popup.inner_text().split())
        assert " ".join(incident["quote"].split())[:60] in text
        assert incident["date_start"] in text
        assert log.problems == []


@pytest.fixture(scope="module")
def hostile_map(pipeline, tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(
        f"Partisans strike again {HOSTILE_IMG}\n\n"
        f"MINSK, 14 March 2022 — Rail partisans {HOSTILE_SCRIPT} burned a relay cabinet near "
        f"Orsha on 12 March, the channel {HOSTILE_IMG} said. Police detained two men in "
        "Babruysk on 13 March.\n",
        encoding="utf-8",
    )
    return _self_contained_map(pipeline, article, folder / "map.html")


def test_popup_shows_hostile_text_as_text(browser, hostile_map):
    path, collection = hostile_map
    hostile = [p for p in _incidents(collection) if HOSTILE_SCRIPT in p["quote"]]
    assert hostile, "the hostile sentence should give an incident"
    with offline_page(browser) as (page, log):
        open_map(page, path)
        page.locator(f'[data-geomap-id="{hostile[0]["id"]}"]').click()
        popup = page.locator(".leaflet-popup .geomap-popup")
        popup.wait_for(state="visible")
        text = popup.inner_text()
        assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text
        # give an injected <img> time to fail and fire its handler
        page.wait_for_timeout(500)
        injected = page.evaluate(
            """() => ({
              images: document.querySelectorAll('img[src="x"]').length,
              handlers: document.querySelectorAll('[onerror]').length,
              scripts: [...document.scripts].filter(s => s.text.trim() === 'alert(1)').length,
            })"""
        )
        assert injected == {"images": 0, "handlers": 0, "scripts": 0}
        assert log.dialogs == []
        assert log.problems == [] and log.blocked == []
        assert page.locator(DRAWN).count() > 0


def test_map_of_a_single_incident_loads_cleanly(browser, pipeline, tmp_path):
    """One point gives bounds of zero size; the map must still centre on it."""
    article = tmp_path / "one.txt"
    article.write_text(
        "MINSK, 14 March 2022 — Rail partisans burned a relay cabinet near Orsha on 12 March.\n",
        encoding="utf-8",
    )
    path, collection = _self_contained_map(pipeline, article, tmp_path / "map.html")
    assert len(_incidents(collection)) == 1
    with offline_page(browser) as (page, log):
        open_map(page, path)
        assert log.problems == []
        assert log.blocked == [], "the self-contained map asked the network"
        assert _shown_ids(page) == {p["id"] for p in _incidents(collection)}


@pytest.mark.slow
def test_scale_benchmark_smoke(browser, pipeline, tmp_path):
    """benchmarks/map_scale.py at 1,000 incidents: both maps draw every marker offline."""
    import sys

    _needs_assets()
    pytest.importorskip("xstatic.pkg.jquery")
    sys.path.insert(0, str(REPO / "benchmarks"))
    import map_scale

    collection = map_scale.synthetic_collection(
        1000, map_scale.template_incidents(pipeline), map_scale.towns(), seed=1
    )
    packs = pipeline.gazetteer.packs
    ours = map_scale.measure(
        map_scale.write_geomap, collection, tmp_path / "geomap.html", packs, 120, browser
    )
    peer = map_scale.measure(
        map_scale.write_folium_peer, collection, tmp_path / "folium.html", None, 120, browser
    )
    for timing in (ours, peer):
        assert timing.errors == []
        assert timing.drawn_ms is not None and timing.html_bytes > 0
    assert peer.marker_elements == 1000
    assert ours.marker_elements == 1000  # below the clustering threshold: one marker each
