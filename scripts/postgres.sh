#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests.
#   eval "$(scripts/postgres.sh start)"   # prints `export DATABASE_URL=...`
#   scripts/postgres.sh stop
# Uses the server binaries of Debian's postgresql package (installed when missing), with the rum
# extension (postgresql-<version>-rum; search migration 0003's index) when Debian has it.
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

# The rum extension: its package, in a build the server can load (a security update may be built
# against a newer server than the one installed: then an older build is taken). Without it the
# search ranks every match (search.engine), so a failure here only warns.
rum() {
  local bin=$1 version package
  version=$(basename "$(dirname "$bin")")
  package="postgresql-$version-rum"
  dpkg -s "$package" >/dev/null 2>&1 || apt-get install -y -qq "$package" >&2 \
    || { apt-get update -qq >&2 && apt-get install -y -qq "$package" >&2; } || true
  for candidate in "" $(apt-cache madison "$package" 2>/dev/null | awk '{print $3}'); do
    if [ -n "$candidate" ]; then
      apt-get install -y -qq --allow-downgrades "$package=$candidate" >&2 || continue
    fi
    if "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d toimintamallit -X -q \
      -c "CREATE EXTENSION IF NOT EXISTS rum" -c "DROP EXTENSION rum" >/dev/null 2>&1; then
      return 0
    fi
  done
  echo "The rum extension cannot be loaded: PostgreSQL's own search ranks every match." >&2
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
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres toimintamallit
      rum "$BIN"
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
