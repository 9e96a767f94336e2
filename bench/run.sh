#!/usr/bin/env bash
# Benchmark clearleaf against Hugo on the same synthetic corpora (bench/gen_corpus.py).
#
#   bash bench/run.sh [PAGES...]        default: 1000 10000
#   RUNS=5 bash bench/run.sh 1000       runs per tool (default 3), alternating tools
#
# Installs hugo (Debian) if missing, generates each corpus in both layouts under
# target/bench/, builds clearleaf in release mode, then times every build with
# /usr/bin/time -v and prints the median wall time, CPU time (user + system) and peak memory,
# with the clearleaf/Hugo ratio. clearleaf runs with every check on and minified output;
# Hugo runs with --minify.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
gen="$here/bench/gen_corpus.py"
work="$here/target/bench"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if ! command -v hugo >/dev/null 2>&1; then
  echo "installing hugo (Debian package)…" >&2
  apt-get update -qq && apt-get install -y -qq hugo >/dev/null
fi
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
cargo build --release --quiet
bin="$here/target/release/clearleaf"
mkdir -p "$work"

# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

# Three builds per corpus:
#   clearleaf  the site as configured: every Welsh and Urdu page without an Easy read version
#              gets a fallback page (SPEC's default, `translations.missing: fallback`), so it
#              writes 6 pages per leaflet;
#   cl-omit    the same corpus with `translations.missing: omit`: 4 pages per leaflet, the same
#              pages Hugo writes (en, en-easy, cy, ur), for a like-for-like comparison;
#   hugo       Hugo on the same corpus in its layout.
printf '\n%-8s %-10s %8s %10s %10s %12s %10s\n' pages tool files "wall (s)" "CPU (s)" "peak (MiB)" "CPU/wall"
for n in "${sizes[@]}"; do
  for layout in clearleaf hugo; do
    dir="$work/c$n-$layout"
    python3 "$gen" "$dir" --pages "$n" --layout "$layout" --reuse >/dev/null
  done
  rule_ids "$bin" . | checks_as_warnings "$work/c$n-clearleaf/site.yaml"
  # The omit variant: the content hard-linked (no copy), its own site.yaml.
  omit="$work/c$n-cl-omit"
  if [ ! -f "$omit/site.yaml" ] || [ "$work/c$n-clearleaf/site.yaml" -nt "$omit/site.yaml" ]; then
    rm -rf "$omit" && cp -al "$work/c$n-clearleaf" "$omit" && rm "$omit/site.yaml"
    { cat "$work/c$n-clearleaf/site.yaml"; printf 'translations:\n  missing: omit\n'; } > "$omit/site.yaml"
  fi
  : > "$work/results-$n"
  for ((i = 1; i <= runs; i++)); do
    for tool in clearleaf cl-omit; do
      out="$work/out-$n-$tool"
      sync # so that no build pays for writing back the previous one's files
      echo "$tool $(CLEARLEAF_TODAY=2026-11-21 timed "$bin" build --root "$work/c$n-$tool" --out "$out")" >> "$work/results-$n"
      # The replaced site is deleted in the background after the swap: let that finish, so
      # that its disk work does not slow down the next timed build.
      while compgen -G "$out/.clearleaf-old-*" >/dev/null; do sleep 0.5; done
    done
    rm -rf "$work/out-$n-hugo"
    sync
    echo "hugo $(timed hugo --quiet --minify -s "$work/c$n-hugo" -d "$work/out-$n-hugo")" >> "$work/results-$n"
  done
  for tool in clearleaf cl-omit hugo; do
    wall=$(awk -v t=$tool '$1 == t { print $2 }' "$work/results-$n" | median)
    cpu=$(awk -v t=$tool '$1 == t { print $3 }' "$work/results-$n" | median)
    rss=$(awk -v t=$tool '$1 == t { print $4 }' "$work/results-$n" | median)
    files=$(find "$work/out-$n-$tool" -name '*.html' -not -path '*/.clearleaf-*' | wc -l)
    printf '%-8s %-10s %8d %10.2f %10.2f %12.0f %10.2f\n' "$n" "$tool" "$files" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" "$(echo "$cpu / $wall" | bc -l)"
  done
  # The machine's speed drifts over a long benchmark (shared vCPUs): Hugo's own wall time can
  # vary by half between rounds. Each round runs the tools back to back, so the ratio within a
  # round is steadier; the median of those ratios is printed with the range.
  for tool in clearleaf cl-omit; do
    awk -v t=$tool '$1 == t { a[++n] = $2 } $1 == "hugo" { h[++m] = $2 } END { for (i = 1; i <= n; i++) print a[i] / h[i] }' "$work/results-$n" | sort -n |
      awk -v n="$n" -v t="$tool" '{ r[NR] = $1 } END { med = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "%-8s %-10s %8s %10.2f   wall / Hugo wall, median of the rounds (%.2f to %.2f)%s\n", n, "ratio", t, med, r[1], r[NR], (t == "clearleaf" ? "; target <= 0.25" : ": the same pages as Hugo") }'
  done
done
echo
echo "clearleaf stage timings on the largest corpus (time summed over threads):"
sync
CLEARLEAF_TODAY=2026-11-21 CLEARLEAF_TIMINGS=1 "$bin" build --root "$work/c${sizes[-1]}-clearleaf" --out "$work/out-${sizes[-1]}-clearleaf" 2>&1 >/dev/null | sed -n '/stage timings/,/swap/p'
