#!/usr/bin/env bash
# Measures the Spark job's throughput in local mode (the figures in
# docs/scaling.md): 1 and 2 executor cores, and the effect of the number of
# partitions, next to the CLI and the package on one machine.
#
#   bash examples/spark/measure.sh VENV [ITEMS]
#
# VENV: a venv with pyspark and brief installed (scripts/ci-python.sh makes
# one); ITEMS: the batch size (default 4000). Each figure is the job's own
# "articles/s" line: the saveAsTextFile stage, without JVM start-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${1:?usage: measure.sh VENV [ITEMS]}
items=${2:-4000}
work=$(mktemp -d /tmp/brief-measure.XXXXXX)
trap 'rm -rf "$work"' EXIT
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
"$venv/bin/python" examples/spark/make_batch.py --count "$items" "$work/batch.jsonl"
echo "batch: $(wc -c <"$work/batch.jsonl") bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

for threads in 1 2; do
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=$threads target/release/brief --quiet summarize --input jsonl --format jsonl \
    --words 85 "$work/batch.jsonl" >/dev/null
  end=$(date +%s.%N)
  echo "CLI, $threads thread(s): $(echo "$items / ($end - $start)" | bc -l | xargs printf '%.0f') articles/s"
done
RAYON_NUM_THREADS=2 "$venv/bin/python" - "$work/batch.jsonl" <<'PY'
import sys, time, brief
lines = open(sys.argv[1], "rb").read().splitlines()
t = time.perf_counter(); brief.summarize_many(lines, words=85, as_jsonl=True); t = time.perf_counter() - t
print(f"package summarize_many, 2 threads: {len(lines) / t:.0f} articles/s")
PY

run() {
  local master=$1 parts=$2 shift_args=("${@:3}")
  rm -rf "$work/out"
  "$venv/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false --conf spark.log.level=ERROR \
    examples/spark/brief_spark.py "$work/batch.jsonl" "$work/out" --words 85 --to fa,ru \
    --partitions "$parts" "${shift_args[@]}" 2>&1 | grep '^brief_spark:' | sed "s/^/$master, --partitions $parts ${shift_args[*]}: /"
}
run 'local[1]' 2
run 'local[2]' 2
run 'local[1]' 2 --no-export
run 'local[2]' 2 --no-export
run 'local[2]' 16
run 'local[2]' 64
run 'local[2]' 256
