"""
The MPTF "Indicator Based Performance Assessment" table, built from a programme.

The layout follows section II.ii of the MPTF Office Generic Final Programme
Narrative Report: a row per outcome and per output (its statement), then per
indicator the indicator with its baseline and planned target, the achieved
indicator targets, the reasons for variance with the planned target, and the
source of verification.
"""

from __future__ import annotations

from datetime import date

from ..assessment.progress import Assessment, IndicatorAssessment, assess
from ..core.model import (
    Achieved,
    Activity,
    ActivityStatus,
    Indicator,
    Measure,
    Outcome,
    Output,
    Programme,
    Value,
)
from ..core.periods import Period
from ..text.l10n import N_, Localizer
from ..text.values import plain
from .table import Column, Part, Table, TableCell, TableRow

__all__ = ["indicator_table"]

_CODE_HEADINGS = {"impact": N_("Impact code"), "outcome": N_("Outcome code"), "output": N_("Output code")}

ACTIVITY_STATUS_LABELS = {
    ActivityStatus.PLANNED: N_("Planned"),
    ActivityStatus.ONGOING: N_("Ongoing"),
    ActivityStatus.COMPLETED: N_("Completed"),
    ActivityStatus.NOT_CONDUCTED: N_("Not conducted"),
}


def indicator_table(
    programme: Programme,
    *,
    locale: str | Localizer = "en",
    assessment: Assessment | None = None,
    as_of: date | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    organisation: str | None = None,
) -> Table:
    """
    Build the MPTF indicator table of *programme*.

    Args:
        locale: A locale identifier or a :class:`Localizer`.
        assessment: The assessment to show; computed with *as_of* if not given.
        include_activities: Add a row per activity under its output, with its status.
        per_period: Add a column per reporting period with the value achieved in it
            (for annual progress reports).
        show_status: Add the computed status and achievement rate.
        organisation: Keep only what this organisation is responsible for
            (``"IOM"``); an indicator without its own responsible organisations
            belongs to those of its output or outcome.

    .. versionadded:: 0.1.0
    """
    loc = locale if isinstance(locale, Localizer) else Localizer(locale)
    return _Builder(
        programme,
        loc,
        assessment or assess(programme, as_of),
        include_activities=include_activities,
        per_period=per_period,
        show_status=show_status,
        organisation=organisation,
    ).table()


class _Builder:
    def __init__(
        self,
        programme: Programme,
        loc: Localizer,
        assessment: Assessment,
        *,
        include_activities: bool,
        per_period: bool,
        show_status: bool,
        organisation: str | None,
    ) -> None:
        self.programme = programme
        self.loc = loc
        self._ = loc.gettext
        self.assessment = assessment
        self.include_activities = include_activities
        self.show_status = show_status
        self.organisation = organisation
        self.periods: list[Period] = (
            sorted({r.period for i in programme.indicators() for r in i.achieved}) if per_period else []
        )

    # -- the table -------------------------------------------------------------------

    def table(self) -> Table:
        _ = self._
        columns = [
            Column("result", "", 3),
            Column("achieved", _(N_("Achieved Indicator Targets")), 3),
            Column("variance", _(N_("Reasons for Variance with Planned Target (if any)")), 2.5),
            Column("source", _(N_("Source of Verification")), 2),
        ]
        if self.show_status:
            columns += [
                Column("status", _(N_("Status")), 1.5),
                Column("rate", _(N_("Achievement rate")), 1.5),
            ]
        columns += [Column(f"period:{p.id}", self.period_label(p), 1) for p in self.periods]
        rows: list[TableRow] = []
        programme = self.programme
        if programme.impact is not None:
            impact = programme.impact
            group = self.group("impact", N_("Impact"), impact.code, impact.statement)
            indicator_rows = [self.indicator_row(i, group) for i in impact.indicators if self.keeps(i, ())]
            if indicator_rows or self.organisation is None:
                rows += [TableRow("impact", (TableCell(group),), impact.code), *indicator_rows]
        for outcome in programme.outcomes:
            rows += self.outcome_rows(outcome)
        footnotes = []
        if self.show_status:
            when = self.assessment.as_of
            footnotes.append(
                _(N_("Status and achievement rate are computed from the reported values"))
                + (f" ({_(N_('as of'))} {self.loc.date(when)})." if when else ".")
            )
        for item in self.assessment.indicators:
            for note in item.overall.notes:
                footnotes.append(f"{_(N_('Indicator'))} {item.code}: {_(note)}")
        return Table(
            _(N_("Indicator Based Performance Assessment")),
            tuple(columns),
            tuple(rows),
            tuple(footnotes),
            self.loc.tag,
            self.loc.rtl,
        )

    def outcome_rows(self, outcome: Outcome) -> list[TableRow]:
        group = self.group("outcome", N_("Outcome"), outcome.code, outcome.statement)
        owners = (outcome.responsible,)
        body = [self.indicator_row(i, group) for i in outcome.indicators if self.keeps(i, owners)]
        for output in outcome.outputs:
            body += self.output_rows(output, group, (*owners, output.responsible))
        if not body and self.organisation is not None:
            return []
        return [TableRow("outcome", (TableCell(group),), outcome.code), *body]

    def output_rows(
        self, output: Output, outcome_group: tuple[Part, ...], owners: tuple[tuple[str, ...], ...]
    ) -> list[TableRow]:
        group = self.group("output", N_("Output"), output.code, output.statement)
        groups = (*outcome_group, *group)
        body = [self.indicator_row(i, groups) for i in output.indicators if self.keeps(i, owners)]
        if self.include_activities:
            body += [
                self.activity_row(a, groups) for a in output.activities if self.keeps_activity(a, owners)
            ]
        if not body and self.organisation is not None:
            return []
        return [TableRow("output", (TableCell(group),), output.code), *body]

    # -- filtering -------------------------------------------------------------------

    def keeps(self, indicator: Indicator, owners: tuple[tuple[str, ...], ...]) -> bool:
        if self.organisation is None:
            return True
        return self.organisation in _responsible(indicator.responsible, owners)

    def keeps_activity(self, activity: Activity, owners: tuple[tuple[str, ...], ...]) -> bool:
        if self.organisation is None:
            return True
        return self.organisation in _responsible(activity.responsible, owners)

    # -- rows ------------------------------------------------------------------------

    def group(self, key: str, word: str, code: str | None, statement: str) -> tuple[Part, ...]:
        """The parts of a group row: its code (flat layouts only) and its statement."""
        label = self._(word)
        return (
            Part(f"{key}_code", self._(_CODE_HEADINGS[key]), code or "", flat_only=True),
            Part(key, label, statement, prefix=self.numbered(label, code)),
        )

    def indicator_row(self, indicator: Indicator, groups: tuple[Part, ...]) -> TableRow:
        _ = self._
        item = self.assessment.of(indicator)
        percentage = indicator.measure is Measure.PERCENTAGE
        latest = _latest(item.records)
        baseline = indicator.baseline
        target = indicator.target
        word = _(N_("Indicator"))
        result = TableCell(
            (
                Part("code", _(N_("Code")), indicator.code, flat_only=True),
                Part("indicator", word, indicator.statement, prefix=self.numbered(word, indicator.code)),
                Part(
                    "baseline",
                    _(N_("Baseline")),
                    self.stated(
                        baseline.text if baseline else None, baseline.value if baseline else None, percentage
                    ),
                    prefix=_(N_("Baseline:")),
                ),
                Part(
                    "target",
                    _(N_("Planned Target")),
                    self.stated(
                        target.text if target else None, target.value if target else None, percentage
                    ),
                    prefix=_(N_("Planned Target:")),
                ),
                Part(
                    "baseline_value",
                    _(N_("Baseline value")),
                    plain(baseline.value if baseline else None),
                    flat_only=True,
                ),
                Part("target_value", _(N_("Target value")), plain(item.overall.target), flat_only=True),
            )
        )
        achieved_text = self.achieved_text(item, percentage)
        cells = [
            result,
            TableCell(
                (
                    Part("achieved", _(N_("Achieved Indicator Targets")), achieved_text),
                    Part(
                        "achieved_value",
                        _(N_("Achieved value")),
                        plain(item.overall.achieved),
                        flat_only=True,
                    ),
                )
            ),
            TableCell(
                (
                    Part(
                        "variance",
                        _(N_("Reasons for Variance with Planned Target (if any)")),
                        latest.variance.reason if latest and latest.variance else "",
                    ),
                )
            ),
            TableCell((Part("source", _(N_("Source of Verification")), self.source(item)),)),
        ]
        if self.show_status:
            cells += self.status_cells(item)
        cells += [self.period_cell(item, period, percentage) for period in self.periods]
        return TableRow("indicator", tuple(cells), indicator.code, groups)

    def status_cells(self, item: IndicatorAssessment) -> list[TableCell]:
        _ = self._
        rate = item.overall.achievement_rate
        return [
            TableCell((Part("status", _(N_("Status")), self.loc.status(item.status)),)),
            TableCell(
                (Part("rate", _(N_("Achievement rate")), self.loc.percent(rate) if rate is not None else ""),)
            ),
        ]

    def period_cell(self, item: IndicatorAssessment, period: Period, percentage: bool) -> TableCell:
        progress = next((p for p in item.periods if p.period == period), None)
        text = (
            "" if progress is None or progress.achieved is None else self.value(progress.achieved, percentage)
        )
        return TableCell((Part(f"period:{period.id}", self.period_label(period), text),))

    def activity_row(self, activity: Activity, groups: tuple[Part, ...]) -> TableRow:
        _ = self._
        word = _(N_("Activity"))
        who = f" ({', '.join(activity.responsible)})" if activity.responsible else ""
        status = _(ACTIVITY_STATUS_LABELS[activity.status]) if activity.status else ""
        cells = [
            TableCell(
                (Part("activity", word, activity.statement + who, prefix=self.numbered(word, activity.code)),)
            ),
            TableCell((Part("activity_status", _(N_("Status")), status),)),
            TableCell((Part("activity_reason", _(N_("Reason")), activity.status_reason or ""),)),
            TableCell(),
        ]
        cells += [TableCell() for _column in range(2 if self.show_status else 0)]
        cells += [TableCell() for _period in self.periods]
        return TableRow("activity", tuple(cells), activity.code, groups)

    # -- texts -----------------------------------------------------------------------

    def numbered(self, word: str, code: str | None) -> str:
        """A numbered label: 'Indicator 1.1.1:', 'Indicateur 1.1.1 :'."""
        if not code:
            return self._(N_("{label}:")).format(label=word)
        return self._(N_("{label} {code}:")).format(label=word, code=code)

    def stated(self, text: str | None, value: Value | None, percentage: bool) -> str:
        """The text as the document writes it, else the value formatted; nothing if neither."""
        if text:
            return text
        return "" if value is None else self.value(value, percentage)

    def value(self, value: Value | None, percentage: bool) -> str:
        if value is None:
            return ""
        return self.loc.value(value, percentage=percentage)

    def achieved_text(self, item: IndicatorAssessment, percentage: bool) -> str:
        """
        What was achieved, as the report writes it.

        One value: its narrative, else the value. Several periods: the value they make
        together, then each period's narrative on a line of its own, so that none is lost and
        the latest quarter's words are not read as the whole.
        """
        records = sorted(item.records, key=_period_key)
        told = [r for r in records if r.narrative]
        if len(records) <= 1 or (len({r.period for r in records}) == 1 and len(told) <= 1):
            latest = records[-1] if records else None
            if latest is None or (latest.value is None and not latest.narrative):
                return ""
            return latest.narrative or self.value(item.overall.achieved, percentage)
        lines = [self.value(item.overall.achieved, percentage)] if item.overall.achieved is not None else []
        for record in told:
            who = f" ({record.reported_by})" if record.reported_by else ""
            lines.append(f"{self.period_label(record.period)}{who}: {record.narrative}")
        return "\n".join(lines)

    def source(self, item: IndicatorAssessment) -> str:
        sources = list(dict.fromkeys(r.source for r in sorted(item.records, key=_period_key) if r.source))
        if sources:
            return "\n".join(sources)
        return item.indicator.means_of_verification or ""

    def period_label(self, period: Period) -> str:
        if "/" not in period.id:
            return period.id
        return f"{self.loc.date(period.start)} – {self.loc.date(period.end)}"


def _responsible(own: tuple[str, ...], owners: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """An item's responsible organisations: its own, else those of the nearest parent that names some."""
    if own:
        return own
    for names in reversed(owners):
        if names:
            return names
    return ()


def _period_key(record: Achieved) -> tuple[date, date]:
    return record.period.end, record.period.start


def _latest(records: tuple[Achieved, ...]) -> Achieved | None:
    return max(records, key=_period_key, default=None)
