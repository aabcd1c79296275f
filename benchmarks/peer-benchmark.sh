#!/usr/bin/env bash
# Peer benchmark: listsub(dept_id=1) through DingBoot, the previous release of DingBoot, the official
# legacy SDK and bare calls over the JDK HttpClient and Apache HttpClient 5, against one WireMock stub
# in its own process. The stub runs on CPU 1 and the clients on CPU 0 (taskset), so the client's CPU
# per call is measured apart from the server's.
# Usage: bash benchmarks/peer-benchmark.sh [warmup-seconds] [measure-seconds] [rounds] [think-µs] [threads] [calls/s]
#   think-µs: CPU work each caller does between two calls (taken out of the figures again), default 0
#   threads:  thread counts to run, comma-separated, default 1,16
#   calls/s:  every case makes at most this many calls a second in total, so that the CPU per call is
#             compared at the same load; default 0, as fast as each case can
# PEER_PREVIOUS: the commit of the previous release to run side by side (default 4f11aff, the last
#   release on RestTemplate); its auto-configuration jar is built once into benchmarks/target.
#   PEER_PREVIOUS=none leaves those cases out.
# PEER_CASES: run only these cases, separated by ';' (the peer cases, or the layers between the bare
#   httpclient5 call and DingBoot, in PeerLayers, with cases that make no call); prints their table without the comparisons.
#   e.g. PEER_PREVIOUS=none PEER_CASES="httpclient5, Boot's settings;httpclient5, Boot's settings, RestClient"
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -P benchmarks -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
previous=${PEER_PREVIOUS:-4f11aff}
previous_jar=""
if [ "$previous" != "none" ]; then
  previous_dir="benchmarks/target/previous-$previous"
  previous_jar="$previous_dir/dingtalk-spring-boot-autoconfigure.jar"
  if [ ! -f "$previous_jar" ]; then
    rm -rf "$previous_dir/src"
    mkdir -p "$previous_dir/src"
    git archive "$previous" | tar -x -C "$previous_dir/src"
    (cd "$previous_dir/src" && mvn -q -B -pl dingtalk-spring-boot-autoconfigure -am package -DskipTests)
    cp "$previous_dir"/src/dingtalk-spring-boot-autoconfigure/target/dingtalk-spring-boot-autoconfigure-*[0-9T].jar \
      "$previous_jar"
  fi
fi
port=18089
taskset -c 1 java -Xmx512m -cp "$jar" io.dingboot.benchmarks.StubServer "$port" > target-stub.log 2>&1 &
stub=$!
trap 'kill $stub 2>/dev/null || true; rm -f target-stub.log' EXIT
for _ in $(seq 1 100); do
  grep -q "stub listening" target-stub.log 2>/dev/null && break
  sleep 0.2
done
taskset -c 0 java -Xmx512m -Dpeer.previous.jar="$previous_jar" -Dpeer.cases="${PEER_CASES:-}" -Dpeer.previous.label="$previous" \
  -cp "$jar" io.dingboot.benchmarks.PeerBenchmark "$port" "${1:-10}" "${2:-10}" "${3:-3}" "${4:-0}" "${5:-1,16}" "${6:-0}"
