"""Candidates from the offline gazetteer, shaped by how the place is written."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, process

from ..gazetteer import Gazetteer
from ..gazetteer.names import name_key
from ..models import Candidate, Mention, match_rank

# Below this similarity a station name is not taken as a spelling of the one written.
_STATION_MIN_SIMILARITY = 72
# Abbreviations before the last word of a name, spelled out ("Mt. Pleasant", "St. Clair").
_SPELLED_OUT = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort", "pt": "point"}
# ... and an entry found only by the word spelled out, this many times smaller than the
# largest found by the abbreviation, is passed over
_SPELLED_OUT_SIZE_RATIO = 10


class OfflineGeocoder:
    name = "offline"

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._station_keys: list[str] | None = None
        self._station_rows: list[int] = []

    def candidates(self, mention: Mention) -> list[Candidate]:
        if mention.kind == "station":
            return self._stations(mention.query)
        if mention.kind == "demonym":
            if len(mention.query) > 2:  # "European", "Latin American": a continent or region
                return [
                    c
                    for c in self.gazetteer.candidates(mention.query, loose=False)
                    if c.origin in ("continent", "macro_region") and c.match == "exact"
                ]
            country = self.gazetteer.country_candidate(mention.query)
            return [country] if country else []
        if mention.kind == "border":
            found = [self.gazetteer.country_candidate(part.query) for part in mention.parts]
            return [c for c in found if c is not None]
        found = self._spelled_out(mention.query, self.gazetteer.candidates(mention.query))
        if mention.kind in ("region", "direction"):
            found += self._regions_of_towns(found)
        if mention.hint == "admin2":
            found += self._counties(mention.query, found)
        return found

    def _spelled_out(self, query: str, found: list[Candidate]) -> list[Candidate]:
        """ "Mt. Pleasant", "St. Petersburg", "Ft. Worth": the abbreviation is the word spelled
        out. An entry named "Saint Petersburg" matches "St. Petersburg" as its own name; one
        the abbreviation did not find comes in as by an alternate name, when it is not much
        smaller than those it did (a gazetteer keeps "Mt." for some towns, not for all)."""
        words = name_key(query).split()
        long = [_SPELLED_OUT.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words)]
        if long == words:
            return found
        spelled = {c.key: c for c in self.gazetteer.candidates(" ".join(long), loose=False)}
        out = []
        for candidate in found:
            other = spelled.pop(candidate.key, None)
            if other is not None and match_rank(other.match) > match_rank(candidate.match):
                candidate = other
            out.append(candidate)
        largest = max((c.population for c in found), default=0)
        return out + [
            replace(c, match="alternate")
            for c in spelled.values()
            if c.match == "exact" and c.population * _SPELLED_OUT_SIZE_RATIO >= largest
        ]

    def _counties(self, query: str, found: list[Candidate]) -> list[Candidate]:
        """ "Douglas and Sarpy counties": the counties go by their full names ("Douglas
        County"), which the bare name does not find."""
        have = {c.key for c in found}
        return [
            c
            for c in self.gazetteer.candidates(f"{query} County")
            if c.feature_class == "admin2" and c.key not in have
        ]

    def _regions_of_towns(self, found: list[Candidate]) -> list[Candidate]:
        """ "Homiel voblast": the region of the town named, when the region's own names lack
        this spelling."""
        have = {c.key for c in found}
        out = []
        for town in found:
            if town.feature_class not in ("city", "village") or not town.admin1:
                continue
            region = self.gazetteer.admin1_candidate(town.admin1)
            if region is not None and region.key not in have and town.population >= 10_000:
                out.append(replace(region, match="variant", similarity=0.9 * town.similarity))
                have.add(region.key)
        return out

    def _stations(self, query: str) -> list[Candidate]:
        """Stations (and, as fallbacks, towns) for one end of a rail section."""
        found = {c.key: c for c in self.gazetteer.candidates(query)}
        keys, rows = self._station_index()
        for _key, score, index in process.extract(
            name_key(query), keys, scorer=fuzz.ratio, score_cutoff=_STATION_MIN_SIMILARITY, limit=12
        ):
            candidate = self.gazetteer.candidate(
                rows[index], match="fuzzy", similarity=round(score / 100, 3)
            )
            if candidate.key not in found or found[candidate.key].similarity < candidate.similarity:
                found[candidate.key] = candidate
        return list(found.values())

    def _station_index(self) -> tuple[list[str], list[int]]:
        if self._station_keys is None:
            self._station_keys = []
            for row, names in self.gazetteer.station_names:
                for key in names:
                    self._station_keys.append(key)
                    self._station_rows.append(row)
        return self._station_keys, self._station_rows
