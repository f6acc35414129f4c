#!/usr/bin/env bash
# Every benchmark (it/src/test/java/**/*Bench.java) on H2, then on the local PostgreSQL in a fresh database
# (127.0.0.1:5432, user postgres, as .ci/run uses it). The figures of both runs end up in one report:
# it/target/bench/report.md, report.json and latency.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
rm -rf it/target/bench
./mvnw -B -ntp -q install -DskipTests -DskipITs
echo "== benchmarks on H2"
./mvnw -B -ntp verify -Pbench -DskipUnitTests -pl it
echo "== benchmarks on PostgreSQL"
db="opsdesk_bench_$(date +%s)_$$"
psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
cleanup() { psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; }
trap cleanup EXIT
OPSDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" OPSDESK_DB_USER=postgres OPSDESK_DB_PASSWORD=postgres \
OPSDESK_DB_DRIVER=postgresql ./mvnw -B -ntp verify -Pbench -DskipUnitTests -pl it
echo "== benchmarks done in $(( $(date +%s) - start )) s: it/target/bench/report.md"
