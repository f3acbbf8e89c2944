"""Screenshot of the demo map for the README: ``geomap run data/ --self-contained``, opened in
headless Chromium with the network cut off, so the picture shows what an offline reader sees.

    python benchmarks/screenshot.py                  # writes docs/map.png (1200x800)
    python benchmarks/screenshot.py --out /tmp/map.png --width 1600 --height 1000 data/
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the offline browser harness shared with the tests

from browser_support import offline_chromium, offline_page, open_map  # noqa: E402


def build_demo_map(inputs: list[str], out_dir: Path) -> Path:
    """``geomap run INPUTS --self-contained``; the path of its map."""
    command = [sys.executable, "-m", "geomap", "run", *inputs, "--self-contained", "-q"]
    subprocess.run([*command, "--out", str(out_dir)], check=True, cwd=REPO)
    return out_dir / "map.html"


def screenshot(map_path: Path, png: Path, *, width: int, height: int) -> list[str]:
    """Write ``png``; return what went wrong in the page (requests, errors), if anything."""
    with (
        offline_chromium() as browser,
        offline_page(browser, width=width, height=height) as (
            page,
            log,
        ),
    ):
        open_map(page, map_path)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        return log.problems + [f"blocked request: {url}" for url in log.blocked]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=["data/"], help="articles (default data/)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "map.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="geomap-screenshot-") as tmp:
        map_path = build_demo_map(args.inputs, Path(tmp))
        problems = screenshot(map_path, args.out, width=args.width, height=args.height)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{args.out} ({args.width}x{args.height})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
