#!/usr/bin/env bash
# Extra CI checks that read ../shared (dev sets, schemas). Each section is
# added by the stage it checks.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=$(cd ../shared && pwd)
cargo build --release --quiet
BRIEF=target/release/brief
echo "shared checks: using $SHARED"

# --- Translation export and merge (issue 4) -------------------------------
# Exports the seeds and a text full of markup characters in all six formats,
# validates every XLIFF against the official XSDs and every TMX against the
# TMX 1.4b DTD (xmllint, offline), reads every XLIFF with translate-toolkit,
# fills the files with third-party tools and merges them back byte-exactly,
# and checks that an edited source makes merge exit 1 naming the unit.
echo "== export/merge: schemas, translate-toolkit, fill-and-merge round trip"
if ! command -v xmllint >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libxml2-utils
fi
if [ ! -x .venv-ci/bin/python ]; then
  python3 -m venv .venv-ci
fi
.venv-ci/bin/pip install -q translate-toolkit lxml
PY=.venv-ci/bin/python
CHECK=scripts/check_translate_toolkit.py
export XML_CATALOG_FILES="$SHARED/schemas/catalog-offline.xml"
XW=$(mktemp -d)
trap 'rm -rf "$XW"' EXIT
INPUTS=(seeds/en-*.txt tests/snapshots/tricky.en.txt)
ALL_FORMATS=xliff20,xliff21,xliff12,tmx,tsv,jsonl

validate_dir() {
  local dir=$1 f
  shopt -s nullglob
  for f in "$dir"/*.xliff20.xlf; do xmllint --nonet --noout --schema "$SHARED/schemas/xliff20/xliff_core_2.0.xsd" "$f"; done
  for f in "$dir"/*.xliff21.xlf; do xmllint --nonet --noout --schema "$SHARED/schemas/xliff21/xliff_core_2.0.xsd" "$f"; done
  for f in "$dir"/*.xliff12.xlf; do xmllint --nonet --noout --schema "$SHARED/schemas/xliff12/xliff-core-1.2-strict.xsd" "$f"; done
  for f in "$dir"/*.tmx; do (cd "$(dirname "$f")" && xmllint --nonet --noout --nowarning --dtdvalid "$SHARED/schemas/tmx/tmx14.dtd" "$(basename "$f")") && echo "$f validates"; done
  shopt -u nullglob
}

# Every sentence of the seeds and the tricky text, and the brief of the seeds.
"$BRIEF" export --all --to fa,ru --format "$ALL_FORMATS" --out-dir "$XW/all" "${INPUTS[@]}" >/dev/null
"$BRIEF" segment --format json "${INPUTS[@]}" > "$XW/all.expected.json"
"$BRIEF" export --to fa,ru --format "$ALL_FORMATS" --out-dir "$XW/brief" seeds/en-*.txt >/dev/null
"$BRIEF" summarize --format json seeds/en-*.txt > "$XW/brief.expected.json"
"$BRIEF" export --all --to fa-IR,ru-RU --format tsv,jsonl,xliff12 --target source --out-dir "$XW/tags" tests/snapshots/tricky.en.txt >/dev/null

for kind in all brief; do
  validate_dir "$XW/$kind"
  "$PY" "$CHECK" check "$XW/$kind" --expected "$XW/$kind.expected.json"
  "$PY" "$CHECK" fill "$XW/$kind" "$XW/$kind-filled" --expected-out "$XW/$kind-filled.json"
  for f in "$XW/$kind-filled"/*; do
    # The export's reference copy is not a translated file.
    [ "$(basename "$f")" = brief.reference.jsonl ] && continue
    # One file of a two-language export: the other language is missing
    # on purpose (--allow-partial; any other problem still exits 1).
    "$BRIEF" merge --allow-partial --format json "$f" > "$XW/merged.json"
    "$PY" "$CHECK" compare "$XW/merged.json" --expected "$XW/$kind-filled.json" >/dev/null
  done
  echo "$kind: every filled file merges back exactly"
done
validate_dir "$XW/tags"

# Several languages at once, and the multilingual TMX it can write.
"$BRIEF" merge --format json --tmx "$XW/all-filled.tmx" "$XW/all-filled"/brief.fa.xliff20.xlf "$XW/all-filled"/brief.ru.xliff12.xlf > "$XW/merged.json"
"$PY" "$CHECK" compare "$XW/merged.json" --expected "$XW/all-filled.json"
(cd "$XW" && xmllint --nonet --noout --nowarning --dtdvalid "$SHARED/schemas/tmx/tmx14.dtd" all-filled.tmx)

# An edited source is drift: exit 1, the unit named on stderr, nothing printed.
for f in brief.fa.xliff20.xlf brief.ru.xliff21.xlf brief.fa.xliff12.xlf; do
  "$PY" "$CHECK" drift "$XW/all-filled/$f" "$XW/drift.xlf" --id s2 >/dev/null
  set +e
  "$BRIEF" merge "$XW/drift.xlf" > "$XW/drift.out" 2> "$XW/drift.err"
  code=$?
  set -e
  if [ "$code" -ne 1 ] || ! grep -q "s2 \[.*\]: drift" "$XW/drift.err" || [ -s "$XW/drift.out" ]; then
    echo "FAIL: merge of an edited $f gave exit $code:"; cat "$XW/drift.err"; exit 1
  fi
done
echo "export/merge: drift is reported by unit id with exit 1"

# Sentence segmentation: pySBD golden rules (grs48 48/48), the Russian and
# Persian golden cases (all), the UD dev sets and the project's clean-text set
# tests/data/seg_clean.jsonl (exact match % not below the thresholds in
# scripts/seg_eval.py, a little under what brief reaches).
python3 scripts/seg_eval.py --bin "$BRIEF" --shared "$SHARED" --check

# Summarization: ROUGE on the CNN/DailyMail and DUC 2006 dev sets must not fall
# below thresholds a little under what brief reaches (docs/evaluation.md), and
# brief's own ROUGE must agree with the reference scorer (rouge-score 0.1.2)
# within 0.3 when it can be installed in .venv. Takes well under a minute.
SUM=$SHARED/data/summarization
SUMTMP=$(mktemp -d)
sum_check() { # set flags threshold
  local set=$1 flags=$2 min=$3
  # shellcheck disable=SC2086
  "$BRIEF" eval --dataset "$SUM/$set.jsonl" $flags --format json \
    --predictions "$SUMTMP/$set.pred.jsonl" > "$SUMTMP/$set.json"
  python3 - "$SUMTMP/$set.json" "$min" "$set $flags" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); f = r["scores"]["rouge1"]["f"]; lead = r["lead"]["rouge1"]["f"]
print(f"summarize {sys.argv[3]}: ROUGE-1 F {f:.2f} (LEAD {lead:.2f}, threshold {sys.argv[2]})")
sys.exit(0 if f >= float(sys.argv[2]) else 1)
PY
}
sum_check cnndm_dev "--sentences 3" 42.0
sum_check duc2006_dev "--words 250" 39.0
# Briefs that read as briefs (issue 20: headline as title, no furniture, no
# dangling sentence; defects 70-100 % -> 0 % on every dev set). The first
# version cost R-1: duc2006 no query 39.49 -> 38.64, Pasokh multi 34.24 ->
# 33.74; a leaning sentence's pair valued at both gains over both costs and
# a predecessor scoring 3/4 of it won that back (40.08, 34.35 on dev).
# Bars ~0.3-0.4 under dev.
sum_check duc2006_dev "--words 250 --no-query" 39.6
# One method for every language (ntrex agreement 0.3 -> 0.95) cost Pasokh single
# 32.84 -> 31.55 on dev (LEAD 31.22); the near-duplicate cap gave 31.88; issue 20's
# briefs without headline, fragments and dangling sentences 30.64 (open).
sum_check pasokh_single_abs_dev "--words 85" 30.3
sum_check pasokh_multi_abs_dev "--words 300" 33.9
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import rouge_score' 2>/dev/null; then
  (python3 -m venv .venv && .venv/bin/pip install -q rouge-score==0.1.2) >/dev/null 2>&1 || true
fi
if .venv/bin/python -c 'import rouge_score' 2>/dev/null; then
  for pair in "cnndm_dev sentences:0" "duc2006_dev words:250" "pasokh_single_abs_dev words:85"; do
    set -- $pair
    .venv/bin/python "$SHARED/tools/rouge.py" "$SUM/$1.jsonl" "$SUMTMP/$1.pred.jsonl" --budget "$2" > "$SUMTMP/$1.ref.json"
    python3 - "$SUMTMP/$1.json" "$SUMTMP/$1.ref.json" "$1" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["scores"]; ref = json.load(open(sys.argv[2]))
d = max(abs(ours["rouge1"]["f"] - ref["r1f"]), abs(ours["rouge2"]["f"] - ref["r2f"]), abs(ours["rouge_lsum"]["f"] - ref["rlf"]))
print(f"summarize {sys.argv[3]}: brief eval vs rouge.py differ by at most {d:.2f}")
sys.exit(0 if d <= 0.3 else 1)
PY
  done
else
  echo "summarize: rouge-score not installable here; cross-check skipped"
fi
rm -rf "$SUMTMP"

# --- Cross-lingual agreement (issue 13) ---------------------------------
# The English, Russian and Persian versions of one story should get the same
# brief: ../shared/tools/crossling.py on ntrex_dev, every pair at least 0.9.
echo "== cross-lingual agreement on ntrex_dev"
python3 "$SHARED/tools/crossling.py" "$BRIEF" "$SHARED/data/parallel/ntrex_dev.jsonl" > "$XW/crossling.json"
python3 - "$XW/crossling.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
pairs = {p: v["brief"]["jaccard"] for p, v in r["pairs"].items()}
print("agreement: " + ", ".join(f"{p} {j:.2f}" for p, j in pairs.items()) + " (threshold 0.9)")
low = [p for p, j in pairs.items() if j < 0.9]
sys.exit(f"agreement below 0.9: {low}" if low else 0)
PY

# --- Translation memory and glossary on export (issue 11) ------------------
# Builds a memory from a seed's own sentences (exact and edited copies) and a
# glossary of its words, exports with --tm and --glossary, validates XLIFF
# 2.0 against the core schema and against the core with the metadata,
# matches and glossary modules (the core lets module elements through
# laxly), XLIFF 1.2 strict and TMX against the DTD; then merges a filled
# file with --update-tm twice and checks the memory is valid and not doubled.
echo "== tm/glossary: export --tm/--glossary schemas, merge --update-tm"
command -v xmllint >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get update -qq; $SUDO apt-get install -y -qq libxml2-utils; }
export XML_CATALOG_FILES="$SHARED/schemas/catalog-offline.xml"
TMW=$(mktemp -d)
SEED=seeds/en-putin-assad-aleppo.txt
"$BRIEF" export --all --to fa --format jsonl --out-dir "$TMW/plain" "$SEED" >/dev/null 2>&1
python3 - "$TMW" <<'PY'
import json, sys
from xml.sax.saxutils import escape
d = sys.argv[1]
units = [json.loads(l) for l in open(f"{d}/plain/brief.fa.jsonl")]
tus = []
for i, u in enumerate(units[:6]):
    src = u["source"] if i % 2 == 0 else u["source"].replace(" the ", " a ", 1)
    # The memory's translation keeps the source's numbers, as a translator's does.
    numbers = " ".join(w.strip(".,;:!?()[]") for w in src.split() if any(c.isdigit() for c in w))
    name = "abcdef"[i]
    tus.append(f'<tu><tuv xml:lang="en"><seg>{escape(src)}</seg></tuv><tuv xml:lang="fa"><seg>{escape(f"ترجمه {name} {numbers}".rstrip())}</seg></tuv></tu>')
open(f"{d}/mem.tmx", "w").write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="ci" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>\n' + "\n".join(tus) + "\n</body></tmx>\n")
words = sorted({w.strip(".,\"'") for u in units for w in u["source"].split() if len(w) > 6 and w[0].isupper()})[:5]
open(f"{d}/g.csv", "w").write("source,fa,ru\n" + "".join(f"{w},واژه {n},слово {n}\n" for n, w in enumerate(words)))
PY
"$BRIEF" export --all --to fa,ru --format xliff20,xliff12,tmx,tsv --tm "$TMW/mem.tmx" --glossary "$TMW/g.csv" --out-dir "$TMW/out" "$SEED" >/dev/null
cat > "$TMW/modules.xsd" <<XSD
<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="$SHARED/schemas/xliff20/xliff_core_2.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0" schemaLocation="$SHARED/schemas/xliff20/modules/metadata.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:matches:2.0" schemaLocation="$SHARED/schemas/xliff20/modules/matches.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:glossary:2.0" schemaLocation="$SHARED/schemas/xliff20/modules/glossary.xsd"/>
</xs:schema>
XSD
for f in "$TMW"/out/*.xliff20.xlf; do
  xmllint --nonet --noout --schema "$SHARED/schemas/xliff20/xliff_core_2.0.xsd" "$f"
  xmllint --nonet --noout --schema "$TMW/modules.xsd" "$f"
done
for f in "$TMW"/out/*.xliff12.xlf; do xmllint --nonet --noout --schema "$SHARED/schemas/xliff12/xliff-core-1.2-strict.xsd" "$f"; done
for f in "$TMW"/out/*.tmx; do (cd "$TMW/out" && xmllint --nonet --noout --nowarning --dtdvalid "$SHARED/schemas/tmx/tmx14.dtd" "$(basename "$f")"); done
FA="$TMW/out/brief.fa.xliff20.xlf"
exact=$(grep -c 'state="translated"' "$FA" || true); fuzzy=$(grep -c '<mtc:match ' "$FA" || true); terms=$(grep -c '<gls:glossEntry' "$FA" || true)
echo "tm/glossary: $exact memory target(s), $fuzzy candidate(s), $terms glossary entr(y/ies) in brief.fa.xliff20.xlf"
[ "$exact" -ge 1 ] && [ "$fuzzy" -ge 1 ] && [ "$terms" -ge 1 ]
python3 - "$FA" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
n = iter(range(10**6))
def fill(m):
    # A translation keeps the source's numbers (merge compares values); the
    # unit is named in letters, not digits.
    numbers = " ".join(w.strip(".,;:!?()[]") for w in m.group(2).split() if any(c.isdigit() for c in w))
    name = "".join("abcdefghij"[int(d)] for d in str(next(n)))
    return f"{m.group(1)}<target>پر {name} {numbers}".rstrip() + "</target>"
s = re.sub(r"(<source>([^<]*)</source>\s*)<target></target>", fill, s).replace('state="initial"', 'state="translated"')
open(sys.argv[1].replace(".xliff20.xlf", ".done.xliff20.xlf"), "w").write(s)
PY
DONE="$TMW/out/brief.fa.done.xliff20.xlf"
# Only the Persian file of a fa,ru export: --allow-partial.
BRIEF_TM_DATE=1700000000 "$BRIEF" merge --allow-partial --update-tm "$TMW/new.tmx" "$DONE" >/dev/null
BRIEF_TM_DATE=1700000000 "$BRIEF" merge --allow-partial --update-tm "$TMW/new.tmx" "$DONE" >/dev/null 2>"$TMW/second.txt"
grep -q 'translations: 0 added, 0 replaced, .*units: 0 added, 0 updated' "$TMW/second.txt" || { cat "$TMW/second.txt"; exit 1; }
(cd "$TMW" && xmllint --nonet --noout --nowarning --dtdvalid "$SHARED/schemas/tmx/tmx14.dtd" new.tmx)
echo "tm/glossary: memory of $(grep -c '<tu ' "$TMW/new.tmx") unit(s) valid; second --update-tm: $(cat "$TMW/second.txt")"
rm -rf "$TMW"

# --- Article extraction from web pages (issue 23) ---------------------------
# brief's extractor alone on the WCXB dev articles (word-level F1 averaged over
# pages, the benchmark's scoring; docs/html.md): fails below a bar about 0.01
# under the measured 0.953 (trafilatura 0.929 on the same pages). The side-by-side run with trafilatura and
# readability-lxml is scripts/html_eval.sh.
echo "== html: article extraction on the WCXB dev articles"
cargo build --release --quiet --example html_extract
python3 scripts/html_eval.py "$SHARED/data/html/wcxb_dev_articles.jsonl.gz" \
  target/release/examples/html_extract --systems brief --check 0.94
