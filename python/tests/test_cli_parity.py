"""The package and the CLI give the same results on the bundled seeds."""

import json

import pytest

from test_api import fill_tsv

import brief


def test_summaries_equal_the_cli_on_every_seed(seeds, cli):
    for path, text in seeds:
        expected = json.loads(cli("summarize", "--format", "json", path))
        got = brief.summarize(text)
        assert [(s["text"], s["doc"], s["byte_start"], s["byte_end"], s["score"]) for s in got] == [
            (s["text"], s["doc"], s["start"], s["end"], s["score"]) for s in expected["summary"]
        ], path.name
        # The character offsets point at the same sentence in the str.
        assert all(text[s["start"]:s["end"]] == s["text"] for s in got), path.name


def test_length_and_algorithm_options_equal_the_cli(seeds, cli):
    path, text = seeds[0]
    for args, kwargs in [
        (["--words", "40"], {"words": 40}),
        (["--chars", "300"], {"chars": 300}),
        (["--ratio", "0.3", "--algorithm", "lexrank"], {"ratio": 0.3, "algorithm": "lexrank"}),
        (["--sentences", "2", "--order", "rank"], {"sentences": 2, "order": "rank"}),
        (["--query", "Aleppo negotiations"], {"query": "Aleppo negotiations"}),
    ]:
        expected = json.loads(cli("summarize", "--format", "json", *args, path))
        got = brief.summarize(text, **kwargs)
        assert [s["text"] for s in got] == [s["text"] for s in expected["summary"]], args


def test_a_cluster_equals_the_cli_with_several_files(seeds, cli):
    english = [(p, t) for p, t in seeds if p.name.startswith("en-")]
    expected = json.loads(cli("summarize", "--format", "json", "--words", "80", *[p for p, _ in english]))
    got = brief.summarize([t for _, t in english], words=80)
    assert [(s["text"], s["doc"]) for s in got] == [(s["text"], s["doc"]) for s in expected["summary"]]


def test_batch_lines_equal_the_cli_jsonl_byte_for_byte(seeds, cli, tmp_path):
    items = [{"id": p.stem, "text": t} for p, t in seeds]
    items.append({"id": 7, "documents": [t for p, t in seeds if p.name.startswith("ru-")]})
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    expected = cli("summarize", "--input", "jsonl", "--format", "jsonl", "--words", "60", batch)
    got = brief.summarize_many(items, words=60, as_jsonl=True)
    assert "".join(line + "\n" for line in got).encode("utf-8") == expected
    records = brief.summarize_many(items, words=60)
    assert [r["id"] for r in records] == [str(i["id"]) for i in items]


def test_detect_and_segment_equal_the_cli(seeds, cli):
    for path, text in seeds:
        expected = json.loads(cli("detect", "--format", "jsonl", path))
        got = brief.detect(text)
        assert {k: expected[k] for k in ("lang", "confidence", "script", "method")} == got
        expected = json.loads(cli("segment", "--format", "json", path))[0]
        got = brief.segment(text)
        assert [(s["text"], s["byte_start"], s["byte_end"]) for s in got] == [
            (s["text"], s["start"], s["end"]) for s in expected["sentences"]
        ], path.name


def test_export_files_equal_the_cli_byte_for_byte(seeds, cli, tmp_path):
    for i, (path, text) in enumerate(seeds):
        out = tmp_path / f"cli{i}"
        cli("export", "--to", "fa,ru-RU", "--format", "xliff20,xliff12,tmx,tsv,jsonl", "--words", "70",
            "--out-dir", out, path)
        got = brief.export(text, to=["fa", "ru-RU"], formats=["xliff20", "xliff12", "tmx", "tsv", "jsonl"],
                           words=70, names=[str(path)])
        assert sorted(got) == sorted(p.name for p in out.iterdir()), path.name
        for name, contents in got.items():
            assert contents == (out / name).read_bytes(), f"{path.name}: {name}"


def test_merge_equals_the_cli(seeds, cli, tmp_path):
    path, text = seeds[0]
    files = brief.export(text, to="fa", formats="tsv", names=[str(path)])
    name = "brief.fa.tsv"
    translated = tmp_path / name
    translated.write_bytes(fill_tsv(files[name]))
    expected = json.loads(cli("merge", "--format", "json", translated))
    got = brief.merge([translated])
    for problem in got["problems"]:
        del problem["message"]
    # What the CLI tells on stderr rather than in its JSON.
    assert got.pop("checks") == []
    assert got.pop("reference") is None
    # The count the CLI exits with 1 on (merge's problems without --strict).
    assert got.pop("problem_count") == len(expected["problems"])
    assert got == expected


def _cli_batch_files(cli, out, batch, *args):
    cli("export", "--input", "jsonl", *args, "--out-dir", out, batch)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_export_many_files_equal_the_cli_batch_byte_for_byte(seeds, cli, tmp_path):
    # Ids the file names must not shorten (a directory part, a `#`), a
    # cluster, an item with a query, one with no sentence, every seed language.
    items = [{"id": f"desk/{p.stem}", "text": t} for p, t in seeds]
    items.append({"id": "wire#7", "documents": [t for p, t in seeds if p.name.startswith("ru-")]})
    items.append({"id": 9, "text": seeds[0][1], "query": "Aleppo negotiations"})
    items.append({"id": "blank", "text": ""})
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    formats = ["xliff20", "xliff12", "tmx", "tsv", "jsonl"]
    for i, (args, kwargs) in enumerate([
        (["--to", "fa,ru-RU", "--words", "70"], {"to": ["fa", "ru-RU"], "words": 70}),
        (["--to", "fa", "--sentences", "2", "--target", "source"], {"to": "fa", "sentences": 2, "target": "source"}),
        (["--to", "fa,ru", "--source-tag", "en-GB"], {"to": ["fa", "ru"], "source_tag": "en-GB"}),
    ]):
        expected = _cli_batch_files(cli, tmp_path / f"cli{i}", batch, "--format", ",".join(formats), *args)
        records, got = brief.export_many(items, formats=formats, **kwargs)
        assert [r["id"] for r in records] == [str(item["id"]) for item in items]
        assert sorted(got) == sorted(expected), args
        for name, contents in expected.items():
            assert got[name] == contents, f"{args}: {name}"


def test_export_many_refuses_a_repeated_id_as_the_cli_does(seeds):
    items = [{"id": "a", "text": seeds[0][1]}, {"id": "a", "text": seeds[1][1]}]
    with pytest.raises(brief.ItemError, match=r"<items>:2: duplicate item id"):
        brief.export_many(items, to="fa", formats="tsv")
