"""
IATI's own rules beyond the schema: the Standard Ruleset and the codelists, evaluated offline.

The rules are IATI's, shipped as package data in ``resultsframework/data/iati-2.03``:
``rulesets/standard.json`` (IATI-Rulesets 2.03, the rules IATI's validator applies), its rule
language in ``rulesets/SPEC.rst``, every 2.03 codelist and ``codelists/mapping.xml`` (which
attribute takes which codelist, under which condition on its vocabulary).  This module
evaluates them with lxml's XPath 1.0, as the specification says:

- each *context* XPath selects the elements a group of rules applies to; each *rule kind*
  (:data:`RULE_KINDS`: ``atleast_one``, ``date_order``, ``if_then``, ``loop``, ...) tests
  each of its *cases* on each element; a case with a ``condition`` that is false is skipped;
- an XPath's truth is XPath's ``boolean()``: a node-set is true when it is not empty (IATI's
  JavaScript validator takes an empty node-set as true in ``if_then``, which lets rules such
  as 3.7.1 pass on activities they are written to catch);
- ``idCondition`` (skip the rule for an identifier published in IATI's Registry) needs the
  Registry's list of publishers, which is not shipped: every identifier is taken as not
  published, so the rules always apply (the stricter reading); ``ORG-ID-PREFIX`` is the
  codes of the OrganisationRegistrationAgency codelist (org-id.guide's prefixes);
- dates are ISO 8601 dates or date-times (a date is its midnight, UTC); a date that is not
  one makes the rule not apply, as in IATI's validator; ``NOW`` is the time of validation;
- one rule of IATI's validator is not in the ruleset and is applied too: 1.1.2, each
  activity identifier once in the file.

Codelists: each attribute (or text) ``mapping.xml`` names must hold a code of its codelist
(where the mapping's condition holds); a withdrawn code is a warning.

What is found is a :class:`~resultsframework.Diagnostic`: code ``iati-rule`` with the rule's
id, severity and message (``4.1.1: The activity should specify a default language ...``), or
``iati-codelist`` with the codelist's name; its path is the element's (or attribute's) below
the root ``iati-activities``.
"""

from __future__ import annotations

import functools
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, NamedTuple

from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import Path, format_path, shorten

__all__ = [
    "ALIASES",
    "RULE_KINDS",
    "Codelist",
    "check_codelists",
    "check_identifiers",
    "check_rules",
    "codelist",
    "element_path",
    "ruleset",
    "xpath_path",
]

XML_NS = "http://www.w3.org/XML/1998/namespace"
_NAMESPACES = {"xml": XML_NS}


def _data(*parts: str) -> Any:
    folder = resources.files("resultsframework") / "data" / "iati-2.03"
    for part in parts:
        folder = folder / part
    return folder


# -- codelists (the standard library only: the exporter uses them without lxml) ---------------


class Codelist(NamedTuple):
    """One IATI codelist: its codes, those withdrawn, and each code's English name."""

    name: str
    complete: bool
    codes: frozenset[str]
    withdrawn: frozenset[str]
    names: Mapping[str, str]


@functools.cache
def codelist(name: str) -> Codelist:
    """The IATI 2.03 codelist *name* (``Country``, ``Sector``), read once from the package data."""
    root = ET.fromstring(_data("codelists", f"{name}.xml").read_bytes())
    codes, withdrawn, names = set(), set(), {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        codes.add(code)
        if item.get("status") == "withdrawn":
            withdrawn.add(code)
        for narrative in item.findall("name/narrative"):
            if narrative.get(f"{{{XML_NS}}}lang") in (None, "en"):
                names[code] = " ".join((narrative.text or "").split())
                break
    return Codelist(name, root.get("complete") == "1", frozenset(codes), frozenset(withdrawn), names)


class _Mapping(NamedTuple):
    path: str
    codelist: str
    condition: str | None


@functools.cache
def _mappings() -> tuple[_Mapping, ...]:
    root = ET.fromstring(_data("codelists", "mapping.xml").read_bytes())
    found = []
    for mapping in root.iter("mapping"):
        ref = mapping.find("codelist")
        path = (mapping.findtext("path") or "").strip()
        if ref is None or not path:
            continue
        condition = (mapping.findtext("condition") or "").strip() or None
        found.append(_Mapping(path, ref.get("ref", ""), condition))
    return tuple(found)


# -- the ruleset ---------------------------------------------------------------------------


@functools.cache
def ruleset() -> Mapping[str, Mapping[str, Any]]:
    """IATI's Standard Ruleset 2.03 (``rulesets/standard.json``): context -> rule kind -> cases."""
    loaded: Mapping[str, Mapping[str, Any]] = json.loads(
        _data("rulesets", "standard.json").read_text("utf-8")
    )
    return loaded


ALIASES = {
    "noMoreThanOne": "no_more_than_one",
    "atLeastOne": "atleast_one",
    "onlyOneOf": "only_one_of",
    "oneOrAll": "one_or_all",
    "dateOrder": "date_order",
    "dateNow": "date_now",
    "timeLimit": "time_limit",
    "betweenDates": "between_dates",
    "regexMatches": "regex_matches",
    "regexNoMatches": "regex_no_matches",
    "startsWith": "startswith",
    "ifThen": "if_then",
    "strictSum": "strict_sum",
    "noSpaces": "no_spaces",
}
"""The rule kinds' camel-case names (IATI's JavaScript validator), as the snake-case ones."""


@functools.cache
def _xpath(expression: str) -> Any:
    etree = _lxml()
    return etree.XPath(expression, namespaces=_NAMESPACES, smart_strings=True)


def _lxml() -> Any:
    from ..core.extras import require  # noqa: PLC0415

    return require("lxml.etree", "iati")


def _eval(expression: str, element: Any) -> Any:
    return _xpath(expression)(element)


def _nodes(expression: str, element: Any) -> list[Any]:
    found = _eval(expression, element)
    return found if isinstance(found, list) else [found]


def _true(expression: str, element: Any) -> bool:
    """XPath's ``boolean()`` of the expression's value: a node-set is true when it is not empty."""
    found = _eval(expression, element)
    if isinstance(found, list):
        return bool(found)
    if isinstance(found, float):
        return not math.isnan(found) and found != 0
    return bool(found)


def _text(node: Any) -> str:
    """The text of a node, as the DOM's textContent: an element's, with its descendants'."""
    if isinstance(node, str):
        return str(node)
    if hasattr(node, "itertext"):
        return "".join(node.itertext())
    return str(node)


class _Case(NamedTuple):
    """A case being tested: its definition and the element it is tested on."""

    data: Mapping[str, Any]
    element: Any
    now: datetime
    prefixes: frozenset[str]

    def matches(self) -> list[Any]:
        """Every node the case's ``paths`` select, path by path (a node twice if two select it)."""
        return [node for path in self.data.get("paths", ()) for node in _nodes(path, self.element)]

    def date(self, key: str) -> tuple[datetime, str] | None:
        """The date the case's *key* selects, with its text, or None (none found, or not a date)."""
        expression = self.data[key]
        if expression == "NOW":
            return self.now, "now"
        found = _nodes(expression, self.element)
        if not found:
            return None
        text = _text(found[0]).strip()
        when = _datetime(text)
        return None if when is None else (when, text)


_Failure = tuple[Any, str]
"""Where a case fails (a node, or None for the element it is tested on) and what is wrong."""


def _datetime(text: str) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)  # noqa: UP017


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _paths(case: _Case) -> str:
    return ", ".join(case.data.get("paths", ()))


def _no_more_than_one(case: _Case) -> list[_Failure]:
    found = case.matches()
    return [] if len(found) <= 1 else [(None, f"{len(found)} found of {_paths(case)}")]


def _atleast_one(case: _Case) -> list[_Failure]:
    return [] if case.matches() else [(None, f"none found of {_paths(case)}")]


def _only_one_of(case: _Case) -> list[_Failure]:
    found = case.matches()
    for excluded in case.data.get("excluded", ()):
        if _nodes(excluded, case.element):
            if found:
                return [(None, f"{_paths(case)} beside {excluded}")]
        elif len(found) != 1:
            return [(None, f"{len(found)} found of {_paths(case)}, where exactly one is expected")]
    return []


def _one_or_all(case: _Case) -> list[_Failure]:
    if _nodes(case.data["one"], case.element):
        return []
    kind, element = case.data["all"], case.element
    if kind == "lang":
        lang = f"{{{XML_NS}}}lang"
        lacking, noun, lacks = (
            [n for n in element.iter("narrative") if n.get(lang) is None],
            "narrative",
            "xml:lang",
        )
    elif kind in ("sector", "recipient-country|recipient-region"):
        lacking, noun, lacks = (
            [t for t in element.iter("transaction") if not t.xpath(kind)],
            "transaction",
            kind,
        )
    elif kind == "currency":
        tags = ("value", "forecast", "loan-status")
        lacking, noun, lacks = (
            [n for n in element.iter(*tags) if n.get("currency") is None],
            "value",
            "@currency",
        )
    else:
        raise NotImplementedError(f"one_or_all: all={kind!r}")
    if not lacking:
        return []
    first = format_path(element_path(element.getroottree(), lacking[0]))
    many = f"{len(lacking)} {noun}s" if len(lacking) > 1 else f"a {noun}"
    return [(None, f"no {case.data['one']}, and {many} without {lacks}, the first at {first}")]


def _dependent(case: _Case) -> list[_Failure]:
    present = [bool(_nodes(path, case.element)) for path in case.data.get("paths", ())]
    return [(None, f"not all of {_paths(case)}")] if any(present) and not all(present) else []


def _strict_sum(case: _Case) -> list[_Failure]:
    total = Decimal(0)
    for node in case.matches():
        number = _decimal(_text(node))
        if number is None:
            return [(node, f"{_text(node)!r} is not a number")]
        total += number
    expected = Decimal(str(case.data["sum"]))
    if round(total, 4) == expected:
        return []
    return [(None, f"the sum is {total:f} for {_paths(case)}, not {expected:f}")]


def _sum(case: _Case) -> list[_Failure]:
    return _strict_sum(case) if case.matches() else []


def _date_order(case: _Case) -> list[_Failure]:
    less, more = case.date("less"), case.date("more")
    if less is None or more is None or less[0] <= more[0]:
        return []
    return [(None, f"{case.data['less']} = {less[1]} is after {case.data['more']} = {more[1]}")]


def _date_now(case: _Case) -> list[_Failure]:
    when = case.date("date")
    if when is None or when[0] <= case.now:
        return []
    return [(None, f"{case.data['date']} = {when[1]} is in the future")]


def _time_limit(case: _Case) -> list[_Failure]:
    start, end = case.date("start"), case.date("end")
    if start is None or end is None or (end[0] - start[0]).days <= 365:
        return []
    return [(None, f"{case.data['start']} = {start[1]} to {case.data['end']} = {end[1]} is more than a year")]


def _between_dates(case: _Case) -> list[_Failure]:
    when, start, end = case.date("date"), case.date("start"), case.date("end")
    if when is None or start is None or end is None or start[0] <= when[0] <= end[0]:
        return []
    return [(None, f"{case.data['date']} = {when[1]} is not from {start[1]} to {end[1]}")]


def _regex(case: _Case, *, match: bool) -> list[_Failure]:
    pattern = re.compile(case.data["regex"])
    failures = []
    for node in case.matches():
        text = _text(node)
        if text and (pattern.search(text) is not None) is not match:
            failures.append(
                (node, f"{shorten(text)!r} {'does not match' if match else 'matches'} {pattern.pattern}")
            )
    return failures


def _regex_matches(case: _Case) -> list[_Failure]:
    return _regex(case, match=True)


def _regex_no_matches(case: _Case) -> list[_Failure]:
    return _regex(case, match=False)


def _startswith(case: _Case) -> list[_Failure]:
    prefixes = case.data["prefix"]
    failures = []
    if prefixes in ("ORG-ID-PREFIX", ["ORG-ID-PREFIX"]):
        for node in case.matches():
            text = _text(node)
            if "-".join(text.split("-")[:2]) not in case.prefixes:
                failures.append(
                    (node, f"{shorten(text)!r} starts with no registration agency's code (org-id.guide)")
                )
        return failures
    starts = [_text(n) for path in prefixes for n in _nodes(path, case.element)]
    separator = case.data.get("separator", "")
    for node in case.matches():
        text = _text(node)
        if not any(text.startswith(start + separator) for start in starts):
            shown = " or ".join(repr(s + separator) for s in starts) or "|".join(prefixes)
            failures.append((node, f"{shorten(text)!r} does not start with {shown}"))
    return failures


def _unique(case: _Case) -> list[_Failure]:
    texts = [_text(n) for n in case.matches()]
    if len(set(texts)) == len(texts):
        return []
    return [(None, f"{_paths(case)} are the same: {shorten(texts[0])!r}")]


def _if_then(case: _Case) -> list[_Failure]:
    if not _true(case.data["if"], case.element) or _true(case.data["then"], case.element):
        return []
    return [(None, f"{case.data['if']}, but not {case.data['then']}")]


def _range(case: _Case) -> list[_Failure]:
    failures = []
    for node in case.matches():
        text = _text(node)
        number = _decimal(text)
        low = case.data.get("min")
        high = case.data.get("max")
        if (
            number is None
            or (low is not None and number < Decimal(str(low)))
            or (high is not None and number > Decimal(str(high)))
        ):
            failures.append((node, f"{shorten(text)!r} is not from {low} to {high}"))
    return failures


def _no_spaces(case: _Case) -> list[_Failure]:
    return [(n, f"{shorten(_text(n))!r}") for n in case.matches() if _text(n) != _text(n).strip()]


_KINDS: dict[str, Callable[[_Case], list[_Failure]]] = {
    "no_more_than_one": _no_more_than_one,
    "atleast_one": _atleast_one,
    "only_one_of": _only_one_of,
    "one_or_all": _one_or_all,
    "dependent": _dependent,
    "sum": _sum,
    "strict_sum": _strict_sum,
    "date_order": _date_order,
    "date_now": _date_now,
    "time_limit": _time_limit,
    "between_dates": _between_dates,
    "regex_matches": _regex_matches,
    "regex_no_matches": _regex_no_matches,
    "startswith": _startswith,
    "unique": _unique,
    "if_then": _if_then,
    "range": _range,
    "no_spaces": _no_spaces,
}

RULE_KINDS = frozenset({*_KINDS, "loop"})
"""Every rule kind evaluated: those of ``SPEC.rst`` (``range`` too, which only its example
shows) and ``loop``, which tests the rules in its ``do`` once for each value of its ``foreach``."""

ONE_OR_ALL = frozenset({"lang", "sector", "currency", "recipient-country|recipient-region"})
"""The values ``one_or_all``'s ``all`` takes: what each of the elements must have."""


def _kind(name: str) -> str:
    return ALIASES.get(name, name)


def _cases(
    kind: str, cases: list[Mapping[str, Any]], element: Any
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The cases to test on *element*: a loop's expanded, once per value of its ``foreach``."""
    if kind != "loop":
        for data in cases:
            yield kind, data
        return
    for loop in cases:
        values = list(dict.fromkeys(_text(v) for v in _nodes(loop["foreach"], element)))
        for name, inner in loop["do"].items():
            for data in inner["cases"]:
                for value in values:
                    case = dict(data)
                    for key in loop.get("subs", ()):
                        if isinstance(case.get(key), str):
                            case[key] = case[key].replace("$1", value)
                        elif isinstance(case.get(key), list):
                            case[key] = [item.replace("$1", value) for item in case[key]]
                    yield _kind(name), case


def _severity(info: Mapping[str, Any]) -> Severity:
    return Severity.ERROR if info.get("severity") in ("error", "critical") else Severity.WARNING


def check_rules(
    root: Any, *, now: datetime, rules: Mapping[str, Mapping[str, Any]] | None = None
) -> Iterator[Diagnostic]:
    """
    The diagnostics of IATI's Standard Ruleset (or *rules*) on the parsed document *root* (lxml).

    Raises:
        NotImplementedError: for a rule kind this module does not evaluate (none of the shipped
            ruleset's: a test checks it).
    """
    prefixes = codelist("OrganisationRegistrationAgency").codes
    tree = root.getroottree()
    for context, kinds in (ruleset() if rules is None else rules).items():
        elements = _nodes(context, root)
        for name, rule in kinds.items():
            kind = _kind(name)
            if kind not in RULE_KINDS:
                raise NotImplementedError(f"IATI rule kind {name!r} (context {context})")
            for element in elements:
                for case_kind, data in _cases(kind, rule["cases"], element):
                    if "condition" in data and not _true(data["condition"], element):
                        continue
                    info = data.get("ruleInfo", {})
                    case = _Case(data, element, now, prefixes)
                    for node, detail in _KINDS[case_kind](case):
                        message = f"{info.get('id', '?')}: {info.get('message', case_kind)} ({detail})"
                        path = element_path(tree, element if node is None else node)
                        yield Diagnostic(_severity(info), "iati-rule", path, message)


def check_identifiers(root: Any) -> Iterator[Diagnostic]:
    """Rule 1.1.2 of IATI's validator (not in the ruleset): each activity identifier once in the file."""
    seen: dict[str, int] = {}
    tree = root.getroottree()
    for index, activity in enumerate(root.iterchildren("iati-activity")):
        identifier = activity.findtext("iati-identifier")
        if identifier is None:
            continue
        if identifier in seen:
            message = (
                "1.1.2: The activity identifier must be unique for each activity. "
                f"({shorten(identifier)!r} is the identifier of iati-activity[{seen[identifier]}] too)"
            )
            yield Diagnostic(
                Severity.ERROR, "iati-rule", element_path(tree, activity.find("iati-identifier")), message
            )
        else:
            seen[identifier] = index


def check_codelists(root: Any) -> Iterator[Diagnostic]:
    """Every coded attribute (or text) ``mapping.xml`` names, against its codelist."""
    tree = root.getroottree()
    found: list[tuple[int, Diagnostic]] = []
    order = {element: index for index, element in enumerate(root.iter())}
    for mapping in _mappings():
        for node in _nodes(mapping.path, root):
            if not isinstance(node, str):
                continue
            owner = node.getparent()  # type: ignore[attr-defined]  # lxml's smart strings
            if mapping.condition is not None and not _true(mapping.condition, owner):
                continue
            value = str(node)
            codes = codelist(mapping.codelist)
            where = element_path(tree, node)
            shown = "/".join(mapping.path.rsplit("/", 2)[-2:])
            name = mapping.codelist
            if value not in codes.codes:
                message = f"{name}: {shorten(value)!r} is not a code of IATI's {name} codelist ({shown})"
                severity = Severity.ERROR
            elif value in codes.withdrawn:
                message = (
                    f"{name}: {shorten(value)!r} is a withdrawn code of IATI's {name} codelist ({shown})"
                )
                severity = Severity.WARNING
            else:
                continue
            found.append((order.get(owner, 0), Diagnostic(severity, "iati-codelist", where, message)))
    found.sort(key=lambda item: item[0])
    for _order, diagnostic in found:
        yield diagnostic


_STEP = re.compile(r"(?P<tag>.+?)(?:\[(?P<index>\d+)\])?")


def xpath_path(xpath: str | None) -> Path:
    """
    lxml's XPath of an element as a field path below the root, counting from 0.

    ``/iati-activities/iati-activity/result[2]/indicator`` is ``("iati-activity", 0, "result",
    1, "indicator", 0)``: ``iati-activity[0].result[1].indicator[0]``.
    """
    path: list[str | int] = []
    for step in (xpath or "").strip("/").split("/")[1:]:
        match = _STEP.fullmatch(step)
        if match is None:  # an empty step: not an element's path
            return ()
        path += [shorten(match["tag"]), int(match["index"] or 1) - 1]
    return tuple(path)


def element_path(tree: Any, node: Any) -> Path:
    """The field path of an element, or of an attribute (``...participating-org[0].@ref``) or a text."""
    if isinstance(node, str):
        owner = node.getparent()  # type: ignore[attr-defined]  # lxml's smart strings
        base = element_path(tree, owner) if owner is not None else ()
        return (*base, f"@{node.attrname}") if getattr(node, "is_attribute", False) else base  # type: ignore[attr-defined]
    return xpath_path(tree.getpath(node))
