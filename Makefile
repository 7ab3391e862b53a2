# Two commands for a new user: `make demo` and `make test`. Everything installs into .venv from
# the hash-locked requirements; nothing is downloaded at run time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install install-extras gazetteer demo test lint bench eval eval-test pg petrarch lock clean

$(STAMP): requirements/dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps -e .
	$(BIN)/python -m tidings.places.build
	touch $(STAMP)

install: $(STAMP)

# The gazetteer, built from the installed GeoNames packages into the cache (docs/places.md); the
# first use builds it too.
gazetteer: $(STAMP)
	$(BIN)/python -m tidings.places.build

# Optional extras: browser tests of the web view (Playwright) and Spark. System parts come from
# Debian: chromium, openjdk-17-jre-headless (see .ci/run).
install-extras: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/browser.lock -r requirements/spark.lock

demo: $(STAMP)
	rm -f tidings.db tidings.db-wal tidings.db-shm
	$(BIN)/tidings ingest examples --db sqlite:///tidings.db
	$(BIN)/tidings events --db sqlite:///tidings.db

# Both cores: two pytest-xdist workers, the slowest tests first, the tests that share an expensive
# fixture on one worker (tests/conftest.py). PYTEST_WORKERS=0 runs the tests in this process.
PYTEST_WORKERS ?= 2
test: $(STAMP)
	@$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check src tests

bench: $(STAMP)
	$(BIN)/python -m tidings.bench
	$(BIN)/python -m tidings.bench.web

# A throwaway PostgreSQL server (Debian's postgresql package) in a temporary folder: prints the
# TIDINGS_DB line to use; Ctrl-C stops it and removes the folder.
pg: $(STAMP)
	$(BIN)/python -m tidings.store.pgserver

# Development sets: the project's dev gold, the example articles, and the external sets in
# ../shared/dev-gold when present. One row per set. Then places and commitments.
SHARED_GOLD := $(wildcard ../shared/dev-gold/*.jsonl)
eval: $(STAMP)
	$(BIN)/tidings eval eval/gold/dev_*.jsonl eval/gold/documents.jsonl eval/gold/stories.jsonl $(wildcard eval/gold/articles_dev.jsonl eval/gold/articles_dev2.jsonl eval/gold/articles_dev3.jsonl eval/gold/articles_dev4.jsonl eval/gold/articles_dev5.jsonl eval/gold/articles_dev6.jsonl) $(SHARED_GOLD)
	$(BIN)/tidings eval eval/gold/places.jsonl --errors 0
	$(BIN)/tidings eval eval/gold/commitments.jsonl --errors 0

# The blind test split: look at its totals only, never its sentences.
eval-test: $(STAMP)
	$(BIN)/tidings eval eval/gold/test_*.jsonl $(wildcard eval/gold/articles_test.jsonl) --together --errors 0

# Convert the PETRARCH-2/Phoenix actor dictionaries into src/tidings/data/actors/petrarch/ (provenance per row;
# the MIT notice is copied beside the tables). PETRARCH=folder with the Phoenix files.
PETRARCH ?= ../shared/reference/petrarch
petrarch: $(STAMP)
	$(BIN)/python -m tidings.actors.petrarch $(PETRARCH)

# Regenerate the locks (needs network access to the package index; not part of setup).
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements/main.in --generate-hashes --python-version 3.11 -o requirements/main.lock
	$(BIN)/uv pip compile requirements/dev.in --generate-hashes --python-version 3.11 -o requirements/dev.lock
	$(BIN)/uv pip compile requirements/browser.in -c requirements/dev.lock --generate-hashes --python-version 3.11 -o requirements/browser.lock
	$(BIN)/uv pip compile requirements/spark.in -c requirements/dev.lock --generate-hashes --python-version 3.11 -o requirements/spark.lock

clean:
	rm -rf $(VENV) tidings.db tidings.db-wal tidings.db-shm .pytest_cache
