#!/usr/bin/env bash
# Two nodes behind nginx on one PostgreSQL, one of them killed in the middle of the 亮灯台 deadline load
# (issue 14). Not a test; run by hand (as root it installs nginx with apt-get when missing):
#   bench/two-nodes.sh [--reporters N] [--tasks-per-unit N] [--think-ms MS] [--jobs-seconds S] [--db NAME]
#                      [--ports A,B,NGINX]
# 1. recreates the database NAME (default zugong_two) on 127.0.0.1 (user postgres, PGPASSWORD if needed), starts
#    node A there (profile postgres, demo on) and waits for /actuator/health/readiness = UP (the demo loaded), then
#    node B with the same environment on the same database (it finds the demo loaded and does not load it again),
#    then nginx with docs/deploy/nginx.conf (its two upstream ports and its listen port substituted) as an
#    unprivileged foreground process under bench/out/nginx. The three scheduled jobs fire every 10 s on both nodes
#    (crons shortened for the run); both nodes run side by side for S seconds (default 60) before the load;
# 2. runs bench/LoadTwoNodes.java through nginx: every reporter signs in and opens the reporting page, then all
#    submit their tasks with think times; when half of the submissions are sent, node B is killed with kill -9;
#    the load finishes through nginx on node A, and every reporter opens the page again with its session;
# 3. counts in both nodes' logs the runs of each ShedLock job ("job <lock> ran: …") and prints
#    "two-nodes reporters=… stored=… lost=… duplicated=… errors_5xx=… sessions_kept=… jobs_once=…".
# Exits 1 when a submission is lost or stored twice or a job ran twice. Logs: bench/out/two-nodes-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."

reporters=200
per_unit=3
think_ms=3000
jobs_seconds=60
db=zugong_two
ports=8091,8092,8090
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reporters) reporters="$2"; shift 2 ;;
    --tasks-per-unit) per_unit="$2"; shift 2 ;;
    --think-ms) think_ms="$2"; shift 2 ;;
    --jobs-seconds) jobs_seconds="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --ports) ports="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
IFS=, read -r port_a port_b port_nginx <<< "$ports"

if ! command -v nginx > /dev/null; then
  echo "installing nginx (Debian package)…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y nginx > /dev/null
fi

source bench/lib.sh
load_classpath
load_fresh_db "$db"
out=bench/out
rm -rf "$out/nginx" "$out"/two-nodes-*
mkdir -p "$out/nginx/tmp"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# The jobs of ADR 046 every 10 s instead of hourly / every 10 min / every 5 min; lockAtLeastFor stays as in the code.
job_args=(
  "--zugong.closure.escalation.cron=*/10 * * * * *"
  "--zugong.lighting.job-cron=*/10 * * * * *"
  "--zugong.reports.retention-cron=*/10 * * * * *"
  "--logging.level.cn.zugong.report.ReportRetentionSchedule=DEBUG"
)

# start_node NAME PORT: starts a node on $url and waits until its readiness is UP; sets $node_pid.
start_node() {
  local name="$1" port="$2" log="$out/two-nodes-$1.log"
  echo "starting node $name on port $port (log: $log)…"
  SPRING_PROFILES_ACTIVE=postgres ZUGONG_DEMO=true ZUGONG_DEMO_PASSWORD="${password:-Zugong@2026}" \
    ZUGONG_DB_URL="$url" ZUGONG_DB_USER=postgres ZUGONG_DB_PASSWORD="${PGPASSWORD:-}" PORT="$port" \
    ZUGONG_DATA_DIR="$PWD/$out/two-nodes-data" \
    java -Xmx1g -cp "$cp" cn.zugong.ZugongApplication "${job_args[@]}" > "$log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
  for _ in $(seq 1 900); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; then
      echo "node $name ready"
      return
    fi
    kill -0 "$node_pid" 2>/dev/null || { echo "node $name stopped, see $log" >&2; exit 1; }
    sleep 1
  done
  echo "node $name did not become ready, see $log" >&2
  exit 1
}

demo_counts() {
  psql -h 127.0.0.1 -U postgres -d "$db" -tAc "select (select count(*) from account) || '/' || \
    (select count(*) from org_node) || '/' || (select count(*) from lighting_task) || '/' || \
    (select count(*) from demo_load)"
}

start_node a "$port_a"
pid_a=$node_pid
before_b=$(demo_counts)
start_node b "$port_b"
pid_b=$node_pid
after_b=$(demo_counts)
echo "accounts/org nodes/亮灯台 tasks/demo loads before node B: $before_b, after: $after_b"
if [[ "$before_b" != "$after_b" ]] || grep -q "Loading demo data set" "$out/two-nodes-b.log"; then
  echo "node B loaded demo data again" >&2
  exit 1
fi

# nginx: the deployment config with this run's ports, unprivileged (nobody when run as root), in the foreground
sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$port_a/" -e "s/127\.0\.0\.1:8082/127.0.0.1:$port_b/" \
    -e "s/listen 8080;/listen $port_nginx;/" docs/deploy/nginx.conf > "$out/nginx/nginx.conf"
as_user=()
if [[ $(id -u) == 0 ]]; then
  chown -R nobody:nogroup "$out/nginx"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${as_user[@]}" nginx -p "$PWD/$out/nginx/" -c "$PWD/$out/nginx/nginx.conf" -e stderr -g 'daemon off;' \
  > "$out/two-nodes-nginx.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$port_nginx/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port_nginx/actuator/health/readiness" | grep -q UP \
  || { echo "nginx does not answer, see $out/two-nodes-nginx.log" >&2; exit 1; }
echo "nginx on port $port_nginx → nodes $port_a, $port_b; both nodes run side by side for ${jobs_seconds}s"
sleep "$jobs_seconds"

# the load through nginx; node B is killed when half of the submissions are sent
half="$out/two-nodes-half"
killed="$out/two-nodes-killed"
java -cp "$cp" bench/LoadTwoNodes.java "http://127.0.0.1:$port_nginx" "$url" postgres "$reporters" "$per_unit" \
  "$think_ms" "$half" "$killed" > "$out/two-nodes-client.log" 2> "$out/two-nodes-client.err" &
client=$!
pids+=("$client")
while [[ ! -e "$half" ]] && kill -0 "$client" 2>/dev/null; do sleep 0.2; done
if [[ -e "$half" ]]; then
  kill -9 "$pid_b"
  wait "$pid_b" 2>/dev/null || true
  echo "node B killed (kill -9 $pid_b) at $(date -u +%T) with half of the submissions sent"
  touch "$killed"
fi
wait "$client" || { echo "the load client failed, see $out/two-nodes-client.err" >&2; exit 1; }
cat "$out/two-nodes-client.log"
client_line=$(grep '^two-nodes-client ' "$out/two-nodes-client.log")
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $client_line"; }

# jobs: every "job <lock> ran" line of both nodes, by time; two runs of one lock closer than its lockAtLeastFor
# (less 5 s: the line is logged when the job ends, the lock is taken when it starts) are a double run
jobs_ok=yes
jobs_detail=""
for spec in closure-escalations:60 lighting-job:60 report-retention:30; do
  lock=${spec%%:*}
  least=${spec##*:}
  runs=$(for n in a b; do
    { grep "job $lock ran" "$out/two-nodes-$n.log" || true; } \
      | while read -r ts _; do echo "$(date -d "$ts" +%s.%3N) $n"; done
  done | sort -n)
  count=$(grep -c . <<< "$runs" || true)
  [[ -n "$runs" ]] || count=0
  on_a=$(grep -c ' a$' <<< "$runs" || true)
  on_b=$(grep -c ' b$' <<< "$runs" || true)
  twice=$(awk -v least="$least" 'NR > 1 && $1 - prev < least - 5 { n++ } { prev = $1 } END { print n + 0 }' <<< "$runs")
  echo "job $lock: $count runs ($on_a on A, $on_b on B), $twice closer than ${least}s"
  [[ "$count" -gt 0 && "$twice" == 0 ]] || jobs_ok=no
  jobs_detail+="${jobs_detail:+,}$lock:$count"
done

lost=$(field lost)
duplicated=$(field duplicated)
echo "two-nodes reporters=$(field reporters) stored=$(field stored) lost=$lost duplicated=$duplicated" \
  "errors_5xx=$(field errors_5xx) sessions_kept=$(field sessions_kept) jobs_once=$jobs_ok($jobs_detail)" \
  | tee "$out/two-nodes.log"
[[ "$lost" == 0 && "$duplicated" == 0 && "$jobs_ok" == yes ]]
