"""Analysis of a geomap FeatureCollection as GeoDataFrames: regions, borders, stations, errors.

What the notebooks in ``notebooks/`` build on. Every function takes the FeatureCollection the
pipeline produces (or the frames made from it) and the data packs it needs, and returns
pandas/geopandas objects; nothing here reads articles or writes files. geopandas is imported
where used, so ``import geomap`` stays light.

Example
-------
>>> pipeline = geomap.Pipeline(geomap.Settings.resolve())  # doctest: +SKIP
>>> collection = geomap.extract(["data/"], pipeline=pipeline)  # doctest: +SKIP
>>> incidents, places = to_geodataframes(collection)  # doctest: +SKIP
>>> stations = pipeline.gazetteer.packs.stations()  # doctest: +SKIP
>>> measured = with_rail_context(incidents, pipeline.shapes, stations)  # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from .distance import haversine_km
from .export import representative_lonlat

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

    from .evaluate import Corpus
    from .gazetteer.packs import DataPacks, Station
    from .shapes import Shapes

#: date properties turned into pandas datetimes (missing dates become NaT)
DATE_COLUMNS = ("date_start", "date_end")


def to_geodataframes(collection: dict) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The incidents and the places of ``collection`` as two GeoDataFrames (EPSG:4326).

    One column per property; lists and dicts (``actors``, ``source`` ...) stay Python
    objects, ``date_start``/``date_end`` become datetimes, and the source's title, locator
    and publication date get columns of their own for grouping.
    """
    by_type: dict[str, list[dict]] = {"incident": [], "place": []}
    for feature in collection.get("features", []):
        kind = (feature.get("properties") or {}).get("feature_type")
        if kind in by_type:
            by_type[kind].append(feature)
    return _frame(by_type["incident"]), _frame(by_type["place"])


def _frame(features: list[dict]) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    if "geometry" not in frame:  # no features: keep the columns a caller selects on
        frame = gpd.GeoDataFrame({"geometry": []}, geometry="geometry", crs="EPSG:4326")
    for column in DATE_COLUMNS:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column], errors="coerce")
    if "source" in frame:
        sources = [s if isinstance(s, dict) else {} for s in frame["source"]]
        frame["source_title"] = [s.get("title") for s in sources]
        frame["source_locator"] = [s.get("url") or s.get("path") for s in sources]
        frame["published"] = pd.to_datetime([s.get("published") for s in sources], errors="coerce")
    return frame


# -- regions ----------------------------------------------------------------------------------


def regions_frame(packs: DataPacks, countries: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    """The admin-1 polygons of the data packs: ``admin1_code``, ``country_code``, ``name``.

    ``countries`` (ISO 3166-1 alpha-2 codes) keeps only those countries' regions.
    """
    import geopandas as gpd
    from shapely.geometry import shape

    wanted = {c.upper() for c in countries} if countries is not None else None
    rows = [
        {
            "admin1_code": region.admin1_code,
            "country_code": region.country_code,
            "name": region.names[0] if region.names else region.admin1_code,
            "geometry": shape(region.geometry),
        }
        for region in packs.regions()
        if region.admin1_code and (wanted is None or region.country_code in wanted)
    ]
    columns = ["admin1_code", "country_code", "name", "geometry"]
    return gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs="EPSG:4326")


def incidents_by_region(
    incidents: gpd.GeoDataFrame, regions: gpd.GeoDataFrame, column: str = "incidents"
) -> gpd.GeoDataFrame:
    """``regions`` with a ``column`` counting the incidents whose ``admin1_code`` is theirs.

    Incidents placed on a whole country (no ``admin1_code``) are not counted in any region.
    """
    if "admin1_code" in incidents:
        counts = incidents["admin1_code"].dropna().value_counts()
    else:
        counts = {}
    out = regions.copy()
    out[column] = [int(counts.get(code, 0)) for code in out["admin1_code"]]
    return out


# -- distances --------------------------------------------------------------------------------


def anchor_lonlat(geometry: BaseGeometry | None) -> tuple[float, float] | None:
    """The one (lon, lat) an incident is measured from: a point itself, the middle of a
    rail section or movement, a point inside a region (as the CSV's coordinates)."""
    if geometry is None or geometry.is_empty:
        return None
    from shapely.geometry import mapping

    return representative_lonlat(mapping(geometry))


def distance_to_line_km(lon: float, lat: float, line: BaseGeometry) -> float:
    """Great-circle km from (lon, lat) to the nearest point of ``line`` (any geometry)."""
    from shapely.affinity import scale
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    # A degree of longitude is cos(lat) as long as one of latitude: squeeze longitudes so the
    # nearest point is found in a frame where the two are alike near the point.
    k = math.cos(math.radians(lat))
    local = scale(line, xfact=k, yfact=1.0, origin=(0, 0))
    near = nearest_points(local, Point(lon * k, lat))[0]
    return haversine_km(lat, lon, near.y, near.x / k)


def nearest_station(lon: float, lat: float, stations: Sequence[Station]) -> tuple[Station, float]:
    """The station nearest to (lon, lat) and its distance in km.

    Raises
    ------
    ValueError
        ``stations`` is empty.
    """
    import numpy as np

    if not stations:
        raise ValueError("no stations to measure from (the data dir has no station pack)")
    lats = np.radians([s.lat for s in stations])
    lons = np.radians([s.lon for s in stations])
    p, q = math.radians(lat), math.radians(lon)
    # haversine over every station at once; distance.haversine_km for the one reported
    a = np.sin((lats - p) / 2) ** 2 + np.cos(p) * np.cos(lats) * np.sin((lons - q) / 2) ** 2
    best = stations[int(np.argmin(a))]
    return best, haversine_km(lat, lon, best.lat, best.lon)


def with_rail_context(
    incidents: gpd.GeoDataFrame,
    shapes: Shapes,
    stations: Sequence[Station],
    border: tuple[str, str] = ("BY", "UA"),
) -> gpd.GeoDataFrame:
    """``incidents`` with ``border_km`` (to the land border between the two ``border``
    countries), ``nearest_station`` and ``station_km``, measured from each incident's
    :func:`anchor_lonlat`. Distances are NaN where the packs lack the border or stations."""
    out = incidents.copy()
    line = shapes.border(*border)
    border_km, names, station_km = [], [], []
    for geometry in out.geometry:
        anchor = anchor_lonlat(geometry)
        if anchor is None:
            border_km.append(math.nan)
            names.append(None)
            station_km.append(math.nan)
            continue
        lon, lat = anchor
        border_km.append(distance_to_line_km(lon, lat, line) if line is not None else math.nan)
        if stations:
            station, km = nearest_station(lon, lat, stations)
            names.append(station.names[0] if station.names else station.key)
            station_km.append(km)
        else:
            names.append(None)
            station_km.append(math.nan)
    out["border_km"] = border_km
    out["nearest_station"] = names
    out["station_km"] = station_km
    return out


# -- geoparsing errors --------------------------------------------------------------------------


def toponym_errors(
    corpus: Corpus, parse: Callable[[str], Sequence[tuple]], context: int = 60
) -> pd.DataFrame:
    """One row per gold toponym with coordinates that ``parse`` recognised and placed:
    the gold name and point, the predicted point, ``error_km`` and the text around it.

    The matching is the one :func:`geomap.evaluate.evaluate` scores (span overlap), so the
    median of ``error_km`` is its ``median_error_km``.
    """
    import pandas as pd

    from .evaluate.metrics import match_spans

    rows = []
    for document in corpus.documents:
        predictions = list(parse(document.text))
        pairs = match_spans(
            [(t.start, t.end) for t in document.toponyms], [(p[0], p[1]) for p in predictions]
        )
        for i, j in pairs:
            gold = document.toponyms[i]
            start, end, lat, lon = predictions[j][:4]
            if not gold.has_coordinates or lat is None:
                continue
            rows.append(
                {
                    "doc_id": document.doc_id,
                    "gold_name": gold.name,
                    "predicted_text": document.text[start:end],
                    "gold_lat": gold.lat,
                    "gold_lon": gold.lon,
                    "predicted_lat": lat,
                    "predicted_lon": lon,
                    "error_km": haversine_km(gold.lat, gold.lon, lat, lon),
                    "context": _context(document.text, gold.start, gold.end, context),
                }
            )
    columns = [
        "doc_id", "gold_name", "predicted_text", "gold_lat", "gold_lon",
        "predicted_lat", "predicted_lon", "error_km", "context",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _context(text: str, start: int, end: int, width: int) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())
