#!/usr/bin/env bash
# Runs every DingBoot test. Installs what the tests need and a fresh machine lacks
# (redis-server for the Redis token store tests, chromium and chromium-driver for the sample
# app's browser test) from Debian's packages, then runs the Maven build. The tests start and
# stop their own redis-server and Chromium. Extra arguments go to Maven (e.g. -P boot-4.1).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# a CJK font, so that the sample's Chinese page is legible in the browser test's screenshots
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} (needed by the tests)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

exec mvn -B -ntp verify "$@"
