#!/usr/bin/env bash
# Starts the provisioned OpsDesk server in the foreground with the freshly built EAR.
# usage: run.sh SERVER_DIR EAR_FILE WORKING_DIR
set -euo pipefail
server=$1 ear=$2 workdir=$3
rm -f "$server"/standalone/deployments/opsdesk.ear*
cp "$ear" "$server/standalone/deployments/opsdesk.ear"
cd "$workdir"
export OPSDESK_DATA_DIR="${OPSDESK_DATA_DIR:-$workdir/data}"
mkdir -p "$OPSDESK_DATA_DIR"
# absolute: H2 refuses a relative path that does not start with ./ (OPSDESK_DATA_DIR=data)
OPSDESK_DATA_DIR="$(cd "$OPSDESK_DATA_DIR" && pwd)"
export OPSDESK_DATA_DIR
# the script then runs the server's JVM as its child and hands it the signals it gets: a stop of Maven (SIGTERM)
# otherwise left the server running, holding the port and the database
export LAUNCH_JBOSS_IN_BACKGROUND=1
echo "OpsDesk: data in $OPSDESK_DATA_DIR, http://localhost:${OPSDESK_HTTP_PORT:-8080}/"
exec "$server/bin/standalone.sh"
