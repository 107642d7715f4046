"""brief: news articles into short briefs, ready for translation.

Python bindings of the brief Rust library (no subprocess): the results equal
the ``brief`` command's, byte for byte where the command prints JSON.

    >>> import brief
    >>> text = "Rain fell on Tehran on Monday. The rain filled the dams. A cat slept."
    >>> brief.detect(text)["lang"]
    'en'
    >>> [s["text"] for s in brief.summarize(text, sentences=1)]  # doctest: +SKIP
    ['Rain fell on Tehran on Monday.']

Offsets: ``start``/``end`` are character offsets into the text as
prepared (see below; the ``str`` itself unless it starts with a BOM or is a
web page: ``prepare_text(text)[s["start"]:s["end"]] == s["text"]``);
``byte_start``/``byte_end`` are the UTF-8 byte offsets the CLI prints.

Settings: ``config=`` takes a :class:`Config`, the path of a TOML file (the
layout of ``config/default.toml``), or a mapping with that layout
(``{"summary": {"words": 80}}``). Without it, the built-in defaults are used;
unlike the CLI, no ``./brief.toml`` is looked for.

Inputs: every text (a ``str``, or ``bytes`` as read from a file) is prepared
exactly as the CLI prepares a file holding it: bytes that are not UTF-8 (or
UTF-16 with a byte-order mark) are refused with :class:`EncodingError`
(``encoding=`` reads another encoding, as ``--encoding``), a byte-order mark
is dropped, a web page becomes its article text (``html=True`` takes every
text as a page, as ``--input html``), and a text larger than ``max_input``
bytes (default :data:`DEFAULT_MAX_INPUT`, 256 MiB, as ``--max-input``) is
refused with :class:`InputError`. Offsets point into the prepared text
(:func:`prepare_text` returns it).

Threads: every call releases the GIL while it works; the ``*_many`` forms
process their items on all cores (set ``RAYON_NUM_THREADS`` before the first
call to use fewer). The threads belong to the process that made them: a
child forked after a call (``multiprocessing`` on Linux) makes its own.
Ctrl-C raises ``KeyboardInterrupt`` within a tenth of a second during any
call (a long job still running stops at its next chunk of items).
"""

import json as _json
import os as _os
import warnings as _warnings
from collections.abc import Mapping as _Mapping

from . import _brief
from ._args import (
    _cluster,
    _count,
    _export_options,
    _flag,
    _input,
    _items,
    _opt_path,
    _opt_str,
    _options,
    _paths,
    _required_path,
    _source,
    _text,
    _texts,
    _translated,
)
from .errors import (
    ConfigError,
    EncodingError,
    Error,
    InputError,
    InternalError,
    InvalidLanguageError,
    InvalidSettingError,
    IoError,
    ItemError,
    UsageError,
)

__version__ = _brief.__version__
DEFAULT_MAX_INPUT = _brief.DEFAULT_MAX_INPUT

Config = _brief.Config
Config.__doc__ = """A parsed configuration.

``Config()`` is the built-in defaults; ``Config.from_file(path)`` reads a
TOML file; ``Config.from_toml(text)`` parses TOML text;
``brief.load_config(mapping)`` builds one from a mapping. Parse once and pass it
to many calls to avoid re-reading the file."""

__all__ = [
    "Config",
    "load_config",
    "prepare_text",
    "DEFAULT_MAX_INPUT",
    "detect",
    "detect_many",
    "segment",
    "segment_many",
    "summarize",
    "summarize_many",
    "export",
    "export_many",
    "merge",
    "check",
    "update_memory",
    "translate",
    "Summary",
    "Error",
    "IoError",
    "EncodingError",
    "ConfigError",
    "InvalidSettingError",
    "InvalidLanguageError",
    "ItemError",
    "InputError",
    "InternalError",
    "UsageError",
    "__version__",
]

def load_config(value=None):
    """Returns a :class:`Config` from ``None`` (the defaults), a Config, the
    path of a TOML file (``str`` or ``os.PathLike``) or a mapping with the
    TOML file's layout. Raises :class:`ConfigError` naming the file (or
    ``<dict>``) and the line."""
    if value is None:
        return None
    if isinstance(value, Config):
        return value
    if isinstance(value, (str, _os.PathLike)):
        return Config.from_file(_os.fspath(value))
    if isinstance(value, _Mapping):
        try:
            text = _json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise ValueError(f"config: {e}") from None
        return Config.from_json(text, "<dict>")
    raise TypeError(
        "config must be a brief.Config, a path to a TOML file or a mapping, "
        f"not {type(value).__name__}"
    )


def prepare_text(text, *, max_input=DEFAULT_MAX_INPUT, encoding=None, html=False):
    """The text every function of brief works on when given ``text`` (a
    ``str`` or ``bytes``): what the CLI reads from a file holding it.
    Bytes that are not valid UTF-8 (windows-1251 text, say) raise
    :class:`EncodingError` unless ``encoding`` names their encoding; a
    leading byte-order mark is dropped; a web page (or any text with
    ``html=True``) becomes its article text; more than ``max_input`` bytes
    raise :class:`InputError`. Offsets that brief returns point into this
    text."""
    _text(text, "text")
    return _brief.prepare_text(text, _input(max_input, encoding, html))


def _warn(warnings):
    """The CLI's warnings (``brief: warning: ...`` on its stderr), each
    issued as a UserWarning at the caller of the public function."""
    for message in warnings:
        _warnings.warn(message, stacklevel=3)


def _files(result):
    """{name: contents} of an export, its warnings issued as UserWarning."""
    pairs, warnings = result
    for message in warnings:
        _warnings.warn(message, stacklevel=3)
    return {name: contents for name, contents in pairs}


def _write(out_dir, files, force):
    if out_dir is not None:
        _paths, warnings = _brief.write_files(_os.fspath(out_dir), list(files.items()), bool(force))
        for message in warnings:
            _warnings.warn(message, stacklevel=3)


class Summary:
    """A brief kept with the analysis it was made from
    (``brief.summarize(..., keep=True)``): :func:`export` takes it without
    analyzing or summarizing the texts again.

    ``sentences`` is the list :func:`summarize` returns; ``record`` the
    whole record (``lang``, ``algorithm``, ``budget``, ...)."""

    __slots__ = ("record", "_kept")

    def __init__(self, record, kept):
        self.record = record
        self._kept = kept

    @property
    def sentences(self):
        return self.record["summary"]

    def __repr__(self):
        return f"brief.Summary(lang={self.record['lang']!r}, sentences={len(self.sentences)})"


def detect(text, lang=None, config=None, *, max_input=DEFAULT_MAX_INPUT, encoding=None, html=False):
    """Detects the language of ``text``.

    Returns ``{"lang", "confidence", "script", "method"}``: an ISO 639 code,
    a confidence between 0 and 1, the dominant writing system (or ``None``)
    and how the language was decided (``override``, ``function-words``,
    ``detector``, ``evidence``, ``script`` or ``fallback``). ``lang`` (or ``[segment] lang`` of the
    configuration) overrides detection, as the CLI's ``--lang``."""
    return detect_many(
        [_text(text, "text")], lang=lang, config=config, max_input=max_input, encoding=encoding, html=html
    )[0]


def detect_many(texts, lang=None, config=None, *, max_input=DEFAULT_MAX_INPUT, encoding=None, html=False):
    """:func:`detect` for a list of texts, on all cores."""
    texts = _texts(texts, "texts")
    return _json.loads(
        _brief.detect(
            texts, _input(max_input, encoding, html), _opt_str(lang, "lang"), load_config(config)
        )
    )


def segment(
    text, lang=None, line_breaks=None, config=None, *, max_input=DEFAULT_MAX_INPUT, encoding=None, html=False
):
    """Splits ``text`` into sentences.

    Returns a list of ``{"text", "start", "end", "byte_start", "byte_end",
    "paragraph"}``: ``text[start:end]`` is the sentence (character offsets
    into the ``str``), ``byte_start``/``byte_end`` are the UTF-8 byte
    offsets that ``brief segment`` prints, ``paragraph`` is zero-based.
    ``line_breaks`` is ``"auto"`` (default), ``"sentence"`` or ``"space"``."""
    return segment_many(
        [_text(text, "text")],
        lang=lang,
        line_breaks=line_breaks,
        config=config,
        max_input=max_input,
        encoding=encoding,
        html=html,
    )[0]


def segment_many(
    texts, lang=None, line_breaks=None, config=None, *, max_input=DEFAULT_MAX_INPUT, encoding=None, html=False
):
    """:func:`segment` for a list of texts, on all cores: one list of
    sentences per text."""
    texts = _texts(texts, "texts")
    docs = _json.loads(
        _brief.segment(
            texts,
            _input(max_input, encoding, html),
            _opt_str(lang, "lang"),
            _opt_str(line_breaks, "line_breaks"),
            load_config(config),
        )
    )
    return [d["sentences"] for d in docs]


def summarize(
    text_or_texts,
    lang=None,
    sentences=None,
    words=None,
    chars=None,
    bytes=None,
    ratio=None,
    algorithm=None,
    query=None,
    config=None,
    *,
    order=None,
    names=None,
    keep=False,
    max_input=DEFAULT_MAX_INPUT,
    encoding=None,
    html=False,
):
    """Summarizes one article (a ``str``) or one cluster of articles on the
    same event (a list of ``str``, as ``brief summarize a.txt b.txt``).

    Give at most one length: ``sentences``, ``words``, ``chars`` (Unicode
    characters), ``bytes`` (UTF-8) or ``ratio`` (a fraction of the input's
    words); without one, ``[summary]`` of the configuration (3 sentences by
    default). ``algorithm``: ``auto`` (default), ``lead``, ``lexrank``,
    ``lexrank-threshold``, ``textrank``, ``position``, ``centroid``,
    ``submodular``. ``query`` focuses the brief on a topic. ``order``:
    ``"document"`` (default) or ``"rank"``.

    Returns the brief's sentences: ``{"text", "doc", "sentence", "rank",
    "start", "end", "byte_start", "byte_end", "score"}`` with ``doc`` the
    index of the text in the cluster and ``sentence`` the sentence's index
    in it, both from 0 as every index brief outputs (the CLI's JSON and the
    exported files), ``rank`` 1 for the best-scored sentence, and
    ``start``/``end`` character offsets into the text. For the
    brief's language, algorithm and budget, use :func:`summarize_many`.

    With ``keep=True``, returns a :class:`Summary` instead, which
    :func:`export` takes without a second analysis."""
    names, texts = _cluster(text_or_texts, names)
    options = _options(lang, sentences, words, chars, bytes, ratio, algorithm, query, order)
    input_ = _input(max_input, encoding, html)
    if _flag(keep, "keep"):
        record, kept, warnings = _brief.summarize_kept(names, texts, options, input_, load_config(config))
        _warn(warnings)
        return Summary(_json.loads(record), kept)
    record, warnings = _brief.summarize(names, texts, options, input_, False, load_config(config))
    _warn(warnings)
    return _json.loads(record)["summary"]


def summarize_many(
    items,
    lang=None,
    sentences=None,
    words=None,
    chars=None,
    bytes=None,
    ratio=None,
    algorithm=None,
    query=None,
    config=None,
    *,
    order=None,
    as_jsonl=False,
    max_input=DEFAULT_MAX_INPUT,
    encoding=None,
    html=False,
    source=None,
    first_line=1,
    keep_going=False,
):
    """Summarizes many articles, one brief each, on all cores without the GIL.

    ``items``: a list of ``str`` (ids ``"0"``, ``"1"``, ...), of
    ``(id, text)`` pairs, of mappings in the CLI's JSONL batch layout
    (``{"id", "text"}``, or ``{"id", "documents": [...]}`` for a cluster,
    with optional ``"lang"`` and ``"query"``), or of ``bytes``, each one
    line of a JSONL batch file, prepared and parsed as the CLI does (not
    UTF-8: refused; a byte-order mark, a ``\r`` and surrounding white space
    such as a no-break space: dropped; a blank line: skipped, with no
    record). A ``str`` (or the text of a pair) is prepared as the CLI
    prepares a file (see :func:`prepare_text`). An item that cannot be used
    raises :class:`ItemError` (or :class:`EncodingError`,
    :class:`InputError`) naming the first such item in order, as
    ``<items>:N`` (N from 1; ``source`` and ``first_line`` name them as a
    batch file and its line numbers instead). Options as :func:`summarize`;
    ``lang`` and ``query`` here win over the items' own.

    Returns one record per item, in order: ``{"id", "lang", "summary":
    [...], "algorithm", "budget": {"unit", "limit"}, "used",
    "input_sentences"}`` with the sentences as in :func:`summarize`. With
    ``as_jsonl=True``, each record is instead the exact JSON line (without
    the newline) of ``brief summarize --input jsonl --format jsonl``, whose
    ``start``/``end`` are byte offsets.

    ``keep_going=True`` (``--keep-going``): an item that cannot be used (an
    :class:`ItemError`: a malformed line, an item of the wrong shape) is
    skipped instead, with a ``UserWarning`` ``skipped: <items>:N: ...``
    (where the CLI prints ``brief: skipped: ...`` and ends with exit code
    1); it has no record."""
    options = _options(lang, sentences, words, chars, bytes, ratio, algorithm, query, order)
    input_ = _input(max_input, encoding, html, keep_going)
    lines, warnings = _brief.summarize_items(
        _items(items, max_input),
        options,
        input_,
        _source(source, first_line),
        _flag(as_jsonl, "as_jsonl"),
        load_config(config),
    )
    _warn(warnings)
    return lines if as_jsonl else [_json.loads(line) for line in lines]


def export(
    text_or_texts,
    to=None,
    formats=None,
    *,
    names=None,
    lang=None,
    sentences=None,
    words=None,
    chars=None,
    bytes=None,
    ratio=None,
    all=False,
    target=None,
    source_tag=None,
    config=None,
    out_dir=None,
    force=False,
    tm=None,
    glossary=None,
    max_input=DEFAULT_MAX_INPUT,
    encoding=None,
    html=False,
):
    """Exports the brief of one article or cluster (or, with ``all=True``,
    every sentence) for translation, as ``brief export``.

    ``to``: target language tags (``["fa", "ru-RU"]``; default ``[export]
    targets``); ``formats``: ``xliff20``, ``xliff21``, ``xliff12``, ``tmx``,
    ``tsv``, ``jsonl``, ``omegat`` (an OmegaT project
    ``brief.<lang>.omegat/``; each empty folder it needs is a name ending
    in ``/`` with empty contents) (default ``[export] formats``); an empty
    ``to`` or ``formats`` is refused, as by the CLI; ``target``:
    ``"empty"`` (default), ``"source"`` or ``"none"``; ``source_tag``: the
    source language tag written into the files. ``names`` name the documents
    inside the files (default ``doc1``, ``doc2``, ...; the CLI uses the file
    paths).

    Returns ``{file name: contents (bytes)}``, e.g.
    ``{"brief.fa.xliff20.xlf": b"<?xml ..."}``. With ``out_dir``, also writes
    them there atomically; an existing file is never replaced without
    ``force=True`` (then nothing is written and :class:`IoError` or
    :class:`InputError` is raised).

    ``text_or_texts`` may also be a :class:`Summary` (from
    ``summarize(..., keep=True)``): its brief is exported as it is, with
    no second analysis (give no length then). ``tm``: translation
    memories (TMX paths, the first match wins) whose exact matches fill
    the targets and whose fuzzy matches become candidates; ``glossary``: a
    CSV/TSV/TBX glossary whose terms are written beside each source, as
    ``brief export --tm ... --glossary ...``. Texts in several languages
    are refused (``ValueError``) unless ``lang`` or ``source_tag`` is
    given, as by the CLI; a target in the source language is skipped with
    a ``UserWarning``."""
    input_ = _input(max_input, encoding, html)
    export_options = _export_options(to, formats, all, target, source_tag, tm, glossary, max_input)
    _flag(force, "force")
    if isinstance(text_or_texts, Summary):
        if any(v is not None for v in (lang, sentences, words, chars, bytes, ratio)) or names:
            raise ValueError("a Summary is exported as it is: give no lang, length or names")
        files = _files(_brief.export_kept(text_or_texts._kept, export_options, load_config(config)))
    else:
        names, texts = _cluster(text_or_texts, names)
        options = _options(lang, sentences, words, chars, bytes, ratio)
        files = _files(_brief.export(names, texts, options, input_, export_options, load_config(config)))
    _write(out_dir, files, force)
    return files


def export_many(
    items,
    to=None,
    formats=None,
    *,
    lang=None,
    sentences=None,
    words=None,
    chars=None,
    bytes=None,
    ratio=None,
    algorithm=None,
    query=None,
    order=None,
    target=None,
    source_tag=None,
    config=None,
    out_dir=None,
    force=False,
    as_jsonl=False,
    tm=None,
    glossary=None,
    max_input=DEFAULT_MAX_INPUT,
    encoding=None,
    html=False,
    source=None,
    first_line=1,
    keep_going=False,
):
    """Summarizes many articles (as :func:`summarize_many`) and exports all
    their briefs together, exactly as ``brief export --input jsonl`` (the
    same files, byte for byte, for the same items and options): one file per
    source language, target and format, named ``<source
    lang>/brief.<target>.<format>...`` (e.g. ``en/brief.fa.xliff20.xlf``).
    Segment ids run ``s1..sN`` over each source language's set and each
    segment names its article as ``<id>#0`` (``<id>#i`` for the i-th text of
    a cluster), so :func:`merge` can route the translations back. An item
    with no sentence gets no segments; a repeated id raises
    :class:`ItemError`; a source language whose every target is its own
    language gets no files (a batch with nothing to translate raises
    ``ValueError``).

    Returns ``(records, files)``: the records of :func:`summarize_many` (CLI
    JSON lines with ``as_jsonl=True``) and ``{name: bytes}``; with
    ``out_dir``, the files are also written there (see :func:`export`);
    ``tm`` and ``glossary`` as for :func:`export`, for every item;
    ``keep_going`` as for :func:`summarize_many` (a repeated id is then
    skipped too, as by the CLI)."""
    options = _options(lang, sentences, words, chars, bytes, ratio, algorithm, query, order)
    _flag(force, "force")
    lines, result = _brief.export_items(
        _items(items, max_input),
        options,
        _input(max_input, encoding, html, keep_going),
        _export_options(to, formats, False, target, source_tag, tm, glossary, max_input),
        _source(source, first_line),
        _flag(as_jsonl, "as_jsonl"),
        load_config(config),
    )
    files = _files(result)
    _write(out_dir, files, force)
    records = lines if as_jsonl else [_json.loads(line) for line in lines]
    return records, files


def merge(files, *, tmx=False, reference=None, allow_partial=False, accept_mt=False, strict=False, config=None):
    """Reads translated files (XLIFF 2.x/1.2, TMX, TSV or JSONL written by
    :func:`export` and filled by a translator or an MT engine) and assembles
    one translated brief per target language, checking every unit for drift
    (a changed source), missing units or targets, unknown and duplicate ids,
    exactly as ``brief merge`` (the same library job).

    ``files``: a list of paths, or a mapping ``{name: contents}`` with
    ``bytes`` or ``str`` contents (the name tells the format by its
    extension, as a path would, and names the file in problems).
    ``reference``: the export's ``brief.reference.jsonl`` (or any file of
    the export); without it, the one beside the first file on disk that has
    one is used, as by the CLI.

    Returns ``{"translations": [{"lang", "source_lang", "segment_count",
    "sentences": [{"id", "source", "target", ...}], "text"}], "problems":
    [{"lang", "id", "kind", "file", "message"}], "checks": [...],
    "reference": path or None}``: ``brief merge --format json`` plus each
    problem's ``message``, the check findings the CLI prints on stderr
    (as :func:`check`'s ``problems``) and the reference used. Problems are
    data, not exceptions; an unreadable or invalid file raises
    :class:`IoError` or :class:`InputError`. With ``tmx=True``, ``"tmx"``
    holds one multilingual TMX memory (bytes).

    Files beside two or more references (the sets of a batch export,
    ``day/en/`` and ``day/ru/``) are merged as ``brief merge`` merges them:
    each against the reference of its own export; every translation and
    problem then names its ``"set"`` (the set's directory, ``"en"``),
    ``"sets"`` lists ``[{"set", "reference"}]`` (``"reference"`` is then
    ``None``), and the TMX holds every set's units. A file of none of those
    exports raises :class:`InputError` naming it.

    ``allow_partial=True`` (``--allow-partial``): a target language of the
    export with no file is no problem; ``accept_mt=True``
    (``--accept-mt``): machine translation that no translator confirmed
    (``translate``'s marks still in place) is taken as it is instead of
    reported. ``problems`` is then what the CLI reports with the same flags:
    non-empty exactly when ``brief merge`` exits with code 1.

    ``"problem_count"`` is the number of problems ``brief merge`` counts
    with the same flags (the ``N`` of its ``N problem(s)`` line): the
    length of ``problems``, and with ``strict=True`` (``--strict``) the
    check findings of severity ``error`` too, counted by the merge job's
    own rule. It is above 0 exactly when ``brief merge`` (with
    ``--strict`` when ``strict=True``) exits with code 1."""
    text, memory, warnings = _brief.merge(
        _translated(files),
        _opt_path(reference, "reference"),
        _flag(tmx, "tmx"),
        _flag(allow_partial, "allow_partial"),
        _flag(accept_mt, "accept_mt"),
        _flag(strict, "strict"),
        load_config(config),
    )
    _warn(warnings)
    result = _json.loads(text)
    if tmx:
        result["tmx"] = memory
    return result


def check(files, *, reference=None, glossary=None, config=None, max_input=DEFAULT_MAX_INPUT):
    """Checks translations against their sources (numbers, spelling,
    punctuation, glossary terms, consistency...), exactly as ``brief check``
    (the same library job). ``files`` and ``reference`` as for
    :func:`merge`; ``glossary``: a CSV/TSV/TBX glossary.

    Returns ``brief check --format json``'s object: ``{"units", "errors",
    "warnings", "items"?, "problems": [{"file", "id", "item"?, "lang",
    "check", "severity", "message"}]}``. Several sets (as for
    :func:`merge`): each file checked against its own set's reference, one
    report. ``max_input`` bounds the glossary, as ``--max-input``."""
    _input(max_input, None, False)
    report, warnings = _brief.check(
        _translated(files),
        _opt_path(reference, "reference"),
        _opt_path(glossary, "glossary"),
        max_input,
        load_config(config),
    )
    _warn(warnings)
    return _json.loads(report)


def update_memory(memory, files, *, reference=None, date=None, allow_partial=False, config=None):
    """Adds the translations of ``files`` to the TMX memory at ``memory``
    (created if missing), as ``brief merge --update-tm MEMORY`` (the same
    library job): only units without problems are added, and when merge
    finds problems nothing is written unless ``allow_partial=True``.
    ``date``: the entries' date in Unix seconds (default: now).

    Returns ``{"written", "translations_added", "translations_replaced",
    "translations_unchanged", "translations_skipped", "units_added",
    "units_updated", "conflicts", "problems"}``: ``"written"`` says whether
    the memory file was written (an update that changes nothing leaves it
    untouched); the counters count as the CLI's summary does: the ``translations_*`` add up to the translations merged,
    the ``units_*`` count ``<tu>`` elements. Several sets (as for
    :func:`merge`): every set's translations in one update, each tagged with
    its own export id, and nothing written when any set has problems (unless
    ``allow_partial``). Two different translations of one source into one
    language (from two sets, or two units of one) are both kept; each such
    pair is in ``"conflicts"``: ``{"source", "source_lang", "lang", "first":
    {"file", "id", "target"}, "other": {...}}``, as the CLI warns of them
    (docs/tm.md, "Conflicts")."""
    if date is not None and (isinstance(date, bool) or not isinstance(date, int) or date < 0):
        raise TypeError("date must be a non-negative int (Unix seconds) or None")
    if date is not None:
        _count(date, "date")
    result, warnings = _brief.update_memory(
        _os.fspath(memory),
        _translated(files),
        _opt_path(reference, "reference"),
        date,
        _flag(allow_partial, "allow_partial"),
        load_config(config),
    )
    _warn(warnings)
    return _json.loads(result)


def translate(files, out_dir, engine, url=None, *, tm=None, force=False, config=None):
    """Fills the empty targets of exported ``files`` (paths of XLIFF 2.x/1.2,
    TMX, TSV or JSONL files written by :func:`export`) with a machine
    translation engine and writes them to ``out_dir`` under their own names,
    as ``brief translate`` (the same library job): all files or none, an
    existing output replaced only with ``force=True``. ``engine``:
    ``"libretranslate"`` or ``"deepl"`` (a key only from the environment
    variable the configuration's ``[mt] key_env`` names, as for the CLI); ``url``:
    the engine's address; ``tm``: translation memories whose exact matches
    are used before the engine.

    Returns ``{"files", "machine", "distinct", "from_memory", "kept",
    "requests", "findings"}``; an engine that fails raises :class:`Error`
    naming the engine and the reason, with nothing written."""
    paths = _paths(files, "files")
    if not paths:
        raise ValueError("files must name at least one exported file")
    if not isinstance(engine, str):
        raise TypeError(f"engine must be a str, not {type(engine).__name__}")
    return _json.loads(
        _brief.translate(
            paths,
            _required_path(out_dir, "out_dir"),
            engine,
            _opt_str(url, "url"),
            _paths(tm, "tm"),
            _flag(force, "force"),
            load_config(config),
        )
    )
