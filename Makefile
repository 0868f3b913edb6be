# Klyngemonitor: `make run` serves the dashboard, `make test` runs every test (browser included).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8501

.PHONY: setup chromium store run test test-fast lint format bench load clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(VENV)/.installed

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
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: setup chromium
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

bench: setup chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/run.py

load: setup chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/load.py --sessions 10 --sessions 30 --seconds 60

clean:
	rm -rf var test-artifacts .pytest_cache
