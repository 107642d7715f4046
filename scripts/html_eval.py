#!/usr/bin/env python3
"""Article extraction on the WCXB dev articles: brief, trafilatura and
readability-lxml side by side, scored as WCXB scores.

Score: bag of words, tokens are `\\w+` runs of the lower-cased text; for each
page precision = |extracted ∩ reference| / |extracted| and recall =
|extracted ∩ reference| / |reference| (multiset intersection), F1 their
harmonic mean; each figure is averaged over pages. An empty extraction scores
0 (precision, recall and F1) unless the reference is empty too.

Each system runs as one whole process over all pages, one after the other on
the same machine; the time is that process's wall-clock time and the peak
memory its maximum resident set size (from wait4).

    python3 scripts/html_eval.py DATASET.jsonl.gz BRIEF_EXTRACT_BINARY [--systems brief,trafilatura,readability] [--limit N] [--worst N] [--halves] [--check F1]

Exits 2 if the data set or the binary is missing, 1 if --check is given and
brief's F1 is below it.
"""

import argparse
import collections
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

WORD = re.compile(r"\w+")

# The Python extractors run in a child process, so that their time includes
# start-up and imports as brief's does. Standard output carries one JSON line
# per page.
PYTHON_RUNNER = r"""
import json, sys
system = sys.argv[1]
if system == "trafilatura":
    import trafilatura
    def run(html):
        return trafilatura.extract(html) or ""
elif system == "readability":
    import lxml.html
    from readability import Document
    def run(html):
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
out = sys.stdout
for line in sys.stdin:
    item = json.loads(line)
    try:
        text = run(item["html"])
    except Exception as error:  # a failure scores as an empty extraction
        print(f"{system}: {item['id']}: {type(error).__name__}", file=sys.stderr)
        text = ""
    out.write(json.dumps({"id": item["id"], "body": text}) + "\n")
"""


def tokens(text):
    return collections.Counter(WORD.findall(text.lower()))


def score(extracted, reference):
    got, want = tokens(extracted), tokens(reference)
    n_got, n_want = sum(got.values()), sum(want.values())
    if n_got == 0 and n_want == 0:
        return 1.0, 1.0, 1.0
    if n_got == 0 or n_want == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((got & want).values())
    p, r = overlap / n_got, overlap / n_want
    f = 0.0 if overlap == 0 else 2 * p * r / (p + r)
    return p, r, f


def page_number(page_id):
    """The number at the end of a page id (`wcxb-dev-0155` -> 155), or 0."""
    digits = re.search(r"(\d+)$", page_id)
    return int(digits.group(1)) if digits else 0


def run_process(command, pages_path):
    """Runs one extractor over all pages; returns (outputs by id, seconds, peak RSS in MB)."""
    with open(pages_path, "rb") as pages, tempfile.TemporaryFile() as out:
        start = time.monotonic()
        child = subprocess.Popen(command, stdin=pages, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.exit(f"html_eval: {command[0]} exited with {code}")
        out.seek(0)
        outputs = {}
        for line in out:
            item = json.loads(line)
            outputs[item["id"]] = item.get("body") or ""
    return outputs, seconds, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("brief_binary")
    parser.add_argument("--systems", default="brief,trafilatura,readability")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where brief's F1 is lowest")
    parser.add_argument("--dump", help="write brief's output per page (JSONL) here")
    parser.add_argument("--check", type=float, default=0.0,
                        help="exit 1 unless brief's F1 over all pages is at least this (CI bar)")
    parser.add_argument("--halves", action="store_true",
                        help="also report odd- and even-numbered pages apart (tune on one, confirm on the other)")
    args = parser.parse_args()
    if not os.path.isfile(args.dataset):
        print(f"html_eval: data set not found: {args.dataset}", file=sys.stderr)
        sys.exit(2)
    systems = args.systems.split(",")
    if "brief" in systems and not os.access(args.brief_binary, os.X_OK):
        print(f"html_eval: brief extractor not found: {args.brief_binary}", file=sys.stderr)
        sys.exit(2)

    references = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as pages:
        with gzip.open(args.dataset, "rt", encoding="utf-8") as data:
            for number, line in enumerate(data):
                if args.limit and number >= args.limit:
                    break
                item = json.loads(line)
                references[item["id"]] = item["main_content"] or ""
                pages.write(json.dumps({"id": item["id"], "html": item["html"]}) + "\n")
        pages_path = pages.name
    try:
        results = {}
        for system in systems:
            if system == "brief":
                command = [args.brief_binary]
            elif system in ("trafilatura", "readability"):
                command = [sys.executable, "-c", PYTHON_RUNNER, system]
            else:
                sys.exit(f"html_eval: unknown system {system}")
            results[system] = run_process(command, pages_path)
    finally:
        os.unlink(pages_path)

    print(f"{len(references)} pages")
    print("| system | F1 | precision | recall | time (s) | peak RSS (MB) |")
    print("|---|---|---|---|---|---|")
    per_page = {}
    f1 = {}
    halves = [("", lambda _: True)]
    if args.halves:
        halves += [(" (odd pages)", lambda n: n % 2 == 1), (" (even pages)", lambda n: n % 2 == 0)]
    for system, (outputs, seconds, rss) in results.items():
        scores = [score(outputs.get(i, ""), ref) for i, ref in references.items()]
        per_page[system] = dict(zip(references, scores))
        for label, keep in halves:
            chosen = [s for i, s in zip(references, scores) if keep(page_number(i))]
            n = max(len(chosen), 1)
            p = sum(s[0] for s in chosen) / n
            r = sum(s[1] for s in chosen) / n
            f = sum(s[2] for s in chosen) / n
            if not label:
                f1[system] = f
            print(f"| {system}{label} | {f:.3f} | {p:.3f} | {r:.3f} | {seconds:.1f} | {rss:.0f} |")
    if args.worst and "brief" in per_page:
        worst = sorted(per_page["brief"].items(), key=lambda kv: kv[1][2])[: args.worst]
        for page_id, (p, r, f) in worst:
            others = " ".join(f"{s}={per_page[s][page_id][2]:.2f}" for s in per_page if s != "brief")
            print(f"{page_id} F1={f:.2f} P={p:.2f} R={r:.2f} {others}")
    if args.check and "brief" in f1 and f1["brief"] < args.check:
        print(f"html_eval: brief's F1 {f1['brief']:.3f} is below the bar {args.check}", file=sys.stderr)
        sys.exit(1)
    if args.dump and "brief" in results:
        with open(args.dump, "w", encoding="utf-8") as dump:
            for page_id in references:
                dump.write(json.dumps({"id": page_id, "body": results["brief"][0].get(page_id, ""),
                                       "score": per_page["brief"][page_id]}) + "\n")


if __name__ == "__main__":
    main()
