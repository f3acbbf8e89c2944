"""Run a geoparser over a gold corpus and score it.

The system under test is any callable that takes an article's text and returns, for each
toponym it recognised, ``(start, end, lat, lon)`` with ``lat``/``lon`` ``None`` when it could
not place it (:class:`Geoparser`). geomap's own is ``Pipeline(settings).geoparse``.

Example
-------
>>> result = evaluate("../shared/data/benchmarks/LGL", parse, limit=50)  # doctest: +SKIP
>>> print(format_report(result))  # doctest: +SKIP
"""

from __future__ import annotations

import math
import operator
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import GeomapError
from .corpora import Corpus, GoldDocument, read_corpus
from .metrics import (
    ACCURACY_KM,
    error_summary,
    haversine_km,
    match_spans,
    precision_recall_f1,
)

Prediction = tuple[int, int, float | None, float | None]


class Geoparser(Protocol):
    """What :func:`evaluate` measures: text in, recognised toponyms with coordinates out."""

    def __call__(self, text: str) -> Sequence[Prediction]:
        """``(start, end, lat, lon)`` per recognised toponym; offsets into ``text``."""
        ...


class ParserOutputError(GeomapError, ValueError):
    """The geoparser under test returned something that is not a list of predictions."""


@dataclass
class DocumentScore:
    """Counts for one document; :func:`combine` adds them up over a corpus."""

    gold: int = 0
    predicted: int = 0
    overlap_matches: int = 0
    exact_matches: int = 0
    #: gold toponyms with coordinates
    gold_geocodable: int = 0
    #: ...of which recognised (overlap)
    recognised_geocodable: int = 0
    #: ...of which the prediction had no coordinates
    unresolved: int = 0
    #: errors in km of the recognised, resolved ones
    errors_km: list[float] = field(default_factory=list)
    #: gold count and overlap-recognised count per gold ``kind`` (GeoWebNews types)
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    #: predicted count and overlap-matched count per written form ("name", "adjective")
    by_form: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: DocumentScore) -> None:
        for name in (
            "gold",
            "predicted",
            "overlap_matches",
            "exact_matches",
            "gold_geocodable",
            "recognised_geocodable",
            "unresolved",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors_km.extend(other.errors_km)
        for mine, theirs in ((self.by_kind, other.by_kind), (self.by_form, other.by_form)):
            for key, (n, found) in theirs.items():
                tally = mine.setdefault(key, [0, 0])
                tally[0] += n
                tally[1] += found


def check_predictions(raw: Iterable, text: str) -> list[Prediction]:
    """Validate a geoparser's output against ``text``; return it as a list of 4-tuples.

    Raises
    ------
    ParserOutputError
        A prediction is not ``(start, end, lat, lon)`` with ``0 <= start < end <= len(text)``
        and coordinates either both ``None`` or a valid latitude and longitude.
    """
    checked = []
    for item in raw:
        try:
            start, end, lat, lon = item
            start, end = operator.index(start), operator.index(end)
        except (TypeError, ValueError):
            raise ParserOutputError(f"prediction {item!r} is not (start, end, lat, lon)") from None
        if not 0 <= start < end <= len(text):
            raise ParserOutputError(
                f"prediction {item!r}: span outside the text (length {len(text)})"
            )
        if (lat is None) != (lon is None):
            raise ParserOutputError(f"prediction {item!r}: give both coordinates or neither")
        if lat is not None:
            lat, lon = float(lat), float(lon)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
                raise ParserOutputError(f"prediction {item!r}: coordinates out of range")
        checked.append((start, end, lat, lon))
    return checked


#: What a predicted span is written as: ``"adjective"`` for "Russian", else ``"name"``.
FormOf = Callable[[str], str]


def score_document(
    document: GoldDocument, predictions: Sequence[Prediction], form_of: FormOf | None = None
) -> DocumentScore:
    """Match ``predictions`` to the gold toponyms of ``document`` and count; with ``form_of``,
    also per written form of the predicted spans, since corpora differ in whether they
    annotate adjectives ("Russian troops")."""
    gold_spans = [(t.start, t.end) for t in document.toponyms]
    pred_spans = [(p[0], p[1]) for p in predictions]
    overlap_pairs = match_spans(gold_spans, pred_spans)
    score = DocumentScore(
        gold=len(gold_spans),
        predicted=len(pred_spans),
        overlap_matches=len(overlap_pairs),
        exact_matches=len(match_spans(gold_spans, pred_spans, exact=True)),
        gold_geocodable=sum(t.has_coordinates for t in document.toponyms),
    )
    for toponym in document.toponyms:
        if toponym.kind is not None:
            score.by_kind.setdefault(toponym.kind, [0, 0])[0] += 1
    if form_of is not None:
        matched = {j for _, j in overlap_pairs}
        for j, (start, end, _, _) in enumerate(predictions):
            tally = score.by_form.setdefault(form_of(document.text[start:end]), [0, 0])
            tally[0] += 1
            tally[1] += j in matched
    for i, j in overlap_pairs:
        toponym = document.toponyms[i]
        if toponym.kind is not None:
            score.by_kind[toponym.kind][1] += 1
        if not toponym.has_coordinates:
            continue
        score.recognised_geocodable += 1
        _, _, lat, lon = predictions[j]
        if lat is None:
            score.unresolved += 1
        else:
            score.errors_km.append(haversine_km(toponym.lat, toponym.lon, lat, lon))
    return score


def summarise(score: DocumentScore) -> dict:
    """The JSON-able metrics of a (combined) :class:`DocumentScore`."""
    geocoding = error_summary(score.errors_km)
    geocoding["recognised_with_gold_coordinates"] = score.recognised_geocodable
    geocoding["unresolved"] = score.unresolved
    placed = sum(error < ACCURACY_KM for error in score.errors_km)
    by_kind = {
        kind: {"gold": n, "recognised": found, "recall": found / n if n else 0.0}
        for kind, (n, found) in sorted(score.by_kind.items())
    }
    by_form = {
        form: {"predicted": n, "matched": found, "precision": found / n if n else 0.0}
        for form, (n, found) in sorted(score.by_form.items())
    }
    return {
        "recognition": {
            "overlap": precision_recall_f1(score.overlap_matches, score.predicted, score.gold),
            "exact": precision_recall_f1(score.exact_matches, score.predicted, score.gold),
            **({"recall_by_type": by_kind} if by_kind else {}),
            **({"precision_by_form": by_form} if by_form else {}),
        },
        "geocoding": geocoding,
        "end_to_end": {
            "placed_within_161km": placed,
            "gold_with_coordinates": score.gold_geocodable,
            "score": placed / score.gold_geocodable if score.gold_geocodable else 0.0,
        },
    }


def corpus_summary(corpus: Corpus) -> dict:
    """What was read: name, split, file, counts and the reader's notes."""
    return {
        "name": corpus.name,
        "split": corpus.split,
        "path": str(corpus.path),
        "documents": len(corpus.documents),
        "gold_toponyms": corpus.n_toponyms,
        "gold_with_coordinates": corpus.n_with_coordinates,
        "offsets_repaired": corpus.offsets_repaired,
        "offsets_unaligned": corpus.offsets_unaligned,
        "offsets_dropped": corpus.offsets_dropped,
        "counted_types": list(corpus.counted_types),
        "notes": list(corpus.notes),
    }


def evaluate_corpus(
    corpus: Corpus,
    parse: Geoparser,
    *,
    system: str | None = None,
    form_of: FormOf | None = None,
) -> dict:
    """Run ``parse`` over every document of ``corpus`` and return the metrics as a dict.

    Only the calls to ``parse`` are timed (``speed.docs_per_s``), one document at a time.
    ``form_of`` adds ``recognition.precision_by_form`` (see :func:`score_document`).
    """
    total = DocumentScore()
    seconds = 0.0
    for document in corpus.documents:
        started = time.perf_counter()
        raw = parse(document.text)
        seconds += time.perf_counter() - started
        total.add(score_document(document, check_predictions(raw, document.text), form_of))
    n_docs = len(corpus.documents)
    return {
        "system": system,
        "corpus": corpus_summary(corpus),
        **summarise(total),
        "speed": {
            "documents": n_docs,
            "seconds": seconds,
            "docs_per_s": n_docs / seconds if seconds > 0 else None,
        },
    }


def evaluate(
    corpus_dir: str | os.PathLike,
    parse: Geoparser,
    *,
    limit: int | None = None,
    system: str | None = None,
    form_of: FormOf | None = None,
) -> dict:
    """Score ``parse`` on the corpus at ``corpus_dir``; the result is JSON-able.

    Parameters
    ----------
    corpus_dir
        A corpus file or a folder holding one (format sniffed, see :mod:`.corpora`).
    parse
        The geoparser under test (:class:`Geoparser`).
    limit
        Only the first ``limit`` documents.
    system
        A name for the report.
    form_of
        What a predicted span is written as (``"name"``, ``"adjective"``), to count
        precision per form.

    Returns
    -------
    dict
        ``corpus``, ``recognition`` (``overlap``/``exact`` P/R/F1, GWN ``recall_by_type``),
        ``geocoding`` (``acc@161km``, ``median_error_km``, ``mean_error_km``, ``auc``, ``n``,
        ``unresolved``), ``end_to_end`` and ``speed``.
    """
    return evaluate_corpus(
        read_corpus(corpus_dir, limit=limit), parse, system=system, form_of=form_of
    )


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def format_report(result: dict) -> str:
    """A plain-text report of one :func:`evaluate` result."""
    corpus = result["corpus"]
    overlap = result["recognition"]["overlap"]
    exact = result["recognition"]["exact"]
    geo = result["geocoding"]
    e2e = result["end_to_end"]
    speed = result["speed"]
    title = f"{corpus['name']} ({corpus['split']})"
    if result.get("system"):
        title = f"{result['system']} on {title}"
    lines = [
        title,
        f"  documents {corpus['documents']}, gold toponyms {corpus['gold_toponyms']} "
        f"({corpus['gold_with_coordinates']} with coordinates)",
        f"  recognition (overlap)  P {overlap['precision']:.3f}  R {overlap['recall']:.3f}  "
        f"F1 {overlap['f1']:.3f}   [{overlap['true_positives']} matched, "
        f"{overlap['predicted']} predicted]",
        f"  recognition (exact)    P {exact['precision']:.3f}  R {exact['recall']:.3f}  "
        f"F1 {exact['f1']:.3f}",
        f"  geocoding ({geo['n']} recognised and placed, {geo['unresolved']} unplaced)  "
        f"acc@161km {_fmt(geo['acc@161km'], '.3f')}  "
        f"median {_fmt(geo['median_error_km'], '.1f')} km  "
        f"mean {_fmt(geo['mean_error_km'], '.1f')} km  AUC {_fmt(geo['auc'], '.3f')} "
        "(lower is better)",
        f"  end-to-end  {e2e['score']:.3f}  ({e2e['placed_within_161km']} of "
        f"{e2e['gold_with_coordinates']} gold toponyms found and placed within 161 km)",
        f"  speed  {_fmt(speed['docs_per_s'], '.1f')} docs/s",
    ]
    by_type = result["recognition"].get("recall_by_type")
    if by_type:
        cells = ", ".join(f"{k} {v['recall']:.2f} ({v['gold']})" for k, v in by_type.items())
        lines.append(f"  recall by type (overlap): {cells}")
    by_form = result["recognition"].get("precision_by_form")
    if by_form:
        cells = ", ".join(
            f"{k} {v['precision']:.3f} ({v['predicted']})" for k, v in by_form.items()
        )
        lines.append(f"  precision by written form (overlap): {cells}")
    lines.extend(f"  note: {note}" for note in corpus["notes"])
    return "\n".join(lines)
