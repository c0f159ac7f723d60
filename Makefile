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

.PHONY: site content serve test eval bench clean

$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

content: $(STAMP)
	$(PY) -m generator build

site: $(STAMP)
	$(PY) -m generator build --site

serve: site
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m generator.evaluate ../shared/devset

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf site test-output .pytest_cache
