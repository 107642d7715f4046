"""Arguments of the public functions, checked as strictly as the CLI's
flags and turned into what the extension takes. Bad arguments raise
``TypeError``/``ValueError`` naming the argument."""

import json as _json
import os as _os
from collections.abc import Mapping as _Mapping

from .errors import InputError

_LENGTHS = ("sentences", "words", "chars", "bytes")
# The largest count or size the library takes (a 64-bit unsigned number),
# as the CLI's flags refuse a larger one ("number too large").
_MAX_COUNT = (1 << 64) - 1


def _count(value, what):
    """A count or size that fits the library's 64-bit numbers: a larger
    int is a ValueError naming the argument (not an OverflowError from
    the conversion), as the CLI refuses a flag too large for its type."""
    if value > _MAX_COUNT:
        raise ValueError(f"{what} is too large: {value} (at most {_MAX_COUNT})")
    return value


_TEXT_TYPES = (str, bytes, bytearray)


def _text(value, what):
    """One text: a str or bytes (a mapping or anything else is refused)."""
    if not isinstance(value, _TEXT_TYPES):
        raise TypeError(f"{what} must be a str or bytes, not {type(value).__name__}")
    return value


def _list(value, what, kinds, kind_name):
    """A list (or other iterable that is not a text or a mapping) of
    ``kinds``; each element checked."""
    if isinstance(value, (str, bytes, bytearray, _Mapping)) or value is None:
        raise TypeError(f"{what} must be a list of {kind_name}, not {type(value).__name__}")
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{what} must be a list of {kind_name}, not {type(value).__name__}") from None
    for i, t in enumerate(items):
        if not isinstance(t, kinds):
            raise TypeError(f"{what}[{i}] must be a {kind_name}, not {type(t).__name__}")
    return items


def _texts(value, what):
    """A list of texts (str or bytes)."""
    return _list(value, what, _TEXT_TYPES, "str or bytes")


def _strs(value, what):
    """A list of str (names, tags, formats)."""
    return _list(value, what, str, "str")


def _flag(value, what):
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be True or False, not {type(value).__name__}")
    return value


def _too_large(name, limit):
    """The CLI's refusal of an input over the limit (a str longer in
    characters than the limit has at least as many UTF-8 bytes)."""
    size = f"{limit >> 20} MiB" if limit >= 1 << 20 and limit % (1 << 20) == 0 else f"{limit} bytes"
    return InputError(
        f"{name}: larger than the input limit of {size}; refusing to read it (raise it with max_input=)"
    )


def _input(max_input, encoding, html, keep_going=False):
    """The input keywords, as the CLI's ``--max-input``, ``--encoding`` and
    ``--input html``. A text over the limit is refused by the extension
    before it is copied, named as the library names it."""
    if isinstance(max_input, bool) or not isinstance(max_input, int):
        raise TypeError(f"max_input must be an int (bytes), not {type(max_input).__name__}")
    if max_input <= 0:
        raise ValueError(f"max_input must be more than 0 bytes, got {max_input}")
    _count(max_input, "max_input")
    return {
        "max_input": max_input,
        "encoding": _opt_str(encoding, "encoding"),
        "html": _flag(html, "html"),
        "keep_going": _flag(keep_going, "keep_going"),
    }


def _opt_str(value, what):
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    return value


def _cluster(text_or_texts, names):
    """(names, texts) of one article (a str or bytes) or one cluster (a list
    of them)."""
    if isinstance(text_or_texts, _TEXT_TYPES):
        texts = [text_or_texts]
    elif isinstance(text_or_texts, _Mapping):
        raise TypeError(
            "text_or_texts must be a str, bytes or a list of them, not a mapping "
            "(for items such as {'id', 'text'} use summarize_many / export_many)"
        )
    else:
        texts = _texts(text_or_texts, "text_or_texts")
        if not texts:
            raise ValueError("text_or_texts is empty: give at least one text")
    if names is None:
        names = [f"doc{i + 1}" for i in range(len(texts))]
    else:
        names = _strs(names, "names")
        if len(names) != len(texts):
            raise ValueError(f"{len(names)} names for {len(texts)} texts")
    return names, texts


def _options(lang, sentences, words, chars, bytes_, ratio, algorithm=None, query=None, order=None):
    options = {}
    for key, value in zip(_LENGTHS, (sentences, words, chars, bytes_)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{key} must be an int, not {type(value).__name__}")
        if value < 0:
            raise ValueError(f"{key} must not be negative, got {value}")
        options[key] = _count(value, key)
    if ratio is not None:
        if isinstance(ratio, bool) or not isinstance(ratio, (int, float)):
            raise TypeError(f"ratio must be a number, not {type(ratio).__name__}")
        options["ratio"] = float(ratio)
    if len(options) > 1:
        raise ValueError("give at most one of sentences, words, chars, bytes, ratio")
    for key, value in (("lang", lang), ("algorithm", algorithm), ("query", query), ("order", order)):
        if _opt_str(value, key) is not None:
            options[key] = value
    return options


def _items(items, max_input):
    """Batch items as the extension takes them: ``("line", None, bytes)``
    for one line of a JSONL batch (``bytes`` as they are, a mapping written
    as JSON), ``("text", id, text)`` for an article (a str is
    ``(str(index), text)``), its text prepared as the CLI prepares a file."""
    if isinstance(items, (str, bytes, bytearray, _Mapping)) or items is None:
        raise TypeError(
            "items must be a list (of str, bytes lines, mappings or (id, text) pairs), "
            f"not {type(items).__name__}"
        )
    try:
        items = list(items)
    except TypeError:
        raise TypeError(f"items must be a list, not {type(items).__name__}") from None
    out = []
    for i, item in enumerate(items):
        if isinstance(item, (bytes, bytearray)):
            out.append(("line", None, item))
            continue
        if isinstance(item, str):
            item_id, text = str(i), item
        elif isinstance(item, tuple) and len(item) == 2:
            item_id, text = item
            if isinstance(item_id, bool) or not isinstance(item_id, (str, int)):
                raise TypeError(f"items[{i}][0] (the id) must be a str or an int, not {type(item_id).__name__}")
            item_id = str(item_id)
            if not isinstance(text, _TEXT_TYPES):
                raise TypeError(f"items[{i}][1] (the text) must be a str or bytes, not {type(text).__name__}")
        elif isinstance(item, _Mapping):
            try:
                line = _json.dumps(dict(item), ensure_ascii=False, allow_nan=False)
            except (TypeError, ValueError) as e:
                raise TypeError(f"items[{i}]: {e}") from None
            out.append(("line", None, line.encode("utf-8")))
            continue
        else:
            raise TypeError(
                f"items[{i}] must be a str, bytes (a JSONL line), a mapping or an (id, text) pair, "
                f"not {type(item).__name__}"
            )
        if isinstance(text, str) and len(text) > max_input:
            raise _too_large(f"items[{i}]", max_input)
        out.append(("text", item_id, text))
    return out


def _source(source, first_line):
    if source is None and first_line == 1:
        return None
    if source is None:
        source = "<items>"
    if not isinstance(source, (str, _os.PathLike)):
        raise TypeError(f"source must be a str or a path, not {type(source).__name__}")
    if isinstance(first_line, bool) or not isinstance(first_line, int) or first_line < 1:
        raise TypeError("first_line must be an int of at least 1")
    _count(first_line, "first_line")
    return (_os.fspath(source), first_line)


def _paths(value, what):
    if value is None:
        return []
    if isinstance(value, (str, _os.PathLike)):
        return [_os.fspath(value)]
    out = []
    for i, p in enumerate(value):
        if not isinstance(p, (str, _os.PathLike)):
            raise TypeError(f"{what}[{i}] must be a path, not {type(p).__name__}")
        out.append(_os.fspath(p))
    return out


def _opt_path(value, what):
    if value is None:
        return None
    if not isinstance(value, (str, _os.PathLike)):
        raise TypeError(f"{what} must be a path or None, not {type(value).__name__}")
    return _os.fspath(value)


def _required_path(value, what):
    if value is None:
        raise TypeError(f"{what} must be a path, not None")
    return _opt_path(value, what)


def _nonempty(value, what, example):
    """A str or a non-empty list of str (an empty one is refused, as the
    CLI refuses an empty ``--to`` or ``--format``)."""
    values = [value] if isinstance(value, str) else _strs(value, what)
    if not values or any(not v.strip() for v in values):
        raise ValueError(f"{what} is empty: give at least one, such as {example} (or leave it out for the defaults)")
    return values


def _export_options(to, formats, all_, target, source_tag, tm, glossary, max_input):
    options = {"all": _flag(all_, "all"), "tm": _paths(tm, "tm"), "max_input": max_input}
    if glossary is not None:
        options["glossary"] = _opt_path(glossary, "glossary")
    if to is not None:
        options["to"] = _nonempty(to, "to", "['fa']")
    if formats is not None:
        options["formats"] = _nonempty(formats, "formats", "['xliff20']")
    if _opt_str(target, "target") is not None:
        options["target"] = target
    if _opt_str(source_tag, "source_tag") is not None:
        options["source_tag"] = source_tag
    return options


def _translated(files):
    """(name, contents or None) pairs of translated files: a list of paths
    (read from disk) or a mapping ``{name: contents}``."""
    inputs = []
    if isinstance(files, _Mapping):
        for name, contents in files.items():
            if isinstance(contents, str):
                contents = contents.encode("utf-8")
            if not isinstance(contents, (bytes, bytearray)):
                raise TypeError(f"files[{name!r}] must be bytes or str, not {type(contents).__name__}")
            inputs.append((_os.fspath(name), bytes(contents)))
    elif isinstance(files, (str, bytes, _os.PathLike)):
        raise TypeError("files must be a list of paths or a mapping {name: contents}")
    else:
        for i, path in enumerate(files):
            if not isinstance(path, (str, _os.PathLike)):
                raise TypeError(f"files[{i}] must be a path, not {type(path).__name__}")
            inputs.append((_os.fspath(path), None))
    if not inputs:
        raise ValueError("files is empty: give at least one translated file")
    return inputs
