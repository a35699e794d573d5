#!/usr/bin/env bash
# Prints a Claimdesk HTML claim report to PDF with headless Chromium, the way
# a standards desk archives it, and optionally renders page previews.
#
#   scripts/render-report-pdf.sh REPORT.html [OUT.pdf] [PREVIEW_PREFIX]
#
# Make the HTML with `claimdesk report ... --format html --out REPORT.html`.
# OUT.pdf defaults to REPORT.pdf. With PREVIEW_PREFIX, each page is also
# written as PREVIEW_PREFIX-N.png at 60 dpi (needs pdftoppm, poppler-utils).
# Chromium is $CHROMIUM, else chromium / chromium-browser / google-chrome.
# Without it the script fails when CI=true and skips with a note otherwise.
# The automated check is `cargo test -p claimdesk --test report_pdf`.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
  sed -n '4,11p' "$0" >&2
  exit 2
fi
html=$1
pdf=${2:-${html%.html}.pdf}
preview=${3:-}
[[ -f $html ]] || { echo "render-report-pdf: no such file: $html" >&2; exit 1; }

chromium=${CHROMIUM:-}
if [[ -z $chromium ]]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
  done
fi
if [[ -z $chromium ]]; then
  if [[ ${CI:-} == true || ${CI:-} == 1 ]]; then
    echo "render-report-pdf: CI=true but no Chromium found; set CHROMIUM or install chromium" >&2
    exit 1
  fi
  echo "render-report-pdf: note: no Chromium on this machine; skipping the PDF" >&2
  exit 0
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-extensions --no-pdf-header-footer \
  --user-data-dir="$profile" --print-to-pdf="$pdf" "file://$abs_html" \
  >/dev/null 2>"$profile/chromium.log" || {
    echo "render-report-pdf: chromium failed:" >&2
    cat "$profile/chromium.log" >&2
    exit 1
  }
head -c 5 "$pdf" | grep -q '%PDF-' || { echo "render-report-pdf: $pdf is not a PDF" >&2; exit 1; }
echo "$pdf"
if [[ -n $preview ]]; then
  pdftoppm -png -r 60 "$pdf" "$preview"
  ls "$preview"-*.png
fi
