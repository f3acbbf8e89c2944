"""Mention → candidates: the offline gazetteer and, as an option, online geopy providers.

Each backend is one module behind the :class:`~.base.Geocoder` protocol.
"""

from .base import Geocoder
from .offline import OfflineGeocoder

__all__ = ["Geocoder", "OfflineGeocoder"]
