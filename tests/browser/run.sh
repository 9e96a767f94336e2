#!/usr/bin/env bash
# Real-browser accessibility check of the example site.
#
#   bash tests/browser/run.sh
#
# Installs what is missing (Debian's chromium and fonts for Urdu and Arabic,
# the npm packages pinned in tests/browser/package-lock.json), builds the
# example site with the debug binary into target/browser-site, then runs
# axe-core and the layout checks in headless Chromium on every page, saving
# screenshots and a PDF into target/screenshots. Then searches the site
# (tests/browser/search.mjs) and tries `clearleaf serve` in the browser
# (tests/browser/serve-preview.mjs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/lib.sh
. "$here/../lib.sh"

# --- system packages: only when something is missing -----------------------
apt_packages=()
if [ ! -x /usr/bin/chromium ]; then
  apt_packages+=(chromium)
fi
# Without a Nastaliq/Naskh font Urdu and Arabic pages render with a fallback
# (or as boxes), which skews both the screenshots and the layout checks.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ur family 2>/dev/null)" ]; then
  apt_packages+=(fonts-noto-core)
fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  apt_install "${apt_packages[@]}"
fi

# --- npm packages (playwright-core, axe-core), exactly as locked ------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "run.sh: node and npm (Node.js 20 or newer) are needed" >&2
  exit 2
fi
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "run.sh: npm ci in tests/browser"
  (cd "$here" && npm ci --no-audit --no-fund)
fi

# --- build the example site ------------------------------------------------
site="target/browser-site"
rm -rf "$site"
# The binary `cargo test` builds (dependencies optimised, see Cargo.toml). `cargo run` would
# build another one: without the dev-dependencies' features, many crates compile again.
cargo test --no-run --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/clearleaf"
"$bin" build --out "$site"

# --- check it in the browser -----------------------------------------------
node "$here/axe-site.mjs" "$site" --screenshots target/screenshots

# --- search, as a reader uses it: queries in three languages and both forms, axe-core with
# results shown, keyboard only; screenshots of the Urdu and Easy read results ---------------
node "$here/search.mjs" "$site" --screenshots target/screenshots

# --- and the live preview, with its findings panel and error notice ----------
node "$here/serve-preview.mjs" "$bin" "$root"
