"""Candidates from an online provider, cached and rate-limited; never fatal.

A failure (timeout, refused, quota, malformed reply) costs the name its online candidates,
nothing more: one warning line, and the run goes on with what the offline gazetteer had.
After a few failures in a row the provider is left alone for the rest of the run.

Configuration, each an argument or else an environment variable:

- ``GEOMAP_ONLINE_PROVIDER``: ``nominatim`` (default), ``photon`` or ``geonames``
- ``GEOMAP_GEONAMES_USERNAME``: the GeoNames account (required by GeoNames)
- ``GEOMAP_ONLINE_DOMAIN``, ``GEOMAP_ONLINE_SCHEME``: another server (a self-hosted Nominatim
  or Photon), e.g. ``nominatim.example.org`` and ``https``
- ``GEOMAP_ONLINE_TIMEOUT``: seconds to wait for a reply (default 10)
- ``GEOMAP_ONLINE_COUNTRIES``: ISO codes to search in, comma-separated (default: anywhere)
- ``GEOMAP_ONLINE_CACHE``: the answer cache file (default ``online.sqlite`` in the cache dir)
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from geopy.adapters import URLLibAdapter
from geopy.exc import GeopyError

from ..config import Settings
from ..errors import UsageError
from ..models import Candidate, Mention
from .cache import AnswerCache
from .providers import Admin1Lookup, Provider, provider_named
from .ratelimit import Policy, Throttled

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 10.0
#: failures in a row after which a provider is not asked again in this run
MAX_FAILURES_IN_A_ROW = 3
CACHE_FILE = "online.sqlite"


class OnlineGeocoder:
    """One online provider behind the :class:`~.base.Geocoder` protocol.

    Parameters
    ----------
    provider : which service, and how to read it
    client : the geopy geocoder that reaches it (see :meth:`from_settings`)
    cache : where answers are kept across runs
    policy : spacing and retries; the provider's own policy by default
    countries : ISO codes to search in (one request per country), or all countries
    admin1_code : state name → GeoNames admin1 code, to give online places a region
    """

    def __init__(
        self,
        provider: Provider,
        client,
        cache: AnswerCache,
        *,
        policy: Policy | None = None,
        countries: Sequence[str] = (),
        limit: int = 5,
        admin1_code: Admin1Lookup | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.provider = provider
        self.name = provider.name
        self.cache = cache
        self.countries = tuple(c.upper() for c in countries) or (None,)
        self.limit = limit
        self.admin1_code = admin1_code
        self._search = Throttled(
            partial(provider.search, client), policy or provider.policy, sleep=sleep
        )
        self._cache_name = f"{provider.name}@{_endpoint(client)}"
        self._failures = 0

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        environ: Mapping[str, str] = os.environ,
        admin1_code: Admin1Lookup | None = None,
        adapter_factory=URLLibAdapter,
        **options,
    ) -> OnlineGeocoder:
        """The provider the settings and environment name, with the cache in the cache dir.

        The stdlib transport by default: it adds no retries of its own behind ours."""
        provider = provider_named(
            settings.online_provider or environ.get("GEOMAP_ONLINE_PROVIDER") or "nominatim"
        )
        try:
            timeout = float(environ.get("GEOMAP_ONLINE_TIMEOUT") or DEFAULT_TIMEOUT_SECONDS)
        except ValueError:
            raise UsageError("GEOMAP_ONLINE_TIMEOUT must be a number of seconds") from None
        client = provider.client(
            user_agent=settings.user_agent,
            scheme=environ.get("GEOMAP_ONLINE_SCHEME") or None,
            domain=environ.get("GEOMAP_ONLINE_DOMAIN") or None,
            username=environ.get("GEOMAP_GEONAMES_USERNAME") or None,
            timeout=timeout,
            adapter_factory=adapter_factory,
        )
        countries = (environ.get("GEOMAP_ONLINE_COUNTRIES") or "").replace(",", " ").split()
        return cls(
            provider,
            client,
            AnswerCache(
                Path(environ.get("GEOMAP_ONLINE_CACHE") or settings.cache_dir / CACHE_FILE)
            ),
            countries=countries,
            admin1_code=admin1_code,
            **options,
        )

    @property
    def gave_up(self) -> bool:
        return self._failures >= MAX_FAILURES_IN_A_ROW

    def candidates(self, mention: Mention) -> list[Candidate]:
        out: dict[str, Candidate] = {}
        for country in self.countries:
            for record in self.records(mention.query, country):
                candidate = self.provider.candidate(record, mention.query, self.admin1_code)
                if candidate is not None:
                    out.setdefault(candidate.key, candidate)
        return list(out.values())

    def records(self, query: str, country: str | None = None) -> list[dict]:
        """The provider's raw answer for a name: from the cache, else asked (and kept)."""
        cached = self.cache.get(self._cache_name, query, country)
        if cached is not None:
            return cached
        if self.gave_up:
            return []
        try:
            records = self._search(query, country, self.limit)
        except GeopyError as exc:
            self._failed(query, exc)
            return []
        self._failures = 0
        self.cache.put(self._cache_name, query, country, records)
        return records

    def _failed(self, query: str, exc: GeopyError) -> None:
        self._failures += 1
        log.warning(
            "%s could not place %r (%s: %s); keeping the offline result",
            self.name,
            query,
            type(exc).__name__,
            _one_line(exc),
        )
        log.debug("%s failure", self.name, exc_info=exc)
        if self.gave_up:
            log.warning(
                "%s failed %d times in a row; not asking it again in this run",
                self.name,
                self._failures,
            )


def _endpoint(client) -> str:
    """host[:port] of the geopy client, so answers from different servers are kept apart."""
    api = getattr(client, "api", "")
    return api.split("://", 1)[-1].split("/", 1)[0]


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 160 else text[:157] + "..."
