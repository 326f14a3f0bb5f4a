#!/usr/bin/env bash
# Scores `bubblewatch analyze --html` on an article-extraction benchmark set and
# prints precision, recall, F1 and accuracy with the set's own scorer.
# Usage: bench/extraction_eval.sh [SET_DIR [--tokenizer cjk]]
#   SET_DIR holds html/<id>.html and ground-truth/<id>.json
#   (default: ../shared/benchmarks/extraction/scrapinghub).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
set_dir=${1:-$root/../shared/benchmarks/extraction/scrapinghub}
shift || true
if [ ! -d "$set_dir/html" ]; then
  echo "extraction_eval: no benchmark set at $set_dir" >&2
  exit 77  # ctest's skip code
fi
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
scorer=$root/../shared/benchmarks/extraction/eval_extraction.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ls "$set_dir"/html/*.html > "$work/files"
start=$(date +%s%N)
"$bin" analyze --html --files-from "$work/files" > "$work/records.jsonl"
end=$(date +%s%N)
mkdir "$work/pred"
python3 - "$work/records.jsonl" "$work/pred" <<'PY'
import json, os, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    page = os.path.basename(r["file"]).rsplit(".", 1)[0]
    with open(os.path.join(sys.argv[2], page + ".json"), "w", encoding="utf-8") as f:
        json.dump({"articleBody": r.get("text", "")}, f, ensure_ascii=False)
PY
pages=$(wc -l < "$work/files")
bytes=$(cat "$set_dir"/html/*.html | wc -c)
python3 -c "import sys; s=float(sys.argv[1]); print(f'{int(sys.argv[2])} pages in {s:.2f} s: {int(sys.argv[2])/s:.1f} pages/s, {int(sys.argv[3])/s/1e6:.1f} MB/s (analyze, one process)')" \
  "$(( (end - start) / 1000000 ))e-3" "$pages" "$bytes"
python3 "$scorer" "$work/pred" "$set_dir/ground-truth" "$@" | tee "$work/score"
# MIN_F1=0.97 makes this a regression check: exit 1 when the F1 is below it.
if [ -n "${MIN_F1:-}" ]; then
  python3 - "$work/score" "$MIN_F1" <<'PY'
import re, sys
f1 = float(re.search(r"F1=([0-9.]+)", open(sys.argv[1]).read()).group(1))
if f1 < float(sys.argv[2]):
    sys.exit(f"F1 {f1} is below the required {sys.argv[2]}")
PY
fi
