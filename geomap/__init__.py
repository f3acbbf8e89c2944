"""geomap: conflict reporting to incidents on a map, offline.

The pipeline: text → Document → mentions → candidates → places → incidents → GeoJSON → map.

Example
-------
>>> import geomap
>>> collection = geomap.extract(["data/"])  # doctest: +SKIP
>>> incidents, places = geomap.to_geodataframes(collection)  # doctest: +SKIP
"""

from .config import Settings
from .distance import haversine_km
from .errors import DataError, GeocoderError, GeomapError, InputError, UsageError
from .models import Candidate, Document, Incident, Mention, Place, Source

__version__ = "0.1.0"

# The pipeline and the analysis helpers load the gazetteer, shapely and geopandas: imported
# on first use, so ``import geomap`` (and the CLI's start) stays fast.
_LAZY = {
    "Pipeline": "pipeline",
    "extract": "pipeline",
    "read_inputs": "ingest",
    "to_geodataframes": "analysis",
    "regions_frame": "analysis",
    "incidents_by_region": "analysis",
    "with_rail_context": "analysis",
    "toponym_errors": "analysis",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    # running the pipeline
    "Pipeline",
    "Settings",
    "extract",
    "read_inputs",
    # analysis (geomap.analysis)
    "haversine_km",
    "incidents_by_region",
    "regions_frame",
    "to_geodataframes",
    "toponym_errors",
    "with_rail_context",
    # values
    "Candidate",
    "Document",
    "Incident",
    "Mention",
    "Place",
    "Source",
    # errors
    "DataError",
    "GeocoderError",
    "GeomapError",
    "InputError",
    "UsageError",
]
