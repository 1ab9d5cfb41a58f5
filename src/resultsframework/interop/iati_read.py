"""
IATI 2.03 read back: the results of an ``iati-activities`` document as programmes.

:func:`from_iati` reads leniently: what it cannot map is left out or read as near as it can
be, and said in a :class:`~resultsframework.Diagnostic` (code ``iati-read-*``) with the
element's path below ``iati-activities`` (counted from 0, as :func:`validate_iati` gives it)
and its line.  What IATI does not say (how an indicator's values make a whole over periods;
whether a total may be derived from its breakdown) is an explicit option.

The codes are the exporter's (:mod:`.iati`), read the other way; what the export loses is
listed in ``docs/interop.md`` and is not restored.  Needs lxml (the ``iati`` extra).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import IO, Any

import attrs

from ..core.diagnostics import Diagnostic
from ..core.diagnostics import diagnostic as _made
from ..core.disaggregation import BUILTIN_DIMENSIONS
from ..core.errors import ResultsFrameworkError, shorten
from ..core.extras import require
from ..core.model import (
    Accumulation,
    Achieved,
    Baseline,
    Breakdown,
    Cell,
    Dates,
    Dimension,
    Direction,
    FrameworkLink,
    Identifier,
    Impact,
    Indicator,
    Location,
    Measure,
    Organisation,
    OrganisationRole,
    Outcome,
    Output,
    Programme,
    Qualifier,
    Ratio,
    Sector,
    Target,
    Value,
    Variance,
)
from ..core.periods import Period
from ..text.l10n import Localizer
from .iati import MEASURE_CODES, OTHER_SDG_INDICATORS, QUALITATIVE, RESULT_TYPES, ROLE_CODES, STATED_AS
from .iati_rules import XML_NS, element_path

__all__ = ["IatiReading", "from_iati"]

MEASURES_READ = {"1": Measure.NUMBER, "2": Measure.PERCENTAGE, QUALITATIVE: Measure.QUALITATIVE}
"""IATI IndicatorMeasure read back; 3 nominal and 4 ordinal are read as qualitative, and said
(IATI holds no scale and no counts per answer to read an ordinal indicator from)."""
assert {*MEASURES_READ, "4"} == set(MEASURE_CODES.values())

ROLES_READ: dict[str, OrganisationRole] = {
    code: role
    for role, code in ROLE_CODES.items()
    if role is not OrganisationRole.PARTICIPATING  # 4 is read as implementing partner
}
KINDS_READ = {code: kind for kind, code in RESULT_TYPES.items()}
"""IATI ResultType: 3 impact, 2 outcome, 1 output (9 other is read as an outcome, and said)."""

_CODE_TITLE = re.compile(r"(?P<code>[^\s:]*\d[^\s:]*): (?P<statement>.+)", re.DOTALL)
_COUNTS = re.compile(r"(?P<numerator>-?\d+(?:\.\d+)?) of (?P<denominator>-?\d+(?:\.\d+)?)")
_PCODE = re.compile(r"[A-Z]{2}[A-Z]?\d[0-9A-Z]*")
"""An OCHA p-code: the country's ISO code, then digits (``IQG08``, ``AF0101``)."""
_VARIANCE = "Reason for variance: "
_SOURCE = "Source of verification: "


@attrs.frozen
class IatiReading:
    """
    What :func:`from_iati` read: the programmes, and what it could not map.

    .. versionadded:: 0.1.0
    """

    programmes: tuple[Programme, ...]
    """One programme per ``iati-activity``, in document order."""
    diagnostics: tuple[Diagnostic, ...]
    """What could not be mapped, or only as near as it could be (codes ``iati-read-*``), each at
    the element's path below ``iati-activities`` with its line first in the message."""


def from_iati(
    source: bytes | str | os.PathLike[str] | IO[bytes],
    *,
    accumulation: Accumulation | str = Accumulation.SUM,
    derive_totals: bool = False,
) -> IatiReading:
    """
    Read the results of an IATI ``iati-activities`` document into programmes, leniently.

    Each ``iati-activity`` is a programme: its title, identifier (scheme ``iati``), language,
    participating organisations, recipient country or region, sectors, dates, SDG tags and its
    results: the impact (result type 3), outcomes (2) and outputs (1, under the outcome before
    them), each indicator with its measure, direction, baseline, and per period its target and
    actual values (a total without ``dimension``, breakdown cells with them).

    What cannot be mapped is read as near as it can be and said in
    :attr:`IatiReading.diagnostics`: nominal and ordinal measures (read as qualitative), text or
    no number in a quantitative value, actuals with only disaggregated values, outputs with no
    outcome before them, missing titles and periods.

    Args:
        source: The document: its bytes, a path, or a binary file object.
        accumulation: How each indicator's values over periods make a whole (IATI does not
            say): ``sum`` (the default), ``running_total`` or ``level``.
        derive_totals: For a period whose actual (or target) is given only per breakdown cell:
            whether to take the sum of one dimension's cells as its total (for counts,
            numbers and money only).  Without it, the value is left empty and the cells kept.

    Needs lxml (``pip install 'resultsframework[iati]'``).

    Raises:
        ResultsFrameworkError: if *source* is not XML, or its root is not ``iati-activities``.

    .. versionadded:: 0.1.0
    """
    etree = require("lxml.etree", "iati")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        if isinstance(source, bytes):
            root = etree.fromstring(source, parser)
        elif isinstance(source, str | os.PathLike):
            root = etree.parse(os.fspath(source), parser).getroot()
        else:
            root = etree.parse(source, parser).getroot()
    except etree.XMLSyntaxError as e:
        raise ResultsFrameworkError(f"cannot read IATI: not XML: {shorten(str(e), 200)}") from None
    if root.tag != "iati-activities":
        raise ResultsFrameworkError(
            f"cannot read IATI: the root element is {shorten(str(root.tag))!r}, not 'iati-activities'"
        )
    reader = _Reader(root.getroottree(), Accumulation(accumulation), derive_totals)
    programmes = tuple(reader.activity(a) for a in root.iterchildren("iati-activity"))
    return IatiReading(programmes, tuple(reader.found))


def is_iati(data: bytes) -> bool:
    """Whether *data* looks like an IATI document: its root element is ``iati-activities``."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    text = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL).lstrip()
    return text.startswith(b"<iati-activities")


def _text(element: Any) -> str | None:
    """The first narrative of an element (or its own text), stripped; ``None`` if empty."""
    if element is None:
        return None
    narrative = element.find("narrative")
    value = narrative.text if narrative is not None else element.text
    value = (value or "").strip()
    return value or None


def _number(text: str | None) -> int | Decimal | None:
    if text is None:
        return None
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return (
        int(number)
        if number == number.to_integral_value() and "." not in text and "e" not in text.lower()
        else number
    )


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _split_title(title: str | None) -> tuple[str | None, str]:
    if title is None:
        return None, ""
    match = _CODE_TITLE.fullmatch(title)
    if match is None:
        return None, title
    return match["code"], match["statement"].strip()


def _dimensions(impact: Impact | None, outcomes: tuple[Outcome, ...]) -> tuple[Dimension, ...]:
    """The dimensions of the breakdowns read that are not built in, with the categories seen."""
    seen: dict[str, dict[str, None]] = {}
    results: list[Impact | Outcome | Output] = [
        *([impact] if impact else []),
        *outcomes,
        *(o for outcome in outcomes for o in outcome.outputs),
    ]
    for result in results:
        for indicator in result.indicators:
            figures: list[Target | Achieved] = [
                *indicator.milestones,
                *([indicator.target] if indicator.target else []),
                *indicator.achieved,
            ]
            for figure in figures:
                for breakdown in figure.breakdowns:
                    for cell in breakdown.cells:
                        for name, category in cell.categories:
                            if name not in BUILTIN_DIMENSIONS:
                                seen.setdefault(name, {})[category] = None
    return tuple(Dimension(name, None, tuple(categories)) for name, categories in seen.items())


@attrs.define
class _Figure:
    """A target or actual as read: its value, comment and breakdown cells."""

    element: Any
    value: Value | None
    comment: str | None
    cells: list[tuple[tuple[tuple[str, str], ...], Value]] = attrs.field(factory=list)
    documents: list[str] = attrs.field(factory=list)
    categories: tuple[tuple[str, str], ...] = ()
    """The breakdown cell it is for: its ``dimension``s, and its ``location`` as a ``location``
    category (the place's name) when no dimension names the location; none for a total."""


class _Reader:
    def __init__(self, tree: Any, accumulation: Accumulation, derive_totals: bool) -> None:
        self.tree = tree
        self.accumulation = accumulation
        self.derive_totals = derive_totals
        self.found: list[Diagnostic] = []
        self.places: dict[str, str] = {}
        """The activity's locations: each ``location/@ref`` with the place's name."""
        self.span: Period | None = None
        """The activity's dates, start to end: a target over them is the end-of-programme one."""
        self.unread: str | None = None
        """The text of the last value :meth:`number` could not read as a number."""

    def diagnostic(self, code: str, element: Any, message: str) -> None:
        """What could not be mapped at *element*, its line first (each call names its code, for the tests)."""
        line = getattr(element, "sourceline", None)
        where = f"line {line}: " if line else ""
        self.found.append(_made(code, element_path(self.tree, element), where + message))

    # -- the activity ------------------------------------------------------------------------

    def activity(self, activity: Any) -> Programme:
        identifier = (activity.findtext("iati-identifier") or "").strip()
        title = _text(activity.find("title"))
        if title is None:
            self.diagnostic(
                "iati-read-missing", activity, "the activity has no title; its identifier is the title"
            )
            title = identifier or "(untitled)"
        language = activity.get(f"{{{XML_NS}}}lang")
        description = next(
            (_text(d) for d in activity.iterchildren("description") if d.get("type", "1") == "1"), None
        )
        narrative = {"executive_summary": description} if description and description != title else {}
        localities = self.localities(activity)
        dates = self.dates(activity)
        self.span = dates.duration if dates is not None else None
        impact, outcomes = self.results(activity)
        return Programme(
            title=title,
            language=language.strip() if language and language.strip() else None,
            identifiers=(Identifier("iati", identifier),) if identifier else (),
            organisations=self.organisations(activity),
            country=self.country(activity),
            localities=localities,
            sectors=self.sectors(activity),
            dates=dates,
            narrative=narrative,
            links=tuple(
                FrameworkLink("sdg", tag.get("code").strip())
                for tag in activity.iterchildren("tag")
                if tag.get("vocabulary") in ("2", "3") and (tag.get("code") or "").strip()
            ),
            dimensions=_dimensions(impact, outcomes),
            impact=impact,
            outcomes=outcomes,
        )

    def organisations(self, activity: Any) -> tuple[Organisation, ...]:
        organisations: list[Organisation] = []
        ids: set[str] = set()
        for org in activity.iterchildren("participating-org"):
            ref = (org.get("ref") or "").strip() or None
            name = _text(org)
            role = ROLES_READ.get((org.get("role") or "").strip())
            if role is None:
                self.diagnostic(
                    "iati-read-value", org, f"organisation role {org.get('role')!r} is read as participating"
                )
                role = OrganisationRole.PARTICIPATING
            base = re.sub(r"\W+", "-", (name or ref or "organisation")).strip("-")[:40] or "organisation"
            key, number = base, 1
            while key in ids:
                number += 1
                key = f"{base}-{number}"
            ids.add(key)
            organisations.append(Organisation(key, role, name, ref))
        return tuple(organisations)

    def country(self, activity: Any) -> str | None:
        for tag in ("recipient-country", "recipient-region"):
            codes = [(e.get("code") or "").strip() for e in activity.iterchildren(tag)]
            codes = [c for c in codes if c]
            if codes:
                if len(codes) > 1:
                    self.diagnostic(
                        "iati-read-value",
                        activity.find(tag),
                        f"several {tag}s ({', '.join(codes)}): the programme's country is the first",
                    )
                if tag == "recipient-region":
                    from ..interop.iati_rules import codelist  # noqa: PLC0415

                    return codelist("Region").names.get(codes[0], codes[0])
                return codes[0]
        return None

    def localities(self, activity: Any) -> tuple[Location, ...]:
        """
        The activity's locations as the programme's localities: each one's name, and its ``ref``
        as its p-code when it is one of a recipient country's (``IQG08`` in Iraq, ``IQ``).
        """
        countries = [(e.get("code") or "").strip() for e in activity.iterchildren("recipient-country")]
        localities: list[Location] = []
        self.places = {}
        for element in activity.iterchildren("location"):
            ref = (element.get("ref") or "").strip()
            is_pcode = bool(_PCODE.fullmatch(ref)) and any(c and ref.startswith(c) for c in countries)
            name = _text(element.find("name")) or ("" if is_pcode else ref)
            if not name and not is_pcode:
                self.diagnostic(
                    "iati-read-missing", element, "a location has neither a name nor a ref: left out"
                )
                continue
            if ref:
                self.places.setdefault(ref, name or ref)
            localities.append(Location(name, ref if is_pcode else None))
        return tuple(localities)

    def sectors(self, activity: Any) -> tuple[Sector, ...]:
        sectors = []
        for element in activity.iterchildren("sector"):
            code = (element.get("code") or "").strip()
            if not code:
                self.diagnostic("iati-read-missing", element, "a sector has no code; left out")
                continue
            share = _number(element.get("percentage"))
            sectors.append(Sector(code, (element.get("vocabulary") or "1").strip(), share, _text(element)))
        return tuple(sectors)

    def dates(self, activity: Any) -> Dates | None:
        found: dict[str, date] = {}
        for element in activity.iterchildren("activity-date"):
            day = _date(element.get("iso-date"))
            kind = (element.get("type") or "").strip()
            if day is None:
                self.diagnostic(
                    "iati-read-value", element, f"activity date {element.get('iso-date')!r} is no date"
                )
            elif kind not in found:
                found[kind] = day
        start = found.get("2") or found.get("1")
        planned, actual = found.get("3"), found.get("4")
        if not found:
            return None
        return Dates(start=start, original_end=planned if planned != actual else None, actual_end=actual)

    # -- results -----------------------------------------------------------------------------

    def results(self, activity: Any) -> tuple[Impact | None, tuple[Outcome, ...]]:
        impact: Impact | None = None
        outcomes: list[tuple[Outcome, list[Output]]] = []
        for element in activity.iterchildren("result"):
            kind = KINDS_READ.get((element.get("type") or "").strip())
            code, statement = _split_title(_text(element.find("title")))
            if not statement:
                self.diagnostic("iati-read-missing", element, "a result has no title")
            narrative = _text(element.find("description"))
            prefix = code or str(len(outcomes) + (kind != "output"))
            indicators = tuple(
                self.indicator(i, f"{prefix}.{n}") for n, i in enumerate(element.iterchildren("indicator"), 1)
            )
            if kind is None:
                self.diagnostic(
                    "iati-read-structure",
                    element,
                    f"result type {element.get('type')!r} is neither output (1), outcome (2) nor impact (3): "
                    "read as an outcome",
                )
                kind = "outcome"
            if kind == "impact" and impact is not None:
                self.diagnostic(
                    "iati-read-structure", element, "a second impact result is read as an outcome"
                )
                kind = "outcome"
            if kind == "impact":
                impact = Impact(statement, code, narrative, indicators)
            elif kind == "outcome":
                outcomes.append(
                    (Outcome(code or str(len(outcomes) + 1), statement, (), narrative, indicators), [])
                )
            else:
                parent_code = code.rsplit(".", 1)[0] if code and "." in code else None
                known = [o for o, _outputs in outcomes if o.code == parent_code]
                if (
                    parent_code is not None
                    and not known
                    and (not outcomes or outcomes[-1][0].code != parent_code)
                ):
                    self.diagnostic(
                        "iati-read-structure",
                        element,
                        f"output {code} has no outcome result before it: put under an outcome {parent_code} "
                        "with no statement (IATI has no result for an outcome without indicators)",
                    )
                    outcomes.append((Outcome(parent_code, ""), []))
                elif not outcomes:
                    self.diagnostic(
                        "iati-read-structure",
                        element,
                        "an output with no outcome before it: put under an outcome of its own, "
                        "'Outputs without an outcome'",
                    )
                    outcomes.append((Outcome("0", "Outputs without an outcome"), []))
                index = next(
                    (n for n, (o, _x) in enumerate(outcomes) if o.code == parent_code), len(outcomes) - 1
                )
                parent, outputs = outcomes[index]
                outputs.append(
                    Output(code or f"{parent.code}.{len(outputs) + 1}", statement, (), narrative, indicators)
                )
        return impact, tuple(attrs.evolve(o, outputs=tuple(outputs)) for o, outputs in outcomes)

    def indicator(self, element: Any, fallback: str) -> Indicator:
        measure_code = (element.get("measure") or "1").strip()
        measure = MEASURES_READ.get(measure_code)
        if measure is None:
            kinds = {"3": "nominal", "4": "ordinal"}
            what = kinds.get(measure_code, f"unknown ({measure_code!r})")
            self.diagnostic(
                "iati-read-measure",
                element,
                f"{'an' if what[0] in 'aeiou' else 'a'} {what} measure is read as qualitative, "
                "its values as text",
            )
            measure = Measure.QUALITATIVE
        title_code, statement = _split_title(_text(element.find("title")))
        own = next(
            (
                (r.get("code") or "").strip()
                for r in element.iterchildren("reference")
                if r.get("vocabulary") == "99" and (r.get("code") or "").strip()
            ),
            None,
        )
        if title_code is not None and own is not None and title_code != own:
            statement = f"{title_code}: {statement}"
        code = own or title_code or fallback
        if not statement:
            self.diagnostic("iati-read-missing", element, f"indicator {code} has no title")
        unit, verification, direction, links = self.described(element)
        baseline = self.baseline(element.find("baseline"), measure)
        periods: list[tuple[Period, list[_Figure], list[_Figure]]] = []
        for node in element.iterchildren("period"):
            start = _date(
                node.find("period-start").get("iso-date") if node.find("period-start") is not None else None
            )
            end = _date(
                node.find("period-end").get("iso-date") if node.find("period-end") is not None else None
            )
            if start is None or end is None:
                self.diagnostic(
                    "iati-read-missing", node, "a period without its start and end dates is left out"
                )
                continue
            targets = [self.figure(t, measure, code) for t in node.iterchildren("target")]
            actuals = [self.figure(a, measure, code) for a in node.iterchildren("actual")]
            periods.append((Period(start, end), targets, actuals))
        if measure is Measure.QUALITATIVE and self._yes_no(baseline, periods):
            measure = Measure.YES_NO
            periods = [
                (p, [self._as_bool(f) for f in t], [self._as_bool(f) for f in a]) for p, t, a in periods
            ]
            if baseline is not None and baseline.value in ("Yes", "No"):
                baseline = attrs.evolve(baseline, value=baseline.value == "Yes")
        elif measure is Measure.NUMBER and self._whole(baseline, periods):
            measure = Measure.COUNT
        milestones, achieved = [], []
        for period, targets, actuals in periods:
            target = self.combine(targets, period, measure, code, "target")
            if target is not None:
                text, qualifier = _stated_qualifier(target.comment)
                cells = self.breakdowns(target.cells)
                milestones.append(Target(target.value, text, period, cells, qualifier=qualifier))
            actual = self.combine(actuals, period, measure, code, "actual")
            if actual is not None:
                achieved.append(self.achieved(actual, period, measure))
        overall, milestones = self.end_target(milestones)
        return Indicator(
            code, statement, measure, unit=unit, direction=direction, accumulation=self.accumulation,
            means_of_verification=verification, baseline=baseline, target=overall,
            milestones=tuple(milestones), achieved=tuple(achieved), links=links,
        )  # fmt: skip

    @staticmethod
    def described(element: Any) -> tuple[str | None, str | None, Direction, tuple[FrameworkLink, ...]]:
        """
        The unit, means of verification, direction and SDG indicator links of an indicator.

        As the export writes them: ``ascending``, the references of vocabulary 9, and the
        description's ``Unit:``, ``Means of verification:``, ``Direction: maintain`` and
        ``Other SDG indicators:``.
        """
        others: list[str] = []
        unit, verification = None, None
        direction = Direction.DECREASE if element.get("ascending") == "0" else Direction.INCREASE
        for line in (_text(element.find("description")) or "").splitlines():
            for part in line.split("; "):
                if part.startswith("Unit: "):
                    unit = part.removeprefix("Unit: ").strip() or None
                elif part.startswith("Means of verification: "):
                    verification = part.removeprefix("Means of verification: ").strip() or None
                elif part.startswith("Direction: maintain"):
                    direction = Direction.MAINTAIN
                elif part.startswith(OTHER_SDG_INDICATORS):
                    others.extend(c.strip() for c in part.removeprefix(OTHER_SDG_INDICATORS).split(","))
        sdg = [
            (r.get("code") or "").strip()
            for r in element.iterchildren("reference")
            if r.get("vocabulary") == "9" and (r.get("code") or "").strip()
        ]
        return (
            unit,
            verification,
            direction,
            tuple(FrameworkLink("sdg", c) for c in dict.fromkeys([*sdg, *others]) if c),
        )

    def end_target(self, targets: list[Target]) -> tuple[Target | None, list[Target]]:
        """
        The end-of-programme target and the milestones among an indicator's targets by period.

        The target whose period covers the activity's dates is the end one (the last, if several);
        else an indicator's one target is its end target; else all are milestones.
        """
        span = self.span
        ends = [
            t
            for t in targets
            if span is not None
            and t.period is not None
            and t.period.start <= span.start
            and t.period.end >= span.end
        ]
        if ends:
            return attrs.evolve(ends[-1], period=None), [t for t in targets if t is not ends[-1]]
        if len(targets) == 1:
            return attrs.evolve(targets[0], period=None), []
        return None, targets

    @staticmethod
    def _figures(
        baseline: Baseline | None, periods: list[tuple[Period, list[_Figure], list[_Figure]]]
    ) -> Iterator[object]:
        if baseline is not None:
            yield baseline.value
        for _period, targets, actuals in periods:
            for figure in (*targets, *actuals):
                yield figure.value
                yield from (value for _c, value in figure.cells)

    def _yes_no(
        self, baseline: Baseline | None, periods: list[tuple[Period, list[_Figure], list[_Figure]]]
    ) -> bool:
        values = [v for v in self._figures(baseline, periods) if v is not None]
        return bool(values) and all(
            isinstance(v, str) and v.splitlines()[-1].strip() in ("Yes", "No") for v in values
        )

    def _whole(
        self, baseline: Baseline | None, periods: list[tuple[Period, list[_Figure], list[_Figure]]]
    ) -> bool:
        values = [v for v in self._figures(baseline, periods) if v is not None]
        return all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values)

    @staticmethod
    def _as_bool(figure: _Figure) -> _Figure:
        if figure.value in ("Yes", "No") and figure.element.tag != "actual":
            figure.value = figure.value == "Yes"
        return figure

    def baseline(self, element: Any, measure: Measure) -> Baseline | None:
        if element is None:
            return None
        comment = _text(element.find("comment"))
        value: Value | None
        if measure is Measure.QUALITATIVE:
            value, comment = comment, None
        else:
            self.unread = None
            value = self.number(element, measure, "baseline")
            if self.unread is not None:
                comment = "\n".join(p for p in (self.unread, comment) if p)
            if value is None and comment is not None and comment in ("Yes", "No"):
                value, comment = comment, None
        year = _number(element.get("year"))
        return Baseline(
            value,
            comment,
            _date(element.get("iso-date")),
            year if isinstance(year, int) and 1 <= year <= 9999 else None,
        )

    def number(self, element: Any, measure: Measure, what: str) -> Value | None:
        text = element.get("value")
        if text is None or not text.strip():
            return None
        number = _number(text)
        if number is None:
            self.diagnostic(
                "iati-read-value",
                element,
                f"the {what}'s value {shorten(text)!r} is no number; kept as its text",
            )
            self.unread = text.strip()
            return None
        if measure is Measure.PERCENTAGE:
            return Decimal(number)
        return number

    def figure(self, element: Any, measure: Measure, code: str) -> _Figure:
        comment = _text(element.find("comment"))
        value: Value | None
        if measure is Measure.QUALITATIVE:
            value = comment
            if element.get("value") and element.get("value").strip():
                if comment is None:
                    value = element.get("value").strip()
                else:
                    value = f"{element.get('value').strip()}: {comment}"
            comment = None
        else:
            self.unread = None
            value = self.number(element, measure, element.tag)
            if self.unread is not None:
                comment = "\n".join(p for p in (self.unread, comment) if p)
            elif value is None and comment:
                lines = comment.splitlines()
                counts = _COUNTS.fullmatch(lines[-1].strip())
                if lines[-1].strip() in ("Yes", "No"):
                    value, comment = lines[-1].strip(), "\n".join(lines[:-1]) or None
                elif counts is None:
                    self.diagnostic(
                        "iati-read-value",
                        element,
                        f"indicator {code}: the {element.tag} has no number, only text: {shorten(comment)!r}",
                    )
            elif isinstance(value, Decimal) and measure is Measure.PERCENTAGE and comment:
                lines = comment.splitlines()
                counts = _COUNTS.fullmatch(lines[-1].strip())
                if counts is not None:
                    ratio = Ratio(_number(counts["numerator"]) or 0, _number(counts["denominator"]) or 0)
                    if ratio.percent is not None and ratio.percent.quantize(
                        Decimal("0.01")
                    ) == value.quantize(Decimal("0.01")):
                        value, comment = ratio, "\n".join(lines[:-1]) or None
        documents = [
            (link.get("url") or "").strip()
            for link in element.iterchildren("document-link")
            if (link.get("url") or "").strip()
        ]
        categories = tuple(
            ((d.get("name") or "").strip(), (d.get("value") or "").strip())
            for d in element.iterchildren("dimension")
        )
        if not any(name == "location" for name, _v in categories):
            refs = [(e.get("ref") or "").strip() for e in element.iterchildren("location")]
            places = [self.places.get(ref, ref) for ref in refs if ref]
            if places:
                categories = (*categories, ("location", places[0]))
        return _Figure(element, value, comment, documents=documents, categories=categories)

    def combine(
        self, figures: list[_Figure], period: Period, measure: Measure, code: str, what: str
    ) -> _Figure | None:
        """A period's total with its breakdown cells: the figure without dimension, the others its cells."""
        totals = [f for f in figures if not f.categories]
        cells = [f for f in figures if f.categories]
        if not figures:
            return None
        if len(totals) > 1:
            self.diagnostic(
                "iati-read-value",
                totals[1].element,
                f"indicator {code}: {len(totals)} {what}s without dimension for {period}: the first is read, "
                "the others left out",
            )
        for cell in cells:
            categories = cell.categories
            if (
                cell.value is None
                or isinstance(cell.value, str)
                or any(not n or not v for n, v in categories)
            ):
                continue
            if totals:
                totals[0].cells.append((categories, cell.value))
            else:
                cells[0].cells.append((categories, cell.value))
        if totals:
            return totals[0]
        first = cells[0]
        summable = measure in (Measure.COUNT, Measure.NUMBER, Measure.MONEY)
        if self.derive_totals and summable and first.cells:
            dimension = tuple(n for n, _v in first.cells[0][0])
            one = [
                v
                for c, v in first.cells
                if tuple(n for n, _v in c) == dimension
                and isinstance(v, int | Decimal)
                and not isinstance(v, bool)
            ]
            total: int | Decimal = sum(one, start=0)
            self.diagnostic(
                "iati-read-total",
                first.element,
                f"indicator {code}: the {what} for {period} is given only per breakdown cell: its total is "
                f"derived, {total}, the sum of the {', '.join(dimension)} cells",
            )
            return _Figure(first.element, total, None, first.cells)
        self.diagnostic(
            "iati-read-total",
            first.element,
            f"indicator {code}: the {what} for {period} is given only per breakdown cell, with no total: "
            "left out" + (" (derive_totals=True derives it from one dimension's cells)" if summable else ""),
        )
        return None

    @staticmethod
    def breakdowns(cells: list[tuple[tuple[tuple[str, str], ...], Value]]) -> tuple[Breakdown, ...]:
        grouped: dict[tuple[str, ...], list[Cell]] = {}
        for categories, value in cells:
            grouped.setdefault(tuple(n for n, _v in categories), []).append(Cell(categories, value))
        return tuple(Breakdown(dimensions, tuple(found)) for dimensions, found in grouped.items())

    def achieved(self, figure: _Figure, period: Period, measure: Measure) -> Achieved:
        narrative, variance, source = [], None, None
        comment, qualifier = _stated_qualifier(figure.comment)
        for line in (comment or "").splitlines():
            if line.startswith(_VARIANCE):
                variance = Variance(line.removeprefix(_VARIANCE))
            elif line.startswith(_SOURCE):
                source = line.removeprefix(_SOURCE)
            else:
                narrative.append(line)
        if source is None and figure.documents:
            source = figure.documents[0]
        value = figure.value
        if measure is Measure.YES_NO or (measure is Measure.QUALITATIVE and isinstance(value, str)):
            # a qualitative figure's comment, as the export writes it: the narrative, the reason
            # and the source, then the value (Yes or No, or the text)
            rest = []
            for line in value.splitlines() if isinstance(value, str) else []:
                if line.startswith(_VARIANCE):
                    variance = Variance(line.removeprefix(_VARIANCE))
                elif line.startswith(_SOURCE):
                    source = line.removeprefix(_SOURCE)
                else:
                    rest.append(line)
            if measure is Measure.YES_NO and rest and rest[-1].strip() in ("Yes", "No"):
                value = rest[-1].strip() == "Yes"
                narrative = rest[:-1]
            elif isinstance(value, str):
                value = "\n".join(rest).strip() or None
        return Achieved(
            period, value, "\n".join(narrative).strip() or None, variance, source,
            self.breakdowns(figure.cells) if measure is not Measure.QUALITATIVE else (),
            qualifier=qualifier if isinstance(value, int | Decimal | Ratio) else None,
        )  # fmt: skip


def _stated_qualifier(comment: str | None) -> tuple[str | None, Qualifier | None]:
    """
    A comment without the line that says its figure as the report states it ("Stated as more
    than 1,600", as the export writes it), and the qualifier that line gives.
    """
    if not comment:
        return comment, None
    english = Localizer("en")
    lines, found = [], None
    for line in comment.splitlines():
        stated = line.removeprefix(STATED_AS) if line.startswith(STATED_AS) else None
        qualifier = next(
            (q for q in Qualifier if stated and stated.startswith(english.qualified("", q))), None
        )
        if qualifier is not None and found is None:
            found = qualifier
        else:
            lines.append(line)
    return "\n".join(lines) or None, found
