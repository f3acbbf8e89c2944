"""The seed article end to end: every place it names, none of its traps, its incidents."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.models import Document, Source


@pytest.fixture(scope="module")
def seed(pipeline, seed_text):
    return pipeline.read(Document(seed_text, Source(path="seed.txt")))


def _places_named(result, written: str):
    return [
        place
        for span, place in result.resolution.by_mention.items()
        if result.document.text[span[0] : span[1]].startswith(written)
        and place.candidate.origin != "section"
    ]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        (
            "Farinovo",
            "station:BY:165203",
        ),  # the station on the Polotsk–Molodechno line, not the village
        ("Zagattya", "station:BY:165148"),
        ("Vitebsk", "geonames:620127"),
        ("Mogilev", "admin1:BY.06"),
        ("Gomel", "admin1:BY.02"),
        ("Minsk regions", "admin1:BY.05"),
        ("Volyn", "admin1:UA.24"),
        ("Vladivostok", "geonames:2013348"),
        ("Petropavlovsk-Kamchatsky", "geonames:2122104"),
        ("Chechnya", "admin1:RU.12"),
        ("Belarus", "geonames:630336"),
        ("Ukraine", "geonames:690791"),
        ("Russia", "geonames:2017370"),
    ],
)
def test_seed_places_resolve_to_the_right_entry(seed, written, key):
    places = _places_named(seed, written)
    assert places, f"{written} was not recognised"
    assert {p.candidate.key for p in places} == {key}


def test_minsk_alone_is_the_capital(seed):
    keys = {p.candidate.key for p in _places_named(seed, "Minsk") if p.mention.kind == "name"}
    assert keys == {"geonames:625144"}


@pytest.mark.parametrize(
    "trap",
    [
        "Kamyshin",
        "Berlin",
        "Idritsa",
        "Ukrzaliznytsia",
        "Zerkalo",
        "BelTA",
        "Telegram",
        "Instagram",
        "Facebook",
        "Kutuzov",
    ],
)
def test_seed_traps_are_not_places(seed, trap):
    assert not [m for m in seed.mentions if trap in m.text]


def _incidents(seed, event_type):
    return [i for i in seed.incidents if i.event_type == event_type]


def test_relay_cabinet_on_the_farinovo_zagattya_section(seed, pipeline):
    (incident,) = [i for i in _incidents(seed, "rail_sabotage") if i.geometry_role == "section"]
    assert incident.date_start == incident.date_end == date(2022, 3, 16)
    assert incident.time_precision == "day"
    assert [p.candidate.key for p in incident.place.parts] == [
        "station:BY:165203",
        "station:BY:165148",
    ]
    assert "relay cabinet" in incident.quote
    start, end = incident.span
    assert seed.document.text[start:end] == incident.quote
    geometry = pipeline.collection(_only(seed, incident))["features"][0]["geometry"]
    assert geometry["type"] == "LineString"
    # drawn along the line through the stop between the two stations (Vetrino, 55.406 N 28.475 E)
    assert any(
        abs(lat - 55.406) < 0.001 and abs(lon - 28.475) < 0.001
        for lon, lat in geometry["coordinates"]
    )


def test_signalling_destroyed_in_three_regions_claimed_by_two_groups(seed):
    regional = [i for i in _incidents(seed, "rail_sabotage") if i.geometry_role == "region"]
    assert sorted(i.place.candidate.admin1 for i in regional) == ["BY.02", "BY.05", "BY.06"]
    for incident in regional:
        assert (incident.date_start, incident.date_end) == (date(2022, 2, 28), date(2022, 3, 1))
        assert incident.time_precision == "range"
        assert set(incident.claimed_by) == {"Busly Lyatsyats", "BYpol"}
        assert incident.geo_precision == 3


def test_battalion_groups_to_the_ukrainian_border(seed, pipeline):
    (incident,) = _incidents(seed, "troop_deployment")
    assert incident.date_start == date(2022, 3, 12)
    assert incident.geometry_role == "border"
    assert sorted(p.candidate.country_code for p in incident.place.parts) == ["BY", "UA"]
    geometry = pipeline.collection(_only(seed, incident))["features"][0]["geometry"]
    assert geometry["type"] in ("LineString", "MultiLineString")


def test_helicopter_training_over_minsk(seed):
    (incident,) = _incidents(seed, "military_exercise")
    assert incident.date_start == date(2022, 3, 17)
    assert incident.place.candidate.key == "geonames:625144"
    assert incident.geometry_role == "point"


def test_troops_from_the_far_east_to_belarus(seed, pipeline):
    moves = _incidents(seed, "troop_movement")
    assert sorted(i.origin.candidate.key for i in moves) == ["geonames:2013348", "geonames:2122104"]
    for incident in moves:
        assert incident.date_start == date(2022, 3, 19)
        assert incident.place.candidate.key == "geonames:630336"
        assert incident.geometry_role == "path"
        geometry = pipeline.collection(_only(seed, incident))["features"][0]["geometry"]
        assert geometry["type"] == "LineString" and len(geometry["coordinates"]) == 2


def test_threatened_offensive_in_the_volyn_direction(seed):
    (incident,) = _incidents(seed, "offensive_threat")
    assert incident.date_start == date(2022, 3, 20)
    assert incident.place.candidate.admin1 == "UA.24"
    assert incident.geometry_role == "region"


def test_no_incident_from_the_denial_or_from_speculation(seed):
    quotes = " ".join(i.quote for i in seed.incidents)
    assert "denied that they were preparing" not in quotes or all(
        i.event_type == "troop_deployment" for i in seed.incidents if "denied" in i.quote
    )
    assert "may join" not in quotes
    assert "will join forces" not in quotes


def test_boilerplate_is_never_read(seed):
    assert not [i for i in seed.incidents if "Patron" in i.quote or "Copyright" in i.quote]


def _only(seed, incident):
    from geomap.pipeline import Extraction

    return Extraction(documents=[], incidents=[incident])
