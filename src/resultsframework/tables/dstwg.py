"""
The Durable Solutions quarter table, ready for the working group's data collection tool: a
partner's values keyed by catalogue code, or, for the working group, the partners' values summed
per catalogue indicator; one column per disaggregation cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..assessment.dstwg import CATALOGUE, quarter, quarter_roll_up, quarter_values
from ..assessment.rollup import Total, unit_key
from ..core.framework import Element, Framework
from ..core.model import Achieved, Measure, Programme
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
    summed: bool = False,
) -> Table:
    """
    The quarter's values as a flat table keyed by catalogue code.

    By default, what a partner sends: one row per programme indicator linked to the catalogue,
    one column per disaggregation cell (``sex: female``; a cross-tabulated cell is
    ``sex: female, age: 18-24``).

    With ``summed=True``, what the working group compiles from its partners' reports: one row per
    catalogue indicator and unit, in catalogue order, the value the sum of the partners' values
    for the quarter, and one column per category (``sex: female``) the sum of the partners'
    values in it.  The sums are :func:`~resultsframework.roll_up`'s with ``period`` the quarter:
    a value in another unit than the catalogue's is summed apart, in a row of its own; a
    breakdown only some partners give covers only part of the value, as the row's notes say;
    an indicator without a link of its own counts where its output or outcome links.  Where
    partners reach the same people, a sum counts a person more than once.

    .. versionadded:: 0.1.0
    """
    from ..io import frameworks  # noqa: PLC0415

    loc = Localizer.of(locale)
    q = quarter(period)
    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    if summed:
        return _summed_table(programmes, q, fw, loc)
    _ = loc.gettext
    items = [
        i
        for i in quarter_values(programmes, q, framework=fw)
        if i.element is not None and i.value is not None
    ]
    cells_by_item = [_cells(item.records) for item in items]
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
    rows = []
    for item, cells in zip(items, cells_by_item, strict=True):
        element = item.element
        assert element is not None
        texts = {
            "partner": _partner(item.programme, item.records),
            "quarter": q.id,
            **_catalogue_texts(fw, element, loc),
            "unit": element.unit or "",
            "value": plain(item.value),
            "programme": item.programme.title,
            "programme_indicator": item.indicator.code,
        }
        rows.append(_row(fixed, texts, dimensions, cells, element.code))
    notes = (f"{loc.colon(_(N_('Source')))} {fw.source}",) if fw.source else ()
    return _table(f"{loc.colon(fw.title)} {q.id}", fixed, dimensions, rows, notes=notes, loc=loc)


def _summed_table(
    programmes: Programme | Iterable[Programme], q: Period, fw: Framework, loc: Localizer
) -> Table:
    """One row per catalogue indicator and unit: the partners' values summed by the roll-up."""
    _ = loc.gettext
    rollup = quarter_roll_up(programmes, q, framework=fw)
    found = [(rollup[code].element, t) for code in rollup for t in rollup[code] if t.reported]
    cells_by_total = [_total_cells(t) for _element, t in found]
    dimensions = list(dict.fromkeys(key for cells in cells_by_total for key in cells))
    fixed = [
        ("quarter", _(N_("Quarter")), 1),
        ("code", _(N_("Catalogue code")), 1),
        ("objective", _(N_("Strategic objective")), 2),
        ("sub_criterion", _(N_("Sub-criterion")), 2),
        ("indicator", _(N_("Catalogue indicator")), 4),
        ("unit", _(N_("Unit of measurement")), 2),
        ("value", _(N_("Value")), 1),
        ("partners", _(N_("Partners")), 2),
        ("contributions", _(N_("Values by partner")), 3),
        ("notes", _(N_("Notes")), 3),
    ]
    rows = []
    for (element, t), cells in zip(found, cells_by_total, strict=True):
        own_unit = not element.unit or unit_key(t.unit) == unit_key(element.unit)
        unit = (element.unit if own_unit else t.unit) or ""
        if t.currency:
            unit = f"{unit} ({t.currency})" if unit else t.currency
        partners = [_partner(c.programme, c.records) for c in t.reported]
        texts = {
            "quarter": q.id,
            **_catalogue_texts(fw, element, loc),
            "unit": unit,
            "value": plain(t.value),
            "partners": ", ".join(dict.fromkeys(p for p in partners if p)),
            "contributions": "; ".join(
                f"{p}: {plain(c.value)}" if p else plain(c.value)
                for p, c in zip(partners, t.reported, strict=True)
            ),
            "notes": "\n".join(_notes(t, element, own_unit, loc)),
        }
        rows.append(_row(fixed, texts, dimensions, cells, element.code))
    notes = [
        _(N_("A sum adds the partners' values for the quarter: where partners reach the same people, it "
             "counts a person more than once.")),
        _(N_("An indicator without a link of its own counts where its output, outcome or programme links.")),
    ]  # fmt: skip
    if fw.source:
        notes.append(f"{loc.colon(_(N_('Source')))} {fw.source}")
    title = f"{loc.colon(fw.title)} {q.id}, {_(N_('summed across partners'))}"
    return _table(title, fixed, dimensions, rows, notes=tuple(notes), loc=loc)


def _notes(t: Total, element: Element, own_unit: bool, loc: Localizer) -> list[str]:
    """Why a sum is not the whole story: another unit, partial breakdowns, values missing."""
    _ = loc.gettext
    notes = [_(note) for note in t.notes]
    if not own_unit:
        notes.append(
            _(N_("the unit is not the catalogue's ({unit}); its values are summed apart")).format(
                unit=element.unit
            )
        )
    if t.second is not None and t.second_unit:
        second = plain(t.second)
        notes.append(_(N_("the same figure in {unit}: {value}")).format(unit=t.second_unit, value=second))
    if t.measure is Measure.YES_NO:
        achieved = plain(t.value)
        notes.append(_(N_("{achieved} of {reported} achieved")).format(achieved=achieved, reported=t.count))
    for dimension in t.dimensions:
        if t.partial(dimension):
            notes.append(
                _(N_("the breakdown by {dimension} covers {covered} of {value}")).format(
                    dimension=dimension, covered=plain(t.broken_down(dimension)), value=plain(t.value)
                )
            )
    missing = [c for c in t.contributions if c.value is None]
    if missing:
        named = ", ".join(
            " ".join(filter(None, (_partner(c.programme, c.records), c.indicator.code))) for c in missing
        )
        notes.append(_(N_("no value for the quarter: {indicators}")).format(indicators=named))
    return notes


def _catalogue_texts(fw: Framework, element: Element, loc: Localizer) -> dict[str, str]:
    chain = fw.ancestors(element.code)
    objective = next((e for e in chain if e.level == "strategic_objective"), None)
    sub = next((e for e in chain if e.level == "sub_criterion"), None)
    return {
        "code": element.code,
        "objective": objective.code if objective else "",
        "sub_criterion": sub.title_in(loc.language) if sub else "",
        "indicator": element.title_in(loc.language),
    }


def _row(
    fixed: Sequence[tuple[str, str, float]],
    texts: dict[str, str],
    dimensions: Sequence[str],
    cells: dict[str, str],
    code: str,
) -> TableRow:
    row = [TableCell((Part(key, label, texts[key]),)) for key, label, _w in fixed]
    row += [TableCell((Part(f"cell:{key}", key, cells.get(key, "")),)) for key in dimensions]
    return TableRow("indicator", tuple(row), code)


def _table(
    title: str,
    fixed: Sequence[tuple[str, str, float]],
    dimensions: Sequence[str],
    rows: Sequence[TableRow],
    *,
    notes: tuple[str, ...],
    loc: Localizer,
) -> Table:
    columns = [Column(key, label, width) for key, label, width in fixed]
    columns += [Column(f"cell:{key}", key, 1) for key in dimensions]
    return Table(title, tuple(columns), tuple(rows), notes, loc.tag, loc.rtl)


def _partner(programme: Programme, records: Sequence[Achieved]) -> str:
    reporters = sorted({r.reported_by for r in records if r.reported_by})
    if reporters:
        return ", ".join(reporters)
    lead = [o.id for o in programme.organisations if o.role.value == "lead"]
    return ", ".join(lead)


def _cells(records: Sequence[Achieved]) -> dict[str, str]:
    """Disaggregation cells as 'dimension: category' (or 'sex: female, age: 18-24') → value."""
    cells: dict[str, str] = {}
    for record in records:
        for breakdown in record.breakdowns:
            for cell in breakdown.cells:
                key = ", ".join(f"{dim}: {cat}" for dim, cat in cell.categories)
                cells[key] = plain(cell.value)
    return cells


def _total_cells(t: Total) -> dict[str, str]:
    """The sum per category, 'dimension: category' → value, as the roll-up merges breakdowns."""
    return {f"{d}: {c}": plain(v) for d in t.dimensions for c, v in t.breakdown(d).items()}
