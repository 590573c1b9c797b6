#!/usr/bin/env bash
# The robustness runs: 100,000 fuzz cases on the core and 10,000 edit sequences through the
# language server's incremental sync. Results go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll fuzz --cases "${CASES:-100000}" --seed "${SEED:-1}"
dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll edits --sequences "${SEQUENCES:-10000}" --seed "${SEED:-1}"
