#!/usr/bin/env bash
# The provider-sized benchmark (README "Benchmark"): builds the server, starts it with its heap
# capped at 512 MB on a fresh database, loads the dataset through the API and times ingestion,
# lets PostgreSQL vacuum the load, times the usage_summary / usage_daily reports, stops the
# server, times the bare report query on the same database, and prints the figures (also kept in
# target/bench/<db>/results.properties).
#
#   bench/run-benchmark.sh [h2|postgresql]
#
# Scale with BENCH_PARTNERS, BENCH_CUSTOMERS, BENCH_USAGES, BENCH_DAYS (defaults 100, 10000, 20, 31).
# PostgreSQL: a local server with role reports/reports that may create databases (as .ci/run sets up);
# the database reports_bench is dropped and created again.
set -euo pipefail
DB=${1:-h2}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/bench/$DB"
WLP="$ROOT/report-web/target/liberty/wlp"
PASSWORD=bench-admin-password-1
HEAP=${BENCH_HEAP:-512m}
MVN="./mvnw -q ${MVN_OPTS_EXTRA:-}"

rm -rf "$OUT" && mkdir -p "$OUT"
case "$DB" in
  h2)
    export REPORTS_DB_KIND=h2
    export REPORTS_DB_URL="jdbc:h2:$OUT/db/reports;LOCK_TIMEOUT=10000"
    export REPORTS_DB_USER=sa REPORTS_DB_PASSWORD=""
    SQL_URL="jdbc:h2:$OUT/db/reports" SQL_USER=sa SQL_PASSWORD="" ;;
  postgresql)
    PGPASSWORD=reports dropdb -h localhost -U reports --if-exists reports_bench
    PGPASSWORD=reports createdb -h localhost -U reports reports_bench
    export REPORTS_DB_KIND=postgresql
    export REPORTS_DB_URL="jdbc:postgresql://localhost:5432/reports_bench?reWriteBatchedInserts=true&prepareThreshold=-1"
    export REPORTS_DB_USER=reports REPORTS_DB_PASSWORD=reports
    SQL_URL="$REPORTS_DB_URL" SQL_USER=reports SQL_PASSWORD=reports ;;
  *) echo "usage: $0 [h2|postgresql]" >&2; exit 2 ;;
esac

$MVN install -DskipTests -DskipITs
export REPORTS_ADMIN_PASSWORD=$PASSWORD JVM_ARGS="-Xmx$HEAP"
$MVN -pl report-web -DskipITs liberty:create liberty:install-feature liberty:deploy liberty:start
trap '"$WLP/bin/server" stop reports >/dev/null 2>&1 || true' EXIT
# Ready once the API answers (401 without credentials) and the database check passes.
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:9080/api/2/users/me)" = 401 ] \
  && curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 1; done
PID=$(cat "$WLP/usr/servers/.pid/reports.pid")

BENCH="-Dbench.results=$OUT/results.properties -Dbench.password=$PASSWORD -Dbench.server.pid=$PID
  -Dbench.partners=${BENCH_PARTNERS:-100} -Dbench.customers=${BENCH_CUSTOMERS:-10000}
  -Dbench.usages=${BENCH_USAGES:-20} -Dbench.days=${BENCH_DAYS:-31}"
echo "== $DB: server heap capped at $HEAP (pid $PID)"
$MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=load $BENCH
if [ "$DB" = postgresql ]; then
  # What autovacuum does within minutes of a bulk load, done now: reports timed while it works
  # through the readings just loaded would measure the two competing for the 2 cores.
  echo "== VACUUM (ANALYZE) after the load"
  PGPASSWORD=reports psql -q -h localhost -U reports reports_bench -c "VACUUM (ANALYZE) usage_reading, usage_series"
fi
$MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=reports $BENCH
"$WLP/bin/server" stop reports >/dev/null
$MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.args=sql $BENCH \
  -Dbench.jdbc.url="$SQL_URL" -Dbench.jdbc.user="$SQL_USER" -Dbench.jdbc.password="$SQL_PASSWORD"
