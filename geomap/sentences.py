"""Text → sentences with their character spans (offsets into the document's text).

News text is well punctuated; a rule-based splitter that knows abbreviations, initials and
line breaks is enough and keeps offsets exact. Boilerplate ranges are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .models import Document

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj st mt ft jr sr vs etc inc ltd co corp dept
    gov sen rep rev no nos fig approx est jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e u.s u.k u.n a.m p.m""".split()
)
# A candidate boundary: end punctuation (with closing quotes/brackets), then space. Tried only
# where a run of punctuation starts, and never backtracked: a long run costs linear time.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
_LAST_WORD = re.compile(r"([\w.]+)$")
#: longer than any abbreviation or initial; how far back from a dot a word is looked for
_LONGEST_ABBREVIATION = 40


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def split_sentences(document: Document) -> list[Sentence]:
    """Sentences of the document, in order, skipping boilerplate ranges."""
    out = []
    for start, end in _lines(document.text):
        for s, e in _split_line(document.text, start, end):
            if not document.is_skipped(s, e):
                out.append(Sentence(document.text[s:e], s, e))
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-ish blocks: a line break always ends a sentence (headlines, captions)."""
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        if match.start() > pos:
            yield pos, match.start()
        pos = match.end()
    if pos < len(text):
        yield pos, len(text)


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if _is_abbreviation(text, begin, match.start()):
            continue
        following = _NEXT_CHARACTER.match(text, cut, end)
        if following and not (following[1].isupper() or following[1] in "\"“«'‘([0123456789"):
            continue
        yield from _trimmed(text, begin, cut)
        begin = cut
    yield from _trimmed(text, begin, end)


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # a bounded look-back: rescanning the whole sentence at every dot is quadratic
    word = _LAST_WORD.search(text, max(begin, dot - _LONGEST_ABBREVIATION), dot)
    if not word:
        return False
    token = word.group(1).lower()
    # "A." initials and known abbreviations do not end sentences
    return len(token) == 1 and token.isalpha() or token in _ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_SENTENCE_REACH = 300


def sentence_says(words: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] has one of ``words``."""
    # a bounded look either side: a text with no full stop must not be read whole per name
    lo, hi = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), lo - 1) + 1
    right = min(i for i in (text.find(". ", end, hi), text.find("\n", end, hi), hi) if i >= 0)
    return bool(words.search(text, left, right))
