#!/usr/bin/env bash
# Peer benchmark: listsub(dept_id=1) through DingBoot, the official legacy SDK and a bare JDK
# HttpClient call, against one WireMock stub in its own process. The stub runs on CPU 1 and the
# clients on CPU 0 (taskset), so the client's CPU per call is measured apart from the server's.
# Usage: bash benchmarks/peer-benchmark.sh [warmup-seconds] [measure-seconds] [rounds] [think-µs] [threads]
#   think-µs: CPU work each caller does between two calls (taken out of the figures again), default 0
#   threads:  thread counts to run, comma-separated, default 1,16
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -P benchmarks -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
port=18089
taskset -c 1 java -Xmx512m -cp "$jar" io.dingboot.benchmarks.StubServer "$port" > target-stub.log 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -f target-stub.log' EXIT
for _ in $(seq 1 100); do
  grep -q "stub listening" target-stub.log 2>/dev/null && break
  sleep 0.2
done
taskset -c 0 java -Xmx512m -cp "$jar" io.dingboot.benchmarks.PeerBenchmark "$port" "${1:-10}" "${2:-10}" "${3:-3}" \
  "${4:-0}" "${5:-1,16}"
