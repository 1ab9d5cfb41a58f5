"""
Durable Solutions quarterly reports: a partner's values for catalogue indicators in one quarter.

A programme reports into the DSTWG catalogue by linking its indicators to catalogue
indicators (``dstwg-iraq:SO3.1.1``).  For one calendar quarter, :func:`check_quarter`
says what the working group would reject (a value for another period, a unit that is
not the catalogue's, a breakdown the guidance requires and the value lacks);
:func:`~resultsframework.quarter_table` lays the values out, a partner's own or, through
:func:`quarter_roll_up`, summed across partners.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import cast

import attrs

from ..core.diagnostics import Diagnostic, diagnostic
from ..core.errors import Path
from ..core.framework import Element, Framework
from ..core.model import Achieved, Indicator, Programme, Value
from ..core.periods import Period, PeriodError
from .progress import aggregate
from .rollup import RollUp, roll_up

__all__ = ["CATALOGUE", "QuarterValue", "check_quarter", "quarter", "quarter_roll_up", "quarter_values"]

CATALOGUE = "dstwg-iraq"
_QUARTER_ID = re.compile(r"^\d{4}Q[1-4]$")


def quarter(text: str | Period) -> Period:
    """
    A calendar quarter as the guidelines define them (Q1 1 January – 31 March ...).

    Raises:
        PeriodError: if *text* is not one calendar quarter (``2025Q2``, ``Q2 2025``).
    """
    period = text if isinstance(text, Period) else Period.parse(text)
    if not _QUARTER_ID.match(period.id):
        raise PeriodError(f"expected a calendar quarter such as '2025Q2', found {period}")
    return period


@attrs.frozen
class QuarterValue:
    """One programme indicator's value for one catalogue indicator in one quarter."""

    programme: Programme
    indicator: Indicator
    path: Path
    element: Element | None
    """The catalogue indicator it reports against (``None`` if the code is not in the catalogue)."""
    code: str
    records: tuple[Achieved, ...]
    """The achieved values whose period is the quarter."""
    value: Value | None


def quarter_values(
    programmes: Programme | Iterable[Programme],
    period: str | Period,
    *,
    framework: str | Framework = CATALOGUE,
) -> list[QuarterValue]:
    """Every indicator linked to the catalogue, with its value for the quarter."""
    from ..io import frameworks  # noqa: PLC0415

    q = quarter(period)
    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    portfolio = (programmes,) if isinstance(programmes, Programme) else tuple(programmes)
    found = []
    for programme in portfolio:
        for node in programme.walk("indicator"):
            indicator, path = cast(Indicator, node.item), node.path
            for link in indicator.links:
                if link.framework != fw.id:
                    continue
                records = tuple(r for r in indicator.achieved if r.period == q)
                value, _ok, _notes = aggregate(indicator, records)
                found.append(
                    QuarterValue(programme, indicator, path, fw.get(link.code), link.code, records, value)
                )
    return found


def quarter_roll_up(
    programmes: Programme | Iterable[Programme],
    period: str | Period,
    *,
    framework: str | Framework = CATALOGUE,
) -> RollUp:
    """
    The partners' values for one quarter summed per catalogue indicator: the one computation of
    :func:`~resultsframework.roll_up`, with only the quarter's values counting.

    The roll-up shows the catalogue's lowest level (its indicators, ``SOn.m.k``), in catalogue
    order.  Each programme is taken as of the quarter's end, so a value for the quarter counts
    even where the partner has not yet added the quarter to its ``reporting_periods``.
    """
    from ..io import frameworks  # noqa: PLC0415

    q = quarter(period)
    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    return roll_up(programmes, fw, level=fw.levels[-1], period=q, as_of=q.end)


def _unit(text: str | None) -> str:
    return re.sub(r"^#\s*of\s+", "", (text or "").strip().casefold())


def check_quarter(
    programme: Programme, period: str | Period, *, framework: str | Framework = CATALOGUE
) -> list[Diagnostic]:
    """
    What the working group would reject in *programme*'s report for one quarter.

    The diagnostics' codes are the ``dstwg-*`` ones of :data:`~resultsframework.RULES`.

    .. versionadded:: 0.1.0
    """
    return list(_check_quarter(programme, quarter(period), framework))


def _check_quarter(programme: Programme, q: Period, framework: str | Framework) -> Iterator[Diagnostic]:
    values = quarter_values(programme, q, framework=framework)
    if not values:
        yield diagnostic("dstwg-no-indicator", (), "no indicator links to the DSTWG catalogue")
    for item in values:
        path, element, indicator = item.path, item.element, item.indicator
        if element is None:
            yield diagnostic(
                "dstwg-unknown-code", (*path, "links"), f"the catalogue has no code {item.code!r}"
            )
            continue
        if element.level != "indicator":
            level = element.level.replace("_", " ")
            message = f"{item.code} is a {level}; link to a catalogue indicator (SOn.m.k)"
            yield diagnostic("dstwg-not-an-indicator", (*path, "links"), message)
            continue
        if element.unit and _unit(indicator.unit) != _unit(element.unit):
            units = f"{element.unit!r}, this indicator's {indicator.unit!r}"
            yield diagnostic(
                "dstwg-unit", (*path, "unit"), f"the catalogue's unit for {item.code} is {units}"
            )
        for index, record in enumerate(indicator.achieved):
            if record.period != q and record.period.overlaps(q):
                yield diagnostic(
                    "dstwg-period",
                    (*path, "achieved", index, "period"),
                    f"the value is for {record.period}; the DSTWG reports by calendar quarter "
                    f"({q.id}: {q.start} to {q.end})",
                )
        if item.value is None:
            yield diagnostic("dstwg-no-value", (*path, "achieved"), f"no value for {q.id}")
            continue
        present = {d for r in item.records for b in r.breakdowns for d in b.dimensions}
        missing = [d for d in element.disaggregation if d not in present]
        if missing:
            index = indicator.achieved.index(item.records[-1])
            yield diagnostic(
                "dstwg-disaggregation-missing",
                (*path, "achieved", index, "breakdowns"),
                f"the guidance for {item.code} requires a breakdown by {', '.join(missing)}",
            )
