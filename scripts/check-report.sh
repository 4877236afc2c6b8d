#!/usr/bin/env bash
# Renders a scalefit report (the index.html of a `scalefit report` directory) in headless Chromium and fails if the
# page logs anything to the console (a JavaScript error, a failed load) or its script did not run to the end; then
# takes a screenshot of the page for a person to look at.
#
#   scripts/check-report.sh REPORT_DIR [SCREENSHOT.png]      (default screenshot: REPORT_DIR/../report-screenshot.png)
#
# Without Chromium (CHROMIUM, default /usr/bin/chromium) it says so and exits 0: the check is for machines that have
# it (Debian: apt-get install chromium).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/check-report.sh REPORT_DIR [SCREENSHOT.png]" >&2
  exit 2
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "check-report: Chromium not found at $chromium; report not checked (apt-get install chromium to check it)"
  exit 0
fi
report="$(cd "$1" && pwd)"
index="$report/index.html"
if [ ! -f "$index" ]; then
  echo "check-report: $index does not exist" >&2
  exit 1
fi
screenshot="${2:-$(dirname "$report")/report-screenshot.png}"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# Flags for a closed network and no desktop session: nothing phones home, nothing waits for a display.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --user-data-dir="$profile/user"
       --enable-logging=stderr --v=0)

timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$index" > "$profile/dom.html" 2> "$profile/dom.log"
status=0
if grep -E ':CONSOLE[:(]' "$profile/dom.log" > "$profile/console.log"; then
  echo "check-report: the page wrote to the console:" >&2
  sed -E 's/^\[[^]]*\] ?//' "$profile/console.log" >&2
  status=1
fi
if ! grep -q 'data-ready="true"' "$profile/dom.html"; then
  echo "check-report: the page's script did not finish (no data-ready mark on <body>)" >&2
  status=1
fi
figures=$(grep -o '<svg class="plot"' "$profile/dom.html" | wc -l)
if [ "$figures" -eq 0 ]; then
  echo "check-report: the page shows no figure" >&2
  status=1
fi

# The interactions, in a copy of the page with a probe appended: clicking the first figure's first legend entry
# hides its series (and clicking again shows it), and the pointer over a point shows the point's label.
mkdir "$profile/probe"
cat > "$profile/probe.js" <<'PROBE'
<script>(function () {
  var out = [], figure = document.querySelector(".figure");
  var item = figure.querySelector("ul.legend li[data-s]");
  var group = figure.querySelector('svg.plot g[data-s="' + item.getAttribute("data-s") + '"]');
  item.click();
  out.push(group.classList.contains("off") && getComputedStyle(group).display === "none" ? "hide-ok" : "hide-FAILED");
  item.click();
  out.push(!group.classList.contains("off") ? "show-ok" : "show-FAILED");
  var point = figure.querySelector("svg.plot [data-l]"), box = point.getBoundingClientRect();
  point.dispatchEvent(new MouseEvent("mousemove", {bubbles: true, clientX: box.x + 1, clientY: box.y + 1}));
  var tip = figure.querySelector(".tip");
  out.push(!tip.hidden && tip.textContent === point.getAttribute("data-l") ? "hover-ok" : "hover-FAILED");
  document.body.setAttribute("data-probe", out.join(" "));
})();</script>
PROBE
body_line=$(grep -n '</body>' "$index" | tail -n 1 | cut -d: -f1)
{ head -n $((body_line - 1)) "$index"; cat "$profile/probe.js"; tail -n +"$body_line" "$index"; } \
  > "$profile/probe/index.html"
timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$profile/probe/index.html" > "$profile/probe.html" \
  2> "$profile/probe.log"
result=$(grep -o 'data-probe="[^"]*"' "$profile/probe.html" || true)
if [ "$result" != 'data-probe="hide-ok show-ok hover-ok"' ]; then
  echo "check-report: legend toggling or hover labels do not work: ${result:-the probe did not run}" >&2
  grep -E ':CONSOLE[:(]' "$profile/probe.log" >&2 || true
  status=1
fi

timeout 120 "$chromium" "${flags[@]}" --window-size=1280,2400 --hide-scrollbars --screenshot="$screenshot" \
  "file://$index" > /dev/null 2> "$profile/shot.log"
if [ ! -s "$screenshot" ]; then
  echo "check-report: Chromium wrote no screenshot" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "check-report: $index renders in Chromium with $figures figures and no console output; legend toggling and"
  echo "  hover labels work; screenshot $screenshot"
fi
exit "$status"
