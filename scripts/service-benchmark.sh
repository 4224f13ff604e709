#!/usr/bin/env bash
# Times the service targets of docs/benchmarks.md on this machine: app start on an empty embedded store,
# the import of 10,000 requests and 2,000 mentors, a run (time limit 30 s) timed from its start call to its end,
# and reading its proposals (JSON and CSV).
# Usage: scripts/service-benchmark.sh [requests mentors]   (default 10000 2000; builds the jar and the benchmark
# module first; uses port 18080)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18080
WORK=$(mktemp -d)
ADMIN_EMAIL=bench-admin@example.org
ADMIN_PASSWORD=Bench-coordinator-2026
A="$ADMIN_EMAIL:$ADMIN_PASSWORD"
REQUESTS=${1:-10000}
MENTORS=${2:-2000}

# the benchmark module comes last in the reactor, so its class path is the one left in cp.txt
./mvnw -q -B -Pbenchmark -DskipTests -Dexec.skip -pl mentoring-web,mentoring-benchmark -am package \
  dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime
java -cp "mentoring-benchmark/target/classes:$(cat "$WORK/cp.txt")" org.mentoring.benchmark.ImportPayload \
  "$REQUESTS" "$MENTORS" 4 "$WORK/import.json"
echo "payload: $(du -h "$WORK/import.json" | cut -f1)"

start=$(date +%s.%N)
SERVER_PORT=$PORT MENTORING_DATA_DIR="$WORK/data" MENTORING_DEMO_DATA=false \
  MENTORING_ADMIN_EMAIL=$ADMIN_EMAIL MENTORING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java -jar mentoring-web/target/mentoring-web-*.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "localhost:$PORT/actuator/health" > /dev/null; do sleep 0.2; done
echo "app ready after $(echo "$(date +%s.%N) - $start" | bc) s; $(grep -o 'Started MentoringApplication in [0-9.]* seconds' "$WORK/app.log")"

t=$(date +%s.%N)
curl -s -u "$A" -H 'Content-Type: application/json' --data-binary @"$WORK/import.json" "localhost:$PORT/api/v1/import" > "$WORK/report.json"
echo "import of $REQUESTS requests and $MENTORS mentors: $(echo "$(date +%s.%N) - $t" | bc) s: $(head -c 200 "$WORK/report.json")"

t=$(date +%s.%N)
RUN=$(curl -sf -u "$A" -H 'Content-Type: application/json' -d '{"timeLimitSeconds": 30}' "localhost:$PORT/api/v1/matching-runs" | sed 's/.*"id":"\([^"]*\)".*/\1/')
until curl -sf -u "$A" "localhost:$PORT/api/v1/matching-runs/$RUN" | grep -qE '"status":"(COMPLETED|CANCELLED|FAILED)"'; do sleep 0.05; done
echo "run: start call to its end in $(echo "$(date +%s.%N) - $t" | bc) s"
curl -sf -u "$A" "localhost:$PORT/api/v1/matching-runs/$RUN" | grep -o '"status":"[A-Z]*"\|"score":"[^"]*"\|"matchedCount":[0-9]*\|"elapsedMillis":[0-9]*\|"provenOptimal":[a-z]*' | tr '\n' ' '; echo
grep -o "Run $RUN: .*\|Construction: .*\|Matching run $RUN COMPLETED.*" "$WORK/app.log" || true
for i in 1 2 3; do
  t=$(date +%s.%N)
  curl -sf -u "$A" -o "$WORK/proposals.json" "localhost:$PORT/api/v1/matching-runs/$RUN/proposals"
  echo "proposals (JSON, $(du -h "$WORK/proposals.json" | cut -f1)) read $i: $(echo "$(date +%s.%N) - $t" | bc) s"
done
t=$(date +%s.%N)
curl -sf -u "$A" -o "$WORK/proposals.csv" "localhost:$PORT/api/v1/matching-runs/$RUN/proposals.csv"
echo "proposals (CSV): $(echo "$(date +%s.%N) - $t" | bc) s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
