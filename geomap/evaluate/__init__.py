"""Measure a geoparser on public benchmark corpora (GeoWebNews, LGL, TR-News, GeoVirus).

``read_corpus`` reads gold toponyms (format sniffed, offset quirks repaired), ``evaluate``
runs a :class:`Geoparser` callable over a corpus and returns JSON-able metrics, and
``format_report`` prints them. The metrics themselves are pure functions in
:mod:`geomap.evaluate.metrics`.
"""

from .corpora import (
    GWN_COUNTED_TYPES,
    Corpus,
    GoldDocument,
    GoldToponym,
    find_corpora,
    find_corpus,
    read_corpus,
)
from .scoring import (
    Geoparser,
    ParserOutputError,
    evaluate,
    evaluate_corpus,
    format_report,
    score_document,
)

__all__ = [
    "GWN_COUNTED_TYPES",
    "Corpus",
    "Geoparser",
    "GoldDocument",
    "GoldToponym",
    "ParserOutputError",
    "evaluate",
    "evaluate_corpus",
    "find_corpora",
    "find_corpus",
    "format_report",
    "read_corpus",
    "score_document",
]
