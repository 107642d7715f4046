#!/usr/bin/env bash
# Whole-process batch throughput in articles per CPU-second (user+sys, so a
# machine shared with other work still gives comparable figures):
#   summarize  `brief summarize --input jsonl --format jsonl` on N articles
#              (also per wall-clock second, on all cores: summ/wall-s)
#   export     `brief export --all` of one cluster of M article files (every
#              sentence becomes a segment; there is no batch export yet)
#   merge      `brief merge --allow-partial` of that export (targets are copies
#              of the source, so it reports them untranslated and exits 1:
#              the checks still run on every segment)
# The articles are the 50 of the CNN/DM dev set, repeated with new ids; they
# are built at run time under a temporary directory and never kept.
# Usage: scripts/bench_batch.sh [N=10000] [M=200] [BINARY...]
#   Several binaries are run interleaved, REPEAT (default 3) rounds, so an
#   old and a new build can be compared under the same load.
# With CALLGRIND=1, instead: instructions per summarized article, counted by
# valgrind's callgrind (not moved by the load of a shared machine): the
# first 300 and 600 articles of the batch are summarized and the difference
# of the two counts, divided by 300, is printed (one-time costs such as the
# background IDF table drop out). N and M are not used then.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
M=${2:-200}
shift $(($# > 2 ? 2 : $#))
REPEAT=${REPEAT:-3}
DEV=${DEV:-../shared/data/summarization/cnndm_dev.jsonl}
if [ $# -eq 0 ]; then
  cargo build --release --quiet
  set -- "${CARGO_TARGET_DIR:-target}/release/brief"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ "${CALLGRIND:-0}" = 1 ]; then
  N=600
fi
python3 - "$DEV" "$WORK" "$N" "$M" <<'PY'
import json, os, sys
dev, work, n, m = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(dev, encoding="utf-8") as f:
    articles = ["\n\n".join(json.loads(line)["documents"]) for line in f if line.strip()]
with open(os.path.join(work, "batch.jsonl"), "w", encoding="utf-8") as out:
    for i in range(n):
        out.write(json.dumps({"id": f"a{i:05d}", "text": articles[i % len(articles)]}) + "\n")
os.mkdir(os.path.join(work, "cluster"))
for i in range(m):
    with open(os.path.join(work, "cluster", f"a{i:04d}.txt"), "w", encoding="utf-8") as out:
        out.write(articles[i % len(articles)] + "\n")
PY

if [ "${CALLGRIND:-0}" = 1 ]; then
  head -n 300 "$WORK/batch.jsonl" >"$WORK/b300.jsonl"
  head -n 600 "$WORK/batch.jsonl" >"$WORK/b600.jsonl"
  # Instructions of one run (callgrind's "Collected" total).
  instr() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$1" summarize \
      --input jsonl --format jsonl "$2" 2>&1 >/dev/null | awk '/Collected/ { print $NF }'
  }
  printf '%-32s %14s %14s %14s\n' binary 300-articles 600-articles per-article
  for bin in "$@"; do
    a=$(instr "$bin" "$WORK/b300.jsonl")
    b=$(instr "$bin" "$WORK/b600.jsonl")
    printf '%-32s %14s %14s %14.0f\n' "$bin" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print (b - a) / 300 }')"
  done
  exit 0
fi

# Prints user+sys seconds of one command (its output discarded); the
# wall-clock seconds go to $WORK/wall.
cpu() {
  /usr/bin/time -o "$WORK/time" -f '%U %S %e' "$@" >/dev/null 2>&1 || true
  # The last line: a failing command's status line comes first.
  awk 'END { printf "%.2f", $3 }' "$WORK/time" >"$WORK/wall"
  awk 'END { printf "%.2f", $1 + $2 }' "$WORK/time"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s + 0 > 0) printf "%.0f", n / s; else printf "<0.01s" }'; }

printf '%-32s %6s %11s %10s %10s %10s\n' binary round summ/wall-s summarize/s export/s merge/s
for round in $(seq "$REPEAT"); do
  for bin in "$@"; do
    s=$(cpu "$bin" summarize --input jsonl --format jsonl "$WORK/batch.jsonl")
    w=$(cat "$WORK/wall")
    rm -rf "$WORK/out"
    e=$(cpu "$bin" export --all --to fa --format xliff20 --target source --out-dir "$WORK/out" "$WORK"/cluster/*.txt)
    g=$(cpu "$bin" merge --allow-partial "$WORK"/out/brief.fa.xliff20.xlf)
    printf '%-32s %6s %11s %10s %10s %10s\n' "$bin" "$round" "$(rate "$N" "$w")" "$(rate "$N" "$s")" "$(rate "$M" "$e")" "$(rate "$M" "$g")"
  done
done
