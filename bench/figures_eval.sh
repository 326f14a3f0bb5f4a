#!/usr/bin/env bash
# Scores the figures of `bubblewatch analyze --jsonl` (money, power, energy, shares, percent)
# on a labelled set with the shared scorer and prints precision, recall, F1 and lines/s.
# Usage: bench/figures_eval.sh [SET.jsonl [scorer options, e.g. --details 20]]
#   SET.jsonl: one {"id", "lang", "text", "expected", "kinds_checked", ...} a line
#   (default: tests/data/figures/dev.jsonl; also ../shared/benchmarks/figures/peer-specs.jsonl).
# MIN_F1=0.8 makes this a regression check: exit 1 when the overall F1 is below it.
# Exit 77 (ctest's skip code) when the scorer or the set is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
set_file=${1:-$root/tests/data/figures/dev.jsonl}
shift || true
scorer=$root/../shared/benchmarks/figures/score_figures.py
if [ ! -f "$scorer" ]; then
  echo "figures_eval: no scorer at $scorer" >&2
  exit 77
fi
if [ ! -f "$set_file" ]; then
  echo "figures_eval: no labelled set at $set_file" >&2
  exit 77
fi
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
if [ ! -x "$bin" ]; then
  echo "figures_eval: no bubblewatch binary at $bin (build it, or set BUBBLEWATCH)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The labelled set -> analyze --jsonl input: one {"text", "lang", "id"} object a line.
python3 - "$set_file" "$work/input.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if not line.strip():
            continue
        e = json.loads(line)
        rec = {"text": e["text"], "lang": e.get("lang", "und"), "id": e.get("id", "")}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY

start=$(date +%s%N)
"$bin" analyze --jsonl "$work/input.jsonl" > "$work/records.jsonl"
end=$(date +%s%N)
lines=$(wc -l < "$work/input.jsonl")
got=$(wc -l < "$work/records.jsonl")
if [ "$got" -ne "$lines" ]; then
  echo "figures_eval: $lines input lines but $got analysis records" >&2
  exit 1
fi
bytes=$(wc -c < "$work/input.jsonl")
python3 -c "import sys; s=max(float(sys.argv[1]), 1e-3); n=int(sys.argv[2]); print(f'{n} lines in {s:.2f} s: {n/s:.1f} lines/s, {int(sys.argv[3])/s/1e6:.2f} MB/s (analyze --jsonl, one process)')" \
  "$(( (end - start) / 1000000 ))e-3" "$lines" "$bytes"

# The analysis records carry "figures", which the scorer reads as the predicted items.
python3 "$scorer" "$set_file" "$work/records.jsonl" "$@" | tee "$work/score"
if [ -n "${MIN_F1:-}" ]; then
  python3 - "$work/score" "$MIN_F1" <<'PY'
import re, sys
last = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()][-1]
m = re.search(r"F1 ([0-9.]+)", last)
if not m:
    sys.exit("figures_eval: no overall F1 in the scorer's last line: %r" % last)
f1 = float(m.group(1))
if f1 < float(sys.argv[2]):
    sys.exit(f"F1 {f1} is below the required {sys.argv[2]}")
PY
fi
