#!/usr/bin/env bash
# Whole-process time of `timeline check` on a generated project of 10,000 events and 5,000 places.
# Usage: bench/check-10k.sh   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Timeline.Cli -c Release -o artifacts/timeline -nologo -v quiet
dotnet run --project bench/Timeline.Bench -c Release -- generate artifacts/bench-10k --events 10000 --places 5000
hyperfine --warmup 2 --runs 20 --ignore-failure 'artifacts/timeline/timeline check artifacts/bench-10k'
