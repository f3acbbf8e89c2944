"""Sources → :class:`~geomap.models.Document`: the only module that reads inputs.

An input is a ``.txt``/``.md``/``.html`` file, a folder of them, ``-`` for stdin, or an
``http(s)`` URL. :func:`read_inputs` yields one Document per article and hands every input it
cannot read to ``on_error`` as an :class:`~geomap.errors.InputError`, then goes on with the rest.

Decisions
---------
Size
    :data:`DEFAULT_MAX_BYTES` is 5 MB (``--max-input-mb``, ``GEOMAP_MAX_INPUT_MB``). An input
    up to the limit is read whole into memory, because offsets refer to the whole text (peak
    memory is a few times the file size: bytes, decoded text, paragraph index). A larger file
    is refused *before* it is read; stdin and URLs are read up to the limit and cut off there.
    Either way the reason is "larger than 5 MB, the input size limit". Why 5 MB: a long
    report is well under 1 MB, and geoparsing takes about 25 s of CPU per MB, linearly
    (measured on 1 and 2 MB of the demo briefs, 280-310 MB peak memory), so a 50 MB dump
    would run for over twenty minutes in one process.
Folders
    Read recursively in sorted order of the relative path (``a.txt``, ``b/c.txt``, ``d.txt``);
    hidden files and folders are ignored. Files of other types (``.pdf``, ``.docx``, images)
    are *skipped*: an INFO line on the ``geomap.ingest`` logger, not an error, so they do not
    make the exit code 2. A folder with no readable article files at all is an error.
    A file (by its resolved path) or URL named twice, or also found in a folder given, is
    read once: its incidents and places are not doubled.
stdin
    ``-`` reads standard input; its Document has ``Source(path=None)``, so its locator (and
    the name in error messages) is ``<stdin>``. HTML is recognised by its first tag.
Encodings
    See :mod:`geomap.decoding`: byte-order mark, declared charset (HTTP header or HTML
    ``<meta>``), strict UTF-8, then ``charset-normalizer``. Binary data (NUL bytes, PDF and
    image signatures, many control characters) is refused before decoding.
Text
    For ``.txt``/``.md`` the text is the file as decoded, untouched; boilerplate (see
    :mod:`geomap.boilerplate`), Markdown front matter and a ``Published:`` line are marked in
    ``Document.skip``. For HTML the text is the article text that ``trafilatura`` extracts
    (a plain tag-stripping fallback when it finds none); scripts and styles never reach it.
URLs
    Only ``http``/``https``. ``text/html`` and XHTML are read as HTML, ``text/plain`` and
    ``text/markdown`` as text; any other content type is refused. ``fetch_timeout`` bounds the
    connection and every wait for data; the whole download is cut after five times that.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, TextIO
from urllib.parse import urlsplit

from . import __version__
from .boilerplate import find_boilerplate, merge_ranges
from .datelines import filed_on
from .decoding import binary_reason, decode_bytes, looks_like_html, meta_charset
from .errors import InputError
from .models import Document, Source

if TYPE_CHECKING:
    import urllib3

__all__ = [
    "DEFAULT_FETCH_TIMEOUT",
    "DEFAULT_MAX_BYTES",
    "USER_AGENT",
    "document_from_html",
    "document_from_text",
    "parse_published",
    "read_inputs",
]

logger = logging.getLogger(__name__)

#: Largest input read, in bytes (5 MB); larger files are refused before reading.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Seconds to wait for a server to connect or send data.
DEFAULT_FETCH_TIMEOUT = 20.0
#: Sent with every request: some news sites refuse clients that do not name themselves.
USER_AGENT = f"Mozilla/5.0 (compatible; geomap/{__version__}; offline-first incident mapper)"

_TEXT_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown"}
_DOWNLOAD_DEADLINE_FACTOR = 5
_CHUNK = 64 * 1024

ErrorHandler = Callable[[InputError], None]


# ---------------------------------------------------------------------------------------------
# Inputs


def read_inputs(
    locators: Iterable[str | os.PathLike[str]],
    *,
    on_error: ErrorHandler,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
    stdin: BinaryIO | TextIO | None = None,
    http: urllib3.PoolManager | None = None,
) -> Iterator[Document]:
    """Yield a Document for each article in ``locators``; report unreadable ones to ``on_error``.

    Parameters
    ----------
    locators
        Paths of files or folders, ``-`` for stdin, or ``http(s)://`` URLs.
    on_error
        Called with an :class:`InputError` (naming the input and the reason) for each input
        that cannot be read; reading then goes on with the next input.
    max_bytes
        Inputs larger than this are refused (default :data:`DEFAULT_MAX_BYTES`).
    fetch_timeout
        Seconds to wait for a server at any point of a download.
    stdin
        Stream read for ``-`` (bytes or text); default ``sys.stdin``.
    http
        A ``urllib3.PoolManager`` to fetch URLs with (e.g. one set up for a proxy).

    Examples
    --------
    >>> errors = []
    >>> docs = list(read_inputs(["no/such/file.txt"], on_error=errors.append))
    >>> docs, errors[0].reason
    ([], 'no such file or directory')
    """
    reader = _Reader(on_error, max_bytes, fetch_timeout, stdin, http)
    for locator in locators:
        try:
            yield from reader.read(os.fspath(locator))
        except InputError as error:
            on_error(error)


class _Reader:
    """The limits and transports of one :func:`read_inputs` call."""

    def __init__(self, on_error, max_bytes, fetch_timeout, stdin, http):
        self.on_error = on_error
        self.max_bytes = max_bytes
        self.fetch_timeout = fetch_timeout
        self.stdin = stdin
        self.http = http
        self.stdin_used = False
        #: files (resolved) and URLs read so far: the same source named twice is read once
        self.seen: set[str] = set()

    def read(self, locator: str) -> Iterator[Document]:
        if locator == "-":
            yield self.read_stdin()
        elif re.match(r"https?://", locator, re.IGNORECASE):
            if self.first_time(locator, locator):
                yield self.fetch(locator)
        else:
            path = Path(locator)
            try:
                is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
            except OSError as exc:
                raise InputError(locator, _os_reason(exc)) from None
            scheme = _url_scheme(locator)
            if is_dir:
                yield from self.read_folder(path, locator)
            elif exists:
                if self.first_time(path, locator):
                    yield self.read_file(path, locator)
            elif scheme:
                raise InputError(locator, f"unsupported URL scheme '{scheme}': only http and https")
            else:
                raise InputError(locator, "no such file or directory")

    def read_folder(self, folder: Path, locator: str) -> Iterator[Document]:
        articles = skipped = 0
        for path in _folder_files(folder, locator, self.on_error):
            if path.suffix.lower() not in _TEXT_SUFFIXES:
                logger.info("%s: skipped, not a .txt, .md or .html file", path)
                skipped += 1
                continue
            articles += 1
            if not self.first_time(path, str(path)):
                continue
            try:
                yield self.read_file(path, str(path))
            except InputError as error:
                self.on_error(error)
        if not articles:
            others = f" ({skipped} other file{'s' * (skipped != 1)} skipped)" if skipped else ""
            raise InputError(locator, f"no .txt, .md or .html files in this folder{others}")

    def first_time(self, source: Path | str, locator: str) -> bool:
        """False, with a note, for a file or URL already read in this call."""
        try:
            key = str(source.resolve()) if isinstance(source, Path) else source
        except OSError:
            return True  # reading it will report the problem
        if key in self.seen:
            logger.info("%s: skipped, already read", locator)
            return False
        self.seen.add(key)
        return True

    def read_file(self, path: Path, locator: str) -> Document:
        suffix = path.suffix.lower()
        kind = _TEXT_SUFFIXES.get(suffix)
        if kind is None and suffix:
            raise InputError(
                locator, f"unsupported file type '{suffix}': expected .txt, .md or .html"
            )
        try:
            if path.is_file() and path.stat().st_size > self.max_bytes:
                raise InputError(locator, _too_large(self.max_bytes))
            with path.open("rb") as stream:
                # read one byte past the limit: pipes and devices have no size to check first
                data = stream.read(self.max_bytes + 1)
        except OSError as exc:
            raise InputError(locator, _os_reason(exc)) from None
        if len(data) > self.max_bytes:
            raise InputError(locator, _too_large(self.max_bytes))
        return _document_from_bytes(
            data, locator, kind, Source(path=str(path)), fallback_title=path.stem
        )

    def read_stdin(self) -> Document:
        locator = "<stdin>"
        if self.stdin_used:
            raise InputError(locator, "'-' given more than once; stdin can be read only once")
        self.stdin_used = True
        stream = self.stdin if self.stdin is not None else sys.stdin
        if stream is None:
            raise InputError(locator, "no standard input")
        try:
            data = getattr(stream, "buffer", stream).read(self.max_bytes + 1)
        except (OSError, ValueError) as exc:
            raise InputError(locator, f"cannot read: {exc}") from None
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        if len(data) > self.max_bytes:
            raise InputError(locator, _too_large(self.max_bytes))
        return _document_from_bytes(data, locator, None, Source())

    def fetch(self, url: str) -> Document:
        import urllib3  # only URLs need it

        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018  (raises on a malformed port)
        except ValueError:
            raise InputError(url, "not a valid URL: bad port") from None
        if not parts.hostname:
            raise InputError(url, "not a valid URL: no host name")
        http = self.http or urllib3.PoolManager()
        started = time.monotonic()
        try:
            response = http.request(
                "GET",
                url,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                },
                timeout=urllib3.Timeout(connect=self.fetch_timeout, read=self.fetch_timeout),
                retries=urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=5),
                preload_content=False,
            )
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(url, _network_reason(exc, self.fetch_timeout)) from None
        try:
            if response.status >= 400:
                phrase = _status_phrase(response.status)
                raise InputError(url, f"HTTP {response.status}{' ' + phrase if phrase else ''}")
            mime, charset = _content_type(response.headers.get("Content-Type", ""))
            if mime in _HTML_TYPES:
                kind = "html"
            elif mime in _TEXT_TYPES:
                kind = _TEXT_TYPES[mime]
            elif not mime:
                kind = None
            else:
                raise InputError(url, f"not an HTML page (content type {mime})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise InputError(url, _too_large(self.max_bytes))
            data = self._download(url, response, started)
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(url, _network_reason(exc, self.fetch_timeout)) from None
        finally:
            # a body refused or cut off must not be left on a connection that is reused
            response.close()
            response.release_conn()
        stem = PurePosixPath(parts.path).stem or parts.hostname
        return _document_from_bytes(
            data, url, kind, Source(url=url), declared_charset=charset, fallback_title=stem
        )

    def _download(self, url: str, response, started: float) -> bytes:
        deadline = started + _DOWNLOAD_DEADLINE_FACTOR * self.fetch_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(url, _too_large(self.max_bytes))
            if time.monotonic() > deadline:
                raise InputError(url, f"download took longer than {deadline - started:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _url_scheme(locator: str) -> str | None:
    """The scheme of a locator that is meant as a URL (``ftp://``, ``javascript:``...), if any."""
    found = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]+):(//)?", locator)
    if found and (found[2] or found[1].lower() in _SCHEMES_WITHOUT_SLASHES):
        return found[1].lower()
    return None


_SCHEMES_WITHOUT_SLASHES = {"javascript", "vbscript", "data", "mailto", "about", "blob", "file"}


def _folder_files(folder: Path, locator: str, on_error: ErrorHandler) -> list[Path]:
    """Files under ``folder``, recursively, sorted by relative path; hidden entries left out."""

    def report(exc: OSError) -> None:
        if exc.filename is None or Path(exc.filename) == folder:
            raise InputError(locator, _os_reason(exc))  # the folder itself: one error, no files
        on_error(InputError(exc.filename, _os_reason(exc)))

    files = []
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files, key=lambda path: path.relative_to(folder).parts)


# ---------------------------------------------------------------------------------------------
# Bytes → Document


def _document_from_bytes(
    data: bytes,
    locator: str,
    kind: str | None,
    source: Source,
    *,
    declared_charset: str | None = None,
    fallback_title: str | None = None,
) -> Document:
    """Check, decode and parse one input's bytes; ``kind`` None means: tell by the content."""
    if not data:
        raise InputError(locator, "empty input")
    binary = binary_reason(data)
    if binary:
        raise InputError(locator, f"not a text file: {binary}")
    if kind is None:
        kind = "html" if looks_like_html(data) else "text"
    if kind == "html" and declared_charset is None:
        declared_charset = meta_charset(data)
    text = decode_bytes(data, declared=declared_charset, locator=locator)
    if not text.strip():
        raise InputError(locator, "contains only whitespace")
    if kind == "html":
        document = document_from_html(text, source, fallback_title=fallback_title)
        if not document.text.strip():
            raise InputError(locator, "no article text found in the HTML")
        return document
    markdown = kind == "markdown" or (
        source.path is None and source.url is None and text.startswith("---")
    )
    return document_from_text(text, source, markdown=markdown, fallback_title=fallback_title)


# ---------------------------------------------------------------------------------------------
# Text → Document


def document_from_text(
    text: str,
    source: Source | None = None,
    *,
    markdown: bool = False,
    fallback_title: str | None = None,
) -> Document:
    """A Document of plain text or Markdown, kept as is, with boilerplate marked in ``skip``.

    The title is the front-matter ``title``, else the first line that is not boilerplate if it
    reads like a title (under 200 characters, no final period), else ``fallback_title``.
    The publication date comes from front matter (``published:``/``date:``) or a
    ``Published:``/``Date:`` line near the top; those lines are skipped too.

    >>> doc = document_from_text("Rail line cut\\n\\nCopyright © 2022 Example Wire\\n")
    >>> doc.source.title, doc.skip
    ('Rail line cut', ((15, 44),))
    """
    source = source or Source()
    metadata: dict[str, str] = {}
    skip = [(b.start, b.end) for b in find_boilerplate(text)]
    body_start = 0
    if markdown:
        front = _FRONT_MATTER.match(text)
        if front:
            metadata = _front_matter_fields(front[1])
            skip.append((0, front.end()))
            body_start = front.end()
    dateline = _dateline(text, body_start)
    if dateline is not None:
        skip.append((dateline.start(), dateline.end()))
    skip_ranges = merge_ranges(text, skip)
    published = next(
        (
            day
            for day in (parse_published(metadata.get(key)) for key in ("published", "date"))
            if day
        ),
        None,
    ) or (parse_published(dateline[1]) if dateline else parse_published(filed_on(text)))
    title = (
        metadata.get("title") or _first_line_title(text, skip_ranges, markdown) or fallback_title
    )
    return Document(
        text=text,
        source=replace(
            source, title=source.title or title, published=source.published or published
        ),
        skip=skip_ranges,
    )


_FRONT_MATTER = re.compile(
    r"---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_DATELINE = re.compile(
    r"^[ \t]*(?:published(?: on)?|date|posted(?: on)?)[ \t]*:[ \t]*(.+?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: how far into the text a dateline is looked for
_DATELINE_WINDOW = 1000


def _front_matter_fields(block: str) -> dict[str, str]:
    return {key.lower(): value.strip("\"'") for key, value in _FIELD.findall(block)}


def _dateline(text: str, start: int) -> re.Match[str] | None:
    """The first ``Published:``/``Date:`` line near the top that holds a valid date."""
    lines = _DATELINE.finditer(text, start, start + _DATELINE_WINDOW)
    return next((found for found in lines if parse_published(found[1])), None)


def _first_line_title(text: str, skip: tuple[tuple[int, int], ...], markdown: bool) -> str | None:
    position = 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        start += len(line) - len(line.lstrip())  # skip ranges begin at the first character
        if not line.strip() or any(s <= start < e for s, e in skip):
            continue
        title = line.strip()
        if markdown:
            title = title.lstrip("#").strip().strip("*_").strip()
        return title if title and len(title) < 200 and not title.endswith(".") else None
    return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_published(value: str | None) -> date | None:
    """A publication date written as ISO, "18 March 2022", "March 18, 2022" or "18.03.2022".

    Strict: the whole value must be one date (an ISO timestamp gives its date); anything
    else, or an impossible date, gives None.

    >>> parse_published("March 18, 2022"), parse_published("soon")
    (datetime.date(2022, 3, 18), None)
    """
    if not value:
        return None
    value = " ".join(value.strip().strip("\"'").split()).lower()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}.*", value):
            return datetime.fromisoformat(value.upper()).date()
        if found := _DAY_MONTH_YEAR.fullmatch(value):
            day, month, year = int(found[1]), _MONTHS.get(found[2]), int(found[3])
        elif found := _MONTH_DAY_YEAR.fullmatch(value):
            day, month, year = int(found[2]), _MONTHS.get(found[1]), int(found[3])
        elif found := _DOTTED.fullmatch(value):
            day, month, year = int(found[1]), int(found[2]), int(found[3])
        else:
            return None
        return date(year, month, day) if month else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# HTML → Document


def document_from_html(
    html: str, source: Source | None = None, *, fallback_title: str | None = None
) -> Document:
    """A Document of the article text in ``html``, with its title and publication date.

    ``trafilatura`` finds the article; when it finds nothing, the text is every visible text
    of the page (tags stripped, scripts and styles dropped). Boilerplate left in the article
    text is marked in ``skip``.
    """
    source = source or Source()
    text, title, published = _extract_article(html, source.url)
    if not text.strip():
        text, page_title = _strip_tags(html)
        title = title or page_title
    return Document(
        text=text,
        source=replace(
            source,
            title=source.title or title or fallback_title,
            published=source.published or published,
        ),
        skip=merge_ranges(text, [(b.start, b.end) for b in find_boilerplate(text)]),
    )


def _extract_article(html: str, url: str | None) -> tuple[str, str | None, date | None]:
    import trafilatura  # heavy; only HTML needs it

    try:
        article = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            # no guessing from the article text: a date there is an event, not the publication
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser failure on odd markup: fall back to stripping tags
        logger.debug("trafilatura failed (%s); stripping tags instead", exc)
        return "", None, None
    if article is None:
        return "", None, None
    return article.text or "", article.title or None, parse_published(article.date)


class _VisibleText(HTMLParser):
    """Collects visible text and the ``<title>``; a block tag starts a new line."""

    HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "header",
        "footer",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "figcaption",
        "main",
        "aside",
        "nav",
        "hr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title_parts: list[str] = []
        self.hidden: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden.append(tag)
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            if tag in self.hidden:
                del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag) :]
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.lines[-1] += data


def _strip_tags(html: str) -> tuple[str, str | None]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in parser.lines)
    title = " ".join("".join(parser.title_parts).split())
    return "\n".join(line for line in lines if line), title or None


# ---------------------------------------------------------------------------------------------
# Messages


def _too_large(max_bytes: int) -> str:
    return f"larger than {_size(max_bytes)}, the input size limit"


def _size(count: int) -> str:
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= factor:
            return f"{count / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or str(exc)).lower()


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _content_type(header: str) -> tuple[str, str | None]:
    mime, _, params = header.partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    return mime.strip().lower(), charset[1] if charset else None


def _network_reason(exc: Exception, timeout: float) -> str:
    """A short reason for a failed request, from urllib3's (often nested) exception."""
    import urllib3.exceptions as errors

    if isinstance(exc, errors.MaxRetryError):
        if isinstance(exc.reason, errors.ResponseError):
            return "too many redirects"
        exc = exc.reason or exc
    # the order matters: NewConnectionError is a ConnectTimeoutError in urllib3
    if isinstance(exc, errors.NameResolutionError):
        return "cannot resolve the host name"
    if isinstance(exc, errors.NewConnectionError):
        refused = "refused" in str(exc).lower()
        return "cannot connect: connection refused" if refused else "cannot connect"
    if isinstance(exc, errors.ConnectTimeoutError):
        return f"timed out connecting after {timeout:g} s"
    if isinstance(exc, errors.TimeoutError):
        return f"timed out after {timeout:g} s without data"
    if isinstance(exc, errors.SSLError):
        return "TLS/SSL error"
    if isinstance(exc, errors.LocationValueError | errors.LocationParseError):
        return "not a valid URL"
    if isinstance(exc, errors.ProtocolError):
        return "connection broken"
    return f"cannot fetch: {type(exc).__name__}"
