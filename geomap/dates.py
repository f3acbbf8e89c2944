"""Date expressions in news text → ISO dates, normalised against the article's own dates.

Understands absolute dates ("20 March 2022", "March 20", "2022-03-20", "20.03.2022"), ranges
("from 28 February to 1 March", "1–3 March", "between 5 and 7 April"), nights ("on the night
of 16 March", "on the night of 1 to 2 March", "overnight into Wednesday", "on the night to 2
March"), months ("in March", "early April 2022"), seasons ("in the summer of 1943"), weekdays
("on Monday", "early Friday", "on Tuesday and Wednesday", resolved against the publication
date), days of the month alone
("on the 24th"), relative days ("yesterday", "overnight", "two days ago", "last week") and
coarse spans ("in the past year").

A date without a year takes the year of the reference date (publication, else the latest
full date in the text), and the year before when that would put it well after the reference.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)} | MONTH_ABBREVIATIONS
_M = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_TO = r"\s*(?:to|into|and|until|till|through|[-–—/])\s*"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}

# (name, pattern) in priority order; earlier patterns claim their text first.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "night_range",
        re.compile(
            rf"\b(?:night\s+(?:of|from)|overnight(?:\s+from)?)\s+(?P<d1>{_D})(?:\s+(?P<m1>{_M}))?{_TO}(?P<d2>{_D})\s+(?P<m2>{_M})(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    (
        "night_range_us",
        re.compile(
            rf"\b(?:night\s+(?:of|from)|overnight(?:\s+from)?)\s+(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    (
        # "on the night to 2 March" (Russian "в ночь на"): the night that ends on that day
        "night_to",
        re.compile(
            rf"\bnight\s+(?:to|into)\s+(?:(?P<d1>{_D})\s+(?P<m1>{_M})|(?P<m2>{_M})\s+(?P<d2>{_D})\b)",
            re.I,
        ),
    ),
    (
        # "on the night of Tuesday to Wednesday", "overnight into Wednesday"
        "weekday_night",
        re.compile(
            rf"\b(?:night\s+(?:of|from)\s+{_WEEKDAY}\s+(?:to|into)|overnight\s+(?:in)?to)\s+"
            rf"(?P<wd>{_WEEKDAY})\b",
            re.I,
        ),
    ),
    (
        "range",
        re.compile(
            rf"\b(?:from|between)?\s*(?P<d1>{_D})(?:\s+(?:of\s+)?(?P<m1>{_M}))?(?:\s+(?P<y1>{_Y}))?{_TO}(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    (
        "range_us",
        re.compile(
            rf"\b(?:from|between)?\s*(?P<m1>{_M})\s+(?P<d1>{_D})(?:,?\s+(?P<y1>{_Y}))?{_TO}(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    (
        "since_day",
        re.compile(
            rf"\bsince\s+(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})|"
            rf"(?P<m2>{_M})\s+(?P<d2>{_D})\b)(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    (
        # "on Monday, 28 March": the weekday only confirms the date
        "weekday_day",
        re.compile(
            rf"\b(?:on\s+)?{_WEEKDAY},?\s+(?:the\s+)?(?:(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})|"
            rf"(?P<m2>{_M})\s+(?P<d2>{_D})\b)(?:,?\s+(?P<y>{_Y}))?",
            re.I,
        ),
    ),
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<mn>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12]\d|3[01])\b")),
    (
        "dotted",
        re.compile(rf"\b(?P<d1>0?[1-9]|[12]\d|3[01])\.(?P<mn>0?[1-9]|1[0-2])\.(?P<y>{_Y})\b"),
    ),
    (
        "day",
        re.compile(
            rf"\b(?:the\s+)?(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y>{_Y}))?\b", re.I
        ),
    ),
    ("day_us", re.compile(rf"\b(?P<m1>{_M})\s+(?P<d1>{_D})\b(?:,?\s+(?P<y>{_Y}))?", re.I)),
    (
        "month_span",
        re.compile(
            rf"\b(?:throughout|during|in|between|from)\s+(?P<m1>{_M}){_TO}(?P<m2>{_M})(?:\s+(?P<y>{_Y}))?\b",
            re.I,
        ),
    ),
    (
        "since_month",
        re.compile(
            rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+|early\s+)?(?P<m1>{_M})(?:\s+(?P<y>{_Y}))?\b",
            re.I,
        ),
    ),
    (
        "month_part",
        re.compile(
            rf"\b(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+first\s+days\s+of|the\s+last\s+days\s+of|"
            r"the\s+(?:first|second|third|fourth|last)\s+week\s+of|the\s+(?:first|second)\s+half\s+of)"
            rf"[\s-]*)(?P<m1>{_M})(?:\s+(?P<y>{_Y}))?\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:in\s+|during\s+|throughout\s+|all\s+of\s+)(?P<m1>{_M})(?:\s+(?P<y>{_Y}))?\b",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<m1>{_M})\s+(?P<y>{_Y})\b", re.I)),
    (
        # "on Tuesday and Wednesday", "from Monday to Thursday": consecutive days of one week
        "weekday_span",
        re.compile(
            rf"\b(?:on\s+|from\s+|between\s+)?(?P<wd1>{_WEEKDAY})\s+(?:and|to|through|until|till)"
            rf"\s+(?P<wd>{_WEEKDAY})\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<last>last|this|on|early|late|since)\s+)?(?P<wd>{_WEEKDAY})\b(?:\s+(?:night|morning|evening|afternoon))?",
            re.I,
        ),
    ),
    (
        # "in the summer of 1943": a season of a given year
        "season",
        re.compile(rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+of\s+(?P<y>{_Y})\b", re.I),
    ),
    (
        # "in the 1990s", "the early 2000s": a decade
        "decade",
        re.compile(r"\bthe\s+(?:early\s+|mid-?\s*|late\s+)?(?P<y>1[89]\d0|20[0-2]0)['’]?s\b", re.I),
    ),
    ("day_before_yesterday", re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night)\b", re.I)),
    # "overnight" with no other date: the night before publication
    # ("kept up their assault through the night")
    ("overnight", re.compile(r"\bovernight\b|\b(?:through|during) the night\b", re.I)),
    # "on the 24th", "On the 14th someone cut the cable": that day of the latest month on or
    # before the reference (not "on the 14th floor")
    (
        "day_of_month",
        re.compile(
            rf"\bon\s+the\s+(?P<d1>{_D})\b(?!\s+(?:floor|storey|story|century|anniversary|days?|"
            r"time|attempt|minute|lap|round|hole|birthday|place|row|page|of|and|or|to)\b)",
            re.I,
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?:today|tonight|this\s+morning|this\s+evening|earlier\s+today|"
            # "A short while ago, IDF fighter jets struck": the release's own day
            r"(?:a\s+(?:short\s+)?while|a\s+short\s+time|moments|an\s+hour|"
            r"(?:a\s+few|several|\d+|two|three|four|five|six)\s+(?:minutes|hours))\s+ago)\b",
            re.I,
        ),
    ),
    # "on Christmas Eve", "on New Year's Day": a holiday of a fixed date
    (
        "holiday",
        re.compile(
            r"\b(?P<holiday>Christmas\s+Eve|Christmas\s+Day|New\s+Year['’]?s\s+Eve|"
            r"New\s+Year['’]?s\s+Day)\b(?:\s+(?P<y>(?:19|20)\d{2}))?",
            re.I,
        ),
    ),
    (
        "days_ago",
        re.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>days?|weeks?)\s+ago\b",
            re.I,
        ),
    ),
    ("weekend", re.compile(r"\b(?:over|during|at|on)\s+the\s+weekend\b|\blast\s+weekend\b", re.I)),
    ("last_week", re.compile(r"\b(?P<which>last|this|past)\s+week\b", re.I)),
    (
        "recent_days",
        re.compile(r"\b(?:in|over)\s+(?:recent|the\s+last\s+few|the\s+past\s+few)\s+days\b", re.I),
    ),
    (
        "past_year",
        re.compile(
            r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:year|twelve\s+months|12\s+months)\b",
            re.I,
        ),
    ),
    (
        "past_days",
        re.compile(
            r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?P<n>\d+|two|three|four|five|six|seven|ten)\s+(?P<unit>days|weeks|months)\b",
            re.I,
        ),
    ),
    (
        "this_month",
        re.compile(r"\b(?:earlier|later)\s+this\s+month|\bthis\s+month\b|\blast\s+month\b", re.I),
    ),
    ("year", re.compile(rf"\bin\s+(?P<y>{_Y})\b", re.I)),
]


#: holidays of a fixed date: (month, day)
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year's day": (1, 1),
    "new years day": (1, 1),
}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, with its normalised value."""

    text: str
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str  # day, range, month, year, unknown


class DateNormaliser:
    """Normalises date expressions against a reference date.

    Parameters
    ----------
    reference : the publication date, or the latest full date the article gives
    published : whether ``reference`` is the real publication date (weekdays and "yesterday"
        are only resolved against a real one)
    """

    def __init__(self, reference: date | None, published: bool = False):
        self.reference = reference
        self.published = published

    @classmethod
    def for_text(cls, text: str, published: date | None) -> DateNormaliser:
        if published is not None:
            return cls(published, published=True)
        latest = None
        for mention in cls(None).find(text):
            if (
                mention.date_end
                and mention.precision in ("day", "range")
                and _has_year(mention.text)
            ):
                latest = max(latest, mention.date_end) if latest else mention.date_end
        return cls(latest, published=False)

    def find(self, text: str, offset: int = 0) -> list[DateMention]:
        """All date expressions of ``text`` (offsets shifted by ``offset``), left to right."""
        taken: list[tuple[int, int]] = []
        # characters already in a date: an overlap test in the expression's length, not in the
        # number of dates so far (a text of thousands of dates was quadratic)
        covered = bytearray(len(text))
        found: list[DateMention] = []
        for name, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span()
                # leading whitespace of optional groups is not part of the expression
                while start < end and text[start].isspace():
                    start += 1
                if start < end:
                    if any(covered[start:end]):
                        continue
                elif any(s < end and start < e for s, e in taken):
                    continue
                value = self._value(name, match)
                if value is None:
                    continue
                taken.append((start, end))
                covered[start:end] = b"\x01" * (end - start)
                found.append(DateMention(text[start:end], start + offset, end + offset, *value))
        return sorted(found, key=lambda m: m.start)

    # -- one expression -------------------------------------------------------------------

    def _value(self, name: str, match: re.Match) -> tuple[date | None, date | None, str] | None:
        g = match.groupdict()
        ref = self.reference
        if name in ("night_range", "night_range_us", "range", "range_us"):
            m2 = _month(g.get("m2")) or _month(g.get("m1"))
            m1 = _month(g.get("m1")) or m2
            if m1 is None:
                return None
            year = _int(g.get("y")) or _int(g.get("y1"))
            d2 = self._date(year, m2, _day(g["d2"]))
            d1 = self._date(_int(g.get("y1")) or year, m1, _day(g["d1"]))
            if d1 and d2 and d1 > d2 and not g.get("y1"):
                d1 = self._date((year or d2.year) - 1, m1, _day(g["d1"])) if m1 > m2 else None
            if d1 is None or d2 is None or d1 > d2 or (d2 - d1).days > 62:
                return None
            return (d1, d2, "day" if d1 == d2 else "range")
        if name == "night_to":
            day = self._date(
                None, _month(g.get("m1") or g.get("m2")), _day(g.get("d1") or g.get("d2"))
            )
            return (day - timedelta(days=1), day, "range") if day else None
        if name in ("since_day", "weekday_day"):
            day = self._date(
                _int(g.get("y")),
                _month(g.get("m1") or g.get("m2")),
                _day(g.get("d1") or g.get("d2")),
            )
            if day is None:
                return None
            if name == "since_day" and self.published and ref and ref > day:
                return (day, ref, "range")
            return (day, day, "day")
        if name in ("iso", "dotted"):
            day = self._date(int(g["y"]), int(g["mn"]), int(g["d1"]))
            return (day, day, "day") if day else None
        if name in ("day", "day_us"):
            if name == "day_us" and g["m1"].lower().rstrip(".") == "may" and not g.get("y"):
                # "May 5" is a date, "may 5 ..." a verb; only a capital M counts
                if not match.group("m1")[0].isupper():
                    return None
            day = self._date(_int(g.get("y")), _month(g["m1"]), _day(g["d1"]))
            return (day, day, "day") if day else None
        if name in ("month", "month_year", "month_part", "since_month", "month_span"):
            if g["m1"].lower().startswith("may") and not match.group("m1")[0].isupper():
                return None
            month = _month(g["m1"])
            year = _int(g.get("y")) or self._year_for(month, 15)
            if year is None:
                return None
            first = date(year, month, 1)
            last = date(year, month, monthrange(year, month)[1])
            if name == "month_span":
                month2 = _month(g["m2"])
                year2 = year + 1 if month2 < month else year
                last = date(year2, month2, monthrange(year2, month2)[1])
            elif name == "month_part":
                first, last = _part_of_month(g["part"], first, last)
            elif name == "since_month":
                last = self.reference if self.published and self.reference >= first else last
            return self._capped(first, last, "month" if name == "month" else "range")
        if name == "season":
            return _season(g["season"], int(g["y"]))
        if name == "decade":
            first = int(g["y"])
            return (date(first, 1, 1), date(first + 9, 12, 31), "year")
        if ref is None or not self.published:
            if name == "past_year" and ref is not None:
                return (ref - timedelta(days=365), ref, "year")
            if name == "year":
                year = int(g["y"])
                return (date(year, 1, 1), date(year, 12, 31), "year")
            return None
        if name == "weekday_night":
            target = WEEKDAYS.index(g["wd"].lower())
            day = ref - timedelta(days=(ref.weekday() - target) % 7)
            return (day - timedelta(days=1), day, "range")
        if name == "weekday_span":
            if not (match.group("wd1")[0].isupper() and match.group("wd")[0].isupper()):
                return None
            last = WEEKDAYS.index(g["wd"].lower())
            end = ref - timedelta(days=(ref.weekday() - last) % 7)
            first = WEEKDAYS.index(g["wd1"].lower())
            return (end - timedelta(days=(last - first) % 7), end, "range")
        if name == "weekday":
            if g.get("last") is None and not match.group("wd")[0].isupper():
                return None
            target = WEEKDAYS.index(g["wd"].lower())
            back = (ref.weekday() - target) % 7
            if (g.get("last") or "").lower() == "last" and back == 0:
                back = 7
            day = ref - timedelta(days=back)
            if (
                (g.get("last") or "").lower() == "since"
                and ref > day
                # "since Thursday night, when fighters stormed ...": the day of that deed (but
                # "fighting has raged since Sunday, when ...": what went on since then)
                and not (
                    re.match(
                        r"(?:\s+(?:night|morning|evening|afternoon))?,?\s+when\b",
                        match.string[match.end() :],
                    )
                    and not _GONE_ON.search(match.string, max(0, match.start() - 60), match.start())
                )
            ):
                return (day, ref, "range")  # "has raged since Monday": until the report
            return (day, day, "day")
        if name in ("yesterday", "day_before_yesterday"):
            day = ref - timedelta(days=2 if name == "day_before_yesterday" else 1)
            return (day, day, "day")
        if name == "today":
            return (ref, ref, "day")
        if name == "holiday":
            month, day = _HOLIDAYS[re.sub(r"\s+", " ", g["holiday"].lower()).replace("’", "'")]
            found = self._date(int(g["y"]) if g["y"] else None, month, day)
            return (found, found, "day") if found else None
        if name == "overnight":
            return (ref - timedelta(days=1), ref, "range")
        if name == "day_of_month":
            day = _day(g["d1"])
            month_start = ref.replace(day=1)
            if day > ref.day:
                month_start = (month_start - timedelta(days=1)).replace(day=1)
            if day > monthrange(month_start.year, month_start.month)[1]:
                return None
            found = month_start.replace(day=day)
            return (found, found, "day")
        if name == "days_ago":
            n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
            days = n * (7 if g["unit"].lower().startswith("week") else 1)
            day = ref - timedelta(days=days)
            return (
                (day, day, "day")
                if days < 7
                else (day - timedelta(days=3), day + timedelta(days=3), "range")
            )
        if name == "weekend":
            # the Saturday and Sunday before the reference (the same weekend when it is one)
            sunday = ref - timedelta(days=(ref.weekday() + 1) % 7)
            return (sunday - timedelta(days=1), sunday, "range")
        if name == "recent_days":
            return (ref - timedelta(days=7), ref, "range")
        if name == "last_week":
            which = g["which"].lower()
            monday = ref - timedelta(days=ref.weekday())
            if which == "this":
                return (monday, ref, "range")
            if which == "past":
                return (ref - timedelta(days=7), ref, "range")
            return (monday - timedelta(days=7), monday - timedelta(days=1), "range")
        if name == "past_year":
            return (ref - timedelta(days=365), ref, "year")
        if name == "past_days":
            n = _NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
            days = n * {"days": 1, "weeks": 7, "months": 30}[g["unit"].lower()]
            return (ref - timedelta(days=days), ref, "range")
        if name == "this_month":
            text = match.group().lower()
            first = ref.replace(day=1)
            if text.startswith("last"):
                last_end = first - timedelta(days=1)
                return (last_end.replace(day=1), last_end, "month")
            return (first, ref, "month")
        if name == "year":
            year = int(g["y"])
            return (date(year, 1, 1), date(year, 12, 31), "year")
        return None

    def _capped(self, first: date, last: date, precision: str):
        """A span that is still running at publication ends at the publication date."""
        if self.published and self.reference and first <= self.reference < last:
            return (first, self.reference, "range")
        return (first, last, "range" if precision == "range" and first != last else precision)

    def _date(self, year: int | None, month: int | None, day: int | None) -> date | None:
        if month is None or day is None:
            return None
        year = year or self._year_for(month, day)
        if year is None:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def _year_for(self, month: int, day: int) -> int | None:
        """The year of a date written without one: the reference's, or the one before when
        the date would fall more than a month after the reference."""
        if self.reference is None:
            return None
        year = self.reference.year
        try:
            candidate = date(year, month, min(day, monthrange(year, month)[1]))
        except ValueError:
            return None
        return year - 1 if (candidate - self.reference).days > 31 else year


# "Fighting has raged in Bhamo since Sunday": a state that went on from that day
_GONE_ON = re.compile(
    r"\bha(?:s|ve)\s+(?:been\s+)?(?:raged|raging|continued|lasted|gone on|persisted|intensified)\b"
)


def _season(season: str, year: int) -> tuple[date, date, str]:
    """Meteorological seasons; winter runs from December of the year before."""
    season = season.lower()
    if season == "winter":
        return (date(year - 1, 12, 1), date(year, 2, monthrange(year, 2)[1]), "range")
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
    last = date(year, first + 2, monthrange(year, first + 2)[1])
    return (date(year, first, 1), last, "range")


def _part_of_month(part: str, first: date, last: date) -> tuple[date, date]:
    """Early, mid, late: days 1–10, 11–20, 21–end; a week or a half of the month."""
    part = " ".join(part.lower().split())
    weeks = {"first": 0, "second": 7, "third": 14, "fourth": 21}
    if part.endswith("week of"):
        # "the first week of March": days 1–7; "the last week": the last seven days
        which = part.split()[1]
        if which == "last":
            return last - timedelta(days=6), last
        return first + timedelta(days=weeks[which]), first + timedelta(days=weeks[which] + 6)
    if part.endswith("half of"):
        return (first, first.replace(day=15)) if "first" in part else (first.replace(day=16), last)
    if part in ("early", "the first days of"):
        return first, first.replace(day=10)
    if part == "mid":
        return first.replace(day=11), first.replace(day=20)
    return first.replace(day=21), last


def _month(word: str | None) -> int | None:
    return _MONTH_NUMBER.get(word.lower().rstrip(".")) if word else None


def _day(word: str | None) -> int | None:
    return int(re.match(r"\d+", word).group()) if word else None


def _int(word: str | None) -> int | None:
    return int(word) if word else None


def _has_year(text: str) -> bool:
    return re.search(_Y, text) is not None


# "the next day", "the following morning", "two days later": counted from the day of the
# event told before, which the expression itself does not name; "the day before", "two days
# earlier": counted back from it
_DAYS_LATER = re.compile(
    # "Late the same day, another sea drone hit ...": the day of the event told before
    r"\b(?:(?P<same>the\s+same\s+(?:day|morning|afternoon|evening|night))|"
    r"(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)|"
    r"the\s+day\s+after|a\s+day\s+later|(?P<n>\d+|two|three|four|five|six|seven)\s+days\s+"
    r"(?:later|afterwards|after\s+that)|"
    r"(?P<back>(?:the\s+)?(?:day|night|evening)\s+before(?!\s+(?:the|a|an|his|her|their|last|yesterday)\b)|"
    r"the\s+previous\s+(?:day|night|evening)|a\s+day\s+(?:earlier|before)|"
    r"(?P<b>\d+|two|three|four|five|six|seven)\s+days\s+(?:earlier|before(?!\s+the\b))))\b",
    re.I,
)


def days_counted(text: str) -> tuple[int, int] | None:
    """(days, where) for the first expression of ``text`` that counts days from the event told
    before ("the next day" → 1, "three days later" → 3, "the day before" → -1, "the same
    day" → 0), or None."""
    match = _DAYS_LATER.search(text)
    if match is None:
        return None
    if match.group("same"):
        return 0, match.start()
    n = match.group("n") or match.group("b")
    days = 1 if n is None else int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
    return (-days if match.group("back") else days), match.start()


def days_later(text: str) -> int | None:
    """How many days after the event told before ``text`` tells of ("the next day" → 1,
    "three days later" → 3, "the day before" → -1), or None when it counts no days from one."""
    counted = days_counted(text)
    return None if counted is None else counted[0]
