"""The same input gives byte-identical GeoJSON and CSV: twice in one process, in processes with
different hash seeds, and whatever order a folder lists its files in. Ids are unique."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.export import geojson_text, write_csv
from geomap.ingest import read_inputs

REPO = Path(__file__).resolve().parents[1]
BRIEFS = sorted((REPO / "data").glob("brief_*.txt"))
SEED = REPO.parent / "shared" / "seed" / "000_ea93d4d8c5be7d10.txt"


@pytest.fixture(scope="module")
def inputs(seed_text) -> list[str]:
    """The demo briefs and the seed article: every kind of incident geomap finds."""
    assert BRIEFS, "the demo briefs are missing from data/"
    return [str(path) for path in BRIEFS] + [str(SEED)]  # seed_text skips when it is absent


def outputs(pipeline, inputs: list[str], folder: Path) -> tuple[bytes, bytes]:
    """(GeoJSON bytes, CSV bytes) of one extraction over ``inputs``."""
    errors: list[InputError] = []
    documents = list(read_inputs(inputs, on_error=errors.append))
    assert errors == []
    collection = pipeline.collection(pipeline.extract(documents))
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = write_csv(collection, folder / "incidents.csv")
    return geojson_text(collection).encode("utf-8"), csv_path.read_bytes()


def test_same_input_twice_gives_the_same_bytes(pipeline, settings, inputs, tmp_path):
    from geomap.pipeline import Pipeline

    first = outputs(pipeline, inputs, tmp_path / "first")
    again = outputs(pipeline, inputs, tmp_path / "again")
    fresh = outputs(Pipeline(settings), inputs, tmp_path / "fresh")  # caches rebuilt

    assert first == again == fresh
    assert first[0].count(b'"feature_type": "incident"') >= 10  # not vacuously equal


def run_geomap(settings, hash_seed: str, *args: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    env.update(GEOMAP_DATA_DIR=str(settings.data_dir), GEOMAP_CACHE_DIR=str(settings.cache_dir))
    done = subprocess.run(
        [sys.executable, "-m", "geomap", *args, "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_processes_with_different_hash_seeds_write_the_same_bytes(settings, inputs, tmp_path):
    written = {}
    for seed in ("0", "4242"):
        out = tmp_path / f"seed{seed}"
        run_geomap(settings, seed, "extract", *inputs, "--out", str(out / "all.geojson"))
        run_geomap(settings, seed, "export", str(out / "all.geojson"), "--to", str(out / "i.csv"))
        written[seed] = ((out / "all.geojson").read_bytes(), (out / "i.csv").read_bytes())
    assert written["0"] == written["4242"]
    assert written["0"][1].count(b"\n") >= 10


def test_folder_order_on_disk_does_not_change_the_output(pipeline, tmp_path):
    folder = tmp_path / "inbox"
    results = []
    for order in (BRIEFS, BRIEFS[::-1]):
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "more").mkdir(parents=True)
        for index, brief in enumerate(order):
            # created in this order, so the directory lists them in it too
            target = folder / ("more" if index % 2 else "") / brief.name
            target.write_bytes(brief.read_bytes())
        results.append(outputs(pipeline, [str(folder)], tmp_path / "out"))
    assert results[0] == results[1]


def test_ids_are_unique_even_when_the_same_text_comes_from_several_sources(
    pipeline, settings, tmp_path
):
    brief = BRIEFS[0]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(brief.read_bytes())
    errors: list[InputError] = []
    documents = list(
        read_inputs(
            [str(brief), str(copy), "-", str(brief), str(brief.parent)],
            on_error=errors.append,
            stdin=brief.open("rb"),
        )
    )
    assert errors == []
    # the brief named again, and found again in data/, is read once
    assert [d.source.path for d in documents] == [str(brief), str(copy), None] + [
        str(p) for p in BRIEFS[1:]
    ]
    collection = pipeline.collection(pipeline.extract(documents))
    ids = Counter(f["id"] for f in collection["features"])
    assert ids and max(ids.values()) == 1, [i for i, n in ids.items() if n > 1]
    incident_ids = [
        f["properties"]["id"] for f in collection["features"] if "id" in f["properties"]
    ]
    assert len(incident_ids) == len(set(incident_ids))
