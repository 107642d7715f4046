#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS (default 600) each, JOBS at a time
# (default 2), with corpora seeded from the snapshot files and seeds.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 enables them on stable.
#   cargo install cargo-fuzz && scripts/fuzz-all.sh 600 2
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-600}
JOBS=${2:-2}
export RUSTC_BOOTSTRAP=1
mkdir -p fuzz/corpus
for t in segment summarize; do mkdir -p fuzz/corpus/$t; cp -f seeds/*.txt tests/snapshots/tricky.en.txt fuzz/corpus/$t/; done
mkdir -p fuzz/corpus/import_xliff2 fuzz/corpus/import_xliff12 fuzz/corpus/import_tmx fuzz/corpus/import_tsv fuzz/corpus/import_jsonl fuzz/corpus/xml_bounds fuzz/corpus/tm_memory
cp -f tests/snapshots/*.xlf tests/snapshots/*.tmx fuzz/corpus/xml_bounds/
cp -f tests/snapshots/*.xliff2[01].xlf fuzz/corpus/import_xliff2/
cp -f tests/snapshots/*.xliff12.xlf fuzz/corpus/import_xliff12/
cp -f tests/snapshots/*.tmx fuzz/corpus/import_tmx/
cp -f tests/snapshots/*.tmx fuzz/corpus/tm_memory/
cp -f tests/snapshots/*.tsv fuzz/corpus/import_tsv/
cp -f tests/snapshots/*.jsonl fuzz/corpus/import_jsonl/
(cd fuzz && cargo fuzz build --release)
targets=(${FUZZ_TARGETS:-segment import_xliff2 import_xliff12 import_tmx import_tsv import_jsonl summarize xml_bounds tm_memory html})
mkdir -p fuzz/logs
printf '%s\n' "${targets[@]}" | xargs -P "$JOBS" -I{} bash -c \
  "cd fuzz && cargo fuzz run --release {} -- -max_total_time=$SECONDS_EACH -rss_limit_mb=2048 -timeout=10 > logs/{}.log 2>&1; echo \"{}: exit \$? \$(grep -E '^Done|^#[0-9]+.*DONE' logs/{}.log | tail -1)\""
