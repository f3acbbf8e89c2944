"""Wire datelines: where and when a report was filed."""

from __future__ import annotations

import pytest

from geomap.datelines import dates_dateline, heads_dateline, opens_dateline


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("SEOUL, South Korea (CNN) - Talks resumed.", "SEOUL", True),
        ("By Nate Raymond. BOSTON (Reuters) - A judge ruled.", "BOSTON", True),
        ("TIJUANA & SAN DIEGO, MARCH 29 -- Migrants waited.", "SAN DIEGO", True),
        ("Officials of the NATO alliance met. NATO, they said, agreed.", "NATO", False),
    ],
)
def test_capitals_opening_a_dateline(text, name, expected):
    assert opens_dateline(text, *_span(text, name)) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("KYIV, Feb 24 (AFP) - Explosions were heard.", "KYIV", True),
        ("BERLIN/KYIV, 4 March 2022 — Talks began.", "KYIV", True),
        ("HOMIEL. – Signals failed near Rechytsa.", "HOMIEL", True),
        ("Trains to Kyiv, Feb 24, were stopped.", "Kyiv", False),
        # in brackets, as rights groups write it
        ("(Nairobi) – Hundreds of fighters stormed Djibo.", "Nairobi", True),
        ("Fighters stormed Djibo (Burkina Faso) – the army said.", "Burkina Faso", False),
        # a country of several words after the place
        ("GOMA, Democratic Republic of Congo — M23 rebels took Rutshuru.", "GOMA", True),
        ("JUBA, South Sudan, July 9 — Fighting resumed.", "JUBA", True),
    ],
)
def test_a_place_heading_a_dateline(text, name, expected):
    assert heads_dateline(text, *_span(text, name)) is expected


def test_the_date_of_a_dateline_is_the_filing_day():
    text = "LVIV, Ukraine, March 18 (AP) — A strike hit the airport on Friday."
    assert dates_dateline(text, *_span(text, "March 18"))
    assert not dates_dateline(text, *_span(text, "Friday"))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a region with a hyphen, a town with Turkish capitals, a dateline in brackets
        ("TUZLA, Bosnia-Herzegovina, May 26 — A shell hit on Thursday.", "May 26"),
        ("KİLİS, Turkey, Jan. 22 — Rockets hit on Sunday.", "Jan. 22"),
        ("(Kukës, Albania, April 3, 1999) — Refugees arrived on Friday.", "April 3, 1999"),
    ],
)
def test_the_date_of_datelines_of_other_shapes(text, date):
    assert dates_dateline(text, *_span(text, date))
