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
# Marks dropped outright and separators turned into spaces, in one str.translate.
_PUNCTUATION = str.maketrans(
    dict.fromkeys("’'ʼ`ʹ′‘´.\u02bb\u02bc") | dict.fromkeys("-‐‑‒–—_/,()", " ")
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=200_000)  # names recur within and across documents
def name_key(name: str) -> str:
    """The exact-match key of a name.

    >>> name_key("Homyel’") == name_key("HOMYEL") == "homyel"
    True
    >>> name_key("Petropavlovsk-Kamchatsky")
    'petropavlovsk kamchatsky'
    """
    if not name.isascii():  # ASCII has nothing to decompose: skip the slow part
        name = unicodedata.normalize("NFKD", name.translate(_LATIN_FOLD))
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    # split() splits on exactly the whitespace that a regex \s matches
    return " ".join(name.casefold().translate(_PUNCTUATION).split())


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


# Order matters: longer spellings first. Each rule is (pattern, replacement, a text the
# name must hold for the rule to change it): a cheap "in" test that saves a regex pass.
_SKELETON_RULES = [
    (r"shch|sch|szcz", "s", "c"),
    (r"tsch|tch|cz|ch|tsh", "c", ""),
    (r"sz|sh|zs", "s", "s"),
    (r"zh|zj|rz", "z", "z"),
    (r"kh|ch|x", "h", ""),
    (r"g", "h", "g"),
    (r"ts|tz|c", "c", ""),
    (r"w", "v", "w"),
    (r"ph", "f", "ph"),
    (r"[jy]", "i", ""),
    # doubled letters once: a letter goes when the next is the same (a replacement
    # without a group reference stays in C)
    (r"([a-z])(?=\1)", "", ""),
    (r"i+", "i", "ii"),
    (r"(?<=[^aeiou])ie\b|(?<=[^aeiou])e\b", "ia", "e"),
    (r"(?<=[^aeiou])ie", "e", "ie"),
    (r"ii\b|ij\b", "i", "i"),
]
_SKELETON_PASSES = [
    (re.compile(pattern).sub, repl, needs) for pattern, repl, needs in _SKELETON_RULES
]
_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """A loose phonetic key for romanisation variants of Slavic names.

    >>> skeleton("Zagattya") == skeleton("Zahattia") == skeleton("Zagat'ye")
    True
    """
    key = name_key(anyascii(name)).replace(" ", "")
    if not (key.isascii() and key.isalpha()):  # keys are lower case: isalpha means a-z
        key = _NOT_LETTER.sub("", key)
    for substitute, repl, needs in _SKELETON_PASSES:
        if needs in key:  # "" is in every key
            key = substitute(repl, key)
    return key
