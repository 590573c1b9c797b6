#!/usr/bin/env bash
# timeline import of a generated 100,000-row spreadsheet (the usual headers, places of several countries matched
# against the built-ins, builtin:world included): read, matched, laid out, written and checked, stage by stage.
# Usage: bench/import.sh [ROWS]   (bar: 100,000 rows under 10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
out=artifacts/bench-import
rm -rf "$out"
/usr/bin/time -f "whole process: %e s, %M KB peak resident" \
  dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll import "$rows" "$out"
