"""
The Durable Solutions quarter table: a partner's values keyed by catalogue code, one column per
disaggregation cell, ready for the working group's data collection tool.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..assessment.dstwg import CATALOGUE, QuarterValue, quarter, quarter_values
from ..core.framework import Framework
from ..core.model import Programme
from ..core.periods import Period
from ..tables.table import Column, Part, Table, TableCell, TableRow
from ..text.l10n import N_, Localizer
from ..text.values import plain

__all__ = ["quarter_table"]


def quarter_table(
    programmes: Programme | Iterable[Programme],
    period: str | Period,
    *,
    framework: str | Framework = CATALOGUE,
    locale: str | Localizer = "en",
) -> Table:
    """
    The quarter's values as a flat table keyed by catalogue code: one row per indicator,
    one column per disaggregation cell (``sex: female``).

    .. versionadded:: 0.1.0
    """
    from ..io import frameworks  # noqa: PLC0415

    loc = Localizer.of(locale)
    _ = loc.gettext
    q = quarter(period)
    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    items = [
        i
        for i in quarter_values(programmes, q, framework=fw)
        if i.element is not None and i.value is not None
    ]
    cells_by_item = [_cells(item) for item in items]
    dimensions = list(dict.fromkeys(key for cells in cells_by_item for key in cells))
    fixed = [
        ("partner", _(N_("Partner")), 2),
        ("quarter", _(N_("Quarter")), 1),
        ("code", _(N_("Catalogue code")), 1),
        ("objective", _(N_("Strategic objective")), 2),
        ("sub_criterion", _(N_("Sub-criterion")), 2),
        ("indicator", _(N_("Catalogue indicator")), 4),
        ("unit", _(N_("Unit of measurement")), 2),
        ("value", _(N_("Value")), 1),
        ("programme", _(N_("Programme")), 3),
        ("programme_indicator", _(N_("Programme indicator")), 1),
    ]
    columns = [Column(key, label, width) for key, label, width in fixed]
    columns += [Column(f"cell:{key}", key, 1) for key in dimensions]
    rows = []
    for item, cells in zip(items, cells_by_item, strict=True):
        element = item.element
        assert element is not None
        chain = fw.ancestors(element.code)
        objective = next((e for e in chain if e.level == "strategic_objective"), None)
        sub = next((e for e in chain if e.level == "sub_criterion"), None)
        texts = {
            "partner": _partner(item),
            "quarter": q.id,
            "code": element.code,
            "objective": objective.code if objective else "",
            "sub_criterion": sub.title_in(loc.language) if sub else "",
            "indicator": element.title_in(loc.language),
            "unit": element.unit or "",
            "value": plain(item.value),
            "programme": item.programme.title,
            "programme_indicator": item.indicator.code,
        }
        row = [TableCell((Part(key, label, texts[key]),)) for key, label, _w in fixed]
        row += [TableCell((Part(f"cell:{key}", key, cells.get(key, "")),)) for key in dimensions]
        rows.append(TableRow("indicator", tuple(row), element.code))
    title = f"{fw.title}: {q.id}"
    notes = (f"{_(N_('Source'))}: {fw.source}",) if fw.source else ()
    return Table(title, tuple(columns), tuple(rows), notes, loc.tag, loc.rtl)


def _partner(item: QuarterValue) -> str:
    reporters = sorted({r.reported_by for r in item.records if r.reported_by})
    if reporters:
        return ", ".join(reporters)
    lead = [o.id for o in item.programme.organisations if o.role.value == "lead"]
    return ", ".join(lead)


def _cells(item: QuarterValue) -> dict[str, str]:
    """Disaggregation cells as 'dimension: category' (or 'sex: female, age: 18-24') → value."""
    cells: dict[str, str] = {}
    for record in item.records:
        for breakdown in record.breakdowns:
            for cell in breakdown.cells:
                key = ", ".join(f"{dim}: {cat}" for dim, cat in cell.categories)
                cells[key] = plain(cell.value)
    return cells
