"""The analysis notebooks: committed without outputs, and each runs top to bottom on real data.

Each notebook is executed with nbclient in a temporary copy (so the checkout's files stay
stripped), with ``GEOMAP_DATA_DIR`` pointing at the data packs beside the checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
BRIEFS = REPO / "data"
NAMES = ["01_seed_article.ipynb", "02_rail_war.ipynb", "03_geoparsing_quality.ipynb"]
#: the brief asks for < ~90 s each here; this leaves room for a loaded machine
MAX_SECONDS = 180


def read(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def test_the_three_notebooks_are_committed():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebooks_are_stripped_and_valid(name):
    import nbformat

    notebook = read(NOTEBOOKS / name)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.outputs == [], f"{name}: a cell has outputs: {cell.source[:60]!r}"
        assert cell.execution_count is None, f"{name}: execution count {cell.execution_count}"
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_use_only_the_public_api(name):
    """``geomap.<name>`` in a notebook must be something ``geomap`` exports on purpose."""
    import geomap

    source = "\n".join(c.source for c in read(NOTEBOOKS / name).cells if c.cell_type == "code")
    used = set(re.findall(r"\bgeomap\.([A-Za-z]\w*)\b", source))
    submodules = {"evaluate", "maps"}  # imported as modules, each with __all__
    assert used - submodules <= set(geomap.__all__), used - submodules - set(geomap.__all__)
    for private in re.findall(r"from geomap\.[\w.]+ import ([^\n]+)", source):
        assert not any(n.strip().startswith("_") for n in private.split(",")), private


# -- execution --------------------------------------------------------------------------------


def execute(name: str, data_dir: Path, tmp_path: Path):
    """Run a temporary copy of notebook ``name``; return it with its outputs and the time."""
    import nbformat
    from nbclient import NotebookClient

    copy = tmp_path / name
    shutil.copy(NOTEBOOKS / name, copy)
    notebook = read(copy)
    client = NotebookClient(
        notebook,
        timeout=MAX_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    started = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - started
    nbformat.write(notebook, copy)
    return notebook, seconds


def outputs(notebook, mime: str) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if mime == "stream" and output.output_type == "stream":
                found.append(output.text)
            elif mime in output.get("data", {}):
                found.append(output["data"][mime])
    return found


@pytest.fixture(scope="module")
def notebook_data_dir(tmp_path_factory) -> Path:
    """``GEOMAP_DATA_DIR`` if set, else ../shared/data beside the checkout; the gazetteer
    index is built here, so the notebooks' time is their own."""
    from geomap import Pipeline, Settings

    configured = os.environ.get("GEOMAP_DATA_DIR")
    data_dir = Path(configured) if configured else REPO.parent / "shared" / "data"
    if not data_dir.is_dir():
        pytest.skip(f"no data dir at {data_dir} (set GEOMAP_DATA_DIR)")
    Pipeline(Settings.resolve(data_dir=data_dir, cache_dir=cache_dir()))
    return data_dir


def cache_dir() -> Path:
    return Path(os.environ.get("GEOMAP_CACHE_DIR") or REPO / ".cache" / "geomap")


@pytest.fixture
def kernel_env(notebook_data_dir, monkeypatch) -> Path:
    """The kernel inherits the data dir and the cache."""
    monkeypatch.setenv("GEOMAP_DATA_DIR", str(notebook_data_dir))
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(cache_dir()))
    return notebook_data_dir


@pytest.mark.slow
def test_rail_war_notebook(kernel_env, tmp_path):
    notebook, seconds = execute("02_rail_war.ipynb", kernel_env, tmp_path)
    assert seconds < MAX_SECONDS
    html = "\n".join(outputs(notebook, "text/html"))
    # the three demo briefs, the choropleth, the rail map and the weekly chart
    assert len(outputs(notebook, "image/png")) >= 3
    counted = re.search(r"(\d+) briefs: (\d+) incidents", "\n".join(outputs(notebook, "stream")))
    briefs = [p for p in BRIEFS.iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert counted and int(counted[1]) == len(briefs) and int(counted[2]) > 0
    # a rail incident measured from the border and a named station
    assert "border_km" in html and "nearest_station" in html
    assert "rail_sabotage" in html


@pytest.mark.slow
def test_geoparsing_quality_notebook(kernel_env, tmp_path):
    for corpus in ("GeoWebNews", "LGL"):
        if not (kernel_env / "benchmarks" / corpus).is_dir():
            pytest.skip(f"no benchmarks/{corpus} in the data dir")
    notebook, seconds = execute("03_geoparsing_quality.ipynb", kernel_env, tmp_path)
    assert seconds < MAX_SECONDS
    report = "\n".join(outputs(notebook, "stream"))
    assert "geomap on GeoWebNews (dev)" in report and "geomap on LGL (dev)" in report
    assert "acc@161km" in report
    assert len(outputs(notebook, "image/png")) >= 2  # the error-distance curve, the worst on a map
    html = "\n".join(outputs(notebook, "text/html"))
    assert "context chose another" in html or "gold place not among candidates" in html


@pytest.mark.slow
def test_seed_article_notebook(kernel_env, tmp_path):
    # where the notebook looks for it
    folders = (kernel_env.parent / "seed", REPO.parent / "shared" / "seed")
    if not any(any(folder.glob("*.txt")) for folder in folders):
        pytest.skip("no seed article beside the data dir")
    notebook, seconds = execute("01_seed_article.ipynb", kernel_env, tmp_path)
    assert seconds < MAX_SECONDS
    html = "\n".join(outputs(notebook, "text/html"))
    assert "leaflet" in html.lower()  # the folium map, inline
    assert "Farinovo" in html or "Фариново" in html  # the section the article is about
    assert len(outputs(notebook, "image/png")) >= 1  # the timeline
