"""
Reading and writing programme files: JSON, YAML (and TOML, read only).

Readers are strict and safe: YAML is read with a loader that constructs only
plain data (no tags that build objects, no aliases), YAML 1.2 scalars (``no`` is
text, not false; ``2021-05-01`` is text until the model reads it as a date),
floats read as :class:`~decimal.Decimal`, duplicate keys refused.  Every problem
is reported at once, with its field path and, for YAML, its line.

Writers are deterministic: keys in model order, defaults left out, so that a
change shows as a small diff.  Files are written atomically.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml

from ._atomic import write_atomic
from ._converter import FORMAT, structure_document, unstructure_document
from ._errors import LoadError, Problem
from ._errors import Path as FieldPath
from ._model import Programme

__all__ = ["Format", "dump", "dump_portfolio", "dumps", "iter_portfolio", "load", "load_portfolio", "loads"]

Format = Literal["json", "yaml", "toml"]

T = TypeVar("T")

_SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


class _ParseError(Exception):
    def __init__(self, message: str, line: int | None = None, path: FieldPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


# -- YAML ------------------------------------------------------------------------------

_YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_YAML_INT = re.compile(r"^[-+]?[0-9]+$")
_YAML_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)$")
_YAML_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_YAML_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2 core-schema scalars only: no yes/no booleans, no timestamps, no base 60."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012  (PyYAML's class registry)


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", _YAML_BOOL, list("tTfF"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", _YAML_INT, list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:float", _YAML_FLOAT, list("-+0123456789."))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:float", _YAML_SPECIAL_FLOAT, list("-+."))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", _YAML_NULL, ["~", "n", "N", ""])


class _Constructor(yaml.constructor.SafeConstructor):
    """Plain data only, no duplicate keys, no merge keys; numbers exact (see the constructors below)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _ParseError("YAML merge keys (<<) are not supported", key_node.start_mark.line + 1)
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise _ParseError(
                    "a mapping key must be a plain value", key_node.start_mark.line + 1
                ) from None
            if key in seen:
                raise _ParseError(
                    f"duplicate key {key!r} (first at line {seen[key]})", key_node.start_mark.line + 1
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


class _PyLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Constructor,
    _Resolver,
):
    """The pure-Python reader: slower, but safe on any nesting (Python's recursion limit stops it)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            raise _ParseError(
                f"YAML aliases (*{event.anchor}) are not supported: write the value out",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)


_CParser: Any
try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml
    _CParser = None

if _CParser is not None:
    # libyaml's class is untyped, hence the ignore.
    class _CLoader(_CParser, _Constructor, _Resolver):  # type: ignore[misc]
        """libyaml's parser (several times faster), with the same constructor and resolver."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


# libyaml recurses in C and crashes the process on very deep nesting; a document that
# might nest deeper than this is read by the pure-Python reader, which stops cleanly.
_C_NESTING_LIMIT = 100


def _may_nest_deeply(text: str) -> bool:
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    return deepest + indent // 2 > _C_NESTING_LIMIT


def _make_loader(text: str) -> Any:
    if _CParser is not None and not _may_nest_deeply(text):
        return _CLoader(text)
    return _PyLoader(text)


def _construct_int(loader: _Constructor, node: Any) -> int:
    text = loader.construct_scalar(node)
    try:
        return int(text)
    except ValueError:
        raise _ParseError(f"not a whole number: {text!r}", node.start_mark.line + 1) from None


def _construct_decimal(loader: _Constructor, node: Any) -> Decimal:
    """Floats are read as exact decimals, never as binary floating point."""
    text = loader.construct_scalar(node)
    if _YAML_SPECIAL_FLOAT.match(text):
        raise _ParseError(f"expected a finite number, found {text}", node.start_mark.line + 1)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _ParseError(f"not a number: {text!r}", node.start_mark.line + 1) from None


_Constructor.yaml_constructors = {
    **yaml.constructor.SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": _construct_decimal,
    # Timestamps stay text: the model reads dates itself and says what is wrong with one.
    "tag:yaml.org,2002:timestamp": yaml.constructor.SafeConstructor.construct_yaml_str,
}


def _alias_error(node: Any) -> _ParseError:
    line = node.start_mark.line + 1
    message = "YAML aliases are not supported: the value anchored here is used again; write it out"
    return _ParseError(message, line)


def _yaml_lines(node: Any, path: FieldPath, lines: dict[FieldPath, int], seen: set[int]) -> None:
    """Record each path's line; a node met twice is an alias, refused (an alias bomb stops here)."""
    if id(node) in seen:
        raise _alias_error(node)
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if id(key_node) in seen:
                raise _alias_error(key_node)
            seen.add(id(key_node))
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            child = (*path, key) if key is not None else path
            _yaml_lines(value_node, child, lines, seen)
            if key is not None:
                lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _yaml_lines(item, (*path, index), lines, seen)


def _parse_yaml(text: str) -> tuple[Any, dict[FieldPath, int]]:
    loader = _make_loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _ParseError("the document is empty", 1)
        lines: dict[FieldPath, int] = {}
        _yaml_lines(node, (), lines, set())
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = " ".join(str(part) for part in (e.context, e.problem) if part)
        if isinstance(e, yaml.constructor.ConstructorError) and "tag" in (e.problem or ""):
            message = f"YAML tags that construct objects are not allowed ({e.problem})"
        raise _ParseError(f"not valid YAML: {message}", mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, max(e.position, 0)) + 1
        raise _ParseError(f"not valid YAML: {e.reason} (character {e.character!r})", line) from None
    except yaml.YAMLError as e:
        raise _ParseError(f"not valid YAML: {e}") from None
    finally:
        loader.dispose()


# -- JSON ------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _ParseError(f"duplicate key {key!r}")
            seen.add(key)
    return out


def _json_constant(name: str) -> Any:
    raise _ParseError(f"expected a finite number, found {name}")


def _parse_json(text: str) -> tuple[Any, dict[FieldPath, int]]:
    if not text.strip():
        raise _ParseError("the document is empty", 1)
    try:
        data = json.loads(
            text, parse_float=Decimal, parse_constant=_json_constant, object_pairs_hook=_json_object
        )
    except json.JSONDecodeError as e:
        raise _ParseError(f"not valid JSON: {e.msg} (column {e.colno})", e.lineno) from None
    return data, {}


def _parse_toml(text: str) -> tuple[Any, dict[FieldPath, int]]:
    import tomllib  # noqa: PLC0415  (TOML is rarely used; keep import time down)

    try:
        return tomllib.loads(text, parse_float=Decimal), {}
    except tomllib.TOMLDecodeError as e:
        raise _ParseError(f"not valid TOML: {e}") from None


_PARSERS: dict[str, Callable[[str], tuple[Any, dict[FieldPath, int]]]] = {
    "json": _parse_json,
    "yaml": _parse_yaml,
    "toml": _parse_toml,
}


# -- loading ---------------------------------------------------------------------------


def _line_of(path: FieldPath, lines: dict[FieldPath, int]) -> int | None:
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
) -> tuple[T, dict[FieldPath, int]]:
    # Parsing and structuring allocate many objects and create no reference cycles; the
    # cyclic garbage collector, left running, would walk them again and again for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_and_structure(text, fmt, source, cls, document_format)
    finally:
        if paused:
            gc.enable()


def _parse_and_structure(
    text: str | bytes, fmt: str, source: str | None, cls: type[T], document_format: str
) -> tuple[T, dict[FieldPath, int]]:
    if isinstance(text, bytes):
        text = _decode(text, source)
    parser = _PARSERS.get(fmt)
    if parser is None:
        raise LoadError([Problem((), f"unknown format {fmt!r}; expected 'json', 'yaml' or 'toml'")], source)
    try:
        data, lines = parser(text)
    except _ParseError as e:
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


# -- writing ---------------------------------------------------------------------------


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text in ("-0", "0") else text


def _json_emit(value: Any, indent: str | None, out: list[str]) -> None:
    """JSON with Decimals written exactly; indented by two spaces, or on one line when *indent* is None."""
    if isinstance(value, dict | list):
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        if not items:
            out.append(opening + closing)
            return
        inner = None if indent is None else indent + "  "
        out.append(opening if inner is None else opening + "\n")
        for i, (key, item) in enumerate(items):
            if inner is not None:
                out.append(inner)
            if isinstance(value, dict):
                out.append(json.dumps(str(key), ensure_ascii=False) + (":" if inner is None else ": "))
            _json_emit(item, inner, out)
            last = i == len(items) - 1
            if inner is None:
                out.append("" if last else ",")
            else:
                out.append("\n" if last else ",\n")
        out.append(closing if indent is None else indent + closing)
    elif isinstance(value, Decimal):
        out.append(_decimal_text(value))
    else:
        out.append(json.dumps(value, ensure_ascii=False))


class _Dumper(yaml.SafeDumper):
    """Quotes every text that either YAML 1.1 or our 1.2 reader would not read as text."""

    yaml_implicit_resolvers = {  # noqa: RUF012  (PyYAML's class registry)
        key: list(value) for key, value in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }


for _key, _resolvers in _Resolver.yaml_implicit_resolvers.items():
    _Dumper.yaml_implicit_resolvers.setdefault(_key, []).extend(_resolvers)


# Characters YAML readers treat as line breaks or refuse in plain and block
# scalars: a text holding one is written double-quoted, where it is escaped.
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if _YAML_UNSAFE.search(value):
        style = '"'
    elif "\n" in value and value == value.strip(" "):
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = _decimal_text(value)
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


def emit(data: Any, format: Literal["json", "yaml"]) -> str:
    """Write plain data (mappings, lists, texts, numbers) as deterministic JSON or YAML."""
    if format == "json":
        out: list[str] = []
        _json_emit(data, "", out)
        out.append("\n")
        return "".join(out)
    if format == "yaml":
        text: str = yaml.dump(
            data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
        )
        return text
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


# -- portfolios ------------------------------------------------------------------------


def iter_portfolio(path: str | os.PathLike[str]) -> Iterator[Programme]:
    """
    Read a portfolio file one programme at a time.

    A portfolio file is JSON Lines (``.jsonl``): one programme document per line, in the
    canonical JSON form.  Programmes are read as they are needed, so a portfolio of any
    size is assessed in the memory of one programme.

    Raises:
        LoadError: for the first line that is not a valid programme, as
            ``FILE: line N: PATH: message``.

    .. versionadded:: 0.1.0
    """
    for number, raw in _portfolio_lines(path):
        try:
            yield load_document(raw, "json", None, Programme, FORMAT)
        except LoadError as e:
            raise LoadError(_on_line(e, number), str(path)) from None


def load_portfolio(path: str | os.PathLike[str]) -> list[Programme]:
    """
    Read every programme of a portfolio file (JSON Lines), or of one programme file.

    Raises:
        LoadError: listing the problems of every line that is not a valid programme.

    .. versionadded:: 0.1.0
    """
    if format_for_portfolio(path) != "jsonl":
        return [load(path)]
    programmes: list[Programme] = []
    problems: list[Problem] = []
    for number, raw in _portfolio_lines(path):
        try:
            programmes.append(load_document(raw, "json", None, Programme, FORMAT))
        except LoadError as e:
            problems += _on_line(e, number)
    if problems:
        raise LoadError(problems, str(path))
    return programmes


def _portfolio_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, bytes]]:
    """The non-empty lines of a JSON Lines file, with their numbers."""
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, raw


def _on_line(error: LoadError, number: int) -> list[Problem]:
    return [Problem(p.path, p.message, number) for p in error.problems]


def format_for_portfolio(path: str | os.PathLike[str]) -> str:
    return "jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else str(format_for(path))


def dump_portfolio(programmes: Iterable[Programme], path: str | os.PathLike[str]) -> None:
    """
    Write programmes as a portfolio file (JSON Lines: one compact canonical document a line), atomically.

    .. versionadded:: 0.1.0
    """
    lines = []
    for programme in programmes:
        out: list[str] = []
        _json_emit(unstructure_document(programme, FORMAT), None, out)
        lines.append("".join(out))
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
