"""Summarize a JSONL dataset of news articles with Apache Spark and export the
briefs for translation, with the brief Python package on every executor.

Input: JSONL lines in the CLI's batch layout, ``{"id", "text"}`` (or
``{"id", "documents": [...]}`` for a cluster of articles, with optional
``"lang"`` and ``"query"``): one file, a directory of them, or a glob; any
path Spark reads (local, HDFS, S3 with the right connector). The files are
read as bytes and every line is prepared and parsed by brief exactly as
``brief summarize --input jsonl`` does: a line that is not UTF-8 (a
windows-1251 file, say) stops the job with brief's message naming the file
and line, as the CLI refuses it; a byte-order mark, ``\r\n`` line ends,
blank lines and trailing white space are accepted as the CLI accepts them.
Each file is read whole by one task and then split into chunks of
``--batch`` lines spread over ``--partitions`` tasks, in order (split
inputs larger than an executor's memory into several files).

Output, under OUTPUT:

- ``briefs/part-NNNNN``: one JSON line per article, byte for byte what
  ``brief summarize --input jsonl --format jsonl`` prints for it, in input
  order (concatenate the parts in name order);
- ``xliff/part-NNNNN[-K]/<lang>/brief.<target>.<format>...``: per chunk of a
  partition, the briefs of its articles exported for translation (one file
  per source language, target and format; segment ids ``s1..sN`` per file,
  documents named ``<id>#0``). Executors write these files themselves, so
  on a cluster ``--files-dir`` must be a filesystem that every executor
  (and the driver) mounts (NFS, a FUSE-mounted bucket, ``/dbfs``...);
  ``--no-export`` skips them.

OUTPUT must not exist and ``--files-dir`` must be missing or empty: a rerun
says so in one line and writes nothing. ``--force`` deletes both first, so
the files of two runs are never mixed.

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
                   help="tasks the chunks of --batch lines are spread over, in order "
                   "(default: Spark's default parallelism)")
    p.add_argument("--batch", type=int, default=256,
                   help="articles handed to brief per call inside a partition (bounds executor memory)")
    p.add_argument("--force", action="store_true",
                   help="delete OUTPUT and --files-dir first when they exist (never mixes two runs)")
    return p.parse_args(argv)


def split_file(batch):
    """(path, bytes) of one input file into chunks ``((path, first line),
    [line bytes])`` of at most ``batch`` lines, numbered from 1 as the CLI
    numbers a batch's lines (blank lines are kept: brief skips them)."""

    def run(record):
        path, data = record
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()  # the end of the last line, not a line
        for start in range(0, len(lines), batch):
            yield (path, start + 1), lines[start:start + batch]

    return run


def summarize_partition(settings):
    """The function run by mapPartitionsWithIndex on the executors."""

    def run(index, chunks):
        # brief's batches use a thread pool sized on first use: one thread per
        # core Spark gave the task, so that tasks do not fight for cores.
        os.environ.setdefault("RAYON_NUM_THREADS", str(settings["task_cpus"]))
        import brief

        config = brief.Config.from_toml(settings["config_toml"], settings["config_name"]) \
            if settings["config_toml"] is not None else None
        kwargs = dict(settings["summary"], config=config, as_jsonl=True)
        files_dir = settings["files_dir"]
        part_dir = None if files_dir is None else os.path.join(files_dir, f"part-{index:05d}")
        for chunk_no, ((path, first_line), lines) in enumerate(chunks):
            # bytes items are JSONL lines, prepared and parsed by the library
            # exactly as the CLI reads a line of its batch; messages name the
            # file and line.
            where = dict(source=path, first_line=first_line)
            if part_dir is None:
                records = brief.summarize_many(lines, **where, **kwargs)
            else:
                # Each chunk gets its own directory: segment ids run s1..sN
                # per file, and memory per call stays bounded. A retried task
                # writes the same bytes again, hence force (the directory was
                # empty when the run began).
                out = part_dir if chunk_no == 0 else f"{part_dir}-{chunk_no}"
                records, _ = brief.export_many(
                    lines, to=settings["to"], formats=settings["formats"], out_dir=out, force=True,
                    **where, **kwargs
                )
            yield from records

    return run


def fail(message, code):
    print(f"brief_spark: {message}", file=sys.stderr)
    sys.exit(code)


def local_path(path):
    """The local path of ``path`` (no scheme, or ``file:``), else None."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if path.startswith("file:"):
        return path[len("file:"):]
    return None if "://" in path else path


def exists_message(output):
    return f"{output} already exists (a previous run?); give a new OUTPUT, or --force to replace it"


def prepare_outputs(sc, args, files_dir):
    """Refuses (one line, exit 2) an existing OUTPUT or a non-empty
    --files-dir, or with --force deletes them, so that no run mixes its
    files with another's. Local paths are looked at before Spark starts
    (``sc`` None), others through Spark's filesystem client."""
    local = local_path(args.output)
    if sc is None and local is not None and os.path.lexists(local):
        if not args.force:
            fail(exists_message(args.output), 2)
        import shutil

        shutil.rmtree(local) if os.path.isdir(local) and not os.path.islink(local) else os.remove(local)
    if sc is not None and local is None:
        jvm = sc._jvm
        out = jvm.org.apache.hadoop.fs.Path(args.output)
        fs = out.getFileSystem(sc._jsc.hadoopConfiguration())
        if fs.exists(out):
            if not args.force:
                fail(exists_message(args.output), 2)
            fs.delete(out, True)
    if sc is None and files_dir is not None and os.path.exists(files_dir):
        if not os.path.isdir(files_dir):
            fail(f"--files-dir {files_dir} is not a directory", 2)
        if os.listdir(files_dir):
            if not args.force:
                fail(f"--files-dir {files_dir} is not empty (a previous run?); give an empty one, "
                     "or --force to delete its files first", 2)
            import shutil

            shutil.rmtree(files_dir)


def brief_error(e):
    """The brief exception a failed Spark job carries, as one line, if any."""
    for line in reversed(str(e).splitlines()):
        line = line.strip()
        if line.startswith("brief.errors."):
            return line[len("brief.errors."):]
    return None


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    files_dir = None
    if not args.no_export:
        files_dir = args.files_dir or os.path.join(args.output, "xliff")
    prepare_outputs(None, args, files_dir)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("brief").getOrCreate()
    sc = spark.sparkContext
    config_toml = None
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config_toml = f.read()
    summary = {k: getattr(args, k) for k in ("sentences", "words", "chars", "bytes", "ratio", "algorithm", "lang")
               if getattr(args, k) is not None}
    prepare_outputs(sc, args, files_dir)
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
    # Bytes, not sc.textFile: the JVM would turn a malformed line into
    # U+FFFD before brief could refuse it.
    files = sc.binaryFiles(args.input)
    partitions = args.partitions or sc.defaultParallelism
    chunks = files.flatMap(split_file(settings["batch"])).sortByKey(numPartitions=partitions)
    briefs = chunks.mapPartitionsWithIndex(summarize_partition(settings))
    started = time.perf_counter()
    try:
        briefs.saveAsTextFile(os.path.join(args.output, "briefs"))
    except Exception as e:  # a Py4JJavaError carrying the executor's exception
        message = brief_error(e)
        if message is None:
            raise
        spark.stop()
        fail(message, 1)
    elapsed = time.perf_counter() - started
    count = sc.textFile(os.path.join(args.output, "briefs")).count()
    print(
        f"brief_spark: {count} articles in {chunks.getNumPartitions()} partition(s), "
        f"{elapsed:.2f} s, {count / elapsed if elapsed > 0 else 0:.1f} articles/s "
        f"(master {sc.master}, default parallelism {sc.defaultParallelism})",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
