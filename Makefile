# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV_PY := .venv/bin/python
MANAGE := $(VENV_PY) manage.py

.PHONY: run test lint format venv venv-dev migrate seed messages bench drill

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

# --inexact keeps the dev tools installed by `make test`.
venv: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --inexact --python $(PYTHON)

venv-dev: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --extra dev --python $(PYTHON)

migrate: venv
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) load_seed_content

run: seed
	$(MANAGE) ensure_local_admin
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

# In parallel on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: venv-dev
	$(VENV_PY) -m pytest -n $(TEST_WORKERS)

lint: venv-dev
	$(VENV_PY) -m ruff check .
	$(VENV_PY) -m ruff format --check .

format: venv-dev
	$(VENV_PY) -m ruff check --fix .
	$(VENV_PY) -m ruff format .

# Regenerate and compile the template-string catalogues (needs GNU gettext).
messages: venv-dev
	$(MANAGE) makemessages -l fr -l en -l es --no-location --no-obsolete --ignore=.venv --ignore=.tools --ignore=var
	$(VENV_PY) scripts/fill_catalogues.py $(wildcard locale/pending/*.json)
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools

# Load test against a bare-Django baseline (not part of CI; needs wrk, PostgreSQL, Redis).
# Rebuilds the iom_bench database; BENCH_DURATION=<seconds> per run (default 10).
# Prints the table and writes docs/benchmarks.md; see bench/run.py.
bench: venv
	$(VENV_PY) -m bench.run

# Fault drills under wrk load (not part of CI; needs wrk and PostgreSQL's server binaries):
# restart or stop a private PostgreSQL, stop a private Redis, kill -9 a gunicorn worker.
# Loopback only, about five minutes; prints the table (docs/reliability.md; --record
# writes it there). See scripts/drill.py.
drill: venv
	$(VENV_PY) scripts/drill.py $(DRILL_ARGS)
