#!/usr/bin/env bash
# Tests the hooks of .pre-commit-hooks.yaml with pre-commit itself (`pre-commit try-repo`, Debian's package) on a
# temporary git repository holding a copy of the example: timeline-check passes on it and fails on a broken file.
# timeline-fmt is run the same way once `timeline fmt` is in the build; until then the script says it is skipped.
# Usage: tools/ci/pre-commit-test.sh FOLDER   (FOLDER holds the `timeline` executable the hooks run)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tool_dir=$(cd "${1:?usage: pre-commit-test.sh FOLDER-HOLDING-timeline}" && pwd)
if ! command -v pre-commit >/dev/null 2>&1; then
  (apt-get install -y pre-commit >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y pre-commit >/dev/null))
fi
export PATH="$tool_dir:$PATH" PRE_COMMIT_HOME
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PRE_COMMIT_HOME="$work/cache"
mkdir "$work/repo"
cp -r "$repo/examples/aleppo-2024" "$work/repo/"
cd "$work/repo"
git init -q
git add -A
try() { pre-commit try-repo "$repo" "$@" --all-files --color never > "$work/out" 2>&1; }

try timeline-check || { cat "$work/out"; echo "pre-commit: timeline-check failed on the example"; exit 1; }
printf 'title: Broken\nevents:\n  - {id: b1, date: 2024-11-29, title: b, places: [nowhere], sources: []}\n' \
  > aleppo-2024/broken.timeline.yaml
git add -A
if try timeline-check; then cat "$work/out"; echo "pre-commit: timeline-check passed a broken file"; exit 1; fi
grep -q "TL201" "$work/out" || { cat "$work/out"; echo "pre-commit: timeline-check did not report the broken file"; exit 1; }
git rm -q --cached aleppo-2024/broken.timeline.yaml && rm aleppo-2024/broken.timeline.yaml
echo "pre-commit: timeline-check passes the example and fails a broken file"

fmt_status=0
timeline fmt --check aleppo-2024 > "$work/fmt" 2>&1 || fmt_status=$?
if [ "$fmt_status" -eq 2 ] && grep -q "not available in this build" "$work/fmt"; then
  echo "pre-commit: timeline-fmt skipped (timeline fmt is not in this build)"
else
  try timeline-fmt || true   # a hook that changed files fails by design; what counts is that it leaves them formatted
  timeline fmt --check aleppo-2024 || { cat "$work/out"; echo "pre-commit: timeline-fmt left files unformatted"; exit 1; }
  echo "pre-commit: timeline-fmt leaves the example formatted"
fi
