#!/usr/bin/env bash
# Benchmarks. Usage: bench/run.sh import [--rows N] | bench/run.sh lighting [--units N] [--tasks N]
#   import: builds an N-row roster file (default 10000) and imports it through POST /api/people/import
#           in the test context (H2); prints "import rows=N ms=…" (and the export time of the same scope).
#   lighting: month close of a list with N tasks (default 110) for each of M units (default 100) and twelve
#           months of reports, in the test context (H2), then the same for the demo size (110 tasks); prints
#           "lighting tasks=… units=… reports=… close_ms=… cold_close_ms=…" (best of 5) for each.
#           --postgres URL runs it on PostgreSQL instead (the database is cleaned), e.g.
#           --postgres jdbc:postgresql://127.0.0.1:5432/zugong_bench
set -euo pipefail
cd "$(dirname "$0")/.."

cmd="${1:-}"
shift || true
rows=10000
units=100
tasks=110
pg=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --rows=*) rows="${1#--rows=}"; shift ;;
    --units) units="$2"; shift 2 ;;
    --tasks) tasks="$2"; shift 2 ;;
    --postgres) pg=(-Ppostgres "-Dzugong.test.db.url=$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

case "$cmd" in
  import)
    mkdir -p bench/out
    ./mvnw -q -B test -Dtest=RosterImportBenchmark -Dit.excludedGroups=none -Dbench.rows="$rows" \
      -Dsurefire.failIfNoSpecifiedTests=false | tee bench/out/import.log | grep -E '^(import|export) ' || {
        echo "benchmark failed, see bench/out/import.log and target/surefire-reports" >&2; exit 1; }
    ;;
  lighting)
    mkdir -p bench/out
    ./mvnw -q -B test "${pg[@]}" -Dtest=LightingCloseBenchmark -Dit.excludedGroups=none -Dbench.units="$units" \
      -Dbench.tasks="$tasks" -Dsurefire.failIfNoSpecifiedTests=false | tee bench/out/lighting.log \
      | grep -E '^lighting ' || { echo "benchmark failed, see bench/out/lighting.log" >&2; exit 1; }
    ;;
  *)
    echo "usage: bench/run.sh import [--rows N] | lighting [--units N] [--tasks N] [--postgres JDBC_URL]" >&2
    exit 2 ;;
esac
