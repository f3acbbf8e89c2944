"""The input size limit: a 50 MB text is refused in one line without being read into memory,
and a text under the limit is processed with a bounded peak memory (measured, not assumed).

Each run goes through a small wrapper process that starts ``python -m geomap`` and reports the
child's peak resident set size from ``resource.getrusage(RUSAGE_CHILDREN)``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.ingest import DEFAULT_MAX_BYTES

resource = pytest.importorskip("resource")  # POSIX only

REPO = Path(__file__).resolve().parents[1]
BRIEFS = sorted((REPO / "data").glob("brief_*.txt"))
MIB = 1024 * 1024

_MEASURED = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "geomap", *sys.argv[1:]], capture_output=True)
print(json.dumps({
    "exit_code": done.returncode,
    "stderr": done.stderr.decode("utf-8", "replace"),
    "stdout": done.stdout.decode("utf-8", "replace"),
    "peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,  # KiB on Linux
}))
"""


def measured_geomap(settings, *args: str, stdin=None) -> dict:
    env = {**os.environ, "GEOMAP_DATA_DIR": str(settings.data_dir)}
    env["GEOMAP_CACHE_DIR"] = str(settings.cache_dir)
    env.pop("GEOMAP_MAX_INPUT_MB", None)  # the default limit
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        stdin=stdin,
        capture_output=True,
        env=env,
        timeout=900,
        check=True,
    )
    return json.loads(done.stdout)


def article_text(size: int) -> bytes:
    """About ``size`` bytes of real reporting: the demo briefs over and over."""
    block = b"\n\n".join(path.read_bytes() for path in BRIEFS) + b"\n\n"
    return block * (size // len(block) + 1)


@pytest.fixture(scope="module")
def dump_50mb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "dump.txt"
    with path.open("wb") as out:
        out.write(article_text(50 * MIB)[: 50 * MIB])
    return path


LIMIT_LINE = re.compile(r"geomap: (.+): larger than [\d.]+ MB, the input size limit")


@pytest.mark.slow
def test_a_50_mb_file_is_refused_in_one_line_without_reading_it(settings, dump_50mb):
    assert DEFAULT_MAX_BYTES < dump_50mb.stat().st_size
    good = str(BRIEFS[0])

    run = measured_geomap(settings, "extract", str(dump_50mb), good)

    assert run["exit_code"] == 2
    (line,) = run["stderr"].splitlines()
    assert LIMIT_LINE.fullmatch(line)[1] == str(dump_50mb)
    sources = {f["properties"]["source"]["path"] for f in json.loads(run["stdout"])["features"]}
    assert sources == {good}
    assert run["peak_mib"] < 1024, run["peak_mib"]  # far from the file size times a few


@pytest.mark.slow
def test_50_mb_on_stdin_is_cut_off_at_the_limit(settings, dump_50mb):
    with dump_50mb.open("rb") as stdin:
        run = measured_geomap(settings, "extract", "-", stdin=stdin)
    assert run["exit_code"] == 2
    (line,) = run["stderr"].splitlines()
    assert LIMIT_LINE.fullmatch(line)[1] == "<stdin>"
    # only the limit plus one byte is ever read
    assert run["peak_mib"] < 1024 + 3 * DEFAULT_MAX_BYTES / MIB, run["peak_mib"]


@pytest.mark.slow
def test_a_long_text_under_the_limit_is_processed_in_bounded_memory(settings, tmp_path):
    # 1 MiB: about 200 copies of the briefs, 5,000 sentences, in under a minute of CPU
    path = tmp_path / "long.txt"
    path.write_bytes(article_text(MIB)[:MIB].rsplit(b"\n\n", 1)[0])
    out = tmp_path / "long.geojson"

    run = measured_geomap(settings, "extract", str(path), "--out", str(out), "-q")

    assert (run["exit_code"], run["stderr"]) == (0, "")
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert sum(f["properties"]["feature_type"] == "incident" for f in collection["features"]) > 0
    assert run["peak_mib"] < 2048, run["peak_mib"]  # 24 GiB is the machine; this is a laptop
