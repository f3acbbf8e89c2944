"""Reading sources into Documents: files, folders, stdin, URLs, encodings, HTML, boilerplate.

No test needs the network: URLs are served by a local ``http.server`` on 127.0.0.1.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from geomap.boilerplate import classify_paragraph, find_boilerplate, paragraphs
from geomap.decoding import decode_bytes
from geomap.errors import InputError
from geomap.ingest import (
    DEFAULT_MAX_BYTES,
    USER_AGENT,
    document_from_html,
    document_from_text,
    parse_published,
    read_inputs,
)
from geomap.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_ea93d4d8c5be7d10.txt"

#: what the encoded fixtures say (our own text)
RUSSIAN_BELARUSIAN = (
    "В ночь на 16 марта неизвестные подожгли релейный шкаф на перегоне между двумя станциями "
    "под Оршей. Движение грузовых поездов было остановлено на несколько часов, сообщили "
    "местные жители.\nМясцовыя жыхары кажуць, што цягнікі стаялі на станцыі ўсю ноч, "
    "а чыгуначнікі не тлумачылі прычыны.\n"
)
FRENCH_GERMAN = (
    "Le trafic ferroviaire entre Besançon et Belfort a été interrompu après un incendie près "
    "de la gare. À Zürich, les voyageurs ont attendu des heures ; à München, aucun train n'est "
    "parti avant midi.\n"
)
#: too short for detection to get right (it reads CJK): only a declared charset helps
KOI8_SENTENCE = "Жлобин, Гомель"
KOI8_HTML = (
    f"<!DOCTYPE html><html><head><title>{KOI8_SENTENCE}</title></head>"
    f"<body><p>{KOI8_SENTENCE}.</p></body></html>"
)
GOOD_TEXT = "Rail line cut near Orsha\n\nActivists burned a relay cabinet near Orsha on 16 March.\n"
SMALL_LIMIT = 4096


def read(locators, **options) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    documents = list(read_inputs(locators, on_error=errors.append, **options))
    return documents, errors


def lines_with_offsets(text: str):
    """(start, end, line) of each line of ``text``, without its line break."""
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield position, position + len(stripped), stripped
        position += len(line)


# ---------------------------------------------------------------------------------------------
# A local web server


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802  (http.server's name)
        self.server.user_agents.append(self.headers.get("User-Agent"))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        status, headers, body, delay = route
        time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (size limit, timeout) is expected here


@pytest.fixture(scope="module")
def web():
    """Base URL of a local server with the routes the URL tests need."""
    html = (FIXTURES / "article.html").read_bytes()
    cp1251_html = (FIXTURES / "article_cp1251.html").read_bytes()
    big = b"<html><body><p>" + b"Orsha " * 2000 + b"</p></body></html>"
    server = _Server(("127.0.0.1", 0), _Handler)
    server.user_agents = []
    server.routes = {
        "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, html, 0),
        "/ru-meta.html": (200, {"Content-Type": "text/html"}, cp1251_html, 0),
        "/ru-header.html": (
            200,
            {"Content-Type": "text/html; charset=windows-1251"},
            cp1251_html.replace(b"charset=windows-1251", b"charset=utf-8"),  # the header wins
            0,
        ),
        "/koi8.html": (
            200,
            {"Content-Type": "text/html; charset=KOI8-R"},
            KOI8_HTML.encode("koi8_r"),
            0,
        ),
        "/notes.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, GOOD_TEXT.encode(), 0),
        "/moved": (302, {"Location": "/article.html"}, b"", 0),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64), 0),
        "/big-streamed.html": (200, {"Content-Type": "text/html"}, big, 0),
        "/big-declared.html": (
            200,
            {"Content-Type": "text/html", "Content-Length": str(len(big))},
            big,
            0,
        ),
        "/slow.html": (200, {"Content-Type": "text/html"}, html, 1.5),
        "/server-error": (500, {"Content-Type": "text/html"}, b"<p>oops</p>", 0),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def base(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Bad inputs: one error each, and the good input beside it still read


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def _folder(tmp_path: Path, files: dict[str, bytes]) -> str:
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, data in files.items():
        _write(folder, name, data)
    return str(folder)


BAD_INPUTS = {
    "missing": (lambda tmp, web: str(tmp / "nowhere.txt"), "no such file or directory"),
    "empty folder": (lambda tmp, web: _folder(tmp, {}), "no .txt, .md or .html files"),
    "folder of PDFs only": (
        lambda tmp, web: _folder(tmp, {"report.pdf": b"%PDF-1.4\n"}),
        "no .txt, .md or .html files in this folder (1 other file skipped)",
    ),
    "PDF renamed .txt": (
        lambda tmp, web: _write(tmp, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "not a text file: looks like a PDF document",
    ),
    "binary with NUL bytes": (
        lambda tmp, web: _write(tmp, "data.txt", b"ELF\x00\x01\x02" * 50),
        "not a text file: contains binary data",
    ),
    "PNG renamed .html": (
        lambda tmp, web: _write(tmp, "page.html", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "looks like a PNG image",
    ),
    "empty file": (lambda tmp, web: _write(tmp, "empty.txt", b""), "empty input"),
    "whitespace only": (
        lambda tmp, web: _write(tmp, "blank.md", b" \n\t\n\r\n   "),
        "contains only whitespace",
    ),
    "too large": (
        lambda tmp, web: _write(tmp, "long.txt", b"Orsha station. " * 400),
        "larger than 4 KB, the input size limit",
    ),
    "undecodable": (
        lambda tmp, web: _write(tmp, "garbled.txt", bytes(range(0x80, 0x100)) * 4),
        "cannot decode",
    ),
    "unsupported file type": (
        lambda tmp, web: _write(tmp, "brief.docx", b"PK\x03\x04"),
        "unsupported file type '.docx'",
    ),
    "HTML without article text": (
        lambda tmp, web: str(FIXTURES / "no_article.html"),
        "no article text found in the HTML",
    ),
    "URL to a closed port": (
        lambda tmp, web: f"http://127.0.0.1:{closed_port()}/article.html",
        "cannot connect: connection refused",
    ),
    "URL returning 404": (lambda tmp, web: base(web) + "/gone", "HTTP 404 Not Found"),
    "URL returning 500": (
        lambda tmp, web: base(web) + "/server-error",
        "HTTP 500 Internal Server Error",
    ),
    "URL returning an image": (
        lambda tmp, web: base(web) + "/image.png",
        "not an HTML page (content type image/png)",
    ),
    "URL too large, streamed": (
        lambda tmp, web: base(web) + "/big-streamed.html",
        "larger than 4 KB",
    ),
    "URL too large, declared": (
        lambda tmp, web: base(web) + "/big-declared.html",
        "larger than 4 KB",
    ),
    "URL timing out": (lambda tmp, web: base(web) + "/slow.html", "timed out"),
    "URL without a host": (lambda tmp, web: "http:///article.html", "not a valid URL"),
    "file:// URL": (
        lambda tmp, web: "file:///etc/passwd",
        "unsupported URL scheme 'file': only http and https",
    ),
    "javascript: URL": (
        lambda tmp, web: "javascript:alert(1)",
        "unsupported URL scheme 'javascript'",
    ),
    "ftp URL": (lambda tmp, web: "ftp://example.org/a.txt", "unsupported URL scheme 'ftp'"),
    "missing file with a colon": (lambda tmp, web: "notes:draft.txt", "no such file or directory"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_gives_one_error_and_the_good_input_is_still_read(case, tmp_path, web):
    make_locator, reason = BAD_INPUTS[case]
    bad = make_locator(tmp_path, web)
    good = _write(tmp_path, "good/report.txt", GOOD_TEXT.encode())

    documents, errors = read([bad, good], max_bytes=SMALL_LIMIT, fetch_timeout=0.3)

    assert [error.locator for error in errors] == [bad]
    assert reason in errors[0].reason
    assert str(errors[0]).startswith(f"{bad}: ")
    assert errors[0].exit_code == 2
    assert [doc.source.path for doc in documents] == [good]
    assert documents[0].text == GOOD_TEXT


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_reported(tmp_path):
    locked = Path(_write(tmp_path, "locked.txt", GOOD_TEXT.encode()))
    locked.chmod(0)
    try:
        documents, errors = read([str(locked)])
    finally:
        locked.chmod(0o644)
    assert documents == []
    assert [(e.locator, e.reason) for e in errors] == [(str(locked), "permission denied")]


def test_permission_error_while_opening_is_reported(tmp_path, monkeypatch):
    # the same path as above, for when the tests run as root (chmod does not stop root)
    locked = Path(_write(tmp_path, "locked.txt", GOOD_TEXT.encode()))
    real_open = Path.open

    def open_refusing_locked(path, *args, **kwargs):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_refusing_locked)
    good = _write(tmp_path, "good.txt", GOOD_TEXT.encode())
    documents, errors = read([str(locked), good])
    assert [(e.locator, e.reason) for e in errors] == [(str(locked), "permission denied")]
    assert [d.source.path for d in documents] == [good]


def test_unreadable_folder_is_one_error(tmp_path, monkeypatch):
    folder = Path(_folder(tmp_path, {"a.txt": GOOD_TEXT.encode()}))

    def refuse(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())

    monkeypatch.setattr(os, "walk", refuse)
    documents, errors = read([str(folder)])
    assert documents == []
    assert [(e.locator, e.reason) for e in errors] == [(str(folder), "permission denied")]


def test_errors_never_stop_the_inputs_that_follow(tmp_path):
    first = _write(tmp_path, "first.txt", b"Orsha first report.\n")
    last = _write(tmp_path, "last.txt", b"Gomel second report.\n")
    documents, errors = read([first, str(tmp_path / "a.txt"), "gopher://x", last])
    assert [doc.source.path for doc in documents] == [first, last]
    assert len(errors) == 2


# ---------------------------------------------------------------------------------------------
# Encodings


ENCODINGS = {
    "UTF-8": (lambda: RUSSIAN_BELARUSIAN.encode("utf-8"), RUSSIAN_BELARUSIAN),
    "UTF-8 with BOM": (lambda: RUSSIAN_BELARUSIAN.encode("utf-8-sig"), RUSSIAN_BELARUSIAN),
    "UTF-16 LE with BOM": (lambda: RUSSIAN_BELARUSIAN.encode("utf-16"), RUSSIAN_BELARUSIAN),
    "UTF-16 BE with BOM": (lambda: b"\xfe\xff" + FRENCH_GERMAN.encode("utf-16-be"), FRENCH_GERMAN),
    "Windows-1251": (lambda: (FIXTURES / "cp1251.txt").read_bytes(), RUSSIAN_BELARUSIAN),
    "Latin-1": (lambda: (FIXTURES / "latin1.txt").read_bytes(), FRENCH_GERMAN),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_decode_to_the_same_text(encoding, tmp_path):
    data, expected = ENCODINGS[encoding]
    path = _write(tmp_path, "article.txt", data())
    documents, errors = read([path])
    assert errors == []
    assert documents[0].text == expected


def test_fixtures_really_are_in_their_legacy_encodings():
    # guards the table above: a fixture re-saved as UTF-8 would make it pass trivially
    with pytest.raises(UnicodeDecodeError):
        (FIXTURES / "cp1251.txt").read_bytes().decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        (FIXTURES / "latin1.txt").read_bytes().decode("utf-8")


def test_text_keeps_line_breaks_and_offsets_as_decoded(tmp_path):
    raw = "Copyright © 2022 Example Wire\r\n\r\nTroops moved towards Brest.\r\n"
    path = _write(tmp_path, "crlf.txt", raw.encode("utf-8"))
    (document,), _ = read([path])
    assert document.text == raw
    start = raw.index("Brest")
    assert document.text[start : start + 5] == "Brest"
    assert document.skip == ((0, raw.index("\r")),)


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        # short texts where detection alone picks a wrong code page
        ("Café Zürich".encode("latin-1"), None, "Café Zürich"),
        (
            "Le café de la gare à Besançon était fermé.".encode("latin-1"),
            None,
            "Le café de la gare à Besançon était fermé.",
        ),
        (KOI8_SENTENCE.encode("koi8_r"), "koi8-r", KOI8_SENTENCE),
    ],
)
def test_detection_ties_prefer_common_encodings_and_declared_charsets_win(data, declared, expected):
    assert decode_bytes(data, declared=declared) == expected


def test_declared_charset_is_overridden_by_valid_utf8():
    # pages labelled windows-1251 but written in UTF-8 are common
    data = "Орша".encode()
    assert decode_bytes(data, declared="windows-1251") == "Орша"
    assert decode_bytes("Орша".encode("cp1251"), declared="windows-1251") == "Орша"
    assert decode_bytes("Café".encode("latin-1"), declared="iso-8859-1") == "Café"


# ---------------------------------------------------------------------------------------------
# HTML


MARKERS = ("SCRIPT_MARKER", "STYLE_MARKER", "ONERROR_MARKER", "alert(", "window.tracker")


def test_html_file_gives_article_text_title_and_date_without_scripts():
    (document,), errors = read([str(FIXTURES / "article.html")])
    assert errors == []
    assert not any(marker in document.text for marker in MARKERS)
    assert "Kokhanava" in document.text and "Talachyn" in document.text
    assert "Home" not in document.text.split()  # navigation dropped
    assert "All rights reserved" not in document.text
    assert document.source.title == "Relay cabinet set on fire near Orsha"
    assert document.source.published == date(2022, 3, 18)


def test_html_fallback_strips_tags_when_trafilatura_finds_nothing(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    document = document_from_html(html)
    assert not any(marker in document.text for marker in MARKERS)
    assert "police had closed the road to the station in Kokhanava" in document.text
    assert document.source.title == "Relay cabinet set on fire near Orsha | Northwind Wire"
    # every line is visible text, whitespace collapsed
    assert all(line == " ".join(line.split()) and line for line in document.text.split("\n"))


def test_html_meta_charset_decodes_what_detection_cannot(tmp_path):
    html = KOI8_HTML.replace("<head>", '<head><meta charset="koi8-r">')
    path = _write(tmp_path, "koi8.html", html.encode("koi8_r"))
    (document,), errors = read([path])
    assert errors == []
    assert KOI8_SENTENCE in document.text


def test_html_meta_charset_is_used_for_files():
    (document,), errors = read([str(FIXTURES / "article_cp1251.html")])
    assert errors == []
    assert "релейный шкаф" in document.text
    assert document.source.title == "Пожар на перегоне под Оршей"


# ---------------------------------------------------------------------------------------------
# Folders and stdin


def test_folder_is_read_recursively_in_sorted_order_and_skips_other_files(tmp_path, caplog):
    folder = Path(
        _folder(
            tmp_path,
            {
                "b.txt": b"Second report from Gomel.\n",
                "a/z.md": b"# Notes\n\nTrains near Orsha.\n",
                "a/y.html": (FIXTURES / "article.html").read_bytes(),
                "c.pdf": b"%PDF-1.4\n",
                "photo.JPG": b"\xff\xd8\xff\xe0",
                ".hidden.txt": b"Should not be read.\n",
                ".git/HEAD.txt": b"Should not be read either.\n",
                "sub/empty.txt": b"",
            },
        )
    )
    with caplog.at_level(logging.INFO, logger="geomap.ingest"):
        documents, errors = read([str(folder)])

    assert [Path(d.source.path).relative_to(folder).as_posix() for d in documents] == [
        "a/y.html",
        "a/z.md",
        "b.txt",
    ]
    assert [(e.locator, e.reason) for e in errors] == [
        (str(folder / "sub/empty.txt"), "empty input")
    ]
    skipped = sorted(r.getMessage() for r in caplog.records if "skipped" in r.getMessage())
    assert skipped == [
        f"{folder / 'c.pdf'}: skipped, not a .txt, .md or .html file",
        f"{folder / 'photo.JPG'}: skipped, not a .txt, .md or .html file",
    ]
    assert all(r.levelno == logging.INFO for r in caplog.records if "skipped" in r.getMessage())


@pytest.mark.parametrize("stream", [io.BytesIO(GOOD_TEXT.encode("utf-16")), io.StringIO(GOOD_TEXT)])
def test_stdin_bytes_or_text(stream):
    (document,), errors = read(["-"], stdin=stream)
    assert errors == []
    assert document.text == GOOD_TEXT
    assert document.source.path is None and document.source.locator == "<stdin>"
    assert document.source.title == "Rail line cut near Orsha"


def test_stdin_html_is_recognised_and_stdin_is_read_once():
    stream = io.BytesIO((FIXTURES / "article.html").read_bytes())
    documents, errors = read(["-", "-"], stdin=stream)
    assert [d.source.title for d in documents] == ["Relay cabinet set on fire near Orsha"]
    assert [e.locator for e in errors] == ["<stdin>"]
    assert "more than once" in errors[0].reason


def test_empty_stdin_is_an_error():
    documents, errors = read(["-"], stdin=io.BytesIO(b""))
    assert documents == []
    assert [(e.locator, e.reason) for e in errors] == [("<stdin>", "empty input")]


# ---------------------------------------------------------------------------------------------
# URLs


def test_url_article_has_title_date_and_sends_a_user_agent(web):
    url = base(web) + "/article.html"
    (document,), errors = read([url])
    assert errors == []
    assert document.source.url == url and document.source.path is None
    assert document.source.title == "Relay cabinet set on fire near Orsha"
    assert document.source.published == date(2022, 3, 18)
    assert "Talachyn" in document.text
    assert not any(marker in document.text for marker in MARKERS)
    assert web.user_agents[-1] == USER_AGENT


@pytest.mark.parametrize("route", ["/ru-meta.html", "/ru-header.html"])
def test_url_charset_from_meta_or_http_header(web, route):
    (document,), errors = read([base(web) + route])
    assert errors == []
    assert "Мясцовыя жыхары" in document.text


def test_url_http_charset_decodes_what_detection_cannot(web):
    (document,), errors = read([base(web) + "/koi8.html"])
    assert errors == []
    assert KOI8_SENTENCE in document.text and document.source.title == KOI8_SENTENCE


def test_url_redirect_is_followed_and_plain_text_is_accepted(web):
    documents, errors = read([base(web) + "/moved", base(web) + "/notes.txt"])
    assert errors == []
    assert documents[0].source.title == "Relay cabinet set on fire near Orsha"
    assert documents[1].text == GOOD_TEXT
    assert documents[1].source.url == base(web) + "/notes.txt"


def test_url_under_the_size_limit_is_read(web):
    (document,), errors = read([base(web) + "/big-streamed.html"], max_bytes=20_000)
    assert errors == [] and document.text.count("Orsha") == 2000


# ---------------------------------------------------------------------------------------------
# Size limit


@pytest.mark.slow
def test_a_file_at_the_default_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    paragraph = (
        b"On the night of the 16th, activists damaged a relay cabinet south of the "
        b"junction, and trains were held for hours while crews repaired it.\n\n"
    )
    at_limit = tmp_path / "at_limit.txt"
    with at_limit.open("wb") as out:
        out.write(b"A long report\n\n")
        repeats, rest = divmod(DEFAULT_MAX_BYTES - 15, len(paragraph))
        out.write(paragraph * repeats + b"." * rest)
    assert at_limit.stat().st_size == DEFAULT_MAX_BYTES
    over = tmp_path / "over.txt"
    with over.open("wb") as out:
        out.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: refused on its size, never read

    started = time.monotonic()
    documents, errors = read([str(at_limit), str(over)])
    assert time.monotonic() - started < 10

    assert len(documents) == 1 and len(documents[0].text) == DEFAULT_MAX_BYTES
    assert documents[0].source.title == "A long report"
    assert [(e.locator, e.reason) for e in errors] == [
        (str(over), "larger than 5 MB, the input size limit")
    ]


# ---------------------------------------------------------------------------------------------
# Boilerplate and metadata


def test_seed_article_boilerplate_is_skipped_and_body_is_not():
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside this checkout")
    (document,), errors = read([str(SEED)])
    assert errors == []
    assert document.text == SEED.read_bytes().decode("utf-8")
    lines = list(lines_with_offsets(document.text))
    # 1-based numbers of the non-empty lines that are publisher boilerplate: copyright,
    # funding note, reprint policy, privacy; donation appeal, share counter, "Related Posts"
    boilerplate = {1, 3, 5, 7, 82, 83, 84, 85, 86}
    for number, (start, end, line) in enumerate(lines, start=1):
        if line.strip():
            assert document.is_skipped(start, end) == (number in boilerplate), (number, line[:40])
    assert lines[0][2].startswith("Copyright")
    assert "Photo:" in lines[11][2]  # a photo credit, kept
    assert lines[85][2] == "Related Posts"
    assert document.source.title == lines[8][2]
    kinds = [b.kind for b in find_boilerplate(document.text)]
    assert kinds == [
        "copyright",
        "funding_note",
        "reprint_policy",
        "privacy",
        "appeal",
        "share_counter",
        "share_counter",
        "share_counter",
        "related",
    ]


def test_fixture_report_boilerplate_and_metadata():
    (document,), errors = read([str(FIXTURES / "wire_report.txt")])
    assert errors == []
    text = document.text

    def skipped(phrase: str) -> bool:
        start = text.index(phrase)
        return document.is_skipped(start, start + len(phrase))

    for phrase in (
        "All rights reserved",
        "active hyperlink",
        "Published: 4 April 2023",
        "Read also: Drone sightings",
        "price of a cup of coffee",
        "Telegram\nShare\n14",
        "You may also like",
        "Troop trains spotted near Brest",
    ):
        assert skipped(phrase), phrase
    for phrase in (
        "Signal cabinets burned",
        "Photo credit: local residents",
        "By our correspondent",
        "relay cabinets had been set on fire\novernight",
        "supported by local police",
        "would donate food",
        "near Kalinkavichy",
    ):
        assert not skipped(phrase), phrase
    assert document.source.title == "Signal cabinets burned on two rail lines north of Gomel"
    assert document.source.published == date(2023, 4, 4)


def test_markdown_front_matter_gives_metadata_and_is_skipped():
    (document,), errors = read([str(FIXTURES / "field_notes.md")])
    assert errors == []
    text = document.text
    front_end = text.index("---", 3) + 4
    assert document.is_skipped(0, front_end)
    assert document.source.title == "Field notes: rail traffic in the Vitebsk region"
    assert document.source.published == date(2022, 3, 21)
    orsha = text.index("Orsha")
    assert not document.is_skipped(orsha, orsha + 5)
    # a hard-wrapped reprint policy is one paragraph, skipped whole
    policy = text.index("Materials from this site")
    policy_end = text.index("to the source.") + len("to the source.")
    assert document.is_skipped(policy, policy_end)
    assert document.is_skipped(text.index("Privacy Policy"), len(text.rstrip()))


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "Published: March 18, 2022\n# Trains stopped at Orsha\n\nBody.\n",
            "Trains stopped at Orsha",
            date(2022, 3, 18),
        ),
        (
            "Date: 2022-03-18\nTrains stopped at Orsha\n",
            "Trains stopped at Orsha",
            date(2022, 3, 18),
        ),
        ("Trains stopped at Orsha on Sunday morning.\nMore.\n", "fallback", None),
        ("x" * 200 + "\n", "fallback", None),
        ("Published: 31 February 2022\nHeadline\n", "Published: 31 February 2022", None),
        (
            "  Copyright © 2022 Example Wire\nDate: soon\nPublished: 2022-03-18\nHeadline\n",
            "Date: soon",
            date(2022, 3, 18),
        ),
    ],
)
def test_text_title_and_dateline(text, title, published):
    document = document_from_text(text, markdown=True, fallback_title="fallback")
    assert document.source.title == title
    assert document.source.published == published
    for line in text.splitlines():
        if line.startswith(("Published:", "Date:")):
            start = text.index(line)
            valid = parse_published(line.split(":", 1)[1]) is not None
            assert document.is_skipped(start, start + len(line)) == valid


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-18", date(2022, 3, 18)),
        ("2022-03-18T09:30:00Z", date(2022, 3, 18)),
        ("'2022-03-18 09:30:00+02:00'", date(2022, 3, 18)),
        ("18 March 2022", date(2022, 3, 18)),
        ("18th Mar 2022", date(2022, 3, 18)),
        ("March 18, 2022", date(2022, 3, 18)),
        ("Sept 1, 2022", date(2022, 9, 1)),
        ("18.03.2022", date(2022, 3, 18)),
        ("2022-02-30", None),
        ("18 Marchember 2022", None),
        ("last Friday", None),
        ("18 March 2022, 10:00", None),
        ("", None),
    ],
)
def test_parse_published_is_strict(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("© 2023 Example Wire. All rights reserved.", "copyright"),
        ("Copyright 2021 example.com", "copyright"),
        (
            "Reproduction of this material without permission is strictly prohibited. "
            "All rights reserved.",
            "copyright",
        ),
        (
            "Materials of this site may be republished only with an active hyperlink.",
            "reprint_policy",
        ),
        ("When quoting our articles, a hyperlink to the source is required.", "reprint_policy"),
        ("The work of Example Press is supported by the Open Society Fund", "funding_note"),
        (
            "This publication was produced with the financial support of the European Union.",
            "funding_note",
        ),
        ("We use cookies to improve your experience.", "privacy"),
        ("Privacy Policy | Terms of Use", "privacy"),
        ("Become a Patron!", "appeal"),
        ("Buy us a coffee to keep us going.", "appeal"),
        ("Subscribe to our newsletter", "appeal"),
        ("Follow us on Telegram", "appeal"),
        ("Read also: Exercises near Brest", "cross_link"),
        # article text using the same words stays article text
        ("Partisans said they had support from railway workers.", None),
        ("The work of the repair crews is supported by local police.", None),
        ("Volunteers will donate blood in Gomel on Saturday.", None),
        ("The leaflets were reprinted by activists in Vitebsk.", None),
        ("He read more than a hundred reports about the Orsha junction.", None),
        ("Copyright law was not the issue, the prosecutor in Minsk said.", None),
        ("Become a Patron! " + "Troops moved north of Gomel. " * 100, None),  # too long to be one
    ],
)
def test_classify_paragraph(paragraph, kind):
    assert classify_paragraph(paragraph) == kind


def test_share_counter_needs_a_share_word_and_related_heading_needs_body_first():
    body = "Body paragraph about trains moving south of Mazyr towards the border crossing.\n"
    numbers = body + "\n1\n2\n3\n"
    assert find_boilerplate(numbers) == []
    heading_first = "Related Posts\n\n" + body
    assert find_boilerplate(heading_first) == []


def test_hard_wrapped_lines_join_into_paragraphs():
    text = (
        "Trains were stopped at the station in Orsha for most of the day while police\n"
        "searched the tracks.\n"
        "Short heading\n"
        "Next paragraph.\n"
    )
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Trains were stopped at the station in Orsha for most of the day while police\n"
        "searched the tracks.",
        "Short heading",
        "Next paragraph.",
    ]
