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
# the key holds one of its spellings: an "in" test costs a tenth of a regex pass. Most
# names hold none, which one search over all of them tells.
_SHCH = re.compile(r"shch|sch|szcz")
_TCH = re.compile(r"tsch|tch|cz|ch|tsh")
_SH = re.compile(r"sz|sh|zs")
_ZH = re.compile(r"zh|zj|rz")
_KH = re.compile(r"kh|ch|x")
_TS = re.compile(r"ts|tz")
_ANY_SPELLING = re.compile(r"sch|szcz|ch|cz|tsh|sz|sh|zs|zh|zj|rz|kh|x|ts|tz")
_SAME_SOUND = bytes.maketrans(b"gwjy", b"hvii")  # bytes: str.translate is 4 times slower
_DOUBLED = re.compile(r"([a-z])(?=\1)")  # a letter goes when the next is the same
_ANY_DOUBLED = re.compile(r"([a-z])\1")  # a search for one is twice as fast as the fold
_IE = re.compile(r"(?<=[^aeiou])ie")
_NOT_LETTER = re.compile(r"[^a-z]")
_VOWELS = "aeiou"


def _fold_spellings(key: str) -> str:
    if "shch" in key or "sch" in key or "szcz" in key:
        key = _SHCH.sub("s", key)
    if "ch" in key or "cz" in key or "tsh" in key:
        key = _TCH.sub("c", key)
    if "sz" in key or "sh" in key or "zs" in key:
        key = _SH.sub("s", key)
    if "zh" in key or "zj" in key or "rz" in key:
        key = _ZH.sub("z", key)
    if "kh" in key or "ch" in key or "x" in key:
        key = _KH.sub("h", key)
    if "ts" in key or "tz" in key:
        key = _TS.sub("c", key)
    return key


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """A loose phonetic key for romanisation variants of Slavic names.

    >>> skeleton("Zagattya") == skeleton("Zahattia") == skeleton("Zagat'ye")
    True
    """
    key = name_key(name if name.isascii() else anyascii(name)).replace(" ", "")
    if not (key.isascii() and key.isalpha()):  # keys are lower case: isalpha means a-z
        key = _NOT_LETTER.sub("", key)
    if _ANY_SPELLING.search(key):  # 6 in 7 of the benchmarks' names hold none
        key = _fold_spellings(key)
    key = key.encode().translate(_SAME_SOUND).decode()  # g/h, w/v, j/y/i
    if "ph" in key:
        key = key.replace("ph", "f")
    if _ANY_DOUBLED.search(key):  # 1 name in 4
        key = _DOUBLED.sub("", key)  # no "ii" is left either
    # a last "e" or "ie" after a consonant is "ia" (Zagat'ye, Zahattia)
    if key.endswith("e") and len(key) > 1:
        if key[-2] not in _VOWELS:
            key = key[:-1] + "ia"
        elif key[-2] == "i" and len(key) > 2 and key[-3] not in _VOWELS:
            key = key[:-2] + "ia"
    if "ie" in key:
        key = _IE.sub("e", key)
    return key
