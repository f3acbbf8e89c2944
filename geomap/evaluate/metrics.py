"""Geoparsing metrics as pure functions: span matching, recognition scores, geocoding errors.

Definitions (and where they come from):

* **Recognition** (geotagging) precision, recall and F1 over toponym spans. A predicted span
  matches a gold span when they *overlap* (share at least one character); each gold and each
  prediction is used at most once (:func:`match_spans`, greedy one-to-one). *Exact* F1 asks
  for identical ``(start, end)``.
* **Geocoding** over the gold toponyms that were recognised, have gold coordinates and got
  predicted coordinates: the error is the great-circle distance (:func:`haversine_km`).
  ``acc@161km`` is the share with error < 161 km (100 miles, Cheng et al. 2010), as in
  EUPEG's and CamCoder's code. Median and mean error in km.
* **AUC** (Gritta et al. 2018, "What's missing in geographical parsing?"): the area under the
  curve of ascending sorted ``ln(1 + error_km) / ln(20039)`` values by the trapezoidal rule
  with unit steps, divided by ``n - 1``. 0 is perfect, 1 is every toponym on the far side of
  the Earth: **lower is better**. 20,039 km is half the Earth's circumference.
* **End-to-end**: gold toponyms with coordinates that were recognised *and* placed within
  161 km, over all gold toponyms with coordinates.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from statistics import mean, median

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
#: Normaliser of the AUC: the largest possible error, half the circumference (Gritta et al.).
MAX_ERROR_KM = 20039.0
#: The accuracy threshold: 100 miles.
ACCURACY_KM = 161.0

Span = tuple[int, int]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points (spherical Earth).

    >>> round(haversine_km(0.0, 0.0, 0.0, 1.0), 1)
    111.2
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def overlap(a: Span, b: Span) -> int:
    """Number of characters two half-open spans share (0 if disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(
    gold: Sequence[Span], predicted: Sequence[Span], *, exact: bool = False
) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one-to-one; return ``(gold_index, predicted_index)`` pairs.

    With ``exact=False`` any overlapping pair may match. Pairs are taken greedily, best first:
    identical spans, then larger overlap, then closer starts, then closer ends, then document
    order. Greedy is not a maximum matching, but with non-nested gold spans (all four corpora)
    it only differs in contrived cases, and it is what a reader would do by hand.

    >>> match_spans([(0, 5), (10, 15)], [(1, 5), (10, 15), (20, 25)])
    [(0, 0), (1, 1)]
    >>> match_spans([(0, 5)], [(0, 2), (2, 5)])
    [(0, 1)]
    >>> match_spans([(0, 5)], [(1, 5)], exact=True)
    []
    """
    if exact:
        unused: dict[Span, list[int]] = {}
        for j, span in enumerate(predicted):
            unused.setdefault(tuple(span), []).append(j)
        pairs = []
        for i, span in enumerate(gold):
            candidates = unused.get(tuple(span))
            if candidates:
                pairs.append((i, candidates.pop(0)))
        return pairs

    order = sorted(range(len(predicted)), key=lambda j: predicted[j][0])
    starts = [predicted[j][0] for j in order]
    longest = max((e - s for s, e in predicted), default=0)
    candidates = []
    for i, (gs, ge) in enumerate(gold):
        # Only predictions starting in (gs - longest, ge) can overlap [gs, ge).
        for k in range(bisect_left(starts, gs - longest), bisect_left(starts, ge)):
            j = order[k]
            ps, pe = predicted[j]
            shared = overlap((gs, ge), (ps, pe))
            if shared > 0:
                rank = ((gs, ge) != (ps, pe), -shared, abs(gs - ps), abs(ge - pe), i, j)
                candidates.append((rank, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    pairs.sort()
    return pairs


def precision_recall_f1(true_positives: int, n_predicted: int, n_gold: int) -> dict:
    """Precision, recall and F1 as a dict, with the counts; 0.0 where undefined.

    >>> precision_recall_f1(3, 4, 6)["f1"]
    0.6
    """
    precision = true_positives / n_predicted if n_predicted else 0.0
    recall = true_positives / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "true_positives": true_positives,
        "predicted": n_predicted,
        "gold": n_gold,
    }


def accuracy_within(errors_km: Sequence[float], km: float = ACCURACY_KM) -> float | None:
    """Share of errors strictly below ``km``; ``None`` for no errors.

    >>> accuracy_within([0.0, 160.9, 161.0, 200.0])
    0.5
    """
    if not errors_km:
        return None
    return sum(error < km for error in errors_km) / len(errors_km)


def auc_of_errors(errors_km: Sequence[float]) -> float | None:
    """Gritta et al.'s AUC of the log-error curve: 0 perfect, 1 worst; ``None`` for no errors.

    The ascending errors are mapped to ``ln(1 + e) / ln(20039)`` (capped at 1) and
    integrated with the trapezoidal rule over unit steps, divided by ``n - 1`` (the curve's
    width). One error is its own value.

    >>> auc_of_errors([0.0, 0.0, 0.0])
    0.0
    >>> auc_of_errors([MAX_ERROR_KM, MAX_ERROR_KM])
    1.0
    """
    if not errors_km:
        return None
    scale = math.log(MAX_ERROR_KM)
    curve = sorted(min(1.0, math.log1p(max(0.0, e)) / scale) for e in errors_km)
    if len(curve) == 1:
        return curve[0]
    area = sum(curve) - (curve[0] + curve[-1]) / 2
    return area / (len(curve) - 1)


def error_summary(errors_km: Sequence[float]) -> dict:
    """``n``, ``acc@161km``, ``median_error_km``, ``mean_error_km`` and ``auc`` of the errors."""
    errors = list(errors_km)
    return {
        "n": len(errors),
        "acc@161km": accuracy_within(errors),
        "median_error_km": median(errors) if errors else None,
        "mean_error_km": mean(errors) if errors else None,
        "auc": auc_of_errors(errors),
    }
