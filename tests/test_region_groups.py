"""Regions that news names whole but gazetteers only in compass parts: "Darfur" (North,
South, West, Central and East Darfur), "Kivu", "Sinai", "Sussex"."""

from __future__ import annotations

import pytest

from geomap.distance import haversine_km
from geomap.gazetteer.macro_regions import (
    english_compass_names,
    whole_of_part,
    wire_compass_names,
)


def _found(pipeline, text: str) -> dict[str, tuple[float, float]]:
    return {text[a:b]: (lat, lon) for a, b, lat, lon in pipeline.geoparse(text)}


@pytest.mark.parametrize(
    ("text", "written", "parts"),
    [
        ("Peace in Darfur is a priority for the mediators.", "Darfur", ("Northern Darfur",)),
        ("Rebels advanced across Kivu towards Goma.", "Kivu", ("South Kivu", "North Kivu")),
        ("Militants attacked a checkpoint in Sinai overnight.", "Sinai", ("North Sinai",)),
        ("Storms battered Sussex on Tuesday.", "Sussex", ("East Sussex", "West Sussex")),
    ],
)
def test_a_region_named_whole_lies_among_its_parts(pipeline, text, written, parts):
    lat, lon = _found(pipeline, text)[written]
    (whole,) = [
        c for c in pipeline.gazetteer.candidates(written, loose=False) if c.origin == "region_group"
    ]
    assert (whole.lat, whole.lon) == (lat, lon)
    for name in parts:
        part = next(
            c
            for c in pipeline.gazetteer.candidates(name, loose=False)
            if c.feature_class in ("admin1", "admin2")
        )
        assert part.country_code == whole.country_code
        assert haversine_km(lat, lon, part.lat, part.lon) < whole.radius_km


def test_a_part_named_in_french_has_its_english_name(pipeline):
    # GeoNames calls it Nord-Kivu; English news writes North Kivu
    found = _found(pipeline, "Fighting resumed in North Kivu province.")
    assert haversine_km(*found["North Kivu"], -0.7, 28.6) < 150


@pytest.mark.parametrize(
    ("text", "written", "seat"),
    [
        # GeoNames: "Southern Kordofan", "Southern Darfur", "West Kordofan State"
        ("Shelling was reported in Dilling, South Kordofan.", "South Kordofan", (11.0, 29.7)),
        ("Fighting spread across South Darfur on Monday.", "South Darfur", (12.05, 24.88)),
        ("The RSF took En Nahud, a town of West Kordofan.", "West Kordofan", (12.7, 28.43)),
    ],
)
def test_a_part_written_with_a_compass_noun_or_without_state_is_that_part(
    pipeline, text, written, seat
):
    found = _found(pipeline, text)
    assert haversine_km(*found[written], *seat) < 200
    assert any(
        c.feature_class == "admin1" and c.country_code == "SD"
        for c in pipeline.gazetteer.candidates(written, loose=False)
    )


@pytest.mark.parametrize(
    ("text", "written", "seat"),
    [
        # wire copy in Spanish, German and French writes the compass parts its own way
        ("Los combates siguen en Darfur del Norte.", "Darfur del Norte", (16.5, 25.5)),
        ("La RSF avanzó hacia Kordofán del Sur.", "Kordofán del Sur", (11.5, 29.8)),
        ("Die Kämpfe in Nord-Darfur dauern an.", "Nord-Darfur", (16.5, 25.5)),
        ("Des combats ont eu lieu au Kivu du Sud.", "Kivu du Sud", (-3.1, 28.1)),
    ],
)
def test_a_compass_part_in_the_languages_of_wire_copy_is_that_part(pipeline, text, written, seat):
    assert haversine_km(*_found(pipeline, text)[written], *seat) < 200


def test_a_compass_word_ending_a_name_the_index_lacks_is_no_region_of_its_own(pipeline):
    # "Darfour" is French, the whole unknown: its "Nord" is not Cameroon's Nord region
    assert _found(pipeline, "Les combats dans le Darfour du Nord continuent.") == {}
    # ... but "le Nord" alone, and a whole the index knows, still are
    assert "Nord" in _found(pipeline, "Il vit dans le Nord, près de Lille.")
    assert "Corée du Nord" in _found(pipeline, "La Corée du Nord a tiré un missile.")


def test_the_wire_copy_names_of_a_compass_part():
    assert {"Darfur del Norte", "Darfur du Nord", "Nord-Darfur"} <= wire_compass_names(
        "North Darfur"
    )
    assert "Süd-Kordofan" in wire_compass_names("South Kordofan")
    # no compass part, or no whole: nothing
    assert wire_compass_names("Kordofan") == set() == wire_compass_names("North West")


@pytest.mark.parametrize("word", ["Cape", "Highlands", "Red Sea", "West", "Ouest"])
def test_compass_parts_of_no_named_whole_make_no_region(pipeline, word):
    """Western, Eastern and Northern Cape make no "Cape"; the Red Sea regions of Eritrea
    make no sea; "North West Province" makes no "West Province"."""
    assert not any(
        c.origin == "region_group" for c in pipeline.gazetteer.candidates(word, loose=False)
    )


def test_the_whole_of_a_part():
    assert whole_of_part("Northern Darfur") == "Darfur"
    assert whole_of_part("Nord-Kivu") == "Kivu"
    assert whole_of_part("North East Lincolnshire") == "Lincolnshire"
    assert whole_of_part("North West District") is None
    assert whole_of_part("Western Cape") is None
    assert whole_of_part("Kivu") is None
    assert english_compass_names("Sud-Kivu") == {"South Kivu"}


@pytest.mark.parametrize(
    ("text", "written", "parts"),
    [
        ("Shelling went on across the Donbas overnight.", "Donbas", ("Donetsk", "Luhansk")),
        ("Shelling went on across Donbass villages.", "Donbass", ("Donetsk", "Luhansk")),
        ("Oil from Iraqi Kurdistan flows north.", "Iraqi Kurdistan", ("Duhok", "Sulaymaniyah")),
        ("Troops patrolled Kashmir.", "Kashmir", ("Jammu and Kashmir", "Azad Kashmir")),
    ],
)
def test_a_region_of_whole_provinces_lies_among_them(pipeline, text, written, parts):
    """Donbas is no compass part of anything; its provinces make it. Before, "Kashmir" was
    Cashmere, Washington."""
    lat, lon = _found(pipeline, text)[written]
    (whole,) = [
        c for c in pipeline.gazetteer.candidates(written, loose=False) if c.origin == "region_group"
    ]
    for name in parts:
        part = next(
            c
            for c in pipeline.gazetteer.candidates(name, loose=False)
            if c.feature_class == "admin1"
        )
        assert haversine_km(lat, lon, part.lat, part.lon) < whole.radius_km


def test_a_former_country_sits_at_its_continuing_state_and_reaches_over_the_others(pipeline):
    found = _found(pipeline, "He fled the Soviet Union in 1979 and later Czechoslovakia.")
    russia = pipeline.gazetteer.country_candidate("RU")
    assert haversine_km(*found["Soviet Union"], russia.lat, russia.lon) < 1
    (union,) = [
        c for c in pipeline.gazetteer.candidates("USSR", loose=False) if c.name == "Soviet Union"
    ]
    kyiv = (50.45, 30.52)
    assert haversine_km(union.lat, union.lon, *kyiv) < union.radius_km
    czech = pipeline.gazetteer.country_candidate("CZ")
    assert haversine_km(*found["Czechoslovakia"], czech.lat, czech.lon) < 1
