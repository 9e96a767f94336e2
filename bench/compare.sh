#!/usr/bin/env bash
# Compares this checkout's clearleaf with an earlier revision on the benchmark corpora: build
# time, CPU time and peak memory (medians), and whether the findings are the same.
#
#   bash bench/compare.sh REV [PAGES...]     default pages: 1000 10000
#   RUNS=5 bash bench/compare.sh 581ad04     runs per binary (default 3), alternating
#
# REV is built in release mode in a git worktree under target/compare/. Each corpus (made by
# bench/gen_corpus.py, every check a warning, as bench/run.sh does) is built by both binaries
# in turn. The findings are compared as JSON with the fields that REV lacks left out of both
# sides (`wcag`, `act`), so that an additive change to the report does not count.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
rev="${1:?usage: bash bench/compare.sh REV [PAGES...]}"
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs="${RUNS:-3}"
work="$here/target/compare"
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

old_src="$work/src-$rev"
if [ ! -d "$old_src" ]; then
  git worktree add --detach "$old_src" "$rev" >/dev/null
fi
# Each tree builds into its own target folder: their dependencies may differ.
(cd "$old_src" && cargo build --release --quiet)
cargo build --release --quiet
old="$old_src/target/release/clearleaf"
new="$here/target/release/clearleaf"

# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

printf '\n%-8s %-8s %10s %10s %12s\n' pages binary "wall (s)" "CPU (s)" "peak (MiB)"
for n in "${sizes[@]}"; do
  site="$work/c$n"
  python3 bench/gen_corpus.py "$site" --pages "$n" --layout clearleaf --reuse >/dev/null
  # Only rules both revisions check: a name that one of them does not know is refused.
  comm -12 <(rule_ids "$new" . | sort) <(rule_ids "$old" "$old_src" | sort) | checks_as_warnings "$site/site.yaml"
  : > "$work/results-$n"
  for ((i = 1; i <= runs; i++)); do
    for which in old new; do
      bin=$([ "$which" = old ] && echo "$old" || echo "$new")
      out="$work/out-$n-$which"
      sync
      echo "$which $(CLEARLEAF_TODAY=2026-11-21 timed "$bin" build --root "$site" --out "$out")" >> "$work/results-$n"
      while compgen -G "$out/.clearleaf-old-*" >/dev/null; do sleep 0.5; done
    done
  done
  for which in old new; do
    wall=$(awk -v t=$which '$1 == t { print $2 }' "$work/results-$n" | median)
    cpu=$(awk -v t=$which '$1 == t { print $3 }' "$work/results-$n" | median)
    rss=$(awk -v t=$which '$1 == t { print $4 }' "$work/results-$n" | median)
    printf '%-8s %-8s %10.2f %10.2f %12.0f\n' "$n" "$which" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)"
  done
  # The findings, without the fields REV's report does not have.
  for which in old new; do
    bin=$([ "$which" = old ] && echo "$old" || echo "$new")
    CLEARLEAF_TODAY=2026-11-21 "$bin" check --root "$site" --format json 2>/dev/null |
      python3 -c 'import json, sys
doc = json.load(sys.stdin)
for f in doc["findings"]:
    f.pop("wcag", None); f.pop("act", None)
json.dump(doc, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)' > "$work/findings-$n-$which.json"
  done
  if cmp -s "$work/findings-$n-old.json" "$work/findings-$n-new.json"; then
    echo "$n pages: the findings are identical ($(grep -c '"rule"' "$work/findings-$n-new.json") findings)"
  else
    echo "$n pages: the findings differ: diff $work/findings-$n-old.json $work/findings-$n-new.json"
    diff "$work/findings-$n-old.json" "$work/findings-$n-new.json" | head -n 20 || true
  fi
done
