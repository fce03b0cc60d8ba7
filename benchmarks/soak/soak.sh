#!/bin/sh
# Soak test: the loopback load test (64 keep-alive clients on virtual threads, a mix of good and
# bad requests) with many more requests per client, so that slow leaks show in its heap check.
# Loopback only, bounded in count. Usage: benchmarks/soak/soak.sh [requests-per-client, default 20000]
set -eu
requests="${1:-20000}"
cd "$(dirname "$0")/../.."
exec mvn -B -q verify -pl tests -am -Dtest=LoopbackLoadTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspur.load.requests="$requests"
