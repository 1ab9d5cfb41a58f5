"""
IATI 2.03: a programme's results as an ``iati-activities`` document.

Written with the standard library; validating against the official schema (shipped in
``resultsframework/data/iati-2.03``) needs lxml (the ``iati`` extra).  The exporter applies the
IATI rules the schema does not check: a period's start is not after its end (an inverted
period is left out), values are given for quantitative measures and left out for qualitative
ones, references are given at indicator level only (never at both levels), elements in the
schema's order.

What IATI cannot carry is left out, as documented in ``docs/interop.md``: the accumulation of
an indicator over periods, variance reason categories, numerators and denominators of
percentages (the percent is given, and the counts in a comment), links to SDG goals and targets
(IATI references SDG *indicators*), and breakdowns by more than what ``dimension`` holds.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..assessment.progress import aggregate
from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import Path, shorten
from ..core.extras import require
from ..core.model import (
    Achieved,
    Direction,
    Impact,
    Indicator,
    Measure,
    NodeKind,
    Organisation,
    OrganisationRole,
    Outcome,
    Output,
    Programme,
    Ratio,
    Result,
    Value,
)
from ..core.periods import Period
from ..text.escape import xml_safe
from ..text.values import plain

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["to_iati", "validate_iati"]

ROLE_CODES = {
    OrganisationRole.DONOR: "1",
    OrganisationRole.LEAD: "2",
    OrganisationRole.GOVERNMENT_COUNTERPART: "3",
    OrganisationRole.PARTICIPATING: "4",
    OrganisationRole.IMPLEMENTING_PARTNER: "4",
}
"""IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing."""

MEASURE_CODES = {
    Measure.COUNT: "1",
    Measure.NUMBER: "1",
    Measure.MONEY: "1",
    Measure.PERCENTAGE: "2",
    Measure.YES_NO: "5",
    Measure.QUALITATIVE: "5",
}
"""IATI IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative."""

QUALITATIVE = "5"
RESULT_TYPES: dict[NodeKind, str] = {"impact": "3", "outcome": "2", "output": "1"}
"""IATI ResultType of the results with indicators: 3 impact, 2 outcome, 1 output."""
SDG_INDICATOR = re.compile(r"^\d+\.[0-9a-z]+\.\d+$")
URL = re.compile(r"^https?://\S+$")


def _narrative(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    ET.SubElement(element, "narrative").text = text or ""
    return element


def _iati_number(value: int | Decimal) -> str:
    """
    A number as IATI's ``@value`` takes it: written plain, without trailing zeros.

    :func:`~resultsframework.text.values.plain` writes a number as precise as it is stated
    (``12.50``); IATI's values are given without the zeros (``12.5``, ``100``).
    """
    text = plain(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    if re.fullmatch(r"[A-Z]{2}", name):
        return name
    from babel import Locale  # noqa: PLC0415

    for code, territory in Locale.parse("en").territories.items():
        if territory.casefold() == name.casefold() and re.fullmatch(r"[A-Z]{2}", code):
            return str(code)
    return None


def to_iati(
    programmes: Programme | Iterable[Programme],
    *,
    reporting_org: str | None = None,
    reporting_org_type: str = "40",
    generated: datetime | None = None,
) -> bytes:
    """
    The programmes' results as an IATI 2.03 ``iati-activities`` document (UTF-8 bytes).

    Args:
        programmes: One programme or several (one ``iati-activity`` each).
        reporting_org: The reporting organisation's IATI identifier (IOM is ``XM-DAC-47066``);
            by default the lead organisation's id.
        reporting_org_type: Its IATI OrganisationType code (``40`` multilateral).
        generated: The ``generated-datetime`` (default: now, in UTC).

    The activity identifier is the programme's ``iati`` identifier if it has one, else the
    reporting organisation's identifier and the MPTF project reference (or programme number).

    .. versionadded:: 0.1.0
    """
    portfolio = [programmes] if isinstance(programmes, Programme) else list(programmes)
    stamp = (generated or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()  # noqa: UP017
    root = ET.Element("iati-activities", {"version": "2.03", "generated-datetime": stamp})
    for programme in portfolio:
        _activity(root, programme, reporting_org, reporting_org_type)
    _xml_safe(root)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _xml_safe(root: ET.Element) -> None:
    """
    Every text and attribute of the document as XML 1.0 can hold it (:func:`xml_safe`).

    The user's texts go into narratives, identifiers, references, dimensions and currencies: done
    once here, on the whole tree, none is missed (ElementTree would write a control character
    as it is, and no XML reader would read the file).
    """
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        for name, value in list(element.attrib.items()):
            element.set(name, xml_safe(value))


def _lead(programme: Programme) -> Organisation | None:
    leads = [o for o in programme.organisations if o.role is OrganisationRole.LEAD]
    return leads[0] if leads else (programme.organisations[0] if programme.organisations else None)


def _activity(root: ET.Element, programme: Programme, reporting_org: str | None, org_type: str) -> None:
    lead = _lead(programme)
    org_ref = reporting_org or (lead.id if lead else "unknown")
    currency = _currency(programme)
    activity = ET.SubElement(root, "iati-activity", {"default-currency": currency} if currency else {})
    number = programme.identifier("mptf_project") or programme.identifier("programme_number") or "0"
    ET.SubElement(activity, "iati-identifier").text = programme.identifier("iati") or f"{org_ref}-{number}"
    reporting = ET.SubElement(activity, "reporting-org", {"ref": org_ref, "type": org_type})
    ET.SubElement(reporting, "narrative").text = (lead.name or lead.id) if lead else org_ref
    _narrative(activity, "title", programme.title)
    summary = programme.narrative.get("executive_summary") or programme.narrative.get("purpose")
    description = _narrative(activity, "description", summary or programme.title)
    description.set("type", "1")
    for organisation in programme.organisations:
        org = ET.SubElement(activity, "participating-org", {"role": ROLE_CODES[organisation.role]})
        ET.SubElement(org, "narrative").text = organisation.name or organisation.id
    if not programme.organisations:  # IATI requires one: the reporting organisation, accountable
        org = ET.SubElement(activity, "participating-org", {"role": "2", "ref": org_ref})
        ET.SubElement(org, "narrative").text = org_ref
    dates = programme.dates
    ET.SubElement(activity, "activity-status", {"code": _status(programme)})
    pairs = []
    if dates is not None:
        pairs = [("1", dates.start), ("2", dates.start), ("3", dates.original_end), ("4", dates.actual_end)]
    written = [(kind, day) for kind, day in pairs if day is not None]
    if not written:  # the schema requires one activity date
        first = min(
            (r.period.start for i in programme.indicators() for r in i.achieved), default=date.today()
        )
        written = [("1", first)]
    for kind, day in written:
        ET.SubElement(activity, "activity-date", {"type": kind, "iso-date": day.isoformat()})
    country = _country_code(programme.country)
    if country:
        ET.SubElement(activity, "recipient-country", {"code": country, "percentage": "100"})
    for node in programme.walk(*RESULT_TYPES):
        if isinstance(node.item, Impact | Outcome | Output) and node.item.indicators:
            _result(activity, RESULT_TYPES[node.kind], node.item, programme)


def _currency(programme: Programme) -> str | None:
    """The budget's currency, else the contributions' if they agree; none is invented."""
    budget = programme.budget
    if budget is None:
        return None
    if budget.total_approved is not None:
        return budget.total_approved.currency
    currencies = {c.amount.currency for c in budget.contributions}
    return currencies.pop() if len(currencies) == 1 else None


def _status(programme: Programme) -> str:
    dates = programme.dates
    if dates is None or dates.end is None:
        return "2"
    if dates.operationally_closed:
        return "4"
    periods = programme.reporting_periods
    report = max((p.end for p in periods), default=None)
    return "3" if report is not None and report >= dates.end else "2"


def _result(activity: ET.Element, kind: str, result: Result, programme: Programme) -> None:
    element = ET.SubElement(activity, "result", {"type": kind})
    _narrative(element, "title", f"{result.code}: {result.statement}" if result.code else result.statement)
    for indicator in result.indicators:
        _indicator(element, indicator, programme)


def _indicator(result: ET.Element, indicator: Indicator, programme: Programme) -> None:
    measure = MEASURE_CODES[indicator.measure]
    attributes = {"measure": measure}
    if indicator.direction is Direction.INCREASE:
        attributes["ascending"] = "1"
    elif indicator.direction is Direction.DECREASE:
        attributes["ascending"] = "0"
    element = ET.SubElement(result, "indicator", attributes)
    _narrative(element, "title", f"{indicator.code}: {indicator.statement}")
    parts = []
    if indicator.unit:
        parts.append(f"Unit: {indicator.unit}")
    if indicator.means_of_verification:
        parts.append(f"Means of verification: {indicator.means_of_verification}")
    if parts:
        _narrative(element, "description", "; ".join(parts))
    for link in indicator.links:
        if link.framework == "sdg" and SDG_INDICATOR.match(link.code):
            ET.SubElement(element, "reference", {"vocabulary": "9", "code": link.code})
    ET.SubElement(element, "reference", {"vocabulary": "99", "code": indicator.code})
    if indicator.baseline is not None:
        _baseline(element, indicator, programme, measure)
    for period in _periods(indicator, programme):
        _period(element, indicator, period, measure)


def _baseline(element: ET.Element, indicator: Indicator, programme: Programme, measure: str) -> None:
    baseline = indicator.baseline
    assert baseline is not None
    start = programme.dates.start if programme.dates is not None else None
    years = (baseline.year, baseline.date.year if baseline.date else None, start.year if start else None)
    year = next((y for y in years if y is not None and 1 <= y <= 9999), None)
    if year is None:  # IATI needs the baseline's year
        return
    attributes = {"year": str(year)}
    if baseline.date is not None:
        attributes["iso-date"] = baseline.date.isoformat()
    value = _value(baseline.value, measure)
    if value is not None:
        attributes["value"] = value
    node = ET.SubElement(element, "baseline", attributes)
    comment = baseline.text or _comment_value(baseline.value)
    if comment:
        _narrative(node, "comment", comment)


def _periods(indicator: Indicator, programme: Programme) -> list[Period]:
    periods = {r.period for r in indicator.achieved} | {m.period for m in indicator.milestones if m.period}
    if not periods and indicator.target is not None and programme.dates is not None:
        duration = programme.dates.duration
        if duration is not None:
            periods = {duration}
    return sorted(p for p in periods if not p.is_inverted)


def _period(element: ET.Element, indicator: Indicator, period: Period, measure: str) -> None:
    node = ET.SubElement(element, "period")
    ET.SubElement(node, "period-start", {"iso-date": period.start.isoformat()})
    ET.SubElement(node, "period-end", {"iso-date": period.end.isoformat()})
    milestone = next((m for m in indicator.milestones if m.period == period), None)
    target = milestone or (indicator.target if not indicator.milestones and not indicator.achieved else None)
    if target is not None and target.value is not None:
        _figure(node, "target", target.value, measure, target.text)
    records = [r for r in indicator.achieved if r.period == period]
    if records:
        value, _ok, _notes = aggregate(indicator, records)
        urls = [r.source for r in records if r.source and URL.match(r.source)]
        _figure(node, "actual", value, measure, _actual_comment(records), documents=urls)
        for record in records:
            for breakdown in record.breakdowns:
                for cell in breakdown.cells:
                    _figure(node, "actual", cell.value, measure, None, dimensions=cell.categories)


def _actual_comment(records: list[Achieved]) -> str | None:
    parts = []
    for record in records:
        if record.narrative:
            parts.append(record.narrative)
        if record.variance is not None:
            parts.append(f"Reason for variance: {record.variance.reason}")
        if record.source:
            parts.append(f"Source of verification: {record.source}")
    return "\n".join(parts) or None


def _figure(
    node: ET.Element,
    tag: str,
    value: Value | None,
    measure: str,
    comment: str | None,
    *,
    dimensions: tuple[tuple[str, str], ...] = (),
    documents: list[str] | None = None,
) -> None:
    attributes = {}
    shown = _value(value, measure)
    if shown is not None:
        attributes["value"] = shown
    element = ET.SubElement(node, tag, attributes)
    for name, category in dimensions:
        ET.SubElement(element, "dimension", {"name": name, "value": category})
    note = "\n".join(p for p in (comment, _comment_value(value)) if p)
    if note:
        _narrative(element, "comment", note)
    for url in documents or ():  # a source of verification that is a web address
        link = ET.SubElement(element, "document-link", {"url": url, "format": "text/html"})
        _narrative(link, "title", "Source of verification")
        ET.SubElement(link, "category", {"code": "A08"})  # DocumentCategory: results, outcomes and outputs


def _value(value: Value | None, measure: str) -> str | None:
    """The @value: a plain decimal for quantitative measures, nothing for qualitative ones."""
    if measure == QUALITATIVE or value is None or isinstance(value, bool | str):
        return None
    if isinstance(value, Ratio):
        percent = value.percent
        return None if percent is None else _iati_number(percent.quantize(Decimal("0.01")))
    return _iati_number(value)


def _comment_value(value: Value | None) -> str | None:
    """What a value says that @value cannot, for people to read: Yes or No, a text, a ratio's counts."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return value
    if isinstance(value, Ratio):
        return f"{plain(value.numerator)} of {plain(value.denominator)}"
    return None


@functools.cache
def _schema() -> Any:
    etree = require("lxml.etree", "iati")
    folder = resources.files("resultsframework") / "data" / "iati-2.03"
    with resources.as_file(folder / "iati-activities-schema.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate_iati(document: bytes) -> list[Diagnostic]:
    """
    Check an IATI document against the official 2.03 schema; return what is wrong (none: valid).

    Each finding is a :class:`~resultsframework.Diagnostic` with the code ``iati-schema``, the
    path of the element below the root ``iati-activities`` (elements counted from 0) and the
    line in its message::

        iati-activity[0].result[0].indicator[0].period[0].period-begin[0]: error [iati-schema]
        line 45: Element 'period-begin': This element is not expected. Expected is ( period-start ).

    The schema does not check IATI's codelists and rules; :func:`to_iati` applies them.

    Needs lxml (``pip install 'resultsframework[iati]'``).

    Raises:
        lxml.etree.XMLSyntaxError: if *document* is not XML.

    .. versionadded:: 0.1.0
    """
    etree = require("lxml.etree", "iati")
    parsed = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
    return [diagnostic for check in CHECKS for diagnostic in check(parsed)]


def _schema_errors(parsed: Any) -> Iterator[Diagnostic]:
    """The official schema's errors, in document order."""
    schema = _schema()
    if schema.validate(parsed):
        return
    for error in schema.error_log:
        message = f"line {error.line}: {shorten(error.message, 300)}"
        yield Diagnostic(Severity.ERROR, "iati-schema", _element_path(error.path), message)


CHECKS: tuple[Callable[[Any], Iterator[Diagnostic]], ...] = (_schema_errors,)
"""What :func:`validate_iati` checks, in order: each takes the parsed document (lxml)."""

_STEP = re.compile(r"(?P<tag>.+?)(?:\[(?P<index>\d+)\])?")


def _element_path(xpath: str | None) -> Path:
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
