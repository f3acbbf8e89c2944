"""First-level regions by their own names and wire copy's ("Bayern", "Sicilia", "Baviera"),
from ISO 3166-2 matched to GeoNames' admin-1 codes."""

from __future__ import annotations

import pytest

from geomap.gazetteer.iso_regions import _written, region_names
from geomap.gazetteer.packs import DataPacks


@pytest.fixture(scope="module")
def iso_names(data_dir):
    rows = DataPacks(data_dir).admin1_codes()
    return region_names((code, name, ascii_name) for code, name, ascii_name, _gid in rows)


def test_a_catalogue_entry_gives_its_names_not_its_qualifiers():
    assert _written("Wales [Cymru GB-CYM]") == {"Wales", "Cymru"}
    assert _written("Asturias, Principado de") == {"Asturias"}
    assert _written("Guyane (française)") == {"Guyane"}
    assert _written("Amānat al ‘Āşimah [city]") == {"Amānat al ‘Āşimah"}
    # a compass point names nothing a reader looks up
    assert _written("Sud-Est") == set() and _written("Pays du Sud") == set()


@pytest.mark.parametrize(
    ("code", "own", "translated"),
    [
        ("DE.02", "Bayern", {"Bavière", "Baviera", "Bawaria"}),  # GeoNames: "Bavaria"
        ("DE.05", "Hessen", {"Hesja"}),  # "Hesse"
        ("IT.09", "Lombardia", {"Lombardei", "Lombardie"}),  # "Lombardy"
        ("IT.15", "Sicilia", {"Sizilien", "Sycylia"}),  # "Sicily"
        ("ES.56", "Cataluña", {"Katalonia"}),  # "Catalonia"
        ("SD.38", "Gezira", set()),  # "Al Jazīrah"
    ],
)
def test_a_region_is_paired_with_its_geonames_code(iso_names, code, own, translated):
    own_names, translations = iso_names[code]
    assert own in own_names
    assert translated <= translations


def test_each_region_is_paired_once_and_within_its_country(iso_names, data_dir):
    codes = {code for code, *_ in DataPacks(data_dir).admin1_codes()}
    assert set(iso_names) <= codes
    # several thousand regions the world over, not a handful
    assert len(iso_names) > 2500


def _found(pipeline, text: str) -> dict[str, tuple[float, float]]:
    return {text[a:b]: (lat, lon) for a, b, lat, lon in pipeline.geoparse(text)}


def test_regions_written_in_their_own_language_are_found_and_placed(pipeline):
    found = _found(
        pipeline,
        "Storms swept Bayern and Sicilia; Lombardia, Niedersachsen and Cataluña were spared.",
    )
    boxes = {
        "Bayern": (47, 51, 9, 14),
        "Sicilia": (36, 39, 12, 16),
        "Lombardia": (44.5, 47, 8, 11.5),  # not the town in Mexico
        "Niedersachsen": (51, 54, 6, 12),
        "Cataluña": (40, 43, 0, 3.5),
    }
    for name, (south, north, west, east) in boxes.items():
        lat, lon = found[name]
        assert south < lat < north and west < lon < east, name


def test_a_compass_word_in_a_station_name_is_no_foreign_region(pipeline):
    # "Centraĺny" had matched a Polish or Czech translation of Burkina Faso's "Centre"
    lat, lon = _found(pipeline, "A train stood at Vaŭkavysk-Centraĺny station.")[
        "Vaŭkavysk-Centraĺny"
    ]
    assert 52 < lat < 54 and 23 < lon < 26


def test_a_new_release_of_a_package_the_index_reads_rebuilds_it(data_dir, monkeypatch):
    import geomap.gazetteer.index as index

    packs = DataPacks(data_dir)
    before = index._fingerprint(packs)
    real = index.version
    monkeypatch.setattr(
        index, "version", lambda name: "99.0" if name == "pycountry" else real(name)
    )
    assert index._fingerprint(packs) != before
