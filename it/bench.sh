#!/usr/bin/env bash
# Every benchmark (it/src/test/java/**/*Bench.java) on H2, then on the local PostgreSQL in a fresh database
# (127.0.0.1:5432, user postgres, as .ci/run uses it), SearchBench there in a database of its own: its figures are
# for the 100,000 tickets it seeds and the runbooks, not for whatever the other benchmarks' warm-ups left (they
# repeat the mail corpus until the server's JIT has settled, tens of thousands of tickets). The figures of all runs
# end up in one report: it/target/bench/report.md, report.json and latency.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
rm -rf it/target/bench
./mvnw -B -ntp -q install -DskipTests -DskipITs
echo "== benchmarks on H2"
./mvnw -B -ntp verify -Pbench -DskipUnitTests -pl it
dbs=()
cleanup() {
  for db in "${dbs[@]}"; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  done
}
trap cleanup EXIT
# on PostgreSQL in a fresh database: bench (a failsafe test pattern: which benchmarks)
on_postgres() {
  local db="opsdesk_bench_$(date +%s)_$$_${#dbs[@]}"
  dbs+=("$db")
  psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
  OPSDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" OPSDESK_DB_USER=postgres OPSDESK_DB_PASSWORD=postgres \
  OPSDESK_DB_DRIVER=postgresql ./mvnw -B -ntp verify -Pbench -DskipUnitTests -pl it -Dit.test="$1" \
    -Dfailsafe.failIfNoSpecifiedTests=false
}
echo "== benchmarks on PostgreSQL"
on_postgres '*Bench,!SearchBench'
echo "== SearchBench on PostgreSQL, in a database of its own"
on_postgres 'SearchBench'
echo "== benchmarks done in $(( $(date +%s) - start )) s: it/target/bench/report.md"
