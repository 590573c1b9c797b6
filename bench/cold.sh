#!/usr/bin/env bash
# The cold path and the 100,000-event project, three runs each (see docs/performance.md):
#  - timeline lsp started as an editor starts it (initialize with the folder, one file opened at once),
#    on 10,000 events with the 5,251-place gazetteer and on 100,000 events in 10 files of 10,000: the build
#    `dotnet publish` makes (needs .NET), and the server as the VS Code extension carries it (the editor profile:
#    one file with its runtime, trimmed in part), which is what an editor starts;
#  - yaml-language-server with Timeline's JSON Schemas on the 10,000-event project;
#  - `timeline check`, whole process: wall time and peak resident memory (/usr/bin/time -v), and on one core against all;
#  - `timeline export` of the 100,000 events to CSV and HTML, likewise.
# The machine's load is printed with every run. Usage: bench/cold.sh [RUNS]   (TIMELINE_BENCH_NO_YLS=1 skips yaml-language-server)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet publish src/Timeline.Cli -c Release -o artifacts/timeline -nologo -v quiet
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish src/Timeline.Cli -c Release -r "$rid" -p:PublishProfile=editor -o artifacts/timeline-editor -nologo -v quiet
dotnet build bench/Timeline.Bench -c Release -nologo -v quiet
bench=bench/Timeline.Bench/bin/Release/net10.0/Timeline.Bench.dll
dotnet $bench generate artifacts/bench-10k --events 10000 --places 5250
dotnet $bench generate artifacts/bench-100k --events 100000 --places 5250 --files 10
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), $(dotnet --version)"

echo; echo "## timeline lsp, cold"
dotnet $bench cold-header
for project in 10k 100k; do
  for run in $(seq "$runs"); do
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    dotnet $bench cold artifacts/bench-$project --label "$project run $run"
    dotnet $bench cold artifacts/bench-$project --label "$project run $run, editor's package" \
      --server "$PWD/artifacts/timeline-editor/timeline"
  done
done

if [[ "${TIMELINE_BENCH_NO_YLS:-}" != 1 ]]; then
  echo; echo "## yaml-language-server + Timeline's schema, cold"
  (cd bench/yaml-language-server && npm install --no-audit --no-fund --silent)
  dotnet $bench cold-header
  for run in $(seq "$runs"); do
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    dotnet $bench cold artifacts/bench-10k --label "10k run $run" \
      --yaml-language-server bench/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server
  done
fi

# A whole process's wall time and peak resident memory: /usr/bin/time -v, or sampling when it is missing.
measure() {
  local label=$1 load wall peak; shift
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v "$@" >/dev/null 2>/tmp/timeline-bench-time.$$ || true
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' /tmp/timeline-bench-time.$$)
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' /tmp/timeline-bench-time.$$)
    rm -f /tmp/timeline-bench-time.$$
  else
    local start peak_kb=0 kb pid
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 & pid=$!
    while kill -0 $pid 2>/dev/null; do
      kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0); (( kb > peak_kb )) && peak_kb=$kb; sleep 0.05
    done
    wait $pid || true
    wall="$(( ($(date +%s%N) - start) / 1000000 )) ms"; peak="$(( peak_kb / 1024 )) MB (sampled)"
  fi
  echo "$label: $wall, peak $peak (load $load)"
}

echo; echo "## timeline check, whole process"
for project in 10k 100k; do
  for run in $(seq "$runs"); do
    measure "check $project run $run" artifacts/timeline/timeline check artifacts/bench-$project
  done
done

echo; echo "## timeline export of 100,000 events, whole process"
for format in csv html; do
  for run in $(seq "$runs"); do
    measure "export 100k $format run $run" artifacts/timeline/timeline export artifacts/bench-100k --format "$format" --force
  done
done

# Whether `timeline check` scales with cores: the same run with the runtime told it has one core, then all of them.
echo; echo "## timeline check on 100,000 events, one core against $(nproc)"
for cores in 1 "$(nproc)"; do
  for run in $(seq "$runs"); do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    start=$(date +%s%N)
    DOTNET_PROCESSOR_COUNT=$cores artifacts/timeline/timeline check artifacts/bench-100k >/dev/null 2>&1 || true
    echo "check 100k, $cores core(s), run $run: $(( ($(date +%s%N) - start) / 1000000 )) ms (load $load)"
  done
done
