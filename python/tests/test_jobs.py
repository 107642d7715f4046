"""The package runs the CLI's jobs: export with memory and glossary,
merge with the export's reference, check, memory update give the same
answers as ``brief``; and the package leaves Ctrl-C to the program."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from test_api import fill_tsv

import brief

EN = "Heavy rain fell on Tehran on Monday. The rain filled the city's dams. Officials said the dams were nearly full."
RU = "В понедельник в Москве шёл сильный дождь. Дождь наполнил городские водохранилища. Чиновники сказали, что они почти полны."


def test_keyboard_interrupt_still_works_after_an_export_to_a_directory(tmp_path):
    # In a child interpreter: a library that took over SIGINT would end it
    # with exit code 130 instead of raising KeyboardInterrupt.
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        import brief
        brief.export({EN!r}, to="fa", formats="tsv", out_dir={str(tmp_path)!r})
        assert os.path.exists(os.path.join({str(tmp_path)!r}, "brief.fa.tsv"))
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        except KeyboardInterrupt:
            print("KeyboardInterrupt")
            sys.exit(0)
        sys.exit(3)
    """)
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env,
        # The child gets Python's own SIGINT handler whatever this process ignores.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert (done.returncode, done.stdout.strip()) == (0, "KeyboardInterrupt"), done.stderr


def test_texts_in_several_languages_are_refused_as_by_the_cli(tmp_path, cli):
    with pytest.raises(ValueError, match=r"several languages \(en, ru\)"):
        brief.export([EN, RU], to="fa", formats="tsv")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    code, _, err = cli("export", "--to", "fa", "--format", "tsv", "--out-dir", tmp_path / "out",
                       tmp_path / "en.txt", tmp_path / "ru.txt", code=None)
    assert code == 2 and "several languages (en, ru)" in err
    # With the language given, both export.
    assert "brief.fa.tsv" in brief.export([EN, RU], to="fa", formats="tsv", lang="en")


def test_an_existing_summary_is_exported_as_the_texts_would_be():
    kept = brief.summarize(EN, sentences=2, keep=True)
    assert [s["text"] for s in kept.sentences] == [s["text"] for s in brief.summarize(EN, sentences=2)]
    assert brief.export(kept, to="fa", formats="xliff20") == brief.export(
        EN, to="fa", formats="xliff20", sentences=2
    )
    with pytest.raises(ValueError, match="as it is"):
        brief.export(kept, words=3)


def _memory(tmp_path, cli):
    """A memory with the translation of the first sentence of EN, made by
    the CLI from a merged export."""
    art = tmp_path / "rain.txt"
    art.write_text(EN, encoding="utf-8")
    out = tmp_path / "first"
    cli("export", "--to", "fa", "--format", "tsv", "--sentences", "3", "--out-dir", out, art)
    (out / "brief.fa.tsv").write_bytes(fill_tsv((out / "brief.fa.tsv").read_bytes()))
    cli("merge", "--update-tm", tmp_path / "mem.tmx", out / "brief.fa.tsv",
        extra_env={"BRIEF_TM_DATE": "1796112600"})
    return art, tmp_path / "mem.tmx"


def test_export_with_memory_and_glossary_equals_the_cli(tmp_path, cli):
    art, memory = _memory(tmp_path, cli)
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,fa\ndams,سدها\n", encoding="utf-8")
    out = tmp_path / "cli"
    cli("export", "--to", "fa", "--format", "xliff20,tsv", "--sentences", "3", "--tm", memory,
        "--glossary", glossary, "--out-dir", out, art)
    got = brief.export(EN, to="fa", formats=["xliff20", "tsv"], sentences=3, names=[str(art)],
                       tm=[memory], glossary=glossary)
    assert sorted(got) == sorted(p.name for p in out.iterdir())
    for name, contents in got.items():
        assert contents == (out / name).read_bytes(), name
    assert "ترجمه" in got["brief.fa.xliff20.xlf"].decode("utf-8"), "the memory's match was not used"


def test_export_many_uses_memory_in_every_item_as_the_cli(tmp_path, cli):
    _, memory = _memory(tmp_path, cli)
    items = [{"id": "a", "text": EN}, {"id": "b", "text": EN.replace("Monday", "Tuesday")}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "cli"
    cli("export", "--input", "jsonl", "--to", "fa", "--format", "tsv", "--sentences", "3",
        "--tm", memory, "--out-dir", out, batch)
    _, got = brief.export_many(items, to="fa", formats="tsv", sentences=3, tm=memory)
    assert got["en/brief.fa.tsv"] == (out / "en" / "brief.fa.tsv").read_bytes()
    # Both items' copy of the remembered sentence is prefilled.
    assert got["en/brief.fa.tsv"].decode("utf-8").count("ترجمه The rain filled") == 2


def _delivered(tmp_path, cli, targets=None):
    """An export by the CLI (with its reference beside the files) and its
    TSV filled, with ``targets`` or as a translator would."""
    art = tmp_path / "rain.txt"
    art.write_text(EN, encoding="utf-8")
    out = tmp_path / "job"
    cli("export", "--to", "fa", "--format", "tsv", "--sentences", "3", "--out-dir", out, art)
    tsv = out / "brief.fa.tsv"
    if targets is None:
        tsv.write_bytes(fill_tsv(tsv.read_bytes()))
    else:
        lines = tsv.read_text(encoding="utf-8").split("\n")
        rows = [line.split("\t") for line in lines[1:] if line]
        for row, target in zip(rows, targets):
            row[4] = target
        tsv.write_text("\n".join([lines[0]] + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    return out, tsv


def test_merge_finds_the_reference_beside_the_files_as_the_cli(tmp_path, cli):
    out, tsv = _delivered(tmp_path, cli)
    got = brief.merge([tsv])
    assert got["reference"] == str(out / "brief.reference.jsonl")
    expected = json.loads(cli("merge", "--format", "json", tsv))
    for problem in got["problems"]:
        del problem["message"]
    assert {k: got[k] for k in ("translations", "problems")} == expected
    # Given explicitly, the same.
    assert brief.merge([tsv], reference=out / "brief.reference.jsonl")["translations"] == got["translations"]


def test_check_equals_the_cli(tmp_path, cli):
    _, tsv = _delivered(tmp_path, cli, ["در ۲۰۱۸ باران آمد", "سدها پر شد", "گفتند"])
    code, stdout, _ = cli("check", "--format", "json", tsv, code=None)
    expected = json.loads(stdout)
    got = brief.check([tsv])
    assert got == expected
    assert code == (1 if got["errors"] else 0)


def test_memory_update_equals_the_cli(tmp_path, cli):
    _, tsv = _delivered(tmp_path, cli)
    cli("merge", "--update-tm", tmp_path / "cli.tmx", tsv, extra_env={"BRIEF_TM_DATE": "1796112600"})
    got = brief.update_memory(tmp_path / "py.tmx", [tsv], date=1796112600)
    assert got["written"] and got["units_added"] == got["translations_added"] == 3, got
    assert got["conflicts"] == [], got
    assert (tmp_path / "py.tmx").read_bytes() == (tmp_path / "cli.tmx").read_bytes()


def test_memory_update_of_two_sets_keeps_and_names_each_conflict(tmp_path, cli):
    # Two exports share a sentence, translated differently: the memory
    # keeps both (as the CLI does, byte for byte) and the answer names the
    # two units.
    shared = "The rain filled the city's dams."
    files = []
    for name, text, prefix in [("a", EN, "ترجمه "), ("b", shared + " Nobody expected it.", "برگردان ")]:
        art = tmp_path / f"{name}.txt"
        art.write_text(text, encoding="utf-8")
        out = tmp_path / name
        cli("export", "--all", "--lang", "en", "--to", "fa", "--format", "tsv", "--out-dir", out, art)
        tsv = out / "brief.fa.tsv"
        filled = fill_tsv(tsv.read_bytes()).decode("utf-8").replace("\tترجمه ", "\t" + prefix)
        tsv.write_bytes(filled.encode("utf-8"))
        files.append(tsv)
    env = {"BRIEF_TM_DATE": "1796112600"}
    cli("merge", "--format", "jsonl", "--update-tm", tmp_path / "cli.tmx", *files, extra_env=env)
    got = brief.update_memory(tmp_path / "py.tmx", files, date=1796112600)
    assert (tmp_path / "py.tmx").read_bytes() == (tmp_path / "cli.tmx").read_bytes()
    assert got["written"] and got["problems"] == [], got
    counts = [got[k] for k in ("translations_added", "translations_replaced",
                               "translations_unchanged", "translations_skipped",
                               "units_added", "units_updated")]
    assert counts == [5, 0, 0, 0, 5, 0], got
    [conflict] = got["conflicts"]
    assert (conflict["source"], conflict["source_lang"], conflict["lang"]) == (shared, "en", "fa")
    assert conflict["first"]["target"] == "ترجمه " + shared
    assert conflict["other"]["target"] == "برگردان " + shared
    assert [conflict[k]["id"] for k in ("first", "other")] == ["s2", "s1"]
    assert [os.path.samefile(conflict[k]["file"], f) for k, f in zip(("first", "other"), files)] == [True, True]
    # Again: nothing written anew, the conflict named again.
    again = brief.update_memory(tmp_path / "py.tmx", files, date=1896112600)
    assert again["conflicts"] == got["conflicts"] and again["translations_unchanged"] == 5
    assert not again["written"], again
    assert (tmp_path / "py.tmx").read_bytes() == (tmp_path / "cli.tmx").read_bytes()


def test_copies_of_the_source_are_judged_alike_by_merge_and_check(tmp_path, cli):
    # The case of issue 19: a target that copies its source ("NATO.").
    out, tsv = _delivered(tmp_path, cli)
    rows = tsv.read_text(encoding="utf-8").split("\n")
    cols = rows[1].split("\t")
    cols[4] = cols[3]
    rows[1] = "\t".join(cols)
    tsv.write_text("\n".join(rows), encoding="utf-8")
    merge_code, _, _ = cli("merge", tsv, code=None)
    check_code, _, _ = cli("check", tsv, code=None)
    merged = brief.merge([tsv])
    checked = brief.check([tsv])
    assert merge_code == (1 if merged["problems"] else 0)
    assert check_code == (1 if checked["errors"] else 0)
    assert merge_code == check_code == 1, (merged["problems"], checked["problems"])


def _day(tmp_path, cli):
    """A batch exported by the CLI into one set per source language
    (``day/en``, ``day/ru``), every TSV filled as a translator would."""
    items = [{"id": "e1", "text": EN}, {"id": "r1", "text": RU}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    day = tmp_path / "day"
    cli("export", "--input", "jsonl", "--to", "fa", "--format", "tsv", "--sentences", "3",
        "--out-dir", day, batch)
    files = [day / "en" / "brief.fa.tsv", day / "ru" / "brief.fa.tsv"]
    for tsv in files:
        tsv.write_bytes(fill_tsv(tsv.read_bytes()))
    return files


def test_several_sets_merge_check_and_update_memory_as_the_cli(tmp_path, cli):
    files = _day(tmp_path, cli)
    out = tmp_path / "final"
    env = {"BRIEF_TM_DATE": "1796112600"}
    cli("merge", "--format", "json", "--out-dir", out, "--tmx", out / "day.tmx",
        "--update-tm", tmp_path / "cli.tmx", *files, extra_env=env)
    got = brief.merge(files, tmx=True)
    assert got["problems"] == []
    assert [s["set"] for s in got["sets"]] == ["en", "ru"]
    assert got["reference"] is None
    for s in got["sets"]:
        assert s["reference"] == str(tmp_path / "day" / s["set"] / "brief.reference.jsonl")
        # Each set's translations: what the CLI wrote for that set.
        mine = [dict(t) for t in got["translations"] if t["set"] == s["set"]]
        for t in mine:
            del t["set"]
        expected = json.loads((out / s["set"] / "brief.fa.json").read_text(encoding="utf-8"))
        assert mine == expected["translations"]
    # One TMX and one memory update for both sets, byte for byte the CLI's.
    assert got["tmx"] == (out / "day.tmx").read_bytes()
    memory = brief.update_memory(tmp_path / "py.tmx", files, date=1796112600)
    units = sum(len(t["sentences"]) for t in got["translations"])
    assert memory["written"] and memory["translations_added"] == units, (memory, units)
    assert memory["units_added"] == units and memory["conflicts"] == [], memory
    assert (tmp_path / "py.tmx").read_bytes() == (tmp_path / "cli.tmx").read_bytes()
    # check: each file against its own set's reference, one report.
    _, stdout, _ = cli("check", "--format", "json", *files, code=None)
    assert brief.check(files) == json.loads(stdout)
    # A set that fails: the memory is not touched.
    rows = files[1].read_text(encoding="utf-8").split("\n")
    cols = rows[1].split("\t")
    cols[4] = ""
    rows[1] = "\t".join(cols)
    files[1].write_text("\n".join(rows), encoding="utf-8")
    before = (tmp_path / "py.tmx").read_bytes()
    failed = brief.update_memory(tmp_path / "py.tmx", files, date=1896112600)
    assert not failed["written"]
    assert {p["set"] for p in failed["problems"]} == {"ru"}
    assert (tmp_path / "py.tmx").read_bytes() == before
