#!/usr/bin/env bash
# Language-server benchmark on a generated 10,000-event project with a 5,000-place gazetteer:
# open → first diagnostics, keystroke → diagnostics, completion latency, resident memory;
# then the same run through yaml-language-server with Timeline's JSON Schemas, side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Timeline.Cli -c Release -o artifacts/timeline -nologo -v quiet
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll generate artifacts/bench-10k --events 10000 --places 5000
(cd bench/yaml-language-server && npm install --no-audit --no-fund --silent)
dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll lsp artifacts/bench-10k \
  --yaml-language-server bench/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server
