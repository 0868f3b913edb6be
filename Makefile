# Klyngemonitor: `make run` serves the dashboard, `make test` runs every test (browser included).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8501

.PHONY: setup axe chromium store run test test-fast lint format catalogue-check bench load screenshots clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(VENV)/.installed

# The accessibility tests inject axe-core (pinned in package.json, locked in package-lock.json)
# into each page: `npm ci` installs exactly the locked version into node_modules/.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

axe: node_modules/.installed

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "Chromium not found at $(CHROMIUM): installing Debian's chromium package"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null || true; \
	fi
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "ERROR: Chromium is required for the browser tests and is not at $(CHROMIUM)."; \
		echo "Install it with 'apt-get install -y chromium' or set CHROMIUM=/path/to/chromium."; \
		exit 1; \
	fi

store: setup
	$(BIN)/python -m dashboard build

run: store
	$(BIN)/python -m dashboard serve --server.port $(PORT) --server.headless true

test: setup chromium node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest

test-fast: setup
	$(BIN)/pytest -m "not browser"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The translations (src/dashboard/locale, gettext .po files): Babel compiles each catalogue into a
# temporary folder (no .mo files in the tree) and counts what is translated, then the catalogue
# tests check that nb, en and messages.pot hold the same msgids, every msgstr is filled in and not
# fuzzy, the placeholders agree and every key the code uses is there; `pybabel update --check`
# says whether the .po files are in step with messages.pot.
catalogue-check: setup
	@tmp=$$(mktemp -d) && cp -R src/dashboard/locale/. $$tmp/ \
		&& $(BIN)/pybabel compile --statistics -D messages -d $$tmp; \
		status=$$?; rm -rf $$tmp; exit $$status
	$(BIN)/pybabel update --check -N -D messages -i src/dashboard/locale/messages.pot -d src/dashboard/locale
	$(BIN)/pytest -q -m "not browser" tests/test_i18n.py -k "po_ or code_"

bench: setup chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/run.py

load: setup chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/load.py --sessions 10 --sessions 30 --seconds 60

# Every page in both languages, today and on 30 June 2016, at 1440x900 and 1920x1080.
screenshots: setup chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python docs/screenshots.py

clean:
	rm -rf var test-artifacts .pytest_cache node_modules
