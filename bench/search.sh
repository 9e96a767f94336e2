#!/usr/bin/env bash
# What search costs, on the corpora of bench/gen_corpus.py:
#
#   bash bench/search.sh [PAGES...]      default: 1000 10000
#   RUNS=5 bash bench/search.sh 1000     rounds (default 3)
#
# Each round builds the corpus twice, back to back: with `search: false`, and with search on
# (the Pagefind index and the search pages). Prints the median wall time, CPU time and peak
# memory of each, the time search adds against the build without it (goal: at most 30 %), the
# index's size per language, and what a reader downloads for one query (bench/search-download.mjs,
# in Chromium). Every rule is a warning, as in bench/run.sh; output is minified.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
work="$here/target/bench"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
cargo build --release --quiet
bin="$here/target/release/clearleaf"
mkdir -p "$work"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

for n in "${sizes[@]}"; do
  corpus="$work/c$n-clearleaf"
  python3 bench/gen_corpus.py "$corpus" --pages "$n" --layout clearleaf --reuse >/dev/null
  grep -q '^checks:' "$corpus/site.yaml" || rule_ids "$bin" . | checks_as_warnings "$corpus/site.yaml"
  # Two hard-linked copies of the corpus, each with its own site.yaml: search off, and on.
  # Both without PDF leaflets, whose typesetting would swamp what search costs (bench/pdf.sh
  # measures those).
  off="$work/c$n-search-off"
  on="$work/c$n-search-on"
  for copy in "$off" "$on"; do
    if [ ! -f "$copy/site.yaml" ] || [ "$corpus/site.yaml" -nt "$copy/site.yaml" ] || ! grep -q '^print:' "$copy/site.yaml"; then
      rm -rf "$copy" && cp -al "$corpus" "$copy" && rm "$copy/site.yaml"
      { printf 'search: %s\nprint: {pdf: false}\n' "$([ "$copy" = "$on" ] && echo true || echo false)"; cat "$corpus/site.yaml"; } > "$copy/site.yaml"
    fi
  done
  : > "$work/search-$n"
  for ((i = 1; i <= runs; i++)); do
    for variant in off on; do
      root=$([ $variant = on ] && echo "$on" || echo "$off")
      out="$work/out-$n-search-$variant"
      sync
      echo "$variant $(CLEARLEAF_TODAY=2026-11-21 timed "$bin" build --root "$root" --out "$out")" >> "$work/search-$n"
      while compgen -G "$out/.clearleaf-old-*" >/dev/null; do sleep 0.5; done
    done
  done
  printf '\n%s leaflets\n%-12s %10s %10s %12s\n' "$n" build "wall (s)" "CPU (s)" "peak (MiB)"
  for variant in off on; do
    wall=$(awk -v t=$variant '$1 == t { print $2 }' "$work/search-$n" | median)
    cpu=$(awk -v t=$variant '$1 == t { print $3 }' "$work/search-$n" | median)
    rss=$(awk -v t=$variant '$1 == t { print $4 }' "$work/search-$n" | median)
    printf '%-12s %10.2f %10.2f %12.0f\n' "search $variant" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)"
  done
  # Round by round (the machine's speed drifts), what search adds against the build without it.
  awk '$1 == "off" { off[++a] = $2 } $1 == "on" { on[++b] = $2 } END { for (i = 1; i <= a; i++) print (on[i] - off[i]) / off[i] * 100 }' "$work/search-$n" | sort -n |
    awk '{ r[NR] = $1 } END { med = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
      printf "search adds %.0f %% to the wall time (rounds: %.0f to %.0f %%; goal: at most 30 %%)\n", med, r[1], r[NR] }'
  # Pagefind names its files by language: pagefind.<lang>_<hash>.pf_meta, index/<lang>_…,
  # fragment/<lang>_…, filter/<lang>_….
  echo "index size per language:"
  (cd "$work/out-$n-search-on/pagefind" && find . -type f -name '*.pf_*' -printf '%s %P\n') |
    sed -E 's#^([0-9]+) (.*/)?(pagefind\.)?([a-z-]+)_[0-9a-f]+\.pf_(\w+)$#\4 \5 \1#' |
    awk '{ size[$1] += $3; files[$1]++; part[$1 " " $2] += $3 } END {
      for (l in size) printf "  %-4s %6d files %9.1f MiB  (fragments %.1f, word index %.1f, filters %.2f, meta %.2f)\n", l, files[l], size[l] / 1048576,
        part[l " fragment"] / 1048576, part[l " index"] / 1048576, part[l " filter"] / 1048576, part[l " meta"] / 1048576 }' | sort
  echo "what a reader downloads for one query (fresh browser, nothing cached):"
  node bench/search-download.mjs "$work/out-$n-search-on" "/search/?q=appointment" "/cy/search/?q=apwyntiad" "/ur/search/?q=ڈاکٹر" "/easy-read/search/?q=doctor" | sed 's/^/  /'
done
