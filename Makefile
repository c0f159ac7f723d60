# Arshif — two commands do everything on a fresh clone:
#   make site   create .venv, install pinned dependencies, generate content/ from corpus/, build site/
#   make test   run the whole test suite (unit, functional, browser)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

FONT_PKG := node_modules/@fontsource/noto-naskh-arabic/files
FONT_DIR := site_config/theme/assets/fonts
FONT_FILES := $(foreach s,arabic latin,$(foreach w,400 700,$(FONT_DIR)/noto-naskh-arabic-$(s)-$(w)-normal.woff2))
# fflate inflates the search texts in browsers without DecompressionStream (search.js loads it there only).
FFLATE := site_config/theme/assets/javascripts/vendor/fflate.js

.PHONY: site content serve test eval bench clean fonts vendor

$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The Arabic font and fflate come from pinned npm packages (package-lock.json) and are served by the site itself.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

$(FONT_DIR)/%.woff2: node_modules/.package-lock.json
	mkdir -p $(FONT_DIR)
	cp $(FONT_PKG)/$*.woff2 $@

fonts: $(FONT_FILES) vendor

$(FFLATE): node_modules/.package-lock.json
	mkdir -p $(dir $@)
	cp node_modules/fflate/umd/index.js $@
	cp node_modules/fflate/LICENSE $(dir $@)fflate.LICENSE

vendor: $(FFLATE)

content: $(STAMP)
	$(PY) -m generator build

# BUILD_FLAGS=--publish (the publish workflow): skipped inputs are listed, not a failure
BUILD_FLAGS ?=
site: $(STAMP) fonts
	$(PY) -m generator build --site $(BUILD_FLAGS)

# Serves the built site/ as GitHub Pages would (with the search index written after MkDocs).
serve: site
	@echo "Serving site/ on http://127.0.0.1:8000/ (Ctrl-C to stop)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

test: $(STAMP) fonts
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m generator.evaluate ../shared/devset ../shared/devset-real

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf site test-output .pytest_cache .arshif-cache $(FONT_DIR) $(dir $(FFLATE))
