#!/usr/bin/env bash
# Runs every DingBoot test. Installs what the tests need and a fresh machine lacks
# (redis-server for the Redis token store tests, chromium and chromium-driver for the sample
# app's browser test) from Debian's packages, then runs the Maven build, which installs DingBoot
# into the local Maven repository, and checks the BOM as a new application uses it
# (scripts/check-bom.sh). The tests start and stop their own redis-server and Chromium.
# Extra arguments go to Maven (e.g. -P boot-4.0).
set -euo pipefail
cd "$(dirname "$0")/.."

# what the tests look for, and the Debian package that provides it
missing=()
looked_for=()
need() { # need PACKAGE WHAT-IS-LOOKED-FOR
  missing+=("$1")
  looked_for+=("$1: $2")
}
command -v mvn >/dev/null 2>&1 || need maven "mvn on the PATH (Maven 3.8 or later)"
command -v java >/dev/null 2>&1 || need openjdk-17-jdk-headless "java on the PATH (Java 17 or later)"
command -v redis-server >/dev/null 2>&1 || need redis-server "redis-server on the PATH"
[ -x /usr/bin/chromium ] || need chromium "/usr/bin/chromium"
[ -x /usr/bin/chromedriver ] || need chromium-driver "/usr/bin/chromedriver"
# a CJK font, so that the sample's Chinese page is legible in the browser test's screenshots
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need fonts-wqy-zenhei "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    {
      echo "scripts/test.sh: the tests need programs this machine lacks, and there is no apt-get to install them."
      echo "Looked for (Debian package: what is missing):"
      printf '  %s\n' "${looked_for[@]}"
      echo "Install these Debian packages, or your system's equivalents, and run scripts/test.sh again:"
      echo "  ${missing[*]}"
    } >&2
    exit 2
  fi
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} (needed by the tests)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

mvn -B -ntp install "$@"

# the Spring Boot line the build used, for the application that checks the BOM
boot=""
for arg in "$@"; do
  case "$arg" in
    *boot-4.0*) boot=4.0.7 ;;
  esac
done
bash scripts/check-bom.sh $boot
