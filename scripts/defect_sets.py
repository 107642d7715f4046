#!/usr/bin/env python3
"""Makes held-out-like sets from the dev data, for scripts/brief_defects.py.

The dev sets are small (10 DUC clusters, 10 Pasokh clusters, 20 Pasokh
articles); the held-out sets are of the same kinds but other stories. These
sets draw new inputs of each kind from the same data, so a rule tuned to
the dev briefs meets briefs it was not tuned on:

  single_en.jsonl   every DUC 2006 document as a single article (3 sentences)
  single_fa.jsonl   every Pasokh document (cluster members and single
                    articles) as a single article
  single_ru.jsonl   every RIA article as a single article
  sub_duc.jsonl     each DUC cluster cut into random sub-clusters of 4-12
                    documents (seeded), with the cluster's query, judged at
                    250 words
  sub_pasokh.jsonl  the same for the Pasokh clusters, judged at 300 words

and, with their cluster's references, for ROUGE on more items than the
ten clusters (a sub-cluster's references are its whole cluster's, so the
absolute figures are lower than the dev sets'; compare builds on them):

  rouge_duc10.jsonl    6 random sub-clusters of 10 documents per DUC
                       cluster, no query (DUC 2004-like: 665 bytes)
  rouge_duc20.jsonl    the same with 20 documents
  rouge_duc15q.jsonl   15 documents with the cluster's query (250 words)
  rouge_pasokh12.jsonl 12 documents per Pasokh cluster (300 words)

Usage: python3 scripts/defect_sets.py --shared ../shared --out DIR [--per-cluster N]
then e.g.
  python3 scripts/brief_defects.py --sets DIR/single_en.jsonl:sentences=3,DIR/sub_duc.jsonl:words=250
  python3 scripts/compare_builds.py OLD_BIN NEW_BIN DIR/rouge_duc10.jsonl:bytes=665
"""
import argparse
import json
import os
import random


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write(path, items):
    with open(path, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{path}: {len(items)} items")


def singles(items, lang):
    out = []
    for it in items:
        for k, text in enumerate(it["documents"]):
            if text.strip():
                out.append({"id": f"{it['id']}#{k}", "lang": lang, "documents": [text]})
    return out


def subclusters(items, lang, per_cluster, rng):
    out = []
    for it in items:
        docs = [d for d in it["documents"] if d.strip()]
        for n in range(per_cluster):
            size = rng.randint(min(4, len(docs)), min(12, len(docs)))
            pick = sorted(rng.sample(range(len(docs)), size))
            sub = {"id": f"{it['id']}~{n}", "lang": lang, "documents": [docs[i] for i in pick]}
            # A DUC cluster's topic question goes with its sub-clusters.
            if isinstance(it.get("query"), str):
                sub["query"] = it["query"]
            out.append(sub)
    return out


def scored_subclusters(items, lang, size, per_cluster, rng, query):
    """Sub-clusters of `size` documents that keep their cluster's references."""
    out = []
    for it in items:
        docs = [d for d in it["documents"] if d.strip()]
        for n in range(per_cluster):
            pick = sorted(rng.sample(range(len(docs)), min(size, len(docs))))
            sub = {"id": f"{it['id']}~{n}", "lang": lang, "documents": [docs[i] for i in pick],
                   "references": it["references"]}
            if query and isinstance(it.get("query"), str):
                sub["query"] = it["query"]
            out.append(sub)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-cluster", type=int, default=10)
    ap.add_argument("--seed", type=int, default=20261207)
    a = ap.parse_args()
    data = os.path.join(a.shared, "data/summarization")
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    duc = read(os.path.join(data, "duc2006_dev.jsonl"))
    pasokh_multi = read(os.path.join(data, "pasokh_multi_abs_dev.jsonl"))
    pasokh_single = read(os.path.join(data, "pasokh_single_abs_dev.jsonl"))
    ria = read(os.path.join(data, "ria_headline_smoke_dev.jsonl"))
    write(os.path.join(a.out, "single_en.jsonl"), singles(duc, "en"))
    write(os.path.join(a.out, "single_fa.jsonl"), singles(pasokh_multi + pasokh_single, "fa"))
    write(os.path.join(a.out, "single_ru.jsonl"), singles(ria, "ru"))
    write(os.path.join(a.out, "sub_duc.jsonl"), subclusters(duc, "en", a.per_cluster, rng))
    write(os.path.join(a.out, "sub_pasokh.jsonl"), subclusters(pasokh_multi, "fa", a.per_cluster, rng))
    # Their own generator, so that the sets above stay as they were.
    scored = random.Random(a.seed + 1)
    for name, items, lang, size, query in [
        ("rouge_duc10.jsonl", duc, "en", 10, False),
        ("rouge_duc20.jsonl", duc, "en", 20, False),
        ("rouge_duc15q.jsonl", duc, "en", 15, True),
        ("rouge_pasokh12.jsonl", pasokh_multi, "fa", 12, False),
    ]:
        write(os.path.join(a.out, name), scored_subclusters(items, lang, size, 6, scored, query))


if __name__ == "__main__":
    main()
