#!/usr/bin/env bash
# The robustness runs: 100,000 fuzz cases on the core, 10,000 edit sequences through the language
# server's incremental sync, 100,000 protocol messages fuzzed by shape, and 2,000 sequences of edits,
# requests and cancellations checking every publish against its version on the `timeline lsp` process.
# Results go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Timeline.Cli -c Release -nologo -v quiet
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
bench=bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll
dotnet $bench fuzz --cases "${CASES:-100000}" --seed "${SEED:-1}"
dotnet $bench edits --sequences "${SEQUENCES:-10000}" --seed "${SEED:-1}"
dotnet $bench shapes --cases "${SHAPES:-100000}" --seed "${SEED:-1}"
dotnet $bench versions src/Timeline.Cli/bin/Release/net10.0/timeline.dll --sequences "${VERSIONS:-2000}" --seed "${SEED:-1}"
