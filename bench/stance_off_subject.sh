#!/usr/bin/env bash
# Real pages about something else: runs `bubblewatch analyze --html` on an article-extraction
# benchmark set (181 real news pages of 2019-2020: sport, politics, gadgets, none about the AI
# boom) and prints how many came out bubble, revolution or neutral, and how many were found off
# subject. Every page should be neutral: a bubble or revolution here is a cue word read out of
# its subject ("concerns" in a match report, "to the moon" in a space story).
# Usage: bench/stance_off_subject.sh [SET_DIR]   (default: ../shared/benchmarks/extraction/scrapinghub)
# MAX_JUDGED=N makes this a regression check: exit 1 when more than N pages are not neutral.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
set_dir=${1:-$root/../shared/benchmarks/extraction/scrapinghub}
if [ ! -d "$set_dir/html" ]; then
  echo "stance_off_subject: no benchmark set at $set_dir" >&2
  exit 77  # ctest's skip code
fi
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$set_dir"/html/*.html > "$work/files"
"$bin" analyze --html --files-from "$work/files" > "$work/records.jsonl"
python3 - "$work/records.jsonl" "${MAX_JUDGED:-}" <<'PY'
import collections, json, os, sys
labels = collections.Counter()
off = 0
judged = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    s = r.get("stance") or {}
    label = s.get("label", "none")
    labels[label] += 1
    off += bool(s.get("off_subject"))
    if label in ("bubble", "revolution"):
        judged.append(f"  {label:10} {s['score']:+.2f}  {os.path.basename(r['file'])[:12]}  {r.get('title', '')[:60]}")
total = sum(labels.values())
print(f"pages: {total}, off subject: {off}")
for label in ("bubble", "revolution", "neutral", "none"):
    print(f"  {label:10} {labels[label]}")
print("\n".join(judged))
if sys.argv[2] and len(judged) > int(sys.argv[2]):
    print(f"stance_off_subject: {len(judged)} pages judged, more than {sys.argv[2]}", file=sys.stderr)
    sys.exit(1)
PY
