#!/usr/bin/env bash
# Measures the desktop app's cold start to first paint: runs the app binary
# N times (default 5) under Xvfb with CLAIMDESK_STARTUP_TRACE=exit; the UI
# reports when its first view is painted and the app exits. Prints each run
# and the median, in milliseconds since process start.
#
#   scripts/measure-startup.sh [RUNS] [BINARY]
#
# BINARY defaults to the debug build (target/debug/claimdesk-app, built if
# missing); give target/release/claimdesk-app for the release build, or
# /usr/bin/claimdesk-app for the installed package.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
bin="${2:-target/debug/claimdesk-app}"
if [ ! -x "$bin" ]; then
  if [ "$bin" = "target/debug/claimdesk-app" ]; then
    cargo build -p claimdesk-app
  else
    echo "measure-startup: $bin is not an executable" >&2
    exit 2
  fi
fi
xvfb_pid=""
trap '[ -n "$xvfb_pid" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  n=98
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  sleep 1
fi
data=$(mktemp -d)
times=()
for i in $(seq "$runs"); do
  ms=$(CLAIMDESK_DB="$data/claimdesk-$i.db" CLAIMDESK_STARTUP_TRACE=exit timeout 60 "$bin" 2>&1 >/dev/null |
    sed -n 's/^startup: first paint after \([0-9]*\) ms$/\1/p' | head -1)
  echo "run $i: ${ms:-?} ms"
  [ -n "$ms" ] && times+=("$ms")
done
rm -rf "$data"
if [ "${#times[@]}" -gt 0 ]; then
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
fi
