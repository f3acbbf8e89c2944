"""The geocoder a run uses: the offline gazetteer, and with ``--online`` a provider behind it
that is asked only for the names the gazetteer cannot place."""

from __future__ import annotations

from ..config import Settings
from ..gazetteer import Gazetteer
from ..models import Candidate, Mention
from .base import Geocoder
from .offline import OfflineGeocoder

#: mention kinds an online provider can answer: names, not demonyms or borders
_ONLINE_KINDS = frozenset({"name", "region", "direction", "branch", "station"})


class GazetteerFirst:
    """Offline candidates when there are any; else the online provider's."""

    def __init__(self, offline: Geocoder, online: Geocoder):
        self.offline = offline
        self.online = online
        # Places keep their own provider's name (the resolver reads it from the origin).
        self.name = offline.name

    def candidates(self, mention: Mention) -> list[Candidate]:
        found = self.offline.candidates(mention)
        if found or mention.kind not in _ONLINE_KINDS:
            return found
        return self.online.candidates(mention)


def geocoder_for(settings: Settings, gazetteer: Gazetteer) -> Geocoder:
    """The offline geocoder, with the online provider behind it when the settings ask."""
    offline = OfflineGeocoder(gazetteer)
    if not settings.online:
        return offline
    from .online import OnlineGeocoder

    return GazetteerFirst(
        offline, OnlineGeocoder.from_settings(settings, admin1_code=admin1_lookup(gazetteer))
    )


def admin1_lookup(gazetteer: Gazetteer):
    """State name as an online provider writes it ("Vitebsk Region") → the gazetteer's admin1
    code ("BY.07"), so online places get a region like offline ones."""

    def admin1_code(country: str, state: str) -> str | None:
        for name in (state, *_without_region_word(state)):
            for candidate in gazetteer.candidates(name, loose=False):
                if candidate.feature_class == "admin1" and candidate.country_code == country:
                    return candidate.admin1
        return None

    return admin1_code


def _without_region_word(state: str) -> list[str]:
    words = state.split()
    if len(words) > 1 and words[-1].lower() in {"region", "oblast", "voblast", "province"}:
        return [" ".join(words[:-1])]
    return []
