"""Side-by-side geoparsing benchmark: geomap and two peers on the same corpora, in one run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/geoparse.py [--data-dir DIR] [--corpus PATH]...
        [--systems geomap,geotext,spacy] [--split dev|test|all] [--limit N] [--out FILE.json]

By default every corpus found under ``DATA_DIR/benchmarks`` is run (``DATA_DIR`` from
``--data-dir``, else ``GEOMAP_DATA_DIR``, else ``../shared/data``): the dev corpora
(GeoWebNews, LGL) first, then the test corpora (TR-News, GeoVirus), which are reported but
must never be tuned on. Systems:

* ``geomap`` — ``geomap.pipeline.Pipeline(settings).geoparse``, imported lazily; skipped
  with a message while it does not exist;
* ``geotext``, ``spacy`` — the peers in ``benchmarks/peers.py``.

Each corpus gets a table: recognition P/R/F1 (span overlap), exact-span F1, acc@161km,
median/mean error km, AUC (lower is better), end-to-end and docs/s, and under it the
published numbers from ``published_results.csv`` whose setting is comparable (see
:data:`COMPARABLE`); the incomparable ones are listed as context only.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from geomap.config import Settings  # noqa: E402
from geomap.evaluate import Corpus, evaluate_corpus, find_corpora, read_corpus  # noqa: E402

SYSTEMS = ("geomap", "geotext", "spacy")
SPLIT_ORDER = {"dev": 0, "test": 1}

#: Published settings that measure the same thing as this benchmark, and how.
COMPARABLE = {
    "eupeg": (
        "end-to-end (own NER)",
        "EUPEG (Wang & Hu, GeoAI'19): each system recognises and resolves on its own; "
        "a prediction matches gold when the span midpoints are < 10 chars apart "
        "(one-to-one, in gold order), close to our overlap rule; geocoding metrics over "
        "the correctly recognised toponyms, like ours. Which GWN toponym types EUPEG "
        "counted is not recorded.",
    ),
    "geotagging": (
        "toponym recognition only (geotagging)",
        "B. Wez MSc thesis (secondary source): recognition only; strict F1 ~ our exact F1, "
        "partial-match F1 ~ our overlap F1.",
    ),
}
#: Columns: (result path, header, format, True if higher is better).
COLUMNS = (
    (("recognition", "overlap", "precision"), "P", ".3f", True),
    (("recognition", "overlap", "recall"), "R", ".3f", True),
    (("recognition", "overlap", "f1"), "F1", ".3f", True),
    (("recognition", "exact", "f1"), "exactF1", ".3f", True),
    (("geocoding", "acc@161km"), "acc@161", ".3f", True),
    (("geocoding", "median_error_km"), "med km", ".1f", False),
    (("geocoding", "mean_error_km"), "mean km", ".0f", False),
    (("geocoding", "auc"), "AUC", ".3f", False),
    (("end_to_end", "score"), "e2e", ".3f", True),
    (("speed", "docs_per_s"), "docs/s", ".1f", True),
)
#: published_results.csv metric name → our column header.
EUPEG_METRICS = {
    "precision": "P",
    "recall": "R",
    "f1": "F1",
    "acc@161km": "acc@161",
    "median_error_km": "med km",
    "mean_error_km": "mean km",
    "auc": "AUC",
}


def gazetteer_speed(settings: Settings, names: list[str]) -> dict:
    """Index build time (cold, into a temporary cache), load time, and lookups/s on one core.

    Lookups are full candidate lists (exact and phonetic-skeleton keys, each turned into a
    Candidate) for the corpora's own gold toponyms, the way the geoparser asks.
    """
    import tempfile

    from geomap.gazetteer import Gazetteer

    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as tmp:
        cold = Settings(data_dir=settings.data_dir, cache_dir=Path(tmp))
        started = time.perf_counter()
        Gazetteer.open(cold)
        build_s = time.perf_counter() - started
    Gazetteer.open(settings)  # make sure the real cache holds an index before timing a load
    names = names or ["Minsk"]
    loads = []
    for _ in range(5):
        # a load ends when the first answer is out (lazy parts included)
        started = time.perf_counter()
        gazetteer = Gazetteer.open(settings)
        gazetteer.candidates(names[0])
        loads.append(time.perf_counter() - started)
    # the same with a name that has answers, so that reading entries and labels is in it
    answered_loads = []
    for _ in range(5):
        started = time.perf_counter()
        Gazetteer.open(settings).candidates("Minsk")
        answered_loads.append(time.perf_counter() - started)
    # CPU time of this process: lookups/s on one core, whatever else the machine runs.
    # Key lookups: a name's entries (exact and phonetic-skeleton keys), keys computed afresh:
    # the median of five passes, each after clearing the key caches (a pass is 50 ms, noisy).
    from geomap.gazetteer.names import name_key, skeleton

    passes = []
    for _ in range(5):
        name_key.cache_clear()
        skeleton.cache_clear()
        started = time.process_time()
        for name in names:
            gazetteer.flagged_rows(name_key(name))
            gazetteer.loose_rows(name)
        passes.append(time.process_time() - started)
    keys_s = statistics.median(passes)
    # first asks: every distinct gold name once, on a freshly opened index
    fresh = Gazetteer.open(settings)
    fresh.candidates("Minsk")  # the lazy labels are part of loading, timed above
    name_key.cache_clear()
    skeleton.cache_clear()
    started = time.process_time()
    for name in names:
        fresh.candidates(name)
    first_s = time.process_time() - started
    # running text repeats names: 20000 asks drawn from the same names (answers memoised)
    queries = (names * (20000 // max(len(names), 1) + 1))[:20000]
    started = time.process_time()
    for name in queries:
        gazetteer.candidates(name)
    repeat_s = time.process_time() - started
    return {
        "build_s": round(build_s, 2),
        "load_s": round(min(loads), 3),
        "load_to_answer_s": round(min(answered_loads), 3),
        "distinct_names": len(names),
        "key_lookups_per_s": round(len(names) / keys_s),
        "first_lookups_per_s": round(len(names) / first_s),
        "lookups_per_s": round(len(queries) / repeat_s),
        "entries": len(gazetteer),
    }


def geomap_geoparser(settings: Settings) -> Callable[[str], list]:
    """geomap's own geoparser, imported only when asked for (it may not exist yet)."""
    from geomap.pipeline import Pipeline

    return Pipeline(settings).geoparse


def build_systems(names: list[str], settings: Settings) -> dict[str, tuple[Callable | None, float]]:
    """Each available system's geoparser and its set-up time in seconds; skips say why.

    The peers' shared gazetteer appears as ``"peer-gazetteer"`` with no geoparser.
    """
    systems: dict[str, tuple[Callable | None, float]] = {}
    gazetteer = None
    for name in names:
        started = time.perf_counter()
        try:
            if name == "geomap":
                parse = geomap_geoparser(settings)
            else:
                import peers

                if gazetteer is None:
                    gazetteer = peers.PopulationGazetteer.build(settings.data_dir)
                    systems["peer-gazetteer"] = (None, time.perf_counter() - started)
                    started = time.perf_counter()
                    print(
                        f"peer gazetteer: {len(gazetteer):,} names; country points: "
                        f"{gazetteer.country_points}",
                        file=sys.stderr,
                    )
                parse = (peers.GeoTextParser if name == "geotext" else peers.SpacyNERParser)(
                    gazetteer
                )
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        systems[name] = (parse, time.perf_counter() - started)
    return systems


def load_published(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float | None:
    match = re.match(r"\s*(-?\d*\.?\d+)", text)
    return float(match.group(1)) if match else None


def published_for(corpus_name: str, rows: list[dict]) -> dict:
    """The comparable published numbers for one corpus, and the rest as context lines."""
    eupeg: dict[str, dict[str, float]] = {}
    geotagging: dict[str, tuple[float | None, float | None]] = {}
    context: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        dataset, setting = row["dataset"], row["setting"]
        if dataset == corpus_name and setting.startswith(COMPARABLE["eupeg"][0]):
            header = EUPEG_METRICS.get(row["metric"])
            value = _number(row["value"])
            if header and value is not None:
                eupeg.setdefault(row["system"], {})[header] = value
        elif dataset == corpus_name and setting == COMPARABLE["geotagging"][0]:
            strict, _, partial = row["value"].partition("(")
            geotagging[row["system"]] = (_number(strict), _number(partial))
        elif dataset.split(" (")[0] == corpus_name or dataset.startswith(corpus_name + " "):
            by_system = context.setdefault(f"{dataset} — {setting}", {})
            by_system.setdefault(row["system"], []).append(f"{row['metric']} {row['value']}")
    return {"eupeg": eupeg, "geotagging": geotagging, "context": context}


def _best(by_system: dict[str, dict[str, float]], header: str, higher: bool):
    scored = [(v[header], s) for s, v in by_system.items() if header in v]
    if not scored:
        return None
    return max(scored) if higher else min(scored)


def _cell(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _dig(result: dict, path: tuple[str, ...]):
    for key in path:
        result = result.get(key) if isinstance(result, dict) else None
    return result


def format_table(corpus: Corpus, results: dict[str, dict], published: dict) -> str:
    """The per-corpus table: our systems, then the comparable published rows."""
    head = f"{'system':<28}" + "".join(f"{h:>9}" for _, h, _, _ in COLUMNS)
    lines = [
        f"== {corpus.name} ({corpus.split}{', never tune on it' if corpus.split == 'test' else ''})"
        f" — {len(corpus.documents)} docs, {corpus.n_toponyms} gold toponyms, "
        f"{corpus.n_with_coordinates} with coordinates",
        head,
        "-" * len(head),
    ]
    for name, result in results.items():
        lines.append(
            f"{name:<28}"
            + "".join(f"{_cell(_dig(result, path), spec):>9}" for path, _, spec, _ in COLUMNS)
        )
    eupeg = published["eupeg"]
    if eupeg:
        best_cells, winners = [], []
        for _, header, spec, higher in COLUMNS:
            best = _best(eupeg, header, higher)
            best_cells.append(_cell(best[0] if best else None, spec))
            if best:
                winners.append(f"{header} {best[1]}")
        lines.append(f"{'published best (EUPEG e2e)':<28}" + "".join(f"{c:>9}" for c in best_cells))
        if "SpaCyNER" in eupeg:
            spacy_row = eupeg["SpaCyNER"]
            lines.append(
                f"{'EUPEG SpaCyNER (e2e)':<28}"
                + "".join(f"{_cell(spacy_row.get(h), spec):>9}" for _, h, spec, _ in COLUMNS)
            )
        lines.append("  best by: " + "; ".join(winners))
        lines.append("  " + COMPARABLE["eupeg"][1])
        lines.append("  (EUPEG's 'GeoTxt' is Karimzadeh et al.'s GeoTxt, not the geotext package.)")
    geotagging = published["geotagging"]
    if geotagging:
        strict = max(((v[0], s) for s, v in geotagging.items() if v[0] is not None), default=None)
        partial = max(((v[1], s) for s, v in geotagging.items() if v[1] is not None), default=None)
        cells = {"F1": partial, "exactF1": strict}
        lines.append(
            f"{'published best (geotagging)':<28}"
            + "".join(
                f"{_cell(cells[h][0] if cells.get(h) else None, spec):>9}"
                for _, h, spec, _ in COLUMNS
            )
        )
        lines.append(
            f"  best by: exactF1 {strict[1] if strict else '-'}; "
            f"F1 (partial) {partial[1] if partial else '-'}"
        )
        lines.append("  " + COMPARABLE["geotagging"][1])
    if published["context"]:
        lines.append("  not comparable (different setting), for context only:")
        for setting, by_system in published["context"].items():
            lines.append(f"    [{setting}]")
            lines.extend(
                f"      {system}: {'; '.join(values)}" for system, values in by_system.items()
            )
    for name, result in results.items():
        by_form = result["recognition"].get("precision_by_form")
        if by_form:
            cells = "; ".join(
                f"{form} {v['precision']:.3f} of {v['predicted']}" for form, v in by_form.items()
            )
            lines.append(f"  precision by written form, {name}: {cells}")
    lines.extend(f"  corpus note: {note}" for note in corpus.notes)
    return "\n".join(lines)


def default_data_dir() -> Path:
    env = os.environ.get("GEOMAP_DATA_DIR")
    return Path(env) if env else (REPO / ".." / "shared" / "data").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data dir (default: GEOMAP_DATA_DIR, else ../shared/data)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="a corpus file or folder (repeatable); default: all under DATA_DIR/benchmarks",
    )
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {', '.join(SYSTEMS)}"
    )
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N documents per corpus")
    parser.add_argument("--out", type=Path, default=None, help="write all results as JSON")
    parser.add_argument(
        "--no-speed",
        action="store_true",
        help="skip the gazetteer speed measurement (a cold index build)",
    )
    args = parser.parse_args(argv)

    data_dir = args.data_dir or default_data_dir()
    settings = Settings.resolve(data_dir=data_dir if data_dir.is_dir() else None)
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SYSTEMS))
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")

    paths = args.corpus or find_corpora(data_dir / "benchmarks")
    if not paths:
        parser.error(f"no corpus found under {data_dir / 'benchmarks'}; give --corpus")
    corpora = sorted(
        (read_corpus(p, limit=args.limit) for p in paths),
        key=lambda c: (SPLIT_ORDER.get(c.split, 2), c.name),
    )
    corpora = [c for c in corpora if args.split in ("all", c.split)]

    systems = build_systems(names, settings)
    setup = {name: seconds for name, (_, seconds) in systems.items()}
    systems = {name: entry for name, entry in systems.items() if entry[0] is not None}
    gold_names = sorted({t.name for c in corpora for d in c.documents for t in d.toponyms})
    measure_speed = "geomap" in systems and not args.no_speed
    speed = gazetteer_speed(settings, gold_names) if measure_speed else None
    published_rows = load_published(data_dir / "benchmarks" / "published_results.csv")

    report = {
        "data_dir": str(data_dir),
        "limit": args.limit,
        "systems": list(systems),
        "setup_s": setup,
        "gazetteer_speed": speed,
        "corpora": [],
    }
    # the same reading of each predicted span for every system: names, or adjectives
    # ("Russian"), which GeoWebNews and LGL annotate and another corpus may not
    form_of = systems["geomap"][0].__self__.recognizer.written_form if "geomap" in systems else None
    for corpus in corpora:
        results = {}
        for name, (parse, _) in systems.items():
            results[name] = evaluate_corpus(corpus, parse, system=name, form_of=form_of)
        published = published_for(corpus.name, published_rows)
        print(format_table(corpus, results, published), end="\n\n", flush=True)
        report["corpora"].append(
            {"name": corpus.name, "split": corpus.split, "results": results, "published": published}
        )

    setups = ", ".join(f"{n} {s:.1f} s" for n, s in setup.items())
    print(f"set-up time (model/gazetteer loading, not in docs/s): {setups}")
    if "geomap" in systems:
        print(
            f"gazetteer speed (one core): {speed}"
            if speed
            else "gazetteer speed: not measured (--no-speed)"
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
