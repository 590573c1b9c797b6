#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml at the repository root), kept here so that CI runs them as they are:
# install `timeline` as a .NET tool, then `timeline check --format github` (annotations on the pull request) and,
# when asked, the same check as SARIF for code-scanning upload.
#
# Inputs, as the action passes them (each may be empty):
#   TIMELINE_PATHS           files or folders to check, separated by spaces (default: .)
#   TIMELINE_MAX_WARNINGS    fail when there are more warnings than this (default: -1, no limit)
#   TIMELINE_BASELINE        a baseline file (check --baseline): only findings not in it are reported
#   TIMELINE_SARIF           also write SARIF 2.1.0 to this file
#   TIMELINE_VERSION         the version of the Timeline.Cli package to install (default: the newest)
#   TIMELINE_PACKAGE_SOURCE  a folder holding a built Timeline.Cli package, installed instead of one from nuget.org
#   TIMELINE_TOOL_PATH       where the tool is installed (default: a folder under RUNNER_TEMP, else a temporary one);
#                            a `timeline` already there is used as it is
# Exit status: that of `timeline check` (0 clean, 1 problems, 2 a usage or I/O failure).
set -euo pipefail

tool_path=${TIMELINE_TOOL_PATH:-${RUNNER_TEMP:-$(mktemp -d)}/timeline-tool}
timeline="$tool_path/timeline"
if [ ! -x "$timeline" ]; then
  install=(tool install Timeline.Cli --tool-path "$tool_path")
  # A local package is the only source then: a package of the same name elsewhere is never taken instead.
  if [ -n "${TIMELINE_PACKAGE_SOURCE:-}" ]; then install+=(--source "$TIMELINE_PACKAGE_SOURCE"); fi
  if [ -n "${TIMELINE_VERSION:-}" ]; then install+=(--version "$TIMELINE_VERSION"); fi
  dotnet "${install[@]}" >&2
fi
"$timeline" --version >&2

read -r -a paths <<< "${TIMELINE_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=(check "${paths[@]}" --max-warnings "${TIMELINE_MAX_WARNINGS:--1}")
if [ -n "${TIMELINE_BASELINE:-}" ]; then args+=(--baseline "$TIMELINE_BASELINE"); fi

status=0
"$timeline" "${args[@]}" --format github || status=$?
if [ -n "${TIMELINE_SARIF:-}" ] && [ "$status" -ne 2 ]; then
  sarif_status=0
  "$timeline" "${args[@]}" --format sarif > "$TIMELINE_SARIF" || sarif_status=$?
  [ "$sarif_status" -ne 2 ] || status=2
  echo "timeline: SARIF written to $TIMELINE_SARIF" >&2
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$status" >> "$GITHUB_OUTPUT"; fi
exit "$status"
