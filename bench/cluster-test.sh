#!/usr/bin/env bash
# The two-server system test (README "Running several servers"): builds the server, starts two
# Liberty servers (ports 9181 and 9182) on one fresh PostgreSQL database and one SMTP server
# (GreenMail standalone, SMTP 3925 / IMAP 3943), then drives them over HTTP while killing,
# stopping and freezing them (io.usagereports.bench.ClusterTest). Prints a table of what it
# checked and exits non-zero on any duplicate, loss or stuck run.
#
#   bench/cluster-test.sh
#
# Needs a local PostgreSQL with role reports/reports that may create databases (as .ci/run sets
# up); the database reports_cluster is dropped and created again. CLUSTER_CUSTOMERS (default
# 2000) sizes the long report; CLUSTER_LEASE_SECONDS (default 15) is the servers' lease;
# CLUSTER_MOMENTS (default planning,writing,finishing) when a frozen server resumes (case f).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/cluster"
WLP="$ROOT/report-web/target/liberty/wlp"
PASSWORD=cluster-admin-password-1
LEASE=${CLUSTER_LEASE_SECONDS:-15}
MVN="./mvnw -q ${MVN_OPTS_EXTRA:-}"
GREENMAIL_VERSION=2.1.3

rm -rf "$OUT" && mkdir -p "$OUT"
$MVN install -DskipTests -DskipITs
$MVN -pl report-web -DskipITs liberty:create liberty:install-feature liberty:deploy
$MVN dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION -DoutputDirectory="$OUT"

PGPASSWORD=reports dropdb -h localhost -U reports --if-exists reports_cluster
PGPASSWORD=reports createdb -h localhost -U reports reports_cluster
JDBC="jdbc:postgresql://localhost:5432/reports_cluster?reWriteBatchedInserts=true&prepareThreshold=-1"

cleanup() {
    for s in cluster-a cluster-b; do
        kill -CONT "$(cat "$WLP/usr/servers/.pid/$s.pid" 2>/dev/null)" 2>/dev/null || true
        "$WLP/bin/server" stop "$s" >/dev/null 2>&1 || true
    done
    [ -n "${GREENMAIL_PID:-}" ] && kill "$GREENMAIL_PID" 2>/dev/null || true
}
trap cleanup EXIT

java -Dgreenmail.smtp.port=3925 -Dgreenmail.imap.port=3943 -Dgreenmail.api.port=3980 -Dgreenmail.hostname=127.0.0.1 \
    -Dgreenmail.auth.disabled -jar "$OUT/greenmail-standalone-$GREENMAIL_VERSION.jar" > "$OUT/greenmail.log" 2>&1 &
GREENMAIL_PID=$!

# Two servers of one installation: the same application and configuration, each with its port.
for s in a:9181 b:9182; do
    name=cluster-${s%%:*} port=${s##*:}
    rm -rf "$WLP/usr/servers/$name"
    mkdir -p "$WLP/usr/servers/$name"
    cp -r "$WLP/usr/servers/reports/server.xml" "$WLP/usr/servers/reports/reports.xml" \
        "$WLP/usr/servers/reports/https-off.xml" "$WLP/usr/servers/reports/https-on.xml" \
        "$WLP/usr/servers/reports/apps" "$WLP/usr/servers/$name/"
    cat > "$WLP/usr/servers/$name/server.env" <<EOF
REPORTS_HTTP_PORT=$port
REPORTS_DB_KIND=postgresql
REPORTS_DB_URL=$JDBC
REPORTS_DB_USER=reports
REPORTS_DB_PASSWORD=reports
REPORTS_ADMIN_PASSWORD=$PASSWORD
REPORTS_DATA_DIR=$OUT/$name
REPORTS_SMTP_HOST=localhost
REPORTS_SMTP_PORT=3925
REPORTS_SMTP_SECURITY=none
REPORTS_MAIL_RETRY_SECONDS=1
REPORTS_WORKER_POLL_SECONDS=1
REPORTS_WORKER_LEASE_SECONDS=$LEASE
EOF
    echo "-Xmx768m" > "$WLP/usr/servers/$name/jvm.options"
done
# Started together on the empty database: they race to install it.
"$WLP/bin/server" start cluster-a >/dev/null &
STARTING_A=$!
"$WLP/bin/server" start cluster-b >/dev/null
wait $STARTING_A
for port in 9181 9182; do
    until curl -sf "http://localhost:$port/health/ready" >/dev/null; do sleep 1; done
done

$MVN -pl report-bench org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
    -Dbench.main=io.usagereports.bench.ClusterTest -Dcluster.wlp="$WLP" -Dcluster.password=$PASSWORD \
    -Dcluster.jdbc.url="$JDBC" -Dcluster.jdbc.user=reports -Dcluster.jdbc.password=reports \
    -Dcluster.lease-seconds="$LEASE" -Dcluster.customers="${CLUSTER_CUSTOMERS:-2000}" -Dcluster.imap.port=3943 \
    -Dcluster.moments="${CLUSTER_MOMENTS:-planning,writing,finishing}"
