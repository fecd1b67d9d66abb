#!/usr/bin/env bash
# The main job on the bundled dataset: with a display, open the viewer on the
# IAC 2017 graph; without one, write briefing.svg and print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=build scripts/build.sh
dataset=datasets/iac2017/graph.json
if [ -n "${DISPLAY:-}" ] && [ -x build/viewer/liaison-viewer ]; then
  exec build/cli/liaison view "$dataset"
fi
build/cli/liaison export "$dataset" --format svg --layout sfdp -o briefing.svg
build/cli/liaison info "$dataset"
echo
build/cli/liaison met "$dataset" 莊明芬 | sed -n 1,20p
echo
echo "briefing written to $(pwd)/briefing.svg"
