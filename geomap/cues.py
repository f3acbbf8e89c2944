"""Cues: the phrasings of news that the lexicons of :mod:`.triggers`, :mod:`.actors`,
:mod:`.place_roles` and :mod:`.incidents` are written as, compiled one way."""

from __future__ import annotations

import re


def cue(pattern: str) -> re.Pattern:
    """A phrasing matched whatever its case: news writes "Troops" and "troops" alike.

    >>> bool(cue("detained").search("Police DETAINED three men"))
    True
    """
    return re.compile(pattern, re.IGNORECASE)
