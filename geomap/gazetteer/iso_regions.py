"""The names first-level regions go by in their own language and in wire copy's, from
ISO 3166-2 (pycountry and its translations), matched to GeoNames admin-1 codes.

GeoNames' code table gives one English name ("Bavaria", "Sicily", "Hesse"); reports write
"Bayern", "Sicilia", "Hessen", "Baviera", "Sycylia". ISO 3166-2 carries no GeoNames code,
so each top-level subdivision is paired with the admin-1 region of its country whose name
one of its translations spells (any of pycountry's languages), and what is left over by the
most alike names, each the other's best, above a floor.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from pathlib import Path

from .names import name_key

#: languages whose names are added: English and wire copy's, and Russian and Ukrainian
#: for texts in Cyrillic ("Бавария")
ADDED_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "pl", "nl", "cs", "ru", "uk")
#: the least rapidfuzz ratio of two names' keys for a left-over pair ("an tsicil" and
#: "sicily" pair at 92, "ivanovskaya" and "ivanovo" at 67); below it a region stays unpaired
_FLOOR = 65
# "Asturias, Principado de" -> "Asturias"; "Wales [Cymru GB-CYM]" -> "Wales", "Cymru"
_ALTERNATE = re.compile(r"\s*\[([^\]]*)\]")
# "Guyane (française)" -> "Guyane"
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
_ISO_CODE = re.compile(r"\s+[A-Z]{2}-\w+$")
# a region's name that is only a compass point or "centre" in some language: "Est", "Nord",
# "Sud-Est", "Centrale", "Pays du Sud" say nothing a reader would look up
_GENERIC = frozenset(
    "nord sud est ouest centre centrale central centro norte sur este oeste north south "
    "east west pays du de del region regione".split()
)
# the region words _key leaves out, so "Omskaya oblast'" and "Omsk Oblast" compare on "oms.."
_REGION_WORDS = re.compile(
    r"\b(?:oblast|oblastʹ|oblast'|voblast|voblasc|krai|kray|state|province|region|county|"
    r"respublika|republic|sheng|shi|zizhiqu|zupanija|kraj|lan|voivodeship|governorate)\b"
)


def _written(name: str) -> set[str]:
    """The names one catalogue string holds."""
    out = set()
    alternate = _ALTERNATE.search(name)
    parts = [_ALTERNATE.sub("", name)] + ([alternate.group(1)] if alternate else [])
    for part in parts:
        part = _ISO_CODE.sub("", _QUALIFIER.sub("", part).strip()).split(",")[0].strip()
        # (not a qualifier: "Amānat al ‘Āşimah [city]")
        if part[:1].isupper() and not set(re.split(r"[\s-]+", part.lower())) <= _GENERIC:
            out.add(part)
    return out


def _key(name: str) -> str:
    return " ".join(_REGION_WORDS.sub(" ", name_key(name)).split())


def _catalogues(locales: Path) -> dict[str, gettext.NullTranslations]:
    return {
        path.parents[1].name: gettext.GNUTranslations(path.open("rb"))
        for path in sorted(locales.glob("*/LC_MESSAGES/iso3166-2.mo"))
    }


def region_names(admin1: Iterable[tuple[str, str, str]]) -> dict[str, tuple[set[str], set[str]]]:
    """Admin-1 code ("DE.02") -> the region's own names ("Bayern") and its names in
    :data:`ADDED_LANGUAGES` ("Bavaria", "Bavière", "Baviera", "Bawaria", "Бавария"), for each
    region paired.

    ``admin1`` is GeoNames' code table: (code, name, ascii name) rows. The caller decides
    which translations to keep.
    """
    import pycountry
    from rapidfuzz import fuzz

    catalogues = _catalogues(Path(pycountry.LOCALES_DIR))
    by_country: dict[str, dict[str, set[str]]] = {}
    for code, name, ascii_name in admin1:
        keys = {_key(name), _key(ascii_name)} - {""}
        by_country.setdefault(code.split(".")[0], {})[code] = keys
    out: dict[str, tuple[set[str], set[str]]] = {}
    for cc, regions in sorted(by_country.items()):
        subdivisions = sorted(
            (s for s in pycountry.subdivisions.get(country_code=cc) or () if not s.parent_code),
            key=lambda s: s.code,
        )
        spelled = {
            s.code: _written(s.name).union(
                *(_written(c.gettext(s.name)) for c in catalogues.values())
            )
            for s in subdivisions
        }
        keys = {code: {_key(n) for n in names} - {""} for code, names in spelled.items()}
        pairs: dict[str, str] = {}
        left = dict(regions)
        for iso in sorted(keys):
            hits = [code for code, region_keys in left.items() if region_keys & keys[iso]]
            if len(hits) == 1:
                pairs[iso] = hits[0]
                del left[hits[0]]
        # the rest by likeness, the most alike pair first, each region and subdivision once
        scored = sorted(
            (
                (-max(fuzz.ratio(a, b) for a in keys[iso] for b in region_keys), iso, code)
                for iso in keys
                if iso not in pairs and keys[iso]
                for code, region_keys in left.items()
            )
        )
        for score, iso, code in scored:
            if -score < _FLOOR:
                break
            if iso not in pairs and code in left:
                pairs[iso] = code
                del left[code]
        names = {s.code: s.name for s in subdivisions}
        for iso, code in pairs.items():
            own = names[iso]
            if not _written(own):
                continue  # "Centre", "Nord": its translations are compass words too ("Centralny")
            translated = set().union(
                *(
                    _written(catalogues[lang].gettext(own))
                    for lang in ADDED_LANGUAGES
                    if lang in catalogues
                )
            )
            out[code] = (_written(own), translated - _written(own))
    return out
