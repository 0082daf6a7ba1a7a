#!/usr/bin/env bash
# The deployable package (README, "Deploying"): build the runnable jar, start it with java -jar
# and nothing but environment variables, HTTPS on (README, "HTTPS"), check that it answers on
# both ports, then stop it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests -Prunnable
jar=report-web/target/usage-reports.jar
work=$(mktemp -d)
port=9380
password=ci-admin-password-0123

https_port=9743
keytool -genkeypair -alias reports -keyalg RSA -keysize 2048 -validity 2 -dname "CN=localhost" \
    -ext "SAN=dns:localhost,ip:127.0.0.1" -storetype PKCS12 -keystore "$work/server.p12" \
    -storepass ci-keystore-password 2>/dev/null
keytool -exportcert -rfc -alias reports -keystore "$work/server.p12" -storepass ci-keystore-password \
    > "$work/server.pem" 2>/dev/null

REPORTS_HTTP_PORT=$port REPORTS_DATA_DIR="$work/data" REPORTS_ADMIN_PASSWORD=$password \
    REPORTS_HTTPS=on REPORTS_HTTPS_PORT=$https_port REPORTS_KEYSTORE="$work/server.p12" \
    REPORTS_KEYSTORE_PASSWORD=ci-keystore-password \
    WLP_JAR_EXTRACT_ROOT="$work/extract" java -jar "$jar" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null && wait "$server" || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/health/ready" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; echo "the jar's server exited"; exit 1; }
    sleep 1
done
curl -sf "http://localhost:$port/health/ready"
echo
me=$(curl -sf -u "admin:$password" "http://localhost:$port/api/2/users/me")
[[ $me == *'"login":"admin"'* ]] || { echo "unexpected /users/me: $me"; exit 1; }
metrics=$(curl -sf "http://localhost:$port/metrics")
[[ $metrics == *reports_stored_bytes* ]] || { echo "no reports_stored_bytes on /metrics"; exit 1; }
test -f "$work/data/db/reports.mv.db"
for _ in $(seq 1 30); do
    curl -sf --cacert "$work/server.pem" "https://localhost:$https_port/health/ready" >/dev/null && break
    sleep 1
done
me=$(curl -sf --cacert "$work/server.pem" -u "admin:$password" "https://localhost:$https_port/api/2/users/me")
[[ $me == *'"login":"admin"'* ]] || { cat "$work/server.log"; echo "no answer over HTTPS: $me"; exit 1; }

kill -TERM "$server"
wait "$server" || true
grep -q 'CWWKE0036I' "$work/server.log" || { cat "$work/server.log"; echo "no clean stop"; exit 1; }
echo "runnable jar: started with java -jar, answered over HTTP and HTTPS, stopped cleanly"
