#!/usr/bin/env bash
# Start-up benchmark: whole processes of the smallest Boot web + security application
# (io.dingboot.benchmarks.startup.StartupApp), which exits as soon as it is ready, in three variants:
#   none     without DingBoot on the classpath (the starter's own jars left out)
#   full     with the starter, credentials, free login, dd.config and callbacks on
#   starter  with the starter on the classpath but no dingtalk.* properties
#   apps1    with the starter and one app under dingtalk.apps.<name> (credentials, corp id, agent id)
#   apps100  the same with 100 apps under dingtalk.apps.<name>: start-up must not grow with the apps
#   nodingboot  `starter` with DingBoot's auto-configurations excluded (what Boot's HTTP client modules cost)
#   nohttp   `starter` with Boot's RestClient and HTTP client auto-configurations excluded (what DingBoot's own cost)
#   creds, login, jsapi, callback  the starter with credentials only, or with one feature of `full` on
#   handmade  no DingBoot, but Boot's HTTP client modules and, written by hand (HandmadeFeatures), the Spring
#            parts `full` sets up: a login chain with its filter and provider, a callback chain and servlet,
#            a dd.config RouterFunction: the floor of what those features cost in Spring itself
#   shape    `handmade` plus 16 empty auto-configurations with 36 @ConditionalOnMissingBean beans (ShapeFeatures):
#            as many configuration classes and bean definitions as DingBoot registers in `full`, doing nothing
#   shape1   the same 36 beans in one auto-configuration instead of 16
# Runs the variants alternately, `runs` rounds, and reports the median wall time and CPU time (user +
# system, from /usr/bin/time) of each, and their ratios to `none`, and the median CPU time of the
# main thread (which leaves out the JIT compiler threads and is steadier than either); then, paired by
# round, the median and quartiles of each round's ratio to the first variant (the host's drift between
# rounds cancels out). No network: the base URL points at a closed local port and nothing calls
# DingTalk at start-up.
# Usage: bash benchmarks/startup-benchmark.sh [runs] [extra JVM options...]
#   e.g. bash benchmarks/startup-benchmark.sh 1 -Dstartup.report=true   prints what each variant built
# STARTUP_VARIANTS picks the variants (default "none full starter"); ratios are to the first one, e.g.
#   STARTUP_VARIANTS="apps1 apps100" bash benchmarks/startup-benchmark.sh 8   100 apps against 1 app
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
shift || true
nice -n 19 mvn -q -B -P benchmarks ${STARTUP_MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/startup-classpath.txt -Dmdep.includeScope=runtime
# the benchmark module's own extras (other benchmarks' clients and harnesses) are no part of the app
extras='/(spring-test|wiremock-standalone|alibaba-dingtalk-service-sdk|httpclient5|httpcore5|httpcore5-h2|jmh-core|jopt-simple|commons-math3|netty-[a-z0-9-]+|app-stream-client|dingtalk-spring-boot-test|jmh-generator-annprocess)-[^/]*\.jar$'
# what the starter adds to a web + security application: DingBoot's own jars, and Boot's HTTP client modules
dingboot_jars='dingtalk-spring-boot-autoconfigure|dingtalk-spring-boot-starter|spring-security-oauth2-core|caffeine|error_prone_annotations'
dingboot_only="/($dingboot_jars)-[^/]*\\.jar\$|/dingtalk-spring-boot-(autoconfigure|starter)/target/classes\$"
starter_only="$dingboot_only|/(spring-boot-restclient|spring-boot-starter-restclient|spring-boot-http-client)-[^/]*\\.jar\$"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# the runs use a copy of what this build made, so that a build started meanwhile cannot change them
mkdir -p "$out/jars"
cp -r benchmarks/target/classes "$out/classes"
common=$(tr ':' '\n' < benchmarks/target/startup-classpath.txt | grep -Ev "$extras" | while read -r entry; do
  case "$entry" in
    "$PWD"/*) cp -r "$entry" "$out/jars/" && echo "$out/jars/$(basename "$entry")" ;;
    *) echo "$entry" ;;
  esac
done)
with_cp="$out/classes:$(printf '%s\n' "$common" | paste -sd:)"
without_cp="$out/classes:$(printf '%s\n' "$common" | grep -Ev "$starter_only" | paste -sd:)"
# what an application that writes those features by hand over Boot's RestClient has: no DingBoot, no Caffeine
handmade_cp="$out/classes:$(printf '%s\n' "$common" | grep -Ev "$dingboot_only" | paste -sd:)"
if printf '%s\n%s' "$without_cp" "$handmade_cp" | grep -q dingtalk-spring-boot-autoconfigure; then
  echo "DingBoot is still on the classpath of the variant without it" >&2; exit 1
fi
app=io.dingboot.benchmarks.startup.StartupApp
common_args=(--server.port=0 --spring.main.banner-mode=off)
full_args=(--dingtalk.app-key=dingstartupbench --dingtalk.app-secret=startup-bench-secret
  --dingtalk.corp-id=dingcorpbench --dingtalk.agent-id=42 --dingtalk.base-url=http://127.0.0.1:9
  --dingtalk.login.enabled=true --dingtalk.jsapi.enabled=true --dingtalk.callback.enabled=true
  --dingtalk.callback.token=benchtoken --dingtalk.callback.aes-key=abcdefghijABCDEFGHIJ0123456789abcdefghijABC)
read -r -a variants <<< "${STARTUP_VARIANTS:-none full starter}"
# dingtalk.apps.app<i>.*: each app its own key, secret, organisation and agent id
apps_args() {
  local i
  for i in $(seq 1 "$1"); do
    printf '%s\n' "--dingtalk.apps.app$i.app-key=dingstartupapp$i" "--dingtalk.apps.app$i.app-secret=startup-app-secret-$i" \
      "--dingtalk.apps.app$i.corp-id=dingcorp$i" "--dingtalk.apps.app$i.agent-id=$(( 1000 + i ))"
  done
}
dingboot_autoconfigs=$(paste -sd, \
  dingtalk-spring-boot-autoconfigure/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports)
http_autoconfigs=$(unzip -p "$(tr ':' '\n' < benchmarks/target/startup-classpath.txt | grep '/spring-boot-restclient-[^/]*\.jar$')" \
  META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports | grep -v '^#' | paste -sd,),$(unzip -p \
  "$(tr ':' '\n' < benchmarks/target/startup-classpath.txt | grep '/spring-boot-http-client-[^/]*\.jar$')" \
  META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports | grep -v '^#' | paste -sd,)
mapfile -t apps1_args < <(apps_args 1)
mapfile -t apps100_args < <(apps_args 100)

run_variant() {
  local variant=$1 cp args jvm=()
  shift
  case "$variant" in
    none) cp=$without_cp; args=("${common_args[@]}") ;;
    full) cp=$with_cp; args=("${common_args[@]}" "${full_args[@]}") ;;
    creds) cp=$with_cp; args=("${common_args[@]}" $(printf '%s\n' "${full_args[@]}" | grep -Ev 'login|jsapi|callback')) ;;
    login) cp=$with_cp; args=("${common_args[@]}" $(printf '%s\n' "${full_args[@]}" | grep -Ev 'jsapi|callback')) ;;
    jsapi) cp=$with_cp; args=("${common_args[@]}" $(printf '%s\n' "${full_args[@]}" | grep -Ev 'login|callback')) ;;
    callback) cp=$with_cp; args=("${common_args[@]}" $(printf '%s\n' "${full_args[@]}" | grep -Ev 'login|jsapi')) ;;
    starter) cp=$with_cp; args=("${common_args[@]}") ;;
    apps1) cp=$with_cp; args=("${common_args[@]}" --dingtalk.base-url=http://127.0.0.1:9 "${apps1_args[@]}") ;;
    apps100) cp=$with_cp; args=("${common_args[@]}" --dingtalk.base-url=http://127.0.0.1:9 "${apps100_args[@]}") ;;
    nodingboot) cp=$with_cp; args=("${common_args[@]}" "--spring.autoconfigure.exclude=$dingboot_autoconfigs") ;;
    nohttp) cp=$with_cp; args=("${common_args[@]}" "--spring.autoconfigure.exclude=$http_autoconfigs") ;;
    handmade) cp=$handmade_cp; args=("${common_args[@]}"); jvm=(-Dstartup.handmade=true) ;;
    shape) cp=$handmade_cp; args=("${common_args[@]}"); jvm=(-Dstartup.handmade=true -Dstartup.shape=true) ;;
    shape1) cp=$handmade_cp; args=("${common_args[@]}"); jvm=(-Dstartup.handmade=true -Dstartup.shape=single) ;;
    *) echo "unknown variant $variant (none, full, starter, creds, login, jsapi, callback, apps1, apps100, nodingboot, nohttp, handmade, shape, shape1)" >&2; exit 1 ;;
  esac
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S' -o "$out/time" java "$@" ${jvm[@]+"${jvm[@]}"} -cp "$cp" "$app" "${args[@]}" > "$out/log" 2>&1; then
    echo "variant $variant failed:" >&2; tail -40 "$out/log" >&2; exit 1
  fi
  end=$(date +%s%N)
  grep -q 'startup-benchmark ready' "$out/log" || { echo "variant $variant never got ready" >&2; exit 1; }
  local cpu main
  cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$out/time")
  main=$(sed -n 's/.*startup-benchmark ready after .* main thread cpu \([0-9]*\) ms.*/\1/p' "$out/log")
  echo "$(( (end - start) / 1000000 )) $cpu $main" >> "$out/$variant"
  printf '  %-10s wall %5d ms  cpu %6.2f s  main thread %5d ms\n' "$variant" $(( (end - start) / 1000000 )) "$cpu" "$main"
  # with -Dstartup.report=true: classes, threads and DingBoot's bean instantiation steps
  grep -E '^(classes loaded|cpu of the main thread|threads alive|DingBoot beans|  [0-9]+ ms  |beans in the context|steps by their own|  self )' "$out/log" | sed 's/^/    /' || true
}

jvm_options=("$@")
echo "warm-up: one run of each variant (file cache), not counted"
for variant in "${variants[@]}"; do run_variant "$variant" "${jvm_options[@]}"; done
for variant in "${variants[@]}"; do rm -f "$out/$variant"; done
count=${#variants[@]}
for round in $(seq 1 "$runs"); do
  echo "round $round/$runs"
  # rotate which variant goes first, so that none profits from its place in the round
  for i in $(seq 0 $(( count - 1 ))); do
    run_variant "${variants[$(( (round + i) % count ))]}" "${jvm_options[@]}"
  done
done

# the median of the numbers on standard input; with "quartiles", also their lower and upper quartiles
median() { sort -n | awk -v q="${1:-}" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  if (q == "") print m; else printf "%.3fx [%.3f-%.3f]", m, v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)] }'; }
echo
echo "median of $runs runs (wall ms, cpu s = user + system, main thread cpu ms), ratio to ${variants[0]}"
base_wall=$(cut -d' ' -f1 "$out/${variants[0]}" | median)
base_cpu=$(cut -d' ' -f2 "$out/${variants[0]}" | median)
base_main=$(cut -d' ' -f3 "$out/${variants[0]}" | median)
for variant in "${variants[@]}"; do
  wall=$(cut -d' ' -f1 "$out/$variant" | median)
  cpu=$(cut -d' ' -f2 "$out/$variant" | median)
  main=$(cut -d' ' -f3 "$out/$variant" | median)
  awk -v v="$variant" -v w="$wall" -v c="$cpu" -v m="$main" -v bw="$base_wall" -v bc="$base_cpu" -v bm="$base_main" \
    'BEGIN { printf "%-10s wall %7.0f ms (%.3fx)  cpu %6.2f s (%.3fx)  main thread %5.0f ms (%.3fx)\n", v, w, w / bw, c, c / bc, m, m / bm }'
done
# the same rounds paired: each round's ratio to the first variant in that round, which cancels the host's slower
# drift between rounds; the median of those ratios and, in brackets, their lower and upper quartiles
echo
echo "paired by round: median of the per-round ratios to ${variants[0]} [quartiles]"
for variant in "${variants[@]:1}"; do
  ratios=$(paste -d' ' "$out/$variant" "$out/${variants[0]}")
  printf '%-10s wall %s  cpu %s  main thread %s\n' "$variant" \
    "$(awk '{ print $1 / $4 }' <<< "$ratios" | median quartiles)" "$(awk '{ print $2 / $5 }' <<< "$ratios" | median quartiles)" \
    "$(awk '{ print $3 / $6 }' <<< "$ratios" | median quartiles)"
done
