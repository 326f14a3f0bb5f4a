#!/usr/bin/env bash
# Real short texts about something else, judged one by one: every paragraph of the extraction
# benchmark's gold article text (181 news pages of 2019-2020: sport, politics, gadgets) as a news
# item, and every post of the real social API bodies of ../shared/fixtures/social (Reddit, Hacker
# News, Weibo, Mastodon, Bluesky, X; none about the AI boom) as a post. Items this short are not
# checked for their subject (StanceExtractor), so they show what the cue words and the model make
# of ordinary text. Every item should be neutral; prints how many were not, per source, and how
# many of those the model's vote decided.
# Usage: bench/stance_off_topic_items.sh [--list N]   (N judged items printed per source)
# LEXICONS=DIR measures other lexicons (a retrained model.txt) without a rebuild.
# MAX_JUDGED_PERCENT=P makes this a regression check: exit 1 when more than P% of all items are judged.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
list=0
[ "${1:-}" = "--list" ] && list=${2:-10}
if [ ! -d "$shared/benchmarks/extraction/scrapinghub/ground-truth" ] || [ ! -d "$shared/fixtures/social" ]; then
  echo "stance_off_topic_items: no benchmark set or social fixtures under $shared" >&2
  exit 77  # ctest's skip code
fi
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The items: {"id": "SOURCE/…", "text", "kind"} a line; the language is left to the detector.
python3 - "$shared" > "$work/items.jsonl" <<'PY'
import glob, html, json, os, re, sys
shared = sys.argv[1]
def emit(source, n, text, kind="post"):
    # Posts go in as their APIs send them (Weibo, Hacker News and Mastodon as HTML, X with
    # entities): bubblewatch reads post markup itself. The length check is on the plain text.
    text = (text or "").strip()
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text)).strip()
    if len(plain) >= 20:
        print(json.dumps({"id": f"{source}/{n}", "text": text if kind == "post" else plain, "kind": kind},
                         ensure_ascii=False))
for path in sorted(glob.glob(f"{shared}/benchmarks/extraction/scrapinghub/ground-truth/*.json")):
    body = json.load(open(path, encoding="utf-8")).get("articleBody") or ""
    for i, para in enumerate(p for p in body.split("\n") if len(p.strip()) >= 40):
        emit("news", f"{os.path.basename(path)[:8]}-{i}", para, "article")
social = f"{shared}/fixtures/social"
def load(name):
    return json.load(open(f"{social}/{name}", encoding="utf-8"))
for name in ("r_askreddit_new_listing.json", "r_all_search_listing.json"):
    for c in load(f"reddit/{name}")["data"]["children"]:
        d = c["data"]
        emit("reddit", d["id"], (d.get("title") or "") + "\n\n" + (d.get("selftext") or ""))
for h in load("hackernews/algolia_search_story_tim_cook_page1.json")["hits"]:
    emit("hackernews", h["objectID"], (h.get("title") or "") + "\n\n" + (h.get("story_text") or h.get("comment_text") or ""))
for name in ("firebase_item_comment_2921983.json", "firebase_item_story_8863.json"):
    d = load(f"hackernews/{name}")
    emit("hackernews", d["id"], d.get("title") or d.get("text"))
for c in load("weibo/m_weibo_cn_getindex_user_statuses.json")["data"]["cards"]:
    if "mblog" in c:
        emit("weibo", c["mblog"]["id"], c["mblog"]["text"])
for s in load("mastodon/tag_timeline_hoot.json") + [load("mastodon/status_entity_example.json")]:
    emit("mastodon", s["id"], s["content"])
emit("bluesky", 0, load("bluesky/thread_view_post_with_embed_media.json")["thread"]["post"]["record"]["text"])
for name in ("search_recent_default_fields.json", "tweets_lookup_default_fields.json"):
    for t in load(f"x/{name}")["data"]:
        emit("x", t["id"], t["text"])
PY
"$bin" --lexicons "${LEXICONS:-$root/lexicons}" analyze --jsonl "$work/items.jsonl" > "$work/records.jsonl"
python3 - "$work/records.jsonl" "$work/items.jsonl" "$list" "${MAX_JUDGED_PERCENT:-}" <<'PY'
import collections, json, sys
items, judged, by_model = collections.Counter(), collections.Counter(), collections.Counter()
examples = collections.defaultdict(list)
texts = {}
for line in open(sys.argv[2], encoding="utf-8"):
    item = json.loads(line)
    texts[item["id"]] = " ".join(item["text"].split())
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    source = r["id"].split("/")[0]
    items[source] += 1
    s = r.get("stance") or {}
    if s.get("label") in ("bubble", "revolution"):
        judged[source] += 1
        model = any("model" in e.get("rules", []) for e in s.get("evidence", []))
        by_model[source] += model
        examples[source].append(f"    {s['label']:10} {s['score']:+.2f} {'model' if model else 'rules'}  "
                                + texts[r["id"]][:90])
print(f"{'source':12} {'items':>6} {'judged':>7} {'share':>7} {'by model':>9}")
for source in items:
    print(f"{source:12} {items[source]:6} {judged[source]:7} {100 * judged[source] / items[source]:6.1f}% {by_model[source]:9}")
    for line in examples[source][:int(sys.argv[3])]:
        print(line)
total, total_judged = sum(items.values()), sum(judged.values())
share = 100 * total_judged / total
print(f"{'all':12} {total:6} {total_judged:7} {share:6.1f}% {sum(by_model.values()):9}")
if sys.argv[4] and share > float(sys.argv[4]):
    print(f"stance_off_topic_items: {share:.1f}% of items judged, more than {sys.argv[4]}%", file=sys.stderr)
    sys.exit(1)
PY
