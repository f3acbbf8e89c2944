"""Regions made of whole countries ("the Middle East", "Central Asia") and the bodies named
for counties."""

from __future__ import annotations

import pytest

from geomap.distance import haversine_km
from geomap.models import Document


@pytest.mark.parametrize(
    ("text", "written", "members"),
    [
        ("Hopes for peace in the Middle East faded as talks ended.", "Middle East", "IQ SA JO"),
        ("Floods swept Southeast Asia in June.", "Southeast Asia", "TH VN ID"),
        ("Sanctions hit Central Asia hardest.", "Central Asia", "KZ UZ"),
        ("Drought spread across the Horn of Africa.", "Horn of Africa", "ET SO"),
    ],
)
def test_a_region_of_countries_lies_among_its_members(pipeline, text, written, members):
    """Not "Middle East", Maryland: a region of whole countries, placed among them."""
    found = {text[a:b]: (lat, lon) for a, b, lat, lon in pipeline.geoparse(text)}
    lat, lon = found[written]
    (region,) = [
        c for c in pipeline.gazetteer.candidates(written, loose=False) if c.origin == "macro_region"
    ]
    assert (region.lat, region.lon) == (lat, lon)
    for code in members.split():
        country = pipeline.gazetteer.country_candidate(code)
        assert haversine_km(lat, lon, country.lat, country.lon) < region.radius_km


def test_a_hospital_named_for_a_county_town_names_the_town(pipeline):
    text = "They made it safely to Limerick Maternity Hospital, where Molly was born."
    mentions = pipeline.recognizer.mentions(Document(text=text))
    assert [(m.text, m.in_title) for m in mentions] == [("Limerick", True)]


def test_a_region_of_countries_takes_the_context_of_its_members(pipeline):
    """A text that names Texas and Syria: "the Middle East" is still the region, not the
    Maryland hamlet of that name, because Syria is one of its members."""
    text = (
        "A soldier from Austin, Texas, died in Manbij, Syria. He had served in Afghanistan "
        "and the Middle East."
    )
    found = {text[a:b]: (lat, lon) for a, b, lat, lon in pipeline.geoparse(text)}
    lat, lon = found["Middle East"]
    syria = pipeline.gazetteer.country_candidate("SY")
    assert haversine_km(lat, lon, syria.lat, syria.lon) < 1500


@pytest.mark.parametrize(
    ("text", "written", "region"),
    [
        (
            "A caravan of Central American migrants reached the border.",
            "Central American",
            "Central America",
        ),
        ("Latin American history shows the perils of debt.", "Latin American", "Latin America"),
        ("Middle Eastern oil prices rose again.", "Middle Eastern", "Middle East"),
    ],
)
def test_the_adjective_of_a_region_of_countries_names_the_region(pipeline, text, written, region):
    found = {text[a:b]: (lat, lon) for a, b, lat, lon in pipeline.geoparse(text)}
    (whole,) = [
        c for c in pipeline.gazetteer.candidates(region, loose=False) if c.origin == "macro_region"
    ]
    assert found[written] == (whole.lat, whole.lon)
    assert "American" not in found
