#!/usr/bin/env bash
# Times `brief translate` on a 10,000-sentence export against the local
# LibreTranslate stand-in (scripts/mt_fake_server.py). Prints brief's wall
# and CPU time, sentences/s, and the server's request count and busy time.
# Usage: [CONCURRENCY=N] scripts/mt_throughput.sh [BRIEF_BINARY]
#        (default target/release/brief; CONCURRENCY sets [mt] concurrency, default 4)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
brief=${1:-$root/target/release/brief}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
printf '[mt]\nconcurrency = %s\n' "${CONCURRENCY:-4}" > "$work/brief.toml"
python3 - "$work/news.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write(f"Report {i} says the council met on day {i % 28 + 1} and approved plan number {i}.\n\n")
PY
"$brief" -q export --all --lang en --to fa --format jsonl --out-dir "$work/out" "$work/news.txt" >/dev/null
units=$(wc -l < "$work/out/brief.fa.jsonl")
python3 "$root/scripts/mt_fake_server.py" "$port" > "$work/server.json" &
server=$!
sleep 1
start=$(date +%s.%N)
/usr/bin/env time -f "%U %S" -o "$work/cpu" "$brief" --config "$work/brief.toml" translate --engine libretranslate \
    --url "http://127.0.0.1:$port" --out-dir "$work/mt" "$work/out/brief.fa.jsonl" >/dev/null 2>"$work/err"
end=$(date +%s.%N)
kill -TERM "$server"; wait "$server" || true
read -r user sys < "$work/cpu"
python3 - "$units" "$start" "$end" "$user" "$sys" "$work/server.json" "$work/err" <<'PY'
import json, sys
units, start, end, user, sys_ = int(sys.argv[1]), *map(float, sys.argv[2:6])
server = json.load(open(sys.argv[6]))
wall = end - start
print(f"sentences: {units}  wall: {wall:.2f}s  sentences/s: {units / wall:.0f}")
print(f"brief CPU: {user + sys_:.2f}s ({(user + sys_) / wall:.0%} of wall)")
print(f"server: {server['posts']} translation requests, {server['texts']} texts, {server['busy']:.2f}s inside handlers, {server['cpu']:.2f}s CPU")
print(open(sys.argv[7]).read().strip())
PY
