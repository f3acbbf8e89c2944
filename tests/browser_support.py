"""Headless Debian Chromium with the network cut off, and probes of a Leaflet map in it.

Used by ``tests/test_browser.py`` and by the scripts in ``benchmarks/`` that screenshot the map
and time its drawing. Only ``file:``, ``data:``, ``blob:`` and ``about:`` URLs load; every other
request is aborted and recorded, so a test can assert that a self-contained map asked for nothing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

LOCAL_SCHEMES = ("file", "data", "blob", "about")

# Leaflet draws markers as elements in the marker pane (icons, cluster bubbles) and vectors as
# SVG paths (or canvas) in the overlay pane; together they are "what the map shows".
MARKERS = ".leaflet-marker-pane > *"
DRAWN = f"{MARKERS}, .leaflet-overlay-pane path"

# Two animation frames after the map has drawn something, the frame that put it on screen has
# been painted; resolves with milliseconds since navigation start.
_PAINTED_AT = """() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(
    () => resolve(performance.now()))))"""


def chromium_executable() -> str | None:
    """Debian's ``chromium`` (``GEOMAP_CHROMIUM`` overrides), or None when not installed."""
    configured = os.environ.get("GEOMAP_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def offline_chromium() -> Iterator:
    """A headless Playwright ``Browser`` on the system Chromium."""
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    if executable is None:
        raise FileNotFoundError("chromium is not installed (make browser installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """Everything a page did that a map viewed offline must not do, or that explains a failure."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + [f"dialog: {d}" for d in self.dialogs]


@contextmanager
def offline_page(browser, *, width: int = 1200, height: int = 800) -> Iterator[tuple]:
    """A fresh page that cannot reach the network, and the log of what it tried."""
    context = browser.new_context(viewport={"width": width, "height": height})
    log = PageLog()

    def cut_off(route):
        url = route.request.url
        if urlsplit(url).scheme in LOCAL_SCHEMES:
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort("internetdisconnected")

    def on_dialog(dialog):
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", cut_off)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(_console(m)))
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    try:
        yield page, log
    finally:
        context.close()


def _console(message) -> str:
    where = message.location.get("url", "") if message.location else ""
    return f"{message.text} ({where})" if where else message.text


def open_map(page, path: Path, *, drawn: str = DRAWN, timeout_ms: float = 60_000) -> float:
    """Load a map file and wait until it has drawn (an element matches ``drawn``) and painted;
    milliseconds from navigation start."""
    page.goto(Path(path).resolve().as_uri(), wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(
        "(selector) => document.querySelector(selector) !== null",
        arg=drawn,
        polling="raf",
        timeout=timeout_ms,
    )
    return page.evaluate(_PAINTED_AT)


# Zoom the page's main map (folium's .folium-map, not a minimap) in by one level, without
# animation; resolves with the milliseconds until the redraw has been painted.
_ZOOM_IN = """(timeoutMs) => new Promise((resolve, reject) => {
  const map = Object.values(window).find(
      (v) => v instanceof L.Map && v.getContainer().classList.contains("folium-map"));
  const started = performance.now();
  setTimeout(() => reject(new Error(`not zoomed in ${timeoutMs} ms`)), timeoutMs);
  map.once("zoomend", () => requestAnimationFrame(() => requestAnimationFrame(
      () => resolve(performance.now() - started))));
  map.zoomIn(1, {animate: false});
})"""


def zoom_in_ms(page, *, timeout_ms: float = 60_000) -> float:
    """Milliseconds the map takes to zoom in one level and repaint: is it still usable?"""
    return page.evaluate(_ZOOM_IN, timeout_ms)


def drawn_count(page) -> int:
    """How many markers, cluster bubbles and vector shapes the map shows now."""
    return page.locator(DRAWN).count()


# Leaflet's canvas renderer paints many shapes on one <canvas>: count its painted pixels.
_CANVAS_PIXELS = """() => [...document.querySelectorAll(".leaflet-overlay-pane canvas")]
  .reduce((total, canvas) => {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) painted += pixels[i] > 0;
    return total + painted;
  }, 0)"""


def drawn(page) -> tuple[int, int]:
    """What the map shows now: (marker and SVG elements, painted canvas pixels)."""
    return drawn_count(page), page.evaluate(_CANVAS_PIXELS)


def overlay_names(page) -> list[str]:
    """The overlays listed in the layer control, as the user reads them."""
    labels = page.locator(".leaflet-control-layers-overlays label")
    return [text.strip() for text in labels.all_inner_texts()]


def set_overlay(page, name: str, shown: bool, *, timeout_ms: float = 5_000) -> None:
    """Tick or untick one overlay in the layer control, as a user would."""
    # the time slider reuses the class; the layer control is the one listing overlays
    control = page.locator(".leaflet-control-layers:has(.leaflet-control-layers-overlays)")
    control.hover()  # the control is collapsed until hovered
    label = page.locator(".leaflet-control-layers-overlays label", has_text=name).first
    box = label.locator("input")
    if box.is_checked() != shown:
        box.click(timeout=timeout_ms)
    page.mouse.move(5, page.viewport_size["height"] - 5)  # collapse it again


def find_in_all_frames(page, script: str):
    """Evaluate ``script`` in the page and every frame (folium puts some popups in iframes)."""
    return [frame.evaluate(script) for frame in page.frames]
