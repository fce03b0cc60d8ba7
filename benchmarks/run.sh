#!/usr/bin/env bash
# Runs every Spur benchmark and prints one markdown table. See benchmarks/README.md.
#
# Environment (all optional):
#   PARTS          which parts to run, default "lookup e2e layers store bindings startup build"; "h2" (not in the
#                  default) compares HTTP/1.1 (wrk) with h2c prior knowledge (h2load) on one server
#   H2_ROUNDS      rounds of the h2 part over its servers (median reported), default 2
#   H2LOAD_OPTS    default "-t2 -c64 -m1" (one stream per connection, as wrk's one request)
#   JMH_OPTS       JMH options for the lookup benchmarks, default "-f 2 -wi 4 -i 5 -w 1s -r 1s"
#   E2E_DURATION   measured wrk seconds per server and round, default 10
#   E2E_WARMUP     unmeasured wrk seconds before each measurement, default 5
#   E2E_ROUNDS     rounds over the three servers (the median is reported), default 3
#   LAYERS_ROUNDS  rounds of the layers part over its two routes (order alternating), default 6
#   LAYERS_JMH_OPTS JMH options for LayerChainBenchmark, default JMH_OPTS
#   BINDINGS_JMH_OPTS JMH options for BindingBenchmark, default "-f 3 -wi 10 -i 5 -w 1s -r 1s"
#   WRK_OPTS       default "-t2 -c64"
#   STARTUP_RUNS   start-up runs per app (median reported), default 7
#   BUILD_RUNS     "WARM COLD" javac runs per variant, default "5 3"
#   SKIP_BUILD=1   do not run mvn package first
#   SPUR_ROUTESETS route-set folder, default ../shared/routesets beside the repository
#   BASE_PORT      first loopback port to use, default 18080
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PARTS=${PARTS:-"lookup e2e layers store bindings startup build"}
JMH_OPTS=${JMH_OPTS:-"-f 2 -wi 4 -i 5 -w 1s -r 1s"}
LAYERS_JMH_OPTS=${LAYERS_JMH_OPTS:-$JMH_OPTS}
LAYERS_ROUNDS=${LAYERS_ROUNDS:-6}
BINDINGS_JMH_OPTS=${BINDINGS_JMH_OPTS:-"-f 3 -wi 10 -i 5 -w 1s -r 1s"}
E2E_DURATION=${E2E_DURATION:-10}
E2E_WARMUP=${E2E_WARMUP:-5}
E2E_ROUNDS=${E2E_ROUNDS:-3}
WRK_OPTS=${WRK_OPTS:-"-t2 -c64"}
STARTUP_RUNS=${STARTUP_RUNS:-7}
BUILD_RUNS=${BUILD_RUNS:-"5 3"}
ROUTESETS=${SPUR_ROUTESETS:-$(cd "$ROOT/.." && pwd)/shared/routesets}
BASE_PORT=${BASE_PORT:-18080}
H2_ROUNDS=${H2_ROUNDS:-2}
H2LOAD_OPTS=${H2LOAD_OPTS:-"-t2 -c64 -m1"}
SERVER_FLAGS="-Xms512m -Xmx512m"
OUT=benchmarks/target/results
JAR=benchmarks/target/benchmarks.jar
STARTED=$(date +%s)

log() { echo "[run.sh $(date +%H:%M:%S)] $*" >&2; }
has() { [[ " $PARTS " == *" $1 "* ]]; }

# A JDK >= 21 with javac (the benchmarks compile route sets in-process): JAVA_HOME, else the newest
# under /usr/lib/jvm.
find_java() {
  local candidates=() c v best="" best_v=0
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/*/; do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if (( v >= 21 && v > best_v )); then best="$c/bin/java"; best_v=$v; fi
  done
  [[ -n "$best" ]] || { echo "no JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
  echo "$best"
}
JAVA=$(find_java)
log "java: $JAVA"

# Processes this script started, ended on exit.
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]:-}"; do
    [[ -n "$p" ]] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

# Polls http://127.0.0.1:PORT/PATH until 200, for at most SECONDS; fails if the process died.
wait_200() {
  local port=$1 path=$2 pid=$3 seconds=$4 deadline code
  deadline=$(( $(date +%s) + seconds ))
  while (( $(date +%s) < deadline )); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port$path" || true)
    [[ "$code" == 200 ]] && return 0
    kill -0 "$pid" 2>/dev/null || { log "server $pid died"; return 1; }
    sleep 0.005
  done
  log "no 200 from port $port within ${seconds}s"
  return 1
}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
[[ -f "$JAR" ]] || { echo "$JAR missing: build first" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "java $JAVA"
  echo "routesets $ROUTESETS"
} > "$OUT/meta.txt"

# ------------------------------------------------------------------ 1. router lookup (JMH)
# JMH forks inherit the host JVM's options (so -Dspur.routesets) and add the @Fork jvmArgsAppend.
if has lookup; then
  log "lookup: JMH $JMH_OPTS -prof gc (log in $OUT/lookup.log)"
  # shellcheck disable=SC2086
  "$JAVA" -Dspur.routesets="$ROUTESETS" -jar "$JAR" 'RouterLookupBenchmark' $JMH_OPTS -prof gc -rf csv -rff "$OUT/lookup.csv" > "$OUT/lookup.log" 2>&1 \
    || { tail -50 "$OUT/lookup.log"; exit 1; }
  log "lookup breakdown: JMH (github-api, Spur's steps alone)"
  # shellcheck disable=SC2086
  "$JAVA" -Dspur.routesets="$ROUTESETS" -jar "$JAR" 'SpurBreakdownBenchmark' $JMH_OPTS -rf csv -rff "$OUT/breakdown.csv" > "$OUT/breakdown.log" 2>&1 \
    || { tail -50 "$OUT/breakdown.log"; exit 1; }
  echo "jmh $JMH_OPTS -prof gc" >> "$OUT/meta.txt"
fi

# ------------------------------------------------------------------ 2. end to end (wrk)
if has e2e; then
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
  fi
  LOOKUPS="$ROUTESETS/github-api.lookups"
  FIRST_PATH=$(awk '/^[A-Z]/ {print $2; exit}' "$LOOKUPS")
  : > "$OUT/e2e.txt"
  KINDS=(bare helidon spur)
  for round in $(seq 1 "$E2E_ROUNDS"); do
    # the order rotates each round, so no server always runs right after the same one
    for i in 0 1 2; do
      kind=${KINDS[$(( (i + round - 1) % 3 ))]}
      port=$(pick_port "$BASE_PORT")
      log "e2e round $round: $kind on 127.0.0.1:$port"
      # shellcheck disable=SC2086
      "$JAVA" $SERVER_FLAGS -Dspur.routesets="$ROUTESETS" -cp "$JAR" dev.spur.bench.e2e.E2eServer "$kind" "$port" github-api \
          > "$OUT/e2e-$kind-$round.log" 2>&1 &
      pid=$!
      PIDS+=("$pid")
      wait_200 "$port" "$FIRST_PATH" "$pid" 60 || { cat "$OUT/e2e-$kind-$round.log"; exit 1; }
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_WARMUP}s" -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$LOOKUPS" > /dev/null
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_DURATION}s" --latency -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$LOOKUPS" \
          > "$OUT/wrk-$kind-$round.txt"
      echo "$kind $round $(grep '^RESULT' "$OUT/wrk-$kind-$round.txt")" >> "$OUT/e2e.txt"
      grep -E 'Requests/sec' "$OUT/wrk-$kind-$round.txt" >&2 || true
      stop "$pid"
    done
  done
  echo "e2e wrk $WRK_OPTS -d${E2E_DURATION}s --latency after ${E2E_WARMUP}s warm-up, $E2E_ROUNDS rounds; server JVM flags: $SERVER_FLAGS" >> "$OUT/meta.txt"
fi

# ------------------------------------------------------------------ 2b. layers (JMH + wrk)
# The same handler with no layer (GET /plain/{id}) and inside three layers (GET /layer/{id}),
# LayerRouter compiled by the processor in this module: in memory (JMH), then end to end on one
# server, wrk alternating between the two paths each round.
if has layers; then
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
  fi
  log "layers: JMH $LAYERS_JMH_OPTS -prof gc (log in $OUT/layers.log)"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" 'LayerChainBenchmark' $LAYERS_JMH_OPTS -prof gc -rf csv -rff "$OUT/layers.csv" > "$OUT/layers.log" 2>&1 \
    || { tail -50 "$OUT/layers.log"; exit 1; }
  echo "layers-jmh $LAYERS_JMH_OPTS -prof gc" >> "$OUT/meta.txt"
  echo "GET /plain/1" > "$OUT/layers-plain.lookups"
  echo "GET /layer/1" > "$OUT/layers-layered.lookups"
  : > "$OUT/layers-e2e.txt"
  port=$(pick_port "$BASE_PORT")
  log "layers e2e: one server on 127.0.0.1:$port"
  # shellcheck disable=SC2086
  "$JAVA" $SERVER_FLAGS -cp "$JAR" dev.spur.bench.e2e.E2eServer layers "$port" > "$OUT/e2e-layers.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  wait_200 "$port" /layer/1 "$pid" 60 || { cat "$OUT/e2e-layers.log"; exit 1; }
  for route in plain layered; do
    # shellcheck disable=SC2086
    wrk $WRK_OPTS -d"${E2E_WARMUP}s" -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/layers-$route.lookups" > /dev/null
  done
  for round in $(seq 1 "$LAYERS_ROUNDS"); do
    # the order alternates each round, so neither route always runs first
    order="plain layered"
    (( round % 2 == 0 )) && order="layered plain"
    for route in $order; do
      log "layers e2e round $round: /$route/1"
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_DURATION}s" --latency -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/layers-$route.lookups" \
          > "$OUT/wrk-layers-$route-$round.txt"
      echo "$route $round $(grep '^RESULT' "$OUT/wrk-layers-$route-$round.txt")" >> "$OUT/layers-e2e.txt"
      grep -E 'Requests/sec' "$OUT/wrk-layers-$route-$round.txt" >&2 || true
    done
  done
  stop "$pid"
  echo "layers-e2e one server (flags $SERVER_FLAGS), wrk $WRK_OPTS -d${E2E_DURATION}s per route and round after ${E2E_WARMUP}s warm-up per route, $LAYERS_ROUNDS rounds alternating the order" >> "$OUT/meta.txt"
fi

# ------------------------------------------------------------------ 2c. the example app's store (wrk)
# GET /bookmarks/1 of the example app over its three stores: in memory, the embedded H2 file
# database, a real PostgreSQL server (started inside the server process, over loopback TCP).
# One server at a time, the order rotating each round; the median of the rounds is reported.
if has store; then
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
  fi
  echo "GET /bookmarks/1" > "$OUT/store.lookups"
  : > "$OUT/store.txt"
  STORES=(memory h2 postgresql)
  for round in $(seq 1 "$E2E_ROUNDS"); do
    for i in 0 1 2; do
      kind=${STORES[$(( (i + round - 1) % 3 ))]}
      port=$(pick_port "$BASE_PORT")
      log "store round $round: $kind on 127.0.0.1:$port"
      # shellcheck disable=SC2086
      "$JAVA" $SERVER_FLAGS -cp "$JAR" dev.spur.bench.e2e.StoreServer "$kind" "$port" > "$OUT/store-$kind-$round.log" 2>&1 &
      pid=$!
      PIDS+=("$pid")
      wait_200 "$port" /bookmarks/1 "$pid" 120 || { cat "$OUT/store-$kind-$round.log"; exit 1; }
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_WARMUP}s" -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/store.lookups" > /dev/null
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_DURATION}s" --latency -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/store.lookups" \
          > "$OUT/wrk-store-$kind-$round.txt"
      echo "$kind $round $(grep '^RESULT' "$OUT/wrk-store-$kind-$round.txt")" >> "$OUT/store.txt"
      grep -E 'Requests/sec' "$OUT/wrk-store-$kind-$round.txt" >&2 || true
      stop "$pid"
      # every answer must have been a 200: a 503 (no connection free within db.pool.timeout) fails the
      # run, and so do socket errors (wrk's 2 s timeouts included) on more than 0.1 % of the requests
      awk -v k="$kind" -v r="$round" '$1 == k && $2 == r {
          if ($8 + $9 > 0) printf "store %s round %s: %d socket errors, %d answers not 2xx/3xx of %d\n", k, r, $8, $9, $4
          if ($9 > 0 || $8 * 1000 > $4) bad = 1 }
          END { exit bad }' "$OUT/store.txt" >&2 || { tail -20 "$OUT/store-$kind-$round.log"; exit 1; }
    done
  done
  # median requests/s per store, and each store's ratio to the in-memory one
  for kind in memory h2 postgresql; do
    awk -v k="$kind" '$1 == k { printf "%.0f\n", $4 / ($5 / 1000000) }' "$OUT/store.txt" | sort -n \
      | awk -v k="$kind" '{ v[NR] = $1 } END { print k, v[int((NR + 1) / 2)] }'
  done > "$OUT/store-median.txt"
  awk 'NR == 1 { base = $2 } { printf "store %-10s %8d req/s  %.2fx in-memory\n", $1, $2, $2 / base }' "$OUT/store-median.txt" >&2
  echo "store GET /bookmarks/1, wrk $WRK_OPTS -d${E2E_DURATION}s after ${E2E_WARMUP}s warm-up, $E2E_ROUNDS rounds rotating memory/h2/postgresql; server JVM flags: $SERVER_FLAGS" >> "$OUT/meta.txt"
fi

# ------------------------------------------------------------------ 2e. service bindings (JMH)
# The generated CatalogBinding's typed call (GET /catalog/products/{id}, two service-level layers, a
# record back) in process and over loopback HTTP to a second server's internal listener: both in
# one JMH run; Report prints ns/op, B/op and the ratio.
if has bindings; then
  log "bindings: JMH $BINDINGS_JMH_OPTS -prof gc (log in $OUT/bindings.log)"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" 'BindingBenchmark' $BINDINGS_JMH_OPTS -prof gc -rf csv -rff "$OUT/bindings.csv" > "$OUT/bindings.log" 2>&1 \
    || { tail -50 "$OUT/bindings.log"; exit 1; }
  echo "bindings-jmh $BINDINGS_JMH_OPTS -prof gc" >> "$OUT/meta.txt"
  grep -E '^BindingBenchmark\.[a-zA-Z]+ |alloc\.rate\.norm' "$OUT/bindings.log" >&2 || true
fi

# ------------------------------------------------------------------ 3. start-up
if has startup; then
  : > "$OUT/startup.txt"
  for run in $(seq 1 "$STARTUP_RUNS"); do
    for app in spur spurhello helidon; do
      port=$(pick_port "$BASE_PORT")
      main=dev.spur.example.Main
      [[ "$app" == spurhello ]] && main=dev.spur.bench.startup.SpurHelloMain
      [[ "$app" == helidon ]] && main=dev.spur.bench.startup.HelidonHelloMain
      t0=$(date +%s%N)
      "$JAVA" -cp "$JAR" "$main" "$port" > "$OUT/startup-$app-$run.log" 2>&1 &
      pid=$!
      PIDS+=("$pid")
      wait_200 "$port" / "$pid" 30 || { cat "$OUT/startup-$app-$run.log"; exit 1; }
      t1=$(date +%s%N)
      echo "$app $run $(( (t1 - t0) / 1000000 ))" >> "$OUT/startup.txt"
      stop "$pid"
    done
  done
  log "start-up (ms): $(tr '\n' ';' < "$OUT/startup.txt")"
  echo "startup $STARTUP_RUNS runs per app, alternating; java -cp benchmarks.jar MAIN PORT, no other flags" >> "$OUT/meta.txt"
fi

# ------------------------------------------------------------------ 4. build time
if has build; then
  log "build: javac with and without Spur's processor"
  # shellcheck disable=SC2086
  "$JAVA" -cp "$JAR" dev.spur.bench.build.BuildTime $BUILD_RUNS > "$OUT/build.txt"
  cat "$OUT/build.txt" >&2
fi

# ------------------------------------------------------------------ h2. HTTP/1.1 vs h2c (wrk, h2load)
# The e2e servers (plain Helidon with HTTP/2 discovered, Spur) each measured over HTTP/1.1 with wrk
# and over h2c prior knowledge with h2load, on the same GET paths of the same route set, same run.
if has h2; then
  if ! command -v h2load > /dev/null; then
    log "installing h2load (nghttp2-client)"
    apt-get update -qq && apt-get install -y -qq nghttp2-client > /dev/null
  fi
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk > /dev/null
  fi
  LOOKUPS="$ROUTESETS/github-api.lookups"
  FIRST_PATH=$(awk '/^[A-Z]/ {print $2; exit}' "$LOOKUPS")
  grep '^GET ' "$LOOKUPS" > "$OUT/h2-lookups.txt"
  : > "$OUT/h2.txt"
  H2_KINDS=(helidon spur)
  for round in $(seq 1 "$H2_ROUNDS"); do
    for i in 0 1; do
      kind=${H2_KINDS[$(( (i + round - 1) % 2 ))]}
      port=$(pick_port "$BASE_PORT")
      log "h2 round $round: $kind on 127.0.0.1:$port"
      # shellcheck disable=SC2086
      "$JAVA" $SERVER_FLAGS -Dspur.routesets="$ROUTESETS" -cp "$JAR" dev.spur.bench.e2e.E2eServer "$kind" "$port" github-api \
          > "$OUT/h2-$kind-$round.log" 2>&1 &
      pid=$!
      PIDS+=("$pid")
      wait_200 "$port" "$FIRST_PATH" "$pid" 60 || { cat "$OUT/h2-$kind-$round.log"; exit 1; }
      awk -v base="http://127.0.0.1:$port" '{print base $2}' "$OUT/h2-lookups.txt" > "$OUT/h2-uris-$port.txt"
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_WARMUP}s" -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/h2-lookups.txt" > /dev/null
      # shellcheck disable=SC2086
      wrk $WRK_OPTS -d"${E2E_DURATION}s" -s benchmarks/wrk/rotate.lua "http://127.0.0.1:$port" -- "$OUT/h2-lookups.txt" \
          > "$OUT/h2-wrk-$kind-$round.txt"
      h1=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/h2-wrk-$kind-$round.txt")
      # shellcheck disable=SC2086
      h2load $H2LOAD_OPTS -D "$E2E_WARMUP" -i "$OUT/h2-uris-$port.txt" > /dev/null 2>&1 || true
      # shellcheck disable=SC2086
      h2load $H2LOAD_OPTS -D "$E2E_DURATION" -i "$OUT/h2-uris-$port.txt" > "$OUT/h2-h2load-$kind-$round.txt" 2>&1 \
          || { cat "$OUT/h2-h2load-$kind-$round.txt"; exit 1; }
      h2=$(awk '/^finished in/ {gsub(",", "", $4); print $4}' "$OUT/h2-h2load-$kind-$round.txt")
      # the set's one 404 path counts as "failed" in h2load (as non-2xx in wrk): only errors,
      # timeouts and 5xx fail the part
      broken=$(awk '/^requests:/ {e = $12 + $14} /^status codes:/ {e += $9} END {print e}' "$OUT/h2-h2load-$kind-$round.txt")
      [[ "$broken" == 0 ]] || { log "h2load: $broken requests errored, timed out or got a 5xx"; cat "$OUT/h2-h2load-$kind-$round.txt"; exit 1; }
      log "  http/1.1 $h1 req/s, h2c $h2 req/s"
      echo "$kind $round $h1 $h2" >> "$OUT/h2.txt"
      stop "$pid"
    done
  done
  echo "h2 wrk $WRK_OPTS vs h2load $H2LOAD_OPTS, -d${E2E_DURATION}s after ${E2E_WARMUP}s warm-up each, $H2_ROUNDS rounds" >> "$OUT/meta.txt"
  # medians per server and protocol, and the ratios
  {
    echo "| server | HTTP/1.1 (wrk) req/s | h2c (h2load) req/s | h2c / HTTP/1.1 |"
    echo "|---|---:|---:|---:|"
    for kind in helidon spur; do
      h1=$(awk -v k="$kind" '$1 == k {print $3}' "$OUT/h2.txt" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
      h2=$(awk -v k="$kind" '$1 == k {print $4}' "$OUT/h2.txt" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
      echo "$kind $h1 $h2" >> "$OUT/h2-medians.txt"
      awk -v k="$kind" -v a="$h1" -v b="$h2" 'BEGIN {printf "| %s | %.0f | %.0f | %.2f |\n", k, a, b, b / a}'
    done
    awk 'NR == 1 {h1 = $2; h2 = $3} NR == 2 {printf "\nSpur / plain Helidon: HTTP/1.1 %.2f, h2c %.2f\n", $2 / h1, $3 / h2}' "$OUT/h2-medians.txt"
  } > "$OUT/h2.md"
  cat "$OUT/h2.md" >&2
fi

ELAPSED=$(( $(date +%s) - STARTED ))
echo "elapsed run.sh took $((ELAPSED / 60)) min $((ELAPSED % 60)) s (parts: $PARTS)" >> "$OUT/meta.txt"
if uptime > /dev/null 2>&1; then
  echo "load load average at the end: $(uptime | sed 's/.*load average: //')" >> "$OUT/meta.txt"
fi
"$JAVA" -Dspur.routesets="$ROUTESETS" -cp "$JAR" dev.spur.bench.Report "$OUT" | tee "$OUT/table.md"
if [[ -f "$OUT/h2.md" ]]; then
  { echo; echo "HTTP/1.1 and h2c, same servers, same paths:"; echo; cat "$OUT/h2.md"; } | tee -a "$OUT/table.md"
fi
