"""Online geocoding against a geocoding server on 127.0.0.1.

The server speaks each provider's real reply format (Nominatim ``/search?format=json``,
Photon ``/api`` GeoJSON, GeoNames ``/searchJSON``), so the real geopy clients, our cache and
our rate limiter are exercised; nothing here needs the internet. The places it knows are
made up, so the offline gazetteer cannot know them.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from geomap.errors import UsageError
from geomap.geocode.chain import GazetteerFirst, admin1_lookup
from geomap.geocode.offline import OfflineGeocoder
from geomap.geocode.online import OnlineGeocoder
from geomap.geocode.ratelimit import Policy
from geomap.models import Mention

# Made-up villages near the Farinovo–Zagatye line (Vitebsk voblast), unknown to the gazetteer.
VILLAGES = {
    "Kryvulnikovo": (55.3962, 28.5318),
    "Zarechnyaya Dubrovka": (55.3811, 28.4402),
    "Pelyshchevo": (55.4127, 28.6121),
}
STATE = "Vitebsk Region"

# Short waits so most tests stay quick; the spacing test uses the provider's real policy.
FAST_RETRIES = Policy(min_delay_seconds=0.05, max_retries=2, backoff_seconds=0.1)


# -- the loopback server ------------------------------------------------------------------------


@dataclass
class Seen:
    at: float
    path: str
    params: dict
    user_agent: str


@dataclass
class Loopback:
    """What the server knows, the faults it plays before answering, and what it was asked."""

    places: dict = field(default_factory=lambda: dict(VILLAGES))
    #: each request first takes the next fault, if any: ("status", code, headers),
    #: ("sleep", seconds), ("body", bytes)
    faults: list = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    port: int = 0

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def queries(self) -> list[str]:
        return [s.params.get("q", [""])[0] for s in self.seen]


def _nominatim(name: str, lat: float, lon: float, n: int) -> dict:
    return {
        "place_id": 100_000 + n,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "node",
        "osm_id": 900_000 + n,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": "place",
        "type": "village",
        "place_rank": 19,
        "importance": 0.2,
        "addresstype": "village",
        "name": name,
        "display_name": f"{name}, Polotsk District, {STATE}, Belarus",
        "address": {
            "village": name,
            "county": "Polotsk District",
            "state": STATE,
            "ISO3166-2-lvl4": "BY-VI",
            "country": "Belarus",
            "country_code": "by",
        },
        "extratags": {"population": "120"},
        "boundingbox": [
            f"{lat - 0.01:.7f}",
            f"{lat + 0.01:.7f}",
            f"{lon - 0.01:.7f}",
            f"{lon + 0.01:.7f}",
        ],
    }


def _photon(name: str, lat: float, lon: float, n: int) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "osm_type": "N",
            "osm_id": 900_000 + n,
            "osm_key": "place",
            "osm_value": "village",
            "type": "city",
            "name": name,
            "county": "Polotsk District",
            "state": STATE,
            "country": "Belarus",
            "countrycode": "BY",
            "extent": [lon - 0.01, lat + 0.01, lon + 0.01, lat - 0.01],
        },
    }


def _geonames(name: str, lat: float, lon: float, n: int) -> dict:
    return {
        "adminCode1": "07",
        "lng": f"{lon:.5f}",
        "geonameId": 9_900_000 + n,
        "toponymName": name,
        "countryId": "630336",
        "fcl": "P",
        "population": 0,
        "countryCode": "BY",
        "name": name,
        "fclName": "city, village,...",
        "adminCodes1": {"ISO3166_2": "VI"},
        "countryName": "Belarus",
        "fcodeName": "populated place",
        "adminName1": "Vitebsk",
        "lat": f"{lat:.5f}",
        "fcode": "PPL",
    }


def _reply(path: str, query: str, places: dict) -> dict | list:
    found = [
        (n, name, *places[name]) for n, name in enumerate(places) if name.lower() == query.lower()
    ]
    if path == "/search":
        return [_nominatim(name, lat, lon, n) for n, name, lat, lon in found]
    if path == "/api":
        return {"type": "FeatureCollection", "features": [_photon(*f[1:], f[0]) for f in found]}
    if path == "/searchJSON":
        return {
            "totalResultsCount": len(found),
            "geonames": [_geonames(*f[1:], f[0]) for f in found],
        }
    raise LookupError(path)


def _handler(state: Loopback):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            params = parse_qs(url.query)
            state.seen.append(
                Seen(time.monotonic(), url.path, params, self.headers.get("User-Agent", ""))
            )
            fault = state.faults.pop(0) if state.faults else None
            try:
                if fault and fault[0] == "sleep":
                    time.sleep(fault[1])
                if fault and fault[0] == "status":
                    self._send(fault[1], b'{"error": "busy"}', fault[2] if len(fault) > 2 else {})
                elif fault and fault[0] == "body":
                    self._send(200, fault[1])
                else:
                    try:
                        body = _reply(url.path, params.get("q", [""])[0], state.places)
                    except LookupError:
                        self._send(404, b"{}")
                        return
                    self._send(200, json.dumps(body).encode("utf-8"))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is the point of the timeout test

        def _send(self, status: int, body: bytes, headers: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def server():
    state = Loopback()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def online_settings(tmp_path):
    from geomap.config import Settings

    return Settings(data_dir=None, cache_dir=tmp_path / "cache", online=True)


def environment(server: Loopback, provider: str = "nominatim", timeout: float = 5.0) -> dict:
    return {
        "GEOMAP_ONLINE_PROVIDER": provider,
        "GEOMAP_ONLINE_DOMAIN": server.domain,
        "GEOMAP_ONLINE_SCHEME": "http",
        "GEOMAP_ONLINE_TIMEOUT": str(timeout),
        "GEOMAP_GEONAMES_USERNAME": "geomap_test",
    }


def online(
    settings, server, provider="nominatim", *, timeout=5.0, policy=FAST_RETRIES, env=(), **kw
):
    return OnlineGeocoder.from_settings(
        settings,
        environ={**environment(server, provider, timeout), **dict(env)},
        policy=policy,
        **kw,
    )


def name(query: str, kind: str = "name") -> Mention:
    return Mention(text=query, start=0, end=len(query), query=query, kind=kind)


@pytest.fixture(scope="module")
def gazetteer(settings):
    from geomap.gazetteer import Gazetteer

    return Gazetteer.open(settings)


# -- the providers' formats --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "path", "origin"),
    [
        ("nominatim", "/search", "nominatim"),
        ("photon", "/api", "photon"),
        ("geonames", "/searchJSON", "geonames-online"),
    ],
)
def test_each_provider_places_a_village(online_settings, server, gazetteer, provider, path, origin):
    geocoder = online(online_settings, server, provider, admin1_code=admin1_lookup(gazetteer))
    [village] = geocoder.candidates(name("Kryvulnikovo"))
    assert (village.lat, village.lon) == pytest.approx(VILLAGES["Kryvulnikovo"], abs=1e-4)
    assert village.name == "Kryvulnikovo"
    assert village.origin == origin
    assert village.feature_class == "village"
    assert village.country_code == "BY"
    assert village.admin1 == "BY.07"  # the Vitebsk voblast, as the gazetteer codes it
    assert village.match == "exact" and village.similarity == 1.0
    assert village.radius_km < 5
    assert [s.path for s in server.seen] == [path]


def test_geonames_sends_the_username_and_needs_one(online_settings, server):
    online(online_settings, server, "geonames").candidates(name("Pelyshchevo"))
    assert server.seen[0].params["username"] == ["geomap_test"]
    env = environment(server, "geonames")
    del env["GEOMAP_GEONAMES_USERNAME"]
    with pytest.raises(UsageError, match="GEOMAP_GEONAMES_USERNAME"):
        OnlineGeocoder.from_settings(online_settings, environ=env)


def test_unknown_provider_is_a_usage_error(online_settings, server):
    with pytest.raises(UsageError, match="unknown online provider"):
        online(online_settings, server, "bing")


def test_nominatim_is_asked_with_the_identifying_user_agent(online_settings, server):
    online(online_settings, server).candidates(name("Pelyshchevo"))
    [request] = server.seen
    assert request.user_agent == online_settings.user_agent
    assert "geomap" in request.user_agent
    assert request.params["format"] == ["json"]
    assert request.params["q"] == ["Pelyshchevo"]


# -- only what the gazetteer cannot place ------------------------------------------------------


def test_name_the_gazetteer_lacks_is_placed_online(online_settings, server, gazetteer):
    offline = OfflineGeocoder(gazetteer)
    assert offline.candidates(name("Kryvulnikovo")) == []
    chain = GazetteerFirst(offline, online(online_settings, server))
    [village] = chain.candidates(name("Kryvulnikovo"))
    assert village.origin == "nominatim"
    assert server.queries() == ["Kryvulnikovo"]


def test_name_the_gazetteer_has_is_never_sent(online_settings, server, gazetteer):
    chain = GazetteerFirst(OfflineGeocoder(gazetteer), online(online_settings, server))
    for known in ("Vitebsk", "Farinovo", "Polotsk"):
        found = chain.candidates(name(known))
        assert found and all(c.origin not in ("nominatim",) for c in found)
    assert server.seen == []


def test_demonyms_and_borders_are_never_sent(online_settings, server, gazetteer):
    chain = GazetteerFirst(OfflineGeocoder(gazetteer), online(online_settings, server))
    chain.candidates(name("Atlantean", kind="demonym"))
    assert server.seen == []


# -- the cache ---------------------------------------------------------------------------------


def test_second_run_is_served_from_the_cache(online_settings, server):
    first = online(online_settings, server).candidates(name("Kryvulnikovo"))
    # "no result" is an answer too, and kept
    assert online(online_settings, server).candidates(name("Nowhereville")) == []
    assert len(server.seen) == 2

    later = online(online_settings, server)  # a new run: a new geocoder, the same cache dir
    assert later.candidates(name("Kryvulnikovo")) == first
    assert later.candidates(name("kryvulnikovo ")) == first  # the same request, cased otherwise
    assert later.candidates(name("Nowhereville")) == []
    assert len(server.seen) == 2
    assert (online_settings.cache_dir / "online.sqlite").is_file()


def test_cache_keeps_providers_and_countries_apart(online_settings, server):
    online(online_settings, server, "nominatim").candidates(name("Kryvulnikovo"))
    online(online_settings, server, "photon").candidates(name("Kryvulnikovo"))
    by_country = online(online_settings, server, env={"GEOMAP_ONLINE_COUNTRIES": "by"})
    assert by_country.candidates(name("Kryvulnikovo"))
    assert [s.path for s in server.seen] == ["/search", "/api", "/search"]
    assert server.seen[2].params["countrycodes"] == ["by"]


def test_countries_limit_the_search(online_settings, server):
    in_ukraine = {"GEOMAP_ONLINE_COUNTRIES": "UA"}
    # GeoNames filters on the server; Photon has no such parameter, so its answer is filtered here
    online(online_settings, server, "geonames", env=in_ukraine).candidates(name("Pelyshchevo"))
    assert server.seen[-1].params["country"] == ["UA"]
    assert (
        online(online_settings, server, "photon", env=in_ukraine).candidates(name("Pelyshchevo"))
        == []
    )
    in_belarus = {"GEOMAP_ONLINE_COUNTRIES": "BY"}
    assert online(online_settings, server, "photon", env=in_belarus).candidates(name("Pelyshchevo"))


# -- the rate limit ----------------------------------------------------------------------------


def test_nominatim_requests_are_at_least_a_second_apart(online_settings, server):
    geocoder = online(online_settings, server, policy=None)  # Nominatim's own: 1 request/s
    for village in VILLAGES:
        assert geocoder.candidates(name(village))
    times = [s.at for s in server.seen]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # measured on arrival at the server: allow a few ms of loopback jitter on the 1 s policy
    assert min(gaps) >= 0.98, gaps


def test_provider_policies_follow_their_documented_limits():
    from geomap.geocode.providers import provider_named

    assert provider_named("nominatim").policy.min_delay_seconds >= 1.0
    assert provider_named("photon").policy.min_delay_seconds >= 1.0
    # GeoNames free accounts: 1000 credits an hour
    assert provider_named("geonames").policy.min_delay_seconds >= 3600 / 1000


# -- faults ------------------------------------------------------------------------------------


def test_429_waits_for_retry_after_then_succeeds(online_settings, server):
    server.faults = [("status", 429, {"Retry-After": "2"})]
    [village] = online(online_settings, server).candidates(name("Kryvulnikovo"))
    assert village.name == "Kryvulnikovo"
    first, second = (s.at for s in server.seen)
    assert second - first >= 1.95


def test_429_asking_too_long_a_wait_gives_up(online_settings, server, caplog):
    server.faults = [("status", 429, {"Retry-After": "3600"})]
    geocoder = online(online_settings, server)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        assert geocoder.candidates(name("Kryvulnikovo")) == []
    assert len(server.seen) == 1
    assert "GeocoderRateLimited" in caplog.text


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_error_is_retried_then_succeeds(online_settings, server, status):
    server.faults = [("status", status)]
    [village] = online(online_settings, server).candidates(name("Kryvulnikovo"))
    assert village.name == "Kryvulnikovo"
    assert len(server.seen) == 2


def test_server_errors_are_retried_within_limits(online_settings, server, caplog):
    server.faults = [("status", 500)] * 5
    with caplog.at_level(logging.WARNING, logger="geomap"):
        assert online(online_settings, server).candidates(name("Kryvulnikovo")) == []
    assert len(server.seen) == 1 + FAST_RETRIES.max_retries


def test_client_errors_are_not_retried(online_settings, server):
    server.faults = [("status", 403)]
    assert online(online_settings, server).candidates(name("Kryvulnikovo")) == []
    assert len(server.seen) == 1


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_timeout_keeps_the_offline_result_with_one_warning(
    online_settings, server, gazetteer, caplog
):
    server.faults = [("sleep", 1.5)] * 2
    geocoder = online(
        online_settings, server, timeout=0.4, policy=replace(FAST_RETRIES, max_retries=1)
    )
    chain = GazetteerFirst(OfflineGeocoder(gazetteer), geocoder)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        assert chain.candidates(name("Kryvulnikovo")) == []
    assert len(server.seen) == 2  # the first try and one retry
    [warning] = _warnings(caplog)
    assert "Kryvulnikovo" in warning and "GeocoderTimedOut" in warning
    assert "\n" not in warning and not any(
        r.exc_info for r in caplog.records if r.levelno >= logging.WARNING
    )
    # a failure is not cached: the next run asks again, and gets the answer
    [village] = online(online_settings, server).candidates(name("Kryvulnikovo"))
    assert village.name == "Kryvulnikovo"


@pytest.mark.parametrize(
    ("provider", "body"),
    [
        ("nominatim", b"<html><body>502 Bad Gateway</body></html>"),
        ("nominatim", b'[{"display_name": "no coordinates"}]'),
        ("photon", b"[1, 2, 3]"),
        ("photon", b'{"features": [{"properties": {}}]}'),
        ("geonames", b'{"geonames": "none"}'),
    ],
)
def test_malformed_reply_keeps_the_offline_result(online_settings, server, caplog, provider, body):
    server.faults = [("body", body)]
    with caplog.at_level(logging.WARNING, logger="geomap"):
        assert online(online_settings, server, provider).candidates(name("Kryvulnikovo")) == []
    assert len(server.seen) == 1  # a malformed reply is not asked again
    [warning] = _warnings(caplog)
    assert "Kryvulnikovo" in warning
    assert online(online_settings, server, provider).candidates(name("Kryvulnikovo"))


def test_provider_failing_repeatedly_is_left_alone_for_the_run(online_settings, server, caplog):
    server.faults = [("status", 403)] * 10
    geocoder = online(online_settings, server)
    with caplog.at_level(logging.WARNING, logger="geomap"):
        for village in [*VILLAGES, "Nowhereville", "Elsewhere"]:
            assert geocoder.candidates(name(village)) == []
    assert len(server.seen) == 3
    assert "not asking it again" in _warnings(caplog)[-1]


# -- the command line --------------------------------------------------------------------------

REPORT = (
    "Relay cabinet burned near Polotsk\n"
    "Published: 2022-03-26\n\n"
    "On 25 March partisans set fire to a relay cabinet on the Farinovo–Kryvulnikovo section, "
    "the Community of Railway Workers of Belarus said.\n"
)


def run_cli(args, server, data_dir, tmp_path, **env):
    from click.testing import CliRunner

    from geomap.cli import main

    environ = {**environment(server), "GEOMAP_ONLINE_CACHE": str(tmp_path / "online.sqlite"), **env}
    environ.pop("GEOMAP_ONLINE_PROVIDER")
    return CliRunner().invoke(main, [*args, "--data-dir", str(data_dir)], env=environ)


def _features(path):
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _needs_map_writer(command: str) -> None:
    if command == "run":  # `run` also writes map.html
        pytest.importorskip("geomap.maps", reason="the map writer is not on this branch yet")


def _written(command: str, out) -> tuple[list, list]:
    """(places, incidents) that ``geomap run`` or ``geomap extract`` wrote in ``out``."""
    if command == "run":
        return _features(out / "places.geojson"), _features(out / "incidents.geojson")
    features = _features(out)
    kinds = [
        [f for f in features if f["properties"]["feature_type"] == k] for k in ("place", "incident")
    ]
    return kinds[0], kinds[1]


@pytest.fixture
def article(tmp_path):
    """The report, written where the command line reads it."""
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture
def outputs(command, article, server, data_dir, tmp_path):
    """``outputs(name, *options)`` runs ``geomap <command>`` on the report into ``name`` and
    gives (the CLI result, (places, incidents) it wrote); ``command`` is the test's parameter."""
    _needs_map_writer(command)

    def run(name: str, *options):
        out = tmp_path / (name if command == "run" else f"{name}.geojson")
        result = run_cli(
            [command, str(article), *options, "--out", str(out)], server, data_dir, tmp_path
        )
        assert result.exit_code == 0, result.output
        return result, _written(command, out)

    return run


@pytest.mark.parametrize("command", ["run", "extract"])
def test_online_places_a_made_up_village(outputs, server):
    _, (places, incidents) = outputs("off")
    assert server.seen == []  # online is never needed by default
    assert "Kryvulnikovo" not in [f["properties"]["name"] for f in places]
    assert not [i for i in incidents if i["properties"]["geometry_role"] == "section"]

    _, (places, incidents) = outputs("on", "--online")
    assert server.queries() == ["Kryvulnikovo"]  # Farinovo is in the gazetteer: never sent
    [village] = [f for f in places if f["properties"]["name"] == "Kryvulnikovo"]
    lat, lon = VILLAGES["Kryvulnikovo"]
    assert village["geometry"]["coordinates"] == pytest.approx([lon, lat], abs=1e-4)
    assert village["properties"]["country_code"] == "BY"
    [incident] = [i for i in incidents if i["properties"]["geometry_role"] == "section"]
    assert incident["properties"]["geometry_role"] == "section"
    assert incident["properties"]["location"] == "Farinovo–Kryvulnikovo"
    assert [lon, lat] in [
        pytest.approx(point, abs=1e-4) for point in incident["geometry"]["coordinates"]
    ]

    _, again = outputs("again", "--online")
    assert again == (places, incidents)
    assert len(server.seen) == 1  # the second run is served from the cache


@pytest.mark.parametrize("command", ["run", "extract"])
def test_online_with_a_failing_provider_finishes_offline(outputs, server):
    _, offline = outputs("off")
    server.faults = [("body", b"<html>maintenance</html>")]
    result, online_written = outputs("on", "--online")
    warnings = [line for line in result.stderr.splitlines() if "could not place" in line]
    assert len(warnings) == 1 and "Kryvulnikovo" in warnings[0]
    assert "Traceback" not in result.stderr
    assert online_written == offline
    assert len(server.seen) == 1


def test_verbose_shows_the_failure_in_full(article, server, data_dir, tmp_path):
    server.faults = [("body", b"<html>maintenance</html>")]
    out = tmp_path / "out.geojson"
    result = run_cli(
        ["extract", str(article), "--online", "-v", "--out", str(out)], server, data_dir, tmp_path
    )
    assert result.exit_code == 0, result.output
    assert "could not place 'Kryvulnikovo'" in result.stderr
    assert "Traceback" in result.stderr and "GeocoderParseError" in result.stderr


def test_section_end_placed_online_names_its_geocoder(article, server, data_dir, tmp_path):
    out = tmp_path / "out.geojson"
    result = run_cli(
        ["extract", str(article), "--online", "--out", str(out)], server, data_dir, tmp_path
    )
    assert result.exit_code == 0, result.output
    places, _ = _written("extract", out)
    [village] = [f for f in places if f["properties"]["name"] == "Kryvulnikovo"]
    assert village["properties"]["geocoder"] == "nominatim"


def test_geocode_online_prints_the_provider_answer(server, data_dir, tmp_path):
    result = run_cli(
        ["geocode", "Zarechnyaya Dubrovka", "Vitebsk", "--online", "--provider", "photon"],
        server,
        data_dir,
        tmp_path,
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    dubrovka = [r for r in rows if r["query"] == "Zarechnyaya Dubrovka"]
    assert [r["place_name"] for r in dubrovka] == ["Zarechnyaya Dubrovka"]
    assert dubrovka[0]["key"].startswith("photon:")
    assert any(r["query"] == "Vitebsk" for r in rows)
    assert [s.path for s in server.seen] == ["/api"]


def test_geonames_without_a_username_is_one_line_and_exit_2(server, data_dir, tmp_path):
    result = run_cli(
        ["geocode", "Kryvulnikovo", "--online", "--provider", "geonames"],
        server,
        data_dir,
        tmp_path,
        GEOMAP_GEONAMES_USERNAME="",
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "geomap: the GeoNames provider needs a username: set GEOMAP_GEONAMES_USERNAME"
    ]
    assert server.seen == []
