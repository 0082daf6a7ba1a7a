#!/usr/bin/env bash
# The provider-sized benchmark (README "Benchmark"). For each database named (default: h2):
# builds the server, starts it with its heap capped at 512 MB on a fresh database, loads the
# dataset through the API and times ingestion, lets PostgreSQL vacuum the load, times the
# usage_summary / usage_daily reports and each report's own query on the same database (on
# PostgreSQL right after each run of the report; on H2, embedded, once the server has stopped).
# On PostgreSQL it then measures the floors: plain SQL over the same readings in the same
# database, right after (the statements are below, to be read). It prints every figure
# beside its floor and the ratio; the figures are kept in target/bench/<db>/results.properties.
#
#   bench/run-benchmark.sh [postgresql] [h2]      e.g. bench/run-benchmark.sh postgresql h2
#   bench/run-benchmark.sh growth                 PostgreSQL at BENCH_CUSTOMERS and 3× as many
#
# Scale with BENCH_PARTNERS, BENCH_CUSTOMERS, BENCH_USAGES, BENCH_DAYS (defaults 100, 10000, 20, 31).
# Each report and each report's SQL is timed BENCH_REPEATS times (default 3), the best one kept.
# PostgreSQL: a local server with role reports/reports that may create databases (as .ci/run sets
# up); the database reports_bench is dropped and created again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WLP="$ROOT/report-web/target/liberty/wlp"
PASSWORD=bench-admin-password-1
HEAP=${BENCH_HEAP:-512m}
MVN="./mvnw -q ${MVN_OPTS_EXTRA:-}"
CUSTOMERS=${BENCH_CUSTOMERS:-10000}
RUNS=("$@")
[ ${#RUNS[@]} -eq 0 ] && RUNS=(h2)
if [ "${RUNS[0]}" = growth ]; then
  RUNS=("postgresql:$CUSTOMERS" "postgresql:$((CUSTOMERS * 3))")
fi

$MVN install -DskipTests -DskipITs
$MVN -pl report-web -DskipITs liberty:create liberty:install-feature liberty:deploy

PGSQL() { PGPASSWORD=reports psql -q -X -v ON_ERROR_STOP=1 -h localhost -U reports reports_bench "$@"; }

# Runs one plain SQL statement (its output thrown away) and prints its time in seconds.
timed_sql() {
  local start end
  start=$(date +%s.%N)
  PGSQL -c "$1" >/dev/null
  end=$(date +%s.%N)
  awk "BEGIN { printf \"%.3f\", $end - $start }"
}

# The floors: what the database itself takes for the plain form of each job, on the same readings.
floors() {
  local results=$1 from to first_end last_end rows seconds
  from=$(grep '^period.start=' "$results" | cut -d= -f2)
  to=$(grep '^period.end=' "$results" | cut -d= -f2)
  first_end="$(date -d "$from + 1 day" +%F) 00:00:00+00"
  last_end="$(date -d "$to + 1 day" +%F) 00:00:00+00"
  rows=$(PGSQL -t -A -c "SELECT COUNT(*) FROM usage_reading")
  echo "== Floors on PostgreSQL ($rows readings)"
  # Ingestion: copy every reading into an empty table with the same columns, key and indexes.
  PGSQL -c "DROP TABLE IF EXISTS floor_reading; CREATE TABLE floor_reading (LIKE usage_reading INCLUDING ALL)"
  seconds=$(timed_sql "INSERT INTO floor_reading SELECT * FROM usage_reading")
  PGSQL -c "DROP TABLE floor_reading"
  echo "floor.ingestion.rows_per_second=$(awk "BEGIN { printf \"%d\", $rows / $seconds }")" >> "$results"
  # Summary: each series' latest reading before the end of the first and of the last day, the
  # naive way (DISTINCT ON over every reading), written out.
  seconds=$(timed_sql "COPY (
      SELECT COALESCE(s.tenant_id, e.tenant_id), COALESCE(s.usage_name, e.usage_name),
             COALESCE(s.edition, e.edition), COALESCE(s.user_id, e.user_id),
             s.amount AS start_value, e.amount AS end_value, COALESCE(e.amount, 0) - COALESCE(s.amount, 0) AS delta
      FROM (SELECT DISTINCT ON (tenant_id, usage_name, edition, user_id) tenant_id, usage_name, edition, user_id, amount
            FROM usage_reading WHERE measured_at < '$first_end'
            ORDER BY tenant_id, usage_name, edition, user_id, measured_at DESC) s
      FULL JOIN (SELECT DISTINCT ON (tenant_id, usage_name, edition, user_id) tenant_id, usage_name, edition, user_id, amount
            FROM usage_reading WHERE measured_at < '$last_end'
            ORDER BY tenant_id, usage_name, edition, user_id, measured_at DESC) e
      USING (tenant_id, usage_name, edition, user_id)) TO STDOUT")
  echo "floor.summary.seconds=$seconds" >> "$results"
  # Daily: each series' last reading of each day of the period, written out (no carrying of
  # values over days without readings, no roll-up into partners: less than the report does).
  seconds=$(timed_sql "COPY (
      SELECT DISTINCT ON (tenant_id, usage_name, edition, user_id, day) tenant_id, usage_name, edition, user_id, day, amount
      FROM (SELECT r.*, (r.measured_at AT TIME ZONE 'UTC')::date AS day FROM usage_reading r
            WHERE r.measured_at >= '$from 00:00:00+00' AND r.measured_at < '$last_end') d
      ORDER BY tenant_id, usage_name, edition, user_id, day, measured_at DESC) TO STDOUT")
  echo "floor.daily.seconds=$seconds" >> "$results"
}

run() {
  local db=$1 customers=$2 out="$ROOT/target/bench/$1-$2"
  rm -rf "$out" && mkdir -p "$out"
  case "$db" in
    h2)
      export REPORTS_DB_KIND=h2
      export REPORTS_DB_URL="jdbc:h2:$out/db/reports;LOCK_TIMEOUT=10000"
      export REPORTS_DB_USER=sa REPORTS_DB_PASSWORD=""
      SQL_URL="jdbc:h2:$out/db/reports" SQL_USER=sa SQL_PASSWORD="" ;;
    postgresql)
      PGPASSWORD=reports dropdb -h localhost -U reports --if-exists reports_bench
      PGPASSWORD=reports createdb -h localhost -U reports reports_bench
      export REPORTS_DB_KIND=postgresql
      export REPORTS_DB_URL="jdbc:postgresql://localhost:5432/reports_bench?reWriteBatchedInserts=true&prepareThreshold=-1"
      export REPORTS_DB_USER=reports REPORTS_DB_PASSWORD=reports
      SQL_URL="$REPORTS_DB_URL" SQL_USER=reports SQL_PASSWORD=reports ;;
    *) echo "usage: $0 [postgresql] [h2] | growth" >&2; exit 2 ;;
  esac
  export REPORTS_ADMIN_PASSWORD=$PASSWORD JVM_ARGS="-Xmx$HEAP"
  $MVN -pl report-web -DskipITs liberty:start
  trap '"$WLP/bin/server" stop reports >/dev/null 2>&1 || true' EXIT
  # Ready once the API answers (401 without credentials) and the database check passes.
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:9080/api/2/users/me)" = 401 ] \
    && curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 1; done
  local pid
  pid=$(cat "$WLP/usr/servers/.pid/reports.pid")
  local bench="-Dbench.results=$out/results.properties -Dbench.password=$PASSWORD -Dbench.server.pid=$pid
    -Dbench.db=$db -Dbench.partners=${BENCH_PARTNERS:-100} -Dbench.customers=$customers
    -Dbench.usages=${BENCH_USAGES:-20} -Dbench.days=${BENCH_DAYS:-31} -Dbench.repeats=${BENCH_REPEATS:-3}"
  echo "== $db, $customers customers: server heap capped at $HEAP (pid $pid)"
  $MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=load $bench
  if [ "$db" = postgresql ]; then
    # What autovacuum does within minutes of a bulk load, done now: reports timed while it works
    # through the readings just loaded would measure the two competing for the 2 cores.
    echo "== VACUUM (ANALYZE) after the load"
    PGSQL -c "VACUUM (ANALYZE) usage_reading, usage_series"
  fi
  local sql=(-Dbench.jdbc.url="$SQL_URL" -Dbench.jdbc.user="$SQL_USER" -Dbench.jdbc.password="$SQL_PASSWORD")
  if [ "$db" = postgresql ]; then
    # Each report's own SQL right after each of its runs, the server idle (same minute, same neighbours).
    $MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=reports $bench "${sql[@]}" \
      -Dbench.sql.interleaved=true
    "$WLP/bin/server" stop reports >/dev/null
    floors "$out/results.properties"
  else
    # H2 is embedded: its SQL runs once the server has stopped, in a JVM (Maven's: exec:java) whose
    # heap is capped as the server's was, for the database's cache and the reading alike.
    $MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=reports $bench
    "$WLP/bin/server" stop reports >/dev/null
    MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx$HEAP" \
      $MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=sql $bench "${sql[@]}"
  fi
  RESULTS+=("$out/results.properties")
}

RESULTS=()
for spec in "${RUNS[@]}"; do
  run "${spec%%:*}" "$([ "$spec" = "${spec#*:}" ] && echo "$CUSTOMERS" || echo "${spec#*:}")"
done
$MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args="table ${RESULTS[*]}"
