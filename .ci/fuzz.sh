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
# libFuzzer needs unstable flags; the stable compiler accepts them this way.
export RUSTC_BOOTSTRAP=1
profile="${FUZZ_PROFILE:---dev}"
# Without AddressSanitizer by default, to keep CI under its 40 minutes: instrumenting every
# crate for it took the build from 404 s to 588 s on 2 cores. What CI's short runs look for
# are panics, stack overflows and scripts in pages. The one unsafe module, src/yaml_depth.rs
# (it drives libyaml-rs's tokenizer), is what ASan would add: fuzz front_matter with
# FUZZ_SANITIZER=address when changing it (fuzz/README.md).
sanitizer="${FUZZ_SANITIZER:-none}"
started=$(date +%s)
cargo fuzz build "$profile" --sanitizer "$sanitizer"
echo "fuzz targets built in $(($(date +%s) - started)) s"
for target in pipeline raw_html front_matter; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  cp tests/fixtures/fuzz/seed-* "$corpus/"
  echo "fuzzing $target for ${seconds}s"
  cargo fuzz run "$profile" --sanitizer "$sanitizer" "$target" "$corpus" -- -max_total_time="$seconds" -dict=fuzz/pipeline.dict -print_final_stats=1 2>&1 | tail -n 40
done
