#!/usr/bin/env python3
"""Score brief's sentence segmenter on the shared dev sets.

Runs the release binary with the batch contract
(`brief segment --input jsonl --format jsonl`) on every set and prints, per
set, the exact paragraph match (the stripped predicted sentences equal the
stripped expected ones) and the boundary F1 (over internal sentence ends,
as character offsets into the text).

Usage: python3 scripts/seg_eval.py [--bin PATH] [--shared DIR]
           [--set FILE.jsonl ...] [--only SET] [--failures N] [--check]
--set scores any JSONL file of the ud_dev format ({"id","lang","text",
"expected"} per line) instead of the shared sets; its items are scored per
language as sets named after the file (`seg_clean_ru`). Without --set, the
shared sets and the project's own clean-text set (tests/data/seg_clean.jsonl)
are scored.
--check fails (exit 1) when a score is below the thresholds in THRESHOLDS.
--uax29 scores plain UAX #29 instead of brief (BRIEF_SEGMENT_ABLATE=uax29).
--caps scores every set written in capitals (wire copy, telex): the text and
its gold sentences upper-cased letter by letter, keeping each letter whose
capital has a different length in UTF-8 as it is, so the gold boundaries
stay where they were.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Minimum exact-match % per set for --check: a little under what brief reaches.
THRESHOLDS = {
    "golden_en_grs48": 100.0,
    "golden_ru": 100.0,
    "golden_fa": 100.0,
    "ud_dev_en": 89.5,
    "ud_dev_ru": 73.0,
    "ud_dev_fa": 99.5,
    "seg_clean_en": 100.0,
    "seg_clean_ru": 99.0,
    "seg_clean_fa": 100.0,
}

# The project's own clean-text set (news, encyclopedic and web prose that the
# dev sets lack); see docs/segmentation.md.
CLEAN_SET = os.path.join(ROOT, "tests", "data", "seg_clean.jsonl")


def load_jsonl_sets(path):
    """The items of a ud_dev-format JSONL file, as one set per language,
    named after the file (`seg_clean_ru`). A malformed line names the file
    and line."""
    base = os.path.splitext(os.path.basename(path))[0]
    by_lang = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                it = json.loads(line)
                lang = it["lang"]
                if not isinstance(it["text"], str) or not isinstance(it["expected"], list):
                    raise ValueError("text must be a string and expected a list")
            except (ValueError, KeyError, TypeError) as e:
                sys.exit("%s:%d: not a segmentation item: %s" % (path, n, e))
            by_lang.setdefault(lang, []).append(it)
    return [("%s_%s" % (base, lang), lang, items) for lang, items in sorted(by_lang.items())]


def load_sets(shared):
    seg = os.path.join(shared, "data", "segmentation")
    sets = []

    def golden(lang, keep):
        path = os.path.join(seg, "golden_%s.json" % lang)
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
        return [
            c
            for c in cases
            if keep(c) and not (c.get("options") or {}).get("clean")
        ]

    sets.append(("golden_en_grs48", "en", golden("en", lambda c: c.get("set") == "grs48")))
    sets.append(("golden_ru", "ru", golden("ru", lambda c: True)))
    sets.append(("golden_fa", "fa", golden("fa", lambda c: True)))
    for lang in ("en", "ru", "fa"):
        path = os.path.join(seg, "ud_dev_%s.jsonl" % lang)
        with open(path, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
        sets.append(("ud_dev_" + lang, lang, items))
    if os.path.exists(CLEAN_SET):
        sets.extend(load_jsonl_sets(CLEAN_SET))
    return sets


def capitals(text):
    """`text` in capitals, each character keeping its UTF-8 length (a
    character whose capital is longer or several characters stays as it
    is)."""
    out = []
    for ch in text:
        up = ch.upper()
        out.append(up if len(up) == 1 and len(up.encode("utf-8")) == len(ch.encode("utf-8")) else ch)
    return "".join(out)


def in_capitals(items):
    """The items written in capitals."""
    return [
        dict(it, text=capitals(it["text"]), expected=[capitals(s) for s in it["expected"]])
        for it in items
    ]


def run_brief(binary, lang, items):
    """Segments every item through the JSONL batch contract."""
    batch = "".join(
        json.dumps({"id": str(i), "text": it["text"], "lang": lang}, ensure_ascii=False) + "\n"
        for i, it in enumerate(items)
    )
    proc = subprocess.run(
        [binary, "segment", "--input", "jsonl", "--format", "jsonl"],
        input=batch.encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    if proc.returncode != 0:
        sys.exit("brief failed (%d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(items):
        sys.exit("brief returned %d lines for %d items" % (len(lines), len(items)))
    out = []
    for i, (line, it) in enumerate(zip(lines, items)):
        obj = json.loads(line)
        if obj["id"] != str(i):
            sys.exit("output out of order at line %d" % (i + 1))
        raw = it["text"].encode("utf-8")
        sents = []
        for s in obj["sentences"]:
            piece = raw[s["start"]:s["end"]].decode("utf-8")
            if piece != s["text"] or piece != piece.strip():
                sys.exit("span mismatch in item %s: %r vs %r" % (it.get("id"), piece, s["text"]))
            sents.append(piece)
        out.append(sents)
    return out


def boundaries(text, sentences):
    """Character offsets of internal sentence ends, aligning each sentence
    to the text in order (whitespace between sentences may differ)."""
    ends = set()
    pos = 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        found = text.find(s, pos)
        if found < 0:
            # Fall back on a whitespace-insensitive walk.
            found = pos
            k = 0
            while found < len(text) and text[found].isspace():
                found += 1
            end = found
            for ch in s:
                if ch.isspace():
                    continue
                while end < len(text) and text[end].isspace():
                    end += 1
                end += 1
                k += 1
            pos = end
        else:
            pos = found + len(s)
        ends.add(pos)
    ends.discard(len(text.rstrip()))
    ends.discard(len(text))
    return ends


def score(items, predicted):
    exact = 0
    tp = fp = fn = 0
    failures = []
    for it, pred in zip(items, predicted):
        gold = [s.strip() for s in it["expected"] if s.strip()]
        got = [s.strip() for s in pred if s.strip()]
        if gold == got:
            exact += 1
        else:
            failures.append((it, got))
        g = boundaries(it["text"], gold)
        p = boundaries(it["text"], got)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    n = len(items)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return exact, n, 100.0 * exact / n if n else 0.0, 100.0 * f1, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=None, help="brief binary (default: release build)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--only", default=None, help="score only sets whose name contains this")
    ap.add_argument("--failures", type=int, default=0, help="print up to N failures per set")
    ap.add_argument("--check", action="store_true", help="exit 1 below the thresholds")
    ap.add_argument(
        "--set", action="append", default=[], metavar="FILE", help="score this JSONL file instead"
    )
    ap.add_argument("--uax29", action="store_true", help="score plain UAX #29 instead of brief")
    ap.add_argument("--caps", action="store_true", help="score the sets written in capitals")
    args = ap.parse_args()
    if args.uax29:
        os.environ["BRIEF_SEGMENT_ABLATE"] = "uax29"
    binary = args.bin
    if binary is None:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        binary = os.path.join(target, "release", "brief")
    if not os.path.exists(binary):
        sys.exit("no binary at %s: run `cargo build --release` first" % binary)
    low = []
    print("%-18s %9s %8s %8s" % ("set", "exact", "exact%", "F1"))
    if args.set:
        sets = [s for path in args.set for s in load_jsonl_sets(path)]
    else:
        sets = load_sets(args.shared)
    for name, lang, items in sets:
        if args.only and args.only not in name:
            continue
        if args.caps:
            items = in_capitals(items)
        predicted = run_brief(binary, lang, items)
        exact, n, pct, f1, failures = score(items, predicted)
        print("%-18s %4d/%-4d %8.2f %8.2f" % (name, exact, n, pct, f1))
        for it, got in failures[: args.failures]:
            print("  -- %s" % it.get("id"))
            print("     text: %s" % it["text"])
            print("     gold: %s" % json.dumps(it["expected"], ensure_ascii=False))
            print("     got:  %s" % json.dumps(got, ensure_ascii=False))
        if not args.uax29 and not args.caps and pct < THRESHOLDS.get(name, 0.0):
            low.append("%s %.2f < %.2f" % (name, pct, THRESHOLDS[name]))
    if args.check and low:
        print("below threshold: " + "; ".join(low))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
