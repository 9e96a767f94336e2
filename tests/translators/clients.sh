#!/usr/bin/env bash
# Files for translators, read by the tools translators use (README: "Working with translators").
#
#   bash tests/translators/clients.sh
#
# Exports the example site's Welsh and Urdu pages as PO and XLIFF, and checks that:
# - gettext's `msgfmt --check-format -c` accepts the PO files, and the PO that translate-toolkit
#   makes from the XLIFF files;
# - translate-toolkit reads both back without errors (`po2xliff`, `xliff2po`, `pocount`, `pofilter`);
# - importing a file unchanged leaves every page as it was;
# - after translate-toolkit's `podebug` fills every target (a stand-in for a translator), the
#   import writes the pages and the site checks with no new errors.
#
# Installs what is missing: Debian's gettext (apt, as root or with sudo) and translate-toolkit
# from PyPI (pinned). Works in target/translators-clients.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/lib.sh
. "$here/../lib.sh"

# --- the clients: only when missing ---------------------------------------------
if ! command -v msgfmt >/dev/null 2>&1; then
  apt_install gettext
fi
if ! command -v podebug >/dev/null 2>&1 || ! python3 -c "import translate" 2>/dev/null; then
  echo "clients.sh: installing translate-toolkit with pip"
  python3 -m pip install --quiet --disable-pip-version-check translate-toolkit==3.20.4
fi

# --- the site: a copy of the example site ------------------------------------------
# The binary `cargo test` builds, as tests/html/vnu.sh uses: `cargo build` would build another.
cargo test --no-run --quiet
bin="$root/${CARGO_TARGET_DIR:-target}/debug/clearleaf"
work="$root/target/translators-clients"
rm -rf "$work"
mkdir -p "$work/site"
for part in site.yaml content locales lexicon themes static; do
  if [ -e "$part" ]; then cp -r "$part" "$work/site/"; fi
done
cd "$work/site"
export CLEARLEAF_TODAY=2026-11-21

errors() {
  "$bin" check --format json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["errors"])'
}
pages() {
  find content -type f -name '*.md' -print0 | sort -z | xargs -0 sha256sum
}
# A translate-toolkit command must succeed and say nothing about errors.
tt() {
  local log="$work/tt.log"
  "$@" >"$log.out" 2>"$log" || { cat "$log" >&2; fail "$1 failed"; }
  if grep -Eiq 'error|traceback|warning' "$log"; then
    cat "$log" >&2
    fail "$1 reported problems"
  fi
}

errors_before="$(errors)"
pages_before="$(pages)"
for lang in cy ur; do
  "$bin" export --lang "$lang" --form all --format po -o "$work/$lang.po"
  "$bin" export --lang "$lang" --form all --format xliff -o "$work/$lang.xlf"

  msgfmt --check-format -c -o /dev/null "$work/$lang.po" || fail "msgfmt refused $lang.po"
  tt po2xliff --progress=none "$work/$lang.po" "$work/$lang.po.xlf"
  tt xliff2po --progress=none "$work/$lang.xlf" "$work/$lang.xlf.po"
  # (translate-toolkit's own PO header has default values, which msgfmt warns about.)
  msgfmt --check-format -c -o /dev/null "$work/$lang.xlf.po" 2>"$work/msgfmt.log" || { cat "$work/msgfmt.log" >&2; fail "msgfmt refused the PO translate-toolkit made from $lang.xlf"; }
  tt pocount "$work/$lang.po" "$work/$lang.xlf"
  tail -n 4 "$work/tt.log.out"
  tt pofilter --progress=none "$work/$lang.po" "$work/$lang.filter.po"

  # Unchanged, a file gives back the pages as they are.
  "$bin" import "$work/$lang.po" "$work/$lang.xlf" 2>/dev/null || fail "importing $lang unchanged failed"
  [ "$(pages)" = "$pages_before" ] || fail "importing $lang unchanged changed pages"
done

# A translator fills every target: podebug rewrites each one (`xxx…xxx`) and keeps the codes.
tt podebug --progress=none --rewrite=xxx "$work/cy.po" "$work/cy.filled.po"
tt podebug --progress=none --rewrite=xxx "$work/ur.xlf" "$work/ur.filled.xlf"
"$bin" import "$work/cy.filled.po" "$work/ur.filled.xlf" 2>"$work/import.log" || { cat "$work/import.log" >&2; fail "importing the filled files failed"; }
written=$(grep -c '^Wrote ' "$work/import.log" || true)
[ "$written" -gt 0 ] || fail "the filled files wrote no pages"
errors_after="$(errors)"
[ "$errors_after" = "$errors_before" ] || { "$bin" check >&2 || true; fail "the imported pages added errors ($errors_before before, $errors_after after)"; }
echo "clients.sh: msgfmt and translate-toolkit read the cy and ur files; $written pages imported from podebug's files; errors: $errors_after (as before)"
