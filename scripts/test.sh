#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite twice: an optimised build, and
# a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for variant in build build-asan; do
  args=()
  [ "$variant" = build-asan ] && args=(-DBW_SANITIZE=ON -DBW_BUILD_BENCH=OFF)
  echo "== $variant" >&2
  bash scripts/build.sh "$variant" "${args[@]}"
  (cd "$variant" && ctest -j"$(nproc)" --output-on-failure) || status=1
done
exit $status
