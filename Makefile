# kiosk — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# The suite runs on every core (pytest-xdist): each worker has its own PostgreSQL, CUPS and X display.
TEST_WORKERS ?= auto

.PHONY: run test lint deadcode typecheck docs pytest bench screenshots clean system-run system-test

# The venv is (re)built when missing or when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

system-run:
	@bash .ci/system-packages.sh run

system-test:
	@bash .ci/system-packages.sh test

## Open the staff window (creates the #Plus20 demo event on first run).
run: system-run $(STAMP)
	$(PY) main.py $(ARGS)

## Lint, type-check and run the whole suite (real SQLite, CUPS, Qt offscreen, video files).
test: system-test $(STAMP) lint deadcode typecheck docs pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

## Dead code: vulture at 80 % confidence (unused imports, variables, unreachable code).
deadcode: $(STAMP)
	$(VENV)/bin/vulture --min-confidence 80 kiosk tests benchmarks docs/hooks.py main.py

## The docs site (MkDocs + Material) into site/; --strict: a broken link or a missing page fails.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir site  # not --quiet: it hides the warnings --strict counts

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## Benchmarks: prints figures (targets in the README).
bench: system-test $(STAMP)
	@failed=""; for b in benchmarks/bench_*.py; do echo "== $$b"; \
	  QT_QPA_PLATFORM=offscreen $(PY) $$b || failed="$$failed $$b"; done; \
	  if [ -n "$$failed" ]; then echo "targets missed in:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info site

# --- The standalone bundle (PyInstaller; kiosk.spec, bundle/, docs/install.md) ---------------------
.PHONY: dist dist-test
DIST_STAMP := $(VENV)/.dist-stamp

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install -q 'pyinstaller>=6.10,<7'
	@touch $(DIST_STAMP)

## The bundle for this platform: dist/kiosk (runs without Python) and what volunteers download
## (Linux: dist/kiosk-VERSION-linux-ARCH.tar.gz with its applications-menu entry).
dist: $(DIST_STAMP)
	@bash .ci/system-packages.sh dist
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller kiosk.spec
	$(PY) bundle/archive.py dist/kiosk

## Build the bundle, then smoke-test its archive as a volunteer runs it (clean environment, each
## screen, a badge printed, a video scanned, a sync round with a throw-away PostgreSQL).
dist-test: system-test dist
	$(PY) bundle/check.py
