# Shared steps of the load runs (sourced by bench/load-*.sh, which set -euo pipefail and cd to the repository):
# build the runtime classpath, recreate a PostgreSQL database, start the app on it with the demo and wait until
# the demo step named by its log line has loaded. The app is stopped when the calling script exits.

# load_classpath: compiles and sets $cp (target/classes + the runtime dependencies).
load_classpath() {
  mkdir -p bench/out
  echo "building (compile + runtime classpath)…"
  ./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt -Dmdep.includeScope=runtime
  cp="target/classes:$(cat bench/out/cp.txt)"
}

# load_fresh_db NAME: drops and creates the database on 127.0.0.1 (user postgres) and sets $url.
load_fresh_db() {
  dropdb -h 127.0.0.1 -U postgres --if-exists "$1"
  createdb -h 127.0.0.1 -U postgres "$1"
  url="jdbc:postgresql://127.0.0.1:5432/$1"
}

# load_start_app PORT LOG_NAME DEMO_LINE: starts the app on $url (profile postgres, demo on, demo password
# $password if set), waits for /actuator/health and then for the log line DEMO_LINE of the last demo step needed.
load_start_app() {
  local port="$1" log="bench/out/$2.log" line="$3"
  echo "starting the app on port $port (log: $log)…"
  SPRING_PROFILES_ACTIVE=postgres ZUGONG_DEMO=true ZUGONG_DEMO_PASSWORD="${password:-Zugong@2026}" \
    ZUGONG_DB_URL="$url" ZUGONG_DB_USER=postgres ZUGONG_DB_PASSWORD="${PGPASSWORD:-}" PORT="$port" \
    ZUGONG_DATA_DIR="$PWD/bench/out/$2-data" \
    java -Xmx1g -cp "$cp" cn.zugong.ZugongApplication > "$log" 2>&1 &
  app=$!
  trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then break; fi
    kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $log" >&2; exit 1; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP || { echo "the app did not start" >&2; exit 1; }
  # the demo loads after the server is up
  for _ in $(seq 1 600); do
    grep -q "$line" "$log" && break
    kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $log" >&2; exit 1; }
    sleep 1
  done
  grep -q "$line" "$log" || { echo "the demo did not load ($line)" >&2; exit 1; }
}
