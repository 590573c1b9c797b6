#!/usr/bin/env bash
# timeline import of a generated 100,000-row spreadsheet (the usual headers, places of several countries matched
# against the built-ins, builtin:world included): read, matched, laid out, written and checked, stage by stage, in
# the benchmark's process; then the same spreadsheet imported by the published command (ReadyToRun, the server
# collector of its runtime configuration), as a writer runs it.
# Usage: bench/import.sh [ROWS]   (bar: 100,000 rows under 10 s)
#   IMPORT_STAGES=1 bench/import.sh   also times each stage by itself (table, records, catalogs, importer)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
dotnet publish src/Timeline.Cli -c Release -o artifacts/timeline -nologo -v quiet
out=artifacts/bench-import
rm -rf "$out"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "whole process: %e s, %M KB peak resident" \
  dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll import "$rows" "$out"
echo "timeline import csv:"
/usr/bin/time -f "whole process: %e s (%U s user, %S s system), %M KB peak resident" \
  artifacts/timeline/timeline import csv "$out/sheet.csv" -o "$out/cli" | grep -E "rows:|Check:"
