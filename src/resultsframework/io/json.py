"""
JSON, read strictly and written deterministically, with numbers exact.

The reader refuses duplicate keys and non-finite numbers, and reads floats as
:class:`~decimal.Decimal`; the writer writes Decimals as they are, keys in the order given.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..core.errors import ParseError
from ..core.errors import Path as FieldPath

__all__ = ["decimal_text", "emit_json", "parse_json"]


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ParseError(f"duplicate key {key!r}")
            seen.add(key)
    return out


def _json_constant(name: str) -> Any:
    raise ParseError(f"expected a finite number, found {name}")


def parse_json(text: str) -> tuple[Any, dict[FieldPath, int]]:
    if not text.strip():
        raise ParseError("the document is empty", 1)
    try:
        data = json.loads(
            text, parse_float=Decimal, parse_constant=_json_constant, object_pairs_hook=_json_object
        )
    except json.JSONDecodeError as e:
        raise ParseError(f"not valid JSON: {e.msg} (column {e.colno})", e.lineno) from None
    return data, {}


def decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text in ("-0", "0") else text


def _emit(value: Any, indent: str | None, out: list[str]) -> None:
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
            _emit(item, inner, out)
            last = i == len(items) - 1
            if inner is None:
                out.append("" if last else ",")
            else:
                out.append("\n" if last else ",\n")
        out.append(closing if indent is None else indent + closing)
    elif isinstance(value, Decimal):
        out.append(decimal_text(value))
    else:
        out.append(json.dumps(value, ensure_ascii=False))


def emit_json(data: Any, *, indent: bool = True) -> str:
    """Plain data as deterministic JSON: indented by two spaces with a final newline, or on one line."""
    out: list[str] = []
    _emit(data, "" if indent else None, out)
    if indent:
        out.append("\n")
    return "".join(out)
