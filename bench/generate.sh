#!/usr/bin/env bash
# Generates the province-scale benchmark set into a fresh database: all of Zhejiang's divisions
# (11 cities, 90 counties, 1,387 townships, 25,547 villages), ~10,000 units and N roster rows.
#
#   bench/generate.sh [--rows N] [--db h2|postgres]
#
#   --rows N         roster rows (default 1000000)
#   --db h2          file database bench/out/h2/zugong.mv.db, deleted first (default)
#   --db postgres    the database in ZUGONG_DB_URL (default jdbc:postgresql://127.0.0.1:5432/zugong_bench),
#                    user ZUGONG_DB_USER (postgres), password ZUGONG_DB_PASSWORD; created with psql when
#                    missing, its public schema dropped and recreated
#
# Prints "generate rows=... units=... ms=..." (ms = the data generation and writing, without JVM start); on
# PostgreSQL then VACUUM (ANALYZE) of the whole set ("vacuum analyze ms=...").
set -euo pipefail
cd "$(dirname "$0")/.."

rows=1000000
db=h2
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

./mvnw -q -B -DskipTests package
jar=$(ls target/zugong-*.jar | grep -v original | head -1)

args=(--zugong.demo.enabled=true --zugong.demo.scale=province --zugong.org.division-prefix=33
      --zugong.demo.rows="$rows" --zugong.demo.exit-after-load=true
      --server.port=0 --logging.level.root=WARN --logging.level.cn.zugong=INFO)

case "$db" in
  h2)
    rm -rf bench/out/h2
    mkdir -p bench/out/h2
    url="jdbc:h2:file:$PWD/bench/out/h2/zugong;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    exec java -Xmx2g -jar "$jar" "${args[@]}" --spring.datasource.url="$url"
    ;;
  postgres)
    export ZUGONG_DB_URL="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench}"
    export ZUGONG_DB_USER="${ZUGONG_DB_USER:-postgres}"
    export PGPASSWORD="${ZUGONG_DB_PASSWORD:-}"
    if [[ ! "$ZUGONG_DB_URL" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
      echo "cannot parse ZUGONG_DB_URL=$ZUGONG_DB_URL" >&2; exit 2
    fi
    host="${BASH_REMATCH[1]}"; port="${BASH_REMATCH[3]:-5432}"; name="${BASH_REMATCH[4]}"
    psql=(psql -h "$host" -p "$port" -U "$ZUGONG_DB_USER" -v ON_ERROR_STOP=1 -q)
    if [ -z "$("${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = '$name'")" ]; then
      "${psql[@]}" -d postgres -c "create database \"$name\""
    fi
    "${psql[@]}" -d "$name" -c "drop schema if exists public cascade; create schema public;"
    SPRING_PROFILES_ACTIVE=postgres java -Xmx2g -jar "$jar" "${args[@]}"
    # a freshly written set has no statistics and no visibility map until autovacuum gets to it (never, where it
    # is off): every benchmark would then plan and scan a different database than production's
    start=$(date +%s%N)
    "${psql[@]}" -d "$name" -c "vacuum (analyze)"
    echo "vacuum analyze ms=$(( ($(date +%s%N) - start) / 1000000 ))"
    ;;
  *) echo "--db must be h2 or postgres" >&2; exit 2 ;;
esac
