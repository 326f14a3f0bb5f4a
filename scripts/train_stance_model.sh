#!/usr/bin/env bash
# Regenerates lexicons/stance/model.txt from the labelled sets of tests/data/stance/ with the
# options bench/README.md reports (the `fresh` set and the even lines of `wild` are never trained
# on: they are the held-out tests).
# Usage: scripts/train_stance_model.sh [OUT]   (STANCE_TRAIN=path/to/stance_train; default build/)
#        scripts/train_stance_model.sh --check  exit 1 when the shipped model is not what the sets give
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${STANCE_TRAIN:-$root/build/tools/stance_train}
shipped=$root/lexicons/stance/model.txt
check=
if [ "${1:-}" = "--check" ]; then
  check=$(mktemp)
  trap 'rm -f "$check"' EXIT
  set -- "$check"
fi
out=${1:-$shipped}
if [ ! -x "$bin" ]; then
  echo "train_stance_model: no stance_train at $bin (build it, or set STANCE_TRAIN)" >&2
  exit 1
fi
sets=()
for s in dev train blind heldout recall wild2; do
  for l in en zh ja; do sets+=("$root/tests/data/stance/$s.$l.jsonl"); done
done
# The odd lines of the wild sets (posts as the APIs deliver them); the even lines stay held out.
odd=$(mktemp -d)
trap 'rm -rf "$odd" ${check:+"$check"}' EXIT
for l in en zh ja; do
  awk 'NR % 2 == 1' "$root/tests/data/stance/wild.$l.jsonl" > "$odd/wild-odd.$l.jsonl"
  sets+=("$odd/wild-odd.$l.jsonl")
done
"$bin" --min-weight 0.1 --vote 4 --quiet 1 --out "$out" "${sets[@]}"
if [ -n "$check" ] && ! cmp -s "$check" "$shipped"; then
  echo "train_stance_model: lexicons/stance/model.txt is not what tests/data/stance gives; run scripts/train_stance_model.sh" >&2
  exit 1
fi
