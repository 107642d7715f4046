"""Writes a JSONL batch of articles for the Spark job: the bundled seeds, and
the single-document items of ../shared's dev sets when present, repeated
with new ids up to --count items.

    python examples/spark/make_batch.py --count 600 batch.jsonl
"""

import argparse
import json
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[2]


def articles(shared):
    for path in sorted((REPO / "seeds").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")
    if shared is None or not shared.is_dir():
        return
    for name in ("cnndm_dev.jsonl", "pasokh_single_abs_dev.jsonl", "ria_headline_smoke_dev.jsonl"):
        path = shared / "data" / "summarization" / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                docs = item.get("documents") or ([item["text"]] if "text" in item else [])
                if len(docs) == 1:
                    yield f"{path.stem}-{item['id']}", docs[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("output")
    p.add_argument("--count", type=int, default=0, help="repeat the articles up to this many items (0: each once)")
    p.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    args = p.parse_args()
    base = list(articles(args.shared))
    count = args.count or len(base)
    with open(args.output, "w", encoding="utf-8") as out:
        for i in range(count):
            name, text = base[i % len(base)]
            out.write(json.dumps({"id": f"{i:06d}-{name}", "text": text}, ensure_ascii=False) + "\n")
    print(f"make_batch: {count} items from {len(base)} distinct articles -> {args.output}")


if __name__ == "__main__":
    main()
