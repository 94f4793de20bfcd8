# Linkage: `make run` for the local demo, `make test` for the suite. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONPATH := $(CURDIR):$(CURDIR)/site

.PHONY: help setup run test test-browser bench lint format worker migrate demo messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Linkage needs Python 3.11 ($(PYTHON) not found)."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP) ## Create .venv, install, migrate (used by run and test)
	$(MANAGE) migrate --noinput

run: setup ## Set up, load the demo programme and serve http://127.0.0.1:8000 (SQLite, eager tasks)
	$(MANAGE) linkage_demo
	$(MANAGE) runserver $(HOST):$(PORT)

# The suite runs on every CPU core (pytest-xdist), a test module per worker so each
# module's shared fixtures are built once. PYTEST_ARGS="-n 0" runs it in one process.
XDIST ?= -n auto --dist loadfile

test: $(STAMP) ## Set up and run the test suite (browser tests: make test-browser)
	$(BIN)/pytest -m "not browser" $(XDIST) $(PYTEST_ARGS)

test-browser: $(STAMP) ## Run the Playwright tests in Debian's Chromium (/usr/bin/chromium)
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

bench: setup ## Run the benchmarks; writes bench/results.json
	$(PY) bench/run.py

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## ruff fix and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: $(STAMP) ## Celery worker and beat (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)
	$(BIN)/celery -A config worker --beat --loglevel=info

UI_LANGUAGES := lt sq sr_Latn ar es it el sl mk uk fa

messages: $(STAMP) ## Extract UI strings, compile translations, report what is untranslated
	mkdir -p locale
	$(MANAGE) makemessages $(addprefix -l ,$(UI_LANGUAGES)) --no-obsolete \
		--ignore ".venv/*" --ignore "tests/*" --ignore "bench/*" --ignore "var/*"
	# allauth ships no Albanian or Macedonian: our translations of its pages live in
	# locale/<lang>/allauth.po and are merged back in (makemessages cannot see them).
	for lang in sq mk; do \
		test ! -f locale/$$lang/allauth.po || msgcat --use-first \
			locale/$$lang/LC_MESSAGES/django.po locale/$$lang/allauth.po \
			-o locale/$$lang/LC_MESSAGES/django.po; \
	done
	$(MANAGE) compilemessages --ignore ".venv/*"
	@for lang in $(UI_LANGUAGES); do \
		printf "%-8s " $$lang; msgfmt --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po; \
	done

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) db.sqlite3 var
