# shellcheck shell=bash
# What scripts/opensearch.sh and scripts/elasticsearch.sh share: fetching a server's minimal
# distribution (integ-test zip, no bundled JDK) from Maven Central with Maven into a cache,
# unpacking it, starting it on the installed Java as an unprivileged user, waiting for it to be
# healthy, and stopping it. The sourcing script sets:
#   NAME (shown in messages), VERSION, PORT, TRANSPORT_PORT, HEAP, TIMEOUT, CACHE, DIR, RUN_USER,
#   HOME_DIR (the unpacked distribution), ZIP_ARTIFACT (G:A:V:zip), ZIP_FILE, LAUNCH (the start
#   command under bin/), CONFIG_FILE (under config/), ENV_PREFIX (OPENSEARCH or ES), JAVA_OVERRIDE
#   (the variable that picks a Java), URL_VARIABLE (printed as export URL_VARIABLE=...),
# and defines server_settings (lines of CONFIG_FILE beyond the common ones), fetch_extras and
# install_extras (may do nothing).
# Messages go to stderr; only the export line goes to stdout.
set -euo pipefail

PIDFILE="${PIDFILE:-$DIR/server.pid}"
URL="http://127.0.0.1:$PORT"
LAUNCHER=""

say() { echo "$(basename "$0"): $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  is_root || die "$1 is missing and only root can install it: run 'sudo apt-get install -y $2'"
  say "installing Debian's $2 ($1 is missing)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } >&2 ||
    die "apt-get install $2 failed (see above)"
}

need() { # need COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 || apt_install "$1" "$2"
  command -v "$1" >/dev/null 2>&1 || die "$1 is still not on PATH after installing $2"
}

java_home() {
  local home="${!JAVA_OVERRIDE:-${JAVA_HOME:-}}"
  if [ -z "$home" ]; then
    need java default-jre-headless
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  [ -x "$home/bin/java" ] || die "no Java at $home (set $JAVA_OVERRIDE or JAVA_HOME to a JDK/JRE)"
  echo "$home"
}

# mvn_fetch G:A:V:TYPE FILE  -- copies one artifact from Maven Central into the cache.
mvn_fetch() {
  local artifact=$1 file=$2 tmp log
  [ -s "$CACHE/$file" ] && return 0
  need mvn maven
  tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX")
  log="$tmp/mvn.log"
  say "downloading $artifact"
  if ! (cd "$tmp" && mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$tmp/out" >"$log" 2>&1); then
    sed 's/\x1b\[[0-9;]*m//g' "$log" >&2 # without Maven's colour codes
    rm -rf "$tmp"
    die "Maven could not fetch $artifact (output above)"
  fi
  [ -s "$tmp/out/$file" ] || { ls -la "$tmp/out" >&2 || true; rm -rf "$tmp"; die "Maven did not produce $file"; }
  mv "$tmp/out/$file" "$CACHE/$file"
  rm -rf "$tmp"
}

download() {
  mkdir -p "$CACHE" || die "cannot create the cache directory $CACHE"
  exec 9>"$CACHE/.lock"
  flock 9
  mvn_fetch "$ZIP_ARTIFACT" "$ZIP_FILE"
  fetch_extras
  flock -u 9
}

configure() {
  {
    echo "cluster.name: toimintamallit-test"
    echo "node.name: test-node"
    echo "network.host: 127.0.0.1"
    echo "http.port: $PORT"
    echo "transport.port: $TRANSPORT_PORT"
    echo "discovery.type: single-node"
    echo "path.data: $DIR/data"
    echo "path.logs: $DIR/logs"
    echo "cluster.routing.allocation.disk.threshold_enabled: false"
    echo "action.destructive_requires_name: false"
    server_settings
  } >"$HOME_DIR/config/$CONFIG_FILE"
  printf -- '-Xms%s\n-Xmx%s\n' "$HEAP" "$HEAP" >"$HOME_DIR/config/jvm.options.d/toimintamallit.options"
}

server_pid() { # prints the pid when our server process is alive
  local pid
  [ -s "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

health() { curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null; }

log_tail() { # the server's console output (its log plus anything the JVM printed)
  say "--- last lines of $DIR/startup.log (full log in $DIR/logs/) ---"
  tail -n 60 "$DIR/startup.log" >&2 || true
}

wait_ready() {
  local deadline=$((SECONDS + TIMEOUT)) out
  while :; do
    if out=$(health) && [[ $out =~ \"status\":\"(green|yellow)\" ]]; then
      return 0
    fi
    if ! server_pid >/dev/null && ! { [ -n "$LAUNCHER" ] && kill -0 "$LAUNCHER" 2>/dev/null; }; then
      log_tail
      die "$NAME exited during start-up (log above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tail
      # A server this call started is not left running half-up; the files stay for a look.
      if [ -n "$LAUNCHER" ]; then kill_server; fi
      die "$NAME was not yellow or green at $URL within ${TIMEOUT}s (last health answer: ${out:-none}); files in $DIR"
    fi
    sleep 1
  done
}

start() {
  local pid jhome started=$SECONDS
  need curl curl
  need unzip unzip
  need flock util-linux
  if pid=$(server_pid); then
    say "$NAME already running (pid $pid) on port $PORT"
    wait_ready
    return 0
  fi
  if curl -sS --max-time 2 -o /dev/null "$URL/" 2>/dev/null; then
    die "something else already answers on $URL; stop it or choose another port"
  fi
  jhome=$(java_home)
  download
  if is_root && ! id -u "$RUN_USER" >/dev/null 2>&1; then
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$RUN_USER" || die "useradd $RUN_USER failed"
  fi
  rm -rf "$DIR" && mkdir -p "$DIR"
  unzip -q "$CACHE/$ZIP_FILE" -d "$DIR" || die "cannot unpack $CACHE/$ZIP_FILE (delete it to download again)"
  [ -x "$HOME_DIR/bin/$LAUNCH" ] || die "$HOME_DIR/bin/$LAUNCH missing after unpacking"
  install_extras
  configure
  mkdir -p "$DIR/data" "$DIR/logs" "$DIR/tmp"
  if is_root; then chown -R "$RUN_USER": "$DIR"; fi
  say "starting $NAME $VERSION on $URL (Java at $jhome, heap $HEAP, files in $DIR)"
  # In the background in its own session (not with -d, whose launcher returns before the
  # pid file exists), so that a failed start-up is seen at once through the launcher's pid.
  local as_owner=()
  if is_root; then as_owner=(runuser -u "$RUN_USER" --); fi
  setsid "${as_owner[@]}" env "${ENV_PREFIX}_JAVA_HOME=$jhome" JAVA_HOME="$jhome" "${ENV_PREFIX}_PATH_CONF=$HOME_DIR/config" \
    "${ENV_PREFIX}_TMPDIR=$DIR/tmp" "$HOME_DIR/bin/$LAUNCH" -p "$PIDFILE" </dev/null >"$DIR/startup.log" 2>&1 &
  LAUNCHER=$!
  wait_ready
  say "$NAME $VERSION is up on $URL after $((SECONDS - started))s (stop with: $0 stop)"
}

kill_server() { # the server in $PIDFILE, else the launcher this call started
  local pid _
  pid=$(server_pid) || pid="$LAUNCHER"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$NAME (pid $pid) did not stop in 30s; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  say "$NAME stopped"
}

stop() {
  kill_server
  rm -rf "$DIR"
}

status() {
  local pid out
  if pid=$(server_pid); then
    out=$(curl -fsS --max-time 5 "$URL/_cluster/health" 2>&1) || out="no answer: $out"
    echo "$NAME running (pid $pid) on $URL: $out"
  else
    echo "$NAME not running (no live pid in $PIDFILE)"
    return 1
  fi
}

main() {
  case "${1:-}" in
    start)
      start
      echo "export $URL_VARIABLE=$URL"
      ;;
    stop) stop ;;
    status) status ;;
    *)
      echo "usage: $0 start|stop|status" >&2
      exit 2
      ;;
  esac
}
