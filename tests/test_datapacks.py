"""``geomap data fetch`` / ``status`` against a local HTTP mirror of the official paths."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import geomap.gazetteer
from geomap import datapacks
from geomap.cli import main
from geomap.config import Settings
from geomap.datapacks import FetchError, fetch
from geomap.errors import UsageError
from geomap.gazetteer.packs import DataPacks

PACKS = Path(__file__).parent / "fixtures" / "export" / "packs"
NE = "naturalearth/10m/cultural"
ALL = (
    "admin1_codes",
    "admin2_codes",
    "country_info",
    "geonames:BY",
    "postal:BY",
    "ne_admin0",
    "ne_admin1",
)


class MirrorHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass

    def do_GET(self):
        if self.path.startswith("/slow/"):
            time.sleep(1.5)
        return super().do_GET()


def _zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _shapefile_zip(path: Path, frame, stem: str) -> None:
    folder = path.parent / f"{stem}-parts"
    folder.mkdir(parents=True)
    frame.to_file(
        folder / f"{stem}.shp", driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8"
    )
    members = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    members[f"{stem}.README.html"] = b"<html>Made with Natural Earth.</html>"
    _zip(path, members)


def _build_mirror(root: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    dump = root / "export" / "dump"
    dump.mkdir(parents=True)
    for name in ("admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt"):
        (dump / name).write_bytes((PACKS / name).read_bytes())
    _zip(
        dump / "BY.zip",
        {"BY.txt": (PACKS / "geonames_BY.txt").read_bytes(), "readme.txt": b"GeoNames"},
    )
    _zip(root / "export" / "zip" / "BY.zip", {"BY.txt": (PACKS / "postal_BY.txt").read_bytes()})
    # broken downloads
    (dump / "UA.zip").write_bytes(b"<html>502 Bad Gateway</html>")
    good = (PACKS / "geonames_BY.txt").read_bytes()
    _zip(dump / "MD.zip", {"MD.txt": good}, zipfile.ZIP_STORED)
    raw = bytearray((dump / "MD.zip").read_bytes())
    raw[raw.index(b"Farinovo")] ^= 0xFF  # a flipped byte: the CRC no longer matches
    (dump / "MD.zip").write_bytes(bytes(raw))
    _zip(dump / "LT.zip", {"readme.txt": b"no LT.txt in here"})
    _zip(
        root / "export" / "zip" / "PL.zip", {"../../PL.txt": (PACKS / "postal_BY.txt").read_bytes()}
    )
    wrong = root / "wrong" / "export" / "dump"
    wrong.mkdir(parents=True)
    (wrong / "admin1CodesASCII.txt").write_text("<html><body>Service unavailable</body></html>\n")
    slow = root / "slow" / "export" / "dump"
    slow.mkdir(parents=True)
    (slow / "admin1CodesASCII.txt").write_bytes((PACKS / "admin1CodesASCII.txt").read_bytes())

    countries = gpd.GeoDataFrame(
        {
            "ADM0_A3": ["BLR", "FRA"],
            "ISO_A2": ["BY", "-99"],  # Natural Earth's "-99" for France
            "ISO_A2_EH": ["BY", "FR"],
            "ISO_A3": ["BLR", "-99"],
            "ISO_A3_EH": ["BLR", "FRA"],
            "NAME": ["Belarus", "France"],
            "NAME_RU": ["Белоруссия", "Франция"],
        },
        geometry=[box(23.2, 51.3, 32.8, 56.2), box(-4.8, 42.3, 8.2, 51.1)],
        crs="EPSG:4326",
    )
    _shapefile_zip(
        root / NE / "ne_10m_admin_0_countries.zip", countries, "ne_10m_admin_0_countries"
    )
    regions = gpd.GeoDataFrame(
        {
            "adm1_code": ["BLR-2838"],
            "iso_3166_2": ["BY-VI"],
            "gn_a1_code": ["BY.07"],
            "gn_id": [620134],
            "name": ["Vitebsk"],
            "name_alt": ["Віцебская вобласць|Витебская область"],
            "adm0_a3": ["BLR"],
            "latitude": [55.3],
            "longitude": [28.9],
        },
        geometry=[box(26.5, 54.2, 31.2, 56.2)],
        crs="EPSG:4326",
    )
    _shapefile_zip(
        root / NE / "ne_10m_admin_1_states_provinces.zip",
        regions,
        "ne_10m_admin_1_states_provinces",
    )


@dataclasses.dataclass
class Mirror:
    root: Path
    url: str


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    root = tmp_path_factory.mktemp("mirror")
    _build_mirror(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(MirrorHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Mirror(root, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def dest(tmp_path) -> Path:
    """A data dir that already holds a file, to check failures leave it alone."""
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "notes.md").write_text("my own notes\n")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder``'s parent: a failed fetch may not leave anything behind."""
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for p in folder.parent.rglob("*")
        if p.is_file()
    }


# -- fetching -------------------------------------------------------------------------------


def test_fetch_everything_from_a_mirror(mirror, dest):
    report = fetch(dest, ALL, base_url=mirror.url)
    assert [f.source for f in report.files] == list(ALL)
    found = {f.path.relative_to(dest).as_posix(): (f.kind, f.count) for f in DataPacks(dest).files}
    assert found == {
        "geonames/admin1CodesASCII.txt": ("admin1_codes", 7),
        "geonames/admin2Codes.txt": ("admin2_codes", 2),
        "geonames/BY.txt": ("geonames", 3),
        "postal/BY.txt": ("postal", 2),
        "naturalearth/ne_10m_admin_0_countries.geojson": ("admin0", 2),
        "naturalearth/ne_10m_admin_1_states_provinces.geojson": ("admin1", 1),
    }
    assert (
        dest / "geonames" / "countryInfo.txt"
    ).is_file()  # kept, though DataPacks does not read it
    assert (dest / "notes.md").read_text() == "my own notes\n"
    # nothing left of the staging folder
    assert sorted(p.name for p in dest.parent.iterdir()) == ["packs"]


def test_natural_earth_properties_survive_the_conversion(mirror, dest):
    fetch(dest, ["ne_admin0", "ne_admin1"], base_url=mirror.url)
    admin0 = json.loads(
        (dest / "naturalearth" / "ne_10m_admin_0_countries.geojson").read_text("utf-8")
    )
    assert "crs" not in admin0
    props = {f["properties"]["ADM0_A3"]: f["properties"] for f in admin0["features"]}
    assert props["BLR"]["ISO_A2"] == "BY" and props["BLR"]["NAME_RU"] == "Белоруссия"
    assert props["FRA"]["ISO_A2"] == "FR"  # "-99" filled from ISO_A2_EH
    packs = DataPacks(dest)
    assert {c.iso2 for c in packs.countries()} == {"BY", "FR"}
    (vitebsk,) = packs.regions()
    assert vitebsk.admin1_code == "BY.07" and vitebsk.geonameid == 620134
    assert "Витебская область" in vitebsk.names
    ring = vitebsk.geometry["coordinates"][0]
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
    assert area > 0  # RFC 7946: the exterior ring counter-clockwise (a shapefile has it clockwise)


def test_fetch_writes_a_manifest_with_checksums(mirror, dest):
    fetch(dest, ["admin1_codes", "postal:BY"], base_url=mirror.url)
    manifest = json.loads((dest / datapacks.MANIFEST_NAME).read_text())["files"]
    served = (mirror.root / "export" / "zip" / "BY.zip").read_bytes()
    assert manifest["postal/BY.txt"]["download_sha256"] == hashlib.sha256(served).hexdigest()
    assert manifest["postal/BY.txt"]["url"] == f"{mirror.url}/export/zip/BY.zip"
    fetch(dest, ["admin2_codes"], base_url=mirror.url)  # a later fetch adds to it
    assert set(json.loads((dest / datapacks.MANIFEST_NAME).read_text())["files"]) == {
        "geonames/admin1CodesASCII.txt",
        "geonames/admin2Codes.txt",
        "postal/BY.txt",
    }


def test_fetch_from_a_file_mirror(mirror, tmp_path):
    report = fetch(tmp_path / "new", ["admin1_codes"], base_url=mirror.root.as_uri())
    assert report.files[0].records == 7


def test_sha256_pins(mirror, dest):
    served = (mirror.root / "export" / "dump" / "admin1CodesASCII.txt").read_bytes()
    fetch(
        dest,
        ["admin1_codes"],
        base_url=mirror.url,
        pins={"admin1_codes": hashlib.sha256(served).hexdigest()},
    )
    before = snapshot(dest)
    with pytest.raises(FetchError, match="is not the pinned"):
        fetch(dest, ["admin1_codes"], base_url=mirror.url, pins={"admin1_codes": "0" * 64})
    assert snapshot(dest) == before


@pytest.mark.parametrize(
    ("names", "base", "message"),
    [
        (["admin1_codes", "geonames:XX"], "", "HTTP 404"),
        (["postal:BY", "geonames:UA"], "", "not a zip archive"),
        (["geonames:MD"], "", "corrupt zip member MD.txt"),
        (["geonames:LT"], "", "zip has no LT.txt"),
        (["admin1_codes"], "/wrong", "expected admin1_codes data, got nothing geomap recognises"),
    ],
)
def test_a_failed_fetch_leaves_the_data_dir_untouched(mirror, dest, names, base, message):
    before = snapshot(dest)
    with pytest.raises(FetchError, match=message) as info:
        fetch(dest, names, base_url=mirror.url + base)
    assert "\n" not in str(info.value)
    assert snapshot(dest) == before


def test_a_failed_fetch_does_not_create_the_data_dir(mirror, tmp_path):
    with pytest.raises(FetchError):
        fetch(tmp_path / "new", ["geonames:XX"], base_url=mirror.url)
    assert list(tmp_path.iterdir()) == []


def test_size_limit(mirror, dest, monkeypatch):
    small = dataclasses.replace(datapacks.SOURCES["admin1_codes"], max_download=100)
    monkeypatch.setitem(datapacks.SOURCES, "admin1_codes", small)
    before = snapshot(dest)
    with pytest.raises(FetchError, match="over the 100 B limit"):
        fetch(dest, ["admin1_codes"], base_url=mirror.url)
    assert snapshot(dest) == before


def test_timeout(mirror, dest):
    before = snapshot(dest)
    with pytest.raises(FetchError, match=r"no answer within 0.3 s"):
        fetch(dest, ["admin1_codes"], base_url=mirror.url + "/slow", timeout=0.3)
    assert snapshot(dest) == before


def test_members_are_extracted_by_name_only(mirror, tmp_path):
    # the zip's member is "../../PL.txt": it must land in the data dir, nowhere else
    fetch(tmp_path / "packs", ["postal:PL"], base_url=mirror.url)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt")) == [
        "packs/postal/PL.txt"
    ]


def test_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="unknown source"):
        datapacks.resolve_source("openstreetmap")
    with pytest.raises(UsageError, match="NAME=<64 hex digits>"):
        datapacks.parse_pins(["admin1_codes:abc"])
    with pytest.raises(UsageError, match="no --dest"):
        fetch(None, ["admin1_codes"])
    with pytest.raises(UsageError, match="base-url"):
        fetch(tmp_path, ["admin1_codes"], base_url="ftp://example.org")
    with pytest.raises(UsageError, match="not among the sources"):
        fetch(tmp_path, ["admin1_codes"], pins={"postal:BY": "0" * 64})
    assert (
        datapacks.resolve_source("geonames:by").url
        == "https://download.geonames.org/export/dump/BY.zip"
    )
    assert (
        datapacks.resolve_source("postal:UA").url
        == "https://download.geonames.org/export/zip/UA.zip"
    )
    assert (
        datapacks.SOURCES["ne_admin1"].url
        == "https://naciscdn.org/naturalearth/10m/cultural/ne_10m_admin_1_states_provinces.zip"
    )


# -- the index hook -------------------------------------------------------------------------


def test_build_index_calls_the_gazetteer_when_there_is_one(monkeypatch, tmp_path):
    calls = []

    class FakeGazetteer:
        @classmethod
        def open(cls, settings):
            calls.append(settings)
            return cls()

    settings = Settings(data_dir=tmp_path, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(geomap.gazetteer, "Gazetteer", FakeGazetteer, raising=False)
    assert datapacks.build_index(settings) is True
    assert calls == [settings]
    monkeypatch.delattr(geomap.gazetteer, "Gazetteer")
    assert datapacks.build_index(settings) is False


# -- the CLI --------------------------------------------------------------------------------


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_fetch_then_status(mirror, tmp_path, monkeypatch):
    opened = []
    fake = type(
        "FakeGazetteer", (), {"open": classmethod(lambda cls, settings: opened.append(settings))}
    )
    monkeypatch.setattr(geomap.gazetteer, "Gazetteer", fake, raising=False)
    packs, cache = tmp_path / "packs", tmp_path / "cache"
    result = run_cli(
        "data", "fetch", "--dest", str(packs), "--base-url", mirror.url,
        "--source", "admin1_codes", "--source", "postal:BY", "--cache-dir", str(cache),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "postal/BY.txt" in result.stdout
    assert [s.data_dir for s in opened] == [packs.resolve()]  # the index hook ran on the new packs

    cache.mkdir()
    (cache / "gazetteer.sqlite").write_bytes(b"x" * 2048)
    result = run_cli("data", "status", "--data-dir", str(packs), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "admin1_codes" in out and "geonames/admin1CodesASCII.txt" in out
    assert "(fetched: postal:BY)" in out
    assert "geonames      MISSING" in out and "--source geonames:CC" in out
    assert "2 KB  gazetteer.sqlite" in out


def test_cli_status_without_a_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("GEOMAP_DATA_DIR", raising=False)
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "no-npm-packages"))
    result = run_cli("data", "status", "--cache-dir", str(tmp_path / "none"))
    assert result.exit_code == 0
    assert "data dir: none" in result.stdout
    assert result.stdout.count("MISSING") == 8


def test_cli_fetch_errors_are_one_line(mirror, dest, monkeypatch):
    before = snapshot(dest)
    result = run_cli(
        "data", "fetch", "--dest", str(dest), "--base-url", mirror.url, "--source", "geonames:XX"
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("geomap: geonames:XX: ")
    assert "HTTP 404" in result.stderr and "Traceback" not in result.output
    assert snapshot(dest) == before
    monkeypatch.delenv("GEOMAP_DATA_DIR", raising=False)
    result = run_cli("data", "fetch", "--source", "admin1_codes")
    assert result.exit_code == 2 and "no --dest" in result.stderr


def test_cli_fetch_list():
    result = run_cli("data", "fetch", "--list")
    assert result.exit_code == 0
    assert "https://download.geonames.org/export/dump/admin1CodesASCII.txt" in result.stdout
    assert "geonames:CC" in result.stdout and "default: admin1_codes" in result.stdout
