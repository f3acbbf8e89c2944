"""Publisher boilerplate in article text: found and marked, never removed.

Offsets in geomap refer to the text as decoded, so boilerplate stays in ``Document.text`` and
is listed in ``Document.skip`` instead. The classifier works on *paragraphs*: non-blank lines,
with hard-wrapped lines joined back (a line that does not end a sentence and is followed by a
lowercase word, or is long, continues on the next line).

Each paragraph is scored against rules of typical publisher phrases. A *strong* phrase (e.g.
"All rights reserved", "Become a Patron") is enough on its own; *weak* phrases (e.g. "reprint",
"donate") need a second hit, so an article that merely mentions donations or reprints is kept.
Two structural rules complete it: a run of share-counter lines ("Total", "0", "Shares") and a
"Related Posts" heading, which marks everything after it as well.

Photo credits and bylines are not boilerplate: they name people and places worth keeping.

>>> [b.kind for b in find_boilerplate("Copyright © 2022 Example Wire\\n\\nTroops moved north.")]
['copyright']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Boilerplate", "classify_paragraph", "find_boilerplate", "merge_ranges", "paragraphs"]


class Boilerplate(NamedTuple):
    """A stretch of text that is publisher boilerplate, and which rule said so."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Rule:
    kind: str
    #: lowercase words one of which every pattern needs: a cheap test before the regexes
    keywords: tuple[str, ...]
    strong: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...] = ()
    #: longer paragraphs are article text that happens to use the phrases
    max_chars: int = 600

    def matches(self, paragraph: str, lowered: str) -> bool:
        if len(paragraph) > self.max_chars or not any(word in lowered for word in self.keywords):
            return False
        score = 0
        for pattern in self.strong:
            if pattern.search(paragraph):
                score += 2
        for pattern in self.weak:
            if score >= 2:
                break
            if pattern.search(paragraph):
                score += 1
        return score >= 2


def _patterns(*sources: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


_RULES = (
    _Rule(
        "copyright",
        ("copyright", "©", "rights reserved", "prohibited"),
        strong=_patterns(
            r"^\W{0,3}(?:copyright\b\s*(?:©|\(c\))?|©)\s*(?:\d{4}|[\w-]+\.(?:com|org|net|info|ua|by|ru))",
            r"\ball rights reserved\b",
        ),
        weak=_patterns(
            r"\b(?:reproduction|copying)\b.{0,40}\bprohibited\b", r"^\W{0,3}copyright\b"
        ),
        max_chars=300,
    ),
    _Rule(
        "reprint_policy",
        (
            "link",
            "material",
            "content",
            "article",
            "publication",
            "site",
            "portal",
            "reference",
            "print",
            "publi",
            "reproduc",
            "permission",
            "consent",
        ),
        strong=_patterns(
            r"\bactive (?:hyper)?link\b",
            r"\bwhen (?:referencing|quoting|citing|using|reprinting|republishing) "
            r"(?:our|the|these|this site's) (?:materials?|content|articles?|publications?)\b",
            r"\b(?:materials?|content|articles?) (?:of|from|on) (?:this|our) "
            r"(?:site|website|portal)\b",
            r"\b(?:must|should) (?:include|contain|be accompanied by) (?:an? )?"
            r"(?:active )?(?:hyper)?(?:link|reference)\b",
        ),
        weak=_patterns(
            r"\b(?:re-?print\w*|re-?publish\w*|republication|reproduc\w+)\b",
            r"\bhyperlink\b",
            r"\b(?:written|prior) (?:permission|consent)\b",
            r"\bwithout (?:the )?(?:prior |written )*(?:permission|consent)\b",
        ),
        max_chars=1000,
    ),
    _Rule(
        "funding_note",
        ("supported by", "funded by", "possible by", "support of", "necessarily reflect"),
        strong=_patterns(
            # "The work of <Proper Name> is supported by": a publisher names itself
            r"\b(?:work|reporting|journalism|publication|project|activit(?:y|ies)) of "
            r"(?:(?-i:[A-Z])[\w.'&-]*\s+){1,5}(?:is|are|has been|have been) "
            r"(?:supported|funded|made possible) by\b",
            r"\b(?:our|this) (?:work|reporting|journalism|site|website|project|publication) "
            r"(?:is|are|has been) (?:supported|funded|made possible) by\b",
            r"\b(?:this|the) (?:publication|material|article|project|report|story) "
            r"(?:was|is|has been) (?:produced|prepared|made possible|funded|published) "
            r"with the (?:financial )?support of\b",
            r"\bviews expressed .{0,120}\b(?:do not|don't) necessarily reflect\b",
        ),
        max_chars=400,
    ),
    _Rule(
        "privacy",
        ("cookie", "privacy", "terms "),
        strong=_patterns(
            r"\bprivacy (?:and|&) cookies? polic",
            r"\bwe use cookies\b",
            r"\bcookies? polic(?:y|ies)\b",
        ),
        weak=_patterns(
            r"\bprivacy polic(?:y|ies)\b", r"\bterms (?:of|and conditions of) (?:use|service)\b"
        ),
        max_chars=300,
    ),
    _Rule(
        "appeal",
        (
            "become",
            "coffee",
            "patreon",
            "readers like you",
            "donat",
            "support",
            "subscri",
            "sign up",
            " us on",
            "community",
            "team",
            "newsroom",
            "outlet",
        ),
        strong=_patterns(
            r"\bbecome an? (?:patron|member|supporter|subscriber)\b",
            r"\bbuy (?:us|me) a coffee\b",
            r"\b(?:the )?(?:cost|price) of (?:one|a) (?:cup of )?coffee\b",
            r"\bpatreon\b",
            r"\breaders like you\b",
            r"\bdonate (?:now|today|here)\b",
            r"\bsupport (?:our|independent) (?:journalism|reporting|work|newsroom|team|media)\b",
            r"\b(?:sign up|subscribe) (?:for|to) our (?:newsletter|mailing list|channel)\b",
            r"^\W*(?:follow|join) us on\b",
        ),
        weak=_patterns(
            r"\bsupport us\b",
            r"\bdonat(?:e|ion|ions)\b",
            r"\bcup of coffee\b",
            r"\bjoin our community\b",
            r"\bways to support\b",
            r"\b(?:our|this) (?:small|independent|little) (?:team|newsroom|outlet)\b",
            r"\bsubscri(?:be|ption)\b",
        ),
        max_chars=2500,
    ),
    _Rule(
        # "Read also: <headline of another article>" — its places belong to that other article
        "cross_link",
        ("read", "see"),
        strong=_patterns(r"^\W*(?:read|see) (?:also|more|next|related)\b\s*[:.\-–—]"),
        max_chars=300,
    ),
)

#: one line of a share widget: counters, network names, "Share", "Tweet"
_SHARE_TOKEN = re.compile(
    r"(?:total|shares?|tweet|pin(?: it)?|print|e-?mail|copy link|share (?:on|via) \w+"
    r"|share this(?: article| story| post| page)?:?|facebook|twitter|telegram|whatsapp|viber"
    r"|linkedin|reddit|vk|\d[\d,.\s]*k?)",
    re.IGNORECASE,
)
_SHARE_WORD = re.compile(r"\b(?:shares?|tweet)\b", re.IGNORECASE)

#: a heading after which a page lists other articles
_TAIL_HEADING = re.compile(
    r"(?:related|similar|recommended|latest|more) (?:posts|articles|stories|news|content|reading)"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)"
    r"|(?:more|other) (?:stories|articles|news) (?:from|by|on) .{1,40}"
    r"|most (?:read|popular)|trending(?: now)?|recommended(?: for you)?",
    re.IGNORECASE,
)

_SENTENCE_END = ".!?:;…\"”»'’)]"
_BLOCK_START = re.compile(r"(?:[-*+>#|]|\d{1,3}[.)])\s")
#: a wrapped line this long (or longer) is taken to continue on the next one
_WRAP_WIDTH = 60


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text``: non-blank lines, hard wraps joined.

    Each range runs from the first to the last non-space character of the paragraph.
    """
    spans: list[tuple[int, int]] = []
    previous = ""
    position = 0
    for line in text.splitlines(keepends=True):
        line_start, position = position, position + len(line)
        content = line.strip()
        if not content:
            previous = ""
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if previous and _continues(previous, content):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        previous = content
    return spans


def _continues(line: str, following: str) -> bool:
    """Whether ``following`` is the rest of a hard-wrapped paragraph ending in ``line``."""
    if line[-1] in _SENTENCE_END or line.startswith("#") or _BLOCK_START.match(following):
        return False
    return following[0].islower() or len(line) >= _WRAP_WIDTH


def classify_paragraph(paragraph: str) -> str | None:
    """The kind of boilerplate ``paragraph`` is (``copyright``, ``appeal``...), or None.

    >>> classify_paragraph("Become a Patron!")
    'appeal'
    >>> classify_paragraph("Partisans said they had support from railway workers.") is None
    True
    """
    lowered = paragraph.lower()
    for rule in _RULES:
        if rule.matches(paragraph, lowered):
            return rule.kind
    return None


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Every boilerplate paragraph of ``text``, in order, with the kind of each."""
    spans = paragraphs(text)
    kinds: list[str | None] = [classify_paragraph(text[start:end]) for start, end in spans]
    _mark_share_counters(text, spans, kinds)
    found = [
        Boilerplate(start, end, kind)
        for (start, end), kind in zip(spans, kinds, strict=True)
        if kind
    ]
    tail = _related_tail(text, spans, kinds)
    if tail is not None:
        found = [b for b in found if b.start < tail.start] + [tail]
    return found


def _mark_share_counters(text: str, spans: list[tuple[int, int]], kinds: list[str | None]) -> None:
    """Mark runs of share-widget lines; a run needs a word like "Shares", not just numbers."""
    run: list[int] = []
    for index in [*range(len(spans)), None]:
        token = (
            index is not None
            and kinds[index] is None
            and spans[index][1] - spans[index][0] <= 30
            and _SHARE_TOKEN.fullmatch(text[spans[index][0] : spans[index][1]])
        )
        if token:
            run.append(index)
            continue
        if run and any(_SHARE_WORD.search(text[spans[i][0] : spans[i][1]]) for i in run):
            for i in run:
                kinds[i] = "share_counter"
        run = []


def _related_tail(
    text: str, spans: list[tuple[int, int]], kinds: list[str | None]
) -> Boilerplate | None:
    """A "Related Posts" heading after some article text: it and all that follows."""
    seen_body = False
    for (start, end), kind in zip(spans, kinds, strict=True):
        heading = end - start <= 64 and _TAIL_HEADING.fullmatch(text[start:end].strip(" \t:#*_"))
        if seen_body and heading:
            return Boilerplate(start, len(text), "related")
        # a real paragraph, so the heading cannot be the page's own title
        seen_body = seen_body or (kind is None and end - start >= 80)
    return None


def merge_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, merged ranges; ranges separated only by whitespace in ``text`` become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
