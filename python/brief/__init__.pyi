"""Type hints of the public API of brief (see the docstrings in __init__.py)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union


from ._brief import Config as Config
from .errors import (
    ConfigError as ConfigError,
    EncodingError as EncodingError,
    Error as Error,
    InputError as InputError,
    InternalError as InternalError,
    InvalidLanguageError as InvalidLanguageError,
    InvalidSettingError as InvalidSettingError,
    IoError as IoError,
    ItemError as ItemError,
    UsageError as UsageError,
)

__version__: str

PathLike = Union[str, "os.PathLike[str]"]
ConfigArg = Union[None, Config, PathLike, Mapping[str, Any]]
Algorithm = Literal["auto", "lead", "lexrank", "lexrank-threshold", "textrank", "position", "centroid", "submodular"]
Item = Union[str, bytes, Tuple[Union[str, int], str], Mapping[str, Any]]

class Detection(TypedDict):
    lang: str
    confidence: float
    script: Optional[str]
    method: Literal["override", "detector", "script", "fallback"]

class Sentence(TypedDict):
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    paragraph: int

class BriefSentence(TypedDict):
    text: str
    doc: int
    sentence: int
    rank: int
    start: int
    end: int
    byte_start: int
    byte_end: int
    score: float

class Budget(TypedDict):
    unit: Literal["sentences", "words", "chars", "bytes", "ratio"]
    limit: Union[int, float]

class Record(TypedDict):
    id: str
    lang: str
    summary: List[BriefSentence]
    algorithm: str
    budget: Budget
    used: int
    input_sentences: int

Text = Union[str, bytes, bytearray]
DEFAULT_MAX_INPUT: int
TranslatedFiles = Union[Sequence[PathLike], Mapping[str, Union[bytes, str]]]
PathOrPaths = Union[None, PathLike, Sequence[PathLike]]

class Summary:
    """A brief kept with its analysis (``summarize(..., keep=True)``)."""

    record: Record
    @property
    def sentences(self) -> List[BriefSentence]: ...

class TranslateResult(TypedDict):
    files: List[str]
    machine: int
    distinct: int
    from_memory: int
    kept: int
    requests: int
    findings: List[Dict[str, Any]]

def load_config(value: ConfigArg = None) -> Optional[Config]: ...
def prepare_text(text: Text, *, max_input: int = ..., encoding: Optional[str] = None, html: bool = False) -> str: ...
def detect(
    text: Text, lang: Optional[str] = None, config: ConfigArg = None, *,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> Detection: ...
def detect_many(
    texts: Iterable[Text], lang: Optional[str] = None, config: ConfigArg = None, *,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> List[Detection]: ...
def segment(
    text: Text,
    lang: Optional[str] = None,
    line_breaks: Optional[Literal["auto", "sentence", "space"]] = None,
    config: ConfigArg = None,
    *,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> List[Sentence]: ...
def segment_many(
    texts: Iterable[Text],
    lang: Optional[str] = None,
    line_breaks: Optional[Literal["auto", "sentence", "space"]] = None,
    config: ConfigArg = None,
    *,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> List[List[Sentence]]: ...
def summarize(
    text_or_texts: Union[Text, Sequence[Text]],
    lang: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    algorithm: Optional[Algorithm] = None,
    query: Optional[str] = None,
    config: ConfigArg = None,
    *,
    order: Optional[Literal["document", "rank"]] = None,
    names: Optional[Sequence[str]] = None,
    keep: bool = False,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> Union[List[BriefSentence], Summary]: ...
def summarize_many(
    items: Iterable[Item],
    lang: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    algorithm: Optional[Algorithm] = None,
    query: Optional[str] = None,
    config: ConfigArg = None,
    *,
    order: Optional[Literal["document", "rank"]] = None,
    as_jsonl: bool = False,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
    source: Optional[PathLike] = None,
    first_line: int = 1,
    keep_going: bool = False,
) -> Union[List[Record], List[str]]: ...
def export(
    text_or_texts: Union[Text, Sequence[Text], Summary],
    to: Union[None, str, Sequence[str]] = None,
    formats: Union[None, str, Sequence[str]] = None,
    *,
    names: Optional[Sequence[str]] = None,
    lang: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    all: bool = False,
    target: Optional[Literal["empty", "source", "none"]] = None,
    source_tag: Optional[str] = None,
    config: ConfigArg = None,
    out_dir: Optional[PathLike] = None,
    force: bool = False,
    tm: PathOrPaths = None,
    glossary: Optional[PathLike] = None,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
) -> Dict[str, bytes]: ...
def export_many(
    items: Iterable[Item],
    to: Union[None, str, Sequence[str]] = None,
    formats: Union[None, str, Sequence[str]] = None,
    *,
    lang: Optional[str] = None,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    chars: Optional[int] = None,
    bytes: Optional[int] = None,
    ratio: Optional[float] = None,
    algorithm: Optional[Algorithm] = None,
    query: Optional[str] = None,
    order: Optional[Literal["document", "rank"]] = None,
    target: Optional[Literal["empty", "source", "none"]] = None,
    source_tag: Optional[str] = None,
    config: ConfigArg = None,
    out_dir: Optional[PathLike] = None,
    force: bool = False,
    as_jsonl: bool = False,
    tm: PathOrPaths = None,
    glossary: Optional[PathLike] = None,
    max_input: int = ...,
    encoding: Optional[str] = None,
    html: bool = False,
    source: Optional[PathLike] = None,
    first_line: int = 1,
    keep_going: bool = False,
) -> Tuple[Union[List[Record], List[str]], Dict[str, bytes]]: ...
def merge(
    files: TranslatedFiles,
    *,
    tmx: bool = False,
    reference: Optional[PathLike] = None,
    allow_partial: bool = False,
    accept_mt: bool = False,
    strict: bool = False,
    config: ConfigArg = None,
) -> Dict[str, Any]: ...
def check(
    files: TranslatedFiles,
    *,
    reference: Optional[PathLike] = None,
    glossary: Optional[PathLike] = None,
    config: ConfigArg = None,
    max_input: int = ...,
) -> Dict[str, Any]: ...
def update_memory(
    memory: PathLike,
    files: TranslatedFiles,
    *,
    reference: Optional[PathLike] = None,
    date: Optional[int] = None,
    allow_partial: bool = False,
    config: ConfigArg = None,
) -> Dict[str, Any]: ...
def translate(
    files: Union[PathLike, Sequence[PathLike]],
    out_dir: PathLike,
    engine: Literal["libretranslate", "deepl"],
    url: Optional[str] = None,
    *,
    tm: PathOrPaths = None,
    force: bool = False,
    config: ConfigArg = None,
) -> TranslateResult: ...
