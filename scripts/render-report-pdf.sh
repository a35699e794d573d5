#!/usr/bin/env bash
# Prints a Claimdesk HTML claim report to PDF with headless Chromium, the way
# a standards desk archives it, and optionally renders page previews.
#
#   scripts/render-report-pdf.sh REPORT.html [OUT.pdf] [PREVIEW_PREFIX]
#   scripts/render-report-pdf.sh            (the end-to-end check CI runs)
#
# Make the HTML with `claimdesk report ARTICLE --format html --out R.html`.
# OUT.pdf defaults to REPORT.pdf. With PREVIEW_PREFIX, each page is also
# written as PREVIEW_PREFIX-N.png at 60 dpi (needs pdftoppm, poppler-utils).
# Without arguments: builds the CLI, stores samples/harbour-council.txt and
# its second revision in a fresh database, records verdicts, writes the
# HTML report with `claimdesk report`, prints it and checks the PDF; the
# results go to target/report-check/ (report.html, report.pdf, page-N.png).
# Chromium is $CHROMIUM, else chromium / chromium-browser / google-chrome.
# Without it the script fails when CI=true and skips with a note otherwise.
set -euo pipefail

if [[ $# -gt 3 ]]; then
  sed -n '4,17p' "$0" >&2
  exit 2
fi
check=false
if [[ $# -eq 0 ]]; then
  check=true
  cd "$(dirname "$0")/.."
  out=target/report-check
  rm -rf "$out" && mkdir -p "$out"
  cargo build -q -p claimdesk-cli
  bin=target/debug/claimdesk
  export CLAIMDESK_DB=$out/claims.db CLAIMDESK_REVIEWER="report check"
  "$bin" add samples/harbour-council.txt >/dev/null
  mapfile -t ids < <("$bin" claims 1 | awk '$1 ~ /^[0-9]+$/ { print $1 }')
  [[ ${#ids[@]} -ge 3 ]] || { echo "render-report-pdf: the sample article gave too few claims" >&2; exit 1; }
  "$bin" review "${ids[0]}" --status verified --note 'Checked against the dateline, "as filed".' --source https://example.org/wire >/dev/null
  "$bin" review "${ids[1]}" --status false --note $'The audit report names another chair.\nSee page 4.' >/dev/null
  "$bin" review "${ids[2]}" --status disputed >/dev/null
  "$bin" add --article 1 samples/harbour-council-v2.txt >/dev/null
  "$bin" report 1 --format html --out "$out/report.html"
  set -- "$out/report.html" "$out/report.pdf" "$out/page"
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
if $check; then
  # The print carries the article's title and page numbers, on A4 pages.
  if command -v pdftotext >/dev/null 2>&1; then
    text=$(pdftotext "$pdf" - | tr -s ' \n' ' ')
    for want in "Harbour authority chair resigns" "Page 1 of" "New claims" "Dated claims by number"; do
      grep -qiF "$want" <<<"$text" || { echo "render-report-pdf: the PDF lacks \"$want\"" >&2; exit 1; }
    done
  fi
  if command -v pdfinfo >/dev/null 2>&1; then
    pdfinfo "$pdf" | grep -q 'Page size:.*(A4)' || { echo "render-report-pdf: the PDF is not A4" >&2; exit 1; }
    echo "render-report-pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') A4 pages"
  fi
fi
echo "$pdf"
if [[ -n $preview ]] && command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$pdf" "$preview"
  ls "$preview"-*.png
fi
