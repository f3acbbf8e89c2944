"""Readers for the public geoparsing corpora: gold toponyms with offsets and coordinates.

Four XML formats are known (see ``../shared/data/benchmarks/*/README.md``):

========== ================================================ ===== ==========================
corpus     format (what the sniffer looks for)              split offset quirk handled here
========== ================================================ ===== ==========================
GeoWebNews ``article/toponyms/toponym/extractedName``       dev   5 negative spans (title):
                                                                  dropped (2 counted types)
LGL        ``article/toponyms/toponym/phrase`` + ``feedid`` dev   none
TR-News    ``article/toponyms/toponym/phrase``, no feedid   test  117 spans off by 1-10
GeoVirus   ``article/locations/location/name``              test  every span shifted by +1
========== ================================================ ===== ==========================

A reader is chosen by the structure of the XML, never by the folder or file name, so a
renamed copy still reads. Offsets are repaired by :func:`align_span`: when a span does not
slice to its name, the name is searched within a few characters of the given start.

Example
-------
>>> corpus = read_corpus("../shared/data/benchmarks/LGL")  # doctest: +SKIP
>>> corpus.name, len(corpus.documents), corpus.n_toponyms  # doctest: +SKIP
('LGL', 588, 5088)
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from ..errors import InputError

#: GeoWebNews types counted as gold toponyms. They are exactly the types GWN's annotators
#: gave coordinates to: the literal types (a place as a location: Literal, Mixed, Coercion,
#: Embedded_Literal, Literal_Modifier) and the associative types that still point at one
#: place (Metonymic "Moscow said", Non_Literal_Modifier "Irish immigrants", Embedded_Non_Lit
#: "Arizona State University"). Left out: ``*_Expression`` and ``Non_Toponym`` (not place
#: names), ``Demonym`` ("Nigerians": people), ``Language`` ("English") and ``Homonym``
#: (a place name used for something else: a house model "Norbury", a child "Chicago").
#: None of the left-out types has coordinates in GWN.xml.
GWN_LITERAL_TYPES = frozenset(
    {"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"}
)
GWN_ASSOCIATIVE_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})
GWN_COUNTED_TYPES = GWN_LITERAL_TYPES | GWN_ASSOCIATIVE_TYPES

#: How far (in characters, either way) :func:`align_span` looks for a misplaced name.
#: TR-News needs 10: its offsets drift by up to 10 characters inside a few articles.
ALIGN_WINDOW = 12


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: where it is in the text, and where it is on Earth.

    ``lat``/``lon`` are ``None`` when the corpus gives no coordinates (the toponym then
    counts for recognition only). ``kind`` keeps the corpus's own type label, if any
    (GeoWebNews: ``"Literal"``, ``"Metonymic"`` ...).
    """

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDocument:
    """One article and its gold toponyms, sorted by start offset."""

    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """A whole benchmark corpus as read from one file.

    ``split`` is ``"dev"`` (GeoWebNews, LGL: develop and tune on these) or ``"test"``
    (TR-News, GeoVirus: report, never tune). ``notes`` say what the reader counted and
    repaired, so a report can show it. ``offsets_repaired`` counts spans moved by
    :func:`align_span`; ``offsets_unaligned`` those kept as given because the name was not
    found near them; ``offsets_dropped`` annotations left out because their offsets lie
    outside the text.
    """

    name: str
    split: str
    path: Path
    documents: tuple[GoldDocument, ...]
    notes: tuple[str, ...] = ()
    offsets_repaired: int = 0
    offsets_unaligned: int = 0
    offsets_dropped: int = 0
    counted_types: tuple[str, ...] = field(default=())

    @property
    def n_toponyms(self) -> int:
        return sum(len(d.toponyms) for d in self.documents)

    @property
    def n_with_coordinates(self) -> int:
        return sum(t.has_coordinates for d in self.documents for t in d.toponyms)


def align_span(
    text: str, start: int, end: int, name: str, window: int = ALIGN_WINDOW
) -> tuple[int, int] | None:
    """Return the span of ``name`` nearest to ``start``, or ``None`` if it is not close.

    The span is returned unchanged when ``text[start:end] == name``. Otherwise ``name`` is
    searched in ``text[start - window : start + len(name) + window]`` and the occurrence whose
    start is closest to ``start`` wins (ties: the earlier one). Spans far outside the text
    find nothing (GWN has offsets around -200 that point into the article's title).

    >>> align_span("in Paris now", 4, 9, "Paris")
    (3, 8)
    >>> align_span("in Paris now", 3, 8, "Paris")
    (3, 8)
    >>> align_span("in Paris now", 3, 8, "Rome") is None
    True
    """
    if not name:
        return None
    if 0 <= start and text[start:end] == name:
        return start, end
    lo = max(0, start - window)
    hi = min(len(text), start + len(name) + window)
    if hi - lo < len(name):
        return None
    best: int | None = None
    found = text.find(name, lo, hi)
    while found != -1:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(name, found + 1, hi)
    return None if best is None else (best, best + len(name))


class CorpusReader(Protocol):
    """One XML corpus format: recognise it, then read it."""

    name: str
    split: str

    def sniff(self, root: ET.Element) -> bool:
        """Whether the parsed XML ``root`` is in this reader's format."""
        ...

    def read(self, root: ET.Element, path: Path) -> Corpus:
        """All documents of the corpus in ``root`` (parsed from ``path``)."""
        ...


def _first_article(root: ET.Element) -> ET.Element | None:
    return root.find("article") if root.tag == "articles" else None


def _float(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value and value.lower() != "null" else None


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


class _Aligner:
    """Repairs spans with :func:`align_span` and counts what it did."""

    def __init__(self) -> None:
        self.repaired = 0
        self.unaligned = 0
        self.dropped = 0

    def __call__(self, text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
        """The repaired span; ``None`` (drop the toponym) when it lies outside the text."""
        span = align_span(text, start, end, name)
        if span is None and not 0 <= start < end <= len(text):
            # Nothing in the text to match: no system could find it, so it is not gold.
            self.dropped += 1
            return None
        if span is None:
            # Keep the gold toponym (counts should match the corpus) at its given span.
            self.unaligned += 1
            return start, end
        if span != (start, end):
            self.repaired += 1
        return span


class GeoWebNewsReader:
    """``GWN.xml``: ``<article file>`` with ``<toponym>`` carrying a fine-grained ``type``.

    Only ``types`` (default :data:`GWN_COUNTED_TYPES`) become gold toponyms; GWN also
    annotates non-toponyms and expressions, and gives some spans twice (a ``Non_Toponym``
    and a ``Coercion`` for "White House"): the counted types never share a span.
    """

    name = "GeoWebNews"
    split = "dev"

    def __init__(self, types: Iterable[str] = GWN_COUNTED_TYPES):
        self.types = frozenset(types)

    def sniff(self, root: ET.Element) -> bool:
        article = _first_article(root)
        return article is not None and article.find("toponyms/toponym/extractedName") is not None

    def read(self, root: ET.Element, path: Path) -> Corpus:
        align = _Aligner()
        documents = []
        for index, article in enumerate(root.iter("article")):
            text = article.findtext("text") or ""
            toponyms = []
            for element in article.iterfind("toponyms/toponym"):
                kind = (element.findtext("type") or "").strip()
                if kind not in self.types:
                    continue
                name = element.findtext("extractedName") or ""
                span = align(
                    text, int(element.findtext("start")), int(element.findtext("end")), name
                )
                if span is None:
                    continue
                toponyms.append(
                    GoldToponym(
                        *span,
                        name,
                        lat=_float(element.findtext("latitude")),
                        lon=_float(element.findtext("longitude")),
                        geonameid=_int(element.findtext("geonamesID")),
                        kind=kind,
                    )
                )
            doc_id = article.get("file") or str(index)
            documents.append(_document(doc_id, text, toponyms))
        counted = tuple(sorted(self.types))
        notes = (
            f"counted GWN types: {', '.join(counted)}",
            "geocoding gold: counted toponyms with latitude/longitude in GWN.xml "
            "(gwn_full.txt, the GeoNames-linked subset, is the standard geocoding-only set)",
        )
        return _corpus(self, path, documents, align, notes, counted)


class _PhraseSchemaReader:
    """LGL and TR-News share one schema: ``<toponym>`` with ``phrase`` and ``<gaztag>``."""

    name = ""
    split = ""

    def _is_phrase_schema(self, root: ET.Element) -> bool:
        article = _first_article(root)
        return article is not None and article.find("toponyms/toponym/phrase") is not None

    def read(self, root: ET.Element, path: Path) -> Corpus:
        align = _Aligner()
        documents = []
        for index, article in enumerate(root.iter("article")):
            text = article.findtext("text") or ""
            toponyms = []
            for element in article.iterfind("toponyms/toponym"):
                name = element.findtext("phrase") or ""
                span = align(
                    text, int(element.findtext("start")), int(element.findtext("end")), name
                )
                if span is None:
                    continue
                gaztag = element.find("gaztag")
                lat = lon = geonameid = None
                if gaztag is not None:
                    lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
                    geonameid = _int(gaztag.get("geonameid"))
                toponyms.append(GoldToponym(*span, name, lat, lon, geonameid))
            documents.append(_document(article.get("docid") or str(index), text, toponyms))
        return _corpus(self, path, documents, align, ("geocoding gold: toponyms with a gaztag",))


class LGLReader(_PhraseSchemaReader):
    """``lgl.xml``: the phrase schema, articles carry a ``<feedid>`` (local-newspaper feed)."""

    name = "LGL"
    split = "dev"

    def sniff(self, root: ET.Element) -> bool:
        return self._is_phrase_schema(root) and root.find("article/feedid") is not None


class TRNewsReader(_PhraseSchemaReader):
    """``TR-News.xml``: the phrase schema without ``<feedid>``; offsets need re-aligning."""

    name = "TR-News"
    split = "test"

    def sniff(self, root: ET.Element) -> bool:
        return self._is_phrase_schema(root) and root.find("article/feedid") is None


class GeoVirusReader:
    """``GeoVirus.xml``: ``<article><source/><text/><locations><location>``.

    Every offset in the released file is one too high. Rather than hard-coding ``-1``, the
    reader picks the shift (0, -1 or +1) under which most spans slice to their names, so a
    corrected release would read too. One article nests locations inside a location, so
    locations are collected with ``iter``.
    """

    name = "GeoVirus"
    split = "test"

    def sniff(self, root: ET.Element) -> bool:
        article = _first_article(root)
        return article is not None and article.find("locations/location/name") is not None

    def read(self, root: ET.Element, path: Path) -> Corpus:
        raw = []
        for article in root.iter("article"):
            text = article.findtext("text") or ""
            locations = [
                (
                    int(loc.findtext("start")),
                    int(loc.findtext("end")),
                    loc.findtext("name") or "",
                    _float(loc.findtext("lat")),
                    _float(loc.findtext("lon")),
                )
                for loc in article.iter("location")
                if loc.find("name") is not None
            ]
            raw.append((text, locations))
        shift = max((0, -1, 1), key=lambda s: _count_exact(raw, s))
        align = _Aligner()
        documents = []
        for index, (text, locations) in enumerate(raw):
            toponyms = []
            for start, end, name, lat, lon in locations:
                span = align(text, start + shift, end + shift, name)
                if span is not None:
                    toponyms.append(GoldToponym(*span, name, lat, lon))
            documents.append(_document(str(index), text, toponyms))
        notes = (f"offsets shifted by {shift:+d} (detected)", "coordinates from Wikipedia")
        return _corpus(self, path, documents, align, notes)


def _count_exact(raw: Sequence[tuple[str, list]], shift: int) -> int:
    return sum(
        text[start + shift : end + shift] == name
        for text, locations in raw
        for start, end, name, _, _ in locations
    )


def _document(doc_id: str, text: str, toponyms: list[GoldToponym]) -> GoldDocument:
    toponyms.sort(key=lambda t: (t.start, t.end))
    return GoldDocument(doc_id=doc_id, text=text, toponyms=tuple(toponyms))


def _corpus(
    reader: CorpusReader,
    path: Path,
    documents: list[GoldDocument],
    align: _Aligner,
    notes: tuple[str, ...],
    counted_types: tuple[str, ...] = (),
) -> Corpus:
    if align.repaired or align.unaligned:
        notes = notes + (
            f"offsets re-aligned by name search (±{ALIGN_WINDOW} chars): {align.repaired}; "
            f"left as given (name not found nearby): {align.unaligned}",
        )
    if align.dropped:
        notes = notes + (f"dropped {align.dropped} toponym(s) whose offsets lie outside the text",)
    return Corpus(
        name=reader.name,
        split=reader.split,
        path=path,
        documents=tuple(documents),
        notes=notes,
        offsets_repaired=align.repaired,
        offsets_unaligned=align.unaligned,
        offsets_dropped=align.dropped,
        counted_types=counted_types,
    )


#: The known formats, tried in order.
READERS: tuple[CorpusReader, ...] = (
    GeoWebNewsReader(),
    LGLReader(),
    TRNewsReader(),
    GeoVirusReader(),
)


def _parse(path: Path) -> ET.Element | None:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, UnicodeDecodeError):
        return None


def _sniff_file(path: Path, readers: Sequence[CorpusReader]) -> tuple[ET.Element, CorpusReader]:
    root = _parse(path)
    if root is not None:
        for reader in readers:
            if reader.sniff(root):
                return root, reader
    raise InputError(
        str(path), "not a known geoparsing corpus (GeoWebNews, LGL, TR-News, GeoVirus)"
    )


def _locate(
    path: str | os.PathLike, readers: Sequence[CorpusReader]
) -> tuple[Path, ET.Element, CorpusReader]:
    path = Path(path)
    if path.is_file():
        return (path, *_sniff_file(path, readers))
    if not path.is_dir():
        raise InputError(str(path), "no such file or folder")
    found = []
    for candidate in sorted(path.glob("*.xml")):
        try:
            found.append((candidate, *_sniff_file(candidate, readers)))
        except InputError:
            continue
    if not found:
        raise InputError(str(path), "no known geoparsing corpus (.xml) in this folder")
    if len(found) > 1:
        names = ", ".join(p.name for p, _, _ in found)
        raise InputError(str(path), f"more than one corpus here ({names}); name the file")
    return found[0]


def find_corpus(
    path: str | os.PathLike, readers: Sequence[CorpusReader] = READERS
) -> tuple[Path, CorpusReader]:
    """The corpus file at ``path`` (a file, or a folder holding one) and its reader.

    Raises
    ------
    InputError
        ``path`` does not exist, holds no known corpus, or holds more than one.
    """
    file, _, reader = _locate(path, readers)
    return file, reader


def read_corpus(
    path: str | os.PathLike,
    *,
    limit: int | None = None,
    readers: Sequence[CorpusReader] = READERS,
) -> Corpus:
    """Read the corpus at ``path`` (a corpus file, or a folder holding exactly one).

    Parameters
    ----------
    path
        ``GWN.xml``, ``lgl.xml``, ``TR-News.xml``, ``GeoVirus.xml`` or their folder.
    limit
        Keep only the first ``limit`` documents (in file order).
    readers
        Formats to try; pass ``[GeoWebNewsReader(types=...)]`` to count other GWN types.
    """
    file, root, reader = _locate(path, readers)
    corpus = reader.read(root, file)
    if limit is not None:
        corpus = replace(corpus, documents=corpus.documents[: max(0, limit)])
    return corpus


def find_corpora(folder: str | os.PathLike) -> list[Path]:
    """Every corpus file directly in ``folder`` or one level below it, in name order.

    Used to run all benchmarks under a data dir's ``benchmarks/`` without naming them.
    """
    folder = Path(folder)
    found = []
    for candidate in sorted([*folder.glob("*.xml"), *folder.glob("*/*.xml")]):
        try:
            found.append(find_corpus(candidate)[0])
        except InputError:
            continue
    return found
