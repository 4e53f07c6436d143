# Two commands for a new user: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup lint bench screenshots clean mutate

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "HipFit needs Python 3.10 or newer"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { echo "Could not create $(VENV): on Debian/Ubuntu run: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	@sh scripts/qt-system-libs.sh run
	$(PY) -m hipfit_desktop

test: lint
	@sh scripts/qt-system-libs.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# ruff; the import-linter contracts in pyproject.toml; no module over 400 lines (docs/DECISIONS.md, Layout)
lint: setup
	$(PY) -m ruff check hipfit_desktop tests benchmarks scripts
	$(VENV)/bin/lint-imports --no-cache
	@find hipfit_desktop -name '*.py' -exec awk 'FNR == 401 { print FILENAME ": over 400 lines"; bad = 1 } \
	  END { exit bad }' {} + || { echo "Split the module(s) above: see docs/DECISIONS.md, Layout"; exit 1; }

bench: setup
	@sh scripts/qt-system-libs.sh test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/timing.py

screenshots: setup
	@sh scripts/qt-system-libs.sh screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis mutants .import_linter_cache

# Mutation testing of the pure core against the fast tests (docs/TESTING.md); an hour or more on 2 cores.
mutate: setup
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,mutation]'
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children $$(nproc)
	$(PY) scripts/mutation_scores.py
