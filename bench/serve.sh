#!/usr/bin/env bash
# Time from saving one page to `clearleaf serve` serving the new text.
#
#   bash bench/serve.sh [PAGES...]     default: 1000 10000; corpora as in bench/run.sh
#
# Starts the preview on a free loopback port, waits for the first build, then edits one page
# several times and prints, for each edit, the milliseconds until the page shows the edit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
gen="$PWD/../shared/bench/gen_corpus.py"
work="$PWD/target/bench"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
cargo build --release --quiet
bin="$PWD/target/release/clearleaf"
now_ms() { date +%s%3N; }

for n in "${sizes[@]}"; do
  site="$work/serve-$n"
  if [ ! -f "$site/corpus.json" ]; then
    rm -rf "$site"
    python3 "$gen" "$site" --pages "$n" >/dev/null
  fi
  page=$(find "$site/content" -name 'p00001-*.md' ! -name '*.*.md' | head -1)
  url="/${page#"$site/content/"}"; url="${url%.md}/"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  CLEARLEAF_TODAY=2026-11-21 "$bin" serve --root "$site" --port "$port" >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  start=$(now_ms)
  until curl -sf "http://127.0.0.1:$port$url" >/dev/null; do sleep 0.2; done
  echo "$n pages: first build served after $(( $(now_ms) - start )) ms"
  for i in 1 2 3; do
    marker="edit-$i-$RANDOM"
    printf '\nThis line was added by the benchmark: %s.\n' "$marker" >> "$page"
    start=$(now_ms)
    until curl -sf "http://127.0.0.1:$port$url" | grep -q "$marker"; do sleep 0.01; done
    echo "$n pages: edit $i served after $(( $(now_ms) - start )) ms (target: 50 ms at 10,000 pages)"
  done
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
done
