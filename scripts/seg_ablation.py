#!/usr/bin/env python3
"""Per-rule ablation of brief's sentence segmenter against plain UAX #29.

For every dev set of scripts/seg_eval.py, runs the release binary once as it
is, once as plain UAX #29 (unicode-segmentation), and once with each rule
switched off (the hidden BRIEF_SEGMENT_ABLATE variable; rule names are read
from src/segment/ablation.rs). Prints a Markdown table of the net change in
exact match (items) and boundary F1 that each rule brings, per set: a rule
pays when switching it off loses items.

--diff SET lists the items of SET where brief and UAX #29 disagree, with
who is right and the rules whose removal changes that item.

--write-docs puts the table into docs/segmentation.md, between the
<!-- ablation:begin --> and <!-- ablation:end --> lines.

Usage: python3 scripts/seg_ablation.py [--bin PATH] [--shared DIR]
           [--set FILE.jsonl ...] [--only SET] [--diff SET] [--limit N]
           [--write-docs]
--set and --only choose the sets as in seg_eval.py (the default is the
shared sets and tests/data/seg_clean.jsonl).
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import seg_eval  # noqa: E402

ROOT = seg_eval.ROOT
VARIABLE = "BRIEF_SEGMENT_ABLATE"


def rule_names():
    path = os.path.join(ROOT, "src", "segment", "ablation.rs")
    with open(path, encoding="utf-8") as f:
        names = re.findall(r'\(Rule::\w+, "([a-z0-9-]+)"\)', f.read())
    return [n for n in names if n != "uax29"]


def run(binary, lang, items, off):
    if off:
        os.environ[VARIABLE] = off
    else:
        os.environ.pop(VARIABLE, None)
    try:
        return seg_eval.run_brief(binary, lang, items)
    finally:
        os.environ.pop(VARIABLE, None)


def gold(it):
    return [s.strip() for s in it["expected"] if s.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--diff", default=None, help="list UAX #29 disagreements of this set")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--write-docs", action="store_true", help="update docs/segmentation.md")
    ap.add_argument("--set", action="append", default=[], metavar="FILE",
                    help="use the sets of this JSONL file (ud_dev format) instead")
    ap.add_argument("--only", default=None, help="only sets whose name contains this")
    args = ap.parse_args()
    binary = args.bin or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "brief"
    )
    if not os.path.exists(binary):
        sys.exit("no binary at %s: run `cargo build --release` first" % binary)
    if args.set:
        sets = [s for path in args.set for s in seg_eval.load_jsonl_sets(path)]
    else:
        sets = seg_eval.load_sets(args.shared)
    if args.only:
        sets = [s for s in sets if args.only in s[0]]
    rules = rule_names()

    if args.diff:
        for name, lang, items in sets:
            if name != args.diff:
                continue
            base = run(binary, lang, items, None)
            uax = run(binary, lang, items, "uax29")
            ablated = {r: run(binary, lang, items, r) for r in rules}
            shown = 0
            tally = {}
            for k, it in enumerate(items):
                if base[k] == uax[k]:
                    continue
                g = gold(it)
                who = "brief" if base[k] == g else "uax29" if uax[k] == g else "neither"
                by = [r for r in rules if ablated[r][k] != base[k]] or ["?"]
                for r in by:
                    tally.setdefault(r, {"brief": 0, "uax29": 0, "neither": 0})[who] += 1
                if shown < args.limit:
                    shown += 1
                    print("-- %s  right: %s  rules: %s" % (it.get("id"), who, ",".join(by)))
                    print("   gold:  %s" % " | ".join(g))
                    print("   brief: %s" % " | ".join(base[k]))
                    print("   uax29: %s" % " | ".join(uax[k]))
            print("\nrule: items where brief differs from UAX #29 (brief right / UAX #29 right / neither)")
            for r, t in sorted(tally.items()):
                print("  %-24s %3d / %3d / %3d" % (r, t["brief"], t["uax29"], t["neither"]))
        return 0

    scores = {}
    for name, lang, items in sets:
        for off in [None, "uax29"] + rules:
            pred = run(binary, lang, items, off)
            exact, n, pct, f1, _ = seg_eval.score(items, pred)
            scores[(name, off)] = (exact, n, pct, f1)
    names = [name for name, _, _ in sets]
    lines = []
    emit = lines.append  # the table is printed or written below
    emit("| rule switched off | " + " | ".join(names) + " |")
    emit("|---" * (len(names) + 1) + "|")
    row = ["**brief** exact % (F1)"]
    for name in names:
        exact, n, pct, f1 = scores[(name, None)]
        row.append("%.2f (%.2f)" % (pct, f1))
    emit("| " + " | ".join(row) + " |")
    row = ["plain UAX #29"]
    for name in names:
        exact, n, pct, f1 = scores[(name, "uax29")]
        row.append("%.2f (%.2f)" % (pct, f1))
    emit("| " + " | ".join(row) + " |")
    for r in rules:
        row = ["`%s`" % r]
        for name in names:
            e0, _, _, f0 = scores[(name, None)]
            e1, _, _, f1 = scores[(name, r)]
            # What the rule brings: brief with it minus brief without it.
            de, df = e0 - e1, f0 - f1
            row.append("0" if de == 0 and abs(df) < 0.005 else "%+d (%+.2f)" % (de, df))
        emit("| " + " | ".join(row) + " |")
    table = "\n".join(lines) + "\n"
    if not args.write_docs:
        sys.stdout.write(table)
        return 0
    path = os.path.join(ROOT, "docs", "segmentation.md")
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    begin, end = "<!-- ablation:begin -->\n", "<!-- ablation:end -->"
    if begin not in doc or end not in doc:
        sys.exit("%s: no ablation markers" % path)
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + table + end + tail)
    sys.stdout.write("wrote the ablation table into %s\n" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
