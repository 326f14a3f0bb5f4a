#!/usr/bin/env bash
# Peak memory (max RSS) of `bubblewatch analyze --html` on synthetic pages of
# 1, 5 and 10 MB (10^6 bytes), generated into a temporary directory:
#   article  a realistic article page: head, nav, many paragraphs of mixed
#            Chinese/English text with inline links, sidebar, footer
#   huge-p   one huge <p> of text
#   table    a table-heavy page: 10,000 rows, cell text grows with the size
#   divs     100,000 sibling <div>s, text grows with the size
#   nested   100,000 levels of nested <div>s, text grows with the size
# For each it prints the page size, peak RSS, RSS/size (raw, and after
# subtracting the RSS of analysing a tiny page), wall time and the record's
# status. Ratios above 20x are flagged: the project's bound is that a page
# takes no more than ~20x its size in memory.
# Usage: bench/memory_bench.sh     (BUBBLEWATCH=path/to/bubblewatch to choose the binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
limit=20
if [[ ! -x $bin ]]; then
  echo "memory_bench: $bin is not an executable; build it or set BUBBLEWATCH" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- generate the pages ------------------------------------------------------
python3 - "$work" <<'PY'
import os, random, sys

out = sys.argv[1]
rng = random.Random(20240601)
ZH = ("央行宣布下调存款准备金率以支持实体经济发展市场分析人士认为此举将释放长期资金"
      "房地产市场持续降温多个城市出台新政策股市今日收盘上涨科技板块领涨新能源汽车销量创新高"
      "专家表示泡沫风险仍需警惕投资者应保持理性")
EN = ("the central bank said on Monday that it would cut rates again as growth slows "
      "analysts warned of a bubble in property and tech stocks while investors kept buying "
      "prices rose sharply in March according to official data").split()


def sentence():
    if rng.random() < 0.5:
        start = rng.randrange(len(ZH) - 40)
        s = ZH[start:start + rng.randrange(15, 40)] + "。"
    else:
        words = [rng.choice(EN) for _ in range(rng.randrange(8, 20))]
        s = " ".join(words).capitalize() + ". "
    if rng.random() < 0.3:  # a figure, as news text has
        s += f"{rng.randrange(1, 999)}.{rng.randrange(10)}% "
    return s


def text(n_bytes):
    parts, size = [], 0
    while size < n_bytes:
        s = sentence()
        parts.append(s)
        size += len(s.encode())
    return "".join(parts)


HEAD = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<title>{t}</title><meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2024-05-01T08:00:00+08:00">'
        '</head><body>')
TAIL = '</body></html>'


def article(size):
    nav = '<header><nav class="menu"><ul>' + "".join(
        f'<li><a href="/section/{i}">栏目 {i} Section</a></li>' for i in range(40)) + '</ul></nav></header>'
    side = '<aside class="related"><h3>相关阅读 Related</h3><ul>' + "".join(
        f'<li><a href="/news/{i}.html">{sentence()}</a></li>' for i in range(20)) + '</ul></aside>'
    foot = '<footer><p>Copyright 2024 Example News. 版权所有</p><a href="/about">About</a></footer>'
    start = (HEAD.format(t="央行宣布降准 Central bank cuts rates") + nav +
             '<main><article><h1>央行宣布降准 Central bank cuts rates</h1>'
             '<p class="byline">By Reporter 记者 2024-05-01</p>')
    end = '</article></main>' + side + foot + TAIL
    parts, have = [start], len((start + end).encode())
    while have < size:
        p = "<p>" + text(rng.randrange(200, 800))
        if rng.random() < 0.4:
            p += f' <a href="https://example.com/news/{rng.randrange(10**6)}">{sentence()}</a>'
        p += "</p>\n"
        if rng.random() < 0.05:
            p += f"<h2>{sentence()}</h2>\n"
        parts.append(p)
        have += len(p.encode())
    parts.append(end)
    return "".join(parts)


def huge_p(size):
    start = HEAD.format(t="One paragraph") + "<p>"
    end = "</p>" + TAIL
    return start + text(size - len((start + end).encode())) + end


def spread(start, end, count, open_tag, close_tag, size):
    """`count` elements whose text fills the page up to `size` bytes."""
    fixed = len((start + end).encode()) + count * len((open_tag + close_tag).encode())
    per = max(1, (size - fixed) // count)
    filler = text(per * 4)
    parts = [start]
    for i in range(count):
        # Take `per` bytes of text (cut on a character boundary) from a rotating spot.
        off = (i * 7919) % (len(filler) // 2)
        piece = filler[off:off + per]
        while len(piece.encode()) > per and len(piece) > 1:
            piece = piece[:-1]
        piece += " " * (per - len(piece.encode()))
        parts.append(open_tag.format(i=i) + piece + close_tag)
    parts.append(end)
    return "".join(parts)


def table(size):
    start = HEAD.format(t="Table") + "<table><thead><tr><th>日期</th><th>Item</th><th>Value</th></tr></thead><tbody>"
    end = "</tbody></table>" + TAIL
    return spread(start, end, 10_000, '<tr><td>2024-{i}</td><td>', '</td><td>1.5%</td></tr>', size)


def divs(size):
    start = HEAD.format(t="Divs") + '<div class="list">'
    end = "</div>" + TAIL
    return spread(start, end, 100_000, "<div>", "</div>", size)


def nested(size):
    levels = 100_000
    start = HEAD.format(t="Nested")
    end = TAIL
    fixed = len((start + end).encode()) + levels * len("<div></div>")
    per = max(0, (size - fixed) // levels)
    filler = text(per * 4 + 16)
    parts = [start]
    for i in range(levels):
        off = (i * 7919) % (len(filler) // 2)
        piece = filler[off:off + per]
        while len(piece.encode()) > per and piece:
            piece = piece[:-1]
        piece += " " * (per - len(piece.encode()))
        parts.append("<div>" + piece)
    parts.append("</div>" * levels)
    parts.append(end)
    return "".join(parts)


def write(name, html):
    with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
        f.write(html)


write("baseline", HEAD.format(t="Tiny") + "<p>Hello, world. 你好，世界。</p>" + TAIL)
for mb in (1, 5, 10):
    size = mb * 1_000_000
    for kind, make in (("article", article), ("huge-p", huge_p), ("table", table),
                       ("divs", divs), ("nested", nested)):
        write(f"{kind}-{mb:02d}mb", make(size))
PY

# ---- measure -----------------------------------------------------------------
# Prints "<max RSS in KiB> <wall seconds> <exit status>" for analysing page $1.
measure() {
  local page=$1 out=$work/record.json
  if [[ -x /usr/bin/time ]]; then
    local rc=0
    /usr/bin/time -f '%M %e' -o "$work/time" "$bin" analyze --html "$page" > "$out" 2> "$work/stderr" || rc=$?
    echo "$(tail -n 1 "$work/time") $rc"
  else
    python3 - "$bin" "$page" "$out" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
with open(sys.argv[3], "wb") as out:
    rc = subprocess.run([sys.argv[1], "analyze", "--html", sys.argv[2]], stdout=out,
                        stderr=subprocess.DEVNULL).returncode
elapsed = time.monotonic() - start
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, f"{elapsed:.2f}", rc)
PY
  fi
}

# The "status" field of the record analyze printed ("crash" when there is none).
status() {
  python3 -c '
import json, sys
try:
    print(json.loads(open(sys.argv[1], encoding="utf-8").readline()).get("status", "?"))
except Exception:
    print("crash")' "$work/record.json"
}

read -r base_kib base_s base_rc < <(measure "$work/baseline.html")
if [[ $base_rc != 0 ]]; then
  echo "memory_bench: $bin analyze --html failed on a tiny page (exit $base_rc)" >&2
  exit 1
fi
echo "binary:   $bin"
echo "baseline: tiny page, peak RSS $(( base_kib / 1024 )) MiB (${base_kib} KiB), ${base_s} s"
echo "ratio = peak RSS / page size; net = (peak RSS - baseline) / page size; flag when > ${limit}x"
echo
printf '%-14s %9s %12s %8s %8s %8s  %-10s %s\n' \
  case "size MB" "peak RSS MB" ratio net "time s" status flag
flagged=0
failed=0
for page in "$work"/*-[0-9][0-9]mb.html; do
  name=$(basename "$page" .html)
  bytes=$(stat -c %s "$page")
  read -r kib secs rc < <(measure "$page")
  st=$(status)
  [[ $rc == 0 ]] || { st="exit $rc"; failed=$(( failed + 1 )); }
  line=$(python3 -c '
import sys
name, size, kib, base, secs, st, limit = sys.argv[1:]
size, rss, base, limit = int(size), int(kib) * 1024, int(base) * 1024, float(limit)
ratio, net = rss / size, (rss - base) / size
flag = ">20x (net)" if net > limit else (">20x (raw only)" if ratio > limit else "")
print(f"{name:<14} {size / 1e6:9.2f} {rss / 1e6:12.1f} {ratio:7.1f}x {net:7.1f}x {float(secs):8.2f}  {st:<10} {flag}")
' "$name" "$bytes" "$kib" "$base_kib" "$secs" "$st" "$limit")
  echo "$line"
  [[ $line == *'>20x (net)'* ]] && flagged=$(( flagged + 1 ))
done
echo
if (( flagged > 0 )); then
  echo "$flagged case(s) above ${limit}x page size even after subtracting the baseline"
else
  echo "all cases within ${limit}x page size (after subtracting the baseline)"
fi
(( failed == 0 )) || { echo "$failed case(s) failed (see the status column)"; exit 1; }
