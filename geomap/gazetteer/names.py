"""Name keys: how a written place name is turned into something to look up.

Three levels, from strict to loose:

- :func:`name_key` — case, diacritics, apostrophes and hyphens folded; Cyrillic stays
  Cyrillic. "Homyel’" and "homyel" share a key; "Гомель" has its own.
- :func:`latin_variants` — romanisations of a Cyrillic name in the systems that news
  reports use (Russian BGN/PCGN and Wikipedia, Ukrainian national, Belarusian).
- :func:`skeleton` — a phonetic key that merges what romanisation systems disagree on
  (g/h, kh/h, y/i/j, ts/c, doubled letters...): "Zagattya", "Zahattia" and "Zahatja" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Latin letters that NFKD does not decompose.
_LATIN_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
    }
)
_DROP = re.compile(r"[’'ʼ`ʹ′‘´\.\u02bb\u02bc]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,()]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=200_000)  # names recur within and across documents
def name_key(name: str) -> str:
    """The exact-match key of a name.

    >>> name_key("Homyel’") == name_key("HOMYEL") == "homyel"
    True
    >>> name_key("Petropavlovsk-Kamchatsky")
    'petropavlovsk kamchatsky'
    """
    folded = unicodedata.normalize("NFKD", name.translate(_LATIN_FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _DROP.sub("", folded)
    return _SEPARATORS.sub(" ", folded).strip()


def is_cyrillic(name: str) -> bool:
    return bool(_CYRILLIC.search(name))


def cyrillic_language(name: str) -> tuple[str, ...]:
    """Which of Belarusian, Ukrainian, Russian a Cyrillic name can be, by its letters."""
    lower = name.lower()
    if "ў" in lower:
        return ("be",)
    if any(ch in lower for ch in "їєґ"):
        return ("uk",)
    if "і" in lower:
        return ("uk", "be")
    if any(ch in lower for ch in "ыэъё"):
        return ("ru",)
    return ("ru", "uk")


def _russian(name: str) -> list[str]:
    import iuliia

    return [iuliia.WIKIPEDIA.translate(name), iuliia.BGN_PCGN.translate(name)]


def _ukrainian(name: str) -> list[str]:
    from transliterate import translit

    return [translit(name, "uk", reversed=True)]


_LANG_ROMANISERS = {"ru": _russian, "uk": _ukrainian, "be": lambda name: []}


def latin_variants(name: str) -> list[str]:
    """Romanisations of a Cyrillic name; empty for a Latin one.

    >>> "Zhytomyr" in latin_variants("Житомир")
    True
    """
    if not is_cyrillic(name):
        return []
    out = [anyascii(name)]
    for lang in cyrillic_language(name):
        out.extend(_LANG_ROMANISERS[lang](name))
    return [anyascii(v) for v in dict.fromkeys(out) if v]


# Order matters: longer spellings first.
_SKELETON_RULES = [
    (re.compile(r"shch|sch|szcz"), "s"),
    (re.compile(r"tsch|tch|cz|ch|tsh"), "c"),
    (re.compile(r"sz|sh|zs"), "s"),
    (re.compile(r"zh|zj|rz"), "z"),
    (re.compile(r"kh|ch|x"), "h"),
    (re.compile(r"g"), "h"),
    (re.compile(r"ts|tz|c"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"i+"), "i"),
    (re.compile(r"(?<=[^aeiou])ie\b|(?<=[^aeiou])e\b"), "ia"),
    (re.compile(r"(?<=[^aeiou])ie"), "e"),
    (re.compile(r"ii\b|ij\b"), "i"),
]


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """A loose phonetic key for romanisation variants of Slavic names.

    >>> skeleton("Zagattya") == skeleton("Zahattia") == skeleton("Zagat'ye")
    True
    """
    key = name_key(anyascii(name)).replace(" ", "")
    key = re.sub(r"[^a-z]", "", key)
    for pattern, repl in _SKELETON_RULES:
        key = pattern.sub(repl, key)
    return key
