"""geomap: conflict reporting to incidents on a map, offline.

The pipeline: text → Document → mentions → candidates → places → incidents → GeoJSON → map.
"""

from .config import Settings
from .errors import DataError, GeocoderError, GeomapError, InputError, UsageError
from .models import Candidate, Document, Incident, Mention, Place, Source

__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "DataError",
    "Document",
    "GeocoderError",
    "GeomapError",
    "Incident",
    "InputError",
    "Mention",
    "Place",
    "Settings",
    "Source",
    "UsageError",
]
