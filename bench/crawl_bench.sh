#!/usr/bin/env bash
# Whole-run speed and memory of `bubblewatch crawl`: a loopback site (Python's
# threading HTTP server on 127.0.0.1) lists N article pages in a sitemap; the
# crawl fetches, analyses and stores every one, with politeness off (no
# robots.txt, no per-host delay, 8 transfers at once). For each N it prints the
# pages stored, seconds, pages per second and peak RSS, so one can see that
# peak memory does not grow with the number of pages.
# Usage: bench/crawl_bench.sh [N ...]   (default: 500 2000; BUBBLEWATCH=binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BUBBLEWATCH:-$root/build/bubblewatch}
[[ -x $bin ]] || { echo "crawl_bench: $bin is not an executable; build it or set BUBBLEWATCH" >&2; exit 2; }
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(500 2000)
work=$(mktemp -d)
server_pid=""
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# ---- the site: /sitemap-N.xml lists /a/0 … /a/N-1; every article ~4 KB of text.
cat > "$work/site.py" <<'PY'
import http.server, random, socketserver, sys

WORDS = ("OpenAI NVIDIA gigawatts data centre capacity power grid investors bubble demand chips "
         "contract Oracle financing debt revenue growth cooling turbines analysts warned capex "
         "returns cloud servers Broadcom AMD SoftBank Stargate deal billion shares market utility "
         "nuclear transformer supply shortage lease campus 泡沫 算力 数据中心 投资 バブル 電力").split()

# A vocabulary of 5,000 made-up words beside the topic's own, so that articles
# differ as real ones do (a small vocabulary makes every text a near-duplicate
# of every other to SimHash).
_vocab_rng = random.Random(7)
WORDS += ["".join(_vocab_rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(_vocab_rng.randint(3, 9)))
          for _ in range(5000)]

def article(i):
    rng = random.Random(i)
    paras = []
    for _ in range(8):
        paras.append("<p>" + " ".join(rng.choice(WORDS) for _ in range(70)) + ".</p>")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Story %d</title></head>"
            "<body><nav><a href=/>Home</a></nav><article><h1>Story %d: 10 GW for $%d billion</h1>%s"
            "</article><footer>Bench News</footer></body></html>" % (i, i, i % 500, "".join(paras))).encode()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def send(self, body, ctype, status=200):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p.startswith("/sitemap-"):
            n = int(p[len("/sitemap-"):-len(".xml")])
            host = self.headers.get("Host")
            urls = "".join("<url><loc>http://%s/a/%d</loc></url>" % (host, i) for i in range(n))
            self.send(('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       + urls + "</urlset>").encode(), "application/xml")
        elif p.startswith("/a/"):
            self.send(article(int(p[3:])), "text/html; charset=utf-8")
        else:
            self.send(b"not found", "text/plain", 404)

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 128

srv = Server(("127.0.0.1", 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
PY
python3 "$work/site.py" > "$work/port" &
server_pid=$!
for _ in $(seq 50); do [[ -s $work/port ]] && break; sleep 0.1; done
port=$(cat "$work/port")

printf "%-7s %-7s %-6s %-9s %-9s %s\n" pages stored dups seconds pages/s peak_rss_MB
for n in "${sizes[@]}"; do
  db="$work/bench-$n.db"
  cat > "$work/bench-$n.toml" <<TOML
[database]
path = "$db"
[crawl]
allow_private_networks = true
obey_robots = false
per_host_delay_s = 0
per_host_concurrency = 8
concurrency = 8
[[sources]]
name = "bench"
type = "sitemap"
url = "http://127.0.0.1:$port/sitemap-$n.xml"
max_items = 10000
TOML
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --config "$work/bench-$n.toml" crawl --json > "$work/out"
  read -r secs rss_kb < "$work/time"
  python3 - "$n" "$work/out" "$secs" "$rss_kb" <<'PY'
import json, sys
n, out, secs, rss = int(sys.argv[1]), json.load(open(sys.argv[2])), float(sys.argv[3]), int(sys.argv[4])
pages = out["new_documents"] + out["duplicates"]
print("%-7d %-7d %-6d %-9.2f %-9.1f %.1f" % (n, out["new_documents"], out["duplicates"], secs,
                                             pages / secs if secs else 0, rss / 1024))
PY
done
