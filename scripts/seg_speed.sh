#!/usr/bin/env bash
# Whole-process segmentation speed on 5 MB of English news:
# `brief segment --format text` against a small program using the sentencex
# crate (benches/sentencex_file.rs), timed with hyperfine.
# Usage: scripts/seg_speed.sh   (needs ../shared and hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The English seeds and the UD English dev paragraphs, repeated to 5 MB.
python3 - "$WORK/en-5mb.txt" <<'PY'
import glob, json, sys
parts = [open(p, encoding="utf-8").read().strip() for p in sorted(glob.glob("seeds/en-*.txt"))]
with open("../shared/data/segmentation/ud_dev_en.jsonl", encoding="utf-8") as f:
    parts += [json.loads(line)["text"] for line in f if line.strip()]
block = "\n\n".join(parts) + "\n\n"
out = block * (5_000_000 // len(block.encode("utf-8")) + 1)
open(sys.argv[1], "w", encoding="utf-8").write(out)
PY
cargo build --release --quiet
SENTENCEX=$(cargo bench --bench sentencex_file --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "sentencex_file" and m.get("executable"):
        print(m["executable"])')
ls -l "$WORK/en-5mb.txt"
hyperfine -N --warmup 3 --runs 30 --export-json "$WORK/speed.json" \
  "$TARGET/release/brief segment --format text $WORK/en-5mb.txt" \
  "$SENTENCEX $WORK/en-5mb.txt" >&2
python3 - "$WORK/speed.json" "$WORK/en-5mb.txt" <<'PY'
import json, os, sys
size = os.path.getsize(sys.argv[2]) / 1e6
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = r["user"] + r["system"]
    print("%-60s %6.1f MB/CPU-s  (%.3f s CPU, %.3f s wall)" % (r["command"].split("/")[-1][:60], size / cpu, cpu, r["mean"]))
PY
