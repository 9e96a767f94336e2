#!/usr/bin/env bash
# What PDF leaflets cost, on the corpora of bench/gen_corpus.py:
#
#   bash bench/pdf.sh [PAGES...]          default: 1000
#   RUNS=5 SAMPLE=40 bash bench/pdf.sh    rounds (default 3), pages printed in Chromium (default 40)
#   CLEARLEAF_BIN=path/to/clearleaf bash bench/pdf.sh    time that binary instead of building one
#
# Each round builds the corpus three times, back to back: with `print: {pdf: false}`, with PDFs
# and an empty leaflet cache (cold), and again with that cache (warm, nothing changed). Prints
# the median wall time, CPU time and peak memory of each, the cold and warm builds against the
# one without PDFs (goals: at most 2x and 1.1x), the cold build's peak memory (goal: at most
# 1 GiB at 1,000 leaflets), and the PDFs written. Then, once, the same two builds with --jobs 1,
# and a sample of the leaflet pages printed to PDF in headless Chromium (bench/pdf-chromium.mjs),
# to set Typst's time per leaflet beside Chromium's (goal: at most a tenth). Every rule is a
# warning, as in bench/run.sh; output is minified.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
work="$here/target/bench"
runs="${RUNS:-3}"
sample="${SAMPLE:-40}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
if [ -n "${CLEARLEAF_BIN:-}" ]; then
  bin="$CLEARLEAF_BIN"
else
  cargo build --release --quiet
  bin="$here/target/release/clearleaf"
fi
mkdir -p "$work"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

# A hard-linked copy of the corpus ($1) whose site.yaml is the line $2 (if any), the corpus's
# site.yaml without its `checks:` block, and every rule of this binary as a warning. The block
# is rewritten rather than kept because a corpus made by search.sh or run.sh with a binary
# without PDFs lacks the PDF rules, and one of those as an error would fail the build.
copy_of_corpus() {
  local copy=$1 first=$2
  # -ef: the same file, so the copy still links to this corpus and not to one made before it.
  if [ ! "$corpus/corpus.json" -ef "$copy/corpus.json" ]; then
    rm -rf "$copy" && cp -al "$corpus" "$copy"
  fi
  # Removed first: writing through the hard link would change the corpus's own site.yaml.
  rm -f "$copy/site.yaml"
  # checks_as_warnings appends its block, so a `checks:` block runs to the end of the file.
  { [ -z "$first" ] || printf '%s\n' "$first"; sed '/^checks:/,$d' "$corpus/site.yaml"; } > "$copy/site.yaml"
  rule_ids "$bin" "$here" | checks_as_warnings "$copy/site.yaml"
}

# Builds $3 into $4 (more options after), and appends "$1 wall cpu rss" to the file $2.
# `timed` ignores the exit status, so a failed build would be timed as if it had worked:
# a build that left no fresh index.html stops the benchmark.
build() {
  local label=$1 log=$2 root=$3 out=$4 stamp
  shift 4
  stamp=$(mktemp)
  sync
  echo "$label $(CLEARLEAF_TODAY=2026-11-21 timed "$bin" build --root "$root" --out "$out" "$@")" >> "$log"
  if [ ! "$out/index.html" -nt "$stamp" ]; then
    echo "pdf.sh: the '$label' build failed; see: CLEARLEAF_TODAY=2026-11-21 $bin build --root $root --out $out $*" >&2
    rm -f "$stamp"
    exit 1
  fi
  rm -f "$stamp"
  # The previous output is deleted in the background; let it go before the next build is timed.
  while compgen -G "$out/.clearleaf-old-*" >/dev/null; do sleep 0.5; done
}

# The median of column $2 over the lines of $log labelled $1.
col() { awk -v t="$1" -v c="$2" '$1 == t { print $c }' "$log" | median; }

# Chromium's time over Typst's, or n/a when noise leaves Typst nothing to add.
times_faster() { awk -v c="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.1fx", c / t; else printf "n/a" }'; }

for n in "${sizes[@]}"; do
  corpus="$work/c$n-clearleaf"
  python3 bench/gen_corpus.py "$corpus" --pages "$n" --layout clearleaf --reuse >/dev/null
  # Two copies rather than the corpus itself for the PDF builds: both get this binary's rules.
  without="$work/c$n-pdf-off"
  with="$work/c$n-pdf-on"
  copy_of_corpus "$without" 'print: {pdf: false}'
  copy_of_corpus "$with" ''
  out_off="$work/out-$n-pdf-off"
  out_cold="$work/out-$n-pdf-cold"
  out_warm="$work/out-$n-pdf-warm"
  # The benchmark's own cache folders, never the user's: deleting them costs nothing but time.
  cache="$work/pdf-cache-$n"
  cache1="$work/pdf-cache-$n-jobs1"
  log="$work/pdf-$n"
  : > "$log"

  for ((i = 1; i <= runs; i++)); do
    build off "$log" "$without" "$out_off"
    rm -rf "$cache"
    build cold "$log" "$with" "$out_cold" --cache "$cache"
    build warm "$log" "$with" "$out_warm" --cache "$cache"
  done
  # One thread, once: what a leaflet costs without the other core(s) hiding part of it.
  build off1 "$log" "$without" "$work/out-$n-pdf-off-jobs1" --jobs 1
  rm -rf "$cache1"
  build cold1 "$log" "$with" "$work/out-$n-pdf-cold-jobs1" --jobs 1 --cache "$cache1"

  printf '\n%s leaflets, %s round(s), medians\n%-22s %10s %10s %12s\n' "$n" "$runs" build "wall (s)" "CPU (s)" "peak (MiB)"
  for variant in off cold warm; do
    case $variant in
      off) name="without PDFs" ;;
      cold) name="with PDFs, cold" ;;
      warm) name="with PDFs, warm" ;;
    esac
    printf '%-22s %10.2f %10.2f %12.0f\n' "$name" "$(col $variant 2)" "$(col $variant 3)" "$(col $variant 4 | awk '{ print $1 / 1024 }')"
  done
  for variant in off1 cold1; do
    name=$([ $variant = off1 ] && echo "without PDFs, 1 job" || echo "with PDFs, cold, 1 job")
    printf '%-22s %10.2f %10.2f %12.0f\n' "$name" "$(col $variant 2)" "$(col $variant 3)" "$(col $variant 4 | awk '{ print $1 / 1024 }')"
  done

  # Round by round (the machine's speed drifts), each PDF build against the build without.
  for variant in cold warm; do
    goal=$([ $variant = cold ] && echo 2 || echo 1.1)
    awk -v t=$variant '$1 == "off" { off[++a] = $2 } $1 == t { v[++b] = $2 } END { for (i = 1; i <= a; i++) print v[i] / off[i] }' "$log" | sort -n |
      awk -v t=$variant -v goal="$goal" '{ r[NR] = $1 } END { med = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "%s / without: %.2fx the wall time (rounds: %.2f to %.2fx; goal: at most %sx)\n", t, med, r[1], r[NR], goal }'
  done
  awk '$1 == "cold" { k = $4 / 1024; if (k > max) max = k } END { printf "cold build peak memory: at most %.0f MiB over the rounds (goal: at most 1024 MiB at 1,000 leaflets)\n", max }' "$log"

  # What was written: the cold output, and whether the warm build wrote the same leaflets.
  pdfs=$(find "$out_cold" -name '*.pdf' | wc -l)
  [ "$pdfs" -gt 0 ] || { echo "pdf.sh: the cold build wrote no PDF" >&2; exit 1; }
  pdf_bytes=$(find "$out_cold" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  html=$(find "$out_cold" -name index.html | wc -l)
  warm_pdfs=$(find "$out_warm" -name '*.pdf' | wc -l)
  printf '%s PDFs written, %.1f MiB in all (%.0f KiB each on average), beside %s HTML pages; warm build: %s PDFs; cache: %s\n' \
    "$pdfs" "$(echo "$pdf_bytes / 1048576" | bc -l)" "$(echo "$pdf_bytes / $pdfs / 1024" | bc -l)" "$html" "$warm_pdfs" "$(du -sh "$cache" | cut -f1)"

  # A fixed sample: the sorted list of leaflets, taken at even steps, so every language and
  # section is in it and the same corpus always gives the same pages.
  mapfile -t urls < <(cd "$out_cold" && find . -name '*.pdf' -printf '%P\n' | LC_ALL=C sort |
    awk -v t="$pdfs" -v k="$sample" 'BEGIN { for (i = 0; i < k && i < t; i++) pick[int(i * t / k) + 1] = 1 } NR in pick' |
    while read -r f; do
      d=$(dirname "$f")
      if [ -f "$d/index.html" ]; then
        [ "$d" = . ] && echo / || echo "/$d/"
      else
        echo "pdf.sh: $f has no index.html beside it; left out of the sample" >&2
      fi
    done)
  sample_kib=$(cd "$out_cold" && for u in "${urls[@]}"; do find ".$u" -maxdepth 1 -name '*.pdf' -printf '%s\n'; done | median | awk '{ print $1 / 1024 }')
  node bench/pdf-chromium.mjs "$out_cold" "${urls[@]}" > "$work/pdf-chromium-$n"

  cores=$(nproc)
  # The marginal cost: in the parallel build, leaflets are typeset beside the HTML work, so
  # this is what PDFs add to the wall time, not how long one leaflet takes on its own.
  typst_par=$(awk -v n="$pdfs" '$1 == "off" { off[++a] = $2 } $1 == "cold" { c[++b] = $2 } END { for (i = 1; i <= a; i++) print (c[i] - off[i]) * 1000 / n }' "$log" | median)
  typst_one=$(awk -v n="$pdfs" '$1 == "off1" { o = $2 } $1 == "cold1" { c = $2 } END { print (c - o) * 1000 / n }' "$log")
  chromium=$(awk '$1 == "median" { print $2 }' "$work/pdf-chromium-$n")
  launch=$(awk '$1 == "launch" { print $2 }' "$work/pdf-chromium-$n")
  chromium_kib=$(awk '$1 == "page" { print $3 }' "$work/pdf-chromium-$n" | median | awk '{ print $1 / 1024 }')
  printf '\nper leaflet (ms)                             Typst   Chromium   Chromium / Typst\n'
  printf '%-40s %10.1f %10.1f %13s\n' "parallel build ($cores cores), marginal" "$typst_par" "$chromium" "$(times_faster "$chromium" "$typst_par")"
  printf '%-40s %10.1f %10.1f %13s\n' "one thread (--jobs 1)" "$typst_one" "$chromium" "$(times_faster "$chromium" "$typst_one")"
  echo "goal: Typst at most 1/10 of Chromium's time per page (Chromium / Typst at least 10x)"
  echo "Typst: (cold build - build without PDFs) wall time / $pdfs leaflets; the first line is the median over the rounds of the parallel build on all $cores cores, the second from one build of each with --jobs 1."
  printf 'Chromium: median of %s leaflet pages (goto until load + page.pdf, A4, tagged), one browser and one page, pages one after another; its launch (%.0f ms) is not counted. Chromium itself runs in several processes.\n' "${#urls[@]}" "$launch"
  printf 'the sampled leaflets: median %.0f KiB from Typst, %.0f KiB from Chromium\n' "$sample_kib" "$chromium_kib"
done
