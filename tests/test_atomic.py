"""Outputs are whole or absent: an interrupted write leaves the previous file as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geomap.atomic import atomic_path, write_bytes_atomic, write_text_atomic
from geomap.errors import GeomapError, OutputError, UsageError
from geomap.export import write_csv, write_geojson

PREVIOUS = "<!DOCTYPE html><title>yesterday's map</title>\n"


def test_write_text_atomic_replaces_the_file_whole(tmp_path):
    target = tmp_path / "map.html"
    target.write_text(PREVIOUS, encoding="utf-8")
    page = "<!DOCTYPE html>\n<p>Орша – Витебск</p>\r\n"
    assert write_text_atomic(target, page) == target
    assert target.read_bytes() == page.encode("utf-8")  # line ends kept as given
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


@pytest.mark.parametrize("interruption", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_exception_mid_write_leaves_the_previous_file_and_no_temp(tmp_path, interruption):
    target = tmp_path / "map.html"
    target.write_text(PREVIOUS, encoding="utf-8")
    with pytest.raises(type(interruption)):
        with atomic_path(target) as temp:
            with temp.open("w", encoding="utf-8") as stream:
                stream.write("<!DOCTYPE html><p>half a ma")
                stream.flush()
                raise interruption
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_a_write_into_a_missing_folder_creates_it(tmp_path):
    target = tmp_path / "new" / "deeper" / "incidents.geojson"
    write_bytes_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"


def test_unwritable_places_are_one_line_geomap_errors(tmp_path):
    blocker = tmp_path / "output"
    blocker.write_text("a file, not a folder")
    with pytest.raises(OutputError, match="a file is in the way of its folder") as info:
        write_text_atomic(blocker / "map.html", "<p>")
    assert isinstance(info.value, OSError) and isinstance(info.value, GeomapError)
    assert "\n" not in str(info.value) and str(blocker / "map.html") in str(info.value)
    with pytest.raises(UsageError, match="is a directory"):
        write_text_atomic(tmp_path, "<p>")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_an_output_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            write_text_atomic(folder / "map.html", "<p>")
    finally:
        folder.chmod(0o700)


#: a child that writes a big file slowly through atomic_path, saying when it has begun
_SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from geomap.atomic import atomic_path

    with atomic_path(sys.argv[1]) as temp:
        with temp.open("w") as stream:
            stream.write("new " * 100_000)
            stream.flush()
            print("writing", flush=True)
            time.sleep(60)
            stream.write("end")
    """
)


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_killed_process_leaves_the_previous_file(tmp_path):
    target = tmp_path / "incidents.geojson"
    target.write_text('{"type": "FeatureCollection", "features": []}\n')
    before = target.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)  # no cleanup runs: the worst case
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    assert target.read_bytes() == before
    # the half-written file stays in a hidden staging folder, never under the target's name
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert all(p.name.startswith(".incidents.geojson.") for p in leftovers)


@pytest.mark.parametrize("writer", [write_geojson, write_csv])
def test_exports_keep_the_previous_file_when_the_collection_is_bad(tmp_path, writer):
    target = tmp_path / f"out{'.geojson' if writer is write_geojson else '.csv'}"
    target.write_bytes(b"previous run")
    bad = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [200.0, 53.9]},  # lon out of range
                "properties": {"feature_type": "incident", "id": "x", "event_type": "other"},
            }
        ],
    }
    with pytest.raises(GeomapError, match="outside"):
        writer(bad, target)
    assert target.read_bytes() == b"previous run"
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == [target.name]
