"""The Python API: types, offsets, batch forms, settings and errors."""

import json
import threading

import pytest

import brief

EN = "Dr. Smith arrived at 5 p.m. on Monday. He left at once. The rain had stopped."
FA = "باران در تهران بارید. سدها پر شدند. مسئولان گفتند که وضعیت بهتر است."
NEWS = (
    "Heavy rain fell on Tehran on Monday and filled the dams around the capital. "
    "Officials said the reservoirs now hold more water than at any time in five years. "
    "The water company warned residents that the supply would still be rationed in summer. "
    "Farmers in the south of the province welcomed the rain after three dry winters. "
    "Forecasters expect more rain to fall over the mountains later this week."
)
RU = "Дождь шёл весь день. Реки вышли из берегов. Власти объявили режим ЧС."


def test_detect_returns_language_and_confidence():
    for text, code in [(EN, "en"), (FA, "fa"), (RU, "ru")]:
        d = brief.detect(text)
        assert d["lang"] == code
        assert 0.0 <= d["confidence"] <= 1.0
    assert brief.detect("Hello", lang="ru") == {"lang": "ru", "confidence": 1.0, "script": "Latin",
                                               "method": "override"}
    assert [d["lang"] for d in brief.detect_many([EN, FA, RU])] == ["en", "fa", "ru"]


def test_segment_offsets_are_characters_into_the_str():
    text = "«Привет», — сказал он. 😀 Всё хорошо!\n\nНовый абзац."
    sentences = brief.segment(text)
    assert len(sentences) == 3
    raw = text.encode("utf-8")
    for s in sentences:
        assert text[s["start"]:s["end"]] == s["text"]
        assert raw[s["byte_start"]:s["byte_end"]].decode("utf-8") == s["text"]
    assert [s["paragraph"] for s in sentences] == [0, 0, 1]
    assert [s["text"] for s in brief.segment(EN)] == [
        "Dr. Smith arrived at 5 p.m. on Monday.", "He left at once.", "The rain had stopped."]
    assert brief.segment("") == []


def test_segment_line_breaks_and_many():
    text = "Headline\nFirst line of text goes on"
    assert len(brief.segment(text, line_breaks="sentence")) == 2
    assert len(brief.segment(text, line_breaks="space")) == 1
    with pytest.raises(ValueError, match="line_breaks"):
        brief.segment(text, line_breaks="sometimes")
    assert [len(x) for x in brief.segment_many([EN, RU])] == [3, 3]


def test_summarize_lengths_and_fields():
    out = brief.summarize(NEWS, sentences=2)
    assert len(out) == 2
    assert set(out[0]) == {"text", "doc", "sentence", "rank", "start", "end", "byte_start", "byte_end", "score"}
    assert all(NEWS[s["start"]:s["end"]] == s["text"] for s in out)
    assert sum(len(s["text"].split()) for s in brief.summarize(NEWS, words=30)) <= 30
    assert brief.summarize(NEWS, ratio=1.0, algorithm="lead")[0]["text"].startswith("Heavy rain")


def test_a_list_is_one_cluster():
    out = brief.summarize([NEWS, "Officials in Tehran said on Monday that the heavy rain had filled the dams."],
                          sentences=3)
    assert {s["doc"] for s in out} <= {0, 1}
    assert len(out) == 3


def test_summarize_many_keeps_order_and_ids():
    items = [EN, ("x", RU), {"id": 5, "text": FA}, {"id": "c", "documents": [EN, EN], "query": "rain"}]
    records = brief.summarize_many(items, sentences=1)
    assert [r["id"] for r in records] == ["0", "x", "5", "c"]
    assert [r["lang"] for r in records] == ["en", "ru", "fa", "en"]
    assert records[0]["budget"] == {"unit": "sentences", "limit": 1}
    lines = brief.summarize_many(items, sentences=1, as_jsonl=True)
    assert [json.loads(line)["id"] for line in lines] == ["0", "x", "5", "c"]
    # The same work item by item gives the same briefs.
    assert [r["summary"][0]["text"] for r in records[:3]] == [
        brief.summarize(t, sentences=1)[0]["text"] for t in (EN, RU, FA)]


def test_batches_release_the_gil():
    """While a batch runs in one thread, another Python thread keeps running."""
    texts = [EN * 30] * 400
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    brief.summarize_many(texts, sentences=2)
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5


def test_settings_from_a_dict_and_a_toml_file(tmp_path):
    assert len(brief.summarize(NEWS, config={"summary": {"sentences": 1}})) == 1
    path = tmp_path / "brief.toml"
    path.write_text("[summary]\nsentences = 2\n", encoding="utf-8")
    assert len(brief.summarize(NEWS, config=path)) == 2
    assert len(brief.summarize(NEWS, config=str(path))) == 2
    cfg = brief.load_config(path)
    assert isinstance(cfg, brief.Config)
    assert "sentences=2" in repr(cfg)
    # A flag replaces the file's length, as on the command line.
    assert len(brief.summarize(NEWS, sentences=3, config=cfg)) == 3


def test_bad_arguments_raise_value_and_type_errors():
    with pytest.raises(ValueError, match="at most one"):
        brief.summarize(EN, words=10, sentences=2)
    with pytest.raises(ValueError, match="negative"):
        brief.summarize(EN, words=-1)
    with pytest.raises(TypeError):
        brief.summarize(EN, words="10")
    with pytest.raises(TypeError):
        brief.summarize(42)
    with pytest.raises(TypeError):
        brief.summarize_many("not a list")
    with pytest.raises(ValueError, match="empty"):
        brief.summarize([])
    with pytest.raises(TypeError):
        brief.summarize(EN, config=3)


def test_library_errors_are_brief_errors(tmp_path):
    with pytest.raises(brief.InvalidLanguageError) as e:
        brief.summarize(EN, lang="english!")
    assert isinstance(e.value, brief.Error) and isinstance(e.value, ValueError)
    with pytest.raises(brief.InvalidSettingError, match="ratio"):
        brief.summarize(EN, ratio=1.5)
    with pytest.raises(brief.InvalidSettingError, match="algorithm"):
        brief.summarize(EN, algorithm="magic")
    bad = tmp_path / "bad.toml"
    bad.write_text("[summary]\nwords = \"many\"\n", encoding="utf-8")
    with pytest.raises(brief.ConfigError, match="bad.toml:2"):
        brief.summarize(EN, config=bad)
    with pytest.raises(brief.ConfigError, match="<dict>"):
        brief.load_config({"summry": {}})
    with pytest.raises(brief.ConfigError):
        brief.load_config(tmp_path / "missing.toml")
    with pytest.raises(brief.ItemError, match=r"<items>:2: missing \"id\""):
        brief.summarize_many([EN, {"text": EN}])
    with pytest.raises(brief.IoError) as e:
        brief.merge([tmp_path / "nope.xlf"])
    assert isinstance(e.value, OSError) and "nope.xlf" in str(e.value)
    with pytest.raises(brief.InputError):
        brief.merge({"brief.fa.xliff20.xlf": b"<xliff version='9'/>"})
    with pytest.raises(brief.InputError, match="no sentences"):
        brief.export("", to="fa")


def test_export_merge_round_trip(tmp_path):
    # Texts in two languages are one export only with the language given (as the CLI).
    files = brief.export([EN, RU], to=["fa", "ru"], formats=["xliff20", "tsv"], all=True, names=["a", "b"],
                         lang="en")
    assert sorted(files) == [
        "brief.fa.tsv", "brief.fa.xliff20.xlf", "brief.reference.jsonl", "brief.ru.tsv", "brief.ru.xliff20.xlf"
    ]
    assert all(isinstance(v, bytes) for v in files.values())
    assert b'trgLang="fa"' in files["brief.fa.xliff20.xlf"]
    # Fill the TSV's target column as an MT engine would.
    lines = files["brief.fa.tsv"].decode("utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    filled = [header]
    for i, row in enumerate(rows):
        cells = row.split("\t")
        # A translation keeps the source's numbers (merge compares values)
        # and names the row in letters, not digits.
        numbers = " ".join(w.strip(".,") for w in cells[3].split() if any(c.isdigit() for c in w))
        cells[4] = f"ترجمه {'ابپتثجچحخدذرزژسشصضطظ'[i]} {numbers}".strip()
        filled.append("\t".join(cells))
    result = brief.merge({"brief.fa.tsv": "\n".join(filled) + "\n"}, tmx=True)
    assert result["problems"] == []
    (fa,) = result["translations"]
    assert fa["lang"] == "fa" and fa["segment_count"] == 6
    assert fa["text"].startswith("ترجمه ا 5")
    assert result["tmx"].startswith(b"<?xml")
    # The untouched file has only empty targets: problems, not exceptions.
    problems = brief.merge({"brief.ru.tsv": files["brief.ru.tsv"]})["problems"]
    assert {p["kind"] for p in problems} == {"empty-target"}
    assert all("missing translation" in p["message"] for p in problems)


def test_export_writes_to_a_directory_without_clobbering(tmp_path):
    files = brief.export(EN, to="fa", formats="xliff12", out_dir=tmp_path)
    # The file for translators, and the export's reference copy beside it.
    assert sorted(files) == ["brief.fa.xliff12.xlf", "brief.reference.jsonl"]
    name = "brief.fa.xliff12.xlf"
    assert (tmp_path / name).read_bytes() == files[name]
    (tmp_path / name).write_bytes(b"keep")
    with pytest.raises(brief.Error):
        brief.export(EN, to="fa", formats="xliff12", out_dir=tmp_path)
    assert (tmp_path / name).read_bytes() == b"keep"
    brief.export(EN, to="fa", formats="xliff12", out_dir=tmp_path, force=True)
    assert (tmp_path / name).read_bytes() == files[name]


def fill_tsv(contents):
    """The TSV with every target filled, as a translator would (not a copy
    of the source, which merge reports as untranslated)."""
    lines = contents.decode("utf-8").split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if line:
            cols = line.split("\t")
            cols[4] = "ترجمه " + cols[3]
            line = "\t".join(cols)
        out.append(line)
    return "\n".join(out).encode("utf-8")


def test_export_many_bundles_per_source_language_and_merges_back():
    items = [{"id": "e1", "text": EN}, {"id": "r1", "text": RU}, {"id": "e2", "text": EN.upper()}]
    records, files = brief.export_many(items, to="fa", formats="tsv", sentences=1)
    assert [r["id"] for r in records] == ["e1", "r1", "e2"]
    assert sorted(files) == [
        "en/brief.fa.tsv", "en/brief.reference.jsonl", "ru/brief.fa.tsv", "ru/brief.reference.jsonl"
    ]
    merged = brief.merge({"brief.fa.tsv": fill_tsv(files["en/brief.fa.tsv"])})
    assert merged["problems"] == []
    docs = [s["document"] for s in merged["translations"][0]["sentences"]]
    assert docs == ["e1#0", "e2#0"]


def test_bytes_items_are_jsonl_lines():
    line = json.dumps({"id": 3, "text": NEWS}).encode("utf-8")
    (record,) = brief.summarize_many([line], sentences=1)
    assert record["id"] == "3"
    assert record["summary"] == brief.summarize_many([{"id": "3", "text": NEWS}], sentences=1)[0]["summary"]
    # The message the CLI gives for the same line of a batch file.
    with pytest.raises(brief.ItemError, match=r"<items>:2: invalid UTF-8 at byte 0 of the line"):
        brief.summarize_many([line, b"\xff{}"])
    with pytest.raises(brief.ItemError, match=r"<items>:1: not a JSON object"):
        brief.summarize_many([b"[1, 2]"])


def test_merge_reports_targets_in_the_wrong_script():
    # The Russian translation delivered as the Persian file is no Persian
    # brief: merge reports every unit, as the CLI does.
    files = brief.export(EN, to="fa", formats="tsv")
    lines = files["brief.fa.tsv"].decode("utf-8").splitlines()
    filled = [lines[0]]
    for i, row in enumerate(lines[1:]):
        cells = row.split("\t")
        cells[4] = f"Перевод номер {i + 1}"
        filled.append("\t".join(cells))
    result = brief.merge({"brief.fa.tsv": "\n".join(filled) + "\n"})
    kinds = {p["kind"] for p in result["problems"]}
    assert kinds == {"wrong-language"}, result["problems"]
    assert len(result["problems"]) == len(lines) - 1
