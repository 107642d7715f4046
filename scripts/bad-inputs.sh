#!/usr/bin/env bash
# A battery of bad inputs run against the release binary. Every case must
# give its documented exit code with a one-line message on stderr, no panic,
# no leaked file content, and no clobbered or partial output file.
#
# usage: scripts/bad-inputs.sh [path/to/brief]     (default: target/release/brief)
set -uo pipefail
cd "$(dirname "$0")/.."
BRIEF=${1:-target/release/brief}
[ -x "$BRIEF" ] || { echo "build first: cargo build --release" >&2; exit 2; }
BRIEF=$(cd "$(dirname "$BRIEF")" && pwd)/$(basename "$BRIEF")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W"
export XDG_CONFIG_HOME="$W/xdg"
pass=0
fail=0

# case NAME EXPECTED_CODE STDERR_PATTERN -- command...
case_() {
  local name=$1 want=$2 pattern=$3
  shift 4
  local out err code
  out=$(timeout 60 "$@" 2>"$W/stderr" </dev/null)
  code=$?
  err=$(cat "$W/stderr")
  local why=""
  [ "$code" = "$want" ] || why="exit $code, want $want"
  if [ "$want" != 0 ] && [ -z "$err" ]; then why="$why; empty stderr"; fi
  if [ -n "$pattern" ] && ! grep -qiE -- "$pattern" "$W/stderr"; then why="$why; stderr lacks /$pattern/"; fi
  if grep -q "panicked" "$W/stderr"; then why="$why; PANIC"; fi
  if printf '%s%s' "$out" "$err" | grep -q "root:x:0:0"; then why="$why; leaked /etc/passwd"; fi
  if [ -z "$why" ]; then
    pass=$((pass + 1)); echo "ok    $name"
  else
    fail=$((fail + 1)); echo "FAIL  $name: $why"; sed 's/^/      stderr: /' "$W/stderr" | head -3
  fi
}

printf 'The first sentence. The second one.\n' > good.txt
printf 'ok \xff\xfe bad\n' > latin.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0' > image.png
: > empty.txt
printf '   \n\n\t\n' > blank.txt
printf 'Text with a NUL \0 and controls \x01\x02\x1b[31m and bidi \xe2\x80\xae reversed \xe2\x80\xac and emoji \xf0\x9f\x98\x80. Done.\n' > controls.txt
head -c 10000000 /dev/zero | tr '\0' 'a' | sed 's/aaaaa/word /g' > oneline.txt
printf '[summary]\nsentences = 2\nwords = 10\n' > two-lengths.toml
printf '[summary]\nsentences = \n' > syntax.toml
printf '[summary]\nsentense = 2\n' > unknown.toml
printf '[summary]\nsentences = "two"\n' > type.toml
printf '{"id": "a", "text": "Fine."}\n{"id": "b", "text": \n{"id": "c", "text": "Fine."}\n' > broken.jsonl
printf '{"text": "No id."}\n' > noid.jsonl
cat > bomb.xlf <<'X'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa"><file id="f"><unit id="u1"><segment><source>&lol3;</source><target>&lol3;</target></segment></unit></file></xliff>
X
cat > xxe.xlf <<'X'
<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa"><file id="f"><unit id="u1"><segment><source>&xxe;</source><target>&xxe;</target></segment></unit></file></xliff>
X
printf '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa"><file id="f"><unit id="u1"><segment><source>Hi' > truncated.xlf
printf '<?xml version="1.0"?>\n<html><body>not a translation file</body></html>\n' > page.xlf

case_ "missing file"                 2 "nope.txt"          -- "$BRIEF" segment nope.txt
case_ "invalid UTF-8 names byte"     2 "latin.txt.*byte 3" -- "$BRIEF" segment latin.txt
case_ "binary input refused"         2 "image.png.*binary" -- "$BRIEF" summarize image.png
case_ "empty input warns"            0 "empty"             -- "$BRIEF" summarize empty.txt
case_ "whitespace-only input warns"  0 "empty"             -- "$BRIEF" segment blank.txt
case_ "NUL, controls, bidi, emoji"   0 ""                  -- "$BRIEF" summarize --sentences 1 controls.txt
case_ "10 MB line, no punctuation"   0 ""                  -- "$BRIEF" summarize --sentences 1 oneline.txt
case_ "--sentences 0"                2 "sentences"         -- "$BRIEF" summarize --sentences 0 good.txt
case_ "--ratio 1.5"                  2 "ratio"             -- "$BRIEF" summarize --ratio 1.5 good.txt
case_ "--words -3"                   2 "words|-3"          -- "$BRIEF" summarize --words -3 good.txt
case_ "absurd number"                2 "bytes"             -- "$BRIEF" summarize --bytes 99999999999999999999999 good.txt
case_ "two lengths on the command"   2 "cannot be used|one" -- "$BRIEF" summarize --sentences 2 --words 10 good.txt
case_ "two lengths in TOML"          2 "two-lengths.toml"  -- "$BRIEF" summarize --config two-lengths.toml good.txt
case_ "TOML syntax error line"       2 "syntax.toml:2"     -- "$BRIEF" summarize --config syntax.toml good.txt
case_ "TOML unknown key named"       2 "sentense"          -- "$BRIEF" summarize --config unknown.toml good.txt
case_ "TOML wrong type"              2 "type.toml:2"       -- "$BRIEF" summarize --config type.toml good.txt
case_ "missing --config file"        2 "absent.toml"       -- "$BRIEF" summarize --config absent.toml good.txt
case_ "JSONL malformed line number"  2 "broken.jsonl:2"    -- "$BRIEF" summarize --input jsonl --format jsonl broken.jsonl
case_ "JSONL missing id"             2 "noid.jsonl:1.*id"  -- "$BRIEF" segment --input jsonl --format jsonl noid.jsonl
case_ "merge: entity bomb"           2 "bomb.xlf"          -- "$BRIEF" merge bomb.xlf
case_ "merge: external entity"       2 "xxe.xlf"           -- "$BRIEF" merge xxe.xlf
case_ "merge: truncated XML"         2 "truncated.xlf"     -- "$BRIEF" merge truncated.xlf
case_ "merge: not XLIFF/TMX"         2 "page.xlf"          -- "$BRIEF" merge page.xlf
case_ "export: unwritable out-dir"   2 "good.txt"          -- "$BRIEF" export good.txt --to fa --format tsv --out-dir good.txt/sub
"$BRIEF" export good.txt --all --to fa,ru --format xliff20,tsv --out-dir out >/dev/null 2>&1
cp -r out out.before
case_ "export: no overwrite without --force" 2 "exists|--force" -- "$BRIEF" export good.txt --all --to fa,ru --format xliff20,tsv --out-dir out
if diff -r out out.before >/dev/null && [ -z "$(find out -name '*.tmp*' -o -name '.tmp*')" ]; then
  pass=$((pass + 1)); echo "ok    export: refused export left every file as it was"
else
  fail=$((fail + 1)); echo "FAIL  export: refused export changed or left files"
fi
"$BRIEF" export good.txt --all --to fa --format xliff20 --out-dir dup >/dev/null 2>&1
f=$(ls dup/*.xlf | head -1)
if [ -n "$f" ]; then
  sed 's/id="\([^"]*\)"/id="same"/g' "$f" > dupids.xlf
  case_ "merge: duplicate ids named"  1 "same"             -- "$BRIEF" merge dupids.xlf
fi
case_ "broken pipe is success"        0 ""                 -- bash -c "'$BRIEF' segment oneline.txt good.txt | head -c 1 >/dev/null"


# ---- issue 10: nothing lost, nothing escapes ----
check() { # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok    $name"; else fail=$((fail + 1)); echo "FAIL  $name"; fi
}
python3 - <<'PY'
import random
random.seed(7)
w = "market river council report minister village storm budget".split()
def article(n, first):
    return "\n\n".join(" ".join(first + " " + " ".join(random.choice(w) for _ in range(10)) + "." for _ in range(5)) for _ in range(n // 5))
open("old.txt", "w").write(article(40, "Oldword"))
open("new.txt", "w").write(article(6000, "Newword"))
open("small.txt", "w").write(article(400, "Newword"))
PY
SET=(--all --to fa,ru,de,fr --format xliff20,xliff12,tmx,tsv,jsonl)
# Files of one such set: 5 formats x 4 targets, and brief.reference.jsonl.
SET_FILES=21

# Interrupted: SIGINT/SIGTERM while the set is written leaves the old set whole.
for sig in INT TERM; do
  rm -rf sig && "$BRIEF" export "${SET[@]}" --out-dir sig old.txt >/dev/null 2>&1 && cp -r sig sig.before
  # A shell starts background jobs with SIGINT ignored (and brief keeps it
  # ignored); restore the default before exec, as an interactive shell would.
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$BRIEF" export "${SET[@]}" --force --out-dir sig new.txt >/dev/null 2>"$W/sig.err" &
  pid=$!
  for _ in $(seq 1 20000); do
    if ls -a sig | grep -q '\.tmp$'; then kill -s $sig $pid; break; fi
    kill -0 $pid 2>/dev/null || break
  done
  wait $pid; code=$?
  if [ $code = 0 ]; then
    check "SIG$sig during export: finished first, new set whole" test "$(ls sig | wc -l)" = $SET_FILES
  elif grep -q "they are complete" "$W/sig.err"; then
    # The signal came during the final renames, which are let finish.
    check "SIG$sig during the renames: exit $code, new set whole" \
      bash -c "{ [ $code = 130 ] || [ $code = 143 ]; } && [ \"\$(grep -l Newword sig/* | wc -l)\" = $SET_FILES ]"
  else
    check "SIG$sig during export: exit $code, old set whole, no leftovers" \
      bash -c "{ [ $code = 130 ] || [ $code = 143 ]; } && diff -r sig sig.before >/dev/null && [ -z \"\$(ls -A sig | grep '^\.')\" ]"
  fi
  rm -rf sig.before
done

# Full disk (RLIMIT_FSIZE): --force over a good set keeps it; the message names the file.
rm -rf full && "$BRIEF" export "${SET[@]}" --out-dir full old.txt >/dev/null 2>&1 && cp -r full full.before
case_ "full disk (ulimit -f) with --force"  2 "full/brief\.[a-z]" -- bash -c "trap '' XFSZ; ulimit -f 64; exec '$BRIEF' export ${SET[*]} --force --out-dir full small.txt"
check "full disk: old set unchanged, no temporary named" bash -c "diff -r full full.before >/dev/null && ! grep -q '\.tmp' '$W/stderr'"
case_ "full disk without --force"           2 "full2/brief"    -- bash -c "trap '' XFSZ; ulimit -f 64; exec '$BRIEF' export ${SET[*]} --out-dir full2 small.txt"
check "full disk without --force: nothing written, a rerun works" bash -c "[ -z \"\$(ls -A full2)\" ] && '$BRIEF' export ${SET[*]} --out-dir full2 small.txt >/dev/null 2>&1"
# A real ENOSPC where tmpfs can be mounted (root in CI).
mkdir -p mnt
if mount -t tmpfs -o size=2m tmpfs mnt 2>/dev/null; then
  "$BRIEF" export "${SET[@]}" --out-dir mnt/out old.txt >/dev/null 2>&1 && cp -r mnt/out tmpfs.before
  case_ "full tmpfs (ENOSPC) with --force"   2 "No space left"  -- "$BRIEF" export "${SET[@]}" --force --out-dir mnt/out small.txt
  check "full tmpfs: old set unchanged" diff -r mnt/out tmpfs.before
  umount mnt
else
  echo "skip  full tmpfs (cannot mount tmpfs here)"
fi

# Concurrent: two --force exports into one directory give one whole set.
printf 'Alphaword one. Alphaword two.\n' > a.txt
printf 'Bravoword one. Bravoword two.\n' > b.txt
"$BRIEF" export "${SET[@]}" --force --out-dir conc a.txt >/dev/null 2>&1 & p1=$!
"$BRIEF" export "${SET[@]}" --force --out-dir conc b.txt >/dev/null 2>&1 & p2=$!
wait $p1; c1=$?; wait $p2; c2=$?
na=$(grep -l Alphaword conc/* | wc -l); nb=$(grep -l Bravoword conc/* | wc -l)
check "concurrent exports: both exit 0, one consistent set ($na/$nb)" \
  bash -c "[ $c1 = 0 ] && [ $c2 = 0 ] && { [ $na/$nb = $SET_FILES/0 ] || [ $na/$nb = 0/$SET_FILES ]; }"
mkdir -p held && flock held/.brief.lock sleep 5 & sleep 0.3
case_ "export into a locked directory"     2 "another brief run" -- env BRIEF_LOCK_WAIT=1 "$BRIEF" export good.txt --to fa --format tsv --out-dir held
wait

# Leftover temporary file of a killed run: named and removed.
mkdir -p stale && bash -c 'exit 0' & dead=$!; wait $dead
printf 'half' > "stale/.brief-$dead-0123456789abcdef.brief.fa.tsv.tmp"
case_ "leftover temporary named"            0 "brief-$dead-.*interrupted" -- "$BRIEF" export good.txt --to fa --format tsv --out-dir stale
check "leftover temporary removed" test -z "$(ls -A stale | grep '^\.')"

# Unmergeable: an export larger than merge reads back is refused up front.
python3 -c "
import random; random.seed(3); w='market river council report minister village storm budget'.split()
open('huge.txt','w').write('\n\n'.join(' '.join(' '.join(random.choice(w) for _ in range(12)).capitalize()+'.' for _ in range(5)) for _ in range(50000)))"
case_ "export over the merge limit refused" 2 "huge/brief.fa.xliff20.xlf.*merge" -- "$BRIEF" export --all huge.txt --to fa --format xliff20 --out-dir huge
check "export over the merge limit wrote nothing" test -z "$(ls -A huge 2>/dev/null)"

# Bounded inputs.
mkdir -p loops && cp good.txt loops/ && ln -s . loops/l1 && ln -s . loops/l2 && ln -s good.txt loops/self.txt
case_ "symlink loops in a directory"        0 "not followed"   -- "$BRIEF" detect loops
check "symlink loops: the file is read once" test "$("$BRIEF" detect loops 2>/dev/null | wc -l)" = 1
mkdir -p fifos && cp good.txt fifos/ && mkfifo fifos/pipe.txt
case_ "FIFO inside a directory skipped"     0 "pipe.txt.*FIFO" -- "$BRIEF" segment fifos
case_ "/dev/zero stops at the limit"        2 "/dev/zero.*limit" -- "$BRIEF" segment /dev/zero
case_ "/dev/urandom stops at the limit"     2 "/dev/urandom.*limit" -- env BRIEF_MAX_INPUT=16M "$BRIEF" segment /dev/urandom
case_ "standard input over the limit"       2 "^brief.*-: larger than the input limit" -- bash -c "head -c 5000 /dev/zero | tr '\\0' a | BRIEF_MAX_INPUT=1K '$BRIEF' segment -"
case_ "bad BRIEF_MAX_INPUT"                 2 "BRIEF_MAX_INPUT" -- env BRIEF_MAX_INPUT=lots "$BRIEF" segment good.txt
case_ "/proc is not walked"                 0 "pseudo file system" -- "$BRIEF" segment /proc
case_ "/sys is not walked"                  0 "pseudo file system" -- "$BRIEF" segment /sys

# XML bounds.
python3 - <<'PY'
uri = "urn:" + "n" * 4096
head = '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:p="%s" version="2.0" srcLang="en" trgLang="fa"><file id="f">' % uri
open("nsbomb.xlf", "w").write(head + "<p:a/>" * 2_000_000 + "</file></xliff>")
open("c0.xlf", "w").write('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fa"><file id="f"><unit id="u1"><segment><source>Hi</source><target>\x1b]0;owned\x07</target></segment></unit></file></xliff>\n')
PY
case_ "merge: namespace amplification"      2 "nsbomb.xlf.*namespace" -- bash -c "ulimit -v 1048576; exec '$BRIEF' merge nsbomb.xlf"
case_ "merge: raw C0 control in XML"        2 "c0.xlf.*U\+001B at byte [0-9]+" -- "$BRIEF" merge c0.xlf

# Nothing escapes to the terminal.
evil=$(printf 'a\033]0;pwned\007\342\200\256txt.txt')
case_ "control characters in a name escaped" 2 'a\\x1b\]0;pwned\\x07\\u\{202e\}txt' -- "$BRIEF" segment "$evil"
check "no raw ESC or BEL on stderr" bash -c "! grep -q \$'[\\x1b\\x07]' '$W/stderr'"

# Configuration files that are not regular files.
mkdir -p confdir && ln -sf nowhere.toml dangling.toml && mkfifo fifo.toml
case_ "--config a directory"                2 "confdir.*directory" -- "$BRIEF" summarize --config confdir good.txt
case_ "--config a dangling link"            2 "dangling.toml.*link" -- "$BRIEF" summarize --config dangling.toml good.txt
case_ "--config a FIFO"                     2 "fifo.toml.*regular" -- "$BRIEF" summarize --config fifo.toml good.txt
mkdir -p cwdconf/brief.toml
case_ "./brief.toml a directory"            2 "brief.toml.*directory" -- bash -c "cd cwdconf && exec '$BRIEF' summarize ../good.txt"

# ---- red team: merge, check, memory ----
printf 'Tom met Jerry in Paris. They talked about the weather.\n' > rt.txt
"$BRIEF" export rt.txt --all --lang en --to fa,ru --format tsv,xliff20 --out-dir rt >/dev/null 2>&1
mkdir -p rtd
# fill TSV targets (column 5) with $2, $3, ... in order
fill_tsv() { awk -F'\t' -v OFS='\t' -v t="$2" 'NR==1{print;next}{split(t,a,"|"); $5=a[NR-1]; print}' "$1"; }
fill_tsv rt/brief.fa.tsv 'Том встретил Джерри.|Они говорили о погоде.' > rtd/ru-in-fa.tsv
case_ "merge: Russian text in the Persian file" 1 "s1 \[fa\]: wrong language" -- "$BRIEF" merge rtd/ru-in-fa.tsv
case_ "check: Russian text in the Persian file" 1 "error" -- "$BRIEF" check rtd/ru-in-fa.tsv
fill_tsv rt/brief.fa.tsv $'\u200c\u200f|آن\u200cها درباره هوا صحبت کردند.' > rtd/invisible.tsv
case_ "merge: a target of ZWNJ and RLM"   1 "s1 \[fa\]: missing translation" -- "$BRIEF" merge rtd/invisible.tsv
sed '0,/<target><\/target>/s//<target>یک<\/target><target>دو<\/target>/' rt/brief.fa.xliff20.xlf > rtd/two.xlf
case_ "merge: two targets in one segment" 2 "two.xlf: unit s1: <segment> with more than one <target>" -- "$BRIEF" merge rtd/two.xlf
fill_tsv rt/brief.fa.tsv $'تام جری را در پاریس دید.|آن\u200cها درباره هوا صحبت کردند.' > rtd/brief.fa.tsv
case_ "merge: /dev/zero stops at the limit"  2 "/dev/zero: larger than" -- "$BRIEF" merge /dev/zero
case_ "check: /dev/zero stops at the limit"  2 "/dev/zero: larger than" -- "$BRIEF" check /dev/zero
case_ "export: --tm /dev/zero stops"         2 "/dev/zero: larger than" -- "$BRIEF" export rt.txt --to fa --tm /dev/zero --out-dir rtx
case_ "merge: no writing over an input"      2 "is also an input" -- "$BRIEF" merge --tmx rtd/brief.fa.tsv --force rtd/brief.fa.tsv
mkfifo rtd/pipe.tmx
case_ "merge: a FIFO is not replaced"        2 "pipe.tmx: is a device, FIFO or socket" -- "$BRIEF" merge --tmx rtd/pipe.tmx --force rtd/brief.fa.tsv
check "merge: the FIFO is still a FIFO" test -p rtd/pipe.tmx
printf '<tmx>cut' > rtd/bad.tmx
case_ "merge: a bad --update-tm writes nothing" 2 "bad.tmx" -- "$BRIEF" merge --out-dir rtd/final --update-tm rtd/bad.tmx rtd/brief.fa.tsv
check "merge: nothing written before the memory failed" test ! -e rtd/final
evil=$(printf 'rtd/e\033]0;pwned\007.tsv')
fill_tsv rt/brief.fa.tsv '|x' > "$evil"
case_ "merge: a file name with ESC is escaped" 1 'e\\x1b\]0;pwned\\x07\.tsv: s1' -- "$BRIEF" merge "$evil"
check "merge: no raw ESC or BEL on stderr" bash -c "! grep -q \$'[\\x1b\\x07]' '$W/stderr'"

# ---- wrong work of whole classes (issue 21) ----
printf 'Turnout was 7.5%% on 2016-12-23.\tTalks will resume.\n' | tr '\t' '\n' > rtn.txt
"$BRIEF" export rtn.txt --all --lang en --to ru --format tsv --out-dir rtn >/dev/null 2>&1
fill_tsv rtn/brief.ru.tsv 'Явка составила 75% 23 декабря 2016 года.|Переговоры возобновятся.' > rtd/decimal.tsv
case_ "merge: 7.5% translated 75%"            1 "s1 \[ru\]: wrong number" -- "$BRIEF" merge rtd/decimal.tsv
fill_tsv rtn/brief.ru.tsv 'Явка составила 7,5 % 23 декабря 2016 года.|Переговоры возобновятся.' > rtd/written.tsv
case_ "merge: decimal comma and month name"   0 "" -- "$BRIEF" merge rtd/written.tsv
fill_tsv rtn/brief.ru.tsv 'Явка склала 7,5% 23 грудня 2016 року.|Переговори відновляться.' > rtd/uk.tsv
case_ "merge: Ukrainian in the Russian file"  1 "\[ru\]: wrong language" -- "$BRIEF" merge rtd/uk.tsv
printf 'See\302\240https://example.org/a1 now.\n' > rtu.txt
"$BRIEF" export rtu.txt --all --lang en --to ru --format tsv --out-dir rtu >/dev/null 2>&1
fill_tsv rtu/brief.ru.tsv 'См.\302\240https://example.org/a2 сейчас.' > rtd/nbsp.tsv
case_ "merge: no-break space before a URL, no panic" 1 "s1 \[ru\]: changed" -- "$BRIEF" merge rtd/nbsp.tsv
# check prints its findings on stdout; stderr has the count.
case_ "check: no-break space before a URL, no panic" 1 "1 error" -- "$BRIEF" check rtd/nbsp.tsv
found=$("$BRIEF" check rtd/nbsp.tsv 2>/dev/null || true)
if grep -q "\[untouchables\]" <<<"$found"; then
  pass=$((pass + 1)); echo "ok    check: the changed URL is named as untouchables"
else
  fail=$((fail + 1)); echo "FAIL  check: the changed URL is not named as untouchables on stdout"
fi
printf 'A form\014feed from a PDF.\n' > rtf.txt
case_ "export: a form feed is refused in TSV as in XLIFF" 2 "U\+000C" -- "$BRIEF" export rtf.txt --all --lang en --to ru --format tsv --out-dir rtf

echo "bad-inputs: $pass passed, $fail failed"
[ "$fail" = 0 ]
