"""``merge(..., strict=True)`` is ``brief merge --strict``: the check
errors count as problems too, by the merge job's own rule, and
``problem_count`` is the count the CLI reports (``N problem(s)``) and
exits with code 1 on, with and without ``strict``, on wrong translation
work of every kind (python/README.md, "Errors and exit codes")."""

import re
import shutil

import pytest

import brief

from test_parity_variants import WRONG_WORK, _rows, _with_rows, _wrong_work, delivered  # noqa: F401 (a fixture)


def _checked_work(filled):
    """(name, TSV text) of work merge takes but the checks find errors in:
    Arabic letters in Persian, a bracket left open, a word twice."""
    header, rows = _rows(filled)

    def targets(change):
        return _with_rows(header, [r[:4] + [change(r[4])] + r[5:] for r in rows])

    yield "arabic letters", targets(lambda t: "كتاب " + t)
    yield "open bracket", targets(lambda t: t + " (")
    yield "word twice", targets(lambda t: t.replace("ترجمه ", "ترجمه ترجمه ", 1))


CHECKED_WORK = [name for name, _ in _checked_work("h\nid\ta\tb\tc\td\te\n")]


def _work(filled, name):
    return dict([*_wrong_work(filled), *_checked_work(filled)])[name]


def _counted(err):
    """The N of the CLI's ``brief: N problem(s); nothing written`` line."""
    found = re.findall(r"^brief: (\d+) problem\(s\)", err, re.MULTILINE)
    return int(found[-1]) if found else 0


def _job(tmp_path, delivered, work):  # noqa: F811 (the fixture)
    job, filled = delivered
    d = tmp_path / "job"
    shutil.copytree(job, d)
    tsv = d / "brief.fa.tsv"
    tsv.write_text(_work(filled, work), encoding="utf-8", newline="")
    return tsv


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("work", WRONG_WORK + CHECKED_WORK)
def test_merge_counts_problems_as_the_cli_does_with_and_without_strict(cli, tmp_path, delivered, work, strict):  # noqa: F811
    tsv = _job(tmp_path, delivered, work)
    flag = ["--strict"] if strict else []
    code, _, err = cli("merge", *flag, tsv, code=None)
    try:
        got = brief.merge([tsv], strict=strict)
    except brief.Error as e:
        # A file merge cannot read: refused alike (test_parity_variants
        # compares the messages).
        assert code == 2 == e.exit_code, err
        return
    assert code == (1 if got["problem_count"] else 0), (code, got["problem_count"], err)
    assert got["problem_count"] == _counted(err)
    # The count is merge's problems and, with strict, the check errors.
    errors = sum(c["severity"] == "error" for c in got["checks"])
    assert got["problem_count"] == len(got["problems"]) + (errors if strict else 0)
    # --allow-partial still exits with 1 on the same count.
    code, _, _ = cli("merge", *flag, "--allow-partial", "--format", "json", tsv, code=None)
    partial = brief.merge([tsv], strict=strict, allow_partial=True)
    assert code == (1 if partial["problem_count"] else 0)


@pytest.mark.parametrize("work", CHECKED_WORK)
def test_strict_alone_turns_check_errors_into_exit_code_1(cli, tmp_path, delivered, work):  # noqa: F811
    # Regression: Python's merge had no strict=, so the answer of
    # `brief merge --strict` on this work (exit 1) could not be had.
    tsv = _job(tmp_path, delivered, work)
    assert cli("merge", tsv, code=None)[0] == 0
    loose = brief.merge([tsv])
    assert loose["problems"] == [] and loose["problem_count"] == 0
    assert any(c["severity"] == "error" for c in loose["checks"])
    code, _, err = cli("merge", "--strict", tsv, code=None)
    strict = brief.merge([tsv], strict=True)
    assert code == 1 and strict["problem_count"] == _counted(err) > 0
    # The same findings; only what counts changed.
    assert strict["checks"] == loose["checks"] and strict["problems"] == []
    assert strict["translations"] == loose["translations"]


def test_strict_must_be_a_bool_as_the_flag_is():
    with pytest.raises(TypeError, match="strict"):
        brief.merge({"brief.fa.tsv": b""}, strict="yes")
