"""The CLI on bad, odd and hostile inputs: one line on stderr per bad input, never a traceback,
the good inputs still processed, and the exit code says what happened (0, 2 bad input, 1 fault).

Most cases run ``geomap extract`` through click's CliRunner (``catch_exceptions=False``, so a
leaked exception fails the test); a few run ``python -m geomap`` as a real process. URLs are
served by a local ``http.server`` on 127.0.0.1; nothing needs the internet.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from geojson_support import positions

from geomap.cli import main

REPO = Path(__file__).resolve().parents[1]
BRIEFS = REPO / "data"
GOOD_BRIEF = BRIEFS / "brief_01_rail_partisans.txt"
OTHER_BRIEF = BRIEFS / "brief_02_launch_pad.txt"
SEED = REPO.parent / "shared" / "seed" / "000_ea93d4d8c5be7d10.txt"  # seed_text skips if absent
#: text planted in hostile HTML; none of it may reach the output
HOSTILE_MARKERS = ("SCRIPT_MARKER", "ONERROR_MARKER", "alert(", "<script", "onerror")


# ---------------------------------------------------------------------------------------------
# Running geomap


class Outcome:
    """Exit code, stderr lines and the FeatureCollection a run printed (None if none)."""

    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.lines = stderr.splitlines()
        self.collection = json.loads(stdout) if stdout.strip() else None

    def features(self, feature_type: str | None = None) -> list[dict]:
        features = self.collection["features"] if self.collection else []
        return [f for f in features if feature_type in (None, f["properties"]["feature_type"])]

    def sources(self) -> set[str | None]:
        return {
            f["properties"]["source"].get("path") or f["properties"]["source"].get("url")
            for f in self.features()
        }


@pytest.fixture
def geomap(settings):
    """Run ``geomap COMMAND ARGS...`` in-process against the shared data packs."""

    def invoke(command: str, *args: str, stdin: bytes | None = None, env=None) -> Outcome:
        argv = [command, *args, "--data-dir", str(settings.data_dir)]
        argv += ["--cache-dir", str(settings.cache_dir)]
        result = CliRunner().invoke(main, argv, input=stdin, env=env, catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke


def run_process(settings, *args: str, stdin: bytes | None = None, env=None) -> Outcome:
    """``python -m geomap ARGS...`` as a separate process."""
    env = {**os.environ, **(env or {}), "GEOMAP_DATA_DIR": str(settings.data_dir)}
    env["GEOMAP_CACHE_DIR"] = str(settings.cache_dir)
    done = subprocess.run(
        [sys.executable, "-m", "geomap", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    return Outcome(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode())


def assert_no_traceback(outcome: Outcome) -> None:
    assert "Traceback" not in outcome.stderr


def check_geojson(collection: dict) -> None:
    """RFC 7946 essentials: a FeatureCollection, no crs, [lon, lat] in range."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        for lon, lat, *_ in positions(feature["geometry"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def place_names(outcome: Outcome) -> set[str]:
    return {f["properties"]["place_name"] for f in outcome.features("place")}


# ---------------------------------------------------------------------------------------------
# Real files of other kinds, and a local web server


def matplotlib_image(name: str) -> Path:
    """A real PNG or PDF file: matplotlib's toolbar icons (the test extras install it)."""
    matplotlib = pytest.importorskip("matplotlib")
    path = Path(matplotlib.get_data_path()) / "images" / name
    if not path.exists():
        pytest.skip(f"matplotlib ships no {name}")
    return path


def brief_parts(brief: Path) -> tuple[str, list[str]]:
    """The title and the body paragraphs of a demo brief (its dateline left out)."""
    title, *paragraphs = [p.strip() for p in brief.read_text(encoding="utf-8").split("\n\n")]
    return title, [p for p in paragraphs if p and not p.startswith("Published")]


def hostile_html(brief: Path) -> str:
    """An article page around ``brief``'s paragraphs, with navigation, scripts and an XSS image."""
    title, paragraphs = brief_parts(brief)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<script>window.SCRIPT_MARKER = 1; alert(document.cookie)</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<img src="x.png" onerror="alert('ONERROR_MARKER')">
{body}
<script>document.write('SCRIPT_MARKER')</script>
</article><footer>© 2022 Example Wire. All rights reserved.</footer></body></html>
"""


class _Article(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802  (http.server's name)
        if self.path != "/article.html":
            self.send_error(404)
            return
        body = self.server.article.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def article_url():
    """URL of brief 2 as an HTML article page on a loopback server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Article)
    server.daemon_threads = True
    server.article = hostile_html(OTHER_BRIEF)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# ---------------------------------------------------------------------------------------------
# A bad input beside a good brief: one line, exit 2, the brief still processed

#: name → (make the bad locator from tmp_path, words the reason must contain, extra options)
BAD_INPUTS = {
    "missing file": (lambda tmp: str(tmp / "nowhere.txt"), "no such file or directory", ()),
    "PNG renamed .txt": (
        lambda tmp: write(tmp / "photo.txt", matplotlib_image("home.png").read_bytes()),
        "not a text file: looks like a PNG image",
        (),
    ),
    "PDF renamed .txt": (
        lambda tmp: write(tmp / "report.txt", matplotlib_image("home.pdf").read_bytes()),
        "not a text file: looks like a PDF document",
        (),
    ),
    "PDF as itself": (
        lambda tmp: str(matplotlib_image("home.pdf")),
        "unsupported file type '.pdf': expected .txt, .md or .html",
        (),
    ),
    "empty file": (lambda tmp: write(tmp / "empty.txt", b""), "empty input", ()),
    "whitespace only": (
        lambda tmp: write(tmp / "blank.txt", b" \r\n\t\n  \n"),
        "contains only whitespace",
        (),
    ),
    "over the size limit": (
        lambda tmp: write(tmp / "long.txt", GOOD_BRIEF.read_bytes() * 40),
        "larger than 51.2 KB, the input size limit",
        ("--max-input-mb", "0.05"),
    ),
    "folder without articles": (
        lambda tmp: str(
            Path(
                write(tmp / "scans" / "page1.png", matplotlib_image("home.png").read_bytes())
            ).parent
        ),
        "no .txt, .md or .html files in this folder (1 other file skipped)",
        ("-q",),
    ),
    "unreachable URL": (
        lambda tmp: f"http://127.0.0.1:{closed_port()}/",
        "cannot connect: connection refused",
        (),
    ),
    "non-http URL": (
        lambda tmp: "file:///etc/passwd",
        "unsupported URL scheme 'file': only http and https",
        (),
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_2_and_the_good_brief_is_still_extracted(
    case, geomap, tmp_path
):
    make_locator, reason, options = BAD_INPUTS[case]
    bad = make_locator(tmp_path)

    outcome = geomap("extract", bad, str(GOOD_BRIEF), *options)

    assert outcome.exit_code == 2
    assert outcome.lines == [f"geomap: {bad}: {reason}"]
    assert_no_traceback(outcome)
    check_geojson(outcome.collection)
    assert outcome.sources() == {str(GOOD_BRIEF)}
    assert len(outcome.features("incident")) >= 3  # brief 1 reports several sabotage acts


def test_good_inputs_alone_exit_0_and_print_nothing_on_stderr(geomap):
    outcome = geomap("extract", str(GOOD_BRIEF), str(OTHER_BRIEF))
    assert (outcome.exit_code, outcome.lines) == (0, [])
    assert outcome.sources() == {str(GOOD_BRIEF), str(OTHER_BRIEF)}


def test_size_limit_from_the_environment(geomap, tmp_path):
    big = write(tmp_path / "long.txt", GOOD_BRIEF.read_bytes() * 10)  # 16.5 KB
    outcome = geomap("extract", big, env={"GEOMAP_MAX_INPUT_MB": "0.01"})
    assert outcome.exit_code == 2
    assert outcome.lines == [f"geomap: {big}: larger than 10.2 KB, the input size limit"]
    assert outcome.features() == []


def test_every_input_bad_still_prints_an_empty_collection(geomap, tmp_path):
    empty, missing = write(tmp_path / "empty.txt", b""), str(tmp_path / "gone.md")
    outcome = geomap("extract", empty, missing)
    assert outcome.exit_code == 2
    assert outcome.lines == [
        f"geomap: {empty}: empty input",
        f"geomap: {missing}: no such file or directory",
    ]
    assert outcome.collection == {"type": "FeatureCollection", "features": []}


# ---------------------------------------------------------------------------------------------
# Encodings: decoded right, spans in the decoded text


def assert_mentions_match(outcome: Outcome, text: str) -> None:
    """Every place mention's [start, end] cuts its name out of ``text`` as decoded."""
    for place in outcome.features("place"):
        props = place["properties"]
        for start, end in props["mentions"]:
            assert text[start:end].casefold() == props["name"].casefold(), props


LATIN1_TEXT = (
    "Café owners in Orsha told Radio Svaboda's reporter Zoë Müller that freight trains stood "
    "still for hours on 16 March 2022, after the relay cabinet at the station was set on fire. "
    "In Gomel, police detained three railway workers.\n"
)
CYRILLIC_TEXT = (
    "16 марта 2022 года неизвестные подожгли релейный шкаф на станции Орша. "
    "Российские войска перебросили в Мозырь, сообщил «Беларускі Гаюн».\n"
)


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("latin-1", LATIN1_TEXT, {"Orsha", "Gomel"}),
        ("cp1251", CYRILLIC_TEXT, {"Орша", "Мозырь"}),
    ],
)
def test_legacy_encodings_are_decoded_and_spans_point_into_the_decoded_text(
    geomap, tmp_path, encoding, text, expected
):
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # really a legacy encoding, not UTF-8 by accident
    path = write(tmp_path / f"{encoding}.txt", data)

    outcome = geomap("extract", path)

    assert (outcome.exit_code, outcome.lines) == (0, [])
    names = {f["properties"]["name"] for f in outcome.features("place")}
    assert expected <= names
    assert_mentions_match(outcome, text)


def without_source(outcome: Outcome) -> list[dict]:
    """Properties that do not depend on where the text came from."""
    ignored = {"id", "source", "sources"}
    return [
        {k: v for k, v in f["properties"].items() if k not in ignored} | {"geometry": f["geometry"]}
        for f in outcome.features()
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_brief_with_a_byte_order_mark_gives_what_the_utf8_file_gives(geomap, tmp_path, encoding):
    text = GOOD_BRIEF.read_text(encoding="utf-8")
    path = write(tmp_path / "brief.txt", text.encode(encoding))

    with_bom, plain = geomap("extract", path), geomap("extract", str(GOOD_BRIEF))

    assert (with_bom.exit_code, with_bom.lines) == (0, [])
    assert without_source(with_bom) == without_source(plain) != []


# ---------------------------------------------------------------------------------------------
# Folders, stdin, URLs, hostile HTML


def test_folder_with_other_files_names_each_skipped_file_and_exits_0(geomap, tmp_path):
    folder = tmp_path / "inbox"
    brief = write(folder / "brief.txt", GOOD_BRIEF.read_bytes())
    pdf = write(folder / "scan.pdf", matplotlib_image("home.pdf").read_bytes())
    png = write(folder / "photos" / "map.png", matplotlib_image("home.png").read_bytes())
    write(folder / ".DS_Store", b"\0\0\0\1Bud1")  # hidden: ignored silently

    outcome = geomap("extract", str(folder))

    assert outcome.exit_code == 0
    assert sorted(outcome.lines) == sorted(
        f"geomap: {path}: skipped, not a .txt, .md or .html file" for path in (pdf, png)
    )
    assert outcome.sources() == {brief}
    assert geomap("extract", str(folder), "-q").lines == []


def test_stdin_is_read_for_dash(geomap):
    outcome = geomap("extract", "-", stdin=GOOD_BRIEF.read_bytes())
    from_file = geomap("extract", str(GOOD_BRIEF))
    assert (outcome.exit_code, outcome.lines) == (0, [])
    assert outcome.sources() == {None}
    assert without_source(outcome) == without_source(from_file) != []


def test_binary_stdin_is_one_line_naming_stdin(geomap):
    outcome = geomap(
        "extract", "-", str(GOOD_BRIEF), stdin=matplotlib_image("home.png").read_bytes()
    )
    assert outcome.exit_code == 2
    assert outcome.lines == ["geomap: <stdin>: not a text file: looks like a PNG image"]
    assert outcome.sources() == {str(GOOD_BRIEF)}


def hostile_text_in(outcome: Outcome) -> list[str]:
    return [marker for marker in HOSTILE_MARKERS if marker in outcome.stdout]


def test_url_of_an_html_article_gives_its_places_without_scripts(geomap, article_url, tmp_path):
    outcome = geomap("extract", article_url)
    # the page's title goes to source.title, its paragraphs make the text
    from_text = geomap("extract", "-", stdin="\n\n".join(brief_parts(OTHER_BRIEF)[1]).encode())

    assert (outcome.exit_code, outcome.lines) == (0, [])
    assert outcome.sources() == {article_url}
    assert hostile_text_in(outcome) == []
    assert place_names(outcome) == place_names(from_text) != set()
    source = outcome.features()[0]["properties"]["source"]
    assert source["title"].startswith("Launch pad in the south")


def test_html_file_with_script_and_onerror_gives_only_the_article(geomap, tmp_path):
    page = write(tmp_path / "article.html", hostile_html(OTHER_BRIEF).encode("utf-8"))
    outcome = geomap("extract", page)
    assert (outcome.exit_code, outcome.lines) == (0, [])
    assert hostile_text_in(outcome) == []
    assert "Home" not in {f["properties"]["name"] for f in outcome.features("place")}
    body = "\n\n".join(brief_parts(OTHER_BRIEF)[1]).encode()
    assert place_names(outcome) == place_names(geomap("extract", "-", stdin=body)) != set()


def test_unreachable_url_beside_a_served_one(geomap, article_url):
    dead = f"http://127.0.0.1:{closed_port()}/article.html"
    outcome = geomap("extract", dead, article_url)
    assert outcome.exit_code == 2
    assert outcome.lines == [f"geomap: {dead}: cannot connect: connection refused"]
    assert outcome.sources() == {article_url}


# ---------------------------------------------------------------------------------------------
# Faults: exit 1, one line; a traceback only with --verbose


def test_internal_failure_is_one_line_and_exit_1_and_the_other_inputs_go_on(geomap, monkeypatch):
    from geomap.pipeline import Pipeline

    real_read = Pipeline.read

    def read_failing_on_brief_1(self, document):
        if document.source.path == str(GOOD_BRIEF):
            raise KeyError("gazetteer row\nvanished")
        return real_read(self, document)

    monkeypatch.setattr(Pipeline, "read", read_failing_on_brief_1)
    outcome = geomap("extract", str(GOOD_BRIEF), str(OTHER_BRIEF))
    assert outcome.exit_code == 1
    assert outcome.lines == [
        f"geomap: {GOOD_BRIEF}: internal error: KeyError: 'gazetteer row\\nvanished' "
        "(run with -v for details)"
    ]
    assert_no_traceback(outcome)
    assert outcome.sources() == {str(OTHER_BRIEF)}
    with pytest.raises(KeyError):  # --verbose lets it through, traceback and all
        geomap("extract", str(GOOD_BRIEF), "--verbose")


def test_failure_outside_the_documents_is_one_line_and_exit_1(geomap, monkeypatch):
    from geomap.pipeline import Pipeline

    def broken(self, extraction):
        raise MemoryError("no room for the collection")

    monkeypatch.setattr(Pipeline, "collection", broken)
    outcome = geomap("extract", str(GOOD_BRIEF))
    assert outcome.exit_code == 1
    assert outcome.lines == [
        "geomap: internal error: MemoryError: no room for the collection (run with -v for details)"
    ]


def test_output_that_cannot_be_written_is_one_line_and_exit_1(geomap, tmp_path):
    blocker = Path(write(tmp_path / "output", b"a file where a folder should be"))
    target = blocker / "places.geojson"
    outcome = geomap("extract", str(GOOD_BRIEF), "--out", str(target))
    assert outcome.exit_code == 1
    assert outcome.lines == [f"geomap: {target}: cannot write (a file is in the way of its folder)"]
    assert blocker.read_bytes() == b"a file where a folder should be"


# ---------------------------------------------------------------------------------------------
# A real process: exit codes and stderr as a shell sees them


def test_process_exit_codes_and_stderr(settings, tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    bad = run_process(settings, "extract", missing, str(GOOD_BRIEF))
    assert bad.exit_code == 2
    assert bad.lines == [f"geomap: {missing}: no such file or directory"]
    check_geojson(bad.collection)

    piped = run_process(settings, "extract", "-", stdin=GOOD_BRIEF.read_bytes())
    assert (piped.exit_code, piped.lines) == (0, [])
    assert without_source(piped) == without_source(bad) != []


def test_geojson_on_stdout_is_utf8_whatever_the_terminal_encoding(settings, tmp_path):
    cyrillic = write(tmp_path / "ru.txt", CYRILLIC_TEXT.encode("cp1251"))
    env = {"PYTHONIOENCODING": "latin-1"}  # a terminal that cannot show Cyrillic
    outcome = run_process(settings, "extract", cyrillic, env=env)
    assert (outcome.exit_code, outcome.lines) == (0, [])
    assert {"Орша", "Мозырь"} <= {f["properties"]["name"] for f in outcome.features("place")}


def test_a_reader_that_hangs_up_early_is_not_an_error(settings, seed_text):
    env = {**os.environ, "GEOMAP_DATA_DIR": str(settings.data_dir)}
    env["GEOMAP_CACHE_DIR"] = str(settings.cache_dir)
    # the seed's GeoJSON is far larger than a pipe's buffer: the write meets the closed pipe
    with subprocess.Popen(
        [sys.executable, "-m", "geomap", "extract", str(SEED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        assert child.stdout.read(10) == b'{"type": "'
        child.stdout.close()  # like `geomap extract ... | head -c 10`
        stderr = child.stderr.read().decode()
        assert child.wait(timeout=120) == 0
    assert stderr == ""


# ---------------------------------------------------------------------------------------------
# geomap run: every output file, bad inputs reported (needs geomap.maps)


def test_run_writes_every_output_for_the_good_inputs_and_exits_2(geomap, tmp_path):
    pytest.importorskip("geomap.maps", reason="geomap.maps is not merged yet")
    out = tmp_path / "out"
    empty = write(tmp_path / "empty.txt", b"")

    outcome = geomap("run", empty, str(GOOD_BRIEF), "--out", str(out), "-q")

    assert outcome.exit_code == 2
    assert outcome.lines == [f"geomap: {empty}: empty input"]
    written = sorted(p.name for p in out.iterdir())
    assert written == ["incidents.csv", "incidents.geojson", "map.html", "places.geojson"]
    incidents = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    check_geojson(incidents)
    assert len(incidents["features"]) >= 3


#: an article whose *visible text* is markup: it is data, kept in quotes, escaped in the map
MARKUP_AS_TEXT = """<!DOCTYPE html><html><head><title>Relay cabinet burned near Orsha</title>
<script>alert('SCRIPT_MARKER')</script></head><body><article>
<h1>Relay cabinet burned near Orsha</h1>
<p>Partisans burned a relay cabinet near Orsha on 16 March 2022, and hackers posted
&lt;img src=x onerror=alert('VISIBLE_MARKER')&gt; on the railway's site.</p>
<p>Police in Vitebsk detained two railway workers on 17 March 2022 after the fire; the group's
statement read &lt;script&gt;alert("VISIBLE_MARKER")&lt;/script&gt;.</p>
<img src="x.png" onerror="alert('ONERROR_MARKER')"></article></body></html>
"""
LITERAL_MARKUP = ("<img src=x onerror=alert('VISIBLE_MARKER')>", '<script>alert("VISIBLE_MARKER")')


def test_markup_in_the_visible_text_is_kept_as_text(geomap, tmp_path):
    page = write(tmp_path / "xss.html", MARKUP_AS_TEXT.encode("utf-8"))
    outcome = geomap("extract", page)
    assert (outcome.exit_code, outcome.lines) == (0, [])
    quotes = " ".join(f["properties"]["quote"] for f in outcome.features("incident"))
    assert all(" ".join(markup.split()) in " ".join(quotes.split()) for markup in LITERAL_MARKUP)
    assert "SCRIPT_MARKER" not in outcome.stdout and "ONERROR_MARKER" not in outcome.stdout


def test_run_with_hostile_html_escapes_it_in_the_map(geomap, tmp_path):
    pytest.importorskip("geomap.maps", reason="geomap.maps is not merged yet")
    page = write(tmp_path / "article.html", MARKUP_AS_TEXT.encode("utf-8"))
    out = tmp_path / "out"
    outcome = geomap("run", page, "--out", str(out), "-q")
    assert (outcome.exit_code, outcome.lines) == (0, [])
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "SCRIPT_MARKER" not in html and "ONERROR_MARKER" not in html
    assert "VISIBLE_MARKER" in html  # the quotes are on the map, escaped:
    assert not any(markup in html for markup in LITERAL_MARKUP)
