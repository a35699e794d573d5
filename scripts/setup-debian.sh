#!/usr/bin/env bash
# Installs what Claimdesk needs on Debian/Ubuntu and is not there yet:
# the Rust toolchain (rustup), WebKitGTK and friends for the Tauri shell,
# Xvfb and WebKitWebDriver for the end-to-end tests, Chromium and poppler
# for rendering reports, Node.js for the UI's unit tests, and what building
# and checking the Debian package needs, and the PostgreSQL server the
# team desk's tests run against.
# Safe to run again: it only installs what is missing.
set -euo pipefail

need_pkgs=(
  # Tauri build (see ../shared/notes/tauri-on-debian.md)
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # running and end-to-end testing the window
  xvfb xauth webkit2gtk-driver x11-utils imagemagick
  # report rendering checks and UI unit tests
  chromium poppler-utils nodejs
  # the Debian package (scripts/package, scripts/package-check): dpkg-dev's
  # dpkg-shlibdeps computes its dependencies, desktop-file-validate checks
  # its menu entry (ImageMagick renders the icon sizes, x11-utils finds the window)
  dpkg-dev desktop-file-utils
  # scripts/scaling-bench measures peak memory with GNU time
  time
  # the team desk's tests run against a real, throw-away PostgreSQL cluster
  # (scripts/pg-cluster); python3 finds it a free port, openssl makes its
  # self-signed certificate for the TLS tests
  postgresql python3 openssl
)

missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian's package.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: installing the Rust toolchain with rustup" >&2
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt -c clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
