#!/usr/bin/env bash
# Resource limits: a 200 MB file, a million-line file and a 100,000-item flow list, each given to
# `timeline check` and opened in `timeline lsp`, with the peak memory of each. The files are written
# to a temporary folder and deleted. Results go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Timeline.Cli -c Release -nologo -v quiet
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
dotnet bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll limits src/Timeline.Cli/bin/Release/net10.0/timeline.dll
