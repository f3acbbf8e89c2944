"""The gazetteer's fast paths give what their plain readings give.

Name keys and skeletons against the rules read as one regex pass each (the way they were
first written); key → rows storage and Candidate.from_fields against their definitions.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from geomap.gazetteer.keyrows import KeyRows
from geomap.gazetteer.names import _LATIN_FOLD, name_key, skeleton
from geomap.models import Candidate

_DROP = re.compile(r"[’'ʼ`ʹ′‘´\.\u02bb\u02bc]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,()]+")
_SKELETON_RULES = [
    (r"shch|sch|szcz", "s"),
    (r"tsch|tch|cz|ch|tsh", "c"),
    (r"sz|sh|zs", "s"),
    (r"zh|zj|rz", "z"),
    (r"kh|ch|x", "h"),
    (r"g", "h"),
    (r"ts|tz|c", "c"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"[jy]", "i"),
    (r"([a-z])\1+", r"\1"),
    (r"i+", "i"),
    (r"(?<=[^aeiou])ie\b|(?<=[^aeiou])e\b", "ia"),
    (r"(?<=[^aeiou])ie", "e"),
    (r"ii\b|ij\b", "i"),
]


def plain_name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.translate(_LATIN_FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _SEPARATORS.sub(" ", _DROP.sub("", folded)).strip()


def plain_skeleton(name: str) -> str:
    from anyascii import anyascii

    key = re.sub(r"[^a-z]", "", plain_name_key(anyascii(name)).replace(" ", ""))
    for pattern, repl in _SKELETON_RULES:
        key = re.sub(pattern, repl, key)
    return key


def spellings() -> list[str]:
    """Every character alone and between letters, and random names from the letters the
    skeleton rules turn on (overlapping spellings such as "tchz" or "zsz" among them)."""
    out = [chr(i) for i in range(0x3100)] + [f"a{chr(i)}b" for i in range(0x3100)]
    rng = random.Random(7)
    letters = "schtzjykhgwpiaeoubdrx'- .ŁłéÖ\t"
    out += ["".join(rng.choices(letters, k=rng.randint(1, 14))) for _ in range(30_000)]
    return out + ["Homyel’", "Zagat'ye", "Schtschutschin", "İstanbul", "ﬁnland", "Kyïv"]


def test_name_keys_and_skeletons_match_the_plain_rules():
    for name in spellings():
        assert name_key.__wrapped__(name) == plain_name_key(name), name
        assert skeleton.__wrapped__(name) == plain_skeleton(name), name


def test_key_rows_keep_each_keys_rows_in_the_order_written(tmp_path):
    KeyRows.write(tmp_path, "keys", [("minsk", [7, 2, 9]), ("mir", [4]), ("orsha", [])])
    rows = KeyRows(tmp_path, "keys")
    assert rows.get("minsk").tolist() == [7, 2, 9]
    assert rows.get("mir").tolist() == [4]
    assert rows.get("orsha").tolist() == []
    assert rows.get("pinsk").tolist() == []
    assert "mir" in rows and "pinsk" not in rows
    assert rows.has_prefix("mi") and not rows.has_prefix("pi")


def test_key_rows_keep_each_rows_flag_beside_it(tmp_path):
    rows_by_key = [("minsk", [7, 2, 9]), ("mir", [4]), ("orsha", [])]
    flags = {"minsk": [False, True, False], "mir": [True], "orsha": []}
    KeyRows.write(tmp_path, "keys", rows_by_key, flags)
    rows = KeyRows(tmp_path, "keys")
    assert rows.flagged("minsk") == [(7, False), (2, True), (9, False)]
    assert rows.flagged("mir") == [(4, True)]
    assert rows.flagged("orsha") == [] and rows.flagged("pinsk") == []
    assert rows.get("minsk").tolist() == [7, 2, 9]


FIELDS = dict(
    name="Minsk",
    lat=53.9,
    lon=27.57,
    feature_class="city",
    country_code="BY",
    admin1="BY.04",
    population=2_000_000,
    geonameid=625144,
    origin="geonames",
    match="exact",
    similarity=1.0,
    key="geonames:625144",
    radius_km=12.0,
    capital=True,
)


def test_candidate_from_fields_equals_the_constructors_and_checks_as_it_does():
    assert Candidate.from_fields(FIELDS) == Candidate(**FIELDS)
    assert repr(Candidate.from_fields(FIELDS)) == repr(Candidate(**FIELDS))
    with pytest.raises(ValueError, match="out of range"):
        Candidate.from_fields(FIELDS | {"lat": 91.0})
    with pytest.raises(ValueError, match="feature class"):
        Candidate.from_fields(FIELDS | {"feature_class": "town"})
    with pytest.raises(TypeError):
        Candidate.from_fields({k: v for k, v in FIELDS.items() if k != "match"})
