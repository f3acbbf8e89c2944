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
# Marks dropped outright, and separators that become spaces.
_DROPPED = "’'ʼ`ʹ′‘´.\u02bb\u02bc"
_SEPARATORS = "-‐‑‒–—_/,()"
_PUNCTUATION = str.maketrans(dict.fromkeys(_DROPPED) | dict.fromkeys(_SEPARATORS, " "))
# The same for ASCII names as a bytes table: str.translate looks each character up in a
# dict, bytes.translate in a table, several times faster.
_ASCII_DROPPED = "".join(ch for ch in _DROPPED if ch.isascii()).encode()
_ASCII_SEPARATORS = "".join(ch for ch in _SEPARATORS if ch.isascii()).encode()
_ASCII_PUNCTUATION = bytes.maketrans(_ASCII_SEPARATORS, b" " * len(_ASCII_SEPARATORS))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Countries whose own language is written in Cyrillic: their Cyrillic names are their own.
CYRILLIC_COUNTRIES = frozenset({"BY", "UA", "RU", "KZ", "KG", "BG", "RS", "MK", "MN", "TJ"})


@lru_cache(maxsize=200_000)  # names recur within and across documents
def name_key(name: str) -> str:
    """The exact-match key of a name.

    >>> name_key("Homyel’") == name_key("HOMYEL") == "homyel"
    True
    >>> name_key("Petropavlovsk-Kamchatsky")
    'petropavlovsk kamchatsky'
    """
    if name.isascii():  # nothing to decompose, and lower() is casefold() for ASCII
        folded = name.encode().lower().translate(_ASCII_PUNCTUATION, _ASCII_DROPPED).decode()
    else:
        name = unicodedata.normalize("NFKD", name.translate(_LATIN_FOLD))
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
        folded = name.casefold().translate(_PUNCTUATION)
    # runs of whitespace and separators become one space
    return " ".join(folded.split())


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


# Romanisation spellings folded in order, longer spellings first. Each rule runs only when
# the key holds a text that every match of it holds: an "in" test costs a tenth of a
# regex pass, and most names hold few of the spellings.
_SHCH = re.compile(r"shch|sch|szcz")
_TCH = re.compile(r"tsch|tch|cz|ch|tsh")
_SH = re.compile(r"sz|sh|zs")
_ZH = re.compile(r"zh|zj|rz")
_KH = re.compile(r"kh|ch|x")
_TS = re.compile(r"ts|tz|c")
_DOUBLED = re.compile(r"([a-z])(?=\1)")  # a letter goes when the next is the same
_IS = re.compile(r"i+")
_ENDING_E = re.compile(r"(?<=[^aeiou])ie\b|(?<=[^aeiou])e\b")
_IE = re.compile(r"(?<=[^aeiou])ie")
_ENDING_II = re.compile(r"ii\b|ij\b")
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
    if "c" in key:
        key = _SHCH.sub("s", key)
    if "c" in key or "tsh" in key:
        key = _TCH.sub("c", key)
    if "s" in key:
        key = _SH.sub("s", key)
    if "z" in key:
        key = _ZH.sub("z", key)
    if "h" in key or "x" in key:
        key = _KH.sub("h", key)
    key = key.replace("g", "h")
    if "t" in key or "c" in key:
        key = _TS.sub("c", key)
    key = key.replace("w", "v").replace("ph", "f").replace("j", "i").replace("y", "i")
    key = _DOUBLED.sub("", key)
    if "ii" in key:
        key = _IS.sub("i", key)
    if key.endswith("e"):  # letters only: \b is an end, and a first "e" has no letter before
        key = _ENDING_E.sub("ia", key)
    if "ie" in key:
        key = _IE.sub("e", key)
    if "ii" in key or "ij" in key:
        key = _ENDING_II.sub("i", key)
    return key
