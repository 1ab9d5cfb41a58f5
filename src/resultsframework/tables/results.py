"""
The results table by framework element: each element, the figures of the indicators counting
under it (programme, figure, unit, breakdown in words, narrative, source), then its totals.

Built from a :class:`~resultsframework.RollUp`, so every figure is the roll-up's, in every
format and language.
"""

from __future__ import annotations

from decimal import Decimal

from ..assessment.rollup import ContributingIndicator, RollUp, Total
from ..core.model import Measure, Ratio, Status, Value
from ..tables.alignment import code_heading, level_name
from ..tables.table import Column, Part, Table, TableCell, TableRow
from ..text.l10n import N_, Localizer
from .words import Words, in_two_units

__all__ = ["results_table"]


def results_table(rollup: RollUp, *, locale: str | Localizer = "en") -> Table:
    """
    The figures of a roll-up by framework element, with their totals.

    For each element shown (:attr:`RollUp.level`'s, else every element with contributions, top
    down): a row per contributing indicator, then a row per total (one per measure and unit).

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    columns = (
        Column("indicator", _(N_("Indicator")), 4),
        Column("programme", _(N_("Programme")), 3),
        Column("figure", _(N_("Figure")), 1.2),
        Column("unit", _(N_("Unit")), 1.3),
        Column("breakdown", _(N_("Breakdown")), 3),
        Column("narrative", _(N_("Narrative")), 4),
        Column("source", _(N_("Source")), 2),
    )
    words = _Words(loc, rollup.programmes)
    rows: list[TableRow] = []
    for code in rollup:
        totals = rollup[code]
        element = totals.element
        group: tuple[Part, ...] = (
            Part("element_code", code_heading(element, loc), element.code, flat_only=True),
            Part(
                "element",
                level_name(element),
                element.title_in(loc.language),
                prefix=loc.colon(loc.code(element.code)),
            ),
        )
        rows.append(TableRow("section", (TableCell(group),), element.code))
        if not totals.contributions:
            rows.append(_nothing_row(loc, group))
            continue
        rows.extend(words.contribution_row(c, group) for c in totals.contributions)
        rows.extend(words.total_row(t, group) for t in totals if len(t.contributions) > 1)
    unlinked = rollup.unlinked()
    if unlinked and rollup.level is None:
        label = _(N_("Not linked to this framework"))
        group = (Part("element", label, "", prefix=label),)
        rows.append(TableRow("section", (TableCell(group),)))
        rows.extend(words.contribution_row(c, group) for c in unlinked)
    notes = [
        _(N_("A total is the sum of the reported figures of one unit: where programmes reach the same "
             "people, it counts a person more than once. A unit with one indicator has no total row: "
             "its figure is the total.")),
        _(N_("An indicator without a link of its own counts where its output, outcome or programme links "
             "(an inherited link).")),
    ]  # fmt: skip
    if rollup.as_of is not None:
        notes.append(_(N_("Figures as of {date}.")).format(date=loc.date(rollup.as_of)))
    if rollup.framework.source:
        notes.append(f"{loc.colon(_(N_('Source')))} {rollup.framework.source}")
    title = f"{loc.colon(rollup.framework.title)} {_(N_('results by framework element'))}"
    return Table(title, columns, tuple(rows), tuple(notes), loc.tag, loc.rtl)


def _nothing_row(loc: Localizer, group: tuple[Part, ...]) -> TableRow:
    _ = loc.gettext
    text = _(N_("No indicator counts under this element."))
    cells = (TableCell((Part("indicator", _(N_("Indicator")), text),)), *(TableCell(()) for _i in range(6)))
    return TableRow("field", cells, None, group)


def _number(value: Value | None, measure: Measure | None = None) -> int | Decimal | None:
    """The number a figure shows, for Excel: a count or amount (not a ratio, a yes/no or a percent)."""
    if measure is Measure.YES_NO or isinstance(value, (bool, str, Ratio)) or value is None:
        return None
    return value


class _Words(Words):
    """The results table's rows, with figures and breakdowns in words."""

    def contribution_row(self, c: ContributingIndicator, group: tuple[Part, ...]) -> TableRow:
        _ = self.loc.gettext
        indicator = c.indicator
        link = _(N_("inherited link")) if c.inherited and c.codes else ""
        counts_under = ", ".join(c.codes)
        figure = self.figure(c.value, c.measure, indicator.currency)
        if c.value is None and any(r.status is Status.NOT_CONDUCTED for r in c.records):
            figure = self.loc.status(Status.NOT_CONDUCTED)  # not "not reported": it says why not
        number = _number(c.value, c.measure)
        if c.second is not None and c.second_unit:
            figure, number = in_two_units(self.loc, figure, c.second, c.second_unit), None
        cells = (
            TableCell((
                Part("row", _(N_("Row")), _(N_("contribution")), flat_only=True),
                Part("code", _(N_("Code")), indicator.code, flat_only=True),
                Part("indicator", _(N_("Indicator")), indicator.statement,
                     prefix=_(N_("{label} {code}:")).format(
                         label=_(N_("Indicator")), code=self.loc.code(indicator.code))),
            )),
            TableCell((
                Part("programme", _(N_("Programme")), c.programme.title),
                Part("link", _(N_("Counts under")),
                     f"{self.run(counts_under)} ({link})" if link else self.run(counts_under)),
            )),
            TableCell((Part("figure", _(N_("Figure")), figure, number=number),)),
            TableCell((Part("unit", _(N_("Unit")), indicator.unit or ""),)),
            TableCell((Part("breakdown", _(N_("Breakdown")), self.breakdown(c)),)),
            TableCell((Part("narrative", _(N_("Narrative")), c.narrative or ""),)),
            TableCell((Part("source", _(N_("Source")), c.source or ""),)),
        )  # fmt: skip
        return TableRow("indicator", cells, indicator.code, group)

    def total_row(self, t: Total, group: tuple[Part, ...]) -> TableRow:
        _ = self.loc.gettext
        programmes = len({id(c.programme) for c in t.contributions})
        if t.measure is Measure.YES_NO:
            figure = _(N_("{achieved} of {reported} achieved")).format(
                achieved=self.loc.number(t.value if isinstance(t.value, int) else 0),
                reported=self.loc.number(t.count),
            )
        else:
            figure = self.figure(t.value, t.measure, t.currency) if t.reported else _(N_("not reported"))
        number = _number(t.value, t.measure)
        if t.second is not None and t.second_unit:
            figure, number = in_two_units(self.loc, figure, t.second, t.second_unit), None
        counted = _(N_("Indicators: {indicators} (reported: {reported}); programmes: {programmes}")).format(
            indicators=self.loc.number(len(t.contributions)),
            programmes=self.loc.number(programmes),
            reported=self.loc.number(t.count),
        )
        label = _(N_("Total"))
        cells = (
            TableCell((
                Part("row", _(N_("Row")), _(N_("total")), flat_only=True),
                Part("indicator", _(N_("Indicator")), _(N_("sum of reported figures")),
                     prefix=self.loc.colon(label)),
            )),
            TableCell((Part("programme", _(N_("Programme")), counted),)),
            TableCell((Part("figure", _(N_("Figure")), figure, number=number),)),
            TableCell((Part("unit", _(N_("Unit")), t.unit or ""),)),
            TableCell((Part("breakdown", _(N_("Breakdown")), self.breakdown(t)),)),
            TableCell((Part("narrative", _(N_("Narrative")), "\n".join(_(n) for n in t.notes)),)),
            TableCell((Part("source", _(N_("Source")), ""),)),
        )  # fmt: skip
        return TableRow("total", cells, None, group)
