"""Online answers kept across runs: (provider, query, country) → the raw records of the reply.

SQLite in the cache dir. An answer with no result is kept too (as no records), so a name no
provider knows is asked once; a failure is never stored, so it is asked again next run.
The raw records are kept rather than candidates, so a change in how geomap reads them needs
no new requests.
"""

from __future__ import annotations

import json
import sqlite3
import time
import unicodedata
from pathlib import Path

from ..errors import DataError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    provider TEXT NOT NULL,
    query    TEXT NOT NULL,
    country  TEXT NOT NULL,
    records  TEXT NOT NULL,
    fetched  REAL NOT NULL,
    PRIMARY KEY (provider, query, country)
)
"""


class AnswerCache:
    """A persistent map from a request to the provider's answer.

    Examples
    --------
    >>> cache = AnswerCache(Path("~/.cache/geomap/online.sqlite").expanduser())  # doctest: +SKIP
    >>> cache.get("nominatim", "Farinovo", None) is None      # never asked      # doctest: +SKIP
    True
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise DataError(f"online cache {self.path} is unusable ({exc}); delete it") from exc

    def get(self, provider: str, query: str, country: str | None) -> list[dict] | None:
        """The records once answered (``[]``: no result), or None when never asked."""
        row = self._db.execute(
            "SELECT records FROM answers WHERE provider = ? AND query = ? AND country = ?",
            _key(provider, query, country),
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, provider: str, query: str, country: str | None, records: list[dict]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
            (*_key(provider, query, country), json.dumps(records, ensure_ascii=False), time.time()),
        )
        self._db.commit()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def _key(provider: str, query: str, country: str | None) -> tuple[str, str, str]:
    """The same request however it was spaced or cased."""
    normal = " ".join(unicodedata.normalize("NFC", query).split()).casefold()
    return provider, normal, (country or "").upper()
