#!/usr/bin/env bash
# Time from saving one page to `clearleaf serve` serving the new text.
#
#   bash bench/serve.sh [PAGES...]     default: 1000 10000; corpora as in bench/run.sh
#
# Starts the preview on a free loopback port, waits for the first build, then edits one page
# several times and prints, for each edit, the milliseconds until the page shows the edit.
# The server's own log (pages re-rendered, time of the site-wide checks) is kept in
# target/bench/serve-PAGES.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
gen="$PWD/bench/gen_corpus.py"
work="$PWD/target/bench"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
cargo build --release --quiet
bin="$PWD/target/release/clearleaf"
now_ms() { date +%s%3N; }

for n in "${sizes[@]}"; do
  site="$work/serve-$n"
  python3 "$gen" "$site" --pages "$n" --reuse >/dev/null
  page=$(find "$site/content" -name 'p00001-*.md' ! -name '*.*.md' | head -1)
  url="/${page#"$site/content/"}"; url="${url%.md}/"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  CLEARLEAF_TODAY=2026-11-21 "$bin" serve --root "$site" --port "$port" >/dev/null 2>"$work/serve-$n.log" &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  start=$(now_ms)
  until curl -sf "http://127.0.0.1:$port$url" >/dev/null; do sleep 0.2; done
  echo "$n pages: first build served after $(( $(now_ms) - start )) ms"
  # Each edit is timed from inside one process: append a line, then poll the page over a
  # kept-alive connection every 2 ms until it shows the line. Edits come 1.5 s apart (an
  # editor's pace), then three in quick succession.
  python3 - "$port" "$url" "$page" "$n" <<'PY'
import http.client, random, sys, time
port, url, page, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
conn = http.client.HTTPConnection("127.0.0.1", port)
def edit(label):
    marker = f"edit-{random.randrange(10**9)}"
    with open(page, "a") as f:
        f.write(f"\nThis line was added by the benchmark: {marker}.\n")
    start = time.perf_counter()
    while True:
        conn.request("GET", url)
        if marker in conn.getresponse().read().decode():
            break
        time.sleep(0.002)
    print(f"{n} pages: {label} served after {(time.perf_counter() - start) * 1000:.0f} ms (target: 50 ms at 10,000 pages)")
for i in range(3):
    time.sleep(1.5)
    edit(f"edit {i + 1}")
for i in range(3):
    edit(f"quick edit {i + 1}")
PY
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
done
