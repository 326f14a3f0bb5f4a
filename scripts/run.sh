#!/usr/bin/env bash
# Sets up, builds and runs bubblewatch with the given arguments, e.g.
#   bash scripts/run.sh fetch https://example.com/article.html
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh build >&2
exec ./build/bubblewatch "$@"
