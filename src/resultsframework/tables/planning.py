"""
The planning tables, built from a programme: the IOM results matrix, a logframe and an
indicator performance tracking table (IPTT).

The results matrix and the logframe have a row per result (impact, outcome, output) with its
indicators, baselines, targets, data sources and assumptions, a line each; the IPTT has a row
per indicator under its outcome and output, with target, actual and % met per period, from the
assessment (:func:`~resultsframework.assess`): the same figures as every other table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..assessment.progress import Assessment, IndicatorAssessment, Progress, assess
from ..core.model import Baseline, Indicator, Programme, Result, Risk, Target, Value
from ..core.ordinal import Responses
from ..core.periods import Period
from ..text.l10n import N_, Localizer
from .mptf import about
from .table import Column, Part, Table, TableCell, TableRow
from .words import RESULT_WORDS, progress_words, result_names, stated_value

__all__ = ["TEMPLATES", "iptt_table", "learning_table", "logframe_table", "results_matrix_table"]

TEMPLATES = ("results-matrix", "logframe", "iptt", "learning")
"""The names of the planning tables, as ``render --template`` takes them."""

_CODE_HEADINGS = {"impact": N_("Impact code"), "outcome": N_("Outcome code"), "output": N_("Output code")}


class _Texts:
    def __init__(self, loc: Localizer) -> None:
        self.loc = loc
        self._ = loc.gettext

    def numbered(self, word: str, code: str | None) -> str:
        if not code:
            return self._(N_("{label}:")).format(label=word)
        return self._(N_("{label} {code}:")).format(label=word, code=code)

    def value(
        self,
        value: Value | None,
        indicator: Indicator,
        stated: Baseline | Target | None = None,
        responses: Responses | None = None,
    ) -> str:
        """
        A value with its unit, its figure in a second unit and the whole a share is of, as
        *stated*; an ordinal indicator's *responses* in words.
        """
        if stated is None:
            return stated_value(self.loc, value, indicator, responses=responses)
        return stated_value(
            self.loc,
            value,
            indicator,
            qualifier=stated.qualifier,
            second=stated.second_value,
            of=stated.denominator,
        )

    def baseline(self, indicator: Indicator) -> str:
        baseline = indicator.baseline
        if baseline is None:
            return ""
        text = baseline.text or self.value(baseline.value, indicator, baseline)
        year = baseline.year if baseline.year is not None else (baseline.date.year if baseline.date else None)
        if text and year is not None and str(year) not in text:
            text = f"{text} ({self.loc.year(year)})"
        return text

    def target(self, indicator: Indicator) -> str:
        target = indicator.target
        if target is None:
            return ""
        return target.text or self.value(target.value, indicator, target)

    def source(self, indicator: Indicator, *, method: bool) -> str:
        """
        The data source (the means of verification; without one, the sources its values cite);
        with *method*, how, how often and by whom.
        """
        _ = self._
        cited = dict.fromkeys(r.source for r in indicator.achieved if r.source)
        lines = [indicator.means_of_verification] if indicator.means_of_verification else list(cited)
        if method:
            if indicator.collection_method:
                lines.append(f"{self.loc.colon(_(N_('Method')))} {indicator.collection_method}")
            if indicator.frequency is not None:
                lines.append(f"{self.loc.colon(_(N_('Frequency')))} {self.loc.label(indicator.frequency)}")
            if indicator.collected_by:
                who = ", ".join(indicator.collected_by)
                lines.append(f"{self.loc.colon(_(N_('Collected by')))} {who}")
        return "\n".join(lines)

    def risk(self, risk: Risk) -> str:
        """``Risk (likelihood: High; impact: Medium; Open): statement`` and its mitigation and owner."""
        _ = self._
        about = []
        if risk.likelihood is not None:
            about.append(f"{self.loc.colon(_(N_('likelihood')))} {self.loc.label(risk.likelihood)}")
        if risk.impact is not None:
            about.append(f"{self.loc.colon(_(N_('impact')))} {self.loc.label(risk.impact)}")
        if risk.status is not None:
            about.append(self.loc.label(risk.status))
        label = self.loc.label(risk.kind)
        if about:
            label = f"{label} ({'; '.join(about)})"
        lines = [f"{self.loc.colon(label)} {risk.statement}"]
        if risk.mitigation:
            lines.append(f"{self.loc.colon(_(N_('Mitigation')))} {risk.mitigation}")
        if risk.owner:
            lines.append(f"{self.loc.colon(_(N_('Owner')))} {risk.owner}")
        return "\n".join(lines)


def _lines(loc: Localizer, indicators: tuple[Indicator, ...], text: Callable[[Indicator], str]) -> str:
    """A line per indicator that has *text*, after its code: ``1.1.1: 0``."""
    return "\n".join(f"{loc.colon(i.code)} {shown}" for i in indicators if (shown := text(i)))


def _result_rows(
    programme: Programme, loc: Localizer, keys: tuple[str, ...], texts: _Texts
) -> list[TableRow]:
    """A row per result: what each of *keys* says of it."""
    _ = loc.gettext
    rows = []
    word = _(N_("Programme"))
    for number, risk in enumerate(programme.risks):  # the programme's own above its results, a row each
        cells = []  # (a row each, so that none is taller than a page; the title on the first only)
        for key in keys:
            if key == "result":
                parts: tuple[Part, ...] = (
                    Part("level", _(N_("Level")), word, flat_only=True),
                    Part(
                        "result",
                        _(N_("Result")),
                        programme.title,
                        prefix=loc.colon(word),
                        flat_only=number > 0,
                    ),
                )
            elif key == "assumptions":
                parts = (Part("assumptions", _(N_("Assumptions and risks")), texts.risk(risk)),)
            else:
                parts = ()
            cells.append(TableCell(parts))
        rows.append(TableRow("indicator", tuple(cells)))
    for node in programme.walk("impact", "outcome", "output"):
        result: Result = node.item  # type: ignore[assignment]
        word = _(RESULT_WORDS[node.kind])
        inds = result.indicators
        cells = []
        for key in keys:
            if key == "result":
                parts = (
                    Part("level", _(N_("Level")), word, flat_only=True),
                    Part("code", _(N_("Code")), result.code or "", flat_only=True),
                    Part(
                        "result", _(N_("Result")), result.statement, prefix=texts.numbered(word, result.code)
                    ),
                )
            elif key == "indicators":
                text = "\n".join(f"{loc.colon(i.code)} {i.statement}" for i in inds)
                parts = (Part("indicators", _(N_("Indicators")), text),)
            elif key == "baseline":
                text = _lines(loc, inds, texts.baseline)
                parts = (Part("baseline", _(N_("Baseline")), text),)
            elif key == "target":
                text = _lines(loc, inds, texts.target)
                parts = (Part("target", _(N_("Target")), text),)
            elif key == "source":
                text = _lines(loc, inds, lambda i: texts.source(i, method=False))
                parts = (Part("source", _(N_("Sources of verification")), text),)
            elif key == "source_method":
                text = _lines(loc, inds, lambda i: texts.source(i, method=True))
                parts = (Part("source", _(N_("Data source and collection method")), text),)
            else:
                text = "\n".join(texts.risk(r) for r in result.risks)
                parts = (Part("assumptions", _(N_("Assumptions and risks")), text),)
            cells.append(TableCell(parts))
        rows.append(TableRow("indicator", tuple(cells), result.code))
    return rows


def _table(programme: Programme, loc: Localizer, title: str, columns: tuple[Column, ...],
           rows: list[TableRow]) -> Table:  # fmt: skip
    return Table(title, columns, tuple(rows), (), loc.tag, loc.rtl, about=about(programme))


def results_matrix_table(programme: Programme, *, locale: str | Localizer = "en") -> Table:
    """
    The IOM results matrix of *programme*: a row per result with its indicators, data source and
    collection method, baseline, target and assumptions.

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    texts = _Texts(loc)
    columns = (
        Column("result", _(N_("Results")), 3),
        Column("indicators", _(N_("Indicators")), 3),
        Column("source", _(N_("Data source and collection method")), 3),
        Column("baseline", _(N_("Baseline")), 1.5),
        Column("target", _(N_("Target")), 2.5),
        Column("assumptions", _(N_("Assumptions")), 3),
    )
    keys = ("result", "indicators", "source_method", "baseline", "target", "assumptions")
    rows = _result_rows(programme, loc, keys, texts)
    return _table(programme, loc, _(N_("Results matrix")), columns, rows)


def logframe_table(programme: Programme, *, locale: str | Localizer = "en") -> Table:
    """
    The logical framework of *programme*: a row per level of the intervention logic (impact,
    outcomes, outputs) with its indicators, baselines, targets, sources of verification and
    assumptions.

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    texts = _Texts(loc)
    columns = (
        Column("result", _(N_("Intervention logic")), 3),
        Column("indicators", _(N_("Indicators")), 3),
        Column("baseline", _(N_("Baselines")), 1.5),
        Column("target", _(N_("Targets")), 2.5),
        Column("source", _(N_("Sources of verification")), 2),
        Column("assumptions", _(N_("Assumptions")), 3),
    )
    keys = ("result", "indicators", "baseline", "target", "source", "assumptions")
    rows = _result_rows(programme, loc, keys, texts)
    return _table(programme, loc, _(N_("Logical framework")), columns, rows)


def iptt_table(
    programme: Programme,
    *,
    locale: str | Localizer = "en",
    assessment: Assessment | None = None,
    as_of: date | None = None,
) -> Table:
    """
    The indicator performance tracking table of *programme*: per indicator its baseline and
    end target, then per period the target (milestone), the actual and the % met, and the
    whole programme's; every figure is the assessment's (:func:`~resultsframework.assess`).

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    texts = _Texts(loc)
    assessment = assessment or assess(programme, as_of)
    periods: set[Period] = set()
    for item in assessment.indicators:
        periods.update(p.period for p in item.periods if p.period is not None)
    ordered = sorted(periods)
    columns = (
        Column("indicator", _(N_("Indicator")), 3),
        Column("baseline", _(N_("Baseline")), 1.3),
        Column("target", _(N_("End target")), 1.3),
        *(Column(f"period:{p.id}", loc.period(p), 1.5) for p in ordered),
        Column("overall", _(N_("Life of programme")), 1.5),
    )
    rows: list[TableRow] = []
    groups: dict[str, tuple[Part, ...]] = {}
    for node in programme.walk("impact", "outcome", "output", "indicator"):
        if node.kind != "indicator":
            result: Result = node.item  # type: ignore[assignment]
            word = _(RESULT_WORDS[node.kind])
            group = (
                Part(f"{node.kind}_code", _(_CODE_HEADINGS[node.kind]), result.code or "", flat_only=True),
                Part(node.kind, word, result.statement, prefix=texts.numbered(word, result.code)),
            )
            groups = {k: v for k, v in groups.items() if node.kind == "output" and k == "outcome"}
            groups[node.kind] = group
            rows.append(TableRow(node.kind, (TableCell(group),), result.code))
            continue
        item = assessment.of(node.item)  # type: ignore[arg-type]
        indicator = item.indicator
        word = _(N_("Indicator"))
        by_period = {p.period: p for p in item.periods}
        cells = [
            TableCell((
                Part("code", _(N_("Code")), indicator.code, flat_only=True),
                Part("indicator", word, indicator.statement, prefix=texts.numbered(word, indicator.code)),
            )),
            TableCell((Part("baseline", _(N_("Baseline")), texts.baseline(indicator)),)),
            TableCell((Part("target", _(N_("End target")), texts.target(indicator)),)),
        ]  # fmt: skip
        for period in ordered:
            cells.append(
                _progress_cell(
                    f"period:{period.id}",
                    loc.period(period),
                    by_period.get(period),
                    item,
                    assessment=assessment,
                    texts=texts,
                )
            )
        overall = _progress_cell(
            "overall", _(N_("Life of programme")), item.overall, item, assessment=assessment, texts=texts
        )
        cells.append(overall)
        above = tuple(part for level in ("impact", "outcome", "output") for part in groups.get(level, ()))
        rows.append(TableRow("indicator", tuple(cells), indicator.code, above))
    notes = [_(N_("% met is the actual against the period's target, as the assessment computes it "
                  "(for a decrease, the target against the actual)."))]  # fmt: skip
    if assessment.as_of is not None:
        notes.append(_(N_("Values reported as of {date}.")).format(date=loc.date(assessment.as_of)))
    title = _(N_("Indicator performance tracking table"))
    return Table(title, columns, tuple(rows), tuple(notes), loc.tag, loc.rtl, about=about(programme))


def _progress_cell(key: str, heading: str, progress: Progress | None, item: IndicatorAssessment, *,
                   assessment: Assessment, texts: _Texts) -> TableCell:  # fmt: skip
    loc = texts.loc
    indicator = item.indicator
    _ = loc.gettext
    target = progress.target if progress is not None else None
    actual = progress.achieved if progress is not None else None
    rate = progress.achievement_rate if progress is not None else None
    return TableCell((
        Part(f"{key}:target", f"{heading} \u2014 {_(N_('Target'))}", texts.value(target, indicator),
             prefix=loc.colon(_(N_("Target"))) if target is not None else None),
        Part(f"{key}:actual", f"{heading} \u2014 {_(N_('Actual'))}",
             "" if progress is None else progress_words(loc, assessment, item, progress),
             prefix=loc.colon(_(N_("Actual"))) if actual is not None else None),
        Part(f"{key}:met", f"{heading} \u2014 {_(N_('% met'))}", "" if rate is None else loc.percent(rate),
             prefix=None if rate is None else loc.colon(_(N_("% met"))),
             number=rate, percent=rate is not None),
    ))  # fmt: skip


def learning_table(programme: Programme, *, locale: str | Localizer = "en") -> Table:
    """
    The lessons learned and recommendations of *programme*, a row each: what it says, whom it
    is addressed to (a recommendation) and the results it bears on.

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    columns = (
        Column("statement", _(N_("Statement")), 6),
        Column("addressed_to", _(N_("Addressed to")), 2),
        Column("results", _(N_("Results")), 1.5),
    )
    rows: list[TableRow] = []
    sections = (
        (N_("Lessons learned"), [(item.statement, (), item.results) for item in programme.lessons]),
        (
            N_("Recommendations"),
            [(r.statement, r.addressed_to, r.results) for r in programme.recommendations],
        ),
    )
    for label, items in sections:
        if not items:
            continue
        heading = _(label)
        group = (Part("section", _(N_("Section")), heading),)
        rows.append(TableRow("section", (TableCell(group),)))
        for number, (statement, addressed, results) in enumerate(items, 1):
            cells = (
                TableCell(
                    (Part("statement", _(N_("Statement")), statement, prefix=loc.colon(loc.number(number))),)
                ),
                TableCell((Part("addressed_to", _(N_("Addressed to")), ", ".join(addressed)),)),
                TableCell((Part("results", _(N_("Results")), result_names(loc, programme, results)),)),
            )
            rows.append(TableRow("indicator", cells, None, group))
    notes = () if rows else (_(N_("The programme lists no lessons learned and no recommendations.")),)
    title = _(N_("Lessons learned and recommendations"))
    return Table(title, columns, tuple(rows), notes, loc.tag, loc.rtl, about=about(programme))
