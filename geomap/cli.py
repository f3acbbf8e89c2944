"""The ``geomap`` command: a click group, each command a few lines over the library."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field

import click

from .config import Settings
from .errors import GeomapError


@dataclass
class AppContext:
    """What every command receives: resolved settings and how loud to be."""

    settings: Settings
    verbose: bool = False
    quiet: bool = False
    #: inputs that could not be read, each reported once on stderr
    bad_inputs: list[str] = field(default_factory=list)
    #: inputs the pipeline failed on (internal errors), each reported once on stderr
    failures: list[str] = field(default_factory=list)

    def report_bad_input(self, error: GeomapError) -> None:
        self.bad_inputs.append(str(error))
        click.echo(f"geomap: {error}", err=True)

    def report_failure(self, document, exc: Exception) -> None:
        """A document the pipeline failed on: one line, the others go on (exit code 1)."""
        if self.verbose:
            raise exc
        self.failures.append(document.source.locator)
        reason = " ".join(str(exc).split())  # one line, whatever the exception holds
        if not isinstance(exc, GeomapError):
            reason = f"internal error: {type(exc).__name__}: {reason} (run with -v for details)"
        click.echo(f"geomap: {document.source.locator}: {reason}", err=True)

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


pass_app = click.make_pass_decorator(AppContext)


def common_options(func):
    """Options every command accepts, also after the command name."""
    options = [
        click.option(
            "--data-dir",
            type=click.Path(file_okay=False),
            envvar="GEOMAP_DATA_DIR",
            help="Folder of data packs (GeoNames, polygons, railways).",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            envvar="GEOMAP_CACHE_DIR",
            help="Where built indexes and online answers are cached.",
        ),
        click.option(
            "--offline/--online",
            default=None,
            help="Online adds geopy providers behind the offline gazetteer.",
        ),
        click.option(
            "--provider",
            type=click.Choice(["nominatim", "photon", "geonames"], case_sensitive=False),
            envvar="GEOMAP_ONLINE_PROVIDER",
            help="Online provider for --online (default nominatim).",
        ),
        click.option(
            "-v", "--verbose", is_flag=True, default=None, help="Show progress and tracebacks."
        ),
        click.option("-q", "--quiet", is_flag=True, default=None, help="Only errors."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


class GeomapGroup(click.Group):
    """Turns GeomapError into one line and an exit code; tracebacks only with --verbose."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GeomapError as exc:
            app = ctx.find_object(AppContext)
            if app is not None and app.verbose:
                raise
            click.echo(f"geomap: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # internal failure: one line unless asked for more
            app = ctx.find_object(AppContext)
            if app is not None and app.verbose:
                raise
            click.echo(
                f"geomap: internal error: {type(exc).__name__}: {exc} (run with -v for details)",
                err=True,
            )
            ctx.exit(1)


def _settle(
    ctx: click.Context, data_dir, cache_dir, offline, verbose, quiet, provider=None
) -> AppContext:
    """Merge the common options given after a command's name into the group's context."""
    app = ctx.find_object(AppContext)
    if any(v is not None for v in (data_dir, cache_dir, offline, provider)):
        try:
            app.settings = Settings.resolve(
                data_dir=data_dir if data_dir is not None else app.settings.data_dir,
                cache_dir=cache_dir if cache_dir is not None else app.settings.cache_dir,
                online=(not offline) if offline is not None else app.settings.online,
                online_provider=provider or app.settings.online_provider,
            )
        except GeomapError as exc:
            raise click.UsageError(str(exc)) from exc
    app.verbose = app.verbose or bool(verbose)
    app.quiet = app.quiet or bool(quiet)
    _configure_logging(app)
    return app


def _configure_logging(app: AppContext) -> None:
    level = logging.DEBUG if app.verbose else logging.WARNING if app.quiet else logging.INFO
    logging.basicConfig(level=level, format="geomap: %(message)s", stream=sys.stderr, force=True)
    # Libraries' own progress chatter only with --verbose.
    for noisy in ("trafilatura", "pyogrio", "urllib3", "htmldate", "charset_normalizer", "geopy"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if app.verbose else logging.WARNING)


@click.group(cls=GeomapGroup)
@common_options
@click.version_option(package_name="geomap")
@click.pass_context
def main(ctx: click.Context, data_dir, cache_dir, offline, verbose, quiet, provider):
    """Map incidents from conflict reporting: articles in, GeoJSON, CSV and a map out."""
    try:
        settings = Settings.resolve(
            data_dir=data_dir,
            cache_dir=cache_dir,
            online=offline is False,
            online_provider=provider,
        )
    except GeomapError as exc:
        raise click.UsageError(str(exc)) from exc
    ctx.obj = AppContext(settings=settings, verbose=bool(verbose), quiet=bool(quiet))
    _configure_logging(ctx.obj)


# -- the pipeline ------------------------------------------------------------------------------


def input_options(func):
    """Options of the commands that read articles."""
    from .ingest import DEFAULT_MAX_BYTES

    return click.option(
        "--max-input-mb",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_MAX_BYTES / 2**20,
        show_default=True,
        envvar="GEOMAP_MAX_INPUT_MB",
        help="Refuse inputs larger than this many MiB (each file, stdin or download).",
    )(func)


def _documents(app: AppContext, inputs, max_input_mb: float):
    from .ingest import read_inputs

    return read_inputs(inputs, on_error=app.report_bad_input, max_bytes=int(max_input_mb * 2**20))


def _finish(ctx: click.Context, app: AppContext) -> None:
    """Exit 1 when the pipeline failed on an input, else 2 when any input was bad; the good
    ones have been processed and written."""
    if app.failures:
        ctx.exit(1)
    if app.bad_inputs:
        ctx.exit(2)


def _print_json(text: str) -> None:
    """JSON is UTF-8 (RFC 8259) whatever the terminal's encoding; a reader that hangs up early
    (``| head``) is not an error."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # keep Python's own flush at exit from failing on the closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for incidents.geojson, places.geojson, incidents.csv and map.html.",
)
@click.option("--self-contained", is_flag=True, help="Inline every script and style into map.html.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    callback=lambda ctx, param, value: _output_formats(value),
    metavar="FORMAT[,FORMAT...]",
    help="Data files beside map.html: geojson, csv, gpkg, kml (repeatable or comma-separated; "
    "default geojson,csv).",
)
@input_options
@common_options
@click.pass_context
def run_command(
    ctx: click.Context, inputs, out_dir, self_contained, formats, max_input_mb, **common
):
    """The whole pipeline: INPUT files, folders, URLs or - for stdin → GeoJSON, CSV and a map."""
    app = _settle(ctx, **common)
    from .pipeline import Pipeline, write_outputs

    pipeline = Pipeline(app.settings)
    extraction = pipeline.extract(
        _documents(app, inputs, max_input_mb), on_failure=app.report_failure
    )
    written = write_outputs(
        pipeline, extraction, out_dir, self_contained=self_contained, formats=formats
    )
    app.say(written.summary())
    _finish(ctx, app)


def _output_formats(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--format gpkg --format kml`` or ``--format gpkg,kml``; checked before any work."""
    from .pipeline import DEFAULT_FORMATS, OUTPUT_FORMATS

    formats = tuple(f.strip().lower() for value in values for f in value.split(",") if f.strip())
    for name in formats:
        if name not in OUTPUT_FORMATS:
            raise click.BadParameter(f"{name!r} is not one of {', '.join(OUTPUT_FORMATS)}")
    return formats or DEFAULT_FORMATS


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out_file", type=click.Path(dir_okay=False), help="Write here instead of stdout."
)
@input_options
@common_options
@click.pass_context
def extract_command(ctx: click.Context, inputs, out_file, max_input_mb, **common):
    """Places and incidents of INPUT as one GeoJSON FeatureCollection."""
    app = _settle(ctx, **common)
    from .export import geojson_text, write_geojson
    from .pipeline import Pipeline

    pipeline = Pipeline(app.settings)
    extraction = pipeline.extract(
        _documents(app, inputs, max_input_mb), on_failure=app.report_failure
    )
    collection = pipeline.collection(extraction)
    if out_file:
        write_geojson(collection, out_file)
    else:
        _print_json(geojson_text(collection))
    _finish(ctx, app)


@main.command("geocode")
@click.argument("queries", nargs=-1, required=True)
@click.option("--country", metavar="CC", help="Only candidates in this country (ISO code).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@common_options
@click.pass_context
def geocode_command(ctx: click.Context, queries, country, limit, **common):
    """Ranked candidates for each QUERY, as JSON lines."""
    import json

    app = _settle(ctx, **common)
    from .pipeline import Pipeline

    pipeline = Pipeline(app.settings)
    for query in queries:
        for rank, (candidate, score) in enumerate(
            pipeline.geocode(query, country=country, limit=limit), 1
        ):
            row = {
                "query": query,
                "rank": rank,
                "score": round(score, 3),
                **candidate_record(candidate),
            }
            click.echo(json.dumps(row, ensure_ascii=False))


def candidate_record(candidate) -> dict:
    return {
        "place_name": candidate.name,
        "lat": round(candidate.lat, 6),
        "lon": round(candidate.lon, 6),
        "feature_class": candidate.feature_class,
        "country_code": candidate.country_code,
        "admin1": candidate.admin1,
        "population": candidate.population,
        "geonameid": candidate.geonameid,
        "key": candidate.key,
        "match": candidate.match,
    }


# -- export and data packs: each command a few lines over geomap.export / geomap.datapacks --


@main.command("map")
@click.argument("geojson_files", nargs=-1, required=True, metavar="GEOJSON...")
@click.option(
    "--out", "out_file", required=True, type=click.Path(dir_okay=False), help="The HTML file."
)
@click.option(
    "--self-contained", is_flag=True, help="Inline every script, style and font (no network)."
)
@common_options
@click.pass_context
def map_command(ctx: click.Context, geojson_files, out_file, self_contained, **common):
    """The layered map of saved GeoJSON FeatureCollections (incidents and places)."""
    app = _settle(ctx, **common)
    from .gazetteer.packs import DataPacks
    from .maps import read_collections, write_map

    collection = read_collections(geojson_files)
    packs = DataPacks.for_settings(app.settings)
    packs = packs if packs.roots else None
    written = write_map(collection, out_file, packs=packs, self_contained=self_contained)
    app.say(f"wrote {written} ({len(collection['features'])} features)")


@main.command("export")
@click.argument("geojson")
@click.option(
    "--to",
    "target",
    required=True,
    metavar="FILE",
    help="Output file; its extension picks the format: .geojson, .csv, .gpkg, .kml.",
)
@common_options
@click.pass_context
def export_command(ctx: click.Context, geojson: str, target: str, **common):
    """Write a saved GeoJSON FeatureCollection to FILE in another format."""
    app = _settle(ctx, **common)
    from .export import export

    app.say(f"wrote {export(geojson, target)}")


@main.group("data")
def data_group():
    """Data packs: what the data dir holds, and fetching the public sources."""


@data_group.command("status")
@common_options
@click.pass_context
def data_status_command(ctx: click.Context, **common):
    """List the data dir's recognised files, what each kind adds, and the cache."""
    app = _settle(ctx, **common)
    from .datapacks import data_status

    click.echo(data_status(app.settings).render())


@data_group.command("fetch")
@click.option("--dest", metavar="DIR", help="Data dir to fill (default: --data-dir).")
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="NAME",
    help="A source to fetch, repeatable (see --list); default: the BY and UA set.",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="A mirror serving the official paths, instead of the official hosts.",
)
@click.option(
    "--sha256", "pins", multiple=True, metavar="NAME=HEX", help="Expected SHA-256 of a download."
)
@click.option(
    "--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for a server."
)
@click.option("--no-index", is_flag=True, help="Do not build the gazetteer index afterwards.")
@click.option("--list", "list_only", is_flag=True, help="List the known sources and exit.")
@common_options
@click.pass_context
def data_fetch_command(
    ctx: click.Context, dest, sources, base_url, pins, timeout, no_index, list_only, **common
):
    """Download, verify and unpack the public data sources into the data dir."""
    app = _settle(ctx, **common)
    from dataclasses import replace

    from . import datapacks

    if list_only:
        click.echo(datapacks.describe_sources())
        return
    report = datapacks.fetch(
        dest or app.settings.data_dir,
        sources,
        base_url=base_url,
        timeout=timeout,
        pins=datapacks.parse_pins(pins),
        progress=app.say,
    )
    if not no_index:
        settings = replace(app.settings, data_dir=report.dest.resolve())
        datapacks.build_index(settings, progress=app.say)
    click.echo(report.render())


@main.command("eval")
@click.argument("corpus_dir", type=click.Path(exists=True))
@click.option(
    "--out", "out_file", type=click.Path(dir_okay=False), help="Also write the metrics as JSON."
)
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents.")
@common_options
@click.pass_context
def eval_command(ctx: click.Context, corpus_dir, out_file, limit, **common):
    """Geoparsing metrics of geomap on a benchmark corpus (GeoWebNews, LGL, TR-News, GeoVirus)."""
    import json

    app = _settle(ctx, **common)
    from .evaluate import evaluate, format_report
    from .export import atomic_path
    from .pipeline import Pipeline

    pipeline = Pipeline(app.settings)
    result = evaluate(
        corpus_dir,
        pipeline.geoparse,
        limit=limit,
        system="geomap",
        form_of=pipeline.recognizer.written_form,
    )
    click.echo(format_report(result))
    if out_file:
        with atomic_path(out_file) as tmp:
            tmp.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
