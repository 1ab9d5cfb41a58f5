"""
Validation: what donors reject, found before they do.

:func:`validate` walks the whole programme and returns every diagnostic, never
stopping at the first.  Each has a severity, a stable code (one of
:data:`~resultsframework.RULES`, listed in ``docs/validation.md``), the field path and a
message.  The results framework is walked by :meth:`Programme.walk
<resultsframework.Programme.walk>`, whose paths the diagnostics carry.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any, Literal, cast

import attrs

from ..core.diagnostics import Diagnostic, Severity, diagnostic
from ..core.disaggregation import BUILTIN_DIMENSIONS, AgeRange, check_breakdown
from ..core.errors import Path, did_you_mean, format_path, nearest, no_such, number_hint, shorten
from ..core.model import (
    Accumulation,
    Achieved,
    Activity,
    Baseline,
    Breakdown,
    Cell,
    Dimension,
    FrameworkLink,
    Indicator,
    Measure,
    Money,
    Node,
    Programme,
    Qualifier,
    Ratio,
    Status,
    Target,
    Value,
)
from ..core.numbers import is_number, numeric
from ..core.ordinal import check_scale, scale_dimension
from ..core.periods import Period
from ..text.escape import unshowable
from ..text.values import plain
from .parts import compatible, exceeds, share, whole_figure
from .progress import Assessment, IndicatorAssessment, aggregate, assess, report_date

__all__ = ["Diagnostic", "Severity", "validate"]

Policy = Literal["error", "warning", "off"]


_CURRENCY = re.compile(r"^[A-Z]{3}$")
_NUMERIC_CODE = re.compile(r"^\d+(?:\.\d+)*$")
_UNMET = frozenset({Status.NOT_ACHIEVED, Status.NO_DATA, Status.NOT_CONDUCTED, Status.BEHIND})


def validate(
    programme: Programme,
    *,
    as_of: date | None = None,
    disaggregation: Policy = "error",
    for_iati: bool = False,
) -> list[Diagnostic]:
    """
    Check *programme* and return every diagnostic found.

    Args:
        programme: The programme.
        as_of: The reporting date: indicators are judged as
            :func:`resultsframework.assess` judges them on that date.
        disaggregation: What a breakdown that does not add up to its total is:
            ``"error"`` (the default), ``"warning"`` or ``"off"``.  A breakdown
            with an ``explanation`` is never reported.
        for_iati: Also warn of what publishing it as IATI needs and it does not state: a
            sector (``sector-missing``; IATI requires one, and
            :func:`~resultsframework.to_iati` refuses a programme without one unless given
            ``default_sector=``).

    .. versionadded:: 0.1.0
    """
    found = list(_Validator(programme, as_of, disaggregation).run())
    if for_iati and not programme.sectors:
        found.append(
            diagnostic(
                "sector-missing",
                ("sectors",),
                "the programme states no sectors, and IATI requires one (rule 6.2.2): add 'sectors' "
                "({code: '15190'} is the DAC sector of migration), or give the IATI export a "
                "default sector (default_sector=, --default-sector)",
            )
        )
    return found


@attrs.define(slots=False)
class _Validator:
    programme: Programme
    as_of: date | None
    policy: Policy

    def run(self) -> Iterator[Diagnostic]:
        yield from self.dates()
        yield from self.codes()
        yield from self.organisations()
        yield from self.learning()
        yield from self.money()
        yield from self.links()
        yield from self.texts()
        yield from self.activities()
        assessment = assess(self.programme, self.as_of)
        for node, indicator in self.indicators:
            yield from self.indicator(node.path, indicator)
            yield from self.variance(node.path, indicator, assessment.of(indicator))
        yield from self.parts(assessment)
        yield from self.shares(assessment)

    # -- programme -----------------------------------------------------------------------

    def dates(self) -> Iterator[Diagnostic]:
        dates = self.programme.dates
        if dates is not None:
            for name in ("original_end", "actual_end"):
                end = getattr(dates, name)
                if dates.start is not None and end is not None and end < dates.start:
                    yield diagnostic(
                        "end-before-start",
                        ("dates", name),
                        f"{name.replace('_', ' ')} {end} is before the start {dates.start}",
                    )
            if dates.extended and not dates.extension_reason:
                yield diagnostic(
                    "extension-reason-missing",
                    ("dates", "extension_reason"),
                    f"the programme was extended from {dates.original_end} to {dates.actual_end} "
                    "but no reason is given",
                )
        for index, period in enumerate(self.programme.reporting_periods):
            yield from self.period(period, ("reporting_periods", index), reporting=True)

    def activities(self) -> Iterator[Diagnostic]:
        """An activity that ends before it starts."""
        for node in self.programme.walk("activity"):
            activity = cast(Activity, node.item)
            if activity.start is not None and activity.end is not None and activity.end < activity.start:
                yield diagnostic(
                    "end-before-start",
                    (*node.path, "end"),
                    f"the activity ends on {activity.end}, before it starts on {activity.start}",
                )

    def codes(self) -> Iterator[Diagnostic]:
        walk = self.programme.walk
        seen: dict[tuple[str, str], Path] = {}
        for node in itertools.chain(walk("outcome"), walk("output", "activity"), walk("indicator")):
            code = node.item.code
            if code is None:  # only an impact's, which is not walked here
                continue
            kind: str = node.kind
            if node.kind == "output" and node.outcome is not None:
                kind = f"output (under outcome {node.outcome.code})"
            key = (kind, code)
            if key in seen:
                yield diagnostic(
                    "duplicate-code",
                    (*node.path, "code"),
                    f"{kind} code {shorten(code)!r} is used twice (first at {format_path(seen[key])})",
                )
            else:
                seen[key] = node.path
        for node, indicator in self.indicators:
            parents = _parents(node)
            if parents and not _fits(indicator.code, parents):
                yield diagnostic(
                    "code-hierarchy",
                    (*node.path, "code"),
                    f"indicator {indicator.code} sits under {parents[-1]}, but its code says otherwise "
                    f"(expected {' or '.join(p + '.n' for p in parents)})",
                )
        for node in walk("activity"):
            activity = cast(Activity, node.item)
            if node.output is not None and not _fits(activity.code, _parents(node)):
                yield diagnostic(
                    "code-hierarchy",
                    (*node.path, "code"),
                    f"activity {activity.code} sits under output {node.output.code}, "
                    "but its code says otherwise",
                )

    def texts(self) -> Iterator[Diagnostic]:
        for path, char in _control_texts(self.programme, ()):
            if char in "\x0b\x0c":
                shown = "a line break in Word, Excel and HTML"
            else:
                shown = "\ufffd in Word, Excel and HTML, which cannot hold it"
            yield diagnostic(
                "control-character",
                path,
                f"the text holds the character U+{ord(char):04X}, a control character often pasted "
                f"from Word; it is shown as {shown}",
            )

    def organisations(self) -> Iterator[Diagnostic]:
        first: dict[str, int] = {}
        for index, organisation in enumerate(self.programme.organisations):
            if organisation.id in first:
                yield diagnostic(
                    "duplicate-organisation",
                    ("organisations", index, "id"),
                    f"the organisation id {shorten(organisation.id)!r} is used twice (first at "
                    f"organisations[{first[organisation.id]}]); responsible and reported_by cannot "
                    "tell them apart",
                )
            else:
                first[organisation.id] = index
        known = set(first)
        if not known:
            return
        for path, names in self.responsible():
            for index, name in enumerate(names):
                if name not in known:
                    yield diagnostic(
                        "unknown-organisation",
                        (*path, index),
                        f"{shorten(name)!r} is not one of the programme's organisations "
                        f"({', '.join(sorted(known))})",
                    )
        for node in self.programme.walk("activity"):
            lead = cast(Activity, node.item).lead
            if lead is not None and lead not in known:
                yield diagnostic(
                    "unknown-organisation",
                    (*node.path, "lead"),
                    f"the lead {shorten(lead)!r} is not one of the programme's organisations "
                    f"({', '.join(sorted(known))}){did_you_mean(lead, sorted(known))}",
                )

    def learning(self) -> Iterator[Diagnostic]:
        """A lesson or recommendation refers to results by code: each one the programme has."""
        codes = [r.code for r in self.programme.results() if r.code is not None]
        known = set(codes)
        items = [("lessons", i, item.results) for i, item in enumerate(self.programme.lessons)]
        items += [
            ("recommendations", i, item.results) for i, item in enumerate(self.programme.recommendations)
        ]
        for field, index, results in items:
            for k, code in enumerate(results):
                if code not in known:
                    yield diagnostic(
                        "unknown-result",
                        (field, index, "results", k),
                        f"{shorten(code)!r} is not the code of an outcome or output of the programme"
                        f"{did_you_mean(code, codes)}",
                    )

    def money(self) -> Iterator[Diagnostic]:
        """The budget's and the contributions' currencies and amounts."""
        budget = self.programme.budget
        if budget is None:
            return
        amounts: list[tuple[Path, Money | None]] = [(("budget", "total_approved"), budget.total_approved)]
        amounts += [
            (("budget", "contributions", i, "amount"), c.amount) for i, c in enumerate(budget.contributions)
        ]
        for path, money in amounts:
            if money is None:
                continue
            if not _is_currency(money.currency):
                yield _currency_invalid(money.currency, (*path, "currency"))
            else:
                yield from _precision(money.amount, money.currency, (*path, "amount"))

    # -- indicators ----------------------------------------------------------------------

    @functools.cached_property
    def is_plan(self) -> bool:
        """Whether the file is a plan, not a report: no reporting period, no value reported."""
        programme = self.programme
        return not programme.reporting_periods and not any(i.achieved for i in programme.indicators())

    @functools.cached_property
    def counted_until(self) -> date | None:
        """The date after which a value's period is not counted: *as_of*, else the report date."""
        return self.as_of if self.as_of is not None else report_date(self.programme)

    def future(self, period: Period) -> str:
        if self.as_of is not None:
            return f"a value for {period}, which starts after {self.as_of}; it is not counted"
        last = max(self.programme.reporting_periods, key=lambda p: p.end)
        return (
            f"a value for {period}, which starts after the last reporting period ({last}); it is not "
            f"counted until {period} is added to reporting_periods"
        )

    def indicator(self, path: Path, indicator: Indicator) -> Iterator[Diagnostic]:
        if indicator.second_unit is not None and indicator.measure not in (Measure.COUNT, Measure.NUMBER):
            yield diagnostic(
                "second-value-invalid",
                (*path, "second_unit"),
                f"a second unit is for counts and numbers, not for a {indicator.measure.value} indicator",
            )
        if indicator.measure is Measure.MONEY:
            if indicator.currency is None:
                yield diagnostic(
                    "currency-missing", (*path, "currency"), "a money indicator needs its currency"
                )
            elif not _is_currency(indicator.currency):
                yield _currency_invalid(indicator.currency, (*path, "currency"))
        if (
            indicator.measure is not Measure.QUALITATIVE
            and (indicator.target is None or indicator.target.value is None)
            and any(r.value is not None for r in indicator.achieved)
        ):
            text = indicator.target.text if indicator.target is not None else None
            yield diagnostic(
                "target-missing",
                (*path, "target", "value") if text else (*path, "target"),
                f"the target is only text ({shorten(text)!r}); without its value the indicator is not "
                "assessed"
                if text
                else "values are reported but there is no target, so the indicator is not assessed",
            )
        if indicator.baseline is not None:
            yield from self.value(indicator, indicator.baseline.value, (*path, "baseline", "value"))
            yield from _qualifier(indicator.baseline.value, indicator.baseline.qualifier, (*path, "baseline"))
            yield from _figures(indicator, indicator.baseline, (*path, "baseline"))
        if indicator.target is not None:
            yield from self.value(indicator, indicator.target.value, (*path, "target", "value"))
            yield from _qualifier(indicator.target.value, indicator.target.qualifier, (*path, "target"))
            yield from _figures(indicator, indicator.target, (*path, "target"))
            yield from self.breakdowns(
                indicator, indicator.target.value, indicator.target.breakdowns, (*path, "target")
            )
        for index, milestone in enumerate(indicator.milestones):
            where = (*path, "milestones", index)
            yield from self.value(indicator, milestone.value, (*where, "value"))
            yield from _qualifier(milestone.value, milestone.qualifier, where)
            yield from _figures(indicator, milestone, where)
            if milestone.period is None:
                yield diagnostic(
                    "milestone-period-missing", (*where, "period"), "a milestone needs its period"
                )
            else:
                yield from self.period(milestone.period, (*where, "period"))
        yield from self.achieved(path, indicator)
        yield from self.survey(path, indicator)

    def survey(self, path: Path, indicator: Indicator) -> Iterator[Diagnostic]:
        """An ordinal indicator's scale and answers; respondents within the population surveyed."""
        yield from check_scale(indicator, path)
        if indicator.population is None:
            return
        try:
            linked = self.programme.indicator(indicator.population)
        except KeyError:
            yield diagnostic(
                "population-unknown",
                (*path, "population"),
                no_such("indicator counting the population", indicator.population, self.codes_of_indicators),
            )
            return
        for index, record in enumerate(indicator.achieved):
            counted = aggregate(linked, [r for r in linked.achieved if r.period == record.period])[0]
            asked = numeric(counted) if is_number(counted) else None  # a count, not a share
            value = record.value
            answered = numeric(value.denominator if isinstance(value, Ratio) else value)
            if asked is not None and answered is not None and answered > asked:
                yield diagnostic(
                    "respondents-exceed-population",
                    (*path, "achieved", index, "value"),
                    _grouped(
                        f"{answered} respondents in {record.period}, more than the {asked} counted by "
                        f"indicator {linked.code}"
                    ),
                )

    @functools.cached_property
    def codes_of_indicators(self) -> list[str]:
        return [indicator.code for _, indicator in self.indicators]

    def achieved(self, path: Path, indicator: Indicator) -> Iterator[Diagnostic]:
        by_reporter: dict[str | None, list[tuple[int, Achieved]]] = {}
        for index, record in enumerate(indicator.achieved):
            where = (*path, "achieved", index)
            yield from self.period(record.period, (*where, "period"))
            yield from self.value(indicator, record.value, (*where, "value"))
            yield from _qualifier(record.value, record.qualifier, where)
            yield from _figures(indicator, record, where)
            yield from self.breakdowns(indicator, record.value, record.breakdowns, where)
            if record.value is not None and indicator.disaggregation:
                present = {d for b in record.breakdowns for d in b.dimensions}
                missing = [d for d in indicator.disaggregation if d not in present]
                if missing:
                    yield diagnostic(
                        "disaggregation-missing",
                        (*where, "breakdowns"),
                        f"the indicator requires a breakdown by {', '.join(missing)}",
                    )
            if self.counted_until is not None and record.period.start > self.counted_until:
                yield diagnostic("future-period", (*where, "period"), self.future(record.period))
            if (
                indicator.measure is Measure.QUALITATIVE
                and record.value is not None
                and record.status is None
            ):
                yield diagnostic(
                    "status-missing",
                    (*where, "status"),
                    "a qualitative indicator takes the status the report states; none is stated",
                )
            by_reporter.setdefault(record.reported_by, []).append((index, record))
        for records in by_reporter.values():
            yield from self.overlaps(path, indicator, records)

    def overlaps(
        self, path: Path, indicator: Indicator, records: list[tuple[int, Achieved]]
    ) -> Iterator[Diagnostic]:
        ordered = sorted(records, key=lambda item: (item[1].period.start, item[1].period.end))
        for (i, first), (j, second) in itertools.pairwise(ordered):
            if (
                first.period.is_inverted
                or second.period.is_inverted
                or not first.period.overlaps(second.period)
            ):
                continue
            same = first.period == second.period
            what = "the same period" if same else f"overlapping periods ({first.period} and {second.period})"
            where = (*path, "achieved", max(i, j), "period")
            if indicator.accumulation is Accumulation.SUM and not same:
                yield diagnostic(
                    "period-overlap",
                    where,
                    f"values for {what} would be counted twice in a summed indicator "
                    f"(see achieved[{min(i, j)}])",
                )
            else:  # the last one counts: nothing is counted twice
                yield diagnostic(
                    "period-overlap",
                    where,
                    f"two values for {what} (see achieved[{min(i, j)}]); the one collected last counts",
                    Severity.WARNING,
                )

    def period(self, period: Period, path: Path, *, reporting: bool = False) -> Iterator[Diagnostic]:
        """
        An inverted period, or one outside the programme's dates.

        Wholly outside is an error, partly (it extends beyond) a warning; a reporting period
        (*reporting*) has its own code.
        """
        if period.is_inverted:
            yield diagnostic("period-inverted", path, f"the period {period} ends before it starts")
            return
        duration = self.programme.dates.duration if self.programme.dates is not None else None
        if duration is None or duration.is_inverted or duration.contains(period):
            return
        dates = f"the programme ({duration.start} to {duration.end})"
        if not period.overlaps(duration):
            message, severity = f"the period {period} lies outside {dates}", Severity.ERROR
        else:
            message, severity = f"the period {period} extends beyond {dates}", Severity.WARNING
        if reporting:
            yield diagnostic("reporting-period-outside-programme", path, message, severity)
        else:
            yield diagnostic("period-outside-programme", path, message, severity)

    def value(self, indicator: Indicator, value: Value | None, path: Path) -> Iterator[Diagnostic]:
        if value is None:
            return
        measure = indicator.measure
        if measure is Measure.COUNT:
            ok = is_number(value) and value == int(value)  # type: ignore[arg-type]
        elif measure is Measure.PERCENTAGE:
            ok = is_number(value) or isinstance(value, Ratio)
        elif measure is Measure.YES_NO:
            ok = isinstance(value, bool)
        elif measure is Measure.QUALITATIVE:
            ok = isinstance(value, str)
        elif measure is Measure.ORDINAL:
            ok = is_number(value) or isinstance(value, Ratio)
        else:
            ok = is_number(value)
        if not ok:
            yield diagnostic(
                "measure-mismatch",
                path,
                f"a {measure.value} indicator takes {_EXPECTED[measure]}, found {_show(value)}"
                + _whole_hint(measure, value)
                + number_hint(value)
                + _yes_no_hint(measure, value),
            )
            return
        if measure is Measure.COUNT and value < 0:  # type: ignore[operator]
            yield diagnostic("negative-count", path, _grouped(f"a count cannot be negative, found {value}"))
        if measure is Measure.PERCENTAGE:
            yield from _percentage(value, path)
        if measure is Measure.MONEY and indicator.currency is not None and _is_currency(indicator.currency):
            yield from _precision(value, indicator.currency, path)

    def breakdowns(
        self, indicator: Indicator, total: Value | None, breakdowns: tuple[Breakdown, ...], path: Path
    ) -> Iterator[Diagnostic]:
        for index, breakdown in enumerate(breakdowns):
            where = (*path, "breakdowns", index)
            if not breakdown.dimensions:
                yield diagnostic(
                    "breakdown-dimensions", (*where, "dimensions"), "a breakdown needs its dimensions"
                )
            dimensions = [self._dimension(d, indicator) for d in breakdown.dimensions]
            for d, dimension in zip(breakdown.dimensions, dimensions, strict=True):
                if dimension is None:
                    yield diagnostic(
                        "unknown-dimension",
                        (*where, "dimensions"),
                        f"unknown dimension {shorten(d)!r}: use one of {', '.join(BUILTIN_DIMENSIONS)} "
                        "or define it under 'dimensions'",
                    )
            for c, cell in enumerate(breakdown.cells):
                cell_path = (*where, "cells", c)
                cell_dims = [dim for dim, _ in cell.categories]
                if cell_dims != list(breakdown.dimensions):
                    yield diagnostic(
                        "breakdown-cell",
                        cell_path,
                        f"the cell is for {', '.join(cell_dims)}; the breakdown is by "
                        f"{', '.join(breakdown.dimensions)}",
                    )
                for dim, category in cell.categories:
                    dimension = self._dimension(dim, indicator)
                    yield from _category(dimension, dim, category, (*cell_path, dim))
                yield from self.value(indicator, cell.value, (*cell_path, "value"))
            if self.policy == "off" or breakdown.explanation:
                continue
            summable = all(d is None or d.summable for d in dimensions)
            severity = Severity.ERROR if self.policy == "error" else Severity.WARNING
            for found in check_breakdown(total, breakdown, summable=summable):
                yield attrs.evolve(
                    found,
                    severity=severity,
                    path=(*where, *found.path),
                    message=_grouped(found.message) + "; correct it, or say why in 'explanation'",
                )

    def variance(self, path: Path, indicator: Indicator, item: IndicatorAssessment) -> Iterator[Diagnostic]:
        status = item.status
        if status not in _UNMET or (status is Status.NO_DATA and self.is_plan):
            return
        latest = max(item.records, key=lambda r: (r.period.end, r.period.start), default=None)
        explained = latest is not None and latest.variance is not None and latest.variance.reason.strip()
        if explained:
            return
        where: Path = (
            (*path, "achieved", indicator.achieved.index(latest), "variance")
            if latest
            else (*path, "achieved")
        )
        what = {
            Status.NOT_ACHIEVED: "the target was not achieved",
            Status.NO_DATA: "no data was reported",
            Status.NOT_CONDUCTED: "the activities were not conducted",
            Status.BEHIND: "the indicator is behind its target",
        }[status]
        message = f"{what}, and no reason for variance is given (MPTF reports require one)"
        yield diagnostic(
            "variance-missing", where, message, Severity.WARNING if status is Status.BEHIND else None
        )

    # -- parts of other figures ------------------------------------------------------------

    @functools.cached_property
    def by_code(self) -> dict[str, Indicator]:
        """Each indicator by its code (the first, when two share one: duplicate-code says so)."""
        found: dict[str, Indicator] = {}
        for _node, indicator in self.indicators:
            found.setdefault(indicator.code, indicator)
        return found

    def whole(self, indicator: Indicator) -> Indicator | None:
        """The indicator *indicator* is part of, when it names one it can be part of, not in a circle."""
        if indicator.part_of is None:
            return None
        whole = self.by_code.get(indicator.part_of)
        if whole is None or self.cycle(indicator) or compatible(indicator, whole) is not None:
            return None
        return whole

    def cycle(self, indicator: Indicator) -> list[str]:
        """The codes from *indicator* round a circle of parts back to it; empty when there is none."""
        codes = [indicator.code]
        current = indicator
        for _ in range(len(self.by_code)):
            if current.part_of is None:
                return []
            whole = self.by_code.get(current.part_of)
            if whole is None:
                return []
            codes.append(whole.code)
            if whole is indicator:
                return codes
            current = whole
        return []

    def parts(self, assessment: Assessment) -> Iterator[Diagnostic]:
        """What an indicator is part of: a known indicator, not in a circle, of a measure it fits, larger."""
        codes = list(self.by_code)
        for node, indicator in self.indicators:
            code = indicator.part_of
            if code is None:
                continue
            where = (*node.path, "part_of")
            whole = self.by_code.get(code)
            if whole is None:
                yield diagnostic(
                    "part-of-unknown",
                    where,
                    f"{shorten(code)!r} is the code of no indicator of the programme"
                    f"{did_you_mean(code, codes)}",
                )
                continue
            circle = self.cycle(indicator)
            if circle:
                yield diagnostic(
                    "part-of-cycle",
                    where,
                    f"the parts go round in a circle ({circle[0]} is part of "
                    f"{', which is part of '.join(circle[1:])}): a figure cannot be part of itself",
                )
                continue
            reason = compatible(indicator, whole)
            if reason is not None:
                yield diagnostic(
                    "part-of-measure", where, f"it cannot be part of indicator {whole.code}: {reason}"
                )
                continue
            if indicator.measure is not Measure.PERCENTAGE:
                yield from self.part_figures(node.path, indicator, whole, assessment)

    def part_figures(
        self, path: Path, indicator: Indicator, whole: Indicator, assessment: Assessment
    ) -> Iterator[Diagnostic]:
        """A part's targets and values larger than its whole's, period by period and over the programme."""

        def larger(where: Path, when: str, part: Value | None, of: Value | None) -> Diagnostic:
            figures = _grouped(f"{_show(part)} is larger than {_show(of)}")
            message = f"{when}{figures}, that of indicator {whole.code}, which it is part of"
            return diagnostic("part-exceeds-whole", where, message)

        target, whole_target = indicator.target, whole.target
        if (
            target is not None
            and whole_target is not None
            and exceeds(target.value, whole_target.value, target.qualifier, whole_target.qualifier)
        ):
            yield larger((*path, "target", "value"), "the target ", target.value, whole_target.value)
        milestones = {m.period: m for m in whole.milestones if m.period is not None}
        for index, milestone in enumerate(indicator.milestones):
            same = milestones.get(milestone.period) if milestone.period is not None else None
            if same is not None and exceeds(milestone.value, same.value, milestone.qualifier, same.qualifier):
                when = f"the milestone for {milestone.period}, "
                yield larger((*path, "milestones", index, "value"), when, milestone.value, same.value)
        part, total = assessment.of(indicator), assessment.of(whole)
        found = False
        if indicator.accumulation is whole.accumulation:  # else a period's figures say different things
            totals = {p.period: p for p in total.periods}
            for progress in part.periods:
                of = totals.get(progress.period)
                if of is None or not exceeds(
                    progress.achieved, of.achieved, progress.qualifier, of.qualifier
                ):
                    continue
                found = True
                index = next(i for i, r in enumerate(indicator.achieved) if r.period == progress.period)
                where = (*path, "achieved", index, "value")
                yield larger(where, f"in {progress.period}, ", progress.achieved, of.achieved)
        mine, theirs = part.overall, total.overall
        if not found and exceeds(mine.achieved, theirs.achieved, mine.qualifier, theirs.qualifier):
            yield larger((*path, "achieved"), "over the programme, ", mine.achieved, theirs.achieved)

    def shares(self, assessment: Assessment) -> Iterator[Diagnostic]:
        """Percents known only as a percent of a whole number, that no whole number of it gives."""
        for node, indicator in self.indicators:
            if indicator.measure is not Measure.PERCENTAGE:
                continue
            whole = self.whole(indicator)
            counted = whole if whole is not None and whole.measure is Measure.COUNT else None
            unit = indicator.unit or (counted.unit if counted is not None else None)
            path = node.path
            stated: list[tuple[Path, Baseline | Target | Achieved, Value | None]] = []
            if indicator.baseline is not None:
                of = counted.baseline.value if counted is not None and counted.baseline is not None else None
                stated.append(((*path, "baseline"), indicator.baseline, of))
            if indicator.target is not None:
                of = counted.target.value if counted is not None and counted.target is not None else None
                stated.append(((*path, "target"), indicator.target, of))
            milestones = {m.period: m.value for m in counted.milestones} if counted is not None else {}
            for index, milestone in enumerate(indicator.milestones):
                stated.append(((*path, "milestones", index), milestone, milestones.get(milestone.period)))
            whole_item = assessment.of(counted) if counted is not None else None
            for index, record in enumerate(indicator.achieved):
                of = whole_figure(whole_item, record.period) if whole_item is not None else None
                stated.append(((*path, "achieved", index), record, of))
            for where, item, of in stated:
                yield from _share(item, of, unit, where)

    # -- walking -------------------------------------------------------------------------

    @functools.cached_property
    def indicators(self) -> list[tuple[Node, Indicator]]:
        """Every indicator with where it sits: walked once for the checks that look at them all."""
        return [(node, cast(Indicator, node.item)) for node in self.programme.walk("indicator")]

    def fields(self, name: str, *, impact: bool = False) -> Iterator[tuple[Path, Any]]:
        """
        The field *name* of every outcome, output, activity and indicator, with its path.

        The impact's too, first, if *impact*.  The results and activities come top down, then
        the indicators.
        """
        results = self.programme.walk(*(("impact",) if impact else ()), "outcome", "output", "activity")
        for node in itertools.chain(results, (node for node, _ in self.indicators)):
            yield (*node.path, name), getattr(node.item, name)

    def links(self) -> Iterator[Diagnostic]:
        """Links to frameworks that are not known, or to codes a known framework does not have."""
        from ..io import frameworks  # noqa: PLC0415  (loads framework data only when links exist)

        own = [(("links",), self.programme.links)]
        for path, links in itertools.chain(own, self.fields("links", impact=True)):
            for index, link in enumerate(links):
                framework = frameworks.find(link.framework)
                where = (*path, index)
                if framework is None:
                    hint = did_you_mean(link.framework, frameworks.ids()) or (
                        "; load and register it to check its codes"
                    )
                    yield diagnostic(
                        "unknown-framework",
                        where,
                        f"{shorten(str(link))}: no framework {shorten(link.framework)!r} is known{hint}",
                    )
                elif link.code not in framework:
                    codes = [e.code for e in framework.elements]
                    close = nearest(link.code, codes, n=3, cutoff=0.5)
                    hint = f"; nearest: {', '.join(close)}" if close else ""
                    yield diagnostic(
                        "unknown-code",
                        where,
                        f"{shorten(str(link))}: {framework.id} has no code {shorten(link.code)!r}{hint}",
                    )

    def responsible(self) -> Iterator[tuple[Path, tuple[str, ...]]]:
        """Who is responsible for each result, activity and indicator, and who reported each value."""
        yield from self.fields("responsible")
        for node, indicator in self.indicators:
            for index, record in enumerate(indicator.achieved):
                if record.reported_by is not None:
                    yield (*node.path, "achieved", index, "reported_by"), (record.reported_by,)

    def _dimension(self, name: str, indicator: Indicator | None = None) -> Dimension | None:
        if indicator is not None and indicator.scale is not None and name == indicator.scale.dimension:
            return scale_dimension(indicator.scale)
        for dimension in self.programme.dimensions:
            if dimension.id == name:
                return dimension
        return BUILTIN_DIMENSIONS.get(name)


_EXPECTED = {
    Measure.COUNT: "a whole number",
    Measure.NUMBER: "a number",
    Measure.MONEY: "an amount",
    Measure.PERCENTAGE: "a percentage (a number, or numerator and denominator)",
    Measure.YES_NO: "true or false",
    Measure.QUALITATIVE: "a text",
    Measure.ORDINAL: "a number (its respondents; a target, the share or mean score its scale says)",
}


_YES = frozenset({"yes", "y", "on", "true", "oui", "نعم"})
_NO = frozenset({"no", "n", "off", "false", "non", "لا"})


def _yes_no_hint(measure: Measure, value: Value) -> str:
    """
    What to write instead of 1 or 0, or of the text yes or no, for a yes/no value: YAML 1.2
    reads ``yes`` as text, and Python would take 1 for true.
    """
    if measure is Measure.YES_NO and is_number(value) and value in (0, 1):
        return f"; write {'true' if value == 1 else 'false'}, not the number {value}"
    if measure is Measure.YES_NO and isinstance(value, str):
        word = value.strip().lower()
        if word in _YES or word in _NO:
            answer = "true" if word in _YES else "false"
            shown = shorten(value, 10)
            return f"; write {answer}, without quotes (YAML reads {shown} as text, not as yes/no)"
    return ""


def _whole_hint(measure: Measure, value: Value) -> str:
    """Why a number with decimals is not a count, and what to use instead."""
    if measure is Measure.COUNT and is_number(value):
        return ", which has decimals (a count has none: use measure: number, or percentage for a share)"
    return ""


@functools.cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies  # noqa: PLC0415  (babel's data loads only when needed)

    return frozenset(list_currencies())


def _is_currency(code: str) -> bool:
    """Whether *code* is an ISO 4217 currency code babel knows: ``USD``, not ``US$`` or ``XYZ``."""
    return _CURRENCY.match(code) is not None and code in _currencies()


def _currency_invalid(code: str, path: Path) -> Diagnostic:
    written = code.strip().upper()
    hint = f"; write {written!r}" if written != code and written in _currencies() else ""
    return diagnostic(
        "currency-invalid", path, f"expected an ISO 4217 code such as 'USD', found {shorten(code)!r}{hint}"
    )


def _precision(amount: Value, currency: str, path: Path) -> Iterator[Diagnostic]:
    """More decimals than *currency* has: cents of a cent, or yen with cents."""
    from babel.numbers import get_currency_precision  # noqa: PLC0415

    if not isinstance(amount, Decimal) or not amount.is_finite():
        return
    digits = get_currency_precision(currency)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > digits:
        has = f"{digits} decimal{'s' if digits != 1 else ''}" if digits else "no decimals"
        yield diagnostic(
            "money-precision",
            path,
            f"the amount {plain(amount)} {currency} has more decimals than {currency} ({has})",
        )


_LEAVES = (int, Decimal, date, enum.Enum, Period, Ratio, FrameworkLink, type(None))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in attrs.fields(kind)) if attrs.has(kind) else ()
    return names


def _control_texts(item: object, path: Path) -> Iterator[tuple[Path, str]]:
    """Every text below *item* that renderers cannot show as written: its path and first such character."""
    if isinstance(item, tuple):
        children: Iterable[tuple[str | int, object]] = enumerate(item)
    elif isinstance(item, dict):
        children = item.items()
    else:
        children = ((name, getattr(item, name)) for name in _field_names(type(item)))
    for key, child in children:
        if isinstance(child, str):
            if char := unshowable(child):
                yield (*path, key), char
        elif isinstance(child, _LEAVES):
            continue
        elif isinstance(child, Cell):  # millions of them in big portfolios: looked at here
            for dimension, category in child.categories:
                if char := unshowable(category):
                    yield (*path, key, dimension), char
            if isinstance(child.value, str) and (char := unshowable(child.value)):
                yield (*path, key, "value"), char
        else:
            yield from _control_texts(child, (*path, key))


def _parents(node: Node) -> tuple[str, ...]:
    """
    The codes a numbered code may start with where *node* sits (none under the impact).

    Under outcome 1, ``1``; under output 1 of outcome 1, ``1`` and ``1.1``, for outputs are
    numbered either way.
    """
    if node.outcome is None:
        return ()
    if node.output is None:
        return (node.outcome.code,)
    outcome_code, output_code = node.outcome.code, node.output.code
    if output_code.startswith(outcome_code + "."):
        return (output_code,)
    return (output_code, f"{outcome_code}.{output_code}")


def _fits(code: str, parents: tuple[str, ...]) -> bool:
    """
    Whether a numbered *code* is one of its parents' codes plus one part.

    Under output 1 of outcome 1, activity ``1.2`` and indicator ``1.1.3`` fit;
    indicator ``1.2.3`` does not.  Codes that are not numbered always fit.
    """
    if not _NUMERIC_CODE.match(code):
        return True
    depth = code.count(".")
    return any(code.startswith(p + ".") and depth == p.count(".") + 1 for p in parents)


def _category(dimension: Dimension | None, name: str, category: str, path: Path) -> Iterator[Diagnostic]:
    if dimension is None:
        return
    if name == "age" and not dimension.categories:
        try:
            AgeRange.parse(category)
        except ValueError as e:
            yield diagnostic("unknown-category", path, str(e))
    elif dimension.categories and category not in dimension.categories:
        yield diagnostic(
            "unknown-category",
            path,
            f"{shorten(category)!r} is not a category of {shorten(name)} ({', '.join(dimension.categories)})",
        )


def _percentage(value: Value, path: Path) -> Iterator[Diagnostic]:
    if isinstance(value, Ratio):
        if value.denominator <= 0:
            yield diagnostic(
                "denominator-invalid", path, f"the denominator must be above 0, found {value.denominator}"
            )
        elif value.numerator < 0:
            yield diagnostic(
                "percentage-out-of-range", path, f"the numerator cannot be negative, found {value.numerator}"
            )
        elif value.numerator > value.denominator:
            yield diagnostic(
                "numerator-exceeds-denominator",
                path,
                f"the numerator {value.numerator} is larger than the denominator {value.denominator}",
            )
    elif not 0 <= value <= 100:  # type: ignore[operator]
        yield diagnostic(
            "percentage-out-of-range", path, f"a share in percent lies between 0 and 100, found {value}"
        )


_LONG_NUMBER = re.compile(r"(?<![\w.,'])(\d{4,})(?![\w'])")


def _grouped(message: str) -> str:
    """*message* with its numbers of four digits or more grouped in thousands: 1,234, not 1234."""
    return _LONG_NUMBER.sub(lambda m: f"{int(m.group(1)):,}", message)


def _show(value: Value | None) -> str:
    """A value as a message quotes it: a text in quotes, shortened; anything else as files write it."""
    return repr(shorten(value, 40)) if isinstance(value, str) else plain(value)


def _qualifier(value: Value | None, qualifier: Qualifier | None, path: Path) -> Iterator[Diagnostic]:
    """A qualifier on what it cannot bound: no value, yes/no or a text."""
    if qualifier is None or (is_number(value) or isinstance(value, Ratio)):
        return
    found = "no value" if value is None else _show(value)
    yield diagnostic(
        "qualifier-not-number",
        (*path, "qualifier"),
        f"the qualifier {qualifier.value} bounds a number, but the value is {found}",
    )


def _figures(indicator: Indicator, stated: Baseline | Target | Achieved, path: Path) -> Iterator[Diagnostic]:
    """A value's figure in the indicator's second unit, and the whole a percent is a share of."""
    second = stated.second_value
    if second is not None:
        if indicator.second_unit is None:
            yield diagnostic(
                "second-unit-missing",
                (*path, "second_value"),
                _grouped(f"the figure is also given as {plain(second)}, but the indicator states no "
                         "second_unit saying of what"),
            )  # fmt: skip
        elif second < 0 or (indicator.measure is Measure.COUNT and second != int(second)):
            yield diagnostic(
                "second-value-invalid",
                (*path, "second_value"),
                _grouped(f"a figure in {shorten(indicator.second_unit)} is a "
                         f"{'whole number' if indicator.measure is Measure.COUNT else 'number'} of 0 or "
                         f"more, found {plain(second)}"),
            )  # fmt: skip
    denominator = stated.denominator
    if denominator is None:
        return
    if indicator.measure is not Measure.PERCENTAGE or isinstance(stated.value, Ratio):
        what = (
            "a ratio, which has its own"
            if isinstance(stated.value, Ratio)
            else f"a {indicator.measure.value} indicator's value"
        )
        yield diagnostic(
            "denominator-not-share",
            (*path, "denominator"),
            f"a denominator is the whole of a percentage known only as a percent, not of {what}",
        )
    elif denominator <= 0:
        yield diagnostic(
            "denominator-invalid",
            (*path, "denominator"),
            _grouped(f"the denominator must be above 0, found {plain(denominator)}"),
        )


def _share(
    stated: Baseline | Target | Achieved, whole: Value | None, unit: str | None, path: Path
) -> Iterator[Diagnostic]:
    """
    A percent of a whole number that no whole number gives, as stated: 83.67% of 7,309.

    The whole is the value's own denominator when written as a whole number, else the figure of
    the count the indicator is part of (*whole*).  A percent stated as a bound or approximation
    is not checked.
    """
    value = stated.value
    if stated.qualifier is not None or not is_number(value):
        return
    if stated.denominator is not None:
        whole = stated.denominator
    if type(whole) is not int:
        return
    found = share(value, whole)
    if found is None or not 0 <= found.percent <= 100 or found.counts():
        return
    cents = Decimal("0.01")
    things = f" of {shorten(unit)}" if unit else ""
    pct = plain(found.percent)
    half = Decimal(5).scaleb(-(found.places + 1))
    near = ", ".join(f"{n} is {plain(found.percent_of(n))}%" for n in found.neighbours())
    yield diagnostic(
        "share-not-whole",
        (*path, "value"),
        _grouped(
            f"{pct}% of {whole} is {plain(found.part.quantize(cents))}; no whole number{things} gives "
            f"{pct}% as stated ({plain(found.percent - half)}% to {plain(found.percent + half)}%, "
            f"{plain(found.low.quantize(cents))} to {plain(found.high.quantize(cents))}): {near}"
        ),
    )
