#!/usr/bin/env bash
# Renews the showcase from the example as it is in this checkout: every export of examples/aleppo-2024, and
# the screenshots of the HTML page (whole, with a place selected, at the width of an editor's preview), of
# TimelineJS reading the JSON, and of the time axis of a generated 2,000-event project, in headless Chromium.
#   docs/showcase/render.sh            (needs the .NET SDK, node and npm, and chromium or $CHROMIUM)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/docs/showcase"
shots="$out/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

dotnet build src/Timeline.Cli -c Release -v quiet -nologo >/dev/null
timeline() { dotnet run --project src/Timeline.Cli -c Release --no-build -- "$@"; }
for format in timelinejs:timeline.json geojson:geojson csv:csv markdown:md html:html; do
  timeline export examples/aleppo-2024 --format "${format%%:*}" -o "$out/aleppo-2024.${format#*:}"
done

dotnet run --project bench/Timeline.Bench -c Release -- generate "$work/generated" --events 2000 >/dev/null
# The generator's sources are published before some of their events (TL106): exported with --force.
timeline export "$work/generated" --format html --force -o "$work/generated.html"

(cd tests/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null; })
mkdir -p "$shots"
check() { node "$root/tests/browser/check.cjs" "$@" >"$work/check.json"
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.errors.length || r.pwned) { console.error(JSON.stringify(r.errors), r.pwned); process.exit(1); }' "$work/check.json"; }
check html "$out/aleppo-2024.html" "$shots/chronology.png" university-dormitories-shelling "aleppo-sy~"
check preview "$out/aleppo-2024.html" "$shots/preview.png" university-dormitories-shelling
check timelinejs "$out/aleppo-2024.timeline.json" "$shots/timelinejs.png"
check html "$work/generated.html" "$shots/axis-2000.png"
echo "showcase renewed in docs/showcase"
