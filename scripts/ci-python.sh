#!/usr/bin/env bash
# CI for the Python package and the Spark recipe (issue 14). Installs what it
# needs (a JRE from Debian, a venv with maturin, pytest and pyspark from
# PyPI), builds and installs the package with `pip install ./python`, checks
# the extension crate (fmt, clippy, unit tests), runs pytest (including the
# parity tests against target/release/brief), then runs the Spark job in
# local[2] on a small batch and compares its briefs with the CLI's
# `summarize --input jsonl --format jsonl`, byte for byte, and checks that
# it refuses a rerun, a non-empty --files-dir and a windows-1251 line.
#
#   bash scripts/ci-python.sh            # from anywhere; CI calls it from .ci/run
#
# BRIEF_PY_VENV: the venv to use or create (default /tmp/brief-ci-venv; an
# existing one is reused, which makes a second run fast).
# BRIEF_SPARK_ITEMS: the size of the Spark batch (default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
venv=${BRIEF_PY_VENV:-/tmp/brief-ci-venv}
items=${BRIEF_SPARK_ITEMS:-300}
work=$(mktemp -d /tmp/brief-ci-python.XXXXXX)
trap 'rm -rf "$work"' EXIT

step_started=0
step() {
  local now
  now=$(date +%s)
  if [ "$step_started" -ne 0 ]; then
    echo "   (took $((now - step_started)) s)"
  fi
  step_started=$now
  echo "== python: $*"
}

step "Java (default-jre-headless) for Spark"
if ! command -v java >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
java -version 2>&1 | head -1

step "venv at $venv with maturin, pytest, pyspark"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  'maturin>=1.5,<2' 'pytest>=7' 'pyspark>=3.5,<5'
"$venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -Ei '^(maturin|pytest|pyspark) '

step "CLI (release build) for the parity checks"
cargo build --release --quiet
brief_bin="$repo/target/release/brief"

step "extension crate: fmt, clippy, unit tests"
(
  cd python
  cargo fmt -- --check
  cargo clippy --release --quiet --all-targets -- -D warnings
  cargo test --release --quiet
)

step "pip install ./python (maturin build)"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./python
(cd "$work" && "$venv/bin/python" -c "import brief; print('brief', brief.__version__, 'from', brief.__file__)")

step "README quick start"
"$venv/bin/python" -c "import brief; print(brief.summarize(open('seeds/en-putin-assad-aleppo.txt').read()))" >"$work/quick.txt"
grep -q "Putin" "$work/quick.txt"

step "pytest"
# -rs lists every skip; CI installs everything, so a skip is a failure.
BRIEF_BIN="$brief_bin" "$venv/bin/python" -m pytest -q -rs python/tests | tee "$work/pytest.txt"
if grep -Eq '[0-9]+ skipped' "$work/pytest.txt"; then
  echo "pytest skipped tests (see the SKIPPED lines above): CI must run every test" >&2
  exit 1
fi

step "Spark job in local[2] on $items articles, compared with the CLI"
batch="$work/batch.jsonl"
"$venv/bin/python" examples/spark/make_batch.py --count "$items" "$batch"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
# No web UI (no port to bind), warnings and errors only; the job itself is
# what a cluster runs.
"$venv/bin/spark-submit" --master 'local[2]' \
  --conf spark.ui.enabled=false --conf spark.log.level=WARN \
  examples/spark/brief_spark.py "$batch" "$work/out" --words 85 --to fa,ru --formats xliff20,tsv \
  --partitions 2
cat "$work"/out/briefs/part-* >"$work/spark.jsonl"
"$brief_bin" --quiet summarize --input jsonl --format jsonl --words 85 "$batch" >"$work/cli.jsonl"
if ! cmp -s "$work/spark.jsonl" "$work/cli.jsonl"; then
  echo "Spark briefs differ from the CLI's:" >&2
  diff <(head -c 2000 "$work/spark.jsonl") <(head -c 2000 "$work/cli.jsonl") >&2 || true
  exit 1
fi
echo "Spark briefs equal the CLI's: $(wc -l <"$work/cli.jsonl") lines"
# The per-partition export files read back: every brief sentence (and title) is a unit.
"$venv/bin/python" - "$work/out/xliff" "$work/cli.jsonl" <<'EOF'
import json, pathlib, sys
import brief
root, briefs = pathlib.Path(sys.argv[1]), sys.argv[2]
records = [json.loads(line) for line in open(briefs, encoding="utf-8")]
# One export set per partition and source language: its files are merged
# together (a merge given only some of an export's languages reports the
# others missing).
units = {"fa": 0, "ru": 0}
files = {"fa": 0, "ru": 0}
sets = sorted({f.parent for f in root.glob("part-*/*/brief.*.xliff20.xlf")})
assert sets, f"no XLIFF files under {root}"
for d in sets:
    result = brief.merge(sorted(d.glob("brief.*.xliff20.xlf")))
    assert {p["kind"] for p in result["problems"]} <= {"empty-target"}, result["problems"][:3]
    for t in result["translations"]:
        units[t["lang"]] += t["segment_count"]
        files[t["lang"]] += 1
for target in ("fa", "ru"):
    # No file translates a brief into its own language (export skips it);
    # a brief's title (its document's headline) is a unit of its own.
    expected = sum(len(r["summary"]) + (1 if r.get("title") else 0) for r in records if r["lang"] != target)
    assert files[target], f"no XLIFF files for {target} under {root}"
    assert units[target] == expected, f"{target}: {units[target]} units in {files[target]} files, {expected} brief sentences"
    print(f"{target}: {files[target]} XLIFF files, {units[target]} units = the briefs' sentences and titles")
EOF
step "Spark job refuses what the CLI refuses, and never mixes runs"
spark() {
  "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.log.level=WARN \
    examples/spark/brief_spark.py "$@"
}
# spark-submit passes the driver's stderr on its stdout: each run's two
# streams go to one log.
# A rerun into the same output: one line, exit 2, nothing written.
before=$(find "$work/out" -type f | sort | xargs cat | cksum)
set +e
spark "$batch" "$work/out" --words 85 --to fa,ru --formats xliff20,tsv >"$work/rerun.err" 2>&1
code=$?
set -e
grep -q '^brief_spark: .*already exists' "$work/rerun.err" || { cat "$work/rerun.err" >&2; exit 1; }
[ "$code" -eq 2 ] && ! grep -Eq 'Traceback|Exception' "$work/rerun.err" || { echo "rerun: exit $code" >&2; exit 1; }
[ "$before" = "$(find "$work/out" -type f | sort | xargs cat | cksum)" ] || { echo "rerun changed the output" >&2; exit 1; }
# A non-empty --files-dir without --force: refused the same way.
mkdir -p "$work/files" && echo previous >"$work/files/old.txt"
set +e
spark "$batch" "$work/out2" --files-dir "$work/files" >"$work/files.err" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] && grep -q '^brief_spark: --files-dir .* is not empty' "$work/files.err" \
  || { echo "files-dir: exit $code" >&2; cat "$work/files.err" >&2; exit 1; }
# A windows-1251 line: refused as the CLI refuses it, naming the file and line.
bad="$work/bad.jsonl"
head -n 3 "$batch" >"$bad"
printf '{"id": "cp1251", "text": "\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2."}\n' >>"$bad"
set +e
"$brief_bin" --quiet summarize --input jsonl "$bad" >/dev/null 2>"$work/bad-cli.err"
cli_code=$?
spark "$bad" "$work/out3" --no-export >"$work/bad.err" 2>&1
code=$?
set -e
[ "$cli_code" -ne 0 ] && grep -q 'bad.jsonl:4: invalid UTF-8 at byte' "$work/bad-cli.err" || { cat "$work/bad-cli.err" >&2; exit 1; }
[ "$code" -eq 1 ] && grep -q '^brief_spark: ItemError: .*bad.jsonl:4: invalid UTF-8 at byte' "$work/bad.err" \
  || { echo "bad input: exit $code" >&2; tail -3 "$work/bad.err" >&2; exit 1; }
echo "Spark: rerun, non-empty --files-dir and a windows-1251 line refused in one line"

step "done"
