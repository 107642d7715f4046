"""Python answers as the CLI does, on hostile variants generated here: every
job the package exposes is driven through Python and through ``brief`` on
the same bytes, and both must give the same result, or both refuse with the
same message (the CLI's after ``brief: ``) and the documented mapping: a
refusal is a ``brief.Error`` whose ``exit_code`` is the CLI's (2), a bad
argument a ``TypeError``/``ValueError`` where the CLI's flag parser exits
with 2, and problems found in the data (merge, check) are returned where
the CLI exits with 1 (python/README.md, "Errors and exit codes").

The variants are built from the bundled seeds by transformations (encodings,
line ends, control characters, HTML, emoji), from generated option values
(lengths 0, 1, huge, over 64 bits; ratios; algorithm and language codes),
generated configurations, generated bad batch lines at several positions
(inside and past the first chunk of items), file names with control and
non-ASCII characters, existing output sets, and wrong translation work.
"""

import itertools
import json
import math
import os
import re
import shutil
import subprocess
import warnings

import pytest

from test_api import fill_tsv
from test_translate import server  # noqa: F401 (a fixture: the LibreTranslate stand-in)

import brief

SEED_EN = "en-putin-assad-aleppo.txt"
SEED_FA = "fa-rainfall-dams.txt"
SEED_RU = "ru-city-budget-transport.txt"


def _seed(seeds, name):
    return next(t for p, t in seeds if p.name == name)


def _page(text, headline=None):
    lines = [line for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    return (
        "<!DOCTYPE html>\n<html><head><title>Wire</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{headline or lines[0]}</h1>\n{body}</article></body></html>\n"
    )


def _emoji(text):
    """Emoji (with a modifier and a flag) after the first sentence ends."""
    return text.replace(". ", ". 🌧️👍🏽 ", 2).replace(".\n", ". 🇮🇷\n", 1)


# Transformations of a seed's text into the bytes of a file.
TRANSFORMS = {
    "utf8": lambda t: t.encode("utf-8"),
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "utf16le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf16be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf16le-no-bom": lambda t: t.encode("utf-16-le"),
    "cp1251": lambda t: t.encode("windows-1251", "replace"),
    "truncated": lambda t: t.encode("utf-8")[:-1] + b"\xe2\x80",
    "nul": lambda t: t.replace(" ", "\x00 ", 3).encode("utf-8"),
    "controls": lambda t: t.replace(" ", " \x1b[31m", 2).replace(".", ".\x07", 1).encode("utf-8"),
    "html": lambda t: _page(t).encode("utf-8"),
    "html-bom": lambda t: b"\xef\xbb\xbf" + _page(t).encode("utf-8"),
    "emoji": lambda t: _emoji(t).encode("utf-8"),
    "nbsp-zwnj": lambda t: t.replace(" ", "\u00a0", 5).replace("ی", "ی\u200c", 3).encode("utf-8"),
    "empty": lambda t: b"",
    "blank": lambda t: b" \n\t\r\n  ",
    "bom-only": lambda t: b"\xef\xbb\xbf",
}

INPUT_VARIANTS = [
    (seed, transform)
    for seed, transform in itertools.product((SEED_EN, SEED_FA, SEED_RU), TRANSFORMS)
    if not (transform in ("empty", "blank", "bom-only") and seed != SEED_EN)
]


def _cli_message(err):
    """The CLI's error message: its last ``brief: `` line, without it."""
    lines = [line for line in err.splitlines() if line.startswith("brief: ")]
    assert lines, err
    return lines[-1][len("brief: "):]


def _python_message(message):
    """A message of the package in the CLI's words (the one flag the
    package names by its keyword)."""
    return message.replace("encoding=", "--encoding")


def _run(call):
    """("ok", result) or ("error", exception)."""
    try:
        return "ok", call()
    except (brief.Error, TypeError, ValueError) as e:
        return "error", e


def _same_refusal(code, err, exc, name=None, python_name=None):
    """Both refused: the CLI with exit code 2, Python with a brief.Error of
    that exit code and the CLI's message (file names as each was told)."""
    assert code == 2, err
    assert isinstance(exc, brief.Error), repr(exc)
    assert exc.exit_code == code
    expected = _cli_message(err)
    got = _python_message(str(exc))
    if name is not None:
        expected = expected.replace(name, "<input>")
        python_name = python_name or name
        if got.startswith(python_name):
            got = "<input>" + got[len(python_name):]
        got = got.replace(name, "<input>")
    assert got == expected, (got, expected)


@pytest.mark.parametrize("seed, transform", INPUT_VARIANTS, ids=[f"{s[:2]}-{t}" for s, t in INPUT_VARIANTS])
def test_every_job_reads_a_file_as_the_cli(seeds, cli, tmp_path, seed, transform):
    data = TRANSFORMS[transform](_seed(seeds, seed))
    path = tmp_path / f"{transform}.txt"
    path.write_bytes(data)
    name = str(path)

    code, out, err = cli("summarize", "--format", "json", "--words", "60", path, code=None)
    status, got = _run(lambda: brief.summarize(data, words=60, names=[name], keep=True))
    if code == 0:
        assert status == "ok", got
        expected = json.loads(out)
        record = got.record
        # Every field of the CLI's record, the CLI's byte offsets as
        # byte_start/byte_end.
        offsets = {"start": "byte_start", "end": "byte_end"}
        assert {k: record.get(k) for k in expected if k != "summary"} == {
            k: v for k, v in expected.items() if k != "summary"
        }
        assert [{k: s[offsets.get(k, k)] for k in e} for s, e in zip(record["summary"], expected["summary"])] == (
            expected["summary"]
        )
        assert len(record["summary"]) == len(expected["summary"])
        prepared = brief.prepare_text(data)
        encoded = prepared.encode("utf-8")
        for s in record["summary"]:
            # Characters and bytes point at the same sentence.
            assert prepared[s["start"]:s["end"]] == s["text"]
            assert encoded[s["byte_start"]:s["byte_end"]].decode("utf-8") == s["text"]
            assert len(prepared[: s["start"]].encode("utf-8")) == s["byte_start"]
    else:
        assert status == "error", f"CLI refused ({err}), Python did not"
        _same_refusal(code, err, got)

    code, out, err = cli("detect", "--format", "jsonl", path, code=None)
    status, got = _run(lambda: brief.detect(data))
    if code == 0:
        expected = json.loads(out)
        assert status == "ok" and got == {k: expected[k] for k in got}
    else:
        assert status == "error"
        _same_refusal(code, err, got, name, "text")

    code, out, err = cli("segment", "--format", "json", path, code=None)
    status, got = _run(lambda: brief.segment(data))
    if code == 0:
        expected = json.loads(out)[0]["sentences"]
        assert status == "ok"
        assert [(s["text"], s["byte_start"], s["byte_end"]) for s in got] == [
            (s["text"], s["start"], s["end"]) for s in expected
        ]
    else:
        assert status == "error"
        _same_refusal(code, err, got, name, "text")

    out_dir = tmp_path / "cli"
    code, _, err = cli("export", "--to", "fa,ru", "--format", "xliff20,tsv", "--words", "60",
                       "--out-dir", out_dir, path, code=None)
    status, got = _run(lambda: brief.export(data, to=["fa", "ru"], formats=["xliff20", "tsv"], words=60,
                                            names=[name]))
    if code == 0:
        assert status == "ok", got
        assert got == {p.name: p.read_bytes() for p in out_dir.iterdir()}
    else:
        assert status == "error", f"CLI refused ({err}), Python did not"
        _same_refusal(code, err, got)


def _lengths():
    """(CLI flags, keywords) of every length: zero, one, plenty, the
    largest 64-bit count, one more; ratios in and out of range."""
    for unit in ("sentences", "words", "chars", "bytes"):
        for value in (0, 1, 7, 10**12, (1 << 64) - 1, 1 << 64):
            yield [f"--{unit}", str(value)], {unit: value}
    for value in (0, 1e-9, 0.3, 1, 1.5, math.nan, math.inf):
        yield ["--ratio", repr(value) if not isinstance(value, int) else str(value)], {"ratio": value}


def _choices():
    for name in ("auto", "lead", "lexrank", "lexrank-threshold", "textrank", "position", "centroid",
                 "submodular", "LexRank", "page-rank", ""):
        yield ["--algorithm", name], {"algorithm": name}
    for order in ("document", "rank", "Rank", "random"):
        yield ["--order", order], {"order": order}
    for code in ("en", "EN", "ru", "fa", "xx", "zzz", "fa-IR", "english", "", "e1", " en", "en\x1b"):
        yield ["--lang", code], {"lang": code}
    for query in ("", "Aleppo negotiations", "\x1b[2J", "😀"):
        yield ["--query", query], {"query": query}


OPTION_VARIANTS = list(_lengths()) + list(_choices())


@pytest.mark.parametrize("args, kwargs", OPTION_VARIANTS, ids=[" ".join(a) for a, _ in OPTION_VARIANTS])
def test_options_give_the_clis_brief_or_its_refusal(seeds, cli, tmp_path, args, kwargs):
    text = _seed(seeds, SEED_EN)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    # `--opt=value`: a value that starts with "-" is the value, not a flag.
    flag = [f"{args[0]}={args[1]}"]
    code, out, err = cli("summarize", "--format", "json", *flag, path, code=None)
    status, got = _run(lambda: brief.summarize(text, **kwargs))
    if code == 0:
        assert status == "ok", got
        assert [s["text"] for s in got] == [s["text"] for s in json.loads(out)["summary"]]
        return
    assert status == "error", f"CLI refused ({err}), Python did not"
    assert code == 2
    if isinstance(got, brief.Error):
        assert got.exit_code == code
        # The library's own message, after the flag parser's words.
        assert _python_message(str(got)) in err, (str(got), err)
    else:
        # The CLI's flag parser refused it ("error: invalid value ..."):
        # an argument error in Python, naming the argument.
        assert err.startswith("error:") or "brief:" in err
        assert args[0].lstrip("-") in str(got), str(got)


CONFIGS = {
    "unknown key": "[summary]\nwords = 40\nbogus = 1\n",
    "unknown section": "[sumary]\nwords = 40\n",
    "negative": "[summary]\nwords = -3\n",
    "wrong type": "[summary]\nwords = \"many\"\n",
    "two lengths": "[summary]\nwords = 40\nsentences = 2\n",
    "zero": "[summary]\nsentences = 0\n",
    "ratio": "[summary]\nratio = 3.0\n",
    "algorithm": "[summary]\nalgorithm = \"x\"\n",
    "syntax": "[summary\nwords = 4\n",
    "language": "[segment]\nlang = \"english\"\n",
    "target": "[export]\ntargets = [\"f a\"]\n",
    "format": "[export]\nformats = [\"docx\"]\n",
    "control": "[summary]\nalgorithm = \"\x1b[31m\"\n",
    "good": "[summary]\nwords = 45\n[export]\ntargets = [\"ru\"]\nformats = [\"tsv\"]\n",
    "cp1251": None,
    "missing": None,
    "directory": None,
}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_a_configuration_file_is_taken_or_refused_as_by_the_cli(seeds, cli, tmp_path, name):
    text = _seed(seeds, SEED_EN)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    config = tmp_path / "brief.toml"
    if name == "cp1251":
        config.write_bytes("[summary]\n# Привет\nwords = 40\n".encode("windows-1251"))
    elif name == "directory":
        config = tmp_path
    elif CONFIGS[name] is not None:
        config.write_text(CONFIGS[name], encoding="utf-8")
    for cli_args, call in [
        (["summarize", "--format", "json", path], lambda: brief.summarize(text, config=config)),
        (["export", "--out-dir", tmp_path / "cli", path],
         lambda: brief.export(text, config=config, names=[str(path)])),
    ]:
        code, out, err = cli("--config", config, *cli_args, code=None)
        status, got = _run(call)
        if code == 0:
            assert status == "ok", got
            if cli_args[0] == "summarize":
                assert [s["text"] for s in got] == [s["text"] for s in json.loads(out)["summary"]]
            else:
                assert got == {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()}
        else:
            assert status == "error" and isinstance(got, brief.ConfigError), got
            # The CLI says which file it is before the library's message.
            assert _cli_message(err) == "configuration: " + str(got)
            assert got.exit_code == code


BAD_LINES = {
    "not an object": b"[1, 2]",
    "null id": b'{"id": null, "text": "A b."}',
    "bool id": b'{"id": true, "text": "A b."}',
    "no id": b'{"text": "A b."}',
    "text a number": b'{"id": "x", "text": 5}',
    "two texts": b'{"id": "x", "text": "A.", "html": "<p>B.</p>"}',
    "bad lang": b'{"id": "x", "text": "A b.", "lang": "english"}',
    "trailing": b'{"id": "x", "text": "A b."} junk',
    "duplicate key": b'{"id": "x", "id": "y", "text": "A b."}',
    "lone surrogate": b'{"id": "x", "text": "A \\ud800 b."}',
    "windows-1251": '{"id": "x", "text": "Привет."}'.encode("windows-1251"),
    "utf-16": b"\xff\xfe" + '{"id": "x", "text": "A b."}'.encode("utf-16-le"),
    "ftp url": b'{"id": "x", "url": "ftp://example.com/a"}',
    "control id": b'{"id": "x\\u001b[31m", "text": 5}',
    "deep": b"[" * 300 + b"]" * 300,
    "repeated id": None,
}
# Positions of the bad line: first, second, inside the first chunk of
# items, and past the CLI's first chunk (512 items).
POSITIONS = [0, 1, 300, 530]
BATCH_VARIANTS = [(k, p) for k in BAD_LINES for p in POSITIONS if not (k == "repeated id" and p == 0)]


@pytest.mark.parametrize("kind, at", BATCH_VARIANTS, ids=[f"{k}@{p + 1}" for k, p in BATCH_VARIANTS])
def test_a_bad_batch_line_is_named_by_file_and_line_as_by_the_cli(cli, tmp_path, kind, at):
    lines = [json.dumps({"id": f"a{i}", "text": f"Rain fell on day {i}. The dams filled."}).encode("utf-8")
             for i in range(at + 3)]
    lines[at] = BAD_LINES[kind] if BAD_LINES[kind] is not None else lines[at - 1]
    batch = tmp_path / "bad batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = cli("summarize", "--input", "jsonl", "--format", "jsonl", batch, code=None)
    status, got = _run(lambda: brief.summarize_many(lines, source=str(batch), as_jsonl=True))
    if code == 0:
        # The summary of a batch takes a repeated id (export refuses it).
        assert status == "ok" and "".join(r + "\n" for r in got).encode("utf-8") == out
    else:
        assert status == "error" and isinstance(got, brief.ItemError), got
        assert str(got).startswith(f"{batch}:{at + 1}: ")
        assert _cli_message(err).endswith(str(got)), (str(got), err)
        assert got.exit_code == code
    code, _, err = cli("export", "--input", "jsonl", "--to", "fa", "--format", "tsv",
                       "--out-dir", tmp_path / "cli", batch, code=None)
    status, got = _run(lambda: brief.export_many(lines, to="fa", formats="tsv", source=str(batch)))
    assert code == 2 and status == "error" and isinstance(got, brief.ItemError), (err, got)
    assert str(got).startswith(f"{batch}:{at + 1}: ")
    assert _cli_message(err).endswith(str(got)), (str(got), err)


FILE_NAMES = ["a\x1b[31mb.txt", "ÿ\u202e.txt", "a\nb.txt", "تهران 😀.txt", "a\tb\x7f.txt", "-dash.txt"]


@pytest.mark.parametrize("file_name", FILE_NAMES, ids=[repr(n) for n in FILE_NAMES])
def test_file_names_reach_messages_escaped_as_in_the_cli(cli, tmp_path, file_name):
    path = tmp_path / file_name
    data = "Президент провёл переговоры.".encode("windows-1251")
    path.write_bytes(data)
    code, _, err = cli("summarize", path, code=None)
    status, got = _run(lambda: brief.summarize(data, names=[str(path)]))
    assert status == "error"
    _same_refusal(code, err, got)
    assert "\x1b" not in str(got) and "\n" not in str(got) and "\u202e" not in str(got)
    missing = tmp_path / ("missing " + file_name + ".tsv")
    for command, call in [("merge", brief.merge), ("check", brief.check)]:
        code, _, err = cli(command, missing, code=None)
        status, got = _run(lambda: call([missing]))
        assert status == "error" and isinstance(got, brief.IoError) and isinstance(got, OSError)
        _same_refusal(code, err, got)
    code, _, err = cli("merge", "--update-tm", tmp_path / "m.tmx", missing, code=None)
    status, got = _run(lambda: brief.update_memory(tmp_path / "m.tmx", [missing]))
    assert status == "error"
    _same_refusal(code, err, got)


def _tree(root):
    return {p.relative_to(root).as_posix() + ("/" if p.is_dir() else ""): p.read_bytes() if p.is_file() else b""
            for p in sorted(root.rglob("*"))}


# What is already in the output directory before the export.
EXISTING = {
    "nothing": [],
    "its xliff": ["brief.fa.xliff20.xlf"],
    "its last file": ["brief.ru.tsv"],
    "its reference": ["brief.reference.jsonl"],
    "a directory in a file's place": ["brief.fa.tsv/"],
    "an unrelated file": ["notes.txt"],
}


@pytest.mark.parametrize("existing", list(EXISTING))
@pytest.mark.parametrize("force", [False, True], ids=["keep", "force"])
def test_an_export_into_an_existing_set_is_all_or_nothing_as_by_the_cli(seeds, cli, tmp_path, existing, force):
    text = _seed(seeds, SEED_EN)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    dirs = {who: tmp_path / who for who in ("cli", "py")}
    for d in dirs.values():
        d.mkdir()
        for name in EXISTING[existing]:
            if name.endswith("/"):
                (d / name).mkdir()
            else:
                (d / name).write_bytes(b"old work\n")
    before = _tree(dirs["py"])
    code, _, err = cli("export", "--to", "fa,ru", "--format", "xliff20,tsv", "--out-dir", dirs["cli"], path,
                       *(["--force"] if force else []), code=None)
    status, got = _run(lambda: brief.export(text, to=["fa", "ru"], formats=["xliff20", "tsv"], names=[str(path)],
                                            out_dir=dirs["py"], force=force))
    assert _tree(dirs["cli"]) == _tree(dirs["py"])
    if code == 0:
        assert status == "ok", got
    else:
        assert status == "error", f"CLI refused ({err}), Python did not"
        _same_refusal(code, err, got, str(dirs["cli"]), str(dirs["py"]))
        # Never half written.
        assert _tree(dirs["py"]) == before


def _rows(tsv):
    lines = tsv.split("\n")
    return lines[0], [line.split("\t") for line in lines[1:] if line]


def _with_rows(header, rows, ending="\n"):
    return ending.join([header] + ["\t".join(r) for r in rows]) + ending


def _wrong_work(filled):
    """(name, TSV text) of wrong translation work made from a filled TSV."""
    header, rows = _rows(filled)
    yield "right", filled
    yield "drift", _with_rows(header, [rows[0][:3] + ["Changed " + rows[0][3]] + rows[0][4:]] + rows[1:])
    yield "missing row", _with_rows(header, rows[:1] + rows[2:])
    yield "repeated row", _with_rows(header, rows[:2] + rows[1:])
    yield "unknown id", _with_rows(header, rows[:-1] + [["s99"] + rows[-1][1:]])
    yield "empty target", _with_rows(header, [r[:4] + [""] + r[5:] if i == 1 else r for i, r in enumerate(rows)])
    yield "copied source", _with_rows(header, [r[:4] + [r[3]] + r[5:] for r in rows])
    yield "numbers", _with_rows(header, [r[:4] + [re.sub(r"\d", "7", r[4])] + r[5:] for r in rows])
    yield "wrong language", _with_rows(header, [r[:2] + ["ru"] + r[3:] for r in rows])
    yield "other export", _with_rows(header, [r[:-1] + ["0123456789abcdef"] for r in rows])
    yield "header only", header + "\n"
    yield "control character", _with_rows(header, [r[:4] + ["\x1b[31m" + r[4]] + r[5:] for r in rows])
    yield "crlf", _with_rows(header, rows, "\r\n")
    yield "bom", "\ufeff" + filled
    yield "russian target", _with_rows(header, [r[:4] + ["Перевод " + r[3]] + r[5:] for r in rows])


def _problem_lines(err):
    return [line[len("brief: "):] for line in err.splitlines()
            if line.startswith("brief: ") and not line.startswith("brief: check:")
            and "problem(s)" not in line]


@pytest.fixture(scope="module")
def delivered(tmp_path_factory, seeds, cli):
    """An export made by the CLI, its TSV filled as a translator would."""
    root = tmp_path_factory.mktemp("delivered")
    text = _seed(seeds, SEED_EN)
    article = root / "a.txt"
    article.write_text(text, encoding="utf-8")
    cli("export", "--to", "fa", "--format", "tsv", "--sentences", "4", "--out-dir", root / "job", article)
    filled = fill_tsv((root / "job" / "brief.fa.tsv").read_bytes()).decode("utf-8")
    return root / "job", filled


WRONG_WORK = [name for name, _ in _wrong_work("h\nid\ta\tb\tc\td\te\n")]


@pytest.mark.parametrize("work", WRONG_WORK)
def test_wrong_work_is_judged_as_by_the_cli(cli, tmp_path, delivered, work):
    job, filled = delivered
    text = dict(_wrong_work(filled))[work]
    d = tmp_path / "job"
    shutil.copytree(job, d)
    tsv = d / "brief.fa.tsv"
    tsv.write_text(text, encoding="utf-8", newline="")
    code, _, err = cli("merge", tsv, code=None)
    caught, (status, got) = _python_warnings(lambda: _run(lambda: brief.merge([tsv])))
    # What the readers noticed, warned of alike.
    assert caught == _cli_warnings(cli, tmp_path, "merge", tsv)
    if code == 2:
        assert status == "error"
        _same_refusal(code, err, got)
    else:
        assert status == "ok", got
        # Exit code 1 exactly when Python returns problems, and the same
        # problems, each with the CLI's message (kind and unit).
        assert code == (1 if got["problems"] else 0), (code, got["problems"])
        assert [p["message"] for p in got["problems"]] == _problem_lines(err)
        # --allow-partial: the same translations and problems as the JSON.
        _, out, _ = cli("merge", "--allow-partial", "--format", "json", tsv, code=None)
        partial = brief.merge([tsv], allow_partial=True)
        expected = json.loads(out)
        assert partial["translations"] == expected["translations"]
        assert [(p["kind"], p["id"], p["lang"]) for p in partial["problems"]] == [
            (p["kind"], p["id"], p["lang"]) for p in expected["problems"]
        ]
    code, out, err = cli("check", "--format", "json", tsv, code=None)
    caught, (status, got) = _python_warnings(lambda: _run(lambda: brief.check([tsv])))
    assert caught == _cli_warnings(cli, tmp_path, "check", tsv)
    if code == 2:
        assert status == "error"
        _same_refusal(code, err, got)
    else:
        assert status == "ok" and got == json.loads(out)
        assert code == (1 if got["errors"] else 0)


def test_a_missing_language_is_a_problem_unless_partial_as_in_the_cli(cli, tmp_path, seeds):
    # Regression: Python had no allow_partial, so merging some of an
    # export's languages could not be asked for as with --allow-partial.
    text = _seed(seeds, SEED_EN)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    cli("export", "--to", "fa,ru", "--format", "tsv", "--sentences", "2", "--out-dir", tmp_path / "job", article)
    tsv = tmp_path / "job" / "brief.fa.tsv"
    tsv.write_bytes(fill_tsv(tsv.read_bytes()))
    code, _, err = cli("merge", tsv, code=None)
    caught, got = _python_warnings(lambda: brief.merge([tsv]))
    # Regression: the readers' warnings (here: no ru file) were not given.
    assert caught == _cli_warnings(cli, tmp_path, "merge", tsv) and "no ru brief" in caught[0]
    assert code == 1 and [p["kind"] for p in got["problems"]] == ["missing-language"]
    assert [p["message"] for p in got["problems"]] == _problem_lines(err)
    code, out, _ = cli("merge", "--allow-partial", "--format", "json", tsv, code=None)
    partial = brief.merge([tsv], allow_partial=True)
    assert code == 0 and partial["problems"] == [] and partial["translations"] == json.loads(out)["translations"]


def test_a_summary_record_carries_the_clis_title(seeds, cli, tmp_path):
    # Regression: the package's records had no "title" where the CLI's have one.
    page = _page(_seed(seeds, SEED_EN), "Putin congratulates Assad on the liberation of Aleppo")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    expected = json.loads(cli("summarize", "--format", "json", path))
    assert expected["title"]
    assert brief.summarize(page, keep=True).record["title"] == expected["title"]
    line = json.dumps({"id": "p", "html": page}).encode("utf-8")
    assert brief.summarize_many([line])[0]["title"] == expected["title"]
    assert brief.summarize_many([("p", page)])[0]["title"] == expected["title"]


def test_the_glossary_is_bounded_by_max_input_as_by_the_cli(seeds, cli, tmp_path):
    # Regression: export() and check() read the glossary up to 256 MiB
    # whatever max_input said.
    text = _seed(seeds, SEED_EN)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    glossary = tmp_path / "terms.csv"
    glossary.write_text("source,fa\n" + "Aleppo,حلب\n" * 2000, encoding="utf-8")
    limit = len(text.encode("utf-8")) + 100
    code, _, err = cli("--max-input", str(limit), "export", "--to", "fa", "--glossary", glossary,
                       "--out-dir", tmp_path / "cli", article, code=None)
    with pytest.raises(brief.Error) as e:
        brief.export(text, to="fa", glossary=glossary, max_input=limit, names=[str(article)])
    assert code == e.value.exit_code == 2
    assert _cli_message(err).startswith(str(e.value).split(";")[0])
    out = tmp_path / "job"
    cli("export", "--to", "fa", "--format", "tsv", "--out-dir", out, article)
    code, _, err = cli("--max-input", str(limit), "check", "--glossary", glossary, out / "brief.fa.tsv", code=None)
    with pytest.raises(brief.Error) as e:
        brief.check([out / "brief.fa.tsv"], glossary=glossary, max_input=limit)
    assert code == 2 and _cli_message(err).startswith(str(e.value).split(";")[0])


def test_a_memory_not_there_yet_is_noted_as_by_the_cli(seeds, cli, tmp_path):
    text = _seed(seeds, SEED_EN)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    memory = tmp_path / "desk" / "memory.tmx"
    code, _, err = cli("export", "--to", "fa", "--tm", memory, "--out-dir", tmp_path / "cli", article, code=None)
    assert code == 0 and f"{memory}: no translation memory there yet" in err
    with pytest.warns(UserWarning, match=re.escape(f"{memory}: no translation memory there yet")):
        got = brief.export(text, to="fa", tm=[memory], names=[str(article)])
    assert got == {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()}


def test_nothing_to_translate_is_a_usage_error_of_exit_code_2(seeds, cli, tmp_path):
    text = _seed(seeds, SEED_EN)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    code, _, err = cli("export", "--to", "en", "--out-dir", tmp_path / "out", article, code=None)
    with pytest.raises(brief.UsageError) as e:
        brief.export(text, to="en")
    assert isinstance(e.value, ValueError)
    assert code == e.value.exit_code == 2 and _cli_message(err) == str(e.value)


def _limit_inputs(seeds):
    """(name, bytes) whose size the limit is measured on: ASCII-heavy,
    Persian (two bytes a letter), with a BOM, UTF-16."""
    return [
        ("en", _seed(seeds, SEED_EN).encode("utf-8")),
        ("fa", _seed(seeds, SEED_FA).encode("utf-8")),
        ("fa-bom", b"\xef\xbb\xbf" + _seed(seeds, SEED_FA).encode("utf-8")),
        ("ru-utf16", b"\xff\xfe" + _seed(seeds, SEED_RU).encode("utf-16-le")),
    ]


LIMIT_VARIANTS = list(itertools.product(range(4), (-1, 0, 1)))


@pytest.mark.parametrize("which, offset", LIMIT_VARIANTS, ids=[f"{w}{o:+d}" for w, o in LIMIT_VARIANTS])
def test_the_input_limit_cuts_where_the_clis_does(seeds, cli, tmp_path, which, offset):
    name, data = _limit_inputs(seeds)[which]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    limit = len(data) + offset
    code, out, err = cli("--max-input", limit, "summarize", "--format", "json", path, code=None)
    status, got = _run(lambda: brief.summarize(data, max_input=limit, names=[str(path)]))
    if code == 0:
        assert status == "ok", got
        assert [s["text"] for s in got] == [s["text"] for s in json.loads(out)["summary"]]
    else:
        assert status == "error" and isinstance(got, brief.InputError), got
        # The same refusal, up to the flag the CLI names.
        assert _cli_message(err).split(";")[0] == str(got).split(";")[0]
        assert got.exit_code == code
    if name == "en":
        # A str: its UTF-8 is what the limit measures.
        text = data.decode("utf-8")
        for value in (text, bytearray(data)):
            status, got = _run(lambda: brief.summarize(value, max_input=limit, names=[str(path)]))
            assert (status == "ok") == (code == 0), got
            if code:
                assert _cli_message(err).split(";")[0] == str(got).split(";")[0]


def test_a_memory_update_of_some_languages_equals_the_clis_with_allow_partial(seeds, cli, tmp_path):
    # Regression: update_memory(allow_partial=True) reported the missing
    # language that `--update-tm --allow-partial` takes as no problem.
    text = _seed(seeds, SEED_EN)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    cli("export", "--to", "fa,ru", "--format", "tsv", "--sentences", "2", "--out-dir", tmp_path / "job", article)
    tsv = tmp_path / "job" / "brief.fa.tsv"
    tsv.write_bytes(fill_tsv(tsv.read_bytes()))
    env = {"BRIEF_TM_DATE": "1796112600"}
    code, _, err = cli("merge", "--update-tm", tmp_path / "cli.tmx", tsv, code=None, extra_env=env)
    refused = brief.update_memory(tmp_path / "py.tmx", [tsv], date=1796112600)
    assert code == 1 and not refused["written"] and not (tmp_path / "py.tmx").exists()
    assert [p["message"] for p in refused["problems"]] == _problem_lines(err)
    code, _, _ = cli("merge", "--allow-partial", "--update-tm", tmp_path / "cli.tmx", tsv, code=None, extra_env=env)
    got = brief.update_memory(tmp_path / "py.tmx", [tsv], date=1796112600, allow_partial=True)
    assert code == 0 and got["written"] and got["problems"] == []
    assert (tmp_path / "py.tmx").read_bytes() == (tmp_path / "cli.tmx").read_bytes()


CLUSTERS = [(SEED_EN, SEED_RU), (SEED_EN, SEED_FA), (SEED_FA, SEED_RU, SEED_EN), (SEED_EN, SEED_EN), (SEED_FA,)]


def _cli_warnings(cli, home, *args):
    """The CLI's warnings for ``args`` (a run without --quiet, which keeps
    them back), each as Python words it (``lang=`` for ``--lang``)."""
    done = subprocess.run([cli.binary, *map(str, args)], capture_output=True, cwd=home, timeout=120,
                          env=dict(os.environ, XDG_CONFIG_HOME=str(home), HOME=str(home)))
    return [line[len("brief: warning: "):].replace("--lang", "lang=")
            for line in done.stderr.decode("utf-8").splitlines() if line.startswith("brief: warning: ")]


def _python_warnings(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return [str(w.message) for w in caught], result


@pytest.mark.parametrize("cluster", CLUSTERS, ids=["+".join(n[:2] for n in c) for c in CLUSTERS])
def test_a_cluster_in_several_languages_is_warned_of_as_by_the_cli(seeds, cli, tmp_path, cluster):
    # Regression: the CLI warned that the brief mixes languages, Python
    # said nothing.
    texts = [_seed(seeds, name) for name in cluster]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    out = cli("summarize", "--format", "json", *paths)
    expected = _cli_warnings(cli, tmp_path, "summarize", *paths)
    caught, got = _python_warnings(lambda: brief.summarize(texts))
    assert caught == expected
    assert [s["text"] for s in got] == [s["text"] for s in json.loads(out)["summary"]]
    # In a batch, the warning names the item (its id escaped).
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "c\x1b1", "documents": texts}) + "\n", encoding="utf-8")
    expected = _cli_warnings(cli, tmp_path, "summarize", "--input", "jsonl", batch)
    caught, _ = _python_warnings(lambda: brief.summarize_many([{"id": "c\x1b1", "documents": texts}]))
    assert caught == expected
    assert bool(expected) == (len(set(cluster)) > 1)


def test_a_batch_of_every_shape_equals_the_clis_byte_for_byte(seeds, cli, tmp_path):
    # Each seed in each shape that is text (decodable UTF-8), as a text
    # item, an html item and a cluster with its original; ids with
    # control, bidi and path characters.
    items = []
    for (seed, transform) in INPUT_VARIANTS:
        try:
            text = TRANSFORMS[transform](_seed(seeds, seed)).decode("utf-8")
        except UnicodeDecodeError:
            continue
        key = "html" if transform.startswith("html") else "text"
        items.append({"id": f"{seed[:2]}/{transform}\x1b\u202e#1", key: text})
        items.append({"id": f"{seed[:2]}-{transform}-cluster", "documents": [text, _seed(seeds, seed)]})
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    expected = cli("summarize", "--input", "jsonl", "--format", "jsonl", "--words", "50", batch)
    got = brief.summarize_many(items, words=50, as_jsonl=True)
    assert "".join(r + "\n" for r in got).encode("utf-8") == expected
    # An id XML cannot hold: both refuse the XLIFF export alike.
    formats = ["xliff20", "tsv", "jsonl"]
    args = ["--to", "fa,ru", "--format", ",".join(formats), "--words", "50"]
    code, _, err = cli("export", "--input", "jsonl", *args, "--out-dir", tmp_path / "refused", batch, code=None)
    status, got = _run(lambda: brief.export_many(items, to=["fa", "ru"], formats=formats, words=50))
    assert status == "error"
    _same_refusal(code, err, got)
    assert not (tmp_path / "refused").exists()
    # Texts with control characters are refused alike too (above, in
    # test_every_job_reads_a_file_as_the_cli); the rest byte for byte.
    controls = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
    items = [i for i in items
             if not controls.search(i.get("text", "") + i.get("html", "") + "".join(i.get("documents", [])))]
    for item in items:
        item["id"] = item["id"].replace("\x1b", "")
    batch.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "cli"
    cli("export", "--input", "jsonl", *args, "--out-dir", out, batch)
    _, files = brief.export_many(items, to=["fa", "ru"], formats=formats, words=50)
    assert files == {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


KEEP_GOING = [k for k in BAD_LINES if BAD_LINES[k] is not None] + ["repeated id"]


@pytest.mark.parametrize("kind", KEEP_GOING)
def test_keep_going_skips_what_the_cli_skips(cli, tmp_path, kind):
    lines = [json.dumps({"id": f"a{i}", "text": f"Rain fell on day {i}. The dams filled."}).encode("utf-8")
             for i in range(6)]
    lines[2] = BAD_LINES[kind] if BAD_LINES[kind] is not None else lines[1]
    lines[4] = b"{not json"
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    for command, call in [
        (["summarize", "--format", "jsonl"],
         lambda: brief.summarize_many(lines, source=str(batch), as_jsonl=True, keep_going=True)),
        (["export", "--to", "fa", "--format", "tsv", "--out-dir", tmp_path / "cli"],
         lambda: brief.export_many(lines, to="fa", formats="tsv", source=str(batch), as_jsonl=True,
                                   keep_going=True)),
    ]:
        code, out, err = cli("--keep-going", command[0], "--input", "jsonl", *command[1:], batch, code=None)
        caught, (status, got) = _python_warnings(lambda: _run(call))
        skipped = [line[len("brief: skipped: "):] for line in err.splitlines()
                   if line.startswith("brief: skipped: ")]
        if code == 2:
            # Not an item problem: refused as without --keep-going.
            assert status == "error"
            _same_refusal(code, err, got)
            continue
        assert status == "ok", got
        assert code == 1 and skipped
        # The same lines skipped, with the same messages; Python says them
        # in line order, the CLI a chunk's unreadable lines before its
        # repeated ids.
        assert sorted(w[len("skipped: "):] for w in caught if w.startswith("skipped: ")) == sorted(skipped)
        if command[0] == "summarize":
            assert "".join(r + "\n" for r in got).encode("utf-8") == out
        else:
            tree = {p.relative_to(tmp_path / "cli").as_posix(): p.read_bytes()
                    for p in (tmp_path / "cli").rglob("*") if p.is_file()}
            assert got[1] == tree


def test_machine_translation_and_accepting_it_equal_the_clis(cli, tmp_path, server):
    # `server` is the LibreTranslate stand-in of test_translate.py.
    # Regression: merge had no accept_mt, so machine work could not be
    # taken as --accept-mt takes it.
    article = tmp_path / "a.txt"
    article.write_text("The council approved a budget of 5 million dollars on Monday. "
                       "The plan adds 25 buses to the city fleet, officials said.", encoding="utf-8")
    cli("export", "--all", "--lang", "en", "--to", "ru", "--format", "xliff20,tsv", "--out-dir", tmp_path / "job",
        article)
    files = [tmp_path / "job" / "brief.ru.xliff20.xlf", tmp_path / "job" / "brief.ru.tsv"]
    cli("translate", "--engine", "libretranslate", "--url", server, "--out-dir", tmp_path / "cli", *files)
    brief.translate(files, tmp_path / "py", "libretranslate", server)
    for f in files:
        assert (tmp_path / "py" / f.name).read_bytes() == (tmp_path / "cli" / f.name).read_bytes(), f.name
    for f in files:
        machine = tmp_path / "py" / f.name
        code, _, err = cli("merge", machine, code=None)
        got = brief.merge([machine])
        assert code == 1 and {p["kind"] for p in got["problems"]} == {"machine-translation"}
        assert [p["message"] for p in got["problems"]] == _problem_lines(err)
        code, out, _ = cli("merge", "--accept-mt", "--format", "json", machine, code=None)
        accepted = brief.merge([machine], accept_mt=True)
        assert code == 0 and accepted["problems"] == [] and not json.loads(out)["problems"]
        assert accepted["translations"] == json.loads(out)["translations"]


MEMORIES = {
    "new": None,
    "in a missing directory": "missing/memory.tmx",
    "a directory": "dir/",
    "not XML": b"<tmx",
    "windows-1251": "<tmx>Привет".encode("windows-1251"),
    "empty": b"",
    "not TMX": b'<?xml version="1.0"?><xliff version="2.0"/>',
}


@pytest.mark.parametrize("memory", list(MEMORIES))
def test_a_memory_update_is_made_or_refused_as_by_the_cli(cli, tmp_path, delivered, memory):
    job, filled = delivered
    d = tmp_path / "job"
    shutil.copytree(job, d)
    tsv = d / "brief.fa.tsv"
    tsv.write_text(filled, encoding="utf-8")
    paths = {}
    for who in ("cli", "py"):
        root = tmp_path / who
        root.mkdir()
        value = MEMORIES[memory]
        if value is None:
            paths[who] = root / "memory.tmx"
        elif isinstance(value, str) and value.endswith("/"):
            paths[who] = root / value
            paths[who].mkdir()
        elif isinstance(value, str):
            paths[who] = root / value
        else:
            paths[who] = root / "memory.tmx"
            paths[who].write_bytes(value)
    env = {"BRIEF_TM_DATE": "1796112600"}
    code, _, err = cli("merge", "--update-tm", paths["cli"], tsv, code=None, extra_env=env)
    status, got = _run(lambda: brief.update_memory(paths["py"], [tsv], date=1796112600))
    assert _tree(tmp_path / "cli") == _tree(tmp_path / "py")
    if code == 0:
        assert status == "ok" and got["written"], got
    else:
        assert status == "error", f"CLI refused ({err}), Python did not"
        _same_refusal(code, err, got, str(tmp_path / "cli"), str(tmp_path / "py"))


@pytest.mark.parametrize("existing", ["en/brief.fa.tsv", "en/brief.reference.jsonl", "ru/brief.fa.tsv", "en/notes.txt"])
def test_a_batch_export_into_an_existing_set_is_all_or_nothing_as_by_the_cli(cli, tmp_path, seeds, existing):
    items = [{"id": "e", "text": _seed(seeds, SEED_EN)}, {"id": "r", "text": _seed(seeds, SEED_RU)}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    for who in ("cli", "py"):
        (tmp_path / who / existing).parent.mkdir(parents=True)
        (tmp_path / who / existing).write_bytes(b"old work\n")
    code, _, err = cli("export", "--input", "jsonl", "--to", "fa", "--format", "tsv", "--out-dir", tmp_path / "cli",
                       batch, code=None)
    status, got = _run(lambda: brief.export_many(items, to="fa", formats="tsv", out_dir=tmp_path / "py"))
    assert _tree(tmp_path / "cli") == _tree(tmp_path / "py")
    if code == 0:
        assert status == "ok", got
    else:
        assert status == "error"
        _same_refusal(code, err, got, str(tmp_path / "cli"), str(tmp_path / "py"))
