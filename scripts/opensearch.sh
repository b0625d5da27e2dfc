#!/usr/bin/env bash
# Starts or stops a throwaway single-node OpenSearch server for the tests.
#   eval "$(scripts/opensearch.sh start)"   # prints `export OPENSEARCH_URL=...`
#   scripts/opensearch.sh status
#   scripts/opensearch.sh stop
# Fetches OpenSearch's minimal distribution (integ-test zip, no bundled JDK) and its
# analysis-common module (language analyzers, asciifolding, edge_ngram, snowball...) from
# Maven Central with Maven (Debian's maven package is installed when missing), caches them,
# installs the module into the unpacked distribution and runs it on the installed Java.
# OpenSearch refuses to run as root, so as root the server runs as the `opensearch-test` user.
# Messages go to stderr; only the export line goes to stdout. The steps are in lib/search_server.sh.
set -euo pipefail

NAME=OpenSearch
VERSION="${OPENSEARCH_VERSION:-2.19.4}"
PORT="${OPENSEARCH_TEST_PORT:-9250}"
TRANSPORT_PORT="${OPENSEARCH_TEST_TRANSPORT_PORT:-$((PORT + 100))}"
HEAP="${OPENSEARCH_TEST_HEAP:-512m}"
TIMEOUT="${OPENSEARCH_TEST_TIMEOUT:-120}"
CACHE="${OPENSEARCH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toimintamallit/opensearch}"
DIR="${OPENSEARCH_TEST_DIR:-/tmp/toimintamallit-opensearch}"
RUN_USER="${OPENSEARCH_TEST_USER:-opensearch-test}"
HOME_DIR="$DIR/opensearch-$VERSION"
PIDFILE="$DIR/opensearch.pid"
ZIP_ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip"
ZIP_FILE="opensearch-$VERSION.zip"
LAUNCH=opensearch
CONFIG_FILE=opensearch.yml
ENV_PREFIX=OPENSEARCH
JAVA_OVERRIDE=OPENSEARCH_JAVA_HOME
URL_VARIABLE=OPENSEARCH_URL

# shellcheck source=lib/search_server.sh
source "$(dirname "$0")/lib/search_server.sh"

fetch_extras() {
  mvn_fetch "org.opensearch.plugin:analysis-common:$VERSION:jar" "analysis-common-$VERSION.jar"
}

# The integ-test zip ships only the transport-netty4 module; analysis-common is laid out the
# same way: its jar plus a plugin descriptor. Its Painless extension (an SPI file in the jar)
# is only looked up when lang-painless is installed, so it does not need extended.plugins.
install_extras() {
  local mod="$HOME_DIR/modules/analysis-common"
  mkdir -p "$mod"
  cp "$CACHE/analysis-common-$VERSION.jar" "$mod/"
  cat >"$mod/plugin-descriptor.properties" <<DESCRIPTOR
description=Adds "built in" analyzers to OpenSearch.
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
DESCRIPTOR
}

server_settings() {
  if [ -d "$HOME_DIR/plugins/opensearch-security" ]; then echo "plugins.security.disabled: true"; fi
}

main "$@"
