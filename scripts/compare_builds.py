#!/usr/bin/env python3
"""Compares two builds' briefs by ROUGE-1 F, item by item, with a paired bootstrap.

A small dev set cannot tell two builds apart: on ten clusters one item
moving by 7 points moves the mean by 0.7. This script summarizes each set
with both builds (`brief summarize --input jsonl`, the budget given), scores
every brief against its references with the reference scorer
(`../shared/tools/rouge.py`, which needs rouge-score==0.1.2), and prints the
mean R-1 F of each build, the mean paired difference with a 95 % paired
bootstrap interval (1,000 resamples, seeded), and how many items went up
and down. An interval that contains 0 says the set cannot tell the builds
apart.

Usage:
  python3 scripts/compare_builds.py OLD_BIN NEW_BIN SET.jsonl:FLAG=N [SET.jsonl:FLAG=N ...]
e.g. (sets from scripts/defect_sets.py):
  python3 scripts/compare_builds.py old/brief target/release/brief DIR/rouge_duc10.jsonl:bytes=665
A set's items need "references"; `--no-query` may follow the budget as
`SET.jsonl:words=250:no-query`.
"""
import contextlib
import importlib.util
import io
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("BRIEF_SHARED", os.path.join(HERE, "..", "..", "shared"))


def load_rouge():
    path = os.path.join(SHARED, "tools", "rouge.py")
    if not os.path.exists(path):
        sys.exit(f"compare_builds: {path} not found (set BRIEF_SHARED to the shared folder)")
    # rouge.py scores its command line when loaded: give it one trivial
    # item to score, silently, and keep its tokenizer and budget cut.
    with tempfile.TemporaryDirectory() as tmp:
        items, preds = os.path.join(tmp, "set.jsonl"), os.path.join(tmp, "pred.jsonl")
        with open(items, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "x", "lang": "en", "references": ["a b"]}) + "\n")
        with open(preds, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "x", "summary": [{"text": "a b"}]}) + "\n")
        argv, sys.argv = sys.argv, [path, items, preds]
        try:
            spec = importlib.util.spec_from_file_location("shared_rouge", path)
            mod = importlib.util.module_from_spec(spec)
            with contextlib.redirect_stdout(io.StringIO()):
                spec.loader.exec_module(mod)
        finally:
            sys.argv = argv
    return mod


def briefs(binary, path, flag, n):
    args = [binary, "summarize", "--input", "jsonl", path, f"--{flag}", str(n), "--format", "jsonl"]
    run = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        sys.exit(f"compare_builds: {binary} failed on {path}: {run.stderr.strip()[:500]}")
    out = {}
    for line in run.stdout.split("\n"):
        if line.strip():
            o = json.loads(line)
            out[str(o["id"])] = "\n".join(s["text"].strip() for s in o["summary"])
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
    rouge = load_rouge()
    from rouge_score import rouge_scorer

    for spec in sets:
        parts = spec.split(":")
        path, budget = parts[0], parts[1]
        no_query = "no-query" in parts[2:]
        flag, n = budget.split("=")
        with open(path, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]
        if not items or any("references" not in it for it in items):
            sys.exit(f"compare_builds: {path}: every item needs references")
        with tempfile.TemporaryDirectory() as tmp:
            given = path
            if no_query:
                # Generic briefs: the items without their query.
                given = os.path.join(tmp, "items.jsonl")
                with open(given, "w", encoding="utf-8") as f:
                    for it in items:
                        f.write(json.dumps({k: v for k, v in it.items() if k != "query"},
                                           ensure_ascii=False) + "\n")
            a, b = briefs(old, given, flag, n), briefs(new, given, flag, n)
        scorers, diffs, fa, fb = {}, [], [], []
        for it in items:
            lang = it.get("lang", "en")
            if lang not in scorers:
                scorers[lang] = (rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True) if lang == "en"
                                 else rouge_scorer.RougeScorer(["rouge1"], tokenizer=rouge.UnicodeTok(lang)))
            sc = scorers[lang]

            def f1(text):
                text = rouge.cut(text, flag, int(n))
                refs = it["references"]
                return 100 * sum(sc.score(r, text)["rouge1"].fmeasure for r in refs) / len(refs)

            key = str(it["id"])
            x, y = f1(a.get(key, "")), f1(b.get(key, ""))
            fa.append(x)
            fb.append(y)
            diffs.append(y - x)
        rng = random.Random(2026)
        means = sorted(sum(rng.choice(diffs) for _ in diffs) / len(diffs) for _ in range(1000))
        mean = sum(diffs) / len(diffs)
        up = sum(d > 0.005 for d in diffs)
        down = sum(d < -0.005 for d in diffs)
        print(f"{spec}: {len(items)} items, R-1 F old {sum(fa) / len(fa):.2f}, new {sum(fb) / len(fb):.2f}, "
              f"new - old {mean:+.2f} [{means[25]:+.2f}, {means[974]:+.2f}], {up} up / {down} down")


if __name__ == "__main__":
    main()
