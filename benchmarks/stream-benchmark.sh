#!/usr/bin/env bash
# Stream peer benchmark: the same events through DingBoot's Stream client and through the official
# com.dingtalk.open:app-stream-client, one after the other, against one fake Stream gateway process
# (FakeStreamGateway over TLS, with the workload) on CPU 1; each client runs in its own JVM on CPU 0
# (taskset), so the client's CPU per event is measured apart from the gateway's.
# Both clients get exactly the same frames: the gateway process pushes them, the clients only
# receive, ack and record what reached their listener.
# Usage: bash benchmarks/stream-benchmark.sh [warmup-seconds] [measure-seconds] [disconnects] [drops]
#   defaults 15 10 20 100 (the warm-up lets the JIT compilers settle: their CPU counts as the client's)
# Phases per client: saturation (as fast as acks come back, at most 256 unanswered), 1,000 events/s
# (push-to-ack latency seen by the gateway), forced disconnect frames, dropped connections.
# STREAM_CLIENTS: which clients, in order (default "dingboot official"); "jdk-floor" adds the bare JDK
#   WebSocket (reads and acks on its own thread, nothing else), the floor under any client built on it;
#   "tomcat-floor", "netty-floor" and "netty-boringssl-floor" do the same on Tomcat's Jakarta WebSocket client
#   (behind Spring's StandardWebSocketClient) and on Netty (behind Spring's ReactorNettyWebSocketClient) with the
#   JDK's TLS or with BoringSSL.
#   The floors do not reconnect, so run them with 0 disconnects and 0 drops, e.g.
#   STREAM_CLIENTS="dingboot official jdk-floor tomcat-floor netty-floor netty-boringssl-floor" bash benchmarks/stream-benchmark.sh 15 10 0 0
# STREAM_JAVA_OPTS: extra JVM options for the client processes, e.g. -Dfloor.flush=batched (the Netty floors
#   write acks as frames arrive and flush once per read instead of once per ack).
# STREAM_BUILD=no: use benchmarks/target/benchmarks.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=${1:-15}
measure=${2:-10}
disconnects=${3:-20}
drops=${4:-100}
if [ "${STREAM_BUILD:-yes}" != "no" ]; then
  nice -n 19 mvn -q -B -P benchmarks -pl benchmarks -am package -DskipTests
fi
jar=benchmarks/target/benchmarks.jar
work=benchmarks/target/stream-benchmark
rm -rf "$work"
mkdir -p "$work"
# a certificate for localhost (a host name: clients send it as SNI), made for this run only
password=stream-benchmark
keytool -genkeypair -alias gateway -keyalg EC -groupname secp256r1 -dname CN=localhost -ext SAN=dns:localhost \
  -validity 2 -storetype PKCS12 -keystore "$work/gateway.p12" -storepass "$password" -keypass "$password" 2>/dev/null
keytool -exportcert -alias gateway -keystore "$work/gateway.p12" -storepass "$password" -file "$work/gateway.cer" 2>/dev/null
keytool -importcert -noprompt -alias gateway -file "$work/gateway.cer" -storetype PKCS12 \
  -keystore "$work/trust.p12" -storepass "$password" >/dev/null 2>&1
control=18091
# the fake gateway keeps every push and ack it handled (about 1.5 million in a run): 6 GiB of heap
taskset -c 1 java -Xmx6g -cp "$jar" io.dingboot.benchmarks.stream.StreamGateway "$control" "$work/gateway.p12" \
  "$password" > "$work/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  grep -q "stream gateway listening" "$work/gateway.log" 2>/dev/null && break
  sleep 0.2
done
url=$(sed -n 's/^stream gateway listening //p' "$work/gateway.log")
echo "gateway $url on CPU 1; clients on CPU 0; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for client in ${STREAM_CLIENTS:-dingboot official}; do
  # shellcheck disable=SC2086
  taskset -c 0 java -Xmx1g ${STREAM_JAVA_OPTS:-} -Djavax.net.ssl.trustStore="$work/trust.p12" -Djavax.net.ssl.trustStorePassword="$password" \
    -cp "$jar" io.dingboot.benchmarks.stream.StreamBenchmark "$client" "$control" "$url" "$warmup" "$measure" \
    "$disconnects" "$drops" "$work/$client.txt" > "$work/$client.log" 2>&1 \
    || { echo "$client failed, see $work/$client.log"; tail -20 "$work/$client.log"; exit 1; }
  echo "$client done; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
# side by side, and each client's figure over the official client's where it ran
awk -F= '
  FNR == 1 { file++; name[file] = FILENAME; sub(/.*\//, "", name[file]); sub(/\.txt$/, "", name[file]) }
  { if (!($1 in seen)) { order[++n] = $1; seen[$1] = 1 } value[file, $1] = $2 }
  END {
    for (f = 1; f <= file; f++) if (name[f] == "official") official = f
    printf "%-32s", ""
    for (f = 1; f <= file; f++) printf " %14s", name[f]
    if (official) for (f = 1; f <= file; f++) if (f != official) printf " %14s", name[f] "/off."
    printf "\n"
    for (i = 1; i <= n; i++) {
      key = order[i]
      printf "%-32s", key
      for (f = 1; f <= file; f++) printf " %14s", value[f, key]
      if (official) for (f = 1; f <= file; f++) if (f != official) {
        a = value[f, key]; b = value[official, key]; ratio = ""
        if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b + 0 > 0) ratio = sprintf("%.2f", a / b)
        printf " %14s", ratio
      }
      printf "\n"
    }
  }' $(for client in ${STREAM_CLIENTS:-dingboot official}; do echo "$work/$client.txt"; done)
