"""East Slavic place names as German, French, Spanish, Polish and Belarusian Łacinka write
them, respelt in the English romanisation the gazetteer knows: "Schlobin" and "Jlobine" are
Zhlobin, "Stolbzy" is Stolbtsy, "Naroŭla" is Narovlya, "Tschernihiw" is Chernihiv,
"Jmelnitski" is Khmelnitskiy.

Each spelling system renders the same Cyrillic letters its own way (Ж is German "sch", French
"j", Polish "ż"; Ц is German "z", Polish "c"). A rule maps one such rendering back to its
English ones; a word is respelt by every combination of the rules that apply to it. The
candidates are only spellings: the caller keeps those the gazetteer has and the text's
countries allow.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import product

# (written, English renderings), longest first within each system, applied left to right.
_GERMAN = (
    ("tsch", ("ch",)),
    ("sch", ("zh", "sh")),
    ("ch", ("kh", "ch")),
    ("tz", ("ts",)),
    ("z", ("ts", "z")),
    ("w", ("v",)),
    ("j", ("y", "i")),
    ("ss", ("s",)),
)
_FRENCH = (
    ("tch", ("ch",)),
    ("ch", ("sh", "ch")),
    ("j", ("zh",)),
    ("ou", ("u",)),
    ("ï", ("i", "y")),
    ("kh", ("kh",)),
)
# Spanish: Х is "j" ("Járkov", "Jmelnitski"), a hard г before e/i is "gu" ("Moguiliov"), ё
# after a consonant is "io", and an adjective's -ский is "-ski" ("Jmelnitski" is Khmelnitskiy)
_SPANISH = (
    ("gui", ("gi",)),
    ("gue", ("ge",)),
    ("j", ("kh",)),
    ("io", ("yo", "io")),
    ("ski", ("skiy", "ski")),
)
_POLISH = (
    ("szcz", ("shch",)),
    ("cz", ("ch",)),
    ("sz", ("sh",)),
    ("rz", ("zh", "r")),
    ("ż", ("zh",)),
    ("ł", ("l",)),
    ("w", ("v",)),
    ("c", ("ts", "k")),
    ("ó", ("o",)),
    ("ń", ("n",)),
    ("ś", ("s",)),
    ("ź", ("z",)),
    ("ć", ("ts",)),
)
# Łacinka: "la" is ля (a soft l), "ła" is ла; ŭ is ў, which Russian forms spell "v"
_LACINKA = (
    ("ŭ", ("v", "u", "")),
    ("č", ("ch",)),
    ("š", ("sh",)),
    ("ž", ("zh",)),
    ("ć", ("ts",)),
    ("ś", ("s",)),
    ("ź", ("z",)),
    ("ł", ("l",)),
    ("la", ("lya", "la")),
    ("lu", ("lyu", "lu")),
    ("ia", ("ya",)),
    ("ie", ("ye",)),
    ("iu", ("yu",)),
)
# Belarusian names romanised from Belarusian ("Azarychy", "Halasheuka") to the Russian forms
# the gazetteer often holds alone (Ozarichi, Goloshevka): Г is "h" not "g", unstressed О is
# written А (akanne), ЎКА is "uka" not "vka", and И is "y" where Russian has "i"
_BELARUSIAN = (
    ("euka", ("evka",)),
    ("auka", ("avka", "ovka")),
    ("ou", ("ov",)),
    ("ch", ("ch",)),
    ("sh", ("sh",)),
    ("zh", ("zh",)),
    ("kh", ("kh",)),
    ("ie", ("e", "ie")),
    ("dz", ("d", "dz")),
    ("ya", ("ya", "ia")),
    ("h", ("g", "h")),
    ("a", ("o", "a")),
    ("y", ("i", "y")),
)
_POLISH_LETTERS = set("łżźśćńęąó")
_POLISH_DIGRAPHS = ("rz", "cz", "szcz")
_LACINKA_LETTERS = set("ŭčšžćśźł")
#: where East Slavic names are at home: a respelling means a place there, never "Esher" for
#: the painter Escher
EAST_SLAVIC_COUNTRIES = frozenset({"BY", "UA", "RU"})
#: a word respelt more ways than this is left alone (each way is one lookup)
MAX_RESPELLINGS = 64


def unmistakable(word: str) -> bool:
    """Spelt in a way English never spells a name ("Schlobin", "Tschernihiw", "Naroŭla"), so
    that a respelling needs no country named beside it; "Nassar" or "Escher" are surnames."""
    lower = word.lower()
    return bool(set(lower) & (_LACINKA_LETTERS | _POLISH_LETTERS)) or any(
        marker in lower for marker in ("tsch", "sch", "tch", "itschi", "owitsch")
    )


def belarusian_respellings(word: str) -> list[str]:
    """The Russian-romanised forms of a name romanised from Belarusian ("Azarychy" →
    "ozarichi"), without the word itself; they stand for places in Belarus only."""
    lower = _plain(word.lower(), keep=set())
    return [form for form in _respell(lower, _BELARUSIAN) if form != lower][:MAX_RESPELLINGS]


def respellings(word: str, language: str = "en") -> list[str]:
    """English-romanised spellings the word may stand for, without the word itself; the
    Spanish ones only in a Spanish text (``language`` "es"), where "j" cannot be German's."""
    lower = word.lower()
    letters = set(lower)
    systems = []
    if letters & _LACINKA_LETTERS and not letters & {"ó", "ż", "ń", "ą", "ę"}:
        systems.append(_LACINKA)
    # Polish letters, or the digraphs no other system writes ("Rzeczyca" is Rechytsa)
    if letters & _POLISH_LETTERS or any(digraph in lower for digraph in _POLISH_DIGRAPHS):
        systems.append(_POLISH)
    systems += [_GERMAN, _FRENCH] + ([_SPANISH] if language == "es" else [])
    out: list[str] = []
    for rules in systems:
        for spelling in _respell(_plain(lower, keep=_LACINKA_LETTERS | _POLISH_LETTERS), rules):
            # French writes a silent final e ("Jlobine", "Rovne" stays); German an s between
            # vowels for З, which sounds so there ("Mosyr" is Mozyr)
            voiced = _GERMAN_VOICED_S.sub("z", spelling) if rules is _GERMAN else None
            for form in (spelling, spelling[:-1] if spelling.endswith("ine") else None, voiced):
                if form and form != lower and form not in out:
                    out.append(form)
    return out[:MAX_RESPELLINGS]


_GERMAN_VOICED_S = re.compile(r"(?<=[aeiouy])s(?=[aeiouy])")


def _respell(word: str, rules) -> list[str]:
    """Every combination of the rules' renderings, cutting the word into pieces first."""
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        for written, renderings in rules:
            if word.startswith(written, i):
                pieces.append(renderings)
                i += len(written)
                break
        else:
            pieces.append((word[i],))
            i += 1
    choices = 1
    for piece in pieces:
        choices *= len(piece)
    if choices > MAX_RESPELLINGS:
        return []
    return ["".join(combination) for combination in product(*pieces)]


def _plain(word: str, keep: set[str]) -> str:
    """Accents off except the letters a spelling system reads ("Nikolaïev" → "nikolaïev" stays
    for the French rule on ï; "é" → "e")."""
    out = []
    for ch in word:
        if ch in keep or ch == "ï":
            out.append(ch)
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            )
    return "".join(out)
