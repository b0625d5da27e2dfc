#!/usr/bin/env bash
# Serves the site with the production settings on one machine: gunicorn (workers from the cores)
# and the background task worker, both stopped together. `make serve` calls it after setup.
#   scripts/serve.sh HOST PORT
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${1:-127.0.0.1}"
PORT="${2:-8000}"
RUN=.run
mkdir -p "$RUN"
# A local secret, generated once and kept out of the repository.
if [ ! -s "$RUN/secret_key" ]; then
  (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))' >"$RUN/secret_key")
fi
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="$(cat "$RUN/secret_key")"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SITE_URL="${SITE_URL:-http://$HOST:$PORT}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-$SITE_URL}"
# Plain HTTP on this machine; behind a TLS proxy leave HTTPS unset (README, "Deployment").
export HTTPS="${HTTPS:-false}"
# Uploaded images from Django itself (a proxy serves them in a real deployment).
export SERVE_MEDIA="${SERVE_MEDIA:-true}"
WORKERS="${WEB_CONCURRENCY:-$((2 * $(nproc) + 1))}"

.venv/bin/python manage.py collectstatic --no-input -v0
echo "Serving on http://$HOST:$PORT/ with $WORKERS workers (production settings)"
.venv/bin/python manage.py db_worker --interval 0.5 &
worker=$!
.venv/bin/gunicorn config.wsgi:application --bind "$HOST:$PORT" --workers "$WORKERS" \
  --access-logfile "${ACCESS_LOG:--}" --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" &
web=$!
# When either stops (or this script is told to stop), the other stops too.
trap 'kill "$worker" "$web" 2>/dev/null || true' EXIT INT TERM
wait -n
