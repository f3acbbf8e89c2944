"""One exception root for geomap; each subclass also inherits the built-in it refines.

The CLI turns any :class:`GeomapError` into a one-line message and an exit code,
so callers of the library can catch either ``GeomapError`` or the built-in.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""

    #: exit code the CLI uses for this error
    exit_code = 1


class InputError(GeomapError, ValueError):
    """An input (file, folder, URL, stdin) cannot be read as an article."""

    exit_code = 2

    def __init__(self, locator: str, reason: str):
        super().__init__(f"{locator}: {reason}")
        self.locator = locator
        self.reason = reason


class DataError(GeomapError, OSError):
    """The data dir or the cache holds something unusable."""


class OutputError(GeomapError, OSError):
    """An output file cannot be written (no rights, disk full, a folder in the way)."""


class GeocoderError(GeomapError, RuntimeError):
    """A geocoding provider failed (timeout, quota, malformed reply)."""


class UsageError(GeomapError, ValueError):
    """The caller asked for something that cannot be done (bad option, bad file type)."""

    exit_code = 2
