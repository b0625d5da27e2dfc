# Toimintamallikirjasto: `make run` sets everything up and serves the site; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .run
# The project's catalogs and each app's own (an app that has a locale/ directory keeps its messages there).
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django*.po */locale/*/LC_MESSAGES/django*.po)
MO_FILES := $(PO_FILES:.po=.mo)
MIGRATIONS := $(wildcard */migrations/*.py)
# System packages are installed with apt-get, through sudo unless we are root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: serve backup restore bench lighthouse run setup setup-messages test lint check messages requirements clean-db \
	system-packages browser bench-search search-quality bench-import

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

# The production settings on gunicorn with the task worker, for trying production on one machine:
# `make serve` on 127.0.0.1:8000, `make serve PORT=8010` on another port (README, "Deployment").
HOST ?= 127.0.0.1
PORT ?= 8000
serve: setup
	scripts/serve.sh $(HOST) $(PORT)

# Backup of the database and media into backups/<time>/ (or BACKUP=dir); `make restore BACKUP=dir`
# puts them back. SQLite or PostgreSQL (DATABASE_URL), see README, "Backup and restore".
backup: $(VENV)/.installed
	$(PY) manage.py backup $(BACKUP)

restore: $(VENV)/.installed
	@[ -n "$(BACKUP)" ] || { echo "make restore BACKUP=backups/<time>"; exit 1; }
	$(PY) manage.py restore $(BACKUP)

# Server time, SQL queries and requests per second of `make serve` on scratch copies of the database
# with the demo, 1,000 and 10,000 synthetic models (`make bench SIZES=0,1000` for fewer); README, "Production".
SIZES ?= 0,1000,10000
bench: setup
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(PY) -m benchmarks.serve --sizes $(SIZES) --port $(or $(BENCH_PORT),8114)

# Everything `run` needs; each step is redone only when its inputs change.
setup: system-packages $(VENV)/.installed $(MO_FILES) $(STAMP)/migrated $(STAMP)/demo-loaded $(STAMP)/indexed

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ($(PYTHON)) is needed: see README.md"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

# Debian packages the site needs, installed when missing: gettext's msgfmt compiles the
# translations; libvoikko1 and voikko-fi analyse Finnish for search; Pango draws the adoption kit's PDF
# (WeasyPrint).
SYSTEM_PACKAGES := gettext libvoikko1 voikko-fi libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
system-packages:
	@command -v msgfmt >/dev/null && dpkg -s $(filter-out gettext,$(SYSTEM_PACKAGES)) >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES); }

%.mo: %.po | system-packages
	msgfmt --check-format -o $@ $<

setup-messages: $(MO_FILES)

$(STAMP)/migrated: $(VENV)/.installed $(MIGRATIONS)
	mkdir -p $(STAMP)
	$(PY) manage.py migrate --no-input -v0
	touch $@

$(STAMP)/demo-loaded: $(STAMP)/migrated
	$(PY) manage.py load_demo
	touch $@

# The whole search index rebuilt once after the demo, and again whenever what it holds changes;
# likewise the title prefixes of the search box's suggestions.
$(STAMP)/indexed: $(STAMP)/demo-loaded $(wildcard indexing/*.py indexing/analysis/*.py search/backends/*.py search/upstream_modelsearch.py search/suggestions.py)
	$(PY) manage.py update_index -v0
	$(PY) manage.py rebuild_title_words -v0
	touch $@

clean-db:
	rm -f db.sqlite3 $(STAMP)/migrated $(STAMP)/demo-loaded $(STAMP)/indexed

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Runs on SQLite, or on PostgreSQL when DATABASE_URL points at one.
test: system-packages $(VENV)/.installed $(MO_FILES) browser
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest

# Lighthouse's mobile scores of four pages (npm's lighthouse, pinned in tools/lighthouse, on Debian's Chromium).
LIGHTHOUSE_PORT ?= 8107
lighthouse: setup browser tools/lighthouse/node_modules/.installed
	LIGHTHOUSE_PORT=$(LIGHTHOUSE_PORT) $(VENV)/bin/python scripts/lighthouse.py

tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund
	touch $@

# ruff, then the layers of the apps (import-linter, contracts in pyproject.toml).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

check: $(VENV)/.installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

messages: $(VENV)/.installed
	$(PY) manage.py makemessages --ignore=.venv --ignore=tests --ignore=scripts -l fi -l sv --no-obsolete

requirements: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt

# Search measurements (README.md, "Measuring search"), on scratch databases.
# bench-search: latency over N synthetic pages in the standard configurations (N:BACKEND:DB), or one
# chosen with `make bench-search N=100000 BACKEND=elasticsearch DB=postgres` (BACKEND database, opensearch
# or elasticsearch; DB sqlite, a file in .run/, or postgres, a database on DATABASE_URL's server when it
# is PostgreSQL, else on scripts/postgres.sh's; BENCH_QUERIES timed queries per type, at most
# BENCH_BUDGET seconds per type; TYPES=autocomplete times only those query types (comma-separated; autocomplete
# alone skips indexing the pages); KEEP=1 keeps the scratch database and the index, prefix bench_N_,
# for `manage.py bench_search --reuse --index-prefix bench_N_`). Each run has its own scratch
# database, copied from an empty migrated one and dropped afterwards. The search servers and
# PostgreSQL take their ports from the scripts' variables (OPENSEARCH_TEST_PORT, ELASTICSEARCH_TEST_PORT,
# PGTEST_PORT) and stay up for the next run (`scripts/<server>.sh stop`).
BENCH_QUERIES ?= 150
BENCH_BUDGET ?= 120
BENCH_TEMPLATE := $(STAMP)/bench-template.sqlite3
BENCH_PG_TEMPLATE := bench_template
BENCH_CONFIGS := $(if $(N)$(BACKEND)$(DB),$(or $(N),10000):$(or $(BACKEND),database):$(or $(DB),sqlite),\
	1000:database:sqlite 10000:database:sqlite 10000:opensearch:sqlite \
	100000:database:postgres 100000:opensearch:postgres 100000:elasticsearch:postgres)

# An empty migrated database that each benchmark copies.
$(BENCH_TEMPLATE): $(VENV)/.installed $(MIGRATIONS)
	mkdir -p $(STAMP)
	rm -f $@.tmp
	DATABASE_URL=sqlite:///$(CURDIR)/$@.tmp $(PY) manage.py migrate --no-input -v0
	mv $@.tmp $@

bench-search: system-packages $(BENCH_TEMPLATE)
	@set -e; \
	case "$(BENCH_CONFIGS)" in *opensearch*) eval "$$(scripts/opensearch.sh start)";; esac; \
	case "$(BENCH_CONFIGS)" in *elasticsearch*) eval "$$(scripts/elasticsearch.sh start)";; esac; \
	case "$(BENCH_CONFIGS)" in *postgres*) \
	  case "$${DATABASE_URL:-}" in postgres*) pg=$$DATABASE_URL;; \
	    *) pg=$$(scripts/postgres.sh start | sed -n 's/^export DATABASE_URL=//p');; esac; \
	  echo "Migrating the PostgreSQL template database $(BENCH_PG_TEMPLATE)..."; \
	  DATABASE_URL=$$($(PY) -m benchmarks.scratch_db create $$pg $(BENCH_PG_TEMPLATE)) \
	    $(PY) manage.py migrate --no-input -v0;; esac; \
	for config in $(BENCH_CONFIGS); do \
	  n=$${config%%:*}; rest=$${config#*:}; backend=$${rest%%:*}; db=$${rest#*:}; \
	  if [ "$$db" = postgres ]; then \
	    url=$$($(PY) -m benchmarks.scratch_db create $$pg bench_$${n}_$$backend --template $(BENCH_PG_TEMPLATE)); \
	  else \
	    file=$(STAMP)/bench-$$n-$$backend.sqlite3; cp $(BENCH_TEMPLATE) $$file; url=sqlite:///$(CURDIR)/$$file; \
	  fi; \
	  echo "== $$n descriptions, $$backend search, $$db database; load: $$(cut -d' ' -f1-3 /proc/loadavg)"; \
	  status=0; DATABASE_URL=$$url $(PY) manage.py bench_search --count $$n --backend $$backend \
	    --index-prefix bench_$${n}_ --queries $(BENCH_QUERIES) --budget $(BENCH_BUDGET) $(if $(TYPES),--types $(TYPES)) $(if $(KEEP),--keep) || status=$$?; \
	  echo "== load after the run: $$(cut -d' ' -f1-3 /proc/loadavg)"; \
	  if [ -z "$(KEEP)" ]; then \
	    if [ "$$db" = postgres ]; then $(PY) -m benchmarks.scratch_db drop $$pg bench_$${n}_$$backend; else rm -f $$file; fi; \
	  fi; \
	  [ $$status = 0 ] || exit $$status; \
	done; \
	case "$(BENCH_CONFIGS)" in *postgres*) $(PY) -m benchmarks.scratch_db drop $$pg $(BENCH_PG_TEMPLATE);; esac

# search-quality: nDCG@10 and recall@10 of the judged queries on SQLite, PostgreSQL, OpenSearch and Elasticsearch
# beside stock Wagtail; PostgreSQL is DATABASE_URL's server when it is one, else scripts/postgres.sh's.
search-quality: system-packages $(VENV)/.installed
	@set -e; \
	eval "$$(scripts/opensearch.sh start)"; eval "$$(scripts/elasticsearch.sh start)"; \
	case "$${DATABASE_URL:-}" in postgres*) pg=$$DATABASE_URL;; \
	  *) pg=$$(scripts/postgres.sh start | sed -n 's/^export DATABASE_URL=//p');; esac; \
	$(PY) manage.py search_quality --opensearch "$$OPENSEARCH_URL" --elasticsearch "$$ELASTICSEARCH_URL" --postgres "$$pg"

# bench-import: N (default 1,000) generated national descriptions imported with --publish into a
# scratch SQLite database; prints files per second and the memory after each batch of 100.
bench-import: system-packages $(BENCH_TEMPLATE)
	cp $(BENCH_TEMPLATE) $(STAMP)/bench-import.sqlite3
	DATABASE_URL=sqlite:///$(CURDIR)/$(STAMP)/bench-import.sqlite3 $(PY) -m benchmarks.import_bench --count $(or $(N),1000); \
	status=$$?; rm -f $(STAMP)/bench-import.sqlite3; exit $$status
