"""Popup and tooltip HTML for incidents and places.

Every string that comes from the input (quotes, names, titles, URLs) goes through
:func:`html.escape` here, so no layer has to think about it; the layers only pass the results
on as strings that Leaflet inserts as HTML.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from ..codebook import EVENT_KINDS

_TIME_PRECISION = {
    "day": "exact day",
    "range": "date range",
    "month": "month only",
    "year": "year only",
    "unknown": "undated",
}
_GEO_PRECISION = {
    1: "1 · exact place",
    2: "2 · near a place / part of a region",
    3: "3 · region",
    4: "4 · country",
}


def event_label(event_type: str | None) -> str:
    kind = EVENT_KINDS.get(event_type or "")
    return kind.label if kind else str(event_type or "Other")


def date_text(props: dict) -> str:
    """'2022-03-28', '2022-02-10 – 2022-02-20' or 'undated'."""
    start, end = props.get("date_start"), props.get("date_end")
    if not start:
        return "undated"
    if end and end != start:
        return f"{start} – {end}"
    return str(start)


def incident_tooltip(props: dict) -> str:
    place = props.get("place_name") or props.get("location") or "?"
    return escape(f"{event_label(props.get('event_type'))}: {place} ({date_text(props)})")


def incident_popup(props: dict) -> str:
    """The whole story of one incident: what, when, where, how sure, who, and the source."""
    return "".join(incident_popup_parts(props))


def incident_popup_parts(props: dict) -> list[str]:
    """The popup in three parts: the incident's own facts, its quote, its sources. Incidents
    from one sentence share a quote, those of one article its source: the page stores each
    shared part once."""
    rows = [
        ("Type", event_label(props.get("event_type"))),
        (
            "Date",
            f"{date_text(props)} ({_precision(_TIME_PRECISION, props.get('time_precision'))})",
        ),
        ("Place", _place_text(props)),
        ("Placement", _placement_text(props)),
        ("Actors", ", ".join(map(str, props.get("actors") or [])) or "—"),
        ("Claimed by", ", ".join(map(str, props.get("claimed_by") or [])) or "—"),
    ]
    if props.get("fatalities") is not None:
        rows.append(("Deaths reported", str(props["fatalities"])))
    origin = props.get("origin") or None
    if isinstance(origin, dict):
        rows.insert(3, ("From", str(origin.get("place_name") or origin.get("location") or "?")))
    if props.get("stations"):
        rows.insert(3, ("Stations", " – ".join(map(str, props["stations"]))))
    table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)
    quote = props.get("quote") or ""
    sources = props.get("sources") or ([props["source"]] if props.get("source") else [])
    return [
        '<div class="geomap-popup" data-geomap-feature="incident">'
        f"<h4>{escape(str(props.get('summary') or event_label(props.get('event_type'))))}</h4>"
        f'<table class="geomap-facts">{table}</table>',
        f"<blockquote>{escape(str(quote))}</blockquote>" if quote else "",
        _sources_html(sources) + "</div>",
    ]


def place_tooltip(props: dict) -> str:
    return escape(str(props.get("place_name") or props.get("name") or "?"))


def place_popup(props: dict) -> str:
    name, resolved = str(props.get("name") or ""), str(props.get("place_name") or "")
    rows = [
        ("Written", name),
        ("Resolved to", resolved),
        ("Kind", str(props.get("feature_class") or "—")),
        (
            "Region",
            ", ".join(str(v) for v in (props.get("admin1"), props.get("country_code")) if v),
        ),
        ("GeoNames id", str(props.get("geonameid") or "—")),
        ("Geocoder", f"{props.get('geocoder') or '?'} (score {props.get('score', '?')})"),
        ("Mentions", str(len(props.get("mentions") or []))),
    ]
    alternatives = [
        str(a.get("place_name")) for a in props.get("alternatives") or [] if isinstance(a, dict)
    ]
    if alternatives:
        rows.append(("Alternatives", ", ".join(alternatives)))
    table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    source = props.get("source")
    return (
        '<div class="geomap-popup" data-geomap-feature="place">'
        f"<h4>{escape(resolved or name)}</h4>"
        f'<table class="geomap-facts">{table}</table>'
        + _sources_html([source] if source else [])
        + "</div>"
    )


def source_link(source: dict) -> str:
    """The source as text, a link only when its URL is http(s): a ``javascript:`` or
    ``data:`` URL in a document must not become clickable."""
    title = str(source.get("title") or source.get("url") or source.get("path") or "source")
    published = f" ({source['published']})" if source.get("published") else ""
    url = str(source.get("url") or "")
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return (
            f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{escape(title)}</a>{escape(published)}"
        )
    where = source.get("path") or url
    shown = f"{title} — {where}" if where and where != title else title
    return escape(shown + published)


def _sources_html(sources: list) -> str:
    items = [source_link(s) for s in sources if isinstance(s, dict)]
    if not items:
        return ""
    return '<div class="geomap-sources">Source: ' + "; ".join(items) + "</div>"


def _place_text(props: dict) -> str:
    written, resolved = props.get("location"), props.get("place_name")
    name = str(resolved or written or "?")
    if written and resolved and str(written) != str(resolved):
        name = f"{resolved} (“{written}”)"
    where = ", ".join(str(v) for v in (props.get("admin1"), props.get("country_code")) if v)
    return f"{name}, {where}" if where else name


def _placement_text(props: dict) -> str:
    precision = _precision(_GEO_PRECISION, props.get("geo_precision"))
    role = props.get("geometry_role") or "point"
    radius = props.get("uncertainty_km")
    within = f", within {radius:g} km" if isinstance(radius, (int, float)) else ""
    return f"{precision}; {role}{within}"


def _precision(table: dict, value) -> str:
    return table.get(value, str(value) if value is not None else "unknown")
