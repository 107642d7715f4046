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
) -> str: ...
def summarize_items(
    items: Sequence[Item],
    options: Dict[str, Any],
    input: Input,
    source: Source = None,
    cli: bool = False,
    config: Optional[Config] = None,
) -> List[str]: ...
def export(
    names: Sequence[str],
    texts: Sequence[Text],
    options: Dict[str, Any],
    input: Input,
    export: Dict[str, Any],
    config: Optional[Config] = None,
) -> List[Tuple[str, bytes]]: ...
def export_items(
    items: Sequence[Item],
    options: Dict[str, Any],
    input: Input,
    export: Dict[str, Any],
    source: Source = None,
    cli: bool = False,
    config: Optional[Config] = None,
) -> Tuple[List[str], List[Tuple[str, bytes]]]: ...
def write_files(dir: Union[str, "os.PathLike[str]"], files: Sequence[Tuple[str, bytes]], force: bool = False) -> List[str]: ...
def merge(inputs: Sequence[Tuple[str, Optional[bytes]]], tmx: bool = False) -> Tuple[str, Optional[bytes]]: ...
