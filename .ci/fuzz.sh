#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (FUZZ_SECONDS, 60 by default), seeded with the
# pages in tests/fixtures/fuzz/. A crash fails CI; libFuzzer prints the input that caused it and
# saves it under fuzz/artifacts/ (see fuzz/README.md for replaying it as a test).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${FUZZ_SECONDS:-60}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install --quiet --locked cargo-fuzz@0.13.2
fi
# libFuzzer needs the unstable -Zsanitizer flag; the stable compiler accepts it this way.
export RUSTC_BOOTSTRAP=1
cargo fuzz build --release
for target in pipeline raw_html front_matter; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  cp tests/fixtures/fuzz/seed-* "$corpus/"
  echo "fuzzing $target for ${seconds}s"
  cargo fuzz run --release "$target" "$corpus" -- -max_total_time="$seconds" -dict=fuzz/pipeline.dict -print_final_stats=1 2>&1 | tail -n 40
done
