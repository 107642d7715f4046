"""``brief._brief.translate`` runs the ``brief translate`` job against a
local LibreTranslate stand-in (scripts/mt_fake_server.py): every empty
target filled and marked as machine work, which ``merge`` reports until it
is accepted; the key stays out of every result; an engine that does not
answer raises, naming the engine, with nothing written."""

import json
import pathlib
import socket
import subprocess
import sys
import time

import pytest

import brief

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTICLE = (
    "The council approved a budget of 5 million dollars on Monday. "
    "The plan adds 25 buses to the city fleet, officials said. "
    "Details are at https://example.org/plan and questions go to press@example.org."
)
KEY = "py-sekret-4411"
FAST = {"mt": {"retries": 0, "connect_timeout": 2.0, "read_timeout": 10.0, "request_timeout": 20.0}}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    """The stand-in on a free port; its URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "mt_fake_server.py"), str(port)],
        stdout=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the stand-in server did not start")
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def exported(tmp_path):
    out = tmp_path / "out"
    brief.export(ARTICLE, to=["ru"], formats=["xliff20", "tsv"], all=True, lang="en", out_dir=out)
    return [out / "brief.ru.xliff20.xlf", out / "brief.ru.tsv"]


def test_translate_fills_marks_and_merge_reports_machine_work(tmp_path, server, monkeypatch):
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", KEY)
    files = exported(tmp_path)
    mt = tmp_path / "mt"
    result = json.loads(brief._brief.translate([str(f) for f in files], str(mt), "libretranslate", server))
    assert result["machine"] == 6 and result["distinct"] == 6
    assert result["requests"] == 3, "GET /languages once, one POST per file"
    assert result["findings"] == []
    assert sorted(pathlib.Path(p).name for p in result["files"]) == ["brief.ru.tsv", "brief.ru.xliff20.xlf"]
    assert KEY not in json.dumps(result)
    xliff = (mt / "brief.ru.xliff20.xlf").read_text(encoding="utf-8")
    assert 'subState="brief:mt-libretranslate"' in xliff
    assert "https://example.org/plan" in xliff and KEY not in xliff
    merged = brief.merge([str(mt / "brief.ru.xliff20.xlf")])
    kinds = {p["kind"] for p in merged["problems"]}
    assert kinds == {"machine-translation"}, merged["problems"]
    # Outputs are never replaced without force.
    with pytest.raises(brief.errors.Error):
        brief._brief.translate([str(files[1])], str(mt), "libretranslate", server)
    again = brief.translate([files[1]], mt, "libretranslate", server, force=True)
    assert again["machine"] == 3


def test_an_engine_that_does_not_answer_raises_and_writes_nothing(tmp_path):
    files = exported(tmp_path)
    mt = tmp_path / "mt"
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(brief.errors.Error, match="libretranslate: "):
        brief._brief.translate([str(files[0])], str(mt), "libretranslate", url, config=brief.load_config(FAST))
    assert not mt.exists() or not any(mt.iterdir())


def test_bad_arguments_are_value_errors(tmp_path):
    files = exported(tmp_path)
    with pytest.raises(ValueError, match="expected libretranslate or deepl"):
        brief._brief.translate([str(files[0])], str(tmp_path / "mt"), "google", "http://127.0.0.1:9")
    with pytest.raises(ValueError, match="needs the server's URL"):
        brief._brief.translate([str(files[0])], str(tmp_path / "mt"), "libretranslate")


def test_translate_checks_its_arguments(tmp_path):
    with pytest.raises(ValueError, match="files"):
        brief.translate([], tmp_path / "mt", "libretranslate", "http://127.0.0.1:9")
    with pytest.raises(TypeError, match="engine"):
        brief.translate([tmp_path / "a.xlf"], tmp_path / "mt", None, "http://127.0.0.1:9")
    with pytest.raises(TypeError, match="force"):
        brief.translate([tmp_path / "a.xlf"], tmp_path / "mt", "deepl", force=1)
