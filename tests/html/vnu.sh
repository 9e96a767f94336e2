#!/usr/bin/env bash
# The W3C Nu HTML Checker (vnu) over every page of the example site, as published (minified).
#
#   bash tests/html/vnu.sh [SITE_DIR]
#
# Installs what is missing: Java (Debian's default-jre-headless) and the vnu-jar npm package
# pinned in tests/html/package-lock.json. Without SITE_DIR it builds the example site, with the
# debug binary that `cargo test` makes, into target/vnu-site. Every page is checked
# in one Java run, which starts once and so takes seconds rather than minutes. Any error fails;
# warnings are left out because they are advice, not invalid HTML.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/lib.sh
. "$here/../lib.sh"

# --- Java, from Debian: only when missing ------------------------------------
if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless
fi

# --- vnu.jar, exactly as locked -----------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  echo "vnu.sh: npm (Node.js 18 or newer) is needed to install vnu-jar" >&2
  exit 2
fi
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "vnu.sh: npm ci in tests/html"
  # --ignore-scripts: vnu-jar's install script would download a Java of its own; Debian's is used.
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts)
fi
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$jar" ] || { echo "vnu.sh: $jar is missing after npm ci" >&2; exit 2; }

# --- the site -------------------------------------------------------------------
site="${1:-}"
if [ -z "$site" ]; then
  site="target/vnu-site"
  rm -rf "$site"
  # The binary `cargo test` builds, as tests/browser/run.sh uses: `cargo run` would build
  # another one. The default build minifies, as a published site is. Its report (the example
  # site's warnings) is kept in a file, and shown if the build fails.
  cargo test --no-run --quiet
  bin="${CARGO_TARGET_DIR:-target}/debug/clearleaf"
  if ! "$bin" build --out "$site" >target/vnu-build.log 2>&1; then
    cat target/vnu-build.log >&2
    echo "vnu.sh: the example site did not build" >&2
    exit 1
  fi
  tail -n 2 target/vnu-build.log
fi
pages=$(find "$site" -name '*.html' | wc -l)
if [ "$pages" -eq 0 ]; then
  echo "vnu.sh: no HTML pages in $site" >&2
  exit 1
fi

# --- check every page in one run -----------------------------------------------
started=$(date +%s.%N)
status=0
java -jar "$jar" --errors-only --skip-non-html "$site" || status=$?
took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if [ "$status" -eq 0 ]; then
  echo "vnu.sh: $pages pages of $site are valid HTML (vnu-jar $(node -p "require('$here/node_modules/vnu-jar/package.json').version"), checked in ${took} s)"
else
  echo "vnu.sh: the Nu HTML Checker found errors in $site, listed above (${took} s)" >&2
fi
exit "$status"
