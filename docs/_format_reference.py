"""Generate the file format reference (docs/reference/schema.md) from the JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from resultsframework import json_schema


def _type(schema: dict[str, Any]) -> str:
    if "const" in schema:
        return f"`{schema['const']}`"
    description = schema.get("description", "")
    if description.startswith("A period"):
        return "period (`2021Q3`, `2021`, `2021-05`, `2021-05-01/2021-12-30`)"
    if description.startswith("A framework link"):
        return "framework link (`sdg:10.7`)"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        options = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(options)
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {_type(schema['items'])}"
    if schema.get("type") == "object" and "additionalProperties" in schema:
        return f"mapping of texts to {_type(schema['additionalProperties'])}"
    kind = schema.get("type", "any")
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}.get(
        kind, str(kind)
    ) + (" (date)" if schema.get("format") == "date" else "")


def _table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| key | type | required |", "| --- | --- | --- |"]
    for key, value in schema.get("properties", {}).items():
        lines.append(f"| `{key}` | {_type(value).replace('|', '/')} | {'yes' if key in required else ''} |")
    return lines


def write_format_reference(path: Path) -> None:
    schema = json_schema()
    out = [
        "# File format reference (generated)",
        "",
        "Generated from the model at every documentation build; `resultsframework schema` prints",
        "the same as JSON Schema. The [file format](../format.md) page explains the rules.",
        "",
        "## Programme",
        "",
        *_table(schema),
        "",
    ]
    for name, definition in schema["$defs"].items():
        out += [f"## {name}", ""]
        if definition.get("description"):
            out += [definition["description"], ""]
        if "properties" in definition:
            out += [*_table(definition), ""]
        elif "anyOf" in definition:
            out += [f"Any of: {_type(definition)}.", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(out).rstrip() + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
