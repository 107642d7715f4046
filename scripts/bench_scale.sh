#!/usr/bin/env bash
# Times `brief summarize` on 1 MB and 10 MB of English news with peak memory
# (/usr/bin/time -v), to check near-linear growth (10 MB ≤ 15× the time of
# 1 MB) and peak memory < 500 MB. The text is the English dev articles of
# ../shared/data/summarization, repeated with the words of each paragraph
# rotated so that no two sentences are identical.
# usage: scripts/bench_scale.sh [ALGORITHM]    (default: lexrank)
set -euo pipefail
cd "$(dirname "$0")/.."
ALG=${1:-lexrank}
SHARED=${SHARED:-../shared}
cargo build --release --quiet
BRIEF=${CARGO_TARGET_DIR:-target}/release/brief
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$SHARED/data/summarization" "$TMP" <<'PY'
import json, sys, os
src, out = sys.argv[1], sys.argv[2]
paras = []
for s in ("cnndm_dev", "duc2006_dev", "bbc_news_summary_dev", "xsum_dev"):
    for line in open(os.path.join(src, s + ".jsonl"), encoding="utf-8"):
        for d in json.loads(line)["documents"]:
            paras += [p for p in d.split("\n\n") if p.strip()]
for name, size in (("1mb", 1_000_000), ("10mb", 10_000_000)):
    buf, n, r = [], 0, 0
    while n < size:
        for p in paras:
            w = p.split(" "); k = r % len(w); t = " ".join(w[k:] + w[:k])
            buf.append(t); n += len(t.encode()) + 2
            if n >= size: break
        r += 1
    open(os.path.join(out, name + ".txt"), "w", encoding="utf-8").write("\n\n".join(buf))
PY
for name in 1mb 10mb; do
  /usr/bin/time -v "$BRIEF" summarize --lang en --algorithm "$ALG" --words 250 "$TMP/$name.txt" \
    >/dev/null 2>"$TMP/$name.time"
  secs=$(grep -F "Elapsed (wall clock)" "$TMP/$name.time" | awk '{print $NF}')
  kb=$(grep -F "Maximum resident set size" "$TMP/$name.time" | awk '{print $NF}')
  echo "$name $ALG: wall $secs, peak $((kb / 1024)) MB"
done
