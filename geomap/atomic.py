"""Whole files or none: every output is written beside its target, then moved onto it.

A run that fails or is interrupted half-way (an exception, Ctrl-C, a full disk) leaves the
previous file as it was and no temporary file behind. The exports and the map use these.

>>> from geomap.atomic import write_text_atomic
>>> write_text_atomic("output/map.html", "<!DOCTYPE html>...")  # doctest: +SKIP
PosixPath('output/map.html')
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, UsageError

__all__ = ["atomic_path", "write_bytes_atomic", "write_text_atomic"]


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` only if the block succeeds.

    The temporary file lives in a hidden folder in the same directory, so the final
    :func:`os.replace` is atomic (same file system) and side files a driver makes (SQLite
    journals) go away with the folder. On any error the folder is removed and ``path`` is
    left as it was.

    Raises
    ------
    UsageError
        If ``path`` is a directory.
    OutputError
        If the folder cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target}: is a directory, expected a file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        )
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({_reason(exc)})") from exc
    try:
        temp = staging / target.name
        yield temp
        try:
            _flush_to_disk(temp)
            os.replace(temp, target)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write ({_reason(exc)})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all; returns ``path``."""
    with atomic_path(path) as temp:
        temp.write_bytes(data)
    return Path(path)


def write_text_atomic(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` whole or not at all, line ends as given; returns ``path``."""
    return write_bytes_atomic(path, text.encode(encoding))


def _flush_to_disk(temp: Path) -> None:
    # without it a crash soon after the rename can leave an empty file under the final name
    if temp.is_file():
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "a file is in the way of its folder"
    return (exc.strerror or str(exc)).lower()
