"""Document → mentions: find the places a text names.

Gazetteer-driven: every run of capitalised words is looked up, longest first, in the name
trie. What the words around a name say decides whether it is a place and what kind:

- rules that reject: a first name or title before it ("Oleksandr Kamyshin", "Mr. Kamyshin"),
  a unit or organisation title around it ("150th Idritsa-Berlin ... Division",
  "Belarusian Railways"), an ordinary English word that only happens to be a village
  ("Police", "March");
- rules that shape: "X region"/"the X, Y and Z regions" (``region``), "the X direction"
  (``direction``), "X branch" of a railway (``branch``), "X station" (``station``),
  "the A–B section" (``section``: two stations), "the Ukrainian border" / "the border with
  Ukraine" (``border``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .gazetteer.names import name_key
from .lexicon import (
    ADMIN2_WORDS,
    FUNCTION_WORDS,
    MONTHS,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PLACE_MODIFIERS,
    REGION_PLURALS,
    REGION_WORDS,
    WEEKDAYS,
    demonym_country_stems,
    is_common_word,
    is_ordinal,
)
from .models import Document, Mention


class NameIndex(Protocol):
    """What recognition needs of a gazetteer."""

    def has_key(self, key: str) -> bool: ...

    def has_prefix(self, key: str) -> bool: ...

    def best_population(self, key: str) -> tuple[int, str]: ...

    def country_named(self, key: str, prefix: bool = False) -> str | None: ...

    def only_alternate(self, key: str) -> bool: ...

    def demonym_of(self, key: str) -> str | None: ...


_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐЎ"
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ][^\W\d_]{2,})*|\d+(?:st|nd|rd|th)?", re.UNICODE)
# \b and possessive quantifiers: a name starts a word and is never taken apart again, so a
# long run of letters costs linear time, not quadratic (100,000 letters took hours)
_NAME = rf"\b[{_UPPER}][^\W\d_]++(?:['’ʼ][^\W\d_]{{2,}})*+"
_NAME2 = rf"{_NAME}(?:[ \-]{_NAME})?"
_DASH = r"\s?[-–—‐‑]\s?"
#: words looked at on each side of a name for the title it may sit in (longer than any title)
_TITLE_REACH = 16

_SECTION = re.compile(
    rf"(?P<a>{_NAME2}){_DASH}(?P<b>{_NAME2})\s+(?:(?:railway|rail|railroad)\s+)?"
    r"(?P<head>section|stretch|segment|haul|span|railway line|rail line|railroad line|railway|railroad)\b"
)
_BETWEEN_STATIONS = re.compile(
    rf"between\s+(?:the\s+)?(?:stations\s+(?:of\s+)?)?(?P<a>{_NAME2})\s+and\s+(?P<b>{_NAME2})\s+(?:railway\s+)?stations\b"
)
_BORDER_ADJ = re.compile(rf"(?P<a>{_NAME})(?:{_DASH}(?P<b>{_NAME}))?\s+(?:state\s+)?border\b")
_BORDER_WITH = re.compile(rf"\bborders?\s+(?:with|of)\s+(?:the\s+)?(?P<a>{_NAME})")
_BORDER_BETWEEN = re.compile(
    rf"\b(?:border|(?:railway|rail|railroad|train)\s+(?:connections?|traffic|links?|communications?|services?))\s+"
    rf"between\s+(?:the\s+)?(?P<a>{_NAME})\s+and\s+(?:the\s+)?(?P<b>{_NAME})"
)

_ADJECTIVAL_PLACE = re.compile(
    rf"\b(?P<adj>(?P<stem>[{_UPPER}][a-z]+?)(?:skiy|skyi|skij|sky|ski|skaya|skoye|skogo))\s+"
    r"(?:training\s+ground|training\s+range|firing\s+range|range|polygon|district|raion|rayon|airfield|air\s+base|airbase)\b"
)
# Lower-case words allowed inside a multi-word name: "Rostov-on-Don", "Stratford-upon-Avon".
_CONNECTORS = frozenset(
    "on upon de del della di da la le les am an der den sur en y el al of".split()
)
_MAX_NAME_TOKENS = 6
_SENTENCE_END = re.compile(r"[.!?…:;\"“”«»\n]\s*$")
_UNIT_AFTER = re.compile(
    r"\s+(?:motor\s+rifle\s+|tank\s+|airborne\s+|guards\s+)?(?:division|brigade|regiment|battalion|corps|fleet|army)\b"
)
_EQUIPMENT_AFTER = re.compile(r"s?\s+(?:ballistic\s+|cruise\s+)?(?:missiles?|launchers?|systems?|complex(?:es)?|rockets?|tanks?|jets?|fighters?|helicopters?|drones?|howitzers?)\b")
# Judgement of a name that is a person's: no place here, nor anywhere else in the text.
_PERSON = object()
# A place that is also an English word needs this many people to be believed on its own.
_COMMON_WORD_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


class Recognizer:
    """Finds place mentions in a document with a gazetteer's name index."""

    def __init__(self, names: NameIndex):
        self.names = names

    def mentions(self, document: Document) -> list[Mention]:
        text = document.text
        tokens = [t for t in tokenize(text) if not document.is_skipped(t.start, t.end)]
        taken: list[Mention] = []
        taken.extend(self._sections(document))
        taken.extend(self._borders(document))
        occupied = [(m.start, m.end) for m in taken if m.kind == "section"]
        not_places: set[str] = set()
        found: list[Mention] = []
        for first, last in self._name_runs(text, tokens):
            start, end = tokens[first].start, tokens[last].end
            if any(s <= start < e for s, e in occupied):
                continue
            verdict = self._judge(text, tokens, first, last)
            if verdict is _PERSON:
                not_places.add(name_key(text[start:end]))
            elif verdict is not None:
                found.append(verdict)
        # A name once seen as a person's or an organisation's is never a place in this text.
        found = [m for m in found if name_key(m.text) not in not_places]
        spans = [(m.start, m.end) for m in found + taken]
        found += self._adjectival_places(document, spans)
        found += self._demonyms(text, tokens, spans + [(m.start, m.end) for m in found])
        found = self._coordinated_regions(text, found)
        return sorted(found + taken, key=lambda m: (m.start, -m.end))

    # -- finding name runs ----------------------------------------------------------------

    def _name_runs(self, text: str, tokens: list[Token]):
        """(first, last) token indices of the longest gazetteer names, left to right."""
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            if not token.capitalised:
                i += 1
                continue
            best = None
            for j in range(i, min(n, i + _MAX_NAME_TOKENS)):
                if j > i:
                    gap = text[tokens[j - 1].end : tokens[j].start]
                    if gap not in (" ", "-", "‐", "‑"):
                        break
                    if not tokens[j].capitalised and tokens[j].lower not in _CONNECTORS:
                        break
                key = name_key(text[token.start : tokens[j].end])
                if tokens[j].capitalised and self.names.has_key(key):
                    best = j
                if not self.names.has_prefix(key):
                    break
            if best is None:
                i += 1
            else:
                yield i, best
                i = best + 1

    # -- judging one name -------------------------------------------------------------------

    def _judge(self, text: str, tokens: list[Token], first: int, last: int) -> Mention | None:
        """The mention for tokens[first..last], or None when the context says it is no place."""
        start, end = tokens[first].start, tokens[last].end
        written = text[start:end]
        key = name_key(written)
        before = tokens[first - 1] if first > 0 else None
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        joined_before = before is not None and text[before.end : start] in (" ", "-", "‐")
        joined_after = after is not None and text[end : after.start] in (" ", "-", "‐")
        sentence_start = (
            _SENTENCE_END.search(text[max(0, start - 3) : start]) is not None or start == 0
        )
        if before is not None and not sentence_start:
            sentence_start = _SENTENCE_END.search(text[before.end : start]) is not None

        single = first == last
        word = tokens[first]
        if word.lower in MONTHS or word.lower in WEEKDAYS:
            return None
        if single and (word.lower in FUNCTION_WORDS or word.lower in PLACE_MODIFIERS or word.lower in ORGANISATION_HEADS):
            return None  # "We", "North", "Centre", "Police" alone
        if single and word.lower in PERSON_TITLES and text[end : end + 1] == ".":
            return None  # "Dr."
        population, fclass = self.names.best_population(key)
        if single and _is_acronym(word.text) and fclass != "country":
            return None  # "NATO", "APC", "MoD": acronyms name places only when they are countries
        if (
            before is not None
            and before.lower.rstrip(".") in PERSON_TITLES
            and text[before.end : start].strip(" .") == ""
        ):
            return _PERSON
        if self._inside_title(text, tokens, first, last):
            return None
        if joined_before and before.capitalised and not sentence_start_word(before, text):
            if is_first_name(before.text) and text[before.end : start] == " " and (
                fclass not in ("country", "admin1") and population < 1_000_000
            ):
                return _PERSON  # "Mark Zuckerberg", "Oleksandr Kamyshin"
            if (
                before.lower not in PLACE_MODIFIERS
                and before.lower not in FUNCTION_WORDS
                and not self._is_place_word(before)
            ):
                # a name of which this is the last part: a person's ("Franak Viačorka") or
                # a compound ("Idritsa-Berlin")
                return _PERSON if text[before.end : start] == " " else None
        if joined_after and after.capitalised and after.lower not in REGION_WORDS:
            if (
                after.lower not in PERSON_TITLES
                and after.lower not in FUNCTION_WORDS
                and after.lower not in MONTHS
                and after.lower not in WEEKDAYS
                and not self._is_place_word(after)
            ):
                return None  # "Kamyshin Cement", "Kyiv Post"
        if single and is_common_word(written) and fclass != "country":
            if population < _COMMON_WORD_MIN_POPULATION or (
                sentence_start and population < 1_000_000
            ):
                return None
        if not single and self.names.only_alternate(key) and all(
            is_common_word(t.text) or t.lower in _CONNECTORS for t in tokens[first : last + 1]
        ):
            return None  # "White House" is an alternate name of Casablanca, not a place here
        if self._demonym_country(word.text) and single and fclass != "country":
            return None  # "English" is the language or the people, not English, Indiana

        following = text[end : end + 40].lower()
        if _UNIT_AFTER.match(following) or _EQUIPMENT_AFTER.match(following):
            return None  # "the Tamanskaya division", "Iskander launchers"
        kind, hint = "name", None
        preceding = text[max(0, start - 40) : start].lower()
        head = after.lower if after is not None and joined_after else ""
        if head in REGION_WORDS and head not in REGION_PLURALS:
            kind, hint = "region", "admin2" if head in ADMIN2_WORDS else "admin1"
            end = after.end
        elif re.match(r"\s+(?:operational\s+)?direction\b", following) or re.search(
            r"direction\s+of\s+(?:the\s+)?$", preceding
        ):
            kind, hint = "direction", "admin1"
        elif re.match(r"\s+(?:railway\s+)?branch\b", following):
            kind, hint = "branch", "city"
        elif re.match(r"\s+(?:railway\s+|train\s+)?(?:station|junction|halt)\b", following):
            kind, hint = "station", "station"
        elif re.match(r"\s+(?:voblasts?|oblasts?)\b", following):
            kind, hint = "region", "admin1"
        return Mention(
            text=text[start:end], start=start, end=end, query=written, kind=kind, hint=hint
        )

    def _inside_title(self, text: str, tokens: list[Token], first: int, last: int) -> bool:
        """Whether the name sits in a capitalised title that ends in a unit or organisation
        word: "150th Idritsa-Berlin Order of Kutuzov ... Division", "Belarusian Railways"."""
        lo = first
        # a bounded reach: walking a whole run of capitalised words for each name is quadratic
        while lo > 0 and first - lo < _TITLE_REACH:
            prev = tokens[lo - 1]
            gap = text[prev.end : tokens[lo].start]
            if gap not in (" ", "-", "‐") or not (
                prev.capitalised or is_ordinal(prev.text) or prev.lower in ("of", "and")
            ):
                break
            if sentence_start_word(prev, text) and prev.lower in FUNCTION_WORDS:
                break
            lo -= 1
        hi = last
        while hi + 1 < len(tokens) and hi - last < _TITLE_REACH:
            nxt = tokens[hi + 1]
            gap = text[tokens[hi].end : nxt.start]
            if gap not in (" ", "-", "‐") or not (
                nxt.capitalised or is_ordinal(nxt.text) or nxt.lower in ("of", "and")
            ):
                break
            hi += 1
        chain = tokens[lo : hi + 1]
        if any(is_ordinal(t.text) and t.text[0].isdigit() for t in tokens[lo:first]):
            return True
        return any(
            t.lower in ORGANISATION_HEADS and t.capitalised for t in tokens[last + 1 : hi + 1]
        ) or any(t.lower in ORGANISATION_HEADS and t.capitalised for t in chain[: first - lo])

    def _is_place_word(self, token: Token) -> bool:
        """A capitalised neighbour that is itself a place name or a demonym ("Belarusian")."""
        return (
            self.names.has_key(name_key(token.text))
            or self._demonym_country(token.text) is not None
        )

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a name or demonym points to: "Belarusian" → "BY"."""
        return self._demonym_country(word)

    def _demonym_country(self, word: str) -> str | None:
        country = self.names.country_named(name_key(word))
        if country:
            return country
        for stem in demonym_country_stems(word):
            found = self.names.country_named(stem, prefix=True)
            if found:
                return found
        return None

    # -- places named by an adjective -------------------------------------------------------------

    def _demonyms(self, text: str, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Mention]:
        """"Russian troops", "the Ukrainian side": the country a demonym stands for, as GWN and
        LGL count them; never a language ("in English") nor part of a title ("Belarusian
        Railways")."""
        out = []
        for i, token in enumerate(tokens):
            if not token.capitalised:
                continue
            country = self.names.demonym_of(name_key(token.text))
            # the lookup first: scanning ``taken`` for every word is quadratic in long texts
            if country is None or any(s <= token.start < e for s, e in taken):
                continue
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            gap = text[token.end : after.start] if after is not None else ""
            if after is not None and gap == " " and after.capitalised:
                continue  # "Belarusian Railways", "European Commission"
            if after is not None and gap in (" ", "-") and after.lower in ("language", "speaking", "speakers", "speaker"):
                continue
            before = text[max(0, token.start - 6) : token.start].lower()
            if re.search(r"\b(?:in|into|speak|speaks|spoke)\s$", before) and not (after is not None and gap == " " and not after.capitalised):
                continue  # "written in Russian"
            out.append(Mention(token.text, token.start, token.end, country, kind="demonym", hint="country"))
        return out

    def _adjectival_places(self, document: Document, taken: list[tuple[int, int]]) -> list[Mention]:
        """"the Osipovichsky range", "Brestsky district": a place named by its Russian or
        Belarusian adjective before a range, district or airfield."""
        out = []
        for match in _ADJECTIVAL_PLACE.finditer(document.text):
            if document.is_skipped(match.start(), match.end()) or any(s <= match.start() < e for s, e in taken):
                continue
            stem = match.group("stem")
            for ending in ("", "i", "y", "a", "o", "e"):
                if self.names.has_key(name_key(stem + ending)):
                    written = match.group("adj")
                    out.append(Mention(written, match.start("adj"), match.end("adj"), stem + ending, kind="name"))
                    break
        return out

    # -- regions named together: "the Mogilev, Gomel and Minsk regions" ----------------------

    def _coordinated_regions(self, text: str, found: list[Mention]) -> list[Mention]:
        by_start = sorted(found, key=lambda m: m.start)
        out = list(by_start)
        for idx, mention in enumerate(by_start):
            head = re.match(r"\s+(\w+)", text[mention.end : mention.end + 30])
            if not head or head.group(1).lower() not in REGION_PLURALS:
                continue
            hint = "admin2" if head.group(1).lower() in ADMIN2_WORDS else "admin1"
            out[idx] = _as_region(mention, hint, text, mention.end + head.end())
            back = idx
            while back > 0:
                gap = text[by_start[back - 1].end : by_start[back].start]
                if not re.fullmatch(r",?\s*(?:and|or|&)?\s*|,\s*", gap):
                    break
                back -= 1
                out[back] = _as_region(by_start[back], hint, text, None)
        return out

    # -- rail sections ----------------------------------------------------------------------

    def _sections(self, document: Document) -> list[Mention]:
        text = document.text
        out = []
        for pattern in (_SECTION, _BETWEEN_STATIONS):
            for match in pattern.finditer(text):
                if document.is_skipped(match.start(), match.end()):
                    continue
                a, b = match.group("a"), match.group("b")
                if a.lower() in FUNCTION_WORDS or b.lower() in FUNCTION_WORDS:
                    continue
                parts = (
                    Mention(a, match.start("a"), match.end("a"), a, kind="station", hint="station"),
                    Mention(b, match.start("b"), match.end("b"), b, kind="station", hint="station"),
                )
                out.append(
                    Mention(
                        text=text[match.start("a") : match.end("b")],
                        start=match.start("a"),
                        end=match.end("b"),
                        query=f"{a}–{b}",
                        kind="section",
                        hint="station",
                        parts=parts,
                    )
                )
        return out

    # -- borders ----------------------------------------------------------------------------

    def _borders(self, document: Document) -> list[Mention]:
        text = document.text
        out = []
        for pattern in (_BORDER_BETWEEN, _BORDER_ADJ, _BORDER_WITH):
            for match in pattern.finditer(text):
                if document.is_skipped(match.start(), match.end()):
                    continue
                if any(m.start <= match.start() < m.end for m in out):
                    continue
                parts = []
                for group in ("a", "b"):
                    if group not in match.groupdict() or not match.group(group):
                        continue
                    word = match.group(group)
                    country = self._demonym_country(word)
                    if country is None:
                        break
                    parts.append(
                        Mention(
                            word,
                            match.start(group),
                            match.end(group),
                            country,
                            kind="name",
                            hint="country",
                        )
                    )
                else:
                    if parts:
                        out.append(
                            Mention(
                                text=match.group(),
                                start=match.start(),
                                end=match.end(),
                                query=" ".join(p.query for p in parts),
                                kind="border",
                                hint="country",
                                parts=tuple(parts),
                            )
                        )
        return out


def _is_acronym(word: str) -> bool:
    """"NATO", "MoD", "U.S.": two or more capitals in a short word."""
    letters = word.replace(".", "")
    return len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2


@lru_cache(maxsize=1)
def _first_names():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a given name in gender-guesser's international name list."""
    return _first_names().get_gender(word) != "unknown"


def sentence_start_word(token: Token, text: str) -> bool:
    """Whether ``token`` opens a sentence (so its capital letter says nothing)."""
    head = text[max(0, token.start - 4) : token.start]
    return token.start == 0 or bool(_SENTENCE_END.search(head)) or head.strip() == ""


def _as_region(mention: Mention, hint: str, text: str, end: int | None) -> Mention:
    end = end if end is not None else mention.end
    return Mention(
        text=text[mention.start : end] if end != mention.end else mention.text,
        start=mention.start,
        end=end,
        query=mention.query,
        kind="region",
        hint=hint,
    )
