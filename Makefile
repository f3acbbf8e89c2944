# geomap — the two commands a newcomer types: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The data packs beside the checkout, when they exist (CI and the dev machines have them).
DATA_DIR ?= $(if $(wildcard ../shared/data/README.md),$(abspath ../shared/data),)
export GEOMAP_DATA_DIR := $(DATA_DIR)
export GEOMAP_CACHE_DIR ?= $(abspath .cache/geomap)

.PHONY: demo test lint browser clean assets

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

# Headless Chromium from Debian for the browser tests (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: $(VENV)/.test-installed browser assets
	$(BIN)/pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check geomap tests benchmarks

clean:
	rm -rf $(VENV) .cache build *.egg-info
