#!/usr/bin/env bash
# Measures the translation checks (src/check) on aligned dev data: false
# alarms on the clean units and recall on planted errors, per language and
# check, as a Markdown table (the figures in docs/quality.md).
#
# usage: scripts/qa_eval.sh [DATA.jsonl] [--show CHECK | --show miss:KIND]
#   DATA defaults to ../shared/data/parallel/ntrex_dev.jsonl; without it the
#   script says so and exits 0 (the data is not part of the project).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/parallel/ntrex_dev.jsonl}
if [ ! -f "$DATA" ]; then
    echo "qa_eval: $DATA not found; skipping (see docs/quality.md)" >&2
    exit 0
fi
shift || true
exec cargo run --quiet --example check_eval -- "$DATA" "$@"
