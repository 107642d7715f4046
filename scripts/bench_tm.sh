#!/usr/bin/env bash
# Whole-process speed and peak memory of `brief export --all --tm` against a
# large translation memory, and of `brief merge --update-tm` into it.
#
#   scripts/bench_tm.sh [UNITS] [SENTENCES] [BINARY]
#
# UNITS (default 100000) is the size of the memory, SENTENCES (default 2000)
# the length of the article; BINARY defaults to target/release/brief.
# REPEAT (default 5) runs are made of each command; the script prints each
# run's wall time, CPU time and peak RSS (`/usr/bin/time`) and the median.
#
# The data is generated deterministically (Python's `random` seeded with 25)
# in a temporary directory: news-like English sentences of 8-36 words from a
# vocabulary of 20,000 words with 1/rank weights, each with a stand-in
# Persian translation (the same letters in Arabic script), written as
# another tool would write a memory (tuid, no props). The article's sentences
# are a third copies of memory sources, a third with one or two words
# changed, a third new; ten to a paragraph.
#
# Figures (docs/performance.md, "Translation memory"), 2026-12-06 on the
# shared 2-core machine at load average 11-18, five runs, minimum:
#   100,000 units, 2,000 sentences: CPU 1.37 s (user + sys), wall 2.83 s,
#     peak RSS 192-196 MiB (201-205 MB); with the binary's allocation policy
#     for memory commands, at load 0.5: wall median 1.78 s (1.63-2.21),
#     peak RSS 185 MiB (194 MB); before issue 25's second step
#     2.64 s CPU and 240 MiB.
#   1,000,000 units (676 MB): CPU 21.4 s, peak RSS 1,698 MiB (one run).
# With Memory::read_file_for_lookups (offsets, not strings; the file kept
# open, not its text), 13:05-13:56 UTC at load 8.5-10.4: 100,000 units
# peak RSS 100-103 MiB (was 185-186 MiB), CPU 1.5-2.0 s (the old build
# 1.5-2.1 s in the same hour); 1,000,000 units CPU 18.5 s, 707 MiB.
# Without an Entry per unit (issue 25, fourth step), 14:18-14:30 UTC at
# load 5-10, alternated with the build before: CPU 2.08-2.19 s against
# 2.20-2.56 s, peak 99-100 MiB against 101 MiB (docs/performance.md).
set -euo pipefail

UNITS=${1:-100000}
SENTENCES=${2:-2000}
BIN=${3:-target/release/brief}
REPEAT=${REPEAT:-5}

if [[ ! -x $BIN ]]; then
    echo "bench_tm: no binary at $BIN (cargo build --release)" >&2
    exit 2
fi
BIN=$(realpath "$BIN")
if [[ ! -x /usr/bin/time ]]; then
    echo "bench_tm: /usr/bin/time is needed (apt-get install time)" >&2
    exit 2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$UNITS" "$SENTENCES" "$WORK" <<'PY'
import itertools, random, sys
units, sentences, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(25)
syll = ["ka", "ro", "mi", "ten", "sa", "vol", "di", "ner", "po", "lan", "gre", "tu",
        "bor", "el", "shi", "mar", "qu", "ven", "zo", "ath"]
vocab, seen = [], set()
while len(vocab) < 20000:
    w = "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
    if w not in seen:
        seen.add(w)
        vocab.append(w)
weights = [1.0 / (r + 1) for r in range(len(vocab))]
# The same draws as `weights=`, without summing them for every sentence.
cum = list(itertools.accumulate(weights))

def sentence():
    words = rng.choices(vocab, cum_weights=cum, k=rng.randint(8, 36))
    return " ".join(words).capitalize() + "."

persian = dict(zip("abcdefghijklmnopqrstuvwxyz", "ابپتثجچحخدذرزژسشصضطظعغفقکگ"))
def fa(s):
    return "".join(persian.get(c, c) for c in s.lower())

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

sources = []
with open(f"{work}/mem.tmx", "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
              '<header creationtool="gen" creationtoolversion="1" segtype="sentence" '
              'o-tmf="gen" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n')
    for i in range(units):
        s = sentence()
        sources.append(s)
        out.write(f'<tu tuid="g{i}"><tuv xml:lang="en"><seg>{esc(s)}</seg></tuv>'
                  f'<tuv xml:lang="fa"><seg>{esc(fa(s))}</seg></tuv></tu>\n')
    out.write("</body>\n</tmx>\n")

lines = []
for i in range(sentences):
    kind = i % 3
    if kind == 0:
        s = rng.choice(sources)
    elif kind == 1:
        words = rng.choice(sources)[:-1].split(" ")
        for _ in range(rng.randint(1, 2)):
            words[rng.randrange(len(words))] = rng.choice(vocab[:2000])
        s = " ".join(words).capitalize() + "."
    else:
        s = sentence()
    lines.append(s)
with open(f"{work}/article.txt", "w", encoding="utf-8") as out:
    for p in range(0, len(lines), 10):
        out.write(" ".join(lines[p:p + 10]) + "\n\n")
PY

echo "memory: $UNITS units, $(du -h "$WORK/mem.tmx" | cut -f1); article: $SENTENCES sentences"

# Runs "$@" REPEAT times; prints each run and the medians.
measure() {
    local name=$1
    shift
    local walls=() cpus=() rsss=()
    for ((i = 1; i <= REPEAT; i++)); do
        rm -rf "$WORK/out"
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || {
            cat "$WORK/stderr" >&2
            exit 1
        }
        read -r wall user sys rss <"$WORK/time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
        rsss+=("$rss")
        printf '%-28s run %d: wall %6.2f s  cpu %6.2f s  peak RSS %6d MB\n' \
            "$name" "$i" "$wall" "${cpus[-1]}" "$((rss / 1024))"
    done
    median() { printf '%s\n' "$@" | sort -g | sed -n "$(((${#} + 1) / 2))p"; }
    printf '%-28s median: wall %s s, cpu %s s, peak RSS %s MB\n' "$name" \
        "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(($(median "${rsss[@]}") / 1024))"
    grep -h "memory matches" "$WORK/stderr" || true
}

cd "$WORK"
measure "export --all (no memory)" "$BIN" export --all --lang en --to fa --format xliff20 \
    --out-dir out article.txt
measure "export --all --tm" "$BIN" export --all --lang en --to fa --format xliff20 \
    --tm mem.tmx --out-dir out article.txt
