#!/usr/bin/env bash
# Makes the release: the .NET tool package (Timeline.Cli, command `timeline`) and self-contained single-file builds of
# `timeline` for linux-x64 and win-x64 (precompiled with ReadyToRun; no .NET needed where they run).
# Usage: tools/release.sh [VERSION]   (default 1.0.0) → artifacts/release/
#   Timeline.Cli.VERSION.nupkg, timeline-VERSION-linux-x64.tar.gz, timeline-VERSION-win-x64.zip
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=${1:-1.0.0}
out=artifacts/release
rm -rf "$out"
mkdir -p "$out"
dotnet pack src/Timeline.Cli -c Release -o "$out" -p:Version="$version" -nologo -v quiet
for rid in linux-x64 win-x64; do
  dir="$out/timeline-$version-$rid"
  dotnet publish src/Timeline.Cli -c Release -r "$rid" --self-contained true -o "$dir" -nologo -v quiet \
    -p:Version="$version" -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
    -p:DebugType=none
done
tar -C "$out" -czf "$out/timeline-$version-linux-x64.tar.gz" "timeline-$version-linux-x64"
(cd "$out" && python3 -m zipfile -c "timeline-$version-win-x64.zip" "timeline-$version-win-x64")
"$out/timeline-$version-linux-x64/timeline" --version
ls -l "$out"
