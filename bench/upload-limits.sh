#!/usr/bin/env bash
# Upload limits (issue 12, hole 1; ADR 035): what a large 亮灯 task import costs the server. Not a test; run by hand:
#   bench/upload-limits.sh [--port P]
# Starts the app on H2 (demo on, a fresh data dir under bench/out, -Xmx1g, port 18081), writes task sheets of
# 200,000 / 60,000 / 2,000 rows (bench/UploadFiles.java, POI's streaming writer), signs in with the form and posts
# each to /lighting/import?listId=1 as the read-only 领导 and as the city administrator, three 领导 uploads at once
# too; prints "upload user=… rows=… bytes=… status=… ms=… rss_kb_before=… rss_kb_after=…" per request.
set -euo pipefail
cd "$(dirname "$0")/.."

port=18081
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
load_classpath
java -cp "$cp" bench/UploadFiles.java 200000 60000 2000
rm -rf bench/out/upload-data
echo "starting the app on port $port (log: bench/out/upload-app.log)…"
ZUGONG_DEMO=true ZUGONG_DEMO_PASSWORD=Zugong@2026 PORT="$port" ZUGONG_DATA_DIR="$PWD/bench/out/upload-data" \
  java -Xmx1g -cp "$cp" cn.zugong.ZugongApplication > bench/out/upload-app.log 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q 'Demo 亮灯台' bench/out/upload-app.log && curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP && break
  kill -0 "$app" 2>/dev/null || { echo "the app stopped, see bench/out/upload-app.log" >&2; exit 1; }
  sleep 1
done

base="http://127.0.0.1:$port"
csrf() { grep -o '_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//;s/"$//'; }

# upload USER ROWS: one signed-in POST of bench/out/lighting-ROWS.xlsx
upload() {
  local user="$1" rows="$2" jar token before after out
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" \
    --data-urlencode "password=Zugong@2026" --data-urlencode "_csrf=$token" "$base/login"
  token=$(curl -s -c "$jar" -b "$jar" "$base/lighting" | csrf)
  before=$(ps -o rss= -p "$app" | tr -d ' ')
  out=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w "%{http_code} %{time_total}" -H "X-CSRF-TOKEN: $token" \
    -F "file=@bench/out/lighting-$rows.xlsx" "$base/lighting/import?listId=1")
  after=$(ps -o rss= -p "$app" | tr -d ' ')
  rm -f "$jar"
  echo "upload user=$user rows=$rows bytes=$(stat -c %s "bench/out/lighting-$rows.xlsx") status=${out% *}" \
    "ms=$(awk -v t="${out#* }" 'BEGIN{printf "%d", t*1000}') rss_kb_before=$before rss_kb_after=$after"
}

upload leader 200000
upload admin 200000
upload admin 60000
upload admin 60000
upload admin 2000
pids=()
for _ in 1 2 3; do upload leader 200000 & pids+=($!); done
wait "${pids[@]}"
