#!/usr/bin/env bash
# Benchmarks. Usage: bench/run.sh import [--rows N]
#   import: builds an N-row roster file (default 10000) and imports it through POST /api/people/import
#           in the test context (H2); prints "import rows=N ms=…" (and the export time of the same scope).
set -euo pipefail
cd "$(dirname "$0")/.."

cmd="${1:-}"
shift || true
rows=10000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --rows=*) rows="${1#--rows=}"; shift ;;
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
  *)
    echo "usage: bench/run.sh import [--rows N]" >&2
    exit 2 ;;
esac
