# Two commands for a new user: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
PIP := $(PY) -m pip install --disable-pip-version-check --progress-bar on

.PHONY: run test setup setup-test lint bench screenshots clean mutate dist install-desktop

# A venv whose creation or first install failed is made anew, not reused half-made: only a finished install
# leaves its stamp, and the venv is checked to run pip before it is trusted.
$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "HipFit needs Python 3.10 or newer"; exit 1; }
	@$(PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV) && \
	  $(PY) -m pip --version >/dev/null 2>&1; } || { rm -rf $(VENV); \
	  echo "Could not create $(VENV): on Debian/Ubuntu run: sudo apt-get install python3-venv"; exit 1; }
	@touch $@

# `make run` installs only what the app needs; `make test` adds the test tools.
$(RUN_STAMP): pyproject.toml | $(VENV)/.created
	@echo "Installing HipFit and Qt into $(VENV): the first time this downloads about 260 MB (Qt; a few minutes)"
	$(PIP) -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/.created
	@echo "Installing HipFit, Qt and the test tools into $(VENV): the first time this downloads about 280 MB"
	$(PIP) -e '.[test]'
	@touch $@ $(RUN_STAMP)

setup: $(RUN_STAMP)

setup-test: $(TEST_STAMP)

# exec: Ctrl+C reaches the app directly, which saves a session in progress and quits; make stops with it.
run: setup
	@$(PYTHON) scripts/qt_system_libs.py run
	exec $(PY) -m hipfit_desktop

test: lint
	@$(PYTHON) scripts/qt_system_libs.py test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# ruff; the import-linter contracts in pyproject.toml; no module over 400 lines (docs/DECISIONS.md, Layout)
lint: setup-test
	$(PY) -m ruff check hipfit_desktop tests benchmarks scripts
	$(VENV)/bin/lint-imports --no-cache
	@find hipfit_desktop -name '*.py' -exec awk 'FNR == 401 { print FILENAME ": over 400 lines"; bad = 1 } \
	  END { exit bad }' {} + || { echo "Split the module(s) above: see docs/DECISIONS.md, Layout"; exit 1; }

bench: setup-test
	@$(PYTHON) scripts/qt_system_libs.py test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/timing.py

screenshots: setup-test
	@$(PYTHON) scripts/qt_system_libs.py screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots.py docs/screenshots

# The sdist and wheel, checked as PyPI would (build and twine go into the venv only when asked for).
dist: setup-test
	$(PY) -m pip install --quiet --disable-pip-version-check build twine
	rm -rf dist
	$(PY) -m build
	$(PY) -m twine check --strict dist/*

# The menu entry and icon in your XDG folders (pip users: `hipfit install-desktop`).
install-desktop: setup
	$(PY) -m hipfit_desktop install-desktop

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis mutants .import_linter_cache

# Mutation testing of the pure core against the fast tests (docs/TESTING.md); an hour or more on 2 cores.
mutate: setup-test
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,mutation]'
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children $$(nproc)
	$(PY) scripts/mutation_scores.py
