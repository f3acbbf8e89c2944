"""Deaths a sentence reports: "killing at least 27 civilians", "At least forty people were
killed", "the death toll rose to 32".

The count is UCDP GED's ``best`` estimate as the source gives it: "at least 27" is 27, "more
than 60" is 60. A sentence that only says "dozens" or "many" gives no number. Numbers written as
words are read by text2num, so "fourteen villagers" counts as 14.
"""

from __future__ import annotations

import re

from text_to_num import alpha2digit

from .cues import cue

# who died: "27 civilians", "14 people", "five soldiers"
_DEAD = (
    r"(?:people|persons|civilians|villagers|residents|soldiers|troops|servicemen|fighters|"
    r"militants|rebels|insurgents|policemen|police officers|officers|children|women|men|"
    r"worshipp?ers|passengers|students|pupils|farmers|miners|members|guards|attackers|"
    r"gunmen|jihadists|militiamen|refugees|migrants|workers|diners|others)"
)
_ABOUT = (
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|roughly|a total of)\s+)?"
)
_COUNT = r"(?P<n>\d[\d,]*)"
# the count before or after the words that say they died
_DEATHS = tuple(
    cue(pattern)
    for pattern in (
        # "killing at least 27 civilians", "killed 14 villagers"
        rf"\b(?:killing|killed|kills|kill|massacred|massacring|claimed the lives of)\s+"
        rf"{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_DEAD}\b",
        # "Car bomb kills 20 in Baghdad": the dead left unnamed
        rf"\b(?:killing|killed|kills)\s+{_ABOUT}{_COUNT}(?=\s*(?:[,.;]|$|(?:in|at|on|near|and|as|"
        r"after|when|during|outside)\b))",
        # "left 9 people dead"
        rf"\b(?:left|leaving)\s+{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_DEAD}\s+dead\b",
        # "At least 40 civilians were killed", "32 people died"
        rf"\b{_ABOUT}{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_DEAD}\s+(?:(?:were|have been|had been|was|"
        rf"are|have|had)\s+)?(?:killed|died|dead|shot dead|massacred|lost their lives)\b",
        # "the death toll rose to 32", "a death toll of 14"
        rf"\bdeath toll\s+(?:\w+\s+){{0,2}}?(?:to|of|at)\s+{_ABOUT}{_COUNT}\b",
        # "27 dead", "14 killed": a headline's way
        rf"\b{_ABOUT}{_COUNT}\s+(?:dead|killed)\b",
    )
)
# "Seven soldiers and at least 20 attackers were killed", "killing 24 civilians, 24 fighters and
# 25 militiamen": the dead counted by kind, one toll
_GROUP = rf"{_ABOUT}\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}?{_DEAD}"
_LISTED = tuple(
    cue(pattern)
    for pattern in (
        rf"\b(?:killing|killed|kills)\s+(?P<list>{_GROUP}(?:(?:,\s+|,?\s+and\s+){_GROUP})+)\b",
        rf"\b(?P<list>{_GROUP}(?:(?:,\s+|,?\s+and\s+){_GROUP})+)\s+(?:were|have been|had been)\s+"
        r"(?:killed|shot dead)\b",
    )
)
_ONE = r"(?:man|woman|child|boy|girl|soldier|civilian|person|policeman|officer|villager|resident)"
# "killing one man", "a soldier was killed": one death, in words text2num leaves alone
_ONE_DEATH = cue(
    rf"\b(?:killing|killed|kills)\s+(?:one|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_ONE}\b"
    rf"|\b(?:one|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_ONE}\s+(?:was|has been|had been)\s+killed\b"
)


def deaths_told(sentence: str) -> int | None:
    """The largest death count the sentence states (a toll counted by kind is summed), or
    None when it states none.

    >>> deaths_told("The RSF shelled El Fasher, killing at least 27 civilians.")
    27
    >>> deaths_told("At least forty people were killed and sixty wounded.")
    40
    >>> deaths_told("Seven soldiers and at least twenty attackers were killed.")
    27
    >>> deaths_told("Dozens were killed, residents said.") is None
    True
    """
    digits = alpha2digit(sentence, "en")
    counts = [
        int(found["n"].replace(",", ""))
        for pattern in _DEATHS
        for found in pattern.finditer(digits)
    ]
    counts += [
        sum(int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", found["list"]))
        for pattern in _LISTED
        for found in pattern.finditer(digits)
    ]
    if counts:
        return max(counts)
    return 1 if _ONE_DEATH.search(digits) else None
