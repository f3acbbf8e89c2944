"""Bytes → text: byte-order marks, declared charsets, detection, and refusing binary data.

The order is: a byte-order mark (UTF-8, UTF-16, UTF-32); a declared charset (HTTP header or
HTML ``<meta>``) unless the bytes are valid non-ASCII UTF-8; strict UTF-8; ``charset-normalizer``.
When detection leaves a tie, common web encodings are preferred (Windows-1252 before
Windows-1251 before Windows-1250...), as browsers do; short texts are where that matters.
UTF-16 without a BOM is taken for binary data.

>>> decode_bytes("Café Zürich".encode("latin-1"))
'Café Zürich'
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

__all__ = ["binary_reason", "decode_bytes", "looks_like_html", "meta_charset"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "looks like a PDF document"),
    (b"\x89PNG", "looks like a PNG image"),
    (b"\xff\xd8\xff", "looks like a JPEG image"),
    (b"GIF8", "looks like a GIF image"),
    (b"PK\x03\x04", "looks like a ZIP archive (or a .docx/.odt document)"),
    (b"\x1f\x8b", "looks like gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "looks like an MS Office document"),
)
#: control bytes that never occur in text (tab, newlines, form feed and escape are allowed)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SNIFF = 64 * 1024


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a file signature, NUL bytes, control bytes), or None."""
    head = data[:_SNIFF]
    start = head.lstrip()
    for magic, reason in _MAGIC:
        if start.startswith(magic):
            return reason
    if _bom_encoding(head) in ("utf-16", "utf-32"):
        return None  # NUL bytes are expected there
    if b"\0" in head:
        return "contains binary data (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(head):
        return "contains binary data (control characters)"
    return None


def decode_bytes(data: bytes, *, declared: str | None = None, locator: str = "<bytes>") -> str:
    """Decode an article's bytes: BOM, then ``declared`` charset, strict UTF-8, detection.

    Raises
    ------
    InputError
        When no encoding fits (named after ``locator``).

    Examples
    --------
    >>> decode_bytes("Орша".encode("utf-16"))
    'Орша'
    """
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(
                locator, f"not valid {bom.removesuffix('-sig').upper()} despite its byte-order mark"
            ) from None
    codec = _codec_name(declared)
    # a page labelled with a legacy charset but written in UTF-8 is common; UTF-8 is never
    # valid by accident in non-ASCII text of another encoding
    if codec and codec != "utf-8" and not _is_utf8(data):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong label: detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, locator)


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: encodings to choose, in this order, when detection finds several that fit equally well
_PREFERRED_ENCODINGS = (
    "cp1252",
    "cp1251",
    "cp1250",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "iso8859_2",
    "cp1257",
    "cp1253",
    "cp1254",
    "iso8859_5",
    "cp866",
)


def _detect(data: bytes, locator: str) -> str:
    import charset_normalizer  # only non-UTF-8 inputs need it

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise InputError(locator, "cannot decode: not UTF-8, and no known text encoding fits")
    best = matches[0]
    ties = [
        m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01
    ]
    for encoding in _PREFERRED_ENCODINGS:
        for match in ties:
            if encoding in match.could_be_from_charset:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return str(best)


def _codec_name(label: str | None) -> str | None:
    """Python's name for a charset label; Latin-1 and ASCII labels mean Windows-1252 (WHATWG)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


def meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found[1].decode("ascii") if found else None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048]
    bom = _bom_encoding(head)
    if bom:
        head = head.decode(bom, "ignore").encode("utf-8")
    return bool(_HTML_START.match(head))
