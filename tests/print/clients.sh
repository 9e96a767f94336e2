#!/usr/bin/env bash
# The example site's PDF leaflets, read by real PDF clients rather than by clearleaf's own
# idea of what it wrote.
#
#   bash tests/print/clients.sh
#   CLEARLEAF_BIN=path/to/clearleaf bash tests/print/clients.sh
#
# Builds the example site into target/print-clients/out and takes five leaflets: one page's
# Easy read leaflet in English, Welsh, Urdu and Arabic (left-to-right and right-to-left, Naskh
# and Nastaliq), and a standard English one. Then tests/print/check_pdfs.py reads each with
# pdfplumber (pages, text, smallest character size) and two PDF/UA-1 checkers from PyPI
# (pdfua and page-validation), and poppler's pdftoppm saves its first page as
# target/screenshots/pdf-NAME.png, beside the browser screenshots CI keeps.
#
# Installs what is missing: Debian's poppler-utils (and python3-venv if venv needs it), and
# the PyPI packages below, pinned, in a venv in target/print-clients/venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/lib.sh
. "$here/../lib.sh"
started=$(date +%s)

# --- findings of the PDF/UA checkers that are accepted -----------------------------------
# One entry a finding: 'CHECKER/RULE[@FILE-GLOB] why it does not apply', as check_pdfs.py
# prints the key (pdfua/UA-07-001, page/PDFUA1-...). Every other finding fails.
allowed=(
  'pdfua/UA-14-001 pdfua 0.1.3 crashes on a heading whose /K is an array of marked-content ids (getattr on a pikepdf array raises ValueError); the headings have text, and page-validation checks them'
)

# --- the clients: only when missing --------------------------------------------------------
if ! command -v pdftoppm >/dev/null 2>&1; then
  apt_install poppler-utils
fi

work="$root/target/print-clients"
venv="$work/venv"
# Every package the venv holds, pinned, so that a new release of a checker (or of pdfminer,
# which measures the sizes) cannot change the verdict between two CI runs.
packages=(
  pdfplumber==0.11.10 pdfminer.six==20260107 pypdfium2==5.15.2 pillow==13.0.0
  charset-normalizer==3.5.3 cryptography==50.0.2 cffi==2.1.1 pycparser==3.12
  pdfua==0.1.3 pikepdf==10.18.0 lxml==6.2.0 packaging==26.4
  page-validation==0.11.0
)
# The list is written into the venv after a good install: a venv made from another list, or
# left half made, is made again.
stamp="$venv/clients-packages.txt"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${packages[*]}" ]; then
  echo "clients.sh: installing ${packages[*]} into $venv"
  rm -rf "$venv"
  # Debian's python3 makes no venv without its python3-venv package.
  if ! python3 -m venv "$venv"; then
    rm -rf "$venv"
    apt_install python3-venv
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "${packages[@]}"
  # --no-deps installs exactly the list; pip check says if the list lacks a dependency.
  "$venv/bin/pip" check --disable-pip-version-check || fail "the packages pinned in clients.sh do not fit together (above)"
  echo "${packages[*]}" >"$stamp"
fi

# --- the site --------------------------------------------------------------------------------
# The binary `cargo test` builds, as tests/html/vnu.sh uses: `cargo build` would build another.
if [ -n "${CLEARLEAF_BIN:-}" ]; then
  bin="$CLEARLEAF_BIN"
else
  cargo test --no-run --quiet
  bin="${CARGO_TARGET_DIR:-target}/debug/clearleaf"
fi
[ -x "$bin" ] || fail "no clearleaf binary at $bin"
out="$work/out"
rm -rf "$out"
mkdir -p "$work"
# --no-cache: a leaflet kept from an earlier build would hide what this binary typesets.
# As in vnu.sh, any exit status but 0 fails (1 is error findings, and then the build leaves its
# output as it was); the report is kept in a file and shown only then.
if ! "$bin" build --no-cache --out "$out" >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  fail "the example site did not build"
fi
tail -n 2 "$work/build.log"

# --- the five leaflets --------------------------------------------------------------------
# Easy read leaflets are at easy-read/PATH-en.pdf and LANG/easy-read/PATH-LANG.pdf; the first
# page (in sorted order) that has all four languages is taken, so that the four show one text.
page=""
while IFS= read -r en; do
  rel="${en#"$out"/easy-read/}"
  rel="${rel%-en.pdf}"
  if [ -f "$out/cy/easy-read/$rel-cy.pdf" ] && [ -f "$out/ur/easy-read/$rel-ur.pdf" ] && [ -f "$out/ar/easy-read/$rel-ar.pdf" ]; then
    page="$rel"
    break
  fi
done < <(find "$out/easy-read" -name '*-easy-read-en.pdf' 2>/dev/null | sort)
if [ -z "$page" ]; then
  echo "clients.sh: Easy read leaflets the build wrote:" >&2
  (cd "$out" && find . -path '*easy-read*' -name '*.pdf' | sort) >&2
  fail "no page of the example site has an Easy read leaflet in English, Welsh, Urdu and Arabic (easy-read/PATH-en.pdf, cy/, ur/ and ar/easy-read/PATH-LANG.pdf)"
fi
# The standard English leaflet of the same page if there is one, else the first there is; an
# English standard leaflet is any -en.pdf that is not an Easy read one.
standard="$out/${page%-easy-read}-en.pdf"
if [ ! -f "$standard" ]; then
  standard=$(find "$out" -name '*-en.pdf' ! -name '*-easy-read-en.pdf' | sort | head -n 1)
  [ -n "$standard" ] || fail "the example site has no standard English leaflet (PATH-en.pdf outside easy-read/)"
  echo "clients.sh: ${page%-easy-read} has no standard English leaflet; $standard is checked instead"
fi
leaflets=(
  "easy=$out/easy-read/$page-en.pdf"
  "easy=$out/cy/easy-read/$page-cy.pdf"
  "easy=$out/ur/easy-read/$page-ur.pdf"
  "easy=$out/ar/easy-read/$page-ar.pdf"
  "standard=$standard"
)

# --- first pages as pictures ----------------------------------------------------------------
# Before the checks, so that a failing run still leaves them to look at.
mkdir -p "$root/target/screenshots"
pictures=()
for leaflet in "${leaflets[@]}"; do
  pdf="${leaflet#*=}"
  png="$root/target/screenshots/pdf-$(basename "$pdf" .pdf)"
  pdftoppm -png -r 60 -singlefile "$pdf" "$png" || fail "pdftoppm could not render $pdf"
  pictures+=("${png#"$root"/}.png")
done

# --- the checks -----------------------------------------------------------------------------
allow_args=()
for entry in ${allowed[@]+"${allowed[@]}"}; do
  allow_args+=(--allow "$entry")
done
status=0
"$venv/bin/python" "$here/check_pdfs.py" ${allow_args[@]+"${allow_args[@]}"} "${leaflets[@]}" || status=$?

took=$(($(date +%s) - started))
echo "clients.sh: first pages in ${pictures[*]}"
if [ "$status" -eq 0 ]; then
  echo "clients.sh: the 5 leaflets of ${page%-easy-read} pass pdfplumber, pdfua and page (${took} s)"
else
  echo "clients.sh: PDF leaflets failed the checks listed above (${took} s)" >&2
fi
exit "$status"
