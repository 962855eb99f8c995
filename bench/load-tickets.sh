#!/usr/bin/env bash
# 问题清单 load run: the seed's year of problem tickets (19,153 found, 18,487 solved) and the statistics page on
# PostgreSQL, against the running app. Not a test; run by hand:
#   bench/load-tickets.sh [--tickets N] [--solved N] [--visits N] [--year Y] [--requests N] [--db NAME] [--port P]
# Recreates the database NAME (default zugong_tickets) on 127.0.0.1 (user postgres, PGPASSWORD if needed), starts
# the app there (profile postgres, demo on, port 8098), generates the visits (40,000, SQL below) and the tickets with
# bench/LoadTickets.java (it starts the application next to the running one and writes them with its batch import,
# TicketHistory → TicketBatch → ClosureItems.importHistorical: JDBC batches of closure items, their events, ticket rows, callbacks;
# generate_ms is the write alone), then times
# /tickets/figures (signed in as the city administrator `admin`) and /api/tickets/figures over HTTP, stops the app
# and prints "tickets tickets=… solved=… rate=…% … figures_p50_ms=… figures_p99_ms=… figures_max_ms=… api_p50_ms=…".
# Target: the statistics page under 300 ms (p99).
set -euo pipefail
cd "$(dirname "$0")/.."

tickets=19153
solved=18487
visits=40000
year=2025
requests=50
db=zugong_tickets
port=8098
password="${ZUGONG_DEMO_PASSWORD:-Zugong@2026}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tickets) tickets="$2"; shift 2 ;;
    --solved) solved="$2"; shift 2 ;;
    --visits) visits="$2"; shift 2 ;;
    --year) year="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
load_classpath
load_fresh_db "$db"
load_start_app "$port" load-tickets-app 'Demo 问题清单'

# ---- visits ---------------------------------------------------------------------------------------------------
# generate_visits: the year's visit logs (default 40,000, --visits N) spread over the demo cadres' charges, each
# visit's kind following its charge (项目 → 项目对接, 企业 → 走访企业, 村（社区） → 走访渔农户), one in ten with a problem
# found; written before the tickets so that the statistics page (which prints the visits by kind beside the
# tickets) is timed with both in the database.
generate_visits() {
  local started=$(date +%s%N)
  psql -h 127.0.0.1 -U postgres -d "$db" -q -v ON_ERROR_STOP=1 -v n="$visits" -v y="$year" <<'SQL'
delete from service_visit where created_by = 'bench';
insert into service_visit (cadre_id, charge_id, kind, visit_date, place, whom, notes, problem, created_by, created_at)
select c.cadre_id, c.id, case c.target_kind when 'VILLAGE' then 'FARMER' else c.target_kind end,
       make_date(:y, 1, 1) + (g * 7919 % 365), '压测走访地点', '压测走访对象', null, g % 10 = 0, 'bench', now()
from generate_series(0, :n - 1) g
join (select id, cadre_id, target_kind, row_number() over (order by id) - 1 as rn, count(*) over () as total
      from service_charge) c on c.rn = g % c.total;
analyze service_visit;
SQL
  echo "visits: $(psql -h 127.0.0.1 -U postgres -d "$db" -qAt -c "select count(*) from service_visit where created_by = 'bench'") written in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}
generate_visits
# -------------------------------------------------------------------------------------------------------------

java -cp "$cp" bench/LoadTickets.java "http://127.0.0.1:$port" "$url" postgres "$password" "$tickets" "$solved" \
  "$year" 3309 "$requests" | tee bench/out/load-tickets.log
