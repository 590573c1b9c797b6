#!/usr/bin/env bash
# What builtin:world costs: reading its 31,000 rows, building its name index and the memory they hold (in process);
# then the language server on the example with and without it (open → diagnostics, completion, resident memory).
# Usage: bench/world.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Timeline.Cli -c Release -o artifacts/timeline -nologo -v quiet
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
bench=bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll
dotnet "$bench" world
for use in "builtin:levant, builtin:syria-actors" "builtin:levant, builtin:syria-actors, builtin:world"; do
  dir=artifacts/bench-world
  rm -rf "$dir" && cp -r examples/aleppo-2024 "$dir"
  sed -i "s/^use: .*/use: [$use]/" "$dir/timeline.config.yaml"
  echo "use: [$use]"
  dotnet "$bench" lsp "$dir"
done
