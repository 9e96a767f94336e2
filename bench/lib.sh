# Shared by bench/run.sh and bench/compare.sh: timing a command, medians, and the site.yaml
# `checks:` block that turns every rule into a warning.

# Prints "wall_seconds cpu_seconds max_rss_kib" for one timed command.
timed() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, user + sys, rss }' "$log"
  rm -f "$log"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# The rules clearleaf ($1) checks, one ID a line, except INPUT-INVALID (which `checks:` cannot
# change). A revision from before `clearleaf rules` lists them from its source tree ($2).
rule_ids() {
  if "$1" rules --format json >/dev/null 2>&1; then
    "$1" rules --format json | python3 -c 'import json, sys
for r in json.load(sys.stdin)["rules"]:
    if r["implemented"] and r["id"] != "INPUT-INVALID":
        print(r["id"])'
  else
    sed -n '/pub const ALL/,/^];/p' "$2/src/checks/rules.rs" | grep -o '"[A-Z0-9-]*"' | tr -d '"' | grep -vx INPUT-INVALID
  fi
}

# Appends to a corpus's site.yaml ($1), once, a `checks:` block that makes every rule read on
# stdin a warning: the synthetic Easy read pages break Easy read rules, and a successful build
# (with its swap) is what is timed.
checks_as_warnings() {
  grep -q '^checks:' "$1" && return
  { echo "checks:"; sed 's/^/  /; s/$/: warning/'; } >> "$1"
}
