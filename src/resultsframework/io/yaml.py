"""
YAML, read strictly and written deterministically.

The reader builds plain data only: no tags that construct objects, no aliases, no merge keys,
no duplicate keys; scalars as YAML 1.2 reads them (``no`` is text, not false; ``2021-05-01`` is
text until the model reads it as a date); floats as exact :class:`~decimal.Decimal`.  Each
field path is located on its line, for messages.  The writer quotes every text either YAML 1.1
or 1.2 would read as something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from ..core.errors import ParseError
from ..core.errors import Path as FieldPath
from .json import decimal_text

__all__ = ["emit_yaml", "parse_yaml"]

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
                raise ParseError("YAML merge keys (<<) are not supported", key_node.start_mark.line + 1)
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise ParseError(
                    "a mapping key must be a plain value", key_node.start_mark.line + 1
                ) from None
            if key in seen:
                raise ParseError(
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
            raise ParseError(
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
        raise ParseError(f"not a whole number: {text!r}", node.start_mark.line + 1) from None


def _construct_decimal(loader: _Constructor, node: Any) -> Decimal:
    """Floats are read as exact decimals, never as binary floating point."""
    text = loader.construct_scalar(node)
    if _YAML_SPECIAL_FLOAT.match(text):
        raise ParseError(f"expected a finite number, found {text}", node.start_mark.line + 1)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ParseError(f"not a number: {text!r}", node.start_mark.line + 1) from None


_Constructor.yaml_constructors = {
    **yaml.constructor.SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": _construct_decimal,
    # Timestamps stay text: the model reads dates itself and says what is wrong with one.
    "tag:yaml.org,2002:timestamp": yaml.constructor.SafeConstructor.construct_yaml_str,
}


def _alias_error(node: Any) -> ParseError:
    return _alias_error_at(node.start_mark.line + 1)


def _alias_error_at(line: int) -> ParseError:
    message = "YAML aliases are not supported: the value anchored here is used again; write it out"
    return ParseError(message, line)


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


_SIMPLE_KEY = "while scanning a simple key"


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> ParseError:
    """
    A YAML syntax error as a person can act on it: the line and column, the line itself with a
    caret under the column, and the usual fix when the line shows a common cause.
    """
    problem = str(error.problem or error.context or "not valid YAML")
    # "could not find expected ':'" is found on the line after the one at fault
    mark = error.context_mark if error.context == _SIMPLE_KEY else error.problem_mark or error.context_mark
    if mark is None:
        return ParseError(f"not valid YAML: {problem}")
    lines = text.splitlines()
    source = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    column = min(mark.column, len(source))
    message = f"not valid YAML (column {column + 1}): {problem}"
    hint = _syntax_hint(problem, error.context, source)
    if source.strip():
        shown = source.expandtabs(1)  # a tab shown as one space keeps the caret under its column
        number = f"{mark.line + 1} | "
        message += f"\n    {number}{shown}\n    {' ' * (len(number) - 2)}| {' ' * column}^"
    if hint:
        message += f"\n    {hint}"
    return ParseError(message, mark.line + 1)


_KEY_VALUE = re.compile(r"^(\s*(?:- +)?)([^\s:#'\"][^:#]*?):\s+(.*)$")
_NUMBER_LIKE_CODE = re.compile(r"^\d+(?:\.\d+)+$")


def _syntax_hint(problem: str, context: str | None, source: str) -> str:
    """The usual fix of a YAML syntax error, read from the line it is on ("" if none is clear)."""
    indent = source[: len(source) - len(source.lstrip())]
    if "\t" in indent or "'\\t'" in problem:
        return "hint: indent with spaces, not tabs"
    pair = _KEY_VALUE.match(source)
    value = pair.group(3).rstrip() if pair else ""
    if pair and "mapping values are not allowed" in problem and ": " in value:
        quoted = value.replace("'", "''")
        return f"hint: a text holding ': ' must be quoted: {pair.group(2)}: '{quoted}'"
    if pair and "cannot start any token" in problem and value[:1] in "%@`":
        quoted = value.replace("'", "''")
        return f"hint: a text starting with {value[0]!r} must be quoted: {pair.group(2)}: '{quoted}'"
    if pair and value[:1] in "'\"" and value.count(value[0]) > 2 - (value[0] == '"'):
        return (
            "hint: a quoted text ends at its second quote; write a ' inside '...' as '', or quote "
            'the whole text with "..."'
        )
    if pair and value[:1] in "'\"" and not value.endswith(value[0]):
        return "hint: a text that starts with a quote must end with it; quote the whole text"
    if context == _SIMPLE_KEY:
        return (
            "hint: a text continued on the next line must be indented further than its key, "
            "or quoted; a new key needs a ':' after it"
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return (
            "hint: check the indentation: the keys of one mapping (and the '-' of one list) "
            "start in the same column"
        )
    if pair and _NUMBER_LIKE_CODE.match(value):
        return f"hint: quote a code such as {pair.group(2)}: '{value}'"
    return ""


def parse_yaml(text: str) -> tuple[Any, Mapping[FieldPath, int]]:
    """
    The document's data, and the line of each field path (found only when asked for: a
    message about a field, a finding to locate).

    The data are built from the parser's events as they come, never from PyYAML's tree of
    nodes: the tree of a large file takes forty times the file's size in memory.
    """
    try:
        data = _read(text, events=True)
    except _Unusual:  # a collection with a tag of its own: PyYAML's constructor reads it
        data = _read(text, events=False)
    return data, _Lines(text)


def _read(text: str, *, events: bool) -> Any:
    loader = _make_loader(text)
    try:
        if events:
            return _from_events(loader)
        node = loader.get_single_node()
        if node is None:
            raise ParseError("the document is empty", 1)
        _yaml_lines(node, (), {}, set())  # an alias is refused here, before it is expanded
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        if isinstance(e, yaml.constructor.ConstructorError) and "tag" in (e.problem or ""):
            mark = e.problem_mark or e.context_mark
            message = f"YAML tags that construct objects are not allowed ({e.problem})"
            raise ParseError(f"not valid YAML: {message}", mark.line + 1 if mark else None) from None
        raise _syntax_error(e, text) from None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, max(e.position, 0)) + 1
        raise ParseError(f"not valid YAML: {e.reason} (character {e.character!r})", line) from None
    except yaml.YAMLError as e:
        raise ParseError(f"not valid YAML: {e}") from None
    finally:
        loader.dispose()


class _Unusual(Exception):  # not an error: a document for PyYAML's own constructor
    """A document holding a collection with a tag of its own (``!!set``, ``!!omap``, ...)."""


_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_NESTING_LIMIT = 200
"""Mappings and lists within each other: a programme has about 15; JSON's reader stops at about 1,000."""
_STR, _INT, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:null"
_SCALAR_TAGS = frozenset((
    _STR, _INT, _NULL, "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float", "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:timestamp",
))  # fmt: skip


class _Mapping:
    """A mapping being read: its keys' lines (for a duplicate's message) and the key waiting for its value."""

    __slots__ = ("data", "key", "lines", "waiting")

    def __init__(self) -> None:
        self.data: dict[Any, Any] = {}
        self.lines: dict[Any, int] = {}
        self.key: Any = None
        self.waiting = False  # a key read, its value not yet


def _from_events(loader: Any) -> Any:
    """
    The single document of the stream, built from the parser's events: the same data and the
    same refusals (aliases, merge keys, duplicate and unhashable keys, object tags) as PyYAML's
    constructor with ours, without the tree of nodes.
    """
    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        raise ParseError("the document is empty", 1)
    document = loader.get_event()
    stack: list[Any] = []
    root: Any = None
    anchors: dict[str, int] = {}  # the line of each anchor: an alias is refused naming it
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None:
                anchors[event.anchor] = event.start_mark.line + 1
            value: Any = _scalar(loader, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in (None, "!", _MAP if kind is yaml.MappingStartEvent else _SEQ):
                raise _Unusual
            if event.anchor is not None:
                anchors[event.anchor] = event.start_mark.line + 1
            if len(stack) >= _NESTING_LIMIT:  # stopped here, before the scanner slows down
                message = f"the document is nested too deeply (more than {_NESTING_LIMIT} levels)"
                raise ParseError(message, event.start_mark.line + 1)
            stack.append(_Mapping() if kind is yaml.MappingStartEvent else [])
            continue
        elif kind is yaml.MappingEndEvent:
            value = stack.pop().data
        elif kind is yaml.SequenceEndEvent:
            value = stack.pop()
        elif kind is yaml.AliasEvent:  # said at the value anchored, as PyYAML's tree shows it
            raise _alias_error_at(anchors.get(event.anchor, event.start_mark.line + 1))
        else:  # the document's end
            break
        if not stack:
            root = value
            continue
        top = stack[-1]
        if top.__class__ is list:
            top.append(value)
        elif top.waiting:
            top.data[top.key] = value
            top.waiting = False
        else:
            _next_key(top, value, event)
    if not loader.check_event(yaml.StreamEndEvent):
        following = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", document.start_mark,
            "but found another document", following.start_mark,
        )  # fmt: skip
    return root


def _next_key(mapping: _Mapping, key: Any, event: Any) -> None:
    """*key* read as the next key of *mapping*: refused if unhashable or repeated."""
    line = event.start_mark.line + 1
    try:
        hash(key)
    except TypeError:
        raise ParseError("a mapping key must be a plain value", line) from None
    first = mapping.lines.get(key)
    if first is not None:
        raise ParseError(f"duplicate key {key!r} (first at line {first})", line)
    mapping.lines[key] = line
    mapping.key, mapping.waiting = key, True


def _scalar(loader: Any, event: Any) -> Any:
    """A scalar as the constructor reads it: texts, whole numbers, nulls here; others by their constructor."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    if tag == _NULL:
        return None
    if tag == _INT:
        try:
            return int(event.value)
        except ValueError:
            raise ParseError(f"not a whole number: {event.value!r}", event.start_mark.line + 1) from None
    if tag not in _SCALAR_TAGS:
        raise _Unusual  # a merge key or an object's tag: refused by PyYAML's constructor and ours
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    return loader.yaml_constructors[tag](loader, node)


class _Lines(Mapping[FieldPath, int]):
    """
    The line of each field path of a YAML text, found when first asked for (by reading the text
    again as PyYAML's tree of nodes): most documents load without a single question.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[FieldPath, int] | None = None

    def _found(self) -> dict[FieldPath, int]:
        if self._lines is None:
            loader = _make_loader(self._text)
            try:
                lines: dict[FieldPath, int] = {}
                _yaml_lines(loader.get_single_node(), (), lines, set())
                self._lines = lines
            finally:
                loader.dispose()
        return self._lines

    def __getitem__(self, path: FieldPath) -> int:
        return self._found()[path]

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


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
    text = decimal_text(value)
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


def emit_yaml(data: Any) -> str:
    """Plain data (mappings, lists, texts, numbers) as deterministic YAML."""
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return text
