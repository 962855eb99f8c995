#!/usr/bin/env bash
# Backup and restore drill (ADR 049; procedure in docs/guide/operations.md, "Backup and restore"):
#   1. dumps the source database with pg_dump (custom format) in one exported snapshot, and counts the rows of
#      every table in that same snapshot (so a running application does not make the counts differ);
#   2. restores the dump into a fresh database with pg_restore;
#   3. counts every table there and compares;
#   4. starts the application once on the restored database in its command mode, with the keys from their own
#      backup: --zugong.crypto.verify (the keys open the personal data, the blind indexes match) and
#      --zugong.audit.verify (the audit chain is intact); nothing else starts;
#   5. prints   restore-drill tables=N rows=N mismatches=0 audit_chain=ok personal_data=ok dump_bytes=N seconds=N
#      and exits non-zero on any mismatch or failed check.
#
# Usage: ops/restore-drill.sh [--source DB] [--target DB] [--keys FILE] [--seed] [--keep]
#   --source DB   the database to back up (default: zugong)
#   --target DB   the fresh database to restore into; dropped first if it exists (default: <source>_restore_drill)
#   --keys FILE   the keys' backup: a file of ZUGONG_DATA_KEY=…, ZUGONG_INDEX_KEY=…, ZUGONG_DATA_KEY_ID=…,
#                 ZUGONG_DATA_KEYS_OLD=…, ZUGONG_API_TOKEN_SECRET=… lines (default: those variables from the
#                 environment); the application does not start outside the demo without the API-token secret
#   --seed        first create the source (default name zugong_drill_source) with the demo, under newly generated
#                 keys written to the keys file: what CI runs (.ci/run)
#   --keep        keep the restored database (and a seeded source) for inspection
# Connection: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD as for psql.
# The application: ZUGONG_JAR (default: the newest target/zugong-*.jar, built with ./mvnw package if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
source_db="" target_db="" keys="" seed=no keep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source_db="$2"; shift 2 ;;
    --target) target_db="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    --seed) seed=yes; shift ;;
    --keep) keep=yes; shift ;;
    *) echo "unknown argument: $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
if [ "$seed" = yes ]; then source_db="${source_db:-zugong_drill_source}"; else source_db="${source_db:-zugong}"; fi
target_db="${target_db:-${source_db}_restore_drill}"
[ "$source_db" != "$target_db" ] || { echo "the target must not be the source" >&2; exit 2; }
out="target/restore-drill"
mkdir -p "$out"
start=$SECONDS
say() { printf '[restore-drill %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

jar="${ZUGONG_JAR:-$(ls -t target/zugong-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)}"
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  say "no application jar: building it (./mvnw package, tests skipped)"
  ./mvnw -q -B -ntp package -DskipTests
  jar="$(ls -t target/zugong-*.jar | head -n 1)"
fi

app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ "$keep" = no ]; then
    dropdb --if-exists "$target_db" 2>/dev/null || true
    [ "$seed" = yes ] && { dropdb --if-exists "$source_db" 2>/dev/null || true; }
  fi
}
trap cleanup EXIT

# --- 0. (--seed) a source database with the demo, under keys of its own ----------------------------------------
if [ "$seed" = yes ]; then
  keys="${keys:-$out/keys.env}"
  printf 'ZUGONG_DATA_KEY=%s\nZUGONG_DATA_KEY_ID=drill1\nZUGONG_INDEX_KEY=%s\nZUGONG_API_TOKEN_SECRET=%s\n' \
    "$(head -c 16 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64 -w0)" \
    "$(head -c 32 /dev/urandom | base64 -w0)" >"$keys"
  chmod 600 "$keys"
  say "seeding $source_db with the demo (log: $out/seed.log)"
  dropdb --if-exists "$source_db"
  createdb "$source_db"
  port=$((18000 + RANDOM % 1000))
  (set -a; . "$keys"; set +a
   exec env SPRING_PROFILES_ACTIVE=postgres ZUGONG_DEMO=true PORT="$port" \
     ZUGONG_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$source_db" ZUGONG_DB_USER="$PGUSER" \
     ZUGONG_DB_PASSWORD="${PGPASSWORD:-}" ZUGONG_DATA_DIR="$PWD/$out/seed-data" \
     java -Xmx1g -jar "$jar") >"$out/seed.log" 2>&1 &
  app=$!
  # readiness turns UP only once the whole demo is loaded (ADR 047)
  for _ in $(seq 1 400); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    kill -0 "$app" 2>/dev/null || { tail -n 30 "$out/seed.log" >&2; echo "the seeding app stopped" >&2; exit 1; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q UP \
    || { echo "the seeding app did not become ready" >&2; exit 1; }
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  say "seeded in $((SECONDS - start)) s"
fi

if [ -n "$keys" ]; then
  [ -r "$keys" ] || { echo "cannot read the keys file $keys" >&2; exit 2; }
  set -a; . "$keys"; set +a
fi
[ -n "${ZUGONG_DATA_KEY:-}" ] && [ -n "${ZUGONG_INDEX_KEY:-}" ] && [ -n "${ZUGONG_API_TOKEN_SECRET:-}" ] \
  || { echo "no keys: give --keys FILE or set ZUGONG_DATA_KEY, ZUGONG_INDEX_KEY and ZUGONG_API_TOKEN_SECRET" \
         "(the keys' backup)" >&2; exit 2; }

# Rows of every table, "schema.table|count" sorted, in one statement (query_to_xml runs one count per table).
count_sql="select table_schema || '.' || table_name || '|' ||
  (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', table_schema, table_name),
   false, true, '')))[1]::text
  from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1;"

# --- 1. dump and count in one snapshot ------------------------------------------------------------------------
dump="$out/$source_db.dump"
say "dumping $source_db to $dump"
coproc SRC { psql -X -q -At -v ON_ERROR_STOP=1 -d "$source_db" 2>&1; }
exec 3>&"${SRC[1]}" 4<&"${SRC[0]}"
printf '%s\n' "begin transaction isolation level repeatable read, read only;" "select pg_export_snapshot();" >&3
read -r -t 60 snapshot <&4 || { echo "no snapshot from $source_db" >&2; exit 1; }
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || { echo "psql on $source_db: $snapshot" >&2; exit 1; }
pg_dump -Fc --snapshot="$snapshot" -d "$source_db" -f "$dump"
printf '%s\n' "$count_sql" '\echo __end__' >&3
: >"$out/source.counts"
while read -r -t 600 line <&4; do
  [ "$line" = __end__ ] && break
  echo "$line" >>"$out/source.counts"
done
printf '%s\n' "commit;" '\q' >&3
exec 3>&- 4<&-
wait "$SRC_PID" 2>/dev/null || true
grep -q '|' "$out/source.counts" || { echo "could not count the rows of $source_db" >&2; exit 1; }
dump_bytes=$(stat -c %s "$dump")

# --- 2. restore into a fresh database -------------------------------------------------------------------------
say "restoring into the fresh database $target_db"
dropdb --if-exists "$target_db"
createdb "$target_db"
pg_restore --exit-on-error --no-owner -j 2 -d "$target_db" "$dump"

# --- 3. count and compare -------------------------------------------------------------------------------------
psql -X -q -At -v ON_ERROR_STOP=1 -d "$target_db" -c "$count_sql" >"$out/target.counts"
tables=$(wc -l <"$out/source.counts")
rows=$(awk -F'|' '{ s += $2 } END { print s + 0 }' "$out/source.counts")
for f in source target; do LC_ALL=C sort -o "$out/$f.counts" "$out/$f.counts"; done
mismatches=$(LC_ALL=C join -t'|' -a1 -a2 -e missing -o 0,1.2,2.2 "$out/source.counts" "$out/target.counts" \
  | awk -F'|' '$2 != $3 { print; n++ } END { exit 0 }' | tee "$out/mismatches" | wc -l)
if [ "$mismatches" -gt 0 ]; then
  say "row counts differ (table|source|restored):"
  cat "$out/mismatches"
fi

# --- 4. the keys open the restored data; the audit chain is intact ---------------------------------------------
say "verifying the restored database with the keys' backup"
rc=0
SPRING_PROFILES_ACTIVE=postgres ZUGONG_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$target_db" ZUGONG_DB_USER="$PGUSER" \
  ZUGONG_DB_PASSWORD="${PGPASSWORD:-}" ZUGONG_DEMO=false ZUGONG_DATA_DIR="$PWD/$out/verify-data" \
  java -Xmx512m -jar "$jar" --zugong.crypto.verify --zugong.audit.verify >"$out/verify.log" 2>&1 || rc=$?
grep -E '^(personal data|audit chain|head hash):' "$out/verify.log" || tail -n 30 "$out/verify.log"
personal_data=failed audit_chain=not_checked
grep -q '^personal data: ok' "$out/verify.log" && personal_data=ok
grep -q '^audit chain: BROKEN' "$out/verify.log" && audit_chain=broken
grep -q '^audit chain: intact' "$out/verify.log" && [ "$rc" -eq 0 ] && audit_chain=ok

echo "restore-drill tables=$tables rows=$rows mismatches=$mismatches audit_chain=$audit_chain" \
  "personal_data=$personal_data dump_bytes=$dump_bytes seconds=$((SECONDS - start))"
[ "$mismatches" -eq 0 ] && [ "$audit_chain" = ok ] && [ "$personal_data" = ok ]
