#!/usr/bin/env bash
# Starts or stops a throwaway single-node Elasticsearch server for the tests.
#   eval "$(scripts/elasticsearch.sh start)"   # prints `export ELASTICSEARCH_URL=...`
#   scripts/elasticsearch.sh status
#   scripts/elasticsearch.sh stop
# Fetches Elasticsearch's minimal distribution (integ-test zip: no bundled JDK, no x-pack, no
# analysis-common module, so only the standard tokenizer and the lowercase, stop and shingle
# filters) from Maven Central with Maven (Debian's maven package is installed when missing),
# caches it and runs it single-node with security off on the installed Java.
# 8.x runs on Java 17; 9.x needs Java 21 or newer: ELASTICSEARCH_VERSION=9.2.0
# ELASTICSEARCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 (the newest JDK under /usr/lib/jvm is
# taken for 9.x when none is given). Elasticsearch refuses to run as root, so as root the server
# runs as the `elasticsearch-test` user. Messages go to stderr; only the export line goes to stdout.
set -euo pipefail

NAME=Elasticsearch
VERSION="${ELASTICSEARCH_VERSION:-8.19.3}"
PORT="${ELASTICSEARCH_TEST_PORT:-9260}"
TRANSPORT_PORT="${ELASTICSEARCH_TEST_TRANSPORT_PORT:-$((PORT + 100))}"
HEAP="${ELASTICSEARCH_TEST_HEAP:-512m}"
TIMEOUT="${ELASTICSEARCH_TEST_TIMEOUT:-180}"
CACHE="${ELASTICSEARCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toimintamallit/elasticsearch}"
DIR="${ELASTICSEARCH_TEST_DIR:-/tmp/toimintamallit-elasticsearch}"
RUN_USER="${ELASTICSEARCH_TEST_USER:-elasticsearch-test}"
HOME_DIR="$DIR/elasticsearch-$VERSION"
PIDFILE="$DIR/elasticsearch.pid"
ZIP_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip"
ZIP_FILE="elasticsearch-$VERSION.zip"
LAUNCH=elasticsearch
CONFIG_FILE=elasticsearch.yml
ENV_PREFIX=ES
JAVA_OVERRIDE=ELASTICSEARCH_JAVA_HOME
URL_VARIABLE=ELASTICSEARCH_URL

if [ "${VERSION%%.*}" -ge 9 ] && [ -z "${ELASTICSEARCH_JAVA_HOME:-}" ]; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    if [ -x "$jdk/bin/java" ] && [ "$("$jdk/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)" -ge 21 ]; then
      ELASTICSEARCH_JAVA_HOME=${jdk%/}
      break
    fi
  done
fi

# shellcheck source=lib/search_server.sh
source "$(dirname "$0")/lib/search_server.sh"

fetch_extras() { true; }
install_extras() { true; }

server_settings() {
  echo "xpack.security.enabled: false"
}

main "$@"
