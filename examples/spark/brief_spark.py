"""Summarize a JSONL dataset of news articles with Apache Spark and export the
briefs for translation, with the brief Python package on every executor.

Input: JSONL lines in the CLI's batch layout, ``{"id", "text"}`` (or
``{"id", "documents": [...]}`` for a cluster of articles, with optional
``"lang"`` and ``"query"``): one file, a directory of them, or a glob; any
path Spark reads (local, HDFS, S3 with the right connector).

Output, under OUTPUT:

- ``briefs/part-NNNNN``: one JSON line per article, byte for byte what
  ``brief summarize --input jsonl --format jsonl`` prints for it, in input
  order (concatenate the parts in name order);
- ``xliff/part-NNNNN/<lang>/brief.<target>.<format>...``: per partition, the
  briefs of its articles exported for translation (one file per source
  language, target and format; segment ids ``s1..sN`` per file, documents
  named ``<id>#0``). Executors write these files themselves, so on a cluster
  ``--files-dir`` must be a filesystem that every executor mounts (NFS,
  a FUSE-mounted bucket, ``/dbfs``...); ``--no-export`` skips them.

    spark-submit --master 'local[2]' examples/spark/brief_spark.py \\
        articles.jsonl out --words 85 --to fa,ru --formats xliff20

The same command runs on a cluster with ``--master yarn`` (or
``spark://...``, ``k8s://...``) once the brief wheel is installed on the
executors or shipped with ``--archives``; see docs/scaling.md.
"""

import argparse
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL file, directory or glob")
    p.add_argument("output", help="output directory (must not exist)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int)
    length.add_argument("--words", type=int)
    length.add_argument("--chars", type=int)
    length.add_argument("--bytes", type=int)
    length.add_argument("--ratio", type=float)
    p.add_argument("--algorithm")
    p.add_argument("--lang", help="language of every article (ISO 639), instead of detection")
    p.add_argument("--config", help="brief TOML configuration, read on the driver and shipped to the executors")
    p.add_argument("--to", default=None, help="target languages for export, comma-separated (default: [export] targets)")
    p.add_argument("--formats", default="xliff20", help="export formats, comma-separated (default: xliff20)")
    p.add_argument("--files-dir", help="where executors write the export files (default: OUTPUT/xliff, "
                   "which must then be a path every executor can write)")
    p.add_argument("--no-export", action="store_true", help="write the briefs only")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum number of input partitions (default: Spark's, about one per 32 MiB block)")
    p.add_argument("--batch", type=int, default=256,
                   help="articles handed to brief per call inside a partition (bounds executor memory)")
    return p.parse_args(argv)


def summarize_partition(settings):
    """The function run by mapPartitionsWithIndex on the executors."""

    def run(index, lines):
        # brief's batches use a thread pool sized on first use: one thread per
        # core Spark gave the task, so that tasks do not fight for cores.
        os.environ.setdefault("RAYON_NUM_THREADS", str(settings["task_cpus"]))
        import brief

        config = brief.Config.from_toml(settings["config_toml"], settings["config_name"]) \
            if settings["config_toml"] is not None else None
        kwargs = dict(settings["summary"], config=config, as_jsonl=True)
        files_dir = settings["files_dir"]
        part_dir = None if files_dir is None else os.path.join(files_dir, f"part-{index:05d}")
        chunk = []
        chunk_no = 0

        def flush():
            nonlocal chunk_no
            if part_dir is None:
                records = brief.summarize_many(chunk, **kwargs)
            else:
                # Each chunk of a partition gets its own directory: segment ids
                # run s1..sN per file, and memory per call stays bounded. A
                # retried task writes the same bytes again, hence force.
                out = part_dir if chunk_no == 0 else f"{part_dir}-{chunk_no}"
                records, _ = brief.export_many(
                    chunk, to=settings["to"], formats=settings["formats"], out_dir=out, force=True, **kwargs
                )
            chunk_no += 1
            return records

        for line in lines:
            if not line.strip():
                continue
            # A bytes item is one JSONL line, parsed by the library exactly as
            # the CLI parses a line of its batch.
            chunk.append(line.encode("utf-8"))
            if len(chunk) >= settings["batch"]:
                yield from flush()
                chunk = []
        if chunk:
            yield from flush()

    return run


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("brief").getOrCreate()
    sc = spark.sparkContext
    config_toml = None
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config_toml = f.read()
    summary = {k: getattr(args, k) for k in ("sentences", "words", "chars", "bytes", "ratio", "algorithm", "lang")
               if getattr(args, k) is not None}
    files_dir = None
    if not args.no_export:
        files_dir = args.files_dir or os.path.join(args.output, "xliff")
    settings = {
        "summary": summary,
        "config_toml": config_toml,
        "config_name": args.config,
        "to": args.to.split(",") if args.to else None,
        "formats": args.formats.split(","),
        "files_dir": files_dir,
        "batch": max(1, args.batch),
        "task_cpus": int(sc.getConf().get("spark.task.cpus", "1")),
    }
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    briefs = lines.mapPartitionsWithIndex(summarize_partition(settings))
    started = time.perf_counter()
    briefs.saveAsTextFile(os.path.join(args.output, "briefs"))
    elapsed = time.perf_counter() - started
    count = sc.textFile(os.path.join(args.output, "briefs")).count()
    print(
        f"brief_spark: {count} articles in {lines.getNumPartitions()} partition(s), "
        f"{elapsed:.2f} s, {count / elapsed if elapsed > 0 else 0:.1f} articles/s "
        f"(master {sc.master}, default parallelism {sc.defaultParallelism})",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
