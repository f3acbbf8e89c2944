"""Date expressions of news text, normalised against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import DateNormaliser, days_later


def _one(text: str, published: date):
    (mention,) = DateNormaliser(published, published=True).find(text)
    return mention.date_start, mention.date_end, mention.precision


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # absolute dates, with and without a year
        ("on 20 March 2022", date(2022, 4, 1), (date(2022, 3, 20), date(2022, 3, 20), "day")),
        ("on 28 February", date(2022, 3, 10), (date(2022, 2, 28), date(2022, 2, 28), "day")),
        ("on March 2", date(2022, 3, 4), (date(2022, 3, 2), date(2022, 3, 2), "day")),
        # a date without a year well after publication belongs to the year before
        ("on 20 December", date(2022, 1, 10), (date(2021, 12, 20), date(2021, 12, 20), "day")),
        # ranges and nights
        (
            "From 10 to 20 February",
            date(2022, 2, 10),
            (date(2022, 2, 10), date(2022, 2, 20), "range"),
        ),
        (
            "on the night of 1 to 2 March",
            date(2022, 3, 4),
            (date(2022, 3, 1), date(2022, 3, 2), "range"),
        ),
        (
            "from 28 February to 1 March",
            date(2022, 3, 20),
            (date(2022, 2, 28), date(2022, 3, 1), "range"),
        ),
        # weekdays: the latest such day on or before publication, the same day counting
        ("on Sunday", date(2022, 3, 7), (date(2022, 3, 6), date(2022, 3, 6), "day")),
        ("on Thursday", date(2022, 2, 24), (date(2022, 2, 24), date(2022, 2, 24), "day")),
        # a weekday written with its date is that date
        ("On Monday, 28 March", date(2022, 4, 7), (date(2022, 3, 28), date(2022, 3, 28), "day")),
        # parts of a month, capped at publication
        ("in late January", date(2022, 2, 16), (date(2022, 1, 21), date(2022, 1, 31), "range")),
        ("in early April", date(2022, 4, 8), (date(2022, 4, 1), date(2022, 4, 8), "range")),
        (
            "in the first days of March",
            date(2022, 3, 10),
            (date(2022, 3, 1), date(2022, 3, 10), "range"),
        ),
        ("mid-February", date(2022, 3, 1), (date(2022, 2, 11), date(2022, 2, 20), "range")),
        # a whole month once it is over; up to publication while it runs
        ("Throughout March", date(2022, 4, 2), (date(2022, 3, 1), date(2022, 3, 31), "month")),
        ("Throughout March", date(2022, 3, 21), (date(2022, 3, 1), date(2022, 3, 21), "range")),
        (
            "Throughout January and February",
            date(2022, 2, 18),
            (date(2022, 1, 1), date(2022, 2, 18), "range"),
        ),
        (
            "Since the start of April",
            date(2022, 4, 9),
            (date(2022, 4, 1), date(2022, 4, 9), "range"),
        ),
        (
            "Since Thursday, 24 February",
            date(2022, 3, 1),
            (date(2022, 2, 24), date(2022, 3, 1), "range"),
        ),
        # spans relative to publication
        ("over the weekend", date(2022, 3, 7), (date(2022, 3, 5), date(2022, 3, 6), "range")),
        ("last week", date(2022, 4, 6), (date(2022, 3, 28), date(2022, 4, 3), "range")),
        ("over the past week", date(2022, 2, 22), (date(2022, 2, 15), date(2022, 2, 22), "range")),
        ("in recent days", date(2022, 3, 1), (date(2022, 2, 22), date(2022, 3, 1), "range")),
        ("in the past year", date(2022, 3, 12), (date(2021, 3, 12), date(2022, 3, 12), "year")),
        # a weekday with a part of the day is that weekday
        ("early Friday", date(2022, 5, 7), (date(2022, 5, 6), date(2022, 5, 6), "day")),
        ("early on Sunday", date(2022, 5, 9), (date(2022, 5, 8), date(2022, 5, 8), "day")),
        ("on Tuesday evening", date(2022, 5, 5), (date(2022, 5, 3), date(2022, 5, 3), "day")),
        # "overnight": the night before publication
        (
            "Overnight a depot burned",
            date(2022, 6, 2),
            (date(2022, 6, 1), date(2022, 6, 2), "range"),
        ),
        # a day of the month alone: this month's, or last month's when still to come
        ("it landed on the 3rd, they say", date(2022, 6, 9), (date(2022, 6, 3),) * 2 + ("day",)),
        ("on the 28th.", date(2022, 3, 9), (date(2022, 2, 28), date(2022, 2, 28), "day")),
        # the nights, however phrased
        (
            "overnight from 1 to 2 June",
            date(2022, 6, 9),
            (date(2022, 6, 1), date(2022, 6, 2), "range"),
        ),
        (
            "during the night from June 1 to 2",
            date(2022, 6, 9),
            (date(2022, 6, 1), date(2022, 6, 2), "range"),
        ),
        ("on the night to 2 June", date(2022, 6, 9), (date(2022, 6, 1), date(2022, 6, 2), "range")),
        (
            "overnight into Wednesday",
            date(2022, 6, 9),
            (date(2022, 6, 7), date(2022, 6, 8), "range"),
        ),
        (
            "on the night of Monday to Tuesday",
            date(2022, 6, 9),
            (date(2022, 6, 6), date(2022, 6, 7), "range"),
        ),
        # "since Monday": from that day until the report (2015-10-03 was a Saturday)
        (
            "has raged since Monday",
            date(2015, 10, 3),
            (date(2015, 9, 28), date(2015, 10, 3), "range"),
        ),
        # a decade
        ("in the 1990s", date(2024, 5, 11), (date(1990, 1, 1), date(1999, 12, 31), "year")),
        # a season of a year
        (
            "in the winter of 1941",
            date(2022, 1, 1),
            (date(1940, 12, 1), date(1941, 2, 28), "range"),
        ),
        # a press release's "a short while ago" is its own day
        ("A short while ago", date(2025, 5, 5), (date(2025, 5, 5), date(2025, 5, 5), "day")),
        ("two hours ago", date(2025, 5, 5), (date(2025, 5, 5), date(2025, 5, 5), "day")),
        # holidays of a fixed date, in the year that has last had them
        ("on Christmas Eve", date(2023, 12, 30), (date(2023, 12, 24),) * 2 + ("day",)),
        ("on New Year's Day", date(2024, 1, 3), (date(2024, 1, 1),) * 2 + ("day",)),
        ("on New Year's Eve", date(2024, 1, 3), (date(2023, 12, 31),) * 2 + ("day",)),
    ],
)
def test_expressions_normalise_against_publication(text, published, expected):
    assert _one(text, published) == expected


def test_may_the_verb_is_no_month():
    assert DateNormaliser(date(2022, 3, 1), published=True).find("troops may join in days") == []


def test_offsets_point_into_the_text():
    text = "Two of them were held in Stowbtsy on the night of 1 to 2 March."
    (mention,) = DateNormaliser(date(2022, 3, 4), published=True).find(text, offset=100)
    assert text[mention.start - 100 : mention.end - 100] == mention.text
    assert mention.text.startswith("night of 1 to 2 March")


def test_weekdays_need_a_real_publication_date():
    """Without a publication date, "on Sunday" cannot be placed; absolute dates still can."""
    text = "On 12 March 2022 officials spoke; on Sunday trains stopped."
    normaliser = DateNormaliser.for_text(text, None)
    found = {m.text: (m.date_start, m.precision) for m in normaliser.find(text)}
    assert found == {"12 March 2022": (date(2022, 3, 12), "day")}


def test_ordinal_before_a_noun_is_no_date():
    """ "on the 5th floor", "on the 38th brigade's base": an ordinal, not a day of the month."""
    normaliser = DateNormaliser(date(2022, 3, 9), published=True)
    assert normaliser.find("a flat on the 5th floor") == []
    assert normaliser.find("fire on the 38th brigade") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the day before yesterday", (date(2022, 3, 8), date(2022, 3, 8), "day")),
        ("in the first week of March", (date(2022, 3, 1), date(2022, 3, 7), "range")),
        ("during the last week of February", (date(2022, 2, 22), date(2022, 2, 28), "range")),
        ("in the second half of February", (date(2022, 2, 16), date(2022, 2, 28), "range")),
    ],
)
def test_days_before_yesterday_and_weeks_of_a_month(text, expected):
    (mention,) = DateNormaliser(date(2022, 3, 10), published=True).find(text)
    assert (mention.date_start, mention.date_end, mention.precision) == expected


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The next day the column reached the border.", 1),
        ("On the following morning police returned.", 1),
        ("Three days later the line reopened.", 3),
        ("A day later the trains ran again.", 1),
        ("The day after, nothing happened.", 1),
        ("Trains run every day.", None),
        # counted back from the event told before
        ("Police said the fire had started the day before.", -1),
        ("Two days earlier the same cabinet had been forced open.", -2),
        ("The previous night a signal box burned.", -1),
        ("It happened the day before the election.", None),
    ],
)
def test_days_counted_from_the_event_before(text, days):
    assert days_later(text) == days


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("They practised landings on Tuesday and Wednesday.", date(2022, 4, 19), date(2022, 4, 20)),
        ("Drills ran from Tuesday to Thursday.", date(2022, 4, 19), date(2022, 4, 21)),
        ("Trains stood between Saturday and Monday.", date(2022, 4, 16), date(2022, 4, 18)),
    ],
)
def test_two_weekdays_joined_are_a_span_of_one_week(text, start, end):
    found = DateNormaliser.for_text(text, date(2022, 4, 21)).find(text)
    assert [(d.date_start, d.date_end, d.precision) for d in found] == [(start, end, "range")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the 14th someone cut the signal cable.", date(2022, 3, 14)),
        ("The depot burned on the 24th, officials said.", date(2022, 2, 24)),
    ],
)
def test_a_day_of_the_month_alone_is_the_latest_such_day(text, expected):
    assert _one(text, date(2022, 3, 21)) == (expected, expected, "day")


@pytest.mark.parametrize(
    "text", ["He lives on the 14th floor.", "on the 3rd day of the war", "On the 2nd and 3rd"]
)
def test_an_ordinal_before_a_noun_is_no_date(text):
    assert DateNormaliser(date(2022, 3, 21), published=True).find(text) == []


def test_a_christmas_market_is_no_date():
    finds = DateNormaliser(date(2024, 12, 21), published=True).find(
        "A car ploughed into a Christmas market in Magdeburg."
    )
    assert finds == []
