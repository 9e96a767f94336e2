#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (FUZZ_SECONDS, 60 by default), seeded with the
# pages in tests/fixtures/fuzz/. The targets are built with the fuzz crate's dev profile
# (opt-level 1, see fuzz/Cargo.toml): a release build of every dependency would add minutes to
# CI for little more coverage in a bounded run. FUZZ_PROFILE=--release builds them optimised.
# A crash fails CI; libFuzzer prints the input that caused it and saves it under
# fuzz/artifacts/ (see fuzz/README.md for replaying it as a test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${FUZZ_SECONDS:-60}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install --quiet --locked cargo-fuzz@0.13.2
fi
# libFuzzer needs the unstable -Zsanitizer flag; the stable compiler accepts it this way.
export RUSTC_BOOTSTRAP=1
profile="${FUZZ_PROFILE:---dev}"
started=$(date +%s)
cargo fuzz build "$profile"
echo "fuzz targets built in $(($(date +%s) - started)) s"
for target in pipeline raw_html front_matter; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  cp tests/fixtures/fuzz/seed-* "$corpus/"
  echo "fuzzing $target for ${seconds}s"
  cargo fuzz run "$profile" "$target" "$corpus" -- -max_total_time="$seconds" -dict=fuzz/pipeline.dict -print_final_stats=1 2>&1 | tail -n 40
done
