#!/usr/bin/env bash
# Upload limits (issue 12, hole 1; ADR 035): what a large 亮灯 task import costs the server. Not a test; run by hand:
#   bench/upload-limits.sh [--port P]
# Starts the app on H2 (demo on, a fresh data dir under bench/out, -Xmx1g, port 18081), writes task sheets of
# 200,000 / 60,000 / 2,000 rows (bench/UploadFiles.java, POI's streaming writer), signs in with the form and posts
# each to /lighting/import?listId=1 as the read-only 领导 and as the city administrator, three 领导 uploads at once
# too; prints "upload user=… rows=… bytes=… status=… ms=… rss_kb_before=… rss_kb_after=…" per request, beside the
# limits written by hand below (the status each caller must get, the time and the resident-memory growth allowed),
# and exits 1 when a request breaks its limit.
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

# upload USER ROWS STATUS MAX_MS MAX_RSS_GROWTH_KB: one signed-in POST of bench/out/lighting-ROWS.xlsx, checked
# against the status it must get and the time and memory growth it may cost
upload() {
  local user="$1" rows="$2" want="$3" max_ms="$4" max_kb="$5" jar token before after out status ms verdict
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
  status=${out% *}
  ms=$(awk -v t="${out#* }" 'BEGIN{printf "%d", t*1000}')
  verdict=ok
  if [ "$status" != "$want" ] || [ "$ms" -gt "$max_ms" ] || [ $((after - before)) -gt "$max_kb" ]; then
    verdict=FAIL
    echo 1 > bench/out/upload-failed
  fi
  echo "upload user=$user rows=$rows bytes=$(stat -c %s "bench/out/lighting-$rows.xlsx") status=$status" \
    "ms=$ms rss_kb_before=$before rss_kb_after=$after limit: status=$want ms<=$max_ms rss_growth_kb<=$max_kb $verdict"
}

# The limits, by hand (ADR 035): the read-only 领导 is refused before the file is read; the administrator's
# 12.7 MB file is over the 5 MB limit; 60,000 rows stop at the 2,000-row cap; 2,000 rows import (the page answers).
# The probe saw 8.5 s and +324 MB for the first line before the fix.
rm -f bench/out/upload-failed
upload leader 200000 403 1000 32768
upload admin 200000 400 2000 65536
upload admin 60000 400 5000 131072
upload admin 60000 400 3000 65536
upload admin 2000 200 10000 131072
pids=()
for _ in 1 2 3; do upload leader 200000 403 3000 65536 & pids+=($!); done
wait "${pids[@]}"
if [ -e bench/out/upload-failed ]; then
  echo "upload limits: FAILED (a line above broke its limit)"
  exit 1
fi
echo "upload limits: all within their limits"
