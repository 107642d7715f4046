"""The exceptions brief raises.

Every error of the library is a :class:`brief.Error`; the subclasses say
which kind, and also derive from the matching built-in exception, so that
``except ValueError`` catches a bad setting or a bad input as well. A bad
argument to a function (a wrong type, two lengths at once) raises a plain
``TypeError`` or ``ValueError``.
"""


class Error(Exception):
    """Base class of the errors raised by the brief library: each is a
    refusal for which the ``brief`` command exits with code 2
    (:attr:`exit_code`), with the same message after ``brief: ``."""

    #: The ``brief`` command's exit code for the same refusal.
    exit_code = 2


class IoError(Error, OSError):
    """A file could not be opened, read or written (the message names it)."""


class EncodingError(Error, ValueError):
    """An input is not valid text in the expected encoding."""


class ConfigError(Error, ValueError):
    """A configuration (TOML file or mapping) could not be used; the message
    gives the file and, where known, line and column."""


class InvalidSettingError(Error, ValueError):
    """A setting has a value outside its allowed range (a ratio of 1.5, an
    unknown algorithm)."""


class InvalidLanguageError(Error, ValueError):
    """A language code or tag is not well formed (``en``, ``fa-IR`` are)."""


class ItemError(Error, ValueError):
    """A batch item could not be used; the message is
    ``<items>:N: ...`` with N the item's one-based position."""


class InputError(Error, ValueError):
    """An input cannot be processed (nothing to export, a translated file that
    is not valid XLIFF/TMX/TSV/JSONL, ...)."""


class UsageError(Error, ValueError):
    """A job cannot run with the settings and inputs it was given: no
    target language, texts in several languages, every target the source
    language (nothing to translate), several sets with nowhere to put
    them."""


class InternalError(Error, RuntimeError):
    """A bug in brief, caught before it could crash the interpreter.
    Please report it with the input that caused it."""


__all__ = [
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
]
