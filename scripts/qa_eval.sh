#!/usr/bin/env bash
# Measures the translation checks (src/check) on aligned dev data: false
# alarms on the clean units and recall on planted errors, per language and
# check, as a Markdown table (the figures in docs/quality.md).
#
# usage: scripts/qa_eval.sh [DATA.jsonl] [--show CHECK | --show miss:KIND]
#        scripts/qa_eval.sh [DATA.jsonl] --pofilter PATH/TO/pofilter
#   DATA defaults to ../shared/data/parallel/ntrex_dev.jsonl; without it the
#   script says so and exits 0 (the data is not part of the project).
#   --pofilter also runs translate-toolkit's pofilter (all default checks,
#   --language set) on the same clean and planted units and prints its false
#   alarms (clean units with any finding) and its recall (planted units with a
#   finding of a check it did not raise on the clean unit).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/parallel/ntrex_dev.jsonl
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then DATA=$1; shift; fi
if [ ! -f "$DATA" ]; then
    echo "qa_eval: $DATA not found; skipping (see docs/quality.md)" >&2
    exit 0
fi
if [ "${1:-}" != "--pofilter" ]; then
    exec cargo run --quiet --example check_eval -- "$DATA" "$@"
fi
POFILTER=${2:?usage: qa_eval.sh [DATA] --pofilter PATH/TO/pofilter}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cargo run --quiet --example check_eval -- "$DATA" --write-po "$W/po"
for f in "$W"/po/*/*.po; do
    lang=$(basename "$(dirname "$f")")
    "$POFILTER" --language="$lang" -i "$f" -o "$f.out" >/dev/null 2>&1
done
python3 - "$W/po" <<'PY'
import re, sys
from pathlib import Path

def flagged(path):
    """unit id -> set of pofilter checks raised on it"""
    out, checks = {}, set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# \(pofilter\) ([\w-]+):", line)
        if m:
            checks.add(m.group(1))
        m = re.match(r'msgctxt "(.*)"', line)
        if m:
            out[m.group(1)] = checks
            checks = set()
    return out

def units(path):
    return re.findall(r'^msgctxt "(.*)"$', path.read_text(encoding="utf-8"), re.M)

root = Path(sys.argv[1])
print()
print("| lang | planted kind | pofilter false alarms (clean) | pofilter recall (planted) |")
print("|---|---|---|---|")
for lang_dir in sorted(root.iterdir()):
    clean = flagged(lang_dir / "clean.po.out")
    n = len(units(lang_dir / "clean.po"))
    print(f"| {lang_dir.name} | (clean) | {100*len(clean)/n:.1f} % ({len(clean)}/{n}) | |")
    for f in sorted(lang_dir.glob("*.po")):
        if f.name == "clean.po":
            continue
        ids = units(f)
        got = flagged(Path(str(f) + ".out"))
        hit = sum(1 for i in ids if got.get(i, set()) - clean.get(i, set()))
        print(f"| {lang_dir.name} | {f.stem} | | {100*hit/len(ids):.1f} % ({hit}/{len(ids)}) |")
PY
