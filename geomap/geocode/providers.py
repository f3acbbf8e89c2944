"""The online providers: how geopy reaches each, its usage policy, and how its answers
become candidates.

One class per provider, a registry by name (as geopy's ``geocoders/__init__.py``). A provider
returns the raw records of a reply (``Location.raw``), which are what the cache keeps, and
turns one record into a :class:`~geomap.models.Candidate`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from geopy.exc import GeocoderParseError
from geopy.geocoders import GeoNames, Nominatim, Photon
from rapidfuzz import fuzz

from ..errors import UsageError
from ..gazetteer.names import name_key
from ..models import Candidate
from .ratelimit import Policy

#: OSM ``place``/``railway`` values and Photon ``type`` values → geomap feature classes
_OSM_CLASSES = {
    "country": "country",
    "state": "admin1",
    "region": "admin1",
    "province": "admin1",
    "county": "admin2",
    "district": "admin2",
    "municipality": "admin2",
    "city": "city",
    "town": "city",
    "village": "village",
    "hamlet": "village",
    "isolated_dwelling": "village",
    "locality": "village",
    "suburb": "village",
    "station": "station",
    "halt": "station",
}
#: Nominatim ``place_rank`` of administrative boundaries → feature class
_RANK_CLASSES = ((4, "country"), (9, "admin1"), (12, "admin2"), (16, "city"), (30, "village"))
#: how far a place extends when the reply gives no bounding box (km)
_DEFAULT_RADIUS_KM = {
    "country": 400.0,
    "admin1": 150.0,
    "admin2": 30.0,
    "city": 5.0,
    "village": 2.0,
    "station": 0.5,
    "other": 5.0,
}
_POPULOUS_TOWN = 10_000

#: state name and country code → GeoNames admin1 code ("BY.07"), when a gazetteer is at hand
Admin1Lookup = Callable[[str, str], str | None]


class Provider:
    """An online geocoding service reached through its geopy class."""

    #: recorded as the candidates' ``origin`` and the places' ``geocoder``
    name: str
    policy: Policy

    def client(self, *, user_agent: str, scheme: str | None, domain: str | None, **options):
        raise NotImplementedError

    def search(self, client, query: str, country: str | None, limit: int) -> list[dict]:
        """The raw records of the reply, best first; ``[]`` when nothing matched."""
        try:
            locations = self._geocode(client, query, country, limit) or []
            records = [dict(location.raw) for location in locations][:limit]
            for record in records:  # a record we cannot read is never cached as an answer
                self._candidate(record, query, None)
            return records
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            # geopy parses the body itself and lets a wrong shape escape as a built-in error
            raise GeocoderParseError(f"malformed reply ({type(exc).__name__}: {exc})") from exc

    def _geocode(self, client, query: str, country: str | None, limit: int):
        raise NotImplementedError

    def candidate(
        self, record: dict, query: str, admin1_code: Admin1Lookup | None = None
    ) -> Candidate | None:
        """The candidate a raw record describes, or None when the record is unusable."""
        try:
            return self._candidate(record, query, admin1_code)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    def _candidate(self, record, query, admin1_code) -> Candidate:
        raise NotImplementedError


class NominatimProvider(Provider):
    """OpenStreetMap Nominatim: 1 request/s at most, with an identifying user agent
    (https://operations.osmfoundation.org/policies/nominatim/)."""

    name = "nominatim"
    policy = Policy(min_delay_seconds=1.0)

    def client(self, *, user_agent, scheme, domain, username=None, **options):
        return Nominatim(
            user_agent=user_agent,
            scheme=scheme,
            domain=domain or "nominatim.openstreetmap.org",
            **options,
        )

    def _geocode(self, client, query, country, limit):
        return client.geocode(
            query,
            exactly_one=False,
            limit=limit,
            addressdetails=True,
            extratags=True,
            country_codes=country.lower() if country else None,
        )

    def _candidate(self, record, query, admin1_code):
        address = record.get("address") or {}
        extratags = record.get("extratags") or {}
        country = (address.get("country_code") or "").upper() or None
        feature_class = _nominatim_class(record)
        south, north, west, east = (
            (float(v) for v in record["boundingbox"]) if record.get("boundingbox") else (None,) * 4
        )
        name = record.get("name") or record["display_name"].split(",")[0]
        return _candidate(
            origin=self.name,
            key=f"{self.name}:{record.get('osm_type', '')[:1].upper()}{record.get('osm_id', record.get('place_id'))}",
            name=name,
            query=query,
            lat=float(record["lat"]),
            lon=float(record["lon"]),
            feature_class=feature_class,
            country_code=country,
            admin1=_admin1(admin1_code, country, address.get("state")),
            population=_int(extratags.get("population")),
            box=(south, north, west, east),
        )


class PhotonProvider(Provider):
    """Komoot's Photon: free for fair use, heavy use throttled; we stay at 1 request/s
    (https://photon.komoot.io)."""

    name = "photon"
    policy = Policy(min_delay_seconds=1.0)

    def client(self, *, user_agent, scheme, domain, username=None, **options):
        return Photon(
            user_agent=user_agent, scheme=scheme, domain=domain or "photon.komoot.io", **options
        )

    def _geocode(self, client, query, country, limit):
        found = client.geocode(query, exactly_one=False, limit=limit) or []
        if country:  # Photon has no country filter: keep the country's records
            found = [
                loc
                for loc in found
                if (loc.raw["properties"].get("countrycode") or "").upper() == country.upper()
            ]
        return found

    def _candidate(self, record, query, admin1_code):
        props = record["properties"]
        lon, lat = record["geometry"]["coordinates"][:2]
        country = (props.get("countrycode") or "").upper() or None
        extent = props.get("extent")  # [west, north, east, south]
        box = (extent[3], extent[1], extent[0], extent[2]) if extent else (None,) * 4
        return _candidate(
            origin=self.name,
            key=f"{self.name}:{str(props.get('osm_type', ''))[:1].upper()}{props.get('osm_id')}",
            name=props["name"],
            query=query,
            lat=float(lat),
            lon=float(lon),
            feature_class=_photon_class(props),
            country_code=country,
            admin1=_admin1(admin1_code, country, props.get("state")),
            population=0,
            box=box,
        )


class GeoNamesProvider(Provider):
    """The GeoNames search web service: needs a username; a free account has 1000 credits an
    hour and 10000 a day, so one request every 3.6 s keeps within the hourly limit
    (https://www.geonames.org/export/)."""

    name = "geonames-online"
    policy = Policy(min_delay_seconds=3.6)

    def client(self, *, user_agent, scheme, domain, username=None, **options):
        if not username:
            raise UsageError("the GeoNames provider needs a username: set GEOMAP_GEONAMES_USERNAME")
        return GeoNames(
            username,
            user_agent=user_agent,
            scheme=scheme or "http",
            domain=domain or "api.geonames.org",
            **options,
        )

    def _geocode(self, client, query, country, limit):
        return client.geocode(
            query, exactly_one=False, country=country.upper() if country else None
        )

    def _candidate(self, record, query, admin1_code):
        country = record.get("countryCode") or None
        code = record.get("adminCode1")
        population = _int(record.get("population"))
        return _candidate(
            origin=self.name,
            key=str(record["geonameId"]),
            name=record["name"],
            query=query,
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            feature_class=_geonames_class(record.get("fcode") or "", population),
            country_code=country,
            admin1=f"{country}.{code}" if country and code else None,
            population=population,
            geonameid=int(record["geonameId"]),
            box=(None,) * 4,
        )


PROVIDERS: dict[str, type[Provider]] = {
    "nominatim": NominatimProvider,
    "photon": PhotonProvider,
    "geonames": GeoNamesProvider,
}


def provider_named(name: str) -> Provider:
    try:
        return PROVIDERS[name.strip().lower()]()
    except KeyError:
        known = ", ".join(PROVIDERS)
        raise UsageError(f"unknown online provider {name!r} (known: {known})") from None


# -- records → candidates --------------------------------------------------------------------


def _candidate(*, query, box, **fields) -> Candidate:
    similarity = fuzz.ratio(name_key(query), name_key(fields["name"])) / 100
    fields["geonameid"] = fields.get("geonameid")
    return Candidate(
        **fields,
        match="exact" if similarity == 1.0 else "fuzzy",
        similarity=round(similarity, 3),
        radius_km=_radius_km(fields["feature_class"], *box),
    )


def _nominatim_class(record: dict) -> str:
    osm_class, osm_type = record.get("class") or record.get("category"), record.get("type")
    addresstype = record.get("addresstype")
    if osm_class in ("railway", "public_transport") and osm_type in ("station", "halt"):
        return "station"
    if addresstype in _OSM_CLASSES:
        return _OSM_CLASSES[addresstype]
    if osm_class == "place" and osm_type in _OSM_CLASSES:
        return _OSM_CLASSES[osm_type]
    if osm_class == "boundary" and osm_type == "administrative" and record.get("place_rank"):
        rank = int(record["place_rank"])
        return next(fc for top, fc in _RANK_CLASSES if rank <= top)
    return "other"


def _photon_class(props: dict) -> str:
    key, value = props.get("osm_key"), props.get("osm_value")
    if key in ("railway", "public_transport") and value in ("station", "halt"):
        return "station"
    if key == "place" and value in _OSM_CLASSES:
        return _OSM_CLASSES[value]
    return _OSM_CLASSES.get(props.get("type") or "", "other")


def _geonames_class(fcode: str, population: int) -> str:
    if fcode.startswith("PCL"):
        return "country"
    if fcode == "ADM1":
        return "admin1"
    if fcode == "ADM2":
        return "admin2"
    if fcode in ("RSTN", "RSTP"):
        return "station"
    if fcode in ("PPLC", "PPLA", "PPLA2") or (
        fcode.startswith("PPL") and population >= _POPULOUS_TOWN
    ):
        return "city"
    if fcode.startswith("PPL"):
        return "village"
    return "other"


def _radius_km(feature_class, south, north, west, east) -> float:
    """Half the diagonal of the reply's bounding box, or a default for the class."""
    if None in (south, north, west, east):
        return _DEFAULT_RADIUS_KM[feature_class]
    from ..distance import haversine_km

    half = haversine_km(float(south), float(west), float(north), float(east)) / 2
    return round(max(0.5, half), 1) if math.isfinite(half) else _DEFAULT_RADIUS_KM[feature_class]


def _admin1(lookup: Admin1Lookup | None, country: str | None, state: str | None) -> str | None:
    if lookup is None or not country or not state:
        return None
    return lookup(country, state)


def _int(value) -> int:
    try:
        return max(0, int(float(value)))
    except (TypeError, ValueError):
        return 0
