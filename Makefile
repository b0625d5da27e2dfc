# Toimintamallikirjasto: `make run` sets everything up and serves the site; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .run
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
MIGRATIONS := $(wildcard */migrations/*.py)
# System packages are installed with apt-get, through sudo unless we are root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run setup setup-messages test lint check messages requirements clean-db system-packages browser

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

# Everything `run` needs; each step is redone only when its inputs change.
setup: system-packages $(VENV)/.installed $(MO_FILES) $(STAMP)/migrated $(STAMP)/demo-loaded

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ($(PYTHON)) is needed: see README.md"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

# Debian packages the site needs, installed when missing: gettext's msgfmt compiles the
# translations; libvoikko1 and voikko-fi analyse Finnish for search.
system-packages:
	@command -v msgfmt >/dev/null && dpkg -s voikko-fi libvoikko1 >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext libvoikko1 voikko-fi; }

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | system-packages $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv -l $* -v0

setup-messages: $(MO_FILES)

$(STAMP)/migrated: $(VENV)/.installed $(MIGRATIONS)
	mkdir -p $(STAMP)
	$(PY) manage.py migrate --no-input -v0
	touch $@

$(STAMP)/demo-loaded: $(STAMP)/migrated
	$(PY) manage.py load_demo
	touch $@

clean-db:
	rm -f db.sqlite3 $(STAMP)/migrated $(STAMP)/demo-loaded

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Runs on SQLite, or on PostgreSQL when DATABASE_URL points at one.
test: system-packages $(VENV)/.installed $(MO_FILES) browser
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

messages: $(VENV)/.installed
	$(PY) manage.py makemessages --ignore=.venv --ignore=tests --ignore=scripts -l fi -l sv --no-obsolete

requirements: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt
