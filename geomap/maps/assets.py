"""Inline every script, style, font and image of a map page (``--self-contained``).

folium writes ``<script src=CDN>`` and ``<link href=CDN>`` tags. Each known CDN URL maps to a
file of an npm package pinned in ``package.json`` (installed by ``make assets`` = ``npm ci``
into ``node_modules/``); its content replaces the tag, and every ``url(...)`` in a style
sheet becomes a ``data:`` URI. An unknown URL is an error, never left in the page.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from functools import cache
from pathlib import Path

from ..config import default_assets_dir as assets_dir
from ..errors import DataError

#: CDN URL folium (or a plugin) writes → file below node_modules/ holding the same version.
#: Font Awesome: only the core and the solid style are used, so not ``all.min.css``.
OFFLINE_COPIES: dict[str, tuple[str, ...]] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": ("leaflet/dist/leaflet.js",),
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": ("leaflet/dist/leaflet.css",),
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": (
        "@fortawesome/fontawesome-free/css/fontawesome.min.css",
        "@fortawesome/fontawesome-free/css/solid.min.css",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.js": (
        "leaflet-search/dist/leaflet-search.min.js",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.css": (
        "leaflet-search/dist/leaflet-search.min.css",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js": (
        "leaflet.timeline/dist/leaflet.timeline.js",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js": (
        "moment/min/moment.min.js",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": (
        "leaflet.fullscreen/Control.FullScreen.js",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css": (
        "leaflet.fullscreen/Control.FullScreen.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.js": (
        "leaflet-minimap/dist/Control.MiniMap.min.js",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.css": (
        "leaflet-minimap/dist/Control.MiniMap.min.css",
    ),
    "https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js": (
        "leaflet-measure/dist/leaflet-measure.min.js",
    ),
    "https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css": (
        "leaflet-measure/dist/leaflet-measure.css",
    ),
    "https://cdn.jsdelivr.net/npm/leaflet-textpath@1.2.3/leaflet.textpath.min.js": (
        "leaflet-textpath/leaflet.textpath.js",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.5.3/leaflet.markercluster.js": (
        "leaflet.markercluster/dist/leaflet.markercluster.js",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.5.3/MarkerCluster.css": (
        "leaflet.markercluster/dist/MarkerCluster.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.5.3/MarkerCluster.Default.css": (
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
    ),
}

_SCRIPT_TAG = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>', re.I)
_LINK_TAG = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>', re.I)
_CSS_URL = re.compile(r"url\(\s*(?P<q>['\"]?)(?P<ref>[^'\")]+)(?P=q)\s*\)")
# Every browser that runs Leaflet 1.9 reads woff2: the TrueType fallbacks only add weight.
_TTF_SOURCE = re.compile(r",\s*url\([^)]*\.ttf\)\s*format\([\"']truetype[\"']\)")


def inline_assets(html: str) -> str:
    """The page with each CDN script and style sheet replaced by its inlined content."""
    root = assets_dir()

    def script(match: re.Match) -> str:
        body = "\n".join(_read(root, rel) for rel in _copies(match["url"]))
        # a "</script" inside the code would end the tag early
        return "<script>" + re.sub(r"</(script)", r"<\\/\1", body, flags=re.I) + "</script>"

    def style(match: re.Match) -> str:
        parts = [_inline_css(root, rel) for rel in _copies(match["url"])]
        return "<style>" + "\n".join(parts).replace("</", "<\\/") + "</style>"

    return _LINK_TAG.sub(style, _SCRIPT_TAG.sub(script, html))


def _copies(url: str) -> tuple[str, ...]:
    try:
        return OFFLINE_COPIES[url]
    except KeyError:
        raise DataError(
            f"no offline copy of {url} for --self-contained: add it to package.json and "
            "geomap/maps/assets.py OFFLINE_COPIES"
        ) from None


@cache
def _read_cached(path: Path) -> bytes:
    return path.read_bytes()


def _read(root: Path, rel: str) -> str:
    return _bytes(root, rel).decode("utf-8")


def _bytes(root: Path, rel: str) -> bytes:
    path = root / rel
    try:
        return _read_cached(path)
    except FileNotFoundError:
        raise DataError(
            f"{path}: missing; run `make assets` (npm ci) to install the files that "
            "--self-contained inlines"
        ) from None


def _inline_css(root: Path, rel: str) -> str:
    css = _TTF_SOURCE.sub("", _read(root, rel))
    base = Path(rel).parent

    def data_uri(match: re.Match) -> str:
        ref = match["ref"].strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        target = (base / ref.split("?")[0].split("#")[0]).as_posix()
        content = _bytes(root, os.path.normpath(target))
        mime = _mime(target)
        return f'url("data:{mime};base64,{base64.b64encode(content).decode("ascii")}")'

    return _CSS_URL.sub(data_uri, css)


def _mime(name: str) -> str:
    if name.endswith(".woff2"):
        return "font/woff2"
    if name.endswith(".svg"):
        return "image/svg+xml"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
