#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests.
#   eval "$(scripts/postgres.sh start)"   # prints `export DATABASE_URL=...`
#   scripts/postgres.sh stop
# Uses the server binaries of Debian's postgresql package (installed when missing).
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

PORT="${PGTEST_PORT:-54329}"
DIR="${PGTEST_DIR:-/tmp/toimintamallit-pg}"

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN=$(bindir)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on port $PORT" >&2
    else
      rm -rf "$DIR" && mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
      as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      # Shared buffers as a database server of its own would have them (PostgreSQL's default, 128 MB, is
      # for small machines): the search's word scores of 100,000 descriptions take some 4 GB.
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${PGTEST_SHARED_BUFFERS:-2GB}" \
        start >/dev/null
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres toimintamallit
      echo "PostgreSQL started on port $PORT (data in $DIR)" >&2
    fi
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/toimintamallit"
    ;;
  stop)
    BIN=$(bindir)
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
