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

mkdir -p bench/out
echo "building (compile + runtime classpath)…"
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt -Dmdep.includeScope=runtime
cp="target/classes:$(cat bench/out/cp.txt)"

dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
url="jdbc:postgresql://127.0.0.1:5432/$db"

echo "starting the app on port $port (log: bench/out/load-app.log)…"
SPRING_PROFILES_ACTIVE=postgres ZUGONG_DEMO=true ZUGONG_DB_URL="$url" ZUGONG_DB_USER=postgres \
  ZUGONG_DB_PASSWORD="${PGPASSWORD:-}" PORT="$port" ZUGONG_DATA_DIR="$PWD/bench/out/load-data" \
  java -Xmx1g -cp "$cp" cn.zugong.ZugongApplication > bench/out/load-app.log 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then break; fi
  kill -0 "$app" 2>/dev/null || { echo "the app stopped, see bench/out/load-app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP || { echo "the app did not start" >&2; exit 1; }
# the demo loads after the server is up: wait for its last step (the 亮灯台 demo)
for _ in $(seq 1 600); do
  grep -q 'Demo 亮灯台' bench/out/load-app.log && break
  kill -0 "$app" 2>/dev/null || { echo "the app stopped, see bench/out/load-app.log" >&2; exit 1; }
  sleep 1
done
grep -q 'Demo 亮灯台' bench/out/load-app.log || { echo "the demo did not load" >&2; exit 1; }

java -cp "$cp" bench/LoadLighting.java "http://127.0.0.1:$port" "$url" postgres "$reporters" "$per_unit" \
  | tee bench/out/load.log
