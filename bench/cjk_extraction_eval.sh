#!/usr/bin/env bash
# Scores `bubblewatch analyze --html` on the hand-made CJK/English extraction set
# (tests/data/extraction/cjk): main-text precision, recall, F1 and accuracy with the
# shared benchmark scorer (CJK tokenizer), then metadata accuracy — title, published
# (exact and date part), lang and script against the gold — with every mismatch listed.
# Usage: bench/cjk_extraction_eval.sh [SCORER OPTIONS...]   e.g. --n-bootstrap 200
#   BUBBLEWATCH=path/to/bubblewatch overrides the binary (default: build/bubblewatch).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
set_dir=$root/tests/data/extraction/cjk
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
if [ ! -f "$root/../shared/benchmarks/extraction/eval_extraction.py" ]; then
  echo "cjk_extraction_eval: the shared scorer is not beside the checkout" >&2
  exit 77  # ctest's skip code
fi
scorer=$root/../shared/benchmarks/extraction/eval_extraction.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ls "$set_dir"/html/*.html > "$work/files"
# The pages were written as of mid-October 2025: dates without a year are read then.
"$bin" analyze --html --reference-time 2025-10-20T00:00:00Z --files-from "$work/files" > "$work/records.jsonl"
mkdir "$work/pred"
python3 - "$work/records.jsonl" "$work/pred" <<'PY'
import json, os, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    page = os.path.basename(r["file"]).rsplit(".", 1)[0]
    with open(os.path.join(sys.argv[2], page + ".json"), "w", encoding="utf-8") as f:
        json.dump({"articleBody": r.get("text") or ""}, f, ensure_ascii=False)
PY
echo "main text ($(wc -l < "$work/files") pages):"
python3 "$scorer" "$work/pred" "$set_dir/ground-truth" --tokenizer cjk --per-page "$work/per_page.tsv" "$@" | tee "$work/score"
python3 - "$work/records.jsonl" "$set_dir/ground-truth" "$work/per_page.tsv" "$work/published" <<'PY'
import json, os, sys

records = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    records[os.path.basename(r["file"]).rsplit(".", 1)[0]] = r
gold = {}
for name in sorted(os.listdir(sys.argv[2])):
    if name.endswith(".json"):
        with open(os.path.join(sys.argv[2], name), encoding="utf-8") as f:
            gold[name[:-5]] = json.load(f)

def val(r, key):
    v = r.get(key)
    return "" if v is None else str(v)

# published is compared as written (the same instant in another offset is a mismatch),
# with "Z" read as "+00:00"; where the page gives no zone, the record carries the one of
# its language (zh +08:00, ja +09:00; none for en), and the gold, written without a zone,
# accepts exactly that;
# "date" compares the first 10 characters (YYYY-MM-DD) of both; null counts as "".
# "title~" compares titles with every run of Unicode whitespace (U+3000 included) folded to
# one ASCII space, to tell a whitespace normalisation from a wrong or unstripped title.
fold = lambda s: " ".join(s.split())
ASSUMED = {"zh": "+08:00", "ja": "+09:00"}

def same_published(exp, got, lang):
    exp, got = exp.replace("Z", "+00:00"), got.replace("Z", "+00:00")
    if len(exp) == 19 and len(got) == 25:  # gold without a zone, record with one
        return got == exp + ASSUMED.get(lang, "?")
    return exp == got
fields = ["title", "title~", "published", "date", "lang", "script"]
hits = {f: 0 for f in fields}
misses = []
for pid, g in gold.items():
    r = records.get(pid, {})
    for f in fields:
        if f == "date":
            exp, got = g.get("published", "")[:10], val(r, "published")[:10]
        elif f == "title~":
            exp, got = fold(g.get("title", "")), fold(val(r, "title"))
        else:
            exp, got = g.get(f, ""), val(r, f)
        same = same_published(exp, got, g.get("lang", "")) if f == "published" else exp == got
        if same:
            hits[f] += 1
        elif f != "title~":  # its misses are listed under "title"
            misses.append((pid, f, exp, got))
n = len(gold)
names = {"title~": "title-ws-folded", "date": "published-date"}
print("metadata (%d pages, share equal to the gold):" % n)
for f in fields:
    print("  %-16s %.3f (%d/%d)" % (names.get(f, f), hits[f] / n, hits[f], n))
with open(sys.argv[4], "w") as out:
    out.write("%.4f\n" % (hits["published"] / n))
if misses:
    print("mismatches (id, field, expected, got):")
    for pid, f, exp, got in misses:
        print("  %-34s %-9s %-44s %s" % (pid, f, json.dumps(exp, ensure_ascii=False), json.dumps(got, ensure_ascii=False)))

negatives = [pid for pid, g in gold.items() if not g.get("articleBody")]
if negatives:
    print("pages without an article (gold text empty): id, status, predicted characters")
    for pid in negatives:
        r = records.get(pid, {})
        print("  %-34s %-12s %d" % (pid, val(r, "status") or val(r, "error"), len(val(r, "text"))))

rows = []
with open(sys.argv[3], encoding="utf-8") as f:
    next(f)
    for line in f:
        pid, p, r, exact = line.rstrip("\n").split("\t")
        p, r = float(p), float(r)
        rows.append((2 * p * r / (p + r) if p + r else 0.0, pid, p, r))
rows.sort()
print("worst pages by per-page F1 (id, precision, recall, F1):")
for f1, pid, p, r in rows[:10]:
    print("  %-34s P=%.3f R=%.3f F1=%.3f" % (pid, p, r, f1))
PY
# MIN_F1 / MIN_PUBLISHED make this a regression check: exit 1 when below.
if [ -n "${MIN_F1:-}${MIN_PUBLISHED:-}" ]; then
  python3 - "$work/score" "$work/published" "${MIN_F1:-0}" "${MIN_PUBLISHED:-0}" <<'PY'
import re, sys
f1 = float(re.search(r"F1=([0-9.]+)", open(sys.argv[1]).read()).group(1))
published = float(open(sys.argv[2]).read())
if f1 < float(sys.argv[3]):
    sys.exit(f"F1 {f1} is below the required {sys.argv[3]}")
if published < float(sys.argv[4]):
    sys.exit(f"published accuracy {published} is below the required {sys.argv[4]}")
PY
fi
