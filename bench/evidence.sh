#!/usr/bin/env bash
# The evidence engine on generated snapshots: quotes (40-word quotes against 5,000-word snapshots, found and not
# found, per-quote p50/p99) and shared text (1,000 snapshots of 1,000 words with planted shared passages; every
# run a fresh process, so the first round is cold). Exits non-zero when a planted passage is missed or a pair is
# reported that was not planted.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
dotnet run --project bench/Timeline.Bench -c Release --no-build -- evidence quotes
for run in 1 2 3; do
  dotnet run --project bench/Timeline.Bench -c Release --no-build -- evidence shared-text --seed "$run"
done
