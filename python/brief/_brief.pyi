"""The Rust extension module (private; use the functions of ``brief``)."""

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

__version__: str

class Config:
    """A parsed configuration; ``Config()`` is the built-in defaults."""

    def __init__(self) -> None: ...
    @staticmethod
    def from_file(path: Union[str, "os.PathLike[str]"]) -> "Config": ...
    @staticmethod
    def from_toml(text: str, name: str = "<toml>") -> "Config": ...
    @staticmethod
    def from_json(json: str, name: str = "<dict>") -> "Config": ...

Text = Union[str, bytes, bytearray]
Input = Dict[str, Any]  # {"max_input": int, "encoding": str | None, "html": bool}
Item = Tuple[str, Optional[str], Text]  # ("line", None, bytes) or ("text", id, text)
Source = Optional[Tuple[str, int]]  # (name, first line)
PathLike = Union[str, "os.PathLike[str]"]
Files = Tuple[List[Tuple[str, bytes]], List[str]]  # (files (name, contents), warnings)
MergeInput = Tuple[PathLike, Optional[bytes]]  # (path, None) or (name, contents)

class KeptSummary:
    """A brief kept with its analysis, for ``export_kept``."""

DEFAULT_MAX_INPUT: int

def prepare_text(text: Text, input: Input, name: str = "text") -> str: ...
def detect(texts: Sequence[Text], input: Input, lang: Optional[str] = None, config: Optional[Config] = None) -> str: ...
def segment(
    texts: Sequence[Text],
    input: Input,
    lang: Optional[str] = None,
    line_breaks: Optional[str] = None,
    config: Optional[Config] = None,
) -> str: ...
def summarize(
    names: Sequence[str],
    texts: Sequence[Text],
    options: Dict[str, Any],
    input: Input,
    cli: bool = False,
    config: Optional[Config] = None,
) -> Tuple[str, List[str]]: ...
def summarize_items(
    items: Sequence[Item],
    options: Dict[str, Any],
    input: Input,
    source: Source = None,
    cli: bool = False,
    config: Optional[Config] = None,
) -> Tuple[List[str], List[str]]: ...
def summarize_kept(
    names: Sequence[str],
    texts: Sequence[Text],
    options: Dict[str, Any],
    input: Input,
    config: Optional[Config] = None,
) -> Tuple[str, KeptSummary, List[str]]: ...
def export(
    names: Sequence[str],
    texts: Sequence[Text],
    options: Dict[str, Any],
    input: Input,
    export: Dict[str, Any],
    config: Optional[Config] = None,
) -> Files: ...
def export_items(
    items: Sequence[Item],
    options: Dict[str, Any],
    input: Input,
    export: Dict[str, Any],
    source: Source = None,
    cli: bool = False,
    config: Optional[Config] = None,
) -> Tuple[List[str], Files]: ...
def export_kept(kept: KeptSummary, export: Dict[str, Any], config: Optional[Config] = None) -> Files: ...
def write_files(dir: PathLike, files: Sequence[Tuple[str, bytes]], force: bool = False) -> Tuple[List[PathLike], List[str]]: ...
def merge(
    inputs: Sequence[MergeInput],
    reference: Optional[PathLike] = None,
    tmx: bool = False,
    allow_partial: bool = False,
    accept_mt: bool = False,
    strict: bool = False,
    config: Optional[Config] = None,
) -> Tuple[str, Optional[bytes], List[str]]: ...
def check(
    inputs: Sequence[MergeInput],
    reference: Optional[PathLike] = None,
    glossary: Optional[PathLike] = None,
    max_input: int = ...,
    config: Optional[Config] = None,
) -> Tuple[str, List[str]]: ...
def update_memory(
    memory: PathLike,
    inputs: Sequence[MergeInput],
    reference: Optional[PathLike] = None,
    date: Optional[int] = None,
    allow_partial: bool = False,
    config: Optional[Config] = None,
) -> Tuple[str, List[str]]: ...
def translate(
    files: Sequence[PathLike],
    out_dir: PathLike,
    engine: Optional[str] = None,
    url: Optional[str] = None,
    tm: Sequence[PathLike] = ...,
    force: bool = False,
    config: Optional[Config] = None,
) -> str: ...
