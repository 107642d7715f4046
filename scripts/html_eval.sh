#!/usr/bin/env bash
# Article extraction on the WCXB dev articles: brief against trafilatura and
# readability-lxml, each a whole process over the same pages (docs/html.md).
#
#   scripts/html_eval.sh [DATASET] [extra html_eval.py arguments…]
#
# Builds the extractor example in release mode and sets up a venv with the two
# Python extractors ($HTML_EVAL_VENV, default /tmp/venv-html-eval) on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dataset=${1:-$root/../shared/data/html/wcxb_dev_articles.jsonl.gz}
shift || true
if [[ ! -f $dataset ]]; then
    echo "html_eval: data set not found: $dataset" >&2
    exit 2
fi
venv=${HTML_EVAL_VENV:-/tmp/venv-html-eval}
if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv"
    # Two installs: one command with both packages has hit a resolver error.
    "$venv/bin/pip" install -q "lxml[html_clean]" trafilatura
    "$venv/bin/pip" install -q readability-lxml
fi
(cd "$root" && cargo build -q --release --example html_extract)
exec "$venv/bin/python" "$root/scripts/html_eval.py" "$dataset" "$root/target/release/examples/html_extract" "$@"
