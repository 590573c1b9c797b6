#!/usr/bin/env bash
# Proves that diagnostics reach Neovim's built-in client: opens a file with errors headless
# (Debian's neovim) and exits 0 when the server's diagnostics arrived; then that a quick fix that writes a
# source shows it and selects its publisher (timeline.showStub, which timeline.lua handles).
#   editors/neovim/test/run.sh PATH_TO_TIMELINE_EXECUTABLE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
timeline=$(realpath "${1:-timeline}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'require-sources: true\n' > "$work/timeline.config.yaml"
printf 'places:\n  - id: saraqib\n    name: Saraqib\n' > "$work/a.places.yaml"
printf 'title: T\nevents:\n  - id: e1\n    date: 29/11/2024\n    title: t\n    places: [saraqeb]\n    sources: []\n' > "$work/broken.timeline.yaml"
out=$(cd "$work" && TIMELINE="$timeline" FILE="$work/broken.timeline.yaml" timeout 60 nvim --headless -u NONE -c "luafile $here/headless.lua" 2>&1) || { echo "$out"; echo "neovim: no diagnostics arrived"; exit 1; }
echo "$out"
grep -q 'TL201' <<<"$out" && grep -q 'TL104' <<<"$out" || { echo "neovim: the expected diagnostics (TL104, TL201) did not arrive"; exit 1; }
echo "neovim: diagnostics arrived"
# A quick fix that writes a source shows it and selects its publisher (timeline.showStub, handled by timeline.lua).
printf 'title: T\nsources:\n  - id: local\n    publisher: Local\n    published: 2024-11-29\nevents:\n  - id: e1\n    date: 2024-11-29\n    title: t\n    sources: [local, https://www.enabbaladi.net/2024/11/30/opposition-enters-aleppo/]\n' > "$work/link.timeline.yaml"
out=$(cd "$work" && TIMELINE="$timeline" FILE="$work/link.timeline.yaml" timeout 60 nvim --headless -u NONE -c "luafile $here/stub.lua" 2>&1) || { echo "$out"; echo "neovim: the new source's publisher was not selected"; exit 1; }
echo "$out"
echo "neovim: the new source is shown with its publisher selected"
