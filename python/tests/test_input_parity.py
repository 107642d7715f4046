"""Every entry point prepares its input as the CLI does (issue 26): the same
bytes give the same brief, the same export files (byte for byte), or the
same refusal, whatever the input's shape (see the parity table in
python/README.md)."""

import json
import re

import pytest

import brief

FORMATS = ["xliff20", "xliff12", "tmx", "tsv", "jsonl"]


def _english(seeds):
    return next(t for p, t in seeds if p.name == "en-putin-assad-aleppo.txt")


def _page(text):
    """A web page whose article is ``text``'s paragraphs, with furniture
    around it that the extraction drops."""
    lines = [line for line in text.splitlines() if line.strip()]
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Wire</title></head>\n"
        "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
        f"<article><h1>{lines[0]}</h1>\n{paragraphs}</article>\n"
        "<footer>Copyright the wire service. All rights reserved.</footer></body></html>\n"
    )


def _shapes(seeds):
    """(name, bytes) of every single-document shape the CLI reads as a file."""
    text = _english(seeds)
    russian = next(t for p, t in seeds if p.name.startswith("ru-"))
    return [
        ("plain.txt", text.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("crlf.txt", text.replace("\n", "\r\n").encode("utf-8")),
        ("bom-crlf.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
        ("utf16.txt", b"\xff\xfe" + russian.encode("utf-16-le")),
        ("page.txt", _page(text).encode("utf-8")),  # an HTML page, told by its content
        ("page-bom.txt", b"\xef\xbb\xbf" + _page(text).encode("utf-8")),
        ("russian.txt", russian.encode("utf-8")),
    ]


def _as_str(data):
    """The str a Python user holds for these bytes (``open(...).read()``
    with newline="" keeps the line ends)."""
    if data.startswith(b"\xff\xfe"):
        return data.decode("utf-16")  # drops the BOM, as Python does
    return data.decode("utf-8")  # keeps a BOM as U+FEFF


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_summarize_equals_the_cli_on_every_input_shape(seeds, cli, tmp_path, as_bytes):
    for name, data in _shapes(seeds):
        path = tmp_path / name
        path.write_bytes(data)
        expected = json.loads(cli("summarize", "--format", "json", "--words", "70", path))
        value = data if as_bytes else _as_str(data)
        got = brief.summarize(value, words=70)
        assert [s["text"] for s in got] == [s["text"] for s in expected["summary"]], name
        assert [s["byte_start"] for s in got] == [s["start"] for s in expected["summary"]], name
        # summarize_many: a str (or bytes) item is prepared as a file too.
        records = brief.summarize_many([("x", value)], words=70)
        assert [s["text"] for s in records[0]["summary"]] == [s["text"] for s in expected["summary"]], name


def test_detect_segment_and_prepare_text_equal_the_cli(seeds, cli, tmp_path):
    for name, data in _shapes(seeds):
        path = tmp_path / name
        path.write_bytes(data)
        expected = json.loads(cli("detect", "--format", "jsonl", path))
        got = brief.detect(data)
        assert {k: expected[k] for k in ("lang", "confidence", "script", "method")} == got, name
        expected = json.loads(cli("segment", "--format", "json", path))[0]
        for value in (data, _as_str(data)):
            got = brief.segment(value)
            assert [(s["text"], s["byte_start"]) for s in got] == [
                (s["text"], s["start"]) for s in expected["sentences"]
            ], name
            prepared = brief.prepare_text(value)
            assert all(prepared[s["start"]:s["end"]] == s["text"] for s in got), name
        assert not brief.prepare_text(data).startswith("\ufeff"), name
        assert "<p>" not in brief.prepare_text(data), name


def test_export_files_equal_the_cli_on_every_input_shape(seeds, cli, tmp_path):
    for i, (name, data) in enumerate(_shapes(seeds)):
        path = tmp_path / name
        path.write_bytes(data)
        out = tmp_path / f"cli{i}"
        cli("export", "--to", "fa,ru-RU", "--format", ",".join(FORMATS), "--words", "70", "--out-dir", out, path)
        for value in (data, _as_str(data)):
            got = brief.export(value, to=["fa", "ru-RU"], formats=FORMATS, words=70, names=[str(path)])
            assert sorted(got) == sorted(p.name for p in out.iterdir()), name
            for file_name, contents in got.items():
                assert contents == (out / file_name).read_bytes(), f"{name}: {file_name}"


def _tree(root):
    """{relative name: bytes} of the files under ``root``, and ``name/``:
    b"" for each empty directory."""
    tree = {}
    for p in sorted(root.rglob("*")):
        name = p.relative_to(root).as_posix()
        if p.is_file():
            tree[name] = p.read_bytes()
        elif not any(p.iterdir()):
            tree[name + "/"] = b""
    return tree


def test_export_omegat_equals_the_cli(seeds, cli, tmp_path):
    path = seeds[0][0]
    out = tmp_path / "cli"
    cli("export", "--to", "fa,ru", "--format", "omegat,tsv", "--out-dir", out, path)
    expected = _tree(out)
    got = brief.export(path.read_bytes(), to=["fa", "ru"], formats=["omegat", "tsv"], names=[str(path)],
                       out_dir=tmp_path / "py")
    assert any(name.startswith("brief.fa.omegat/") for name in got), sorted(got)
    assert got == expected
    assert _tree(tmp_path / "py") == expected


def _cli_refusal(cli, *args):
    code, _, err = cli(*args, code=None)
    assert code != 0, args
    return err


def test_windows_1251_bytes_are_refused_as_the_cli_refuses_them(cli, tmp_path):
    data = "Президент России провёл переговоры. Стороны обсудили бюджет.\n".encode("windows-1251")
    path = tmp_path / "cp1251.txt"
    path.write_bytes(data)
    err = _cli_refusal(cli, "summarize", path)
    at = re.search(r"invalid UTF-8 at byte (\d+)", err).group(1)
    for call in (
        lambda: brief.summarize(data),
        lambda: brief.summarize_many([("a", data)]),
        lambda: brief.export(data, to="fa", formats="tsv"),
        lambda: brief.detect(data),
        lambda: brief.segment(data),
        lambda: brief.prepare_text(data),
    ):
        with pytest.raises(brief.EncodingError, match=rf"invalid UTF-8 at byte {at} \(use encoding="):
            call()
    # Named, as --encoding names it, it is read.
    cli_text = cli("--encoding", "windows-1251", "summarize", path)
    got = brief.summarize(data, encoding="windows-1251")
    assert "\n".join(s["text"] for s in got) + "\n" == cli_text.decode("utf-8")


def test_the_input_limit_is_the_clis(seeds, cli, tmp_path):
    text = _english(seeds)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert brief.DEFAULT_MAX_INPUT == 256 << 20
    err = _cli_refusal(cli, "--max-input", "1K", "summarize", path)
    assert "larger than the input limit" in err
    for value in (text, text.encode("utf-8")):
        with pytest.raises(brief.InputError, match="larger than the input limit"):
            brief.summarize(value, max_input=1024)
        with pytest.raises(brief.InputError, match="larger than the input limit"):
            brief.summarize_many([("a", value)], max_input=1024)
        with pytest.raises(brief.InputError, match="larger than the input limit"):
            brief.export(value, to="fa", formats="tsv", max_input=1024)
    # A batch line longer than the limit, as the CLI's.
    line = json.dumps({"id": "a", "text": text}).encode("utf-8")
    with pytest.raises(brief.ItemError, match=r"<items>:1: line longer than the input limit"):
        brief.summarize_many([line], max_input=1024)
    assert brief.summarize(text, max_input=len(text.encode("utf-8")))


def _batch_lines(seeds):
    """JSONL lines (bytes, without \\n) of every shape the CLI accepts."""
    texts = [t for _, t in seeds]
    line = lambda item: json.dumps(item, ensure_ascii=False).encode("utf-8")  # noqa: E731
    return [
        b"\xef\xbb\xbf" + line({"id": "bom", "text": texts[0]}),
        line({"id": "crlf", "text": texts[1]}) + b"\r",
        b"",
        b"   \t",
        line({"id": "nbsp", "text": texts[2]}) + "\u00a0".encode("utf-8"),
        b"  " + line({"id": 42, "text": texts[3], "lang": "fa"}) + b"  ",
        line({"id": "page", "html": _page(texts[0])}),
        line({"id": "cluster", "documents": texts[4:6]}) + b"\r",
        "\u00a0".encode("utf-8"),
        line({"id": "query", "text": texts[0], "query": "Aleppo negotiations"}),
        line({"id": "empty", "text": ""}),
    ]


def test_batch_lines_of_every_shape_equal_the_cli(seeds, cli, tmp_path):
    lines = _batch_lines(seeds)
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    expected = cli("summarize", "--input", "jsonl", "--format", "jsonl", "--words", "60", batch)
    got = brief.summarize_many(lines, words=60, as_jsonl=True)
    assert "".join(r + "\n" for r in got).encode("utf-8") == expected
    # Blank lines give no record, as in the CLI.
    assert len(got) == len([line for line in lines if line.strip(b" \t\r\xc2\xa0")])
    # The same items as mappings (JSONL items) give the same lines.
    mappings = [json.loads(line.decode("utf-8-sig").strip()) for line in lines if line.strip(b" \t\r\xc2\xa0")]
    assert brief.summarize_many(mappings, words=60, as_jsonl=True) == got
    # Export: byte for byte.
    out = tmp_path / "cli"
    cli("export", "--input", "jsonl", "--to", "fa,ru", "--format", ",".join(FORMATS), "--words", "60",
        "--out-dir", out, batch)
    expected_files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    records, files = brief.export_many(lines, to=["fa", "ru"], formats=FORMATS, words=60, as_jsonl=True)
    assert records == got
    assert sorted(files) == sorted(expected_files)
    for name, contents in expected_files.items():
        assert files[name] == contents, name


def test_a_bad_batch_is_refused_naming_its_first_bad_line_as_the_cli(seeds, cli, tmp_path):
    good = [json.dumps({"id": f"a{i}", "text": seeds[0][1]}).encode("utf-8") for i in range(610)]
    lines = good[:600]  # more than one chunk of items before the bad ones
    lines += [b'{"id": "b", "text": "\xe0\xe1"}', b"{not json", b'{"id": "c"}']
    lines += good[600:]
    batch = tmp_path / "bad.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    err = _cli_refusal(cli, "summarize", "--input", "jsonl", "--format", "jsonl", batch)
    assert f"{batch}:601: invalid UTF-8 at byte" in err
    messages = set()
    for _ in range(5):
        with pytest.raises(brief.ItemError) as e:
            brief.summarize_many(lines, source=str(batch))
        messages.add(str(e.value))
    assert len(messages) == 1, messages
    (message,) = messages
    assert message in err, (message, err)
    with pytest.raises(brief.ItemError, match=r"^<items>:601: invalid UTF-8"):
        brief.export_many(lines, to="fa", formats="tsv")
    # first_line numbers a chunk of a file, as the Spark recipe gives it.
    with pytest.raises(brief.ItemError, match=r"^f.jsonl:1001: invalid UTF-8"):
        brief.summarize_many(lines[600:], source="f.jsonl", first_line=1001)


@pytest.mark.parametrize(
    "call, error, argument",
    [
        (lambda t: brief.summarize({"id": "a1", "text": t}), TypeError, "text_or_texts"),
        (lambda t: brief.export({"id": "a1", "text": t}, to="fa"), TypeError, "text_or_texts"),
        (lambda t: brief.summarize([t, {"text": t}]), TypeError, r"text_or_texts\[1\]"),
        (lambda t: brief.summarize_many({"id": "a", "text": t}), TypeError, "items"),
        (lambda t: brief.summarize_many([t, 7]), TypeError, r"items\[1\]"),
        (lambda t: brief.summarize_many([(t, t, t)]), TypeError, r"items\[0\]"),
        (lambda t: brief.summarize_many([({"x": 1}, t)]), TypeError, r"items\[0\]\[0\]"),
        (lambda t: brief.detect_many({"a": t}), TypeError, "texts"),
        (lambda t: brief.segment({"a": t}), TypeError, "text"),
        (lambda t: brief.export(t, to=[]), ValueError, "to is empty"),
        (lambda t: brief.export(t, formats=[]), ValueError, "formats is empty"),
        (lambda t: brief.export(t, to=""), ValueError, "to is empty"),
        (lambda t: brief.export_many([t], to=[]), ValueError, "to is empty"),
        (lambda t: brief.export_many([t], to="fa", formats=[]), ValueError, "formats is empty"),
        (lambda t: brief.export(t, to={"fa": 1}), TypeError, "to"),
        (lambda t: brief.export(t, to="fa", formats=["tsv", 3]), TypeError, r"formats\[1\]"),
        (lambda t: brief.summarize(t, max_input="1K"), TypeError, "max_input"),
        (lambda t: brief.summarize(t, max_input=0), ValueError, "max_input"),
        (lambda t: brief.summarize(t, keep="yes"), TypeError, "keep"),
        (lambda t: brief.summarize_many([t], as_jsonl=1), TypeError, "as_jsonl"),
        (lambda t: brief.summarize(t, html="no"), TypeError, "html"),
        (lambda t: brief.summarize(t, encoding="klingon"), ValueError, "encoding"),
        (lambda t: brief.summarize(t, names={"a": 1}), TypeError, "names"),
        (lambda t: brief.export(t, to="fa", force=1, out_dir=None), TypeError, "force"),
    ],
)
def test_arguments_are_checked_as_strictly_as_the_clis_flags(seeds, call, error, argument):
    with pytest.raises(error, match=argument):
        call(seeds[0][1])


@pytest.mark.parametrize("name", ["docx", "xliff", "omega t", "omegat-"])
def test_an_unknown_format_is_refused_in_the_clis_words(seeds, cli, tmp_path, name):
    # Regression: the CLI's refusal named "(or omegat)", Python's did not
    # (the message is now made by the library for both).
    path = tmp_path / "a.txt"
    path.write_text(_english(seeds), encoding="utf-8")
    code, _, err = cli("export", "--to", "fa", "--format", f"tsv,{name}", "--out-dir", tmp_path / "out", path,
                       code=None)
    with pytest.raises(brief.InvalidSettingError) as caught:
        brief.export(_english(seeds), to="fa", formats=["tsv", name], out_dir=tmp_path / "py")
    message = str(caught.value)
    assert code == 2 and caught.value.exit_code == 2
    assert message.endswith("(or omegat)") and message in err, (message, err)
    assert not (tmp_path / "out").exists() and not (tmp_path / "py").exists()
