"""The JSON Schema of the file format, generated from the model so it cannot drift."""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ..core.model import Cell, FrameworkLink, Programme, Ratio, Value
from ..core.periods import Period
from .converter import FORMAT

__all__ = ["json_schema"]

_VALUE_DOC = "A number, true/false, a text, or {numerator, denominator} for a percentage."


def json_schema() -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of a programme file, for editors and other tools.

    .. versionadded:: 0.1.0
    """
    defs: dict[str, Any] = {}
    root = _class_schema(Programme, defs)
    root["properties"] = {
        "format": {"const": FORMAT, "description": "The file format and its version."},
        **root["properties"],
    }
    root["required"] = ["format", *root.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://resultsframework.readthedocs.io/schema/resultsframework-1.json",
        "title": "resultsframework programme file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _type_schema(t: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if t == Value:
        _define_value(defs)
        return {"$ref": "#/$defs/Value"}
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner: dict[str, Any]
        if len(options) > 1 and set(options) == {int, Decimal}:
            inner = {"type": "number"}
        elif typing.Union[tuple(options)] == Value:  # noqa: UP007
            inner = _type_schema(Value, defs)
        else:
            inner = (
                _type_schema(options[0], defs)
                if len(options) == 1
                else {"anyOf": [_type_schema(o, defs) for o in options]}
            )
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if t is str:
        return {"type": "string"}
    if t is bool:
        return {"type": "boolean"}
    if t is int:
        return {"type": "integer"}
    if t is Decimal:
        return {"type": "number"}
    if t is date:
        return {"type": "string", "format": "date"}
    if t is Period:
        return {
            "anyOf": [{"type": "string"}, {"type": "integer"}],
            "description": "A period: '2021Q3', '2021', '2021-05', '2021S1', '2021W3', "
            "'2021-05-01' or '2021-05-01/2021-12-30'.",
        }
    if t is FrameworkLink:
        return {
            "type": "string",
            "pattern": r"^[^:\s]+:\S(.*\S)?$",
            "description": "A framework link 'framework:code', e.g. 'sdg:10.7'.",
        }
    if t is Cell:
        return {
            "type": "object",
            "required": ["value"],
            "properties": {"value": {"$ref": "#/$defs/Value"}},
            "additionalProperties": {"type": "string"},
            "description": "A breakdown cell: 'dimension: category' pairs and its value.",
        }
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {"enum": [m.value for m in t]}
    if attrs.has(t):
        if t.__name__ not in defs:
            defs[t.__name__] = {}
            defs[t.__name__] = _class_schema(t, defs)
        return {"$ref": f"#/$defs/{t.__name__}"}
    raise TypeError(f"no schema for {t!r}")


def _define_value(defs: dict[str, Any]) -> None:
    """Define ``Value`` in *defs*, once."""
    if "Value" not in defs:
        defs["Value"] = {
            "description": _VALUE_DOC,
            "anyOf": [{"type": "boolean"}, {"type": "number"}, {"type": "string"}, _type_schema(Ratio, defs)],
        }


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    if doc:
        schema["description"] = doc
    if required:
        schema["required"] = required
    return schema
