"""Data packs: the optional files in the data dir, recognised by their format.

A data dir may hold any of these, anywhere below it and under any name:

- ``admin0``: GeoJSON country polygons (Natural Earth properties such as ``ISO_A2``)
- ``admin1``: GeoJSON first-level region polygons (Natural Earth ``gn_a1_code`` /
  ``iso_3166_2``, or MAPS.ME ``region``/``country``)
- ``stations``: railway stations as GeoJSON points (``esr_code`` or ``fclass`` railway_*)
  or as a tab-separated table with ``lat``/``lon`` columns and a station code column
- ``rail_lines``: GeoJSON LineStrings of railways
- ``admin1_codes`` / ``admin2_codes``: GeoNames ``admin1CodesASCII`` / ``admin2Codes``
- ``postal``: GeoNames postal-code dumps (12 columns)
- ``geonames``: the main GeoNames dump (19 columns: ``BY.txt``, ``cities500.txt``...)

This module only finds and reads files; building the index is :mod:`.build`'s job.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError

if TYPE_CHECKING:
    from ..config import Settings

PACK_KINDS = (
    "admin0",
    "admin1",
    "stations",
    "rail_lines",
    "admin1_codes",
    "admin2_codes",
    "postal",
    "geonames",
)

#: what each kind adds, for ``geomap data status``
PACK_PURPOSE = {
    "admin0": "country outlines: the border layer, the offline basemap, country polygons",
    "admin1": "region polygons: regions drawn as areas instead of points",
    "stations": "railway stations: rail sections between two named stations",
    "rail_lines": "railway lines: the railway context layer",
    "admin1_codes": "region names for the admin1 codes of GeoNames places",
    "admin2_codes": "district (raion) names",
    "postal": "village-level places from GeoNames postal codes",
    "geonames": "extra GeoNames places (e.g. a country dump with every village)",
}

_TEXT_SUFFIXES = {".txt", ".tsv", ".csv", ".tab"}
_GEOJSON_SUFFIXES = {".geojson", ".json"}
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")
_ADMIN2_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}\.[0-9A-Za-z]+$")
_FLOAT = re.compile(r"^-?\d{1,3}(\.\d+)?$")


@dataclass(frozen=True)
class PackFile:
    path: Path
    kind: str
    #: number of records (features or rows)
    count: int

    @property
    def fingerprint(self) -> tuple[str, int, int]:
        stat = self.path.stat()
        return (str(self.path.resolve()), stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class Station:
    key: str
    names: tuple[str, ...]
    lat: float
    lon: float
    country_code: str | None
    admin1_name: str | None
    kind: str


@dataclass(frozen=True)
class RegionShape:
    """An admin-1 polygon with the codes and names that identify it."""

    names: tuple[str, ...]
    country_code: str | None
    admin1_code: str | None  # GeoNames style "BY.07"
    geonameid: int | None
    geometry: dict
    label: tuple[float, float] | None  # (lon, lat)
    vertices: int


@dataclass(frozen=True)
class CountryShape:
    iso2: str
    iso3: str
    names: tuple[str, ...]
    geometry: dict


def _read_json(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read GeoJSON ({exc})") from exc


def _geojson_kind(doc: dict) -> str | None:
    features = doc.get("features") if isinstance(doc, dict) else None
    if not features:
        return None
    first = features[0]
    props = first.get("properties") or {}
    gtype = (first.get("geometry") or {}).get("type", "")
    if gtype in ("Polygon", "MultiPolygon"):
        if "ISO_A2" in props or "ADM0_A3" in props:
            return "admin0"
        if {"gn_a1_code", "iso_3166_2", "adm1_code"} & props.keys() or {
            "region",
            "country",
        } <= props.keys():
            return "admin1"
        return None
    if gtype == "Point":
        fclass = str(props.get("fclass", ""))
        if "esr_code" in props or fclass.startswith("railway"):
            return "stations"
        return None
    if gtype in ("LineString", "MultiLineString"):
        text = " ".join(str(v) for v in props.values()).lower()
        if "rail" in text or "station" in text or "esr" in text:
            return "rail_lines"
    return None


def _text_kind(path: Path) -> tuple[str | None, int]:
    """Recognise a tab-separated file from its first lines; returns (kind, rows)."""
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            head = [fh.readline() for _ in range(5)]
            rows = sum(1 for _ in fh) + sum(1 for line in head if line)
    except OSError:
        return None, 0
    lines = [line.rstrip("\r\n").split("\t") for line in head if line.strip()]
    if not lines:
        return None, 0
    first = lines[-1]  # past any header
    width = len(first)
    if width == 4 and _ADMIN2_CODE.match(first[0]):
        return "admin2_codes", rows
    if width == 4 and _ADMIN1_CODE.match(first[0]):
        return "admin1_codes", rows
    if width == 12 and re.fullmatch(r"[A-Z]{2}", first[0]) and _FLOAT.match(first[9]):
        return "postal", rows
    if width == 19 and first[0].isdigit() and _FLOAT.match(first[4]) and _FLOAT.match(first[5]):
        return "geonames", rows
    header = [h.strip().lower() for h in lines[0]]
    if (
        "lat" in header
        and "lon" in header
        and any(h in ("esr", "esr_code", "код", "code") for h in header)
    ):
        return "stations", rows - 1
    return None, 0


class DataPacks:
    """The recognised files of one data dir (or none), and of folders of packs geomap made
    itself (``extra_dirs``), read on demand."""

    def __init__(self, data_dir: Path | None, extra_dirs: tuple[Path, ...] = ()):
        self.data_dir = data_dir
        self.roots = tuple(d for d in (data_dir, *extra_dirs) if d is not None)

    @classmethod
    def for_settings(cls, settings: Settings) -> DataPacks:
        """The data dir's packs and the region outlines of the installed npm packages."""
        from .world_regions import world_regions_pack

        world = world_regions_pack(settings.assets_dir, settings.cache_dir)
        return cls(settings.data_dir, (world,) if world else ())

    @cached_property
    def candidate_paths(self) -> tuple[Path, ...]:
        """Files that may be packs, by suffix (benchmarks are not packs)."""
        return tuple(
            path
            for root in self.roots
            for path in sorted(root.rglob("*"))
            if path.is_file()
            and "benchmarks" not in path.relative_to(root).parts
            and path.suffix.lower() in _GEOJSON_SUFFIXES | _TEXT_SUFFIXES
        )

    @cached_property
    def files(self) -> tuple[PackFile, ...]:
        """The recognised packs: each candidate file's format sniffed from its content."""
        found: list[PackFile] = []
        for path in self.candidate_paths:
            if path.suffix.lower() in _GEOJSON_SUFFIXES:
                doc = _read_json(path)
                kind = _geojson_kind(doc)
                if kind:
                    found.append(PackFile(path, kind, len(doc["features"])))
            else:
                kind, rows = _text_kind(path)
                if kind:
                    found.append(PackFile(path, kind, rows))
        return tuple(found)

    def of_kind(self, kind: str) -> list[PackFile]:
        return [f for f in self.files if f.kind == kind]

    @property
    def fingerprint(self) -> list[tuple[str, int, int]]:
        """Path, size and mtime of every possible pack: cheap, so opening the index stays fast."""
        out = []
        for path in self.candidate_paths:
            stat = path.stat()
            out.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
        return out

    # -- readers ----------------------------------------------------------------------

    def admin1_codes(self) -> Iterator[tuple[str, str, str, int]]:
        """(code "BY.07", name, ascii name, geonameid) rows."""
        yield from self._code_rows("admin1_codes")

    def admin2_codes(self) -> Iterator[tuple[str, str, str, int]]:
        """(code "BY.07.123", name, ascii name, geonameid) rows."""
        yield from self._code_rows("admin2_codes")

    def _code_rows(self, kind: str) -> Iterator[tuple[str, str, str, int]]:
        for pack in self.of_kind(kind):
            for row in _tsv_rows(pack.path):
                if len(row) >= 4 and row[3].isdigit():
                    yield row[0], row[1], row[2], int(row[3])

    def postal_rows(self) -> Iterator[dict]:
        for pack in self.of_kind("postal"):
            for row in _tsv_rows(pack.path):
                if len(row) < 11:
                    continue
                try:
                    lat, lon = float(row[9]), float(row[10])
                except ValueError:
                    continue
                yield {
                    "country_code": row[0],
                    "postal_code": row[1],
                    "name": row[2],
                    "admin1_name": row[3],
                    "admin1_code": row[4],
                    "admin2_name": row[5],
                    "lat": lat,
                    "lon": lon,
                }

    def geonames_rows(self) -> Iterator[dict]:
        for pack in self.of_kind("geonames"):
            for row in _tsv_rows(pack.path):
                if len(row) < 19 or not row[0].isdigit():
                    continue
                yield {
                    "geonameid": int(row[0]),
                    "name": row[1],
                    "asciiname": row[2],
                    "alternatenames": [n for n in row[3].split(",") if n],
                    "lat": float(row[4]),
                    "lon": float(row[5]),
                    "feature_class": row[6],
                    "feature_code": row[7],
                    "country_code": row[8],
                    "admin1": row[10],
                    "population": int(row[14] or 0),
                }

    def stations(self) -> list[Station]:
        """Stations from every station pack, each once (later duplicates by key dropped)."""
        seen: dict[str, Station] = {}
        for pack in self.of_kind("stations"):
            reader = (
                _stations_geojson
                if pack.path.suffix.lower() in _GEOJSON_SUFFIXES
                else _stations_tsv
            )
            for station in reader(pack.path):
                seen.setdefault(station.key, station)
        return list(seen.values())

    def rail_lines(self) -> list[dict]:
        """GeoJSON features of railway lines."""
        out: list[dict] = []
        for pack in self.of_kind("rail_lines"):
            out.extend(f for f in _read_json(pack.path)["features"] if f.get("geometry"))
        return out

    def countries(self) -> list[CountryShape]:
        """Country polygons; where several files hold a country, the most detailed wins."""
        best: dict[str, tuple[int, CountryShape]] = {}
        for pack in self.of_kind("admin0"):
            for feat in _read_json(pack.path)["features"]:
                props = feat.get("properties") or {}
                iso2 = str(props.get("ISO_A2") or "")
                if not re.fullmatch(r"[A-Z]{2}", iso2) or not feat.get("geometry"):
                    continue
                if props.get("clipped_to_lon_le_40"):
                    continue  # a clipped country outline would draw a false border
                names = tuple(
                    str(props[k])
                    for k in ("NAME", "NAME_LONG", "NAME_EN", "NAME_RU", "NAME_UK")
                    if props.get(k)
                ) + _translated_names(props)
                shape = CountryShape(iso2, str(props.get("ISO_A3") or ""), names, feat["geometry"])
                size = _vertex_count(feat["geometry"])
                if iso2 not in best or size > best[iso2][0]:
                    best[iso2] = (size, shape)
        return [shape for _, shape in best.values()]

    def regions(self) -> list[RegionShape]:
        """Admin-1 polygons, each region once, from the most detailed file that has it."""
        coded, uncoded, _finer = self._region_shapes
        # Polygons without codes (MAPS.ME) borrow the codes of the coded region whose
        # label point they contain; then the finer outline of each region wins.
        if uncoded and coded:
            uncoded = [_adopt_codes(shape, coded) for shape in uncoded]
        best: dict[str, RegionShape] = {}
        for shape in coded + uncoded:
            key = shape.admin1_code or "|".join(shape.names)
            if key not in best or shape.vertices > best[key].vertices:
                if key in best:
                    shape = RegionShape(
                        names=tuple(dict.fromkeys(best[key].names + shape.names)),
                        country_code=shape.country_code or best[key].country_code,
                        admin1_code=shape.admin1_code,
                        geonameid=shape.geonameid or best[key].geonameid,
                        geometry=shape.geometry,
                        label=best[key].label or shape.label,
                        vertices=shape.vertices,
                    )
                best[key] = shape
        return list(best.values())

    def subregions(self) -> list[RegionShape]:
        """Polygons of units below admin-1 (English counties, French departments), without
        codes: Natural Earth gives them admin-1 codes GeoNames uses for other regions."""
        return self._region_shapes[2]

    @cached_property
    def _region_shapes(self) -> tuple[list[RegionShape], list[RegionShape], list[RegionShape]]:
        """(coded, uncoded, finer) polygons of the admin-1 packs, read once."""
        coded: list[RegionShape] = []
        uncoded: list[RegionShape] = []
        for pack in self.of_kind("admin1"):
            for feat in _read_json(pack.path)["features"]:
                shape = _region_shape(feat)
                if shape is not None:
                    (coded if shape.admin1_code else uncoded).append(shape)
        # Natural Earth codes some countries' finer units with GeoNames-like codes that
        # name other regions (FR.75 is Nouvelle-Aquitaine, not Paris): where the code table
        # is known, a polygon keeps its code only if it is GeoNames' own for the same place.
        known = {code: gid for code, _name, _ascii, gid in self.admin1_codes()}
        if not known:
            return coded, uncoded, []

        def geonames_own(shape: RegionShape) -> bool:
            gid = known.get(shape.admin1_code or "")
            return gid is not None and shape.geonameid in (None, gid)

        finer = [replace(s, admin1_code=None, geonameid=None) for s in coded if not geonames_own(s)]
        return [s for s in coded if geonames_own(s)], uncoded, finer


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            yield line.rstrip("\r\n").split("\t")


def _vertex_count(geometry: dict) -> int:
    def count(coords) -> int:
        if coords and isinstance(coords[0], (int, float)):
            return 1
        return sum(count(c) for c in coords)

    return count(geometry.get("coordinates") or [])


_STATION_KIND = {"ст": "station", "оп": "stop", "рзд": "passing loop", "пп": "halt"}


def _stations_geojson(path: Path) -> Iterator[Station]:
    for feat in _read_json(path)["features"]:
        geom = feat.get("geometry") or {}
        if geom.get("type") != "Point":
            continue
        lon, lat = geom["coordinates"][:2]
        props = feat.get("properties") or {}
        names = tuple(
            dict.fromkeys(
                str(props[k]).strip()
                for k in (
                    "name",
                    "name_ru",
                    "osm_name_ru",
                    "name_be",
                    "name_uk",
                    "name_en",
                    "name_ru_old",
                )
                if props.get(k)
            )
        )
        if not names:
            continue
        code = props.get("esr_code") or props.get("osm_id") or props.get("osm_node_id")
        # ESR codes are the Belarusian Railways' own; others get their country from the
        # admin-0 polygons when the index is built.
        country = "BY" if "esr_code" in props else None
        kind = _STATION_KIND.get(str(props.get("kind")), None) or (
            "halt" if str(props.get("fclass")) == "railway_halt" else "station"
        )
        yield Station(
            key=f"station:{country or 'XX'}:{code or names[0]}",
            names=names,
            lat=float(lat),
            lon=float(lon),
            country_code=country,
            admin1_name=props.get("oblast_ru"),
            kind=kind,
        )


def _stations_tsv(path: Path) -> Iterator[Station]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = [h.strip().lower() for h in next(reader, [])]
        col = {h: i for i, h in enumerate(header)}
        code_col = next((col[h] for h in ("esr", "esr_code", "код", "code") if h in col), None)
        for row in reader:
            if len(row) != len(header):
                continue
            try:
                lat, lon = float(row[col["lat"]]), float(row[col["lon"]])
            except ValueError:
                continue
            # name columns: any other text column holding letters and no digits
            names = tuple(
                dict.fromkeys(
                    cell.strip()
                    for i, cell in enumerate(row)
                    if i not in (code_col, col["lat"], col["lon"])
                    and cell.strip()
                    and not any(ch.isdigit() for ch in cell)
                    and len(cell.strip()) > 2
                    and i >= 4  # region and district columns come first
                )
            )
            names = tuple(n for n in names if n not in _STATION_KIND)
            if not names:
                continue
            code = row[code_col] if code_col is not None else names[0]
            yield Station(
                key=f"station:BY:{code}" if code_col is not None else f"station:XX:{code}",
                names=names,
                lat=lat,
                lon=lon,
                country_code="BY" if code_col is not None else None,
                admin1_name=row[0] or None,
                kind=_STATION_KIND.get(row[col.get("тып", 4)], "station")
                if len(row) > 4
                else "station",
            )


_COUNTRY_NAMES = {
    "belarus": "BY",
    "ukraine": "UA",
    "poland": "PL",
    "lithuania": "LT",
    "latvia": "LV",
    "russia": "RU",
    "estonia": "EE",
    "moldova": "MD",
}


def _region_shape(feat: dict) -> RegionShape | None:
    geom = feat.get("geometry")
    props = feat.get("properties") or {}
    if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    code = props.get("gn_a1_code")
    code = str(code) if code and _ADMIN1_CODE.match(str(code)) else None
    names: list[str] = []
    for key in ("name", "name_local", "gn_name", "region"):
        value = props.get(key)
        if value:
            names.append(str(value))
    if props.get("name_alt"):
        names.extend(n.strip() for n in str(props["name_alt"]).split("|") if n.strip())
    names = [re.sub(r"\s+(Region|Oblast|Voblast)$", "", n) for n in names]
    country = code[:2] if code else None
    if country is None:
        iso = str(props.get("iso_3166_2") or "")
        if re.match(r"^[A-Z]{2}-", iso):
            country = iso[:2]
        else:
            country = _COUNTRY_NAMES.get(str(props.get("country", "")).split(" ")[0].lower())
    label = None
    if props.get("longitude") is not None and props.get("latitude") is not None:
        label = (float(props["longitude"]), float(props["latitude"]))
    gn_id = props.get("gn_id")
    return RegionShape(
        names=tuple(dict.fromkeys(names)),
        country_code=country,
        admin1_code=code,
        geonameid=int(gn_id) if isinstance(gn_id, (int, float)) and gn_id > 0 else None,
        geometry=geom,
        label=label,
        vertices=_vertex_count(geom),
    )


def _adopt_codes(shape: RegionShape, coded: list[RegionShape]) -> RegionShape:
    from shapely.geometry import Point
    from shapely.geometry import shape as to_shape

    outline = to_shape(shape.geometry)
    for other in coded:
        if other.label is None or (shape.country_code and other.country_code != shape.country_code):
            continue
        if outline.contains(Point(other.label)):
            # City-regions (Minsk, Kyiv) sit inside their oblast: prefer the region
            # whose own name the polygon carries.
            if other.names and shape.names and not _names_overlap(other.names, shape.names):
                if other.vertices < 200:
                    continue
            return RegionShape(
                names=tuple(dict.fromkeys(shape.names + other.names)),
                country_code=other.country_code,
                admin1_code=other.admin1_code,
                geonameid=other.geonameid,
                geometry=shape.geometry,
                label=other.label,
                vertices=shape.vertices,
            )
    return shape


def _names_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    from rapidfuzz import fuzz

    return any(fuzz.ratio(x.lower(), y.lower()) >= 70 for x in a for y in b)


def _translated_names(props: dict) -> tuple[str, ...]:
    """The Polish and German names wire copy uses ("Białoruś", "Weißrussland"), but not one
    that is an English word for something else (German "Island" is Iceland) or a given name
    ("Dania", "Kenia": a woman in an English text)."""
    english = {str(props.get(k) or "") for k in ("NAME", "NAME_EN", "NAME_LONG")}
    return tuple(
        str(props[k])
        for k in ("NAME_PL", "NAME_DE")
        if props.get(k) and translation_kept(str(props[k]), english)
    )


def translation_kept(name: str, english: set[str]) -> bool:
    """Whether a country's name in another language may stand for it in any text: it is its
    English name, or neither an English word ("Island", "Indie") nor a given name ("Dania")."""
    from wordfreq import zipf_frequency

    return name in english or (
        zipf_frequency(name, "en") < _ENGLISH_WORD_ZIPF
        and _given_names().get_gender(name) == "unknown"
    )


@lru_cache(maxsize=1)
def _given_names():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


#: a translated name as frequent as this in English is an English word ("Island", "Wake")
_ENGLISH_WORD_ZIPF = 3.0
