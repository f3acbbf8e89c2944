"""Value types that flow through the pipeline.

text → :class:`Document` → :class:`Mention` → :class:`Candidate` → :class:`Place` → :class:`Incident`

All are frozen: a stage makes new values, it never edits what an earlier stage produced.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date

#: Feature classes a place can have (the SPEC's ``feature_class`` vocabulary).
FEATURE_CLASSES = ("country", "admin1", "admin2", "city", "village", "station", "other")


@dataclass(frozen=True)
class Source:
    """Where a document came from: a file path or a URL, with what we know of it."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None

    @property
    def locator(self) -> str:
        return self.url or self.path or "<stdin>"

    def as_dict(self) -> dict:
        out: dict = {"path": self.path} if self.url is None else {"url": self.url}
        out["title"] = self.title
        out["published"] = self.published.isoformat() if self.published else None
        return out


@dataclass(frozen=True)
class Document:
    """One article as text.

    ``text`` is the text all offsets refer to: a plain-text file as decoded, before any
    cleaning; for HTML and URLs the extracted article text. ``skip`` lists ranges of
    ``text`` that are publisher boilerplate (copyright lines, donation appeals, related
    posts): they keep their offsets but are not read for places or incidents.
    """

    text: str
    source: Source = field(default_factory=Source)
    skip: tuple[tuple[int, int], ...] = ()

    @property
    def id(self) -> str:
        digest = hashlib.sha1(self.source.locator.encode("utf-8"))
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:16]

    def is_skipped(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.skip)


@dataclass(frozen=True)
class Mention:
    """A place named in a document.

    ``kind`` says how it is written: ``name`` (a bare name), ``region`` ("Minsk region"),
    ``direction`` ("the Volyn direction"), ``branch`` ("Vitebsk branch" of a railway),
    ``station`` (one end of a rail section), ``section`` ("A–B section", with the two
    stations in ``parts``; with ``hint`` ``road``, "the road linking A and B", with the two
    towns) or ``border`` (the border of the countries in ``parts``).
    ``query`` is the name to look up, ``hint`` the feature class the wording implies;
    ``respelt`` says the query is the text's word in another romanisation ("Nikolaïev" asked
    as "nikolayev"), which the gazetteer's own and alternate names match equally.
    ``in_title`` says the name is part of an organisation's title ("Belarusian Railways",
    "the Ohio Supreme Court", "the Kyiv Post"): an associative toponym, which tells what the
    text is about but is no location.
    """

    text: str
    start: int
    end: int
    query: str
    kind: str = "name"
    hint: str | None = None
    parts: tuple[Mention, ...] = ()
    respelt: bool = False
    in_title: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def section_of(self) -> str | None:
        """What a section is a stretch of: ``"railway"`` (two stations) or ``"road"`` (two
        towns); None for any other mention."""
        if self.kind != "section":
            return None
        return "road" if self.hint == "road" else "railway"


# How well a query matched a candidate's name, worst first: a near spelling, a romanisation
# variant, one of its alternate names, its own name.
MATCH_ORDER = ("fuzzy", "variant", "alternate", "exact")


def match_rank(match: str) -> int:
    """The place of a ``Candidate.match`` in :data:`MATCH_ORDER` (unknown kinds rank lowest)."""
    return MATCH_ORDER.index(match) if match in MATCH_ORDER else 0


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry (or an online answer) that a mention may refer to."""

    name: str
    lat: float
    lon: float
    feature_class: str
    country_code: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    #: where the entry comes from: ``geonames``, ``postal``, ``station``, ``admin1``... or an online provider
    origin: str = "geonames"
    #: how the query matched the entry: ``exact`` (its own name), ``alternate`` (one of its
    #: alternate names), ``variant`` (a romanisation variant), ``fuzzy``
    match: str = "exact"
    #: string similarity of the query to the matched name, 0..1
    similarity: float = 1.0
    #: stable key of the entry in its origin (geonameid, ``station:<esr>``, ``postal:<code>``...)
    key: str = ""
    #: how far the place extends from its point (km): a station 0.5, a town by size, a region by outline
    radius_km: float = 5.0
    #: a national capital
    capital: bool = False

    def __post_init__(self):
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(
                f"candidate {self.name!r} has coordinates out of range: {self.lat}, {self.lon}"
            )
        if self.feature_class not in FEATURE_CLASSES:
            raise ValueError(
                f"candidate {self.name!r} has unknown feature class {self.feature_class!r}"
            )

    @classmethod
    def from_fields(cls, values: dict) -> Candidate:
        """A candidate from a value for every field, checked as ``Candidate(**values)`` is.

        Several times faster than the frozen ``__init__``, which sets each field through
        ``object.__setattr__``: the gazetteer builds thousands of candidates per document.
        """
        if values.keys() != _CANDIDATE_FIELDS:
            raise TypeError(f"Candidate.from_fields needs exactly {sorted(_CANDIDATE_FIELDS)}")
        candidate = object.__new__(cls)
        candidate.__dict__.update(values)
        candidate.__post_init__()
        return candidate


_CANDIDATE_FIELDS = frozenset(f.name for f in fields(Candidate))


@dataclass(frozen=True)
class Place:
    """A mention resolved to one candidate, with the score and the runners-up."""

    mention: Mention
    candidate: Candidate
    score: float
    alternatives: tuple[Candidate, ...] = ()
    geocoder: str = "offline"
    #: every span of the document that names this place (the first is ``mention.span``)
    mentions: tuple[tuple[int, int], ...] = ()
    #: for a rail section or a border: the places at its ends
    parts: tuple[Place, ...] = ()

    @property
    def lonlat(self) -> tuple[float, float]:
        return (self.candidate.lon, self.candidate.lat)


@dataclass(frozen=True)
class Incident:
    """One event at one location, as an ACLED or UCDP coder would record it."""

    event_type: str
    place: Place
    geometry_role: str
    quote: str
    span: tuple[int, int]
    source: Source
    date_start: date | None = None
    date_end: date | None = None
    time_precision: str = "unknown"
    geo_precision: int = 1
    uncertainty_km: float = 1.0
    actors: tuple[str, ...] = ()
    claimed_by: tuple[str, ...] = ()
    summary: str = ""
    confidence: float = 0.5
    #: for a movement: where it started (``place`` is the destination)
    origin: Place | None = None
    #: other reports of the same incident (merged across documents)
    extra_sources: tuple[Source, ...] = ()
    #: deaths the source sentence reports (UCDP's best estimate), None when it gives no number
    fatalities: int | None = None
    #: the words that told the event type ("a roadside bomb struck"), "" when it goes on
    #: from the sentence before
    trigger: str = ""

    @property
    def id(self) -> str:
        """Stable for the same input: type, place, dates and the quote's place in its source."""
        key = "|".join(
            str(part)
            for part in (
                self.source.locator,
                self.span,
                self.event_type,
                self.place.candidate.key,
                self.origin.candidate.key if self.origin else "",
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
