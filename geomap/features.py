"""Places and incidents → GeoJSON features (RFC 7946: WGS84, [lon, lat], CCW outer rings).

Pure dicts. Geometry follows each incident's ``geometry_role``; outlines (regions, borders,
railway lines) come from a :class:`~geomap.shapes.Shapes` of the data packs when given.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .codebook import EVENT_KINDS, acled_category, date_prec, where_prec
from .models import Candidate, Incident, Place
from .shapes import Shapes

COORDINATE_DECIMALS = 6


def place_feature(place: Place, admin1_name: str | None = None) -> dict:
    c = place.candidate
    return {
        "type": "Feature",
        "id": f"place:{c.key}:{place.mention.start}",
        "geometry": {"type": "Point", "coordinates": [_round(c.lon), _round(c.lat)]},
        "properties": {
            "feature_type": "place",
            "name": place.mention.text,
            "place_name": c.name,
            "geonameid": c.geonameid,
            "feature_class": c.feature_class,
            "country_code": c.country_code,
            "admin1": admin1_name or c.admin1,
            "admin1_code": c.admin1,
            "mentions": [list(span) for span in place.mentions],
            "geocoder": place.geocoder,
            "score": place.score,
            "match": c.match,
            "key": c.key,
            "alternatives": [_alternative(a) for a in place.alternatives[:3]],
            "source": None,  # set by the caller, who knows the document
        },
    }


def incident_feature(
    incident: Incident, shapes: Shapes | None = None, admin1_name: str | None = None
) -> dict:
    place = incident.place
    c = place.candidate
    kind = EVENT_KINDS[incident.event_type]
    acled_type, acled_sub_type = acled_category(incident.event_type, incident.trigger)
    days = (
        (incident.date_end - incident.date_start).days
        if incident.date_start and incident.date_end
        else None
    )
    sources = [incident.source.as_dict(), *(s.as_dict() for s in incident.extra_sources)]
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": _geometry(incident, shapes),
        "properties": {
            "feature_type": "incident",
            "id": incident.id,
            "event_type": incident.event_type,
            "acled_event_type": acled_type,
            "acled_sub_event_type": acled_sub_type,
            "ucdp_description": kind.ucdp_description,
            "date_start": incident.date_start.isoformat() if incident.date_start else None,
            "date_end": incident.date_end.isoformat() if incident.date_end else None,
            "time_precision": incident.time_precision,
            "location": place.mention.text,
            "place_name": c.name,
            "geonameid": c.geonameid,
            "country_code": c.country_code,
            "admin1": admin1_name or c.admin1,
            "admin1_code": c.admin1,
            "geometry_role": incident.geometry_role,
            "geo_precision": incident.geo_precision,
            "uncertainty_km": incident.uncertainty_km,
            "where_prec": where_prec(
                incident.geo_precision, incident.geometry_role, c.feature_class
            ),
            "date_prec": date_prec(incident.time_precision, days),
            "origin": _origin(incident.origin),
            "stations": [p.candidate.name for p in place.parts]
            if place.mention.section_of == "railway"
            else [],
            "section_of": place.mention.section_of,
            "actors": list(incident.actors),
            "claimed_by": list(incident.claimed_by),
            "fatalities": incident.fatalities,
            "summary": incident.summary,
            "quote": incident.quote,
            "source": incident.source.as_dict(),
            "sources": sources,
            "number_of_sources": len(sources),
            "span": list(incident.span),
            "confidence": incident.confidence,
        },
    }


def feature_collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


# -- geometry by role ---------------------------------------------------------------------------


def _geometry(incident: Incident, shapes: Shapes | None) -> dict:
    place = incident.place
    c = place.candidate
    role = incident.geometry_role
    geometry: BaseGeometry | None = None
    if role == "section" and len(place.parts) == 2:
        a, b = (p.candidate for p in place.parts)
        ends = ((a.lon, a.lat), (b.lon, b.lat))
        # a road is drawn straight: the rail lines known say nothing of it
        on_rail = shapes is not None and place.mention.section_of == "railway"
        geometry = shapes.rail_section(*ends) if on_rail else LineString(ends)
    elif role == "path" and incident.origin is not None:
        o = incident.origin.candidate
        geometry = LineString([(o.lon, o.lat), (c.lon, c.lat)])
    elif role == "border" and shapes is not None and len(place.parts) == 2:
        codes = [p.candidate.country_code for p in place.parts]
        geometry = shapes.border(*codes) if all(codes) else None
    elif role == "region" and shapes is not None:
        geometry = _outline(c, shapes)
    if geometry is None or geometry.is_empty:
        geometry = Point(c.lon, c.lat)
    return _rfc7946(geometry)


def _outline(candidate: Candidate, shapes: Shapes) -> BaseGeometry | None:
    if candidate.feature_class == "admin1":
        return shapes.region(candidate.admin1)
    if candidate.feature_class == "country":
        return shapes.country(candidate.country_code)
    return None


def _rfc7946(geometry: BaseGeometry) -> dict:
    """Counter-clockwise outer rings, clockwise holes, coordinates rounded."""
    if geometry.geom_type == "Polygon":
        geometry = orient(geometry, 1.0)
    elif geometry.geom_type == "MultiPolygon":
        geometry = type(geometry)([orient(p, 1.0) for p in geometry.geoms])
    return _rounded(mapping(geometry))


def _rounded(value):
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], (int, float)):
            return [_round(v) for v in value]
        return [_rounded(v) for v in value]
    return value


def _round(value: float) -> float:
    return round(float(value), COORDINATE_DECIMALS)


def _alternative(candidate: Candidate) -> dict:
    return {
        "place_name": candidate.name,
        "geonameid": candidate.geonameid,
        "feature_class": candidate.feature_class,
        "country_code": candidate.country_code,
        "lat": _round(candidate.lat),
        "lon": _round(candidate.lon),
    }


def _origin(place: Place | None) -> dict | None:
    if place is None:
        return None
    c = place.candidate
    return {
        "location": place.mention.text,
        "place_name": c.name,
        "geonameid": c.geonameid,
        "lon": _round(c.lon),
        "lat": _round(c.lat),
    }
