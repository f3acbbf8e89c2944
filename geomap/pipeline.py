"""Wires the stages: Document → mentions → places → incidents → GeoJSON. Nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .config import Settings
from .distance import haversine_km
from .features import feature_collection, incident_feature, place_feature
from .gazetteer import Gazetteer
from .geocode.chain import geocoder_for
from .incidents import IncidentExtractor
from .lexicon import REGION_PLURALS, REGION_WORDS
from .models import Document, Incident, Mention, Place
from .recognize import Recognizer
from .resolve import Resolution, Resolver, rank
from .shapes import Shapes


@dataclass
class DocumentResult:
    """What geomap read in one document."""

    document: Document
    mentions: list[Mention]
    resolution: Resolution
    incidents: list[Incident]


@dataclass
class Extraction:
    """The results of a run over several documents, incidents merged across sources."""

    documents: list[DocumentResult] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)


class Pipeline:
    """The whole of geomap over one set of settings.

    Examples
    --------
    >>> pipeline = Pipeline(Settings.resolve())                       # doctest: +SKIP
    >>> pipeline.geoparse("Partisans burned a relay cabinet near Orsha.")  # doctest: +SKIP
    [(38, 43, 54.5081, 30.4172)]
    """

    def __init__(self, settings: Settings, *, gazetteer: Gazetteer | None = None):
        self.settings = settings
        self.gazetteer = gazetteer or Gazetteer.open(settings)
        self.recognizer = Recognizer(self.gazetteer)
        self.geocoder = geocoder_for(settings, self.gazetteer)
        self.resolver = Resolver(
            self.geocoder.candidates, self.gazetteer.neighbours, self.geocoder.name
        )
        self.extractor = IncidentExtractor(
            country_of_demonym=self._country_name_of, country_of_code=self._country_name
        )

    @cached_property
    def shapes(self) -> Shapes:
        return Shapes(self.gazetteer.packs)

    # -- stages ---------------------------------------------------------------------------------

    def read(self, document: Document) -> DocumentResult:
        mentions = self.resolver.settle_sections(self.recognizer.mentions(document))
        resolution = self._on_borders(self.resolver.resolve(document.text, mentions))
        incidents = self.extractor.extract(document, mentions, resolution)  # told once each
        return DocumentResult(document, mentions, resolution, incidents)

    def extract(
        self,
        documents: Iterable[Document],
        *,
        on_failure: Callable[[Document, Exception], None] | None = None,
    ) -> Extraction:
        """Read every document; with ``on_failure``, a document that fails is handed to it and
        left out, so one bad article does not lose the others."""
        extraction = Extraction()
        for document in documents:
            try:
                result = self.read(document)
            except Exception as exc:
                if on_failure is None:
                    raise
                on_failure(document, exc)
                continue
            extraction.documents.append(result)
            extraction.incidents = merge_reports(extraction.incidents, result.incidents)
        return extraction

    def geocode(self, query: str, *, country: str | None = None, limit: int = 5):
        """Ranked (candidate, score) for a name on its own, as ``geomap geocode`` prints."""
        mention = Mention(text=query, start=0, end=len(query), query=query)
        pool = self.geocoder.candidates(mention)
        if country:
            pool = [c for c in pool if (c.country_code or "").upper() == country.upper()]
        return rank(mention, pool)[:limit]

    def geoparse(self, text: str) -> list[tuple[int, int, float, float]]:
        """(start, end, lat, lon) of every place named in ``text`` — the benchmark interface."""
        document = Document(text=text)
        mentions = self.resolver.settle_sections(self.recognizer.mentions(document))
        resolution = self.resolver.resolve(text, mentions)
        out = []
        for mention in mentions:
            for part in mention.parts or (mention,):
                if mention.kind == "border" and part is mention:
                    continue
                place = resolution.place_at(part)
                if place is None:
                    continue
                start, end = _toponym_span(part)
                out.append((start, end, place.candidate.lat, place.candidate.lon))
        return sorted(set(out))

    def collection(self, extraction: Extraction) -> dict:
        """One FeatureCollection: incidents, then places (one per place and document)."""
        features = [
            incident_feature(
                incident, self.shapes, self.gazetteer.admin1_name(incident.place.candidate.admin1)
            )
            for incident in extraction.incidents
        ]
        for result in extraction.documents:
            source = result.document.source.as_dict()
            for place in _unique_places(_located(result)):
                feature = place_feature(place, self.gazetteer.admin1_name(place.candidate.admin1))
                feature["properties"]["source"] = source
                # the same text from two sources gives two features: their ids must differ
                feature["id"] = f"{feature['id']}:{result.document.id[:8]}"
                features.append(feature)
        return feature_collection(features)

    # -- helpers ----------------------------------------------------------------------------------

    def _country_name_of(self, word: str) -> str | None:
        iso = self.recognizer.demonym_country(word)
        candidate = self.gazetteer.country_candidate(iso) if iso else None
        return candidate.name if candidate else None

    def _country_name(self, iso: str | None) -> str | None:
        candidate = self.gazetteer.country_candidate(iso) if iso else None
        return candidate.name if candidate else None

    def _on_borders(self, resolution: Resolution) -> Resolution:
        """Border places sit on the border line, with half its length as their extent."""
        for span, place in list(resolution.by_mention.items()):
            if place.candidate.origin != "border" or len(place.parts) != 2:
                continue
            on_line = self._border_point(tuple(p.candidate.country_code for p in place.parts))
            if on_line is not None:
                lon, lat, half_km = on_line
                candidate = replace(place.candidate, lat=lat, lon=lon, radius_km=half_km)
                resolution.by_mention[span] = replace(place, candidate=candidate)
        return resolution

    def _border_point(self, codes: tuple) -> tuple[float, float, float] | None:
        """Middle of the border line between two countries and half its length in km."""
        line = self.shapes.border(*codes) if all(codes) else None
        if line is None:
            return None
        middle = line.interpolate(0.5, normalized=True)
        return (middle.x, middle.y, round(_line_length_km(line) / 2, 1))


def merge_reports(known: list[Incident], new: list[Incident]) -> list[Incident]:
    """Add ``new`` incidents, folding each into a known one when both report the same event:
    same type, same place (and origin), overlapping dates, from another source."""
    out = list(known)
    for incident in new:
        for i, other in enumerate(out):
            if _same_event(other, incident):
                sources = other.extra_sources + (incident.source,)
                out[i] = replace(
                    other,
                    extra_sources=sources,
                    actors=tuple(dict.fromkeys(other.actors + incident.actors)),
                    claimed_by=tuple(dict.fromkeys(other.claimed_by + incident.claimed_by)),
                    confidence=round(min(1.0, other.confidence + 0.1), 2),
                )
                break
        else:
            out.append(incident)
    return out


def _same_event(a: Incident, b: Incident) -> bool:
    if a.event_type != b.event_type or a.source.locator == b.source.locator:
        return False
    if a.place.candidate.key != b.place.candidate.key:
        return False
    if (a.origin and a.origin.candidate.key) != (b.origin and b.origin.candidate.key):
        return False
    if a.date_start is None or b.date_start is None:
        return False
    return a.date_start <= (b.date_end or b.date_start) and b.date_start <= (
        a.date_end or a.date_start
    )


def _toponym_span(mention: Mention) -> tuple[int, int]:
    """The span of the name itself: "Idlib" in "Idlib province", as the corpora mark
    toponyms; a region word that is part of the name stays ("Madison County")."""
    head, _, word = mention.text.rpartition(" ")
    if mention.kind == "region" and head and word in REGION_WORDS | REGION_PLURALS:
        return mention.start, mention.start + len(head)
    return mention.start, mention.end


def _located(result: DocumentResult) -> list[Place]:
    """Places named as places: not those only named inside an organisation's title
    ("Ohio Supreme Court"), which are context, not locations."""
    in_titles = {m.span for m in result.mentions if m.in_title}
    kept = []
    for place in result.resolution.places:
        literal = tuple(span for span in place.mentions if span not in in_titles)
        if literal or not place.mentions:
            kept.append(replace(place, mentions=literal) if literal != place.mentions else place)
    return kept


def _unique_places(places: list[Place]) -> list[Place]:
    """One place per resolved entry: a town named as "Minsk" and in "the Minsk region"
    stays two places; the same entry written twice is one, with all its mentions."""
    by_key: dict[str, Place] = {}
    for place in places:
        key = place.candidate.key
        if place.candidate.origin in ("section", "border"):
            continue
        if key in by_key:
            merged = tuple(sorted(set(by_key[key].mentions + place.mentions)))
            by_key[key] = replace(by_key[key], mentions=merged)
        else:
            by_key[key] = place
    return sorted(by_key.values(), key=lambda p: p.mentions[0] if p.mentions else (0, 0))


def _line_length_km(line) -> float:
    total = 0.0
    for part in getattr(line, "geoms", [line]):
        coords = list(part.coords)
        total += sum(
            haversine_km(a[1], a[0], b[1], b[0]) for a, b in zip(coords, coords[1:], strict=False)
        )
    return total


@dataclass
class Written:
    """What ``geomap run`` wrote."""

    out_dir: Path
    documents: int
    places: int
    incidents: Counter
    files: list[Path]

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.incidents.items())) or "none"
        return (
            f"{self.documents} document(s): {self.places} place(s), "
            f"{sum(self.incidents.values())} incident(s) ({kinds}) → {self.out_dir}/"
        )


#: data formats ``geomap run --format`` writes beside map.html, and those it writes by default
OUTPUT_FORMATS = ("geojson", "csv", "gpkg", "kml")
DEFAULT_FORMATS = ("geojson", "csv")


def write_outputs(
    pipeline: Pipeline,
    extraction: Extraction,
    out_dir,
    *,
    self_contained: bool = False,
    formats: Iterable[str] = DEFAULT_FORMATS,
) -> Written:
    """map.html in ``out_dir`` and, by ``formats``: incidents.geojson and places.geojson
    (``geojson``), incidents.csv (``csv``), geomap.gpkg and geomap.kml with an incidents and
    a places layer (``gpkg``, ``kml``)."""
    from .errors import UsageError
    from .export import write_csv, write_geojson, write_gpkg, write_kml
    from .maps import write_map

    formats = tuple(dict.fromkeys(f.lower() for f in formats))
    unknown = [f for f in formats if f not in OUTPUT_FORMATS]
    if unknown:
        raise UsageError(
            f"unknown output format {unknown[0]!r} (known: {', '.join(OUTPUT_FORMATS)})"
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    collection = pipeline.collection(extraction)
    incidents = [f for f in collection["features"] if f["properties"]["feature_type"] == "incident"]
    places = [f for f in collection["features"] if f["properties"]["feature_type"] == "place"]
    files = []
    if "geojson" in formats:
        files.append(write_geojson(feature_collection(incidents), out / "incidents.geojson"))
        files.append(write_geojson(feature_collection(places), out / "places.geojson"))
    if "csv" in formats:
        files.append(write_csv(collection, out / "incidents.csv"))
    if "gpkg" in formats:
        files.append(write_gpkg(collection, out / "geomap.gpkg"))
    if "kml" in formats:
        files.append(write_kml(collection, out / "geomap.kml"))
    files.append(
        write_map(
            collection,
            out / "map.html",
            packs=pipeline.gazetteer.packs,
            self_contained=self_contained,
        )
    )
    return Written(
        out_dir=out,
        documents=len(extraction.documents),
        places=len(places),
        incidents=Counter(f["properties"]["event_type"] for f in incidents),
        files=[Path(f) for f in files],
    )


def extract(
    inputs: Iterable[str] | str,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> dict:
    """Places and incidents of ``inputs`` as one FeatureCollection, as ``geomap extract``.

    ``inputs`` are paths of files or folders, URLs, or one of them as a string. Settings come
    from the environment (``GEOMAP_DATA_DIR``, ``GEOMAP_CACHE_DIR``) unless given; pass a
    ``pipeline`` to reuse its loaded gazetteer across calls.

    Raises
    ------
    InputError
        An input cannot be read (the first one, naming it).
    """
    from .ingest import read_inputs

    def refuse(error):
        raise error

    if pipeline is None:
        pipeline = Pipeline(settings or Settings.resolve())
    locators = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    return pipeline.collection(pipeline.extract(read_inputs(locators, on_error=refuse)))
