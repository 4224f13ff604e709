#!/usr/bin/env bash
# Times the service targets of docs/benchmarks.md on this machine: app start on an empty embedded store,
# the import of 10,000 requests and 2,000 mentors (in bodies of at most 10,000 records, mentors first: the app
# refuses bodies over 20 MB), a run (time limit 300 s) timed from its start call to its end, and reading its
# proposals (JSON and CSV). The app runs with -Xmx2g (HEAP=4g changes it) and logs its collections; the peak heap
# is the largest heap in use before a collection, during the import and during the run. CPU s is the app
# process's CPU time (all threads) in each step: on a shared machine it says more than the wall time.
# Usage: scripts/service-benchmark.sh [requests mentors]   (default 10000 2000; builds the jar and the benchmark
# module first; APP_JAVA_OPTS adds options to the app's JVM, for example a flight recording; uses port 18080, or $PORT, and stops if something already answers there)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
if curl -s -o /dev/null "localhost:$PORT"; then
  echo "port $PORT is in use (another app?): set PORT to a free one" >&2
  exit 1
fi
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
  "$REQUESTS" "$MENTORS" 4 "$WORK/import"
echo "payload: $(ls "$WORK/import" | wc -l) bodies, largest $(du -h "$WORK"/import/*.json | sort -h | tail -1 | cut -f1)"
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$APP/stat"; }
# the largest heap in use before a collection, in MiB, from the line of the GC log after line $1
peak() { tail -n +"$(( $1 + 1 ))" "$WORK/gc.log" | grep -o '[0-9]*M->' | sed 's/M->//' | sort -n | tail -1; }

start=$(date +%s.%N)
SERVER_PORT=$PORT MENTORING_DATA_DIR="$WORK/data" MENTORING_DEMO_DATA=false \
  MENTORING_ADMIN_EMAIL=$ADMIN_EMAIL MENTORING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java -Xmx${HEAP:-2g} -Xlog:gc:file="$WORK/gc.log" ${APP_JAVA_OPTS:-} -jar mentoring-web/target/mentoring-web-*.jar \
  > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "localhost:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
  sleep 0.2
done
echo "app ready after $(echo "$(date +%s.%N) - $start" | bc) s; $(grep -o 'Started MentoringApplication in [0-9.]* seconds' "$WORK/app.log")"

echo "load average before the import: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(date +%s.%N); c=$(cpu); g=$(wc -l < "$WORK/gc.log")
for body in "$WORK"/import/*.json; do
  b=$(date +%s.%N)
  curl -s -u "$A" -H 'Content-Type: application/json' --data-binary @"$body" "localhost:$PORT/api/v1/import" > "$WORK/report.json"
  echo "  $(basename "$body") ($(du -h "$body" | cut -f1)): $(echo "$(date +%s.%N) - $b" | bc) s: $(head -c 120 "$WORK/report.json")"
done
echo "import of $REQUESTS requests and $MENTORS mentors: $(echo "$(date +%s.%N) - $t" | bc) s, CPU $(echo "$(cpu) - $c" | bc) s, heap peak $(peak "$g") MiB"

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(date +%s.%N); c=$(cpu); g=$(wc -l < "$WORK/gc.log")
RUN=$(curl -sf -u "$A" -H 'Content-Type: application/json' -d '{"timeLimitSeconds": 300}' "localhost:$PORT/api/v1/matching-runs" | sed 's/.*"id":"\([^"]*\)".*/\1/')
until curl -sf -u "$A" "localhost:$PORT/api/v1/matching-runs/$RUN" | grep -qE '"status":"(COMPLETED|CANCELLED|FAILED)"'; do sleep 0.05; done
echo "run: start call to its end in $(echo "$(date +%s.%N) - $t" | bc) s, CPU $(echo "$(cpu) - $c" | bc) s, heap peak $(peak "$g") MiB (limit ${HEAP:-2g})"
curl -sf -u "$A" "localhost:$PORT/api/v1/matching-runs/$RUN" | grep -o '"status":"[A-Z]*"\|"score":"[^"]*"\|"matchedCount":[0-9]*\|"elapsedMillis":[0-9]*\|"provenOptimal":[a-z]*' | tr '\n' ' '; echo
curl -sf -u "$A" "localhost:$PORT/api/v1/matching-runs/$RUN" | grep -o '"certified":[a-z]*\|"failureReason":"[^"]*"' | tr '\n' ' '; echo
grep -o "Run $RUN: .*\|Construction: .*\|Certificate: .*\|Matching run $RUN.*" "$WORK/app.log" || true
for i in 1 2 3; do
  t=$(date +%s.%N)
  curl -sf -u "$A" -o "$WORK/proposals.json" "localhost:$PORT/api/v1/matching-runs/$RUN/proposals"
  echo "proposals (JSON, $(du -h "$WORK/proposals.json" | cut -f1)) read $i: $(echo "$(date +%s.%N) - $t" | bc) s"
done
t=$(date +%s.%N)
curl -sf -u "$A" -o "$WORK/proposals.csv" "localhost:$PORT/api/v1/matching-runs/$RUN/proposals.csv"
echo "proposals (CSV): $(echo "$(date +%s.%N) - $t" | bc) s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
