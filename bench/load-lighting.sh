#!/usr/bin/env bash
# 亮灯台 load run: 200 concurrent reporters submitting in the last stretch of a reporting window, against the
# running app on PostgreSQL. Not a test; run by hand:
#   bench/load-lighting.sh [--reporters N] [--tasks-per-unit N] [--db NAME] [--port P]
# Recreates the database NAME (default zugong_light2) on 127.0.0.1 (user postgres, PGPASSWORD if needed),
# starts the app there (profile postgres, demo on, port 8097), runs bench/LoadLighting.java (JDK HttpClient:
# form login with the page's CSRF token, then the one-stop reporting page's submit route), stops the app and
# prints "load reporters=… submissions=… stored=… … errors_5xx=… p50_ms=… p99_ms=…".
set -euo pipefail
cd "$(dirname "$0")/.."

reporters=200
per_unit=3
db=zugong_light2
port=8097
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reporters) reporters="$2"; shift 2 ;;
    --tasks-per-unit) per_unit="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
load_classpath
load_fresh_db "$db"
load_start_app "$port" load-app 'Demo 亮灯台'

java -cp "$cp" bench/LoadLighting.java "http://127.0.0.1:$port" "$url" postgres "$reporters" "$per_unit" \
  | tee bench/out/load.log
