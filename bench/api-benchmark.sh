#!/usr/bin/env bash
# The HTTP benchmark (README "Benchmark"): builds the server, starts it on a fresh database (H2 by
# default, or PostgreSQL), makes an API client, a token and a report, then loads one server with wrk
# (Debian package) and prints requests/s and p50/p99 latency of each endpoint beside the baseline:
#   - baseline: GET of an unknown path (404 in the error shape: the same JAX-RS stack and writer,
#     no authentication, no database);
#   - GET /api/2/reports/{id} with a bearer token;
#   - POST /api/2/idp/token with the client's credentials.
#
#   bench/api-benchmark.sh [h2|postgresql]
#
# BENCH_CONNECTIONS (default 16) and BENCH_SECONDS (default 20) set the load. PostgreSQL: a local
# server with role reports/reports that may create databases; reports_apibench is made anew.
set -euo pipefail
DB=${1:-h2}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/api-bench/$DB"
WLP="$ROOT/report-web/target/liberty/wlp"
BASE=http://localhost:9080/api/2
PASSWORD=api-bench-admin-password-1
CONNECTIONS=${BENCH_CONNECTIONS:-16}
SECONDS_EACH=${BENCH_SECONDS:-20}
MVN="./mvnw -q ${MVN_OPTS_EXTRA:-}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

rm -rf "$OUT" && mkdir -p "$OUT"
case "$DB" in
  h2)
    export REPORTS_DB_KIND=h2 REPORTS_DB_URL="jdbc:h2:$OUT/db/reports;LOCK_TIMEOUT=10000"
    export REPORTS_DB_USER=sa REPORTS_DB_PASSWORD="" ;;
  postgresql)
    PGPASSWORD=reports dropdb -h localhost -U reports --if-exists reports_apibench
    PGPASSWORD=reports createdb -h localhost -U reports reports_apibench
    export REPORTS_DB_KIND=postgresql
    export REPORTS_DB_URL="jdbc:postgresql://localhost:5432/reports_apibench?prepareThreshold=-1"
    export REPORTS_DB_USER=reports REPORTS_DB_PASSWORD=reports ;;
  *) echo "usage: $0 [h2|postgresql]" >&2; exit 2 ;;
esac
export REPORTS_ADMIN_PASSWORD=$PASSWORD REPORTS_DATA_DIR="$OUT/data" JVM_ARGS="-Xmx512m"

$MVN install -DskipTests -DskipITs
$MVN -pl report-web -DskipITs liberty:create liberty:install-feature liberty:deploy liberty:start
trap '"$WLP/bin/server" stop reports >/dev/null 2>&1 || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/users/me)" = 401 ] \
  && curl -sf http://localhost:9080/health/ready >/dev/null; do sleep 1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TENANT=$(curl -s -u "admin:$PASSWORD" $BASE/users/me | json '["tenant_id"]')
CLIENT=$(curl -s -u "admin:$PASSWORD" -X POST $BASE/clients -H 'Content-Type: application/json' \
  -d '{"type":"api_client","tenant_id":"'"$TENANT"'","token_endpoint_auth_method":"client_secret_basic","data":{"client_name":"api bench"}}')
CLIENT_ID=$(echo "$CLIENT" | json '["client_id"]')
SECRET=$(echo "$CLIENT" | json '["client_secret"]')
TOKEN=$(curl -s -u "$CLIENT_ID:$SECRET" -X POST $BASE/idp/token -d grant_type=client_credentials | json '["access_token"]')
REPORT=$(curl -s -X POST $BASE/reports -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"result_action":"save","schedule":{"type":"monthly"},"parameters":{"tenant_id":"'"$TENANT"'","level":"all_customers","kind":"usage_summary"}}' \
  | json '["id"]')
BASIC=$(printf '%s:%s' "$CLIENT_ID" "$SECRET" | base64 -w0)
cat > "$OUT/token.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $BASIC"
LUA

# One wrk run: prints "requests/s p50_ms p99_ms" (a 5 s warm-up run first, not counted), with
# $CONNECTIONS connections or, if given, LOAD_CONNECTIONS.
load() {
  local name=$1 connections=${LOAD_CONNECTIONS:-$CONNECTIONS} threads; shift
  threads=$((connections < 2 ? connections : 2))
  wrk -t"$threads" -c"$connections" -d5s "$@" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${SECONDS_EACH}s" --latency "$@" > "$OUT/$name.txt"
  python3 - "$OUT/$name.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {ms('50'):.2f} {ms('99'):.2f} {errors.group(1) if errors else 0}")
PY
}
read -r B_RPS B_P50 B_P99 B_NON2XX < <(load baseline "http://localhost:9080/api/2/no-such-path")
read -r R_RPS R_P50 R_P99 R_NON2XX < <(load report -H "Authorization: Bearer $TOKEN" "$BASE/reports/$REPORT")
read -r T_RPS T_P50 T_P99 T_NON2XX < <(load token -s "$OUT/token.lua" "$BASE/idp/token")
# A token request's own time, without queueing behind 15 others on 2 cores.
read -r S_RPS S_P50 S_P99 S_NON2XX < <(LOAD_CONNECTIONS=1 load token-alone -s "$OUT/token.lua" "$BASE/idp/token")

echo
echo "== HTTP on $DB, one server, $CONNECTIONS connections, ${SECONDS_EACH} s each ($(nproc) cores, wrk on the same machine)"
printf "%-34s %10s %9s %9s %10s   %s\n" endpoint "req/s" "p50 ms" "p99 ms" "non-2xx" "vs baseline"
printf "%-34s %10s %9s %9s %10s   %s\n" "GET unknown path (404, baseline)" "$B_RPS" "$B_P50" "$B_P99" "$B_NON2XX" ""
printf "%-34s %10s %9s %9s %10s   %s\n" "GET /reports/{id}" "$R_RPS" "$R_P50" "$R_P99" "$R_NON2XX" \
  "$(awk "BEGIN { printf \"req/s ×%.2f (target ≥ 0.8), p99 ×%.2f (target ≤ 2)\", $R_RPS / $B_RPS, $R_P99 / $B_P99 }")"
printf "%-34s %10s %9s %9s %10s   %s\n" "POST /idp/token" "$T_RPS" "$T_P50" "$T_P99" "$T_NON2XX" ""
printf "%-34s %10s %9s %9s %10s   %s\n" "POST /idp/token, 1 connection" "$S_RPS" "$S_P50" "$S_P99" "$S_NON2XX" \
  "median ${S_P50} ms (target ≤ 5)"
