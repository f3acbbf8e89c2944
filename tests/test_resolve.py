"""Resolution in context: which of a name's namesakes the rest of the text points to."""

from __future__ import annotations


def _found(pipeline, text: str) -> dict[str, tuple[float, float]]:
    return {text[s:e]: (lat, lon) for s, e, lat, lon in pipeline.geoparse(text)}


def _near(point: tuple[float, float], lat: float, lon: float, km: float = 50.0) -> bool:
    from geomap.distance import haversine_km

    return haversine_km(*point, lat, lon) < km


def test_a_name_repeated_does_not_vouch_for_its_famous_namesake(pipeline):
    # Athens said three times is still the Georgia town beside Watkinsville, not Greece
    text = (
        "Athens police closed two streets after the fire. Athens firefighters worked through "
        "the night, and the Athens mayor thanked crews who came from Watkinsville."
    )
    found = _found(pipeline, text)
    assert _near(found["Athens"], 33.96, -83.38)
