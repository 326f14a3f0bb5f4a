#!/usr/bin/env bash
# Scores the stance of `bubblewatch analyze --jsonl` on labelled sets and prints accuracy and
# macro-F1 overall, per language, per kind and per hard-case tag (bench/stance_score.py).
# Usage: bench/stance_eval.sh [SET.jsonl ...] [-- scorer options, e.g. --errors 30]
#   default sets: tests/data/stance/dev.{en,zh,ja}.jsonl (see tests/data/stance/GUIDE.md).
# MIN_F1=0.8 makes this a regression check: exit 1 when any language's macro-F1 is below it.
# The lexicons are read from lexicons/ of this tree (LEXICONS=DIR for others), so an edited
# lexicon is measured without a rebuild.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sets=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sets+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#sets[@]} -eq 0 ]; then
  sets=("$root"/tests/data/stance/dev.en.jsonl "$root"/tests/data/stance/dev.zh.jsonl "$root"/tests/data/stance/dev.ja.jsonl)
fi
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
if [ ! -x "$bin" ]; then
  echo "stance_eval: no bubblewatch binary at $bin (build it, or set BUBBLEWATCH)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The labelled items -> analyze --jsonl input: {"text", "lang", "kind", "id"} a line.
python3 -c '
import json, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            print(json.dumps({k: e[k] for k in ("id", "text", "lang", "kind") if k in e}, ensure_ascii=False))
' "${sets[@]}" > "$work/input.jsonl"
start=$(date +%s.%N)
"$bin" --lexicons "${LEXICONS:-$root/lexicons}" analyze --jsonl "$work/input.jsonl" > "$work/pred.jsonl"
end=$(date +%s.%N)
min=()
[ -n "${MIN_F1:-}" ] && min=(--min-f1 "$MIN_F1")
python3 "$root/bench/stance_score.py" "${sets[@]}" --pred "$work/pred.jsonl" "${min[@]}" "$@"
echo "items: $(wc -l < "$work/input.jsonl"), seconds: $(echo "$end - $start" | bc)"
