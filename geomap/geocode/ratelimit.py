"""Spacing and retrying the requests to an online provider, as its usage policy asks.

Spacing is geopy's :class:`~geopy.extra.rate_limiter.RateLimiter`; the retries are ours,
because they depend on the failure: a 429 waits what its ``Retry-After`` says (up to a cap),
a 5xx, a timeout or an unreachable network waits a growing back-off, anything else (a bad query,
a refused account, a malformed reply) is not retried.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from geopy.exc import (
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra.rate_limiter import RateLimiter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Policy:
    """How often a provider may be asked and how hard to insist when it fails."""

    #: at least this long between two requests
    min_delay_seconds: float = 1.0
    #: retries after the first request, for failures that may pass
    max_retries: int = 2
    #: wait before the first retry of a 5xx or timeout; doubles with each retry
    backoff_seconds: float = 2.0
    #: the longest ``Retry-After`` we wait for; a longer one gives up on the request
    max_retry_after_seconds: float = 30.0


class Throttled:
    """``func`` called no more often than ``policy`` allows, retried when a retry may help.

    Examples
    --------
    >>> lookup = Throttled(client.geocode, Policy(min_delay_seconds=1.0))  # doctest: +SKIP
    >>> lookup("Farinovo", exactly_one=False)                              # doctest: +SKIP
    """

    def __init__(
        self,
        func: Callable,
        policy: Policy,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.policy = policy
        self._sleep = sleep
        self._spaced = RateLimiter(
            func,
            min_delay_seconds=policy.min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    def __call__(self, *args, **kwargs):
        attempt = 0
        while True:
            try:
                return self._spaced(*args, **kwargs)
            except GeocoderServiceError as exc:
                wait = self._retry_wait(exc, attempt)
                if wait is None:
                    raise
                log.debug("retrying in %.1f s after %s: %s", wait, type(exc).__name__, exc)
                self._sleep(wait)
                attempt += 1

    def _retry_wait(self, exc: GeocoderServiceError, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the failure is final."""
        if attempt >= self.policy.max_retries:
            return None
        if isinstance(exc, GeocoderRateLimited):
            if exc.retry_after is None:
                return max(self.policy.backoff_seconds, self.policy.min_delay_seconds)
            if exc.retry_after > self.policy.max_retry_after_seconds:
                return None
            return max(float(exc.retry_after), self.policy.min_delay_seconds)
        if isinstance(exc, GeocoderTimedOut | GeocoderUnavailable) or _server_error(exc):
            return self.policy.backoff_seconds * 2**attempt
        return None


def _server_error(exc: Exception) -> bool:
    """A 5xx reply (geopy maps 500 and unknown codes to the bare GeocoderServiceError)."""
    status = getattr(exc.__cause__, "status_code", None)
    return isinstance(status, int) and status >= 500
