"""
Programme and framework documents: loading and dumping, in JSON, YAML (and TOML, read only).

Readers are strict and safe (see :mod:`.yaml` and :mod:`.json`): every problem in a document
is reported at once, with its field path and, for YAML, its line.  Writers are deterministic:
keys in model order, defaults left out, so that a change shows as a small diff.  Files are
written atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

from ..core.errors import LoadError, ParseError, Problem
from ..core.errors import Path as FieldPath
from ..core.memory import collector_paused
from ..core.model import Programme
from .atomic import write_atomic
from .converter import FORMAT, structure_document, unstructure_document
from .json import emit_json, parse_json
from .yaml import emit_yaml, parse_yaml

__all__ = ["Format", "dump", "dumps", "emit", "format_for", "load", "load_document", "load_located", "loads"]

Format = Literal["json", "yaml", "toml"]

T = TypeVar("T")

_SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


def _parse_toml(text: str) -> tuple[Any, dict[FieldPath, int]]:
    import tomllib  # noqa: PLC0415  (TOML is rarely used; keep import time down)

    try:
        return tomllib.loads(text, parse_float=Decimal), {}
    except tomllib.TOMLDecodeError as e:
        raise ParseError(f"not valid TOML: {e}") from None


_PARSERS: dict[str, Callable[[str], tuple[Any, Mapping[FieldPath, int]]]] = {
    "json": parse_json,
    "yaml": parse_yaml,
    "toml": _parse_toml,
}


def _line_of(path: FieldPath, lines: Mapping[FieldPath, int]) -> int | None:
    for end in range(len(path), -1, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None


def _decode(data: bytes, source: str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise LoadError(
            [
                Problem(
                    (),
                    f"not UTF-8 text: byte 0x{data[e.start]:02x} at offset {e.start}; save the file as UTF-8",
                    line,
                )
            ],
            source,
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(text: str, source: str | None) -> None:
    """
    A text given as ``str`` (never one decoded from UTF-8 bytes) may hold a lone surrogate.

    It is not a character, so no parser can read it (YAML's would fail in its encoder): it is
    refused with its line.  One escaped in JSON (``"\\ud800"``) is refused by the converter,
    with its field path.
    """
    found = _SURROGATE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        message = (
            f"the text holds a lone surrogate U+{ord(found.group()):04X}, which is not a character; "
            "write the character itself"
        )
        raise LoadError([Problem((), message, line)], source)


def load_document(
    text: str | bytes,
    fmt: str,
    source: str | None,
    cls: type[T],
    document_format: str,
    *,
    check: Callable[[T], list[Problem]] | None = None,
) -> T:
    """
    Parse *text* and structure it as *cls*, or raise :class:`LoadError` with every problem.

    *check* finds what the types alone cannot (a parent that does not exist); its problems
    are reported as the loader's, with their lines.
    """
    result, lines = _load_document(text, fmt, source, cls, document_format)
    problems = check(result) if check is not None else []
    if problems:
        raise LoadError(
            [Problem(p.path, p.message, p.line or _line_of(p.path, lines)) for p in problems], source
        )
    return result


def load_located(path: str | os.PathLike[str]) -> tuple[Programme, Callable[[FieldPath], int | None]]:
    """
    A programme file and where each of its fields is: the line of a field path (YAML; ``None``
    for JSON and TOML, which the readers do not locate), so that findings on the loaded
    programme can point into the file.
    """
    data = Path(path).read_bytes()
    programme, lines = _load_document(data, format_for(path), str(path), Programme, FORMAT)
    return programme, lambda field: _line_of(field, lines)


def _load_document(
    text: str | bytes, fmt: str, source: str | None, cls: type[T], document_format: str
) -> tuple[T, Mapping[FieldPath, int]]:
    with collector_paused():
        return _parse_and_structure(text, fmt, source, cls, document_format)


def _parse_and_structure(
    text: str | bytes, fmt: str, source: str | None, cls: type[T], document_format: str
) -> tuple[T, Mapping[FieldPath, int]]:
    if isinstance(text, bytes):
        text = _decode(text, source)
    parser = _PARSERS.get(fmt)
    if parser is None:
        raise LoadError([Problem((), f"unknown format {fmt!r}; expected 'json', 'yaml' or 'toml'")], source)
    if not text.isascii():
        _refuse_surrogates(text, source)
    try:
        data, lines = parser(text)
    except ParseError as e:
        raise LoadError([Problem(e.path, e.message, e.line)], source) from None
    except RecursionError:
        raise LoadError([Problem((), "the document is nested too deeply")], source) from None
    except ValueError as e:  # e.g. an integer with more digits than Python converts
        raise LoadError([Problem((), f"not a valid {fmt.upper()} document: {e}")], source) from None
    try:
        result, problems = structure_document(data, cls, document_format)
    except RecursionError:
        raise LoadError([Problem((), "the document is nested too deeply")], source) from None
    if result is None:
        raise LoadError([Problem(p.path, p.message, _line_of(p.path, lines)) for p in problems], source)
    return result, lines


def loads(text: str | bytes, format: Format = "json", *, source: str | None = None) -> Programme:
    """
    Read a programme from a JSON, YAML or TOML text.

    Args:
        text: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"yaml"`` or ``"toml"``.
        source: A name for the text in error messages (a file name).

    Raises:
        LoadError: listing every problem with its field path (and line, for YAML).

    .. versionadded:: 0.1.0
    """
    return load_document(text, format, source, Programme, FORMAT)


def format_for(path: str | os.PathLike[str]) -> Format:
    """The format a file name implies by its suffix."""
    suffix = Path(path).suffix.lower()
    fmt = _SUFFIXES.get(suffix)
    if fmt is None:
        raise LoadError(
            [
                Problem(
                    (), f"cannot tell the format from the suffix {suffix!r}; use .json, .yaml, .yml or .toml"
                )
            ],
            str(path),
        )
    return fmt


def load(path: str | os.PathLike[str], format: Format | None = None) -> Programme:
    """
    Read a programme file; the format comes from the suffix unless given.

    Raises:
        LoadError: listing every problem as ``FILE: PATH (line N): message``.
        OSError: if the file cannot be read.

    .. versionadded:: 0.1.0
    """
    fmt = format or format_for(path)
    return load_document(Path(path).read_bytes(), fmt, str(path), Programme, FORMAT)


def emit(data: Any, format: Literal["json", "yaml"]) -> str:
    """Write plain data (mappings, lists, texts, numbers) as deterministic JSON or YAML."""
    if format == "json":
        return emit_json(data)
    if format == "yaml":
        return emit_yaml(data)
    raise ValueError(f"cannot write format {format!r}; expected 'json' or 'yaml'")


def dumps_document(document: object, document_format: str, format: Literal["json", "yaml"]) -> str:
    """The canonical text of a programme or framework."""
    return emit(unstructure_document(document, document_format), format)


def dumps(programme: Programme, format: Literal["json", "yaml"] = "json") -> str:
    """
    The canonical JSON or YAML text of *programme*.

    The output is deterministic: the same programme always gives the same text.

    .. versionadded:: 0.1.0
    """
    return dumps_document(programme, FORMAT, format)


def dump(
    programme: Programme,
    path: str | os.PathLike[str],
    format: Literal["json", "yaml"] | None = None,
) -> None:
    """
    Write *programme* to *path* atomically; the format comes from the suffix unless given.

    .. versionadded:: 0.1.0
    """
    fmt = format or format_for(path)
    if fmt == "toml":
        raise ValueError("TOML can be read but not written; use .json or .yaml")
    write_atomic(path, dumps(programme, fmt).encode("utf-8"))
