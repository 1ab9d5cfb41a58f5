"""
The MPTF "Indicator Based Performance Assessment" table, built from a programme.

The layout follows section II.ii of the MPTF Office Generic Final Programme
Narrative Report: a row per outcome and per output (its statement), then per
indicator the indicator with its baseline and planned target, the achieved
indicator targets, the reasons for variance with the planned target, and the
source of verification.

Each column is declared once, in :meth:`_Builder.columns`, with the functions that fill its
cells in an indicator row and in an activity row; rows are built by walking the programme
(:meth:`~resultsframework.Programme.walk`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import attrs

from ..assessment.progress import Assessment, IndicatorAssessment, Progress, assess
from ..assessment.rollup import ContributingIndicator
from ..core.errors import ResultsFrameworkError, did_you_mean, shorten
from ..core.memory import collector_paused
from ..core.model import (
    Achieved,
    Activity,
    Baseline,
    Indicator,
    Measure,
    Node,
    OrganisationRole,
    Programme,
    Target,
)
from ..core.periods import Period
from ..text.l10n import N_, Localizer
from ..text.values import plain
from .table import About, Column, Part, Table, TableCell, TableRow, new_cell, new_part, new_row
from .words import RESULT_WORDS, Words, activity_words, progress_words, stated_value

__all__ = ["indicator_table"]

_CODE_HEADINGS = {"impact": N_("Impact code"), "outcome": N_("Outcome code"), "output": N_("Output code")}

_HEADINGS = {
    "code": N_("Code"),
    "indicator": N_("Indicator"),
    "baseline": N_("Baseline"),
    "baseline:": N_("Baseline:"),
    "target": N_("Planned Target"),
    "target:": N_("Planned Target:"),
    "baseline_value": N_("Baseline value"),
    "target_value": N_("Target value"),
    "achieved": N_("Achieved Indicator Targets"),
    "breakdown": N_("Breakdown"),
    "achieved_value": N_("Achieved value"),
    "variance": N_("Reasons for Variance with Planned Target (if any)"),
    "source": N_("Source of Verification"),
    "status": N_("Status"),
    "rate": N_("Achievement rate"),
    "from_baseline": N_("Progress from baseline"),
}
"""The heading of each part of an indicator row (and, with a colon, its label in grouped layouts)."""

_BLANKS = ("achieved", "breakdown", "variance", "source")
"""The parts an indicator row often leaves empty (see ``_Builder.text_part``)."""


def indicator_table(
    programme: Programme,
    *,
    locale: str | Localizer = "en",
    assessment: Assessment | None = None,
    as_of: date | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    from_baseline: bool = False,
    organisation: str | None = None,
    breakdowns: bool | None = None,
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
        from_baseline: Add the progress made from the baseline towards the target,
            (achieved − baseline) / (target − baseline), beside the achievement rate.
        organisation: Keep only what this organisation is responsible for
            (``"IOM"``); an indicator without its own responsible organisations
            belongs to those of its output or outcome.
        breakdowns: Write each achieved figure's breakdown in words below it ("Sex: 13,271
            female and 12,250 male"): ``True`` for every indicator, ``False`` for none; by
            default for the indicators that require a disaggregation.

    Raises:
        ResultsFrameworkError: *organisation* is neither one of the programme's organisations
            nor responsible for anything in it (the message names those that are).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *from_baseline*.
    """
    if organisation is not None:
        _check_organisation(programme, organisation)
    with collector_paused():  # tens of thousands of parts and texts, all kept: see collector_paused
        return _Builder(
            programme,
            Localizer.of(locale),
            assessment or assess(programme, as_of),
            include_activities=include_activities,
            per_period=per_period,
            show_status=show_status,
            from_baseline=from_baseline,
            organisation=organisation,
            breakdowns=breakdowns,
        ).table()


def about(programme: Programme) -> About:
    """
    What a document of *programme* says about itself: its title, its author (the lead
    organisation, else the one that submits the report) and the running header of its pages
    (the title and the MPTF Office project reference).
    """
    lead = next((o for o in programme.organisations if o.role is OrganisationRole.LEAD), None)
    submitted = programme.submitted_by.organisation if programme.submitted_by else None
    author = (lead.name or lead.id) if lead is not None else submitted
    reference = programme.identifier("mptf_project")
    header = f"{programme.title} \u2014 MPTF {reference}" if reference else programme.title
    return About(programme.title, author, header)


def _check_organisation(programme: Programme, organisation: str) -> None:
    """An organisation the programme does not know is an error, not an empty table."""
    known = [org.id for org in programme.organisations]
    for node in programme.walk("outcome", "output", "activity", "indicator"):
        known += [name for name in getattr(node.item, "responsible", ()) if name not in known]
    if organisation in known:
        return
    same = [name for name in known if name.casefold() == organisation.casefold()]
    hint = f"; did you mean {same[0]!r}?" if same else did_you_mean(organisation, known)
    listed = f"its organisations: {', '.join(known)}" if known else "it names no organisations"
    raise ResultsFrameworkError(
        f"the programme has no organisation {shorten(organisation)!r} ({listed}){hint}"
    )


IndicatorCell = Callable[[IndicatorAssessment], TableCell]
ActivityCell = Callable[[Activity], TableCell]


def _empty(_item: object) -> TableCell:
    return TableCell()


@attrs.frozen
class _Column:
    """A column of the table, and how its cells are filled in each kind of row."""

    column: Column
    indicator: IndicatorCell
    activity: ActivityCell = _empty


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
        from_baseline: bool = False,
        breakdowns: bool | None = None,
    ) -> None:
        self.programme = programme
        self.loc = loc
        self.breakdowns = breakdowns
        self.words = Words(loc, (programme,))
        self._ = loc.gettext
        self.heading = {key: self._(message) for key, message in _HEADINGS.items()}  # once a table
        # Parts and cells that say nothing, one of each shared by every row (they are immutable).
        self.blank = {key: new_part(key, self.heading[key], "") for key in _BLANKS}
        self.blank_cell = {key: new_cell((part,)) for key, part in self.blank.items()}
        self.assessment = assessment
        self.include_activities = include_activities
        self.show_status = show_status
        self.from_baseline = from_baseline
        self.organisation = organisation
        self.periods: list[Period] = (
            sorted({r.period for i in programme.indicators() for r in i.achieved}) if per_period else []
        )
        self._in_order: tuple[IndicatorAssessment | None, list[Achieved]] = (None, [])

    def in_order(self, item: IndicatorAssessment) -> list[Achieved]:
        """The indicator's values in order of their periods (sorted once for the row's cells)."""
        last, records = self._in_order
        if last is not item:
            records = sorted(item.records, key=_period_key)
            self._in_order = (item, records)
        return records

    # -- the columns -----------------------------------------------------------------

    def columns(self) -> list[_Column]:
        """Every column, in order, each with what fills it."""
        _ = self._
        columns = [
            _Column(Column("result", "", 3), self.result_cell, self.activity_cell),
            _Column(
                Column("achieved", _(N_("Achieved Indicator Targets")), 3),
                self.achieved_cell,
                self.activity_status_cell,
            ),
            _Column(
                Column("variance", _(N_("Reasons for Variance with Planned Target (if any)")), 2.5),
                self.variance_cell,
                self.activity_reason_cell,
            ),
            _Column(Column("source", _(N_("Source of Verification")), 2), self.source_cell),
        ]
        if self.show_status:
            columns += [
                _Column(Column("status", _(N_("Status")), 1.5), self.status_cell),
                _Column(Column("rate", _(N_("Achievement rate")), 1.5), self.rate_cell),
            ]
        if self.from_baseline:
            columns.append(
                _Column(Column("from_baseline", _(N_("Progress from baseline")), 1.5), self.baseline_cell)
            )
        for period in self.periods:
            label = self.period_label(period)
            columns.append(_Column(Column(f"period:{period.id}", label, 1), self.period_cell(period, label)))
        return columns

    # -- the table -------------------------------------------------------------------

    def table(self) -> Table:
        _ = self._
        columns = self.columns()
        rows = self.rows(columns)
        footnotes = []
        when = self.assessment.as_of
        if self.show_status:
            footnotes.append(
                _(N_("Status and achievement rate are computed from the reported values"))
                + (f" ({_(N_('as of'))} {self.loc.date(when)})." if when else ".")
            )
        elif when is not None:  # what the figures are as of, always said
            footnotes.append(_(N_("Values reported as of {date}.")).format(date=self.loc.date(when)))
        if self.from_baseline:
            footnotes.append(_(N_("Progress from baseline: (achieved − baseline) / (target − baseline).")))
        for item in self.assessment.indicators:
            for note in item.overall.notes:
                label = f"{_(N_('Indicator'))} {self.loc.code(item.code)}"
                footnotes.append(f"{self.loc.colon(label)} {_(note)}.")  # a note is a phrase: a sentence here
        return Table(
            _(N_("Indicator Based Performance Assessment")),
            tuple(c.column for c in columns),
            tuple(rows),
            tuple(footnotes),
            self.loc.tag,
            self.loc.rtl,
            about=about(self.programme),
        )

    def rows(self, columns: list[_Column]) -> list[TableRow]:
        """
        The rows, walking the programme: a group row per impact, outcome and output, then its rows.

        When the table keeps one organisation's part, a group row is shown only above a row
        that is kept (the impact's only then too); otherwise every group row is shown.
        """
        rows: list[TableRow] = []
        pending: list[TableRow] = []  # group rows waiting for a row under them
        groups: dict[str, tuple[Part, ...]] = {}
        above: tuple[Part, ...] | None = ()  # the parts of the group rows above: None when they change
        filtered = self.organisation is not None
        for node in self.programme.walk():
            kind = node.kind
            if kind in RESULT_WORDS:
                result = node.item
                group = self.group(kind, result.code, result.statement)
                groups = {k: v for k, v in groups.items() if kind == "output" and k == "outcome"}
                groups[kind] = group
                above = None
                row = new_row(kind, (new_cell(group),), result.code)
                if not filtered:
                    rows.append(row)
                elif kind == "output":
                    pending = [r for r in pending if r.kind != "output"] + [row]
                else:
                    pending = [row]
                continue
            if kind == "activity" and not self.include_activities:
                continue
            if filtered and self.organisation not in self.responsible(node):
                continue
            rows += pending
            pending = []
            if above is None:  # the group rows above changed
                above = tuple(
                    [part for level in ("impact", "outcome", "output") for part in groups.get(level, ())]
                )
            if kind == "indicator":
                item = self.assessment.of(node.item)  # type: ignore[arg-type]
                cells = tuple([c.indicator(item) for c in columns])
                rows.append(new_row("indicator", cells, item.code, above))
            else:
                activity: Activity = node.item  # type: ignore[assignment]
                cells = tuple([c.activity(activity) for c in columns])
                rows.append(new_row("activity", cells, activity.code, above))
        return rows

    def responsible(self, node: Node) -> tuple[str, ...]:
        """
        Who is responsible for an indicator or activity: its own organisations, else those of the
        nearest result above it that names some.
        """
        item: Indicator | Activity = node.item  # type: ignore[assignment]
        own = item.responsible
        if own:
            return own
        for result in (node.output, node.outcome):
            if result is not None and result.responsible:
                return result.responsible
        return ()

    def group(self, kind: str, code: str | None, statement: str) -> tuple[Part, ...]:
        """The parts of a group row: its code (flat layouts only) and its statement."""
        label = self._(RESULT_WORDS[kind])
        return (
            new_part(f"{kind}_code", self._(_CODE_HEADINGS[kind]), code or "", flat_only=True),
            new_part(kind, label, statement, prefix=self.numbered(label, code)),
        )

    # -- the cells of an indicator row -------------------------------------------------

    def result_cell(self, item: IndicatorAssessment) -> TableCell:
        h = self.heading
        indicator = item.indicator
        baseline = indicator.baseline
        code, word = indicator.code, h["indicator"]
        baseline_value = plain(baseline.value if baseline else None)
        return new_cell(
            (
                new_part("code", h["code"], code, None, True),
                new_part("indicator", word, indicator.statement, self.numbered(word, code)),
                new_part("baseline", h["baseline"], self.baseline_text(indicator), h["baseline:"]),
                new_part("target", h["target"], self.stated(indicator.target, indicator), h["target:"]),
                new_part("baseline_value", h["baseline_value"], baseline_value, None, True),
                new_part("target_value", h["target_value"], plain(item.overall.target), None, True),
            )
        )

    def baseline_text(self, indicator: Indicator) -> str:
        """The baseline as stated, with its unit, and its year when known: ``35 households (2024)``."""
        baseline = indicator.baseline
        if baseline is None:
            return ""
        text = self.stated(baseline, indicator)
        year = baseline.year if baseline.year is not None else (baseline.date.year if baseline.date else None)
        if text and year is not None and str(year) not in text:
            text = f"{text} ({self.loc.year(year)})"
        return text

    def achieved_cell(self, item: IndicatorAssessment) -> TableCell:
        h = self.heading
        return new_cell(
            (
                self.text_part("achieved", self.achieved_text(item)),
                self.text_part("breakdown", self.breakdown_text(item)),
                new_part("achieved_value", h["achieved_value"], plain(item.overall.achieved), None, True),
            )
        )

    def breakdown_text(self, item: IndicatorAssessment) -> str:
        """The achieved figure's breakdown in words, where asked for (by default: where required)."""
        wanted = self.breakdowns if self.breakdowns is not None else bool(item.indicator.disaggregation)
        if not wanted or item.overall.achieved is None:
            return ""
        return self.words.breakdown(ContributingIndicator.of(self.programme, item))

    def variance_cell(self, item: IndicatorAssessment) -> TableCell:
        latest = _latest(self.in_order(item))
        reason = latest.variance.reason if latest and latest.variance else ""
        return self.text_cell("variance", reason)

    def source_cell(self, item: IndicatorAssessment) -> TableCell:
        return self.text_cell("source", self.source(item))

    def text_part(self, key: str, text: str) -> Part:
        """A part of *text* under its heading (the one blank part when there is none)."""
        return new_part(key, self.heading[key], text) if text else self.blank[key]

    def text_cell(self, key: str, text: str) -> TableCell:
        """A cell of one part of *text* under its heading (the one blank cell when there is none)."""
        return new_cell((new_part(key, self.heading[key], text),)) if text else self.blank_cell[key]

    def status_cell(self, item: IndicatorAssessment) -> TableCell:
        return new_cell((new_part("status", self.heading["status"], self.loc.status(item.status)),))

    def rate_cell(self, item: IndicatorAssessment) -> TableCell:
        rate = item.overall.achievement_rate
        text = self.loc.percent(rate) if rate is not None else ""
        return new_cell((new_part("rate", self.heading["rate"], text, None, False, rate, rate is not None),))

    def baseline_cell(self, item: IndicatorAssessment) -> TableCell:
        progress = item.overall.progress
        text = self.loc.percent(progress) if progress is not None else ""
        heading = self.heading["from_baseline"]
        part = new_part("from_baseline", heading, text, None, False, progress, progress is not None)
        return new_cell((part,))

    def period_cell(self, period: Period, label: str) -> IndicatorCell:
        def cell(item: IndicatorAssessment) -> TableCell:
            progress = next((p for p in item.periods if p.period == period), None)
            text = "" if progress is None else self.progress_text(item, progress, unit=False)
            # A count or number stated exactly is a number in the formats that store numbers (Excel).
            achieved = progress.achieved if progress is not None else None
            exact = item.indicator.measure in (Measure.COUNT, Measure.NUMBER) and progress is not None
            exact = exact and item.indicator.part_of is None and progress.qualifier is None  # type: ignore[union-attr]
            exact = exact and progress.second is None  # type: ignore[union-attr]
            number = (
                achieved
                if exact and isinstance(achieved, int | Decimal) and not isinstance(achieved, bool)
                else None
            )
            return new_cell((new_part(f"period:{period.id}", label, text, number=number),))

        return cell

    # -- the cells of an activity row --------------------------------------------------

    def activity_cell(self, activity: Activity) -> TableCell:
        word = self._(N_("Activity"))
        who = f" ({', '.join(activity.responsible)})" if activity.responsible else ""
        prefix = self.numbered(word, activity.code)
        when = activity_words(self.loc, activity)
        text = f"{activity.statement}{who} \u2014 {when}" if when else activity.statement + who
        return new_cell((new_part("activity", word, text, prefix=prefix),))

    def activity_status_cell(self, activity: Activity) -> TableCell:
        status = self.loc.label(activity.status) if activity.status else ""
        return new_cell((new_part("activity_status", self._(N_("Status")), status),))

    def activity_reason_cell(self, activity: Activity) -> TableCell:
        return new_cell((new_part("activity_reason", self._(N_("Reason")), activity.status_reason or ""),))

    # -- texts -----------------------------------------------------------------------

    def numbered(self, word: str, code: str | None) -> str:
        """A numbered label: 'Indicator 1.1.1:', 'Indicateur 1.1.1 :'."""
        if not code:
            return self._(N_("{label}:")).format(label=word)
        return self._(N_("{label} {code}:")).format(label=word, code=self.loc.code(code))

    def stated(self, stated: Baseline | Target | None, indicator: Indicator) -> str:
        """The text as the document writes it, else the value formatted with its unit; nothing if neither."""
        if stated is None:
            return ""
        if stated.text:
            return stated.text
        return stated_value(
            self.loc,
            stated.value,
            indicator,
            qualifier=stated.qualifier,
            second=stated.second_value,
            of=stated.denominator,
        )

    def progress_text(self, item: IndicatorAssessment, progress: Progress, *, unit: bool = True) -> str:
        """A figure as shown, with the whole it is part of (see :func:`~.words.progress_words`)."""
        return progress_words(self.loc, self.assessment, item, progress, unit=unit)

    def achieved_text(self, item: IndicatorAssessment) -> str:
        """
        What was achieved, as the report writes it.

        One value: its narrative, else the value. Several periods: the value they make
        together, then each period's narrative on a line of its own, so that none is lost and
        the latest quarter's words are not read as the whole.
        """
        records = self.in_order(item)
        told = [r for r in records if r.narrative]
        answers = item.overall.responses
        if answers is None and (  # in order, the periods are one if the first is the last
            len(records) <= 1 or (_period_key(records[0]) == _period_key(records[-1]) and len(told) <= 1)
        ):
            latest = records[-1] if records else None
            if latest is None or (latest.value is None and not latest.narrative):
                return ""
            return latest.narrative or self.progress_text(item, item.overall)
        lines = [self.progress_text(item, item.overall)] if item.overall.achieved is not None else []
        for record in told:
            who = f" ({record.reported_by})" if record.reported_by else ""
            narrative = self.words.run(record.narrative or "")  # in its own direction beside an Arabic label
            lines.append(f"{self.loc.colon(self.period_label(record.period) + who)} {narrative}")
        return "\n".join(lines)

    def source(self, item: IndicatorAssessment) -> str:
        sources = [r.source for r in self.in_order(item) if r.source]
        if sources:
            return "\n".join(dict.fromkeys(sources))  # each once, in order
        return item.indicator.means_of_verification or ""

    def period_label(self, period: Period) -> str:
        return self.loc.period(period)


def _period_key(record: Achieved) -> tuple[date, date]:
    """A record's place in order of periods: by their ends, then their starts."""
    return record.period.end, record.period.start


def _latest(in_order: list[Achieved]) -> Achieved | None:
    """The latest of records in order of their periods: the first reported of the latest period."""
    if not in_order:
        return None
    index, key = len(in_order) - 1, _period_key(in_order[-1])
    while index and _period_key(in_order[index - 1]) == key:
        index -= 1
    return in_order[index]
