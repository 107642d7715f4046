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

echo "bad-inputs: $pass passed, $fail failed"
[ "$fail" = 0 ]
