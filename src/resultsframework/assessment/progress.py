"""
Where each indicator stands: the one computation of progress every renderer uses.

The rules, with the peers' bugs they avoid, are documented in
``docs/concepts.md`` ("Computing progress"):

* values over periods are aggregated by the indicator's accumulation: summed
  increments, or the latest value per reporter for running totals and levels
  (never summed over periods);
* percentages with numerator and denominator pool (Σ numerators / Σ
  denominators); percentages known only as a percent are not aggregated;
* missing is never zero; nothing is rounded before it is rendered;
* the achievement rate and the status are direction-aware and always agree.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import cast

import attrs

from ..core.building import unchecked_constructor
from ..core.errors import ResultsFrameworkError, no_such
from ..core.model import (
    Accumulation,
    Achieved,
    Direction,
    Indicator,
    Measure,
    Outcome,
    Output,
    Programme,
    Qualifier,
    Ratio,
    Status,
    Target,
    Value,
)
from ..core.numbers import divide, numeric, total
from ..core.ordinal import Responses, responses
from ..core.periods import Period, PeriodError, parse_date
from ..text.l10n import N_

__all__ = [
    "Assessment",
    "IndicatorAssessment",
    "Progress",
    "assess",
    "combine_qualifiers",
    "report_date",
    "status_counts",
]

DEFAULT_BAND = Decimal("0.15")


@attrs.frozen
class Progress:
    """
    Where an indicator stands for one period, or for the whole programme.

    Every number is exact (``Decimal``); round only when rendering.

    .. versionadded:: 0.1.0
    """

    period: Period | None
    """The period, or ``None`` for the whole programme up to the assessment date."""
    status: Status
    """Where the indicator stands, judged against the target due (see :class:`Status`)."""
    achieved: Value | None = None
    """The achieved value, aggregated over the periods it covers."""
    target: Value | None = None
    """The target, the period's milestone, or for the whole programme the end target."""
    due: Value | None = None
    """The target due by the assessment date, which the status is judged against."""
    baseline: Value | None = None
    """The baseline value, if the indicator states one."""
    variance: Decimal | None = None
    """Achieved minus target, where both are numbers."""
    achievement_rate: Decimal | None = None
    """
    Achieved against target as a fraction (``Decimal('1.5')`` is 150 %).

    Direction-aware: achieved / target when an increase is success, target /
    achieved when a decrease is; a rate above 1 is always better than the target.
    """
    progress: Decimal | None = None
    """(achieved − baseline) / (target − baseline), where a baseline is known."""
    aggregatable: bool = True
    """False when the values could not be combined (percentages known only as percents)."""
    reported_status: Status | None = None
    """The status the report states, if any."""
    notes: tuple[str, ...] = ()
    """What was done that a reader should know (values that could not be combined), in English;
    the MPTF table shows them translated as footnotes."""
    qualifier: Qualifier | None = None
    """How the achieved value is stated when not exactly ("more than 1,600", "around 87,000"),
    combined over the periods it covers (see :func:`combine_qualifiers`); ``None`` when exact."""
    responses: Responses | None = None
    """An ordinal indicator's answers, added over the periods it covers: its :attr:`achieved` is
    their top box's share (a :class:`Ratio`) or mean score (a ``Decimal``), as its scale says."""
    second: int | Decimal | None = None
    """The achieved value in the indicator's second unit (the 25,521 individuals of "5,168
    households (25,521 individuals)"), combined as the value is; ``None`` unless every value
    counted states it."""
    denominator: int | Decimal | None = None
    """The whole a percentage known only as a percent is a share of, as its value states it
    (the 7,309 of "83.67% of the 7,309 families"); ``None`` when not stated, or when several
    values make the figure."""
    population: int | None = None
    """How many a percentage's respondents were drawn from (the 16 participants of "12 of the 14
    who answered, of 16 participants"), counted by the indicator its ``population`` names over
    the same periods; ``None`` when it names none, or for an ordinal indicator, whose
    :attr:`responses` hold it."""

    @property
    def response_rate(self) -> Ratio | None:
        """Those who answered as a share of those asked (14 of 16), when both are known: an ordinal
        indicator's respondents, or a percentage's denominator, over its population."""
        if self.responses is not None:
            return self.responses.response_rate
        if self.population is not None and isinstance(self.achieved, Ratio):
            return Ratio(self.achieved.denominator, self.population)
        return None

    @property
    def approximate(self) -> bool:
        """Whether the achieved value is approximate ("around"): renderers show it as such."""
        return self.qualifier is Qualifier.AROUND

    @property
    def capped_rate(self) -> Decimal | None:
        """The achievement rate capped at 1 (100 %), never above (a peer used max for min)."""
        if self.achievement_rate is None:
            return None
        return min(self.achievement_rate, Decimal(1))

    @property
    def percent(self) -> Decimal | None:
        """The achievement rate in percent."""
        if self.achievement_rate is None:
            return None
        return self.achievement_rate * 100


@attrs.frozen(repr=False)
class IndicatorAssessment:
    """
    An indicator's progress: overall and per reporting period.

    .. versionadded:: 0.1.0
    """

    indicator: Indicator
    """The indicator assessed."""
    overall: Progress
    """Where it stands for the whole programme up to the date assessed."""
    outcome: str | None = None
    """The code of the outcome the indicator sits under."""
    output: str | None = None
    """The code of the output the indicator sits under (``None`` at outcome level)."""
    records: tuple[Achieved, ...] = ()
    """The values counted: those of periods that have started by the date assessed, as written."""
    _per_period: Callable[[], tuple[Progress, ...]] | None = attrs.field(default=None, eq=False, repr=False)
    _periods: tuple[Progress, ...] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @property
    def periods(self) -> tuple[Progress, ...]:
        """Progress per reporting period, in date order (computed on first use)."""
        if self._periods is None:
            object.__setattr__(self, "_periods", self._per_period() if self._per_period is not None else ())
        return self._periods  # type: ignore[return-value]

    def __repr__(self) -> str:
        rate = self.achievement_rate
        shown = f", {rate * 100:.1f}%" if rate is not None else ""
        return f"IndicatorAssessment({self.code!r}, {self.status.value}{shown})"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import indicator_html  # noqa: PLC0415

        return indicator_html(self.indicator, self)

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.indicator.code

    @property
    def status(self) -> Status:
        """Its overall status."""
        return self.overall.status

    @property
    def achievement_rate(self) -> Decimal | None:
        """Its overall achievement rate, as a fraction (``Decimal('1.5')`` is 150 %)."""
        return self.overall.achievement_rate


@attrs.frozen(eq=False, repr=False)
class Assessment(Mapping[str, IndicatorAssessment]):
    """
    A programme's indicators assessed as of a date; look up by indicator code.

    ``assessment["1.1.2"].status``.

    .. versionadded:: 0.1.0
    """

    programme: Programme
    """The programme assessed."""
    as_of: date | None
    """The date it is assessed as of (``None``: on everything it reports, against its end targets)."""
    indicators: tuple[IndicatorAssessment, ...]
    """
    Every indicator's assessment (an :class:`IndicatorAssessment`), in file order: top down
    (the impact's indicators, then each outcome's and its outputs').  Unlike iterating the
    assessment (its codes, once each), this keeps every indicator, even two that share a code;
    :meth:`filter` keeps some of them.
    """
    band: Decimal = DEFAULT_BAND
    """The on-track band, as a fraction: within 15 % of the target due is on track by default."""
    _by_code: dict[str, IndicatorAssessment] = attrs.field(init=False, repr=False)
    _by_identity: dict[int, IndicatorAssessment] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, IndicatorAssessment] = {}
        for item in self.indicators:
            by_code.setdefault(item.code, item)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_identity", {id(item.indicator): item for item in self.indicators})

    def __getitem__(self, code: str) -> IndicatorAssessment:
        """The assessment of the indicator *code* (the first, if a file gives two one code)."""
        item = self._by_code.get(code)
        if item is None:
            raise KeyError(no_such("indicator", code, list(self._by_code)))
        return item

    def of(self, indicator: Indicator) -> IndicatorAssessment:
        """
        The assessment of *indicator* itself, even when another indicator has its code.

        Raises:
            KeyError: if the indicator is not the assessed programme's.
        """
        item = self._by_identity.get(id(indicator))
        if item is not None and item.indicator is indicator:
            return item
        item = self._by_code.get(indicator.code)
        if item is not None and item.indicator == indicator:
            return item
        for item in self.indicators:
            if item.indicator == indicator:
                return item
        raise KeyError(indicator.code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {s.value}" for s, n in self.counts().items())
        return f"Assessment({len(self)} indicators: {counts})"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import assessment_html  # noqa: PLC0415

        return assessment_html(self)

    def filter(self, status: Status | str | Iterable[Status | str]) -> Assessment:
        """
        The assessment of the indicators with the given status(es) only: an :class:`Assessment`.

        *status* is a :class:`Status`, its word (``"behind"``, ``"not_achieved"``), its label
        in any case (``"Not achieved"``, ``"on track"``), or several of them
        (``assessment.filter(status=["behind", "not_achieved"])``).  The result is an
        assessment like this one (same programme, date and band) whose :attr:`indicators` are
        the matching ones, in file order, so that it is counted, looked up by code, charted
        (:func:`~resultsframework.progress_chart`) and exported
        (:func:`~resultsframework.to_dataframe`) as the whole is; its :attr:`programme` is still
        the whole programme.  ``list(assessment.filter(...).indicators)`` gives the
        :class:`IndicatorAssessment` objects; nothing matching gives an empty assessment.

        Raises:
            ValueError: for a word that is no status (naming the nearest ones).
        """
        wanted = _statuses(status)
        return attrs.evolve(self, indicators=tuple(i for i in self.indicators if i.status in wanted))

    def counts(self) -> Counter[Status]:
        """How many indicators have each status."""
        return Counter(item.status for item in self.indicators)

    def counts_by(self, level: str) -> dict[str, Counter[Status]]:
        """
        Status counts per ``"outcome"``, ``"output"`` or ``"organisation"``.

        Keys are codes (``"1"``, ``"1/2"`` for output 2 of outcome 1) or
        organisation ids; an indicator several organisations are responsible for
        counts for each of them.
        """
        result: dict[str, Counter[Status]] = defaultdict(Counter)
        for item in self.indicators:
            for key in _keys(item, level):
                result[key][item.status] += 1
        return dict(result)


def _statuses(status: Status | str | Iterable[Status | str]) -> frozenset[Status]:
    """The statuses *status* names: one status or word, or several."""
    given = [status] if isinstance(status, str) else list(status)
    words = {s.value: s for s in Status}
    found: set[Status] = set()
    for one in given:
        if isinstance(one, Status):
            found.add(one)
            continue
        if not isinstance(one, str):
            raise TypeError(f"a status is a Status or its word, not {type(one).__name__}")
        word = one.strip().lower().replace(" ", "_").replace("-", "_")
        if word not in words:
            raise ValueError(no_such("status", one, list(words)))
        found.add(words[word])
    return frozenset(found)


def _keys(item: IndicatorAssessment, level: str) -> list[str]:
    if level == "outcome":
        return [item.outcome] if item.outcome is not None else []
    if level == "output":
        return [f"{item.outcome}/{item.output}"] if item.output is not None else []
    if level == "organisation":
        return list(item.indicator.responsible)
    raise ValueError(f"level must be 'outcome', 'output' or 'organisation', not {level!r}")


def report_date(programme: Programme) -> date | None:
    """
    The date a programme's report speaks as of: the end of its last reporting period.

    ``None`` when it states no reporting period.

    .. versionadded:: 0.1.0
    """
    periods = programme.reporting_periods
    return max(p.end for p in periods) if periods else None


def status_counts(assessments: Iterable[Assessment]) -> Counter[Status]:
    """
    Status counts across a portfolio of assessed programmes.

    .. versionadded:: 0.1.0
    """
    counts: Counter[Status] = Counter()
    for assessment in assessments:
        counts.update(assessment.counts())
    return counts


# -- assessing -------------------------------------------------------------------------


# Built without attrs' frozen ``__init__`` (every field set through ``object.__setattr__``): an
# assessment of 500,000 values makes a Progress for each indicator and each of its periods.
_new_progress = cast("type[Progress]", unchecked_constructor(Progress))
_new_assessment = cast("type[IndicatorAssessment]", unchecked_constructor(IndicatorAssessment))


def assess(
    programme: Programme, as_of: date | str | None = None, *, band: Decimal | str | int = DEFAULT_BAND
) -> Assessment:
    """
    Assess every indicator of *programme* as of a date.

    Args:
        programme: The programme.
        as_of: Only values for periods that have started by this date count, and
            before the programme's end an indicator is judged against the target
            due by then.  A :class:`~datetime.date` or a text such as ``"2025-06-30"``
            (not a :class:`~datetime.datetime`: pass its ``.date()``).  ``None``: the
            end of the programme's last reporting period (the date of the report it
            holds); a programme that states no reporting period is judged on
            everything, against its end targets.
        band: The on-track band, as a fraction (``Decimal``, ``int`` or a text such as
            ``"0.15"``, never a ``float``): with the default ``0.15`` an indicator is on
            track when within 15 % of the target due.

    Raises:
        TypeError: if *programme*, *as_of* or *band* is of the wrong type.
        PeriodError: if *as_of* is a text that is not a date.
        ResultsFrameworkError: if *band* is a text that is not a number, or is negative.

    .. versionadded:: 0.1.0
    """
    if not isinstance(programme, Programme):
        raise TypeError(f"assess() takes a Programme, not {type(programme).__name__}")
    day = report_date(programme) if as_of is None else _as_of(as_of)
    context = _Context(programme, day, _band(band))
    items = [
        context.indicator(node.item, node.outcome, node.output)  # type: ignore[arg-type]  # an Indicator
        for node in programme.walk("indicator")
    ]
    return Assessment(programme, day, tuple(items), context.band)


def _as_of(value: object) -> date:
    if isinstance(value, datetime):
        raise TypeError(
            f"assess(as_of=...) takes a date or a text such as '2025-06-30', not the datetime {value}: "
            "pass its .date()"
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except PeriodError as e:
            raise PeriodError(f"assess(as_of=...): {e}") from None
    raise TypeError(
        f"assess(as_of=...) takes a date or a text such as '2025-06-30', not {type(value).__name__} {value!r}"
    )


def _band(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        hint = ": write Decimal('0.15') or '0.15', never a float" if isinstance(value, float) else ""
        raise TypeError(
            f"assess(band=...) takes a Decimal, an int or a text such as '0.15', "
            f"not {type(value).__name__} {value!r}{hint}"
        )
    try:
        band = Decimal(value)
    except ArithmeticError:
        raise ResultsFrameworkError(
            f"assess(band=...) takes a number such as '0.15', not {value!r}"
        ) from None
    if not band.is_finite() or band < 0:
        raise ResultsFrameworkError(
            f"assess(band=...) takes a fraction of 0 or more, such as 0.15, not {value}"
        )
    return band


@attrs.frozen
class _Context:
    programme: Programme
    as_of: date | None
    band: Decimal

    @property
    def final(self) -> bool:
        """Whether the assessment judges against the end targets."""
        if self.as_of is None:
            return True
        dates = self.programme.dates
        end = dates.end if dates is not None else None
        return end is not None and self.as_of >= end

    def indicator(
        self, indicator: Indicator, outcome: Outcome | None, output: Output | None
    ) -> IndicatorAssessment:
        as_of = self.as_of
        records = (
            list(indicator.achieved)
            if as_of is None
            else [r for r in indicator.achieved if r.period.start <= as_of]
        )
        overall = self.overall(indicator, records)
        return _new_assessment(
            indicator,
            overall,
            outcome.code if outcome is not None else None,
            output.code if output is not None else None,
            tuple(records),
            functools.partial(self.per_period, indicator, records),
        )

    # -- the whole programme -----------------------------------------------------------

    def overall(self, indicator: Indicator, records: list[Achieved]) -> Progress:
        target = _end_target(indicator)
        value, aggregatable, notes = aggregate(indicator, records)
        value, answers, notes = self.ordinal(indicator, records, value, notes)
        qualifier, notes = _qualified(indicator, records, value, notes)
        stated = _stated_status(records)
        if self.final or target is None:
            due = target
            final = self.final
        else:
            due = self.due_target(indicator, target)
            final = False
        status = self.status(
            indicator,
            value,
            target,
            due=due,
            final=final,
            reported=bool(records),
            stated=stated,
            qualifier=qualifier,
        )
        notes = _bound_notes(indicator, status, qualifier, notes)
        return _progress(
            indicator,
            None,
            status,
            value=value,
            target=target,
            due=due,
            aggregatable=aggregatable,
            stated=stated,
            notes=notes,
            qualifier=qualifier,
            responses=answers,
            records=records,
            population=self.surveyed(indicator, records, value),
        )

    def ordinal(
        self,
        indicator: Indicator,
        records: Sequence[Achieved],
        value: Value | None,
        notes: tuple[str, ...],
    ) -> tuple[Value | None, Responses | None, tuple[str, ...]]:
        """An ordinal indicator's figure and answers (any other's *value* as it is), with notes."""
        if indicator.measure is not Measure.ORDINAL:
            return value, None, notes
        chosen = combined_records(indicator, records)
        answers = responses(indicator, chosen, self.population(indicator, {r.period for r in chosen}))
        if answers is None:
            return None, None, (*notes, _NO_ANSWERS_NOTE) if chosen else notes
        return answers.figure, answers, notes

    def surveyed(self, indicator: Indicator, records: Sequence[Achieved], value: Value | None) -> int | None:
        """The population a percentage's respondents come from, over the periods of its *value*."""
        if indicator.population is None or indicator.measure is not Measure.PERCENTAGE:
            return None
        if not isinstance(value, Ratio):
            return None
        counted = self.population(indicator, {r.period for r in combined_records(indicator, records)})
        return counted if isinstance(counted, int) and not isinstance(counted, bool) else None

    def population(self, indicator: Indicator, periods: set[Period]) -> Value | None:
        """The value of the indicator counting the population *indicator* surveys, over *periods*
        (those its answers are of)."""
        if indicator.population is None or not periods:
            return None
        try:
            linked = self.programme.indicator(indicator.population)
        except KeyError:  # validation reports it (population-unknown)
            return None
        records = [
            r
            for r in linked.achieved
            if (self.as_of is None or r.period.start <= self.as_of) and r.period in periods
        ]
        return aggregate(linked, records)[0]

    def due_target(self, indicator: Indicator, end_target: Value) -> Value | None:
        """The target due by ``as_of``: the latest milestone due, else a straight line to the end target."""
        assert self.as_of is not None
        due = [m for m in indicator.milestones if m.period is not None and m.period.end <= self.as_of]
        if due:
            latest = max(due, key=lambda m: m.period.end)  # type: ignore[union-attr]
            if indicator.accumulation is Accumulation.SUM:
                return total(m.value for m in due if m.value is not None)
            return latest.value
        dates = self.programme.dates
        duration = dates.duration if dates is not None else None
        goal = numeric(end_target)
        if duration is None or goal is None or duration.is_inverted:
            return None
        start = numeric(indicator.baseline.value) if indicator.baseline is not None else None
        if start is None:
            start = Decimal(0)
        elapsed = Decimal(max(0, (self.as_of - duration.start).days + 1))
        share = min(Decimal(1), divide(elapsed, Decimal(duration.days)) or Decimal(0))
        return start + (goal - start) * share

    # -- per period --------------------------------------------------------------------

    def per_period(self, indicator: Indicator, records: list[Achieved]) -> tuple[Progress, ...]:
        milestones = {m.period: m for m in indicator.milestones if m.period is not None}
        by_period: dict[Period, list[Achieved]] = {}
        for record in records:
            by_period.setdefault(record.period, []).append(record)
        for period in milestones:
            if self.as_of is None or period.start <= self.as_of:
                by_period.setdefault(period, [])
        rows = []
        for period in sorted(by_period):
            own = by_period[period]
            value, aggregatable, notes = aggregate(indicator, own)
            value, answers, notes = self.ordinal(indicator, own, value, notes)
            qualifier, notes = _qualified(indicator, own, value, notes)
            milestone = milestones.get(period)
            target = milestone.value if milestone is not None else None
            ended = self.as_of is None or period.end <= self.as_of
            stated = _stated_status(own)
            status = self.status(
                indicator,
                value,
                target,
                due=target,
                final=ended,
                reported=bool(own),
                stated=stated,
                qualifier=qualifier,
            )
            notes = _bound_notes(indicator, status, qualifier, notes)
            rows.append(
                _progress(
                    indicator,
                    period,
                    status,
                    value=value,
                    target=target,
                    due=target,
                    aggregatable=aggregatable,
                    stated=stated,
                    notes=notes,
                    qualifier=qualifier,
                    responses=answers,
                    records=own,
                    population=self.surveyed(indicator, own, value),
                )
            )
        return tuple(rows)

    # -- status ------------------------------------------------------------------------

    def status(
        self,
        indicator: Indicator,
        value: Value | None,
        target: Value | None,
        *,
        due: Value | None,
        final: bool,
        reported: bool,
        stated: Status | None,
        qualifier: Qualifier | None = None,
    ) -> Status:
        """
        The status of *value* against *target* (judged against *due* when not *final*).

        A bound proves only what it bounds: a lower bound ("more than", "at least") that reaches
        an increase target is achieved ("more than" the target itself exceeds it), an upper bound
        ("up to") that reaches it proves nothing and is not assessed; the other way round for a
        decrease, and no bound proves a level maintained.  A bound that falls short is judged on
        the figure stated, as an approximate value ("around") is.
        """
        if value is None:
            if stated is not None:
                return stated
            if not reported and self._before_start():
                return Status.NOT_STARTED
            return Status.NO_DATA
        if indicator.measure is Measure.QUALITATIVE or target is None:
            return stated or Status.NOT_ASSESSED
        if indicator.measure is Measure.YES_NO or isinstance(value, bool) or isinstance(target, bool):
            if not (isinstance(value, bool) and isinstance(target, bool)):
                # 1 == True in Python, but a count of 1 is not a "yes": only yes/no meets yes/no
                # (validate reports the value that is not one, measure-mismatch).
                return stated or Status.NOT_ASSESSED
            if value is target:
                return Status.ACHIEVED
            if final:
                return Status.NOT_ACHIEVED
            return Status.BEHIND if due is target and self._milestone_due(indicator) else Status.ON_TRACK
        achieved = numeric(value)
        goal = numeric(target)
        if achieved is None or goal is None:
            return stated or Status.NOT_ASSESSED
        reached = _compare(indicator.direction, achieved, goal, self.band)
        if reached is not None:
            if not _proves(indicator.direction, qualifier):
                return stated or Status.NOT_ASSESSED
            if qualifier is Qualifier.MORE_THAN and indicator.direction is Direction.INCREASE:
                return Status.EXCEEDED
            return reached
        if final:
            return Status.NOT_ACHIEVED
        expected = numeric(due)
        if expected is None:
            return Status.ON_TRACK
        return (
            Status.ON_TRACK if _within(indicator.direction, achieved, expected, self.band) else Status.BEHIND
        )

    def _before_start(self) -> bool:
        dates = self.programme.dates
        start = dates.start if dates is not None else None
        return self.as_of is not None and start is not None and self.as_of < start

    def _milestone_due(self, indicator: Indicator) -> bool:
        return self.as_of is not None and any(
            m.period is not None and m.period.end <= self.as_of for m in indicator.milestones
        )


def _compare(direction: Direction, achieved: Decimal, target: Decimal, band: Decimal) -> Status | None:
    """Achieved or exceeded if the target is met, else ``None``."""
    if direction is Direction.MAINTAIN:
        return Status.ACHIEVED if abs(achieved - target) <= band * abs(target) else None
    if achieved == target:
        return Status.ACHIEVED
    better = achieved > target if direction is Direction.INCREASE else achieved < target
    return Status.EXCEEDED if better else None


def _proves(direction: Direction, qualifier: Qualifier | None) -> bool:
    """Whether a value so qualified, once it reaches a target, shows the target met."""
    if qualifier is None or qualifier is Qualifier.AROUND:
        return True
    if direction is Direction.INCREASE:
        return qualifier.lower_bound
    if direction is Direction.DECREASE:
        return qualifier is Qualifier.UP_TO
    return False


_UPPER_BOUND_NOTE = N_("an upper bound (up to) cannot show that a target is met")
_LOWER_BOUND_NOTE = N_("a lower bound (more than, at least) cannot show that a target is met")
_MAINTAIN_NOTE = N_("a bound cannot show that a level is maintained")
_APPROXIMATE_NOTE = N_("the value is approximate")
_NO_ANSWERS_NOTE = N_("the respondents are not broken down by the answers of the scale")
_BOTH_WAYS_NOTE = N_("lower and upper bounds were added together: the whole is approximate")


def combine_qualifiers(qualifiers: Iterable[Qualifier | None]) -> Qualifier | None:
    """
    The qualifier of a whole made of values so qualified (a sum over periods, reporters pooled).

    Exact values (``None``) add nothing: more than + exact is more than, around + exact is
    around.  "More than" and "at least" make "more than"; any "around" makes "around"; lower
    and upper bounds together bound nothing, and make "around" too.

    .. versionadded:: 0.1.0
    """
    found = {q for q in qualifiers if q is not None}
    if not found:
        return None
    lower = found & {Qualifier.MORE_THAN, Qualifier.AT_LEAST}
    if Qualifier.AROUND in found or (lower and Qualifier.UP_TO in found):
        return Qualifier.AROUND
    if Qualifier.MORE_THAN in found:
        return Qualifier.MORE_THAN
    return Qualifier.AT_LEAST if lower else Qualifier.UP_TO


def _qualified(
    indicator: Indicator, records: Sequence[Achieved], value: Value | None, notes: tuple[str, ...]
) -> tuple[Qualifier | None, tuple[str, ...]]:
    """The qualifier of the value aggregated from *records*, and the notes with what it means."""
    if value is None or not _any_qualified(records):
        return None, notes
    chosen = combined_records(indicator, records)
    qualifiers = [r.qualifier for r in chosen]
    qualifier = combine_qualifiers(qualifiers)
    if qualifier is Qualifier.AROUND and Qualifier.AROUND not in qualifiers:
        notes = (*notes, _BOTH_WAYS_NOTE)
    elif qualifier is Qualifier.AROUND:
        notes = (*notes, _APPROXIMATE_NOTE)
    return qualifier, notes


def _any_qualified(records: Sequence[Achieved]) -> bool:
    """Whether a record states its value with a qualifier (a loop: twice as fast as any() here)."""
    for record in records:  # noqa: SIM110
        if record.qualifier is not None:
            return True
    return False


def _bound_notes(
    indicator: Indicator, status: Status, qualifier: Qualifier | None, notes: tuple[str, ...]
) -> tuple[str, ...]:
    """*notes* with why a bound that reaches its target was not assessed, where it was not."""
    if status is not Status.NOT_ASSESSED or _proves(indicator.direction, qualifier):
        return notes
    if indicator.direction is Direction.MAINTAIN:
        return (*notes, _MAINTAIN_NOTE)
    return (*notes, _UPPER_BOUND_NOTE if qualifier is Qualifier.UP_TO else _LOWER_BOUND_NOTE)


def _within(direction: Direction, achieved: Decimal, expected: Decimal, band: Decimal) -> bool:
    if direction is Direction.INCREASE:
        return achieved >= expected * (1 - band)
    if direction is Direction.DECREASE:
        return achieved <= expected * (1 + band)
    return abs(achieved - expected) <= band * abs(expected)


def _rate(direction: Direction, achieved: Decimal, target: Decimal) -> Decimal | None:
    if direction is Direction.DECREASE:
        return divide(target, achieved)
    return divide(achieved, target)


def _progress(
    indicator: Indicator,
    period: Period | None,
    status: Status,
    *,
    value: Value | None,
    target: Value | None,
    due: Value | None,
    aggregatable: bool,
    stated: Status | None,
    notes: tuple[str, ...],
    qualifier: Qualifier | None = None,
    responses: Responses | None = None,
    records: Sequence[Achieved] = (),
    population: int | None = None,
) -> Progress:
    baseline = indicator.baseline.value if indicator.baseline is not None else None
    achieved, goal, start = numeric(value), numeric(target), numeric(baseline)
    numeric_measure = indicator.measure not in (Measure.YES_NO, Measure.QUALITATIVE)
    variance = rate = progress = None
    if numeric_measure and achieved is not None and goal is not None:
        variance = achieved - goal
        rate = _rate(indicator.direction, achieved, goal)
        if start is not None:
            progress = divide(achieved - start, goal - start)
    return _new_progress(
        period,
        status,
        value,
        target,
        due,
        baseline,
        variance,
        rate,
        progress,
        aggregatable,
        stated,
        notes,
        qualifier,
        responses,
        in_second_unit(indicator, records),
        _stated_denominator(indicator, records, value),
        population,
    )


def _end_target(indicator: Indicator) -> Value | None:
    """The end-of-programme target; without one, derived from the milestones."""
    if indicator.target is not None and indicator.target.value is not None:
        return indicator.target.value
    milestones = [m for m in indicator.milestones if m.value is not None and m.period is not None]
    if not milestones:
        return None
    if indicator.accumulation is Accumulation.SUM:
        return total(m.value for m in milestones if m.value is not None)
    return max(milestones, key=_milestone_end).value


def _milestone_end(milestone: Target) -> date:
    assert milestone.period is not None
    return milestone.period.end


def _stated_status(records: list[Achieved]) -> Status | None:
    stated = [r for r in records if r.status is not None]
    if not stated:
        return None
    return max(stated, key=lambda r: (r.period.end, r.period.start)).status


def aggregate(
    indicator: Indicator, records: Sequence[Achieved]
) -> tuple[Value | None, bool, tuple[str, ...]]:
    """
    Combine achieved values over periods by the indicator's accumulation.

    Returns the value (``None`` when there is none or it cannot be combined),
    whether the values could be combined, and notes on what was done.

    * ``sum``: numbers add, ratios pool; bare percentages of several periods are
      not aggregatable.
    * ``running_total`` and ``level``: the latest value of each reporter, then
      the reporters combined as above; earlier periods are never added.
    * yes/no and qualitative: the latest value.

    Two values of one reporter for the same period are corrections: the one
    collected last (else written last) counts.

    .. versionadded:: 0.1.0
    """
    if len(records) == 1:  # the usual case, per period: nothing to combine
        return records[0].value, True, ()
    chosen = combined_records(indicator, records)
    if not chosen:
        return None, True, ()
    if indicator.measure in (Measure.YES_NO, Measure.QUALITATIVE):
        return chosen[-1].value, True, ()
    values = [r.value for r in chosen if r.value is not None]
    if len(values) == 1:
        return values[0], True, ()
    if indicator.measure is not Measure.PERCENTAGE and set(map(type, values)) == {int}:
        return sum(values), True, ()  # type: ignore[arg-type]  # the usual case: counts, added
    percentages = indicator.measure is Measure.PERCENTAGE or any(isinstance(v, Ratio) for v in values)
    if percentages and not all(isinstance(v, Ratio) for v in values):
        note = N_("percentages known only as a percent cannot be combined; give numerator and denominator")
        return None, False, (note,)
    combined = total(values)
    if combined is None:
        return None, False, (N_("values of different kinds cannot be combined"),)
    return combined, True, ()


def measured(indicator: Indicator, records: Sequence[Achieved]) -> Value | None:
    """
    The figure *records* make as the assessment measures the indicator: :func:`aggregate`'s
    value, or for an ordinal indicator its answers' top box share or mean score, as its scale says.
    """
    if indicator.measure is not Measure.ORDINAL:
        return aggregate(indicator, records)[0]
    answers = responses(indicator, combined_records(indicator, records))
    return None if answers is None else answers.figure


def combined_records(indicator: Indicator, records: Sequence[Achieved]) -> list[Achieved]:
    """
    The values that make the indicator's whole over *records*, as :func:`aggregate` combines
    them: one per reporter and period (the correction collected last), then for running totals
    and levels the latest of each reporter; for yes/no and qualitative indicators the latest
    alone.  In order of their periods.  The roll-up merges their breakdowns the same way.
    """
    if len(records) <= 1:
        return [r for r in records if r.value is not None]
    chosen = _one_reporter_in_order(records)
    if chosen is None:
        chosen = _latest_per_period(records)
    if indicator.measure in (Measure.YES_NO, Measure.QUALITATIVE):
        return chosen[-1:]
    if indicator.accumulation is not Accumulation.SUM:
        per_reporter: dict[str | None, Achieved] = {}
        for record in chosen:
            per_reporter[record.reported_by] = record  # sorted: the last is the latest
        chosen = list(per_reporter.values())
    return chosen


def _one_reporter_in_order(records: Sequence[Achieved]) -> list[Achieved] | None:
    """
    The records that have a value, when one reporter reported them period after period (the
    usual case: each period once, in order, so there is no correction to choose and nothing to
    sort); ``None`` otherwise.
    """
    reporter = records[0].reported_by
    chosen: list[Achieved] = []
    previous: Period | None = None
    for record in records:
        period = record.period
        if record.reported_by != reporter or (
            previous is not None
            and (period.end < previous.end or (period.end == previous.end and period.start <= previous.start))
        ):
            return None
        previous = period
        if record.value is not None:
            chosen.append(record)
    return chosen


def _latest_per_period(records: Sequence[Achieved]) -> list[Achieved]:
    """One record per reporter and period (the correction collected last), in order of their periods."""
    latest_per_period: dict[tuple[str | None, Period], Achieved] = {}
    for record in records:
        if record.value is None:
            continue
        key = (record.reported_by, record.period)
        current = latest_per_period.get(key)
        if current is None or _newer(record, current):
            latest_per_period[key] = record
    chosen = list(latest_per_period.values())
    chosen.sort(key=lambda r: (r.period.end, r.period.start))
    return chosen


def in_second_unit(indicator: Indicator, records: Sequence[Achieved]) -> int | Decimal | None:
    """
    The achieved figure of *records* in the indicator's second unit, combined as :func:`aggregate`
    combines the values (the same records, summed or the latest of each reporter).

    ``None`` when the indicator has no second unit, or a value counted does not state its figure
    in it: a whole is never made of some values' figures only.
    """
    if indicator.second_unit is None or not records:
        return None
    seconds = [r.second_value for r in combined_records(indicator, records)]
    if not seconds or any(second is None for second in seconds):
        return None
    combined = total(seconds)  # type: ignore[arg-type]  # every one a number
    return combined if isinstance(combined, int | Decimal) else None


def _stated_denominator(
    indicator: Indicator, records: Sequence[Achieved], value: Value | None
) -> int | Decimal | None:
    """The denominator a percent known only as a percent states, when one value makes the figure."""
    if indicator.measure is not Measure.PERCENTAGE or isinstance(value, Ratio) or value is None:
        return None
    chosen = combined_records(indicator, records)
    return chosen[0].denominator if len(chosen) == 1 else None


def _newer(record: Achieved, current: Achieved) -> bool:
    """Whether *record* supersedes *current*: collected later, or written later on the same date."""
    if record.collected is None:
        return current.collected is None
    return current.collected is None or record.collected >= current.collected
