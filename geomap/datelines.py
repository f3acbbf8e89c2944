"""Wire datelines: "KYIV, Feb 24 (AFP) -", "LVIV, Ukraine, March 18 (AP) —", "HOMIEL. –",
"By Nate Raymond. BOSTON (Reuters) -".

A dateline says where and when a report was filed, not where or when its events happened.
Recognition needs to know that a name in capitals opens one (it is a place, not an acronym);
incidents need to know that a place or a date heads one. The grammar of datelines lives here.
"""

from __future__ import annotations

import re

# A name in capitals opening the text, a line or a byline's sentence ("SEOUL, South Korea
# (CNN) -", "TIJUANA & SAN DIEGO, MARCH 29 --"), before a comma, a bracket, a dash or
# another dateline town.
# ... or after the agency that opens an Italian one: "(ANSA) - KIEV, 08 LUG -"
_OPENING_BEFORE = re.compile(
    r"(?:\A|\n|^By [^\n]{1,60}?[.:]|[A-Z] &|(?:\A|\n)\([A-Z]{2,10}\)\s*[-–—])[ \t]*\Z",
    re.MULTILINE,
)
# (a report's section may open on its town and a full stop: "BALBOA. On the Pacific side")
_OPENING_AFTER = re.compile(r",+\s*[A-Z0-9]|\s\(|\s[-–—]|\s&\s[A-Z]|\.\s+[A-Z]")
# What follows the place at a dateline's head: "/LVIV, Feb 24 (AFP) -", "KYIV, 4 March 2022 —"
# a country of several words: "South Sudan", "Democratic Republic of Congo"
_COUNTRY = r"[A-Z][\w-]+(?:\s+(?:(?:of|the|and)\s+)*[A-Z][\w-]+)*"
_PLACE_HEAD = re.compile(
    rf"(?:/[A-Z][\w]+)*,(?:\s+{_COUNTRY},)?\s+"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,30}\)\s*)?[-–—]"
)
# ... and of a dateline in capitals without its date: "HOMIEL. –", "KYIV, Ukraine (AP) —"
_BARE_HEAD = re.compile(rf"(?:/[A-Z]+)*(?:,\s+{_COUNTRY})?" r"\.?\s*(?:\([^)]{1,30}\)\s*)?[-–—]\s")
# Around a dateline's date: "KYIV, Feb 24 (AFP) -", "LVIV, Ukraine, March 18 (AP) —"
# (capitals with accents too: "YAOUNDÉ, Oct 25 –")
# (and Latin Extended-A: "KİLİS, Turkey, Jan. 22 —", "GƏNCƏ")
_CAPITAL = "A-ZÀ-ÖØ-Þ\u0100-\u017f\u018f"
_DATE_BEFORE = re.compile(
    rf"(?:^|\n)[{_CAPITAL}][{_CAPITAL} .'’/-]+,(?:\s+[A-Z][\w .'’-]+,)?\s+$"
    # "(Kukës, Albania, April 3, 1999) —"
    r"|(?:^|\n)\([A-Z][^()\n]{0,40},\s+$"
)
_DATE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?\)?\s*[-–—]")
# A dateline with the whole date: "KHARTOUM, 14 May 2024 —", "LVIV, Ukraine, March 18, 2022 (AP) —"
_FILED_ON = re.compile(
    rf"(?:^|\n)[ \t]*[{_CAPITAL}][{_CAPITAL} .'’/-]+,(?:\s+[A-Z][\w .'’-]+,)?\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]"
)


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether the capitals at text[start:end] open a dateline (a place, not an acronym)."""
    return bool(
        _OPENING_AFTER.match(text, end) and _OPENING_BEFORE.search(text[max(0, start - 80) : start])
    )


# A dateline in brackets, as rights groups write it: "(Nairobi) –", "(Kukës, Albania, April 3,
# 1999) —"
_BRACKETED_HEAD = re.compile(r"[^()\n]{0,40}\)\s*[-–—]")


def heads_dateline(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] heads a dateline: "KYIV, Feb 24 (AFP) -",
    "HOMIEL. –" (in capitals, the date may be left out), "(Nairobi) –"."""
    if (
        text[max(0, start - 1) : start] == "("
        and text[max(0, start - 2) : start - 1] in ("", "\n")
        and _BRACKETED_HEAD.match(text, end)
    ):
        return True
    return (
        _PLACE_HEAD.match(text[end : end + 60]) is not None
        or (text[start:end].isupper() and _BARE_HEAD.match(text, end) is not None)
    ) and text[max(0, start - 1) : start].strip() in ("", "/")


def dates_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a dateline's: the day the report was filed."""
    return bool(
        _DATE_BEFORE.search(text[max(0, start - 60) : start])
        and _DATE_AFTER.match(text[end : end + 40])
    )


def filed_on(text: str, window: int = 1000) -> str | None:
    """The date of the first dateline near the top that gives its year ("KHARTOUM, 14 May
    2024 —"), as written: the day a wire report was filed, when nothing else dates it.

    >>> filed_on("Shelling resumes\\n\\nKHARTOUM, 14 May 2024 — The RSF shelled ...")
    '14 May 2024'
    """
    found = _FILED_ON.search(text[:window])
    return found["date"] if found else None
