#!/usr/bin/env bash
# Benchmarks.
#
#   bench/run.sh import [--rows N]
#       builds an N-row roster file (default 10000) and imports it through POST /api/people/import in the
#       test context (H2); prints "import rows=N ms=…" (and the export time of the same scope).
#
#   bench/run.sh healthcheck [--rows N] [--db h2|postgres] [--regenerate]
#       the 数字体检 engine on the province-scale set (default 1,000,000 roster rows, ~10,000 units):
#       generates the set with bench/generate.sh unless the same --rows/--db set is already there, then
#       prints engine_ms, limit_ms (aggregates written by hand; fails when the engine's per-unit results
#       differ), duck_ms (the same on DuckDB), asof_ms, naive_ms, unit_ms, store_ms, total_ms, peak heap and
#       the closing line "healthcheck rows=… units=… indicators=296 engine_ms=… limit_ms=… duck_ms=…
#       ratio_limit=… ratio_physical=… … store_ms=… total_ms=… asof_ms=… heap_mb=…" (ADR 054).
#       The test JVM runs with -Xmx1g. PostgreSQL: ZUGONG_DB_URL (default
#       jdbc:postgresql://127.0.0.1:5432/zugong_bench), ZUGONG_DB_USER (postgres), ZUGONG_DB_PASSWORD.
#
#   bench/run.sh lighting [--units N] [--tasks N] [--postgres JDBC_URL]
#       亮灯台 month close of a list with N tasks (default 110) for each of M units (default 100) and twelve
#       months of reports, in the test context (H2), then the same for the demo size (110 tasks); prints
#       "lighting tasks=… units=… reports=… close_ms=… cold_close_ms=…" (best of 5) for each.
#       --postgres URL runs it on PostgreSQL instead (the database is cleaned).
#
#   bench/run.sh talent-code [--clients N] [--requests N] [--postgres JDBC_URL]
#       人才码 verification (ADR 058): 200 recognised talents' codes; the signature check alone per code (SM3withSM2,
#       as the offline verifier does it; best of 5 × 2,000), the platform's whole check per code (with the register
#       lookup), then POST /api/talent/verify on the application's own Tomcat (the test context's random port, real
#       HTTP, each answer counted) under N concurrent clients (default 50) × 100 requests; prints
#       "talent-code codes=… signature_ms=… check_ms=… clients=… requests=… p50_ms=… p99_ms=… max_ms=…
#       throughput_rps=…". Targets: signature ≤ 5 ms, p99 ≤ 100 ms. --postgres URL runs it on PostgreSQL.
#   bench/run.sh talent [--rows N]
#       码上秒享: N talents (default 200,000) with their facts generated on PostgreSQL under a node of their own, then
#       the November 2026 grant run; the grant lines' count and sum per rule are checked against a recount written
#       by hand in the benchmark (fails when they differ). Prints "rule …" lines and the closing line
#       "talent talents=… facts=… lines=… total=… compute_ms=… rerun_ms=… recount_ms=… generate_ms=… heap_mb=… target=… match=…"
#       (rerun: the same month computed again after review must add no line).
#       (target: ≤ 10 s and ≤ 1 GiB heap). The test JVM runs with -Xmx1g. Then the talent-code benchmark below runs
#       on the same database and the closing line gains "code_signature_ms=… code_p99_ms=… code_target=met|missed"
#       (targets: ≤ 5 ms per signature check, p99 ≤ 100 ms under 50 clients). PostgreSQL: ZUGONG_DB_URL (default
#       jdbc:postgresql://127.0.0.1:5432/zugong_bench_talent; the database is cleaned), ZUGONG_DB_USER, ZUGONG_DB_PASSWORD.
#
#   bench/run.sh rating [--rows N]
#       双述双评 ballots at city scale on PostgreSQL (ADR 067): a 舟山市 campaign over its 428 villages (6–8 subjects
#       each), N raters (default 22,000); (a) their paper ballots (~160,000 lines) as one Excel file imported through
#       the real import path (XlsxReader, every check, the one BallotBox), after the same file with 200 planted errors
#       (all listed, nothing saved); (b) the tally of every subject checked against a recount written by hand in SQL;
#       (c) 500 phone voters at the close on POST /api/ratings/vote (real Tomcat port, 500 threads, 50 of them sending
#       twice at once). Prints "import:", "planted:", "concurrent:", "tally:" lines and the closing line
#       "rating raters=… lines=… import_ms=… tally_ms=… recount=ok concurrent=500 lost=0 double=0 errors5xx=0 p99_ms=…
#       target=met|missed" (targets: import ≤ 15 s, tally ≤ 2 s, 0 differences, 0 lost, 0 double, 0 5xx).
#       PostgreSQL: ZUGONG_DB_URL (default jdbc:postgresql://127.0.0.1:5432/zugong_bench_rating, created when missing
#       and cleaned each run), ZUGONG_DB_USER, ZUGONG_DB_PASSWORD.
#
#   bench/run.sh grassroots [--rows N]
#       党员报到, 流动党员, 共富工坊, 聚力共富, 党建联建 at city scale on PostgreSQL (issue 18, ADR 068): every
#       *GrassrootsBench class over one base (the demo city's villages topped up to N party members, default 100,000):
#       20,000 reported members with posts and 200,000 service logs, 30,000 mobile members, 1,000 workshops x 24
#       months, the matching lists and the joint committees; each part measures its figures pages and APIs over real
#       HTTP (p99 over 200 requests) and recounts its totals by hand in SQL; the checkin part also sends 200 members
#       claiming 20 posts at once. Prints each part's "grassroots-part …" line and the closing line
#       "grassroots members=… parts=… worst_p99_ms=… recount=ok|differs errors5xx=… target=met|missed"
#       (target: every figures route p99 <= 300 ms, every recount equal, capacity never exceeded, 0 5xx).
#       PostgreSQL: ZUGONG_DB_URL (default jdbc:postgresql://127.0.0.1:5432/zugong_bench_grassroots, created when
#       missing; rows are written afresh every run: the test context cleans the schema), ZUGONG_DB_USER, ZUGONG_DB_PASSWORD.
#
#   bench/run.sh cadre [--rows N]
#       干部工作 at city scale on PostgreSQL (issue 19, ADR 074): every *CadreBench class over one base (the demo
#       city's units topped up to N people on the roster, default 100,000, each with five years of 年度考核 and
#       training hours): each part writes its five years of records once (campaigns, appointments, care records,
#       young cadres and leaders, training classes and research topics), measures its figures pages and APIs over real
#       HTTP (p99 over 200 requests) and recounts its totals by hand in SQL; the appointments part also generates 200
#       干部任免审批表 Word files and opens each in LibreOffice. Prints each part's "cadre-part …" line and the closing
#       line "cadre people=… parts=… worst_p99_ms=… recount=ok|differs errors5xx=… word_ms=… word_opened=ok|failed
#       target=met|missed" (target: every figures route p99 <= 300 ms, every recount equal, 200 Word files <= 30 s
#       each opening, 0 5xx). PostgreSQL: ZUGONG_DB_URL (default
#       jdbc:postgresql://127.0.0.1:5432/zugong_bench_cadre, created when missing; rows are written afresh every run),
#       ZUGONG_DB_USER, ZUGONG_DB_PASSWORD.
#
#   bench/run.sh annual [--rows N] [--rounds N] [--requests N]
#       这一年 (issue 20, ADR 081): the 舟山市 review of 2026 generated over real HTTP (POST /api/annual, the demo
#       ADMIN's token) on the benchmarks' city-scale sets, written in the same run by the *CadreBench and
#       *GrassrootsBench parts (N party members and N people on the roster, default 100,000; the parts measure their
#       own routes with N requests each, default 10, and print their lines too), LightingCloseBenchmark (11,000 tasks,
#       12 months of reports) and TalentGrantBenchmark (200,000 talents with their facts and a grant run), then two
#       数字体检 of the city over that roster (as of November 30 of the year and of the year before); the review
#       is generated once cold and N times warm (default 5); then every figure of the last review against the records
#       behind it
#       (GET /api/annual/{id}/figures/{key}/records: each source's own SQL recount) and against its module's own
#       figures API for the same scope and period (/api/healthcheck/figures, /api/cadres/…/figures, …).
#       Prints "annual-detail …" and the closing line "annual figures=… generate_cold_ms=… generate_p50_ms=…
#       generate_max_ms=… recount=ok|differs pages=ok|differs differing=… target=met|missed" (target: every warm
#       generation <= 5 s, every recount and every module page equal). --rows below ~30,000 is for trying the script
#       out only (the 党员报到 part needs 20,000 members not yet reported). PostgreSQL: ZUGONG_DB_URL (default
#       jdbc:postgresql://127.0.0.1:5432/zugong_bench_annual, created when missing and cleaned each run),
#       ZUGONG_DB_USER, ZUGONG_DB_PASSWORD. To measure the review again on the set of the last run without writing
#       it anew: ./mvnw test -Ppostgres -Dzugong.test.db.url=… -Dtest=YearReviewBench -Dit.excludedGroups=none
#       -Dbench.reuse=true (the database is then migrated, not cleaned).
#   bench/run.sh annual --province [--rows N] [--rounds N]
#       The same review of 舟山市 (YearReviewBench alone, the database kept) on the province-scale set of
#       "bench/run.sh healthcheck --db postgres" (ZUGONG_DB_URL, default …/zugong_bench; written by bench/generate.sh
#       first when bench/out/healthcheck-postgres.rows does not say N, default 1,000,000 roster rows across the
#       province and the demo city's other modules): two province-wide 数字体检 (as of November 30 of the year and
#       the year before) over real HTTP, then the review, its recounts and the module pages (the 数字体检 page read
#       at the city's node: the set's admin holds the province). Each run adds two province evaluations.
set -euo pipefail
cd "$(dirname "$0")/.."

cmd="${1:-}"
shift || true
rows=""
db=h2
regenerate=false
province=false
units=100
tasks=110
pg=()
clients=50
requests=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --rows=*) rows="${1#--rows=}"; shift ;;
    --db) db="$2"; shift 2 ;;
    --db=*) db="${1#--db=}"; shift ;;
    --regenerate) regenerate=true; shift ;;
    --units) units="$2"; shift 2 ;;
    --tasks) tasks="$2"; shift 2 ;;
    --postgres) pg=(-Ppostgres "-Dzugong.test.db.url=$2"); shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --province) province=true; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# The city-scale benchmarks made of parts (grassroots, cadre): every class matching $2 runs on PostgreSQL over one
# base of N rows (system property $3, default 100,000; the closing line calls them $4), each part printing a
# "<name>-part …" line; the closing "<name> …" line takes the worst p99, any differing recount, the 5xx and, when a
# part measured Word files (word_ms, word_opened) or $5 is "word" (they must be measured), those too. Target: p99 <= 300 ms, recounts equal, 0 5xx, Word
# files (when measured) <= 30 s and all opened.
city_parts() {
  local name="$1" classes="$2" property="$3" label="$4" word="${5:-}"
  mkdir -p bench/out
  local url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench_$name}"
  if [[ -z "${ZUGONG_DB_URL:-}" ]] && command -v createdb > /dev/null; then
    createdb -h 127.0.0.1 -U "${ZUGONG_DB_USER:-postgres}" "zugong_bench_$name" 2> /dev/null || true
  fi
  ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="$url" \
    -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
    -Dtest="$classes" -Dit.excludedGroups=none -D"$property"="${rows:-100000}" -DargLine=-Xmx1g \
    -Dsurefire.failIfNoSpecifiedTests=false > "bench/out/$name.log" || {
      grep -a -E "^$name-part " "bench/out/$name.log" || true
      echo "benchmark failed, see bench/out/$name.log and target/surefire-reports" >&2; exit 1; }
  grep -a -E "^$name-part " "bench/out/$name.log" || { echo "the benchmark printed no figures" >&2; exit 1; }
  grep -a -E "^$name-part " "bench/out/$name.log" | awk -v name="$name" -v label="$label" -v rows="${rows:-100000}" -v needword="$word" '
    BEGIN { word = -1; opened = "" }
    { parts++
      for (i = 3; i <= NF; i++) { split($i, kv, "=")
        if (kv[1] == "worst_p99_ms" && kv[2] + 0 > worst) worst = kv[2] + 0
        if (kv[1] == "recount" && kv[2] != "ok") recount = "differs"
        if (kv[1] == "errors5xx") errors += kv[2]
        if (kv[1] == "word_ms") word = kv[2] + 0
        if (kv[1] == "word_opened") opened = kv[2] } }
    END { if (recount == "") recount = "ok"
      met = worst <= 300 && recount == "ok" && errors == 0
      words = ""
      if (word >= 0 || opened != "" || needword != "") {
        met = met && word >= 0 && word <= 30000 && opened == "ok"
        words = sprintf(" word_ms=%d word_opened=%s", word, opened == "" ? "missing" : opened) }
      printf "%s %s=%d parts=%d worst_p99_ms=%.1f recount=%s errors5xx=%d%s target=%s\n", name, label, rows, parts, worst, recount, errors, words, met ? "met" : "missed" }'
}

case "$cmd" in
  import)
    mkdir -p bench/out
    ./mvnw -q -B test -Dtest=RosterImportBenchmark -Dit.excludedGroups=none -Dbench.rows="${rows:-10000}" \
      -Dsurefire.failIfNoSpecifiedTests=false | tee bench/out/import.log | grep -E '^(import|update|export) ' || {
        echo "benchmark failed, see bench/out/import.log and target/surefire-reports" >&2; exit 1; }
    ;;
  healthcheck)
    rows="${rows:-1000000}"
    mkdir -p bench/out
    marker="bench/out/healthcheck-$db.rows"
    if $regenerate || [[ "$(cat "$marker" 2>/dev/null)" != "$rows" ]]; then
      rm -f "$marker"
      bench/generate.sh --rows "$rows" --db "$db" | tee bench/out/generate-$db.log
      echo "$rows" > "$marker"
    fi
    case "$db" in
      h2)
        props=(-Dspring.datasource.url="jdbc:h2:file:$PWD/bench/out/h2/zugong;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64")
        ;;
      postgres)
        props=(-Ppostgres -Dzugong.test.db.url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench}"
               -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}")
        ;;
      *) echo "--db must be h2 or postgres" >&2; exit 2 ;;
    esac
    ./mvnw -q -B test -Dtest=HealthcheckBenchmark -Dit.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine=-Xmx1g -Dlogging.level.cn.zugong.indicator.internal.run.Engine=DEBUG -Dlogging.level.cn.zugong.indicator.internal.run.ResultWriter=DEBUG "${props[@]}" | tee bench/out/healthcheck-$db.log \
      | grep -E '(query: |cells and roll-ups|^limit |^floor |floor_ms|^engine scope|round|stored|unit re-check|naive sample|aggregates|engine_ms|limit_ms|duck_ms|asof_ms|differs:|compared|duckdb load:|rows copied|partition attached|Roster history:|naive_ms|unit_ms|store_ms|peak_heap|healthcheck) ' || {
        echo "benchmark failed, see bench/out/healthcheck-$db.log and target/surefire-reports" >&2; exit 1; }
    ;;
  lighting)
    mkdir -p bench/out
    ./mvnw -q -B test "${pg[@]}" -Dtest=LightingCloseBenchmark -Dit.excludedGroups=none -Dbench.units="$units" \
      -Dbench.tasks="$tasks" -Dsurefire.failIfNoSpecifiedTests=false | tee bench/out/lighting.log \
      | grep -E '^lighting ' || { echo "benchmark failed, see bench/out/lighting.log" >&2; exit 1; }
    ;;
  talent-code)
    mkdir -p bench/out
    ./mvnw -q -B test "${pg[@]}" -Dtest=TalentCodeBenchmark -Dit.excludedGroups=none -Dbench.clients="$clients" \
      -Dbench.requests="$requests" -Dsurefire.failIfNoSpecifiedTests=false | tee bench/out/talent-code.log \
      | grep -E '^(signature check:|platform check:|http:|talent-code) ' || {
        echo "benchmark failed, see bench/out/talent-code.log and target/surefire-reports" >&2; exit 1; }
    ;;
  talent)
    # 码上秒享 at scale, then the 人才码 checks on the same PostgreSQL; the closing "talent …" line joins both.
    mkdir -p bench/out
    url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench_talent}"
    ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="$url" \
      -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
      -Dtest=TalentGrantBenchmark -Dit.excludedGroups=none -Dbench.talents="${rows:-200000}" -DargLine=-Xmx1g \
      -Dlogging.level.cn.zugong.talent.internal.grants.GrantComputation=DEBUG \
      -Dsurefire.failIfNoSpecifiedTests=false > bench/out/talent.log || {
        echo "benchmark failed, see bench/out/talent.log and target/surefire-reports" >&2; exit 1; }
    grep -E '(^rule |^rerun |grant rule )' bench/out/talent.log || true
    grants=$(grep -E '^talent ' bench/out/talent.log | tail -n 1)
    ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="$url" \
      -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
      -Dtest=TalentCodeBenchmark -Dit.excludedGroups=none -Dbench.clients="${clients:-50}" \
      -Dbench.requests="${requests:-100}" -Dsurefire.failIfNoSpecifiedTests=false > bench/out/talent-code.log || {
        echo "benchmark failed, see bench/out/talent-code.log and target/surefire-reports" >&2; exit 1; }
    code=$(grep -E '^talent-code ' bench/out/talent-code.log | tail -n 1)
    [ -n "$grants" ] && [ -n "$code" ] || { echo "a benchmark printed no figures" >&2; exit 1; }
    echo "$code"
    sig=$(sed -E 's/.* signature_ms=([0-9.]+).*/\1/' <<<"$code")
    p99=$(sed -E 's/.* p99_ms=([0-9.]+).*/\1/' <<<"$code")
    codes_met=$(awk -v s="$sig" -v p="$p99" 'BEGIN { print (s <= 5 && p <= 100) ? "met" : "missed" }')
    echo "$grants code_signature_ms=$sig code_p99_ms=$p99 code_target=$codes_met"
    ;;
  rating)
    mkdir -p bench/out
    url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench_rating}"
    if [[ -z "${ZUGONG_DB_URL:-}" ]] && command -v createdb > /dev/null; then
      createdb -h 127.0.0.1 -U "${ZUGONG_DB_USER:-postgres}" zugong_bench_rating 2> /dev/null || true
    fi
    ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="$url" \
      -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
      -Dtest=RatingBallotsBenchmark -Dit.excludedGroups=none -Dbench.raters="${rows:-22000}" -DargLine=-Xmx1g \
      -Dlogging.level.cn.zugong.rating.internal.ballots.PaperBallots=DEBUG \
      -Dsurefire.failIfNoSpecifiedTests=false > bench/out/rating.log || {
        echo "benchmark failed, see bench/out/rating.log and target/surefire-reports" >&2; exit 1; }
    grep -a -E '(^planted: |^import: |^concurrent: |^tally: |^differs: |paper import: |^rating )' bench/out/rating.log \
      | sed -E 's/^.*(paper import: )/\1/' || true
    grep -a -qE '^rating ' bench/out/rating.log || { echo "the benchmark printed no figures" >&2; exit 1; }
    ;;
  cadre)
    city_parts cadre '*CadreBench' bench.people people word
    ;;
  annual)
    mkdir -p bench/out
    if $province; then
      rows="${rows:-1000000}"
      marker="bench/out/healthcheck-postgres.rows"
      if [[ "$(cat "$marker" 2>/dev/null)" != "$rows" ]]; then
        rm -f "$marker"
        bench/generate.sh --rows "$rows" --db postgres | tee bench/out/generate-postgres.log
        echo "$rows" > "$marker"
      fi
      ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench}" \
        -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
        -Dtest=YearReviewBench -Dit.excludedGroups=none -Dbench.reuse=true -Dbench.password=Zugong@2026 \
        -Dbench.rounds="${rounds:-5}" -DargLine=-Xmx1g -Dsurefire.failIfNoSpecifiedTests=false \
        > bench/out/annual-province.log || {
          grep -a -E "^annual" bench/out/annual-province.log || true
          echo "benchmark failed, see bench/out/annual-province.log and target/surefire-reports" >&2; exit 1; }
      grep -a -E "^annual" bench/out/annual-province.log || { echo "the benchmark printed no figures" >&2; exit 1; }
      exit 0
    fi
    url="${ZUGONG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/zugong_bench_annual}"
    if [[ -z "${ZUGONG_DB_URL:-}" ]] && command -v createdb > /dev/null; then
      createdb -h 127.0.0.1 -U "${ZUGONG_DB_USER:-postgres}" zugong_bench_annual 2> /dev/null || true
    fi
    ./mvnw -q -B test -Ppostgres -Dzugong.test.db.url="$url" \
      -Dzugong.test.db.user="${ZUGONG_DB_USER:-postgres}" -Dzugong.test.db.password="${ZUGONG_DB_PASSWORD:-}" \
      -Dtest='*CadreBench,*GrassrootsBench,LightingCloseBenchmark,TalentGrantBenchmark,YearReviewBench' \
      -Dsurefire.runOrder=alphabetical \
      -Djunit.jupiter.testclass.order.default='org.junit.jupiter.api.ClassOrderer$OrderAnnotation' \
      -Dit.excludedGroups=none -Dbench.members="${rows:-100000}" -Dbench.people="${rows:-100000}" \
      -Dbench.requests="${requests:-10}" -Dbench.rounds="${rounds:-5}" -DargLine=-Xmx1g \
      -Dsurefire.failIfNoSpecifiedTests=false > bench/out/annual.log || {
        grep -a -E "^(annual|grassroots-part|cadre-part|talent |lighting )" bench/out/annual.log || true
        echo "benchmark failed, see bench/out/annual.log and target/surefire-reports" >&2; exit 1; }
    grep -a -E "^(annual|grassroots-part|cadre-part|talent |lighting )" bench/out/annual.log || {
      echo "the benchmark printed no figures" >&2; exit 1; }
    ;;
  grassroots)
    city_parts grassroots '*GrassrootsBench' bench.members members
    ;;
  *)
    echo "usage: bench/run.sh import [--rows N] | healthcheck [--rows N] [--db h2|postgres] [--regenerate] | lighting [--units N] [--tasks N] [--postgres JDBC_URL] | talent-code [--clients N] [--requests N] [--postgres JDBC_URL] | talent [--rows N] | rating [--rows N] | grassroots [--rows N] | cadre [--rows N] | annual [--province] [--rows N] [--rounds N] [--requests N]" >&2
    exit 2 ;;
esac
