"""Name keys → the index rows they name: a marisa trie of keys and one array of rows.

marisa's ``RecordTrie`` keeps every (key, row) pair as a trie key of its own and unpacks
the rows in Python on each lookup. Here a plain trie turns a key into its id in C, and the
id picks the key's run of rows from one array (compressed sparse rows): about twice as
fast to ask, and all of it memory-mapped. A flag per row (the exact keys': "only an
alternate name of this entry") sits in an array of its own beside the rows, so that a
lookup unpacks nothing in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


class KeyRows:
    """Rows by key, memory-mapped from ``<folder>/<name>.marisa`` and the arrays beside it."""

    def __init__(self, folder: Path, name: str):
        import marisa_trie

        self._keys = marisa_trie.Trie().mmap(str(folder / f"{name}.marisa"))
        # key id i owns rows[starts[i]:starts[i + 1]]; plain memoryviews index fastest
        self._starts = memoryview(np.asarray(np.load(folder / f"{name}.starts.npy", mmap_mode="r")))
        self._rows = memoryview(np.asarray(np.load(folder / f"{name}.rows.npy", mmap_mode="r")))
        self._no_rows = self._rows[:0]
        flags = folder / f"{name}.flags.npy"
        self._flags = (
            memoryview(np.asarray(np.load(flags, mmap_mode="r"))) if flags.exists() else None
        )

    def get(self, key: str) -> memoryview:
        """The rows of ``key``, in the order they were written; empty when it has none."""
        found = self._keys.get(key)
        if found is None:
            return self._no_rows
        return self._rows[self._starts[found] : self._starts[found + 1]]

    def flagged(self, key: str) -> list[tuple[int, bool]]:
        """(row, flag) pairs of ``key``; for keys written with flags."""
        found = self._keys.get(key)
        if found is None:
            return []
        start, end = self._starts[found], self._starts[found + 1]
        rows, flags = self._rows[start:end].tolist(), self._flags[start:end].tolist()
        return list(zip(rows, flags, strict=True))

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def has_prefix(self, prefix: str) -> bool:
        return next(self._keys.iterkeys(prefix), None) is not None

    @staticmethod
    def write(
        folder: Path,
        name: str,
        rows_by_key: Iterable[tuple[str, Sequence[int]]],
        flags_by_key: dict[str, Sequence[bool]] | None = None,
    ) -> None:
        """Save each key with its rows (as unsigned 32-bit values, kept in the given order)
        and, when given, a flag for each of them."""
        import marisa_trie

        rows_by_key = dict(rows_by_key)
        keys = marisa_trie.Trie(rows_by_key)
        by_id = [()] * len(keys)
        for key, rows in rows_by_key.items():
            by_id[keys[key]] = rows
        starts = np.zeros(len(by_id) + 1, dtype=np.uint32)
        np.cumsum([len(rows) for rows in by_id], out=starts[1:])
        rows = np.fromiter((row for rows in by_id for row in rows), dtype=np.uint32)
        keys.save(str(folder / f"{name}.marisa"))
        np.save(folder / f"{name}.starts.npy", starts)
        np.save(folder / f"{name}.rows.npy", rows)
        if flags_by_key is not None:
            for key, flags in flags_by_key.items():
                by_id[keys[key]] = flags
            flags = np.fromiter((flag for flags in by_id for flag in flags), dtype=np.bool_)
            np.save(folder / f"{name}.flags.npy", flags)
