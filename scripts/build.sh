#!/usr/bin/env bash
# Installs the build dependencies (scripts/setup.sh) and builds bubblewatch.
# Usage: scripts/build.sh [BUILD_DIR [extra cmake args...]]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -- -j"$(nproc)"
