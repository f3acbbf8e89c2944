# geomap — the two commands a newcomer types: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The data packs beside the checkout, when they exist (CI and the dev machines have them).
DATA_DIR ?= $(if $(wildcard ../shared/data/README.md),$(abspath ../shared/data),)
export GEOMAP_DATA_DIR := $(DATA_DIR)
export GEOMAP_CACHE_DIR ?= $(abspath .cache/geomap)

.PHONY: demo test lint browser clean assets screenshot map-scale

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

# Leaflet and plugin files (exact versions in package-lock.json) that
# `geomap map --self-contained` inlines; node_modules/ is git-ignored.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

assets: node_modules/.package-lock.json

# The demo map inlines every script and style, so output/map.html opens with no network.
demo: $(VENV)/.installed assets
	$(BIN)/geomap run data/ --out output/ --self-contained

# Headless Chromium from Debian for the browser tests: apt-get as root, through sudo otherwise.
# GEOMAP_CHROMIUM=/path/to/chromium uses another build instead.
browser:
	@if [ -n "$$GEOMAP_CHROMIUM" ] && [ -x "$$GEOMAP_CHROMIUM" ]; then exit 0; fi; \
	if command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make browser: chromium is missing and there is no apt-get here;" \
	    "install Chromium and set GEOMAP_CHROMIUM=/path/to/chromium" >&2; exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	else echo "make browser: installing chromium needs root, and sudo is missing;" \
	  "as root run: apt-get install chromium" >&2; exit 1; fi; \
	echo "make browser: installing Debian's chromium (apt-get)"; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive sh -c \
	  'apt-get update -qq && apt-get install -y -qq chromium >/dev/null' \
	  || { echo "make browser: could not install chromium with apt-get" \
	    "(root or sudo rights and the Debian mirror are needed)" >&2; exit 1; }; \
	command -v chromium >/dev/null 2>&1 \
	  || { echo "make browser: chromium installed but not on PATH" >&2; exit 1; }

# docs/map.png: the demo map in headless Chromium, network cut off.
screenshot: $(VENV)/.test-installed browser assets
	$(BIN)/python benchmarks/screenshot.py --out docs/map.png

# The map at scale against folium's plain map; SIZES=1000 for a quick run.
SIZES ?= 1000,10000,100000
map-scale: $(VENV)/.test-installed browser assets
	$(BIN)/python benchmarks/map_scale.py --sizes $(SIZES)

test: $(VENV)/.test-installed browser assets
	$(BIN)/pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check geomap tests benchmarks

clean:
	rm -rf $(VENV) .cache build *.egg-info
