#!/usr/bin/env bash
# Runs the desktop app's end-to-end suite (src-tauri/tests/e2e.rs): the real
# app binary driven through tauri-driver + WebKitWebDriver, with screenshots
# of every step in artifacts/e2e/.
#
# Needs the Debian packages (libwebkit2gtk-4.1-dev, xvfb, xauth,
# webkit2gtk-driver, ...); installs tauri-driver with cargo if it is missing
# and starts Xvfb if there is no DISPLAY. Extra arguments go to the test
# binary (e.g. a test name filter).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p artifacts/e2e
rm -f artifacts/e2e/*.png

command -v WebKitWebDriver >/dev/null || {
  echo "e2e: WebKitWebDriver is missing (apt-get install webkit2gtk-driver)" >&2
  exit 2
}
if [ -z "${DISPLAY:-}" ] && ! command -v Xvfb >/dev/null; then
  echo "e2e: no DISPLAY and no Xvfb (apt-get install xvfb xauth)" >&2
  exit 2
fi

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  echo "e2e: installing tauri-driver"
  cargo install tauri-driver --locked
fi
export TAURI_DRIVER="$(command -v tauri-driver)"

xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill -TERM "$xvfb_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  # Pick a free display number.
  n=99
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$root/artifacts/e2e/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    sleep 0.1
  done
  echo "e2e: started Xvfb on $DISPLAY"
fi

# Port 4444/4445 (or CLAIMDESK_E2E_PORT and the next) must be free:
# WebKitWebDriver allows one session at a time.
# Without arguments: every check, not the measurements (`measure_*`); with
# arguments (e.g. `measure_open_article`), what they select.
if [ "$#" -eq 0 ]; then set -- --skip measure_; fi
status=0
# The team step drives the command line beside the window.
cargo build -p claimdesk-cli
cargo test -p claimdesk-app --test e2e -- --ignored --test-threads=1 --nocapture "$@" || status=$?
echo "e2e: screenshots in artifacts/e2e/:"
ls -1 artifacts/e2e/*.png 2>/dev/null || true
exit $status
