"""
The typed core: a programme's results framework as frozen attrs classes.

The classes hold what a programme document and its reports state, in the field's
own words: outcomes, outputs, activities, indicators, baselines, targets,
achieved values, variance explanations and sources of verification.  They do not
compute (see :mod:`resultsframework._assess`) and do not judge (see
:mod:`resultsframework._validate`): a file that states something odd still loads,
so that it can be reported on.

Numbers are ``int`` or :class:`decimal.Decimal`, never ``float``.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple, TypeAlias, overload

import attrs

from .errors import no_such
from .periods import Period

__all__ = [
    "Accumulation",
    "Achieved",
    "Activity",
    "ActivityStatus",
    "Baseline",
    "Breakdown",
    "Budget",
    "Cell",
    "Contact",
    "Contribution",
    "ContributionSource",
    "Dates",
    "Dimension",
    "Direction",
    "Evaluation",
    "FrameworkLink",
    "Identifier",
    "Impact",
    "Indicator",
    "Location",
    "Measure",
    "Money",
    "Node",
    "NodeKind",
    "Number",
    "Organisation",
    "OrganisationRole",
    "Outcome",
    "Output",
    "Programme",
    "Ratio",
    "Status",
    "Target",
    "Value",
    "Variance",
    "VarianceCategory",
]


class _Choice(enum.StrEnum):
    """An enumeration whose values are the words written in files."""


class OrganisationRole(_Choice):
    """The part an organisation plays in a programme."""

    LEAD = "lead"
    """Lead or coordinating organisation (the MPTF's "Coordinating organization")."""
    PARTICIPATING = "participating"
    """Participating UN organisation receiving funds directly."""
    IMPLEMENTING_PARTNER = "implementing_partner"
    DONOR = "donor"
    GOVERNMENT_COUNTERPART = "government_counterpart"


class ContributionSource(_Choice):
    """Where a contribution to the programme budget comes from."""

    FUND = "fund"
    """The pooled fund itself (MPTF / joint programme contribution)."""
    AGENCY = "agency"
    DONOR = "donor"
    GOVERNMENT = "government"
    OTHER = "other"


class Measure(_Choice):
    """What kind of value an indicator takes."""

    COUNT = "count"
    """A whole number of things or people (meetings, participants, households)."""
    NUMBER = "number"
    """Any other quantity (an average, a score, a rate that is not a share)."""
    PERCENTAGE = "percentage"
    """A share in percent, best kept as numerator and denominator, a :class:`Ratio`."""
    YES_NO = "yes_no"
    """A yes/no statement, ``true`` or ``false``."""
    QUALITATIVE = "qualitative"
    """A text; its status is the one the report states."""
    MONEY = "money"
    """An amount in the indicator's currency."""


class Direction(_Choice):
    """Which way of change is success."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Accumulation(_Choice):
    """How an indicator's values over several periods make a whole."""

    SUM = "sum"
    """Each period reports an increment; the whole is their sum (people trained per quarter)."""
    RUNNING_TOTAL = "running_total"
    """Each period reports the total to date; the latest counts and is never summed."""
    LEVEL = "level"
    """Each period reports a level or stock; the latest counts (functioning committees)."""


class ActivityStatus(_Choice):
    """Where an activity stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    NOT_CONDUCTED = "not_conducted"


class Status(_Choice):
    """Where an indicator stands against its target."""

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_ACHIEVED = "not_achieved"
    NOT_STARTED = "not_started"
    NOT_CONDUCTED = "not_conducted"
    NOT_ASSESSED = "not_assessed"
    """Values were reported but cannot be judged, for want of a target in numbers to judge them
    against, or of the status the report states for a qualitative value."""
    NO_DATA = "no_data"


class VarianceCategory(_Choice):
    """A reason category for a variance from the planned target."""

    CONTEXT_SECURITY = "context_security"
    POLITICAL = "political"
    COVID19 = "covid19"
    BUDGET = "budget"
    DESIGN = "design"
    OTHER = "other"


@attrs.frozen
class Ratio:
    """
    A share kept as numerator and denominator, so that it can be pooled.

    ``Ratio(15, 50).percent == Decimal(30)``.
    """

    numerator: int | Decimal
    denominator: int | Decimal

    @property
    def percent(self) -> Decimal | None:
        """The share in percent, exact to 28 digits, or ``None`` if the denominator is 0."""
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) * 100 / Decimal(self.denominator)


Number: TypeAlias = int | Decimal
"""An exact number: ``int`` or :class:`decimal.Decimal`."""

Value: TypeAlias = bool | int | Decimal | Ratio | str
"""
A baseline, target or achieved value.

``bool`` for yes/no indicators, ``int``/``Decimal`` for counts, numbers, money
and percentages known only as a percent, :class:`Ratio` for percentages with
numerator and denominator, ``str`` for qualitative indicators.
"""


@attrs.frozen
class Money:
    """An exact amount in an ISO 4217 currency."""

    amount: Decimal
    currency: str


@attrs.frozen
class Identifier:
    """An identifier of the programme in one scheme (``mptf_project``: ``00127216``)."""

    scheme: str
    id: str


@attrs.frozen
class Organisation:
    """An organisation taking part in the programme, referred to elsewhere by *id*."""

    id: str
    role: OrganisationRole
    name: str | None = None


@attrs.frozen
class Contribution:
    """A contribution to the programme budget."""

    source: ContributionSource
    amount: Money
    contributor: str | None = None


@attrs.frozen
class Budget:
    """The approved budget and the contributions to it."""

    total_approved: Money | None = None
    contributions: tuple[Contribution, ...] = ()


@attrs.frozen
class Dates:
    """
    The programme's dates.

    An extension is not stated but derived: the programme was extended when its
    actual end is after its original end; *extension_reason* says why.
    """

    start: datetime.date | None = None
    original_end: datetime.date | None = None
    actual_end: datetime.date | None = None
    extension_reason: str | None = None
    financial_closure: datetime.date | None = None
    operationally_closed: bool | None = None

    @property
    def end(self) -> datetime.date | None:
        """The end that holds, the actual end if known, else the original one."""
        return self.actual_end or self.original_end

    @property
    def extended(self) -> bool:
        """Whether the actual end is after the original end."""
        return (
            self.actual_end is not None
            and self.original_end is not None
            and self.actual_end > self.original_end
        )

    @property
    def duration(self) -> Period | None:
        """The period from start to the end that holds, if both are known."""
        end = self.end
        if self.start is None or end is None:
            return None
        return Period(self.start, end)


@attrs.frozen
class Evaluation:
    """The programme assessment, review or evaluation (MPTF cover page)."""

    completed: bool | None = None
    date: datetime.date | None = None
    report_attached: bool | None = None
    report_date: datetime.date | None = None


@attrs.frozen
class Contact:
    """Who submitted the report."""

    name: str
    title: str | None = None
    organisation: str | None = None
    email: str | None = None


@attrs.frozen
class Location:
    """A country, governorate or place, with an OCHA p-code when known."""

    name: str
    pcode: str | None = None


@attrs.frozen
class FrameworkLink:
    """
    A link to an element of an external framework.

    Written in files as ``framework:code``, e.g. ``sdg:10.7``, ``gcm:23``,
    ``iom-iraq-2022:1.3`` or ``undaf-iraq:A.2``.
    """

    framework: str
    code: str

    def __str__(self) -> str:
        return f"{self.framework}:{self.code}"


@attrs.frozen
class Dimension:
    """
    A disaggregation dimension a programme defines beyond the built-in ones.

    The built-in dimensions are ``sex``, ``age`` (categories are ranges such as
    ``18-30`` or ``60+``), ``disability``, ``population_group`` and ``location``.
    """

    id: str
    label: str | None = None
    categories: tuple[str, ...] = ()
    summable: bool = True
    """Whether the categories add up to the total (False for multiple-choice dimensions)."""


class Cell(NamedTuple):
    """
    One value of a breakdown, for one combination of categories.

    A named tuple rather than an attrs class: big portfolios hold millions of cells, and a
    tuple is built in half the time.
    """

    categories: tuple[tuple[str, str], ...]
    """Pairs of (dimension, category), in the breakdown's dimension order."""
    value: Value

    def category(self, dimension: str) -> str | None:
        """The category of *dimension* this cell is for."""
        for dim, cat in self.categories:
            if dim == dimension:
                return cat
        return None


@attrs.frozen
class Breakdown:
    """
    A value broken down by one or more dimensions.

    A *complete* breakdown covers every category, so its cells add up to the
    total; a partial one (``complete: false``, "of whom 868 women") does not.
    *explanation* says why a total legitimately differs from the sum of its
    breakdown (unique people against services delivered).
    """

    dimensions: tuple[str, ...]
    cells: tuple[Cell, ...]
    complete: bool = True
    explanation: str | None = None

    @overload
    @classmethod
    def by(
        cls,
        dimensions: str,
        values: Mapping[str, Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown: ...

    @overload
    @classmethod
    def by(
        cls,
        dimensions: Sequence[str],
        values: Mapping[tuple[str, ...], Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown: ...

    @classmethod
    def by(
        cls,
        dimensions: str | Sequence[str],
        values: Mapping[str, Value] | Mapping[tuple[str, ...], Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown:
        """
        A breakdown from its values keyed by category.

        ``Breakdown.by("sex", {"female": 80, "male": 91})``; across several dimensions, keys are
        tuples of categories in the order of *dimensions*:
        ``Breakdown.by(("sex", "age"), {("female", "18-24"): 40, ...})``.

        Raises:
            ValueError: if a key does not name one category per dimension.

        .. versionadded:: 0.1.0
        """
        dims = (dimensions,) if isinstance(dimensions, str) else tuple(dimensions)
        cells = []
        for key, value in values.items():
            categories = (key,) if isinstance(key, str) else tuple(key)
            if len(categories) != len(dims):
                raise ValueError(
                    f"the cell {key!r} needs one category for each of the dimensions {', '.join(dims)}"
                )
            cells.append(Cell(tuple(zip(dims, categories, strict=True)), value))
        return cls(dims, tuple(cells), complete, explanation)


@attrs.frozen
class Baseline:
    """The value before the programme; absent is not zero."""

    value: Value | None = None
    text: str | None = None
    """The baseline as the programme document writes it."""
    date: datetime.date | None = None
    year: int | None = None


@attrs.frozen
class Target:
    """
    A planned value: the end-of-programme target, or a milestone for a period.
    """

    value: Value | None = None
    text: str | None = None
    """The target as the programme document writes it ("4 Network meetings held")."""
    period: Period | None = None
    breakdowns: tuple[Breakdown, ...] = ()


@attrs.frozen
class Variance:
    """
    Why the achieved value differs from the planned target.

    A report that writes "None" states explicitly that there is nothing to explain;
    that text is kept as written.
    """

    reason: str
    category: VarianceCategory | None = None


@attrs.frozen
class Achieved:
    """What was achieved in one reporting period, as a report states it."""

    period: Period
    value: Value | None = None
    """The value; ``None`` when no data could be collected (never read as zero)."""
    narrative: str | None = None
    """The achievement as the report writes it ("6 Network meetings held. ...")."""
    variance: Variance | None = None
    source: str | None = None
    """The source of verification of this figure."""
    breakdowns: tuple[Breakdown, ...] = ()
    status: Status | None = None
    """The status the report states (qualitative indicators, activities not conducted)."""
    reported_by: str | None = None
    """The organisation that reported this value, when several report one indicator."""
    collected: datetime.date | None = None
    comment: str | None = None


@attrs.frozen(repr=False)
class Indicator:
    """An indicator with its baseline, targets and achieved values."""

    code: str
    statement: str
    measure: Measure
    unit: str | None = None
    direction: Direction = Direction.INCREASE
    accumulation: Accumulation = Accumulation.SUM
    currency: str | None = None
    """The ISO 4217 currency of a money indicator."""
    disaggregation: tuple[str, ...] = ()
    """The dimensions values must be broken down by."""
    means_of_verification: str | None = None
    """The planned means and source of verification."""
    responsible: tuple[str, ...] = ()
    baseline: Baseline | None = None
    target: Target | None = None
    milestones: tuple[Target, ...] = ()
    achieved: tuple[Achieved, ...] = ()
    links: tuple[FrameworkLink, ...] = ()

    def __repr__(self) -> str:
        values = len(self.achieved)
        return f"Indicator({self.code!r}, {_short(self.statement)!r}, {self.measure.value}, {values} values)"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import indicator_html  # noqa: PLC0415

        return indicator_html(self)


@attrs.frozen
class Activity:
    """An activity under an output."""

    code: str
    statement: str
    responsible: tuple[str, ...] = ()
    status: ActivityStatus | None = None
    status_reason: str | None = None
    narrative: str | None = None
    links: tuple[FrameworkLink, ...] = ()


@attrs.frozen
class Output:
    """An output: a result the programme is directly responsible for."""

    code: str
    statement: str
    responsible: tuple[str, ...] = ()
    narrative: str | None = None
    indicators: tuple[Indicator, ...] = ()
    activities: tuple[Activity, ...] = ()
    links: tuple[FrameworkLink, ...] = ()


@attrs.frozen
class Outcome:
    """An outcome: the higher-level change the programme contributes to."""

    code: str
    statement: str
    responsible: tuple[str, ...] = ()
    narrative: str | None = None
    indicators: tuple[Indicator, ...] = ()
    outputs: tuple[Output, ...] = ()
    links: tuple[FrameworkLink, ...] = ()


@attrs.frozen
class Impact:
    """The impact or goal above the outcomes, when the framework states one."""

    statement: str
    code: str | None = None
    narrative: str | None = None
    indicators: tuple[Indicator, ...] = ()
    links: tuple[FrameworkLink, ...] = ()


Result: TypeAlias = Impact | Outcome | Output

NodeKind: TypeAlias = Literal["impact", "outcome", "output", "activity", "indicator"]


class Node(NamedTuple):
    """
    One element of a programme's results framework, where it sits: what :meth:`Programme.walk` yields.

    .. versionadded:: 0.1.0
    """

    kind: NodeKind
    """``impact``, ``outcome``, ``output``, ``activity`` or ``indicator``."""
    path: tuple[str | int, ...]
    """Its field path in the file: ``("outcomes", 0, "outputs", 1, "indicators", 2)``."""
    item: Impact | Outcome | Output | Activity | Indicator
    outcome: Outcome | None = None
    """The outcome it sits under (itself, for an outcome)."""
    output: Output | None = None
    """The output it sits under (itself, for an output)."""


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@attrs.frozen(repr=False)
class Programme:
    """
    A programme and its results framework, as one report or plan states it.

    .. versionadded:: 0.1.0
    """

    title: str
    identifiers: tuple[Identifier, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    country: str | None = None
    localities: tuple[Location, ...] = ()
    priority_area: str | None = None
    budget: Budget | None = None
    dates: Dates | None = None
    reporting_periods: tuple[Period, ...] = ()
    evaluation: Evaluation | None = None
    submitted_by: Contact | None = None
    narrative: dict[str, str] = attrs.field(factory=dict, hash=False)
    """Free narrative sections keyed by name (``executive_summary``, ``purpose``, ...)."""
    dimensions: tuple[Dimension, ...] = ()
    links: tuple[FrameworkLink, ...] = ()
    impact: Impact | None = None
    outcomes: tuple[Outcome, ...] = ()

    def __repr__(self) -> str:
        indicators = sum(1 for _ in self.indicators())
        return f"Programme({_short(self.title)!r}, {len(self.outcomes)} outcomes, {indicators} indicators)"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import programme_html  # noqa: PLC0415

        return programme_html(self)

    def identifier(self, scheme: str) -> str | None:
        """The programme's identifier in *scheme*, if it has one."""
        for ident in self.identifiers:
            if ident.scheme == scheme:
                return ident.id
        return None

    def organisation(self, org_id: str) -> Organisation | None:
        """The participating organisation with id *org_id*."""
        for org in self.organisations:
            if org.id == org_id:
                return org
        return None

    def outputs(self) -> Iterator[tuple[Outcome, Output]]:
        """Every output with its outcome, in file order."""
        for outcome in self.outcomes:
            for output in outcome.outputs:
                yield outcome, output

    def results(self) -> Iterator[Result]:
        """The impact, every outcome and every output, top down in file order."""
        if self.impact is not None:
            yield self.impact
        for outcome in self.outcomes:
            yield outcome
            yield from outcome.outputs

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, top down in file order."""
        for result in self.results():
            yield from result.indicators

    def walk(self, *kinds: NodeKind) -> Iterator[Node]:
        """
        Every element of the results framework with its field path, top down in file order.

        The impact and its indicators; then each outcome, its indicators, and each of its outputs
        with the output's indicators and activities.  With *kinds*, only elements of those kinds:
        ``programme.walk("indicator")`` is every indicator with its path, outcome and output.
        Validation, assessment, the MPTF table and IATI all walk a programme this way.

        .. versionadded:: 0.1.0
        """
        every = not kinds
        impact = self.impact
        if impact is not None:
            if every or "impact" in kinds:
                yield Node("impact", ("impact",), impact)
            if every or "indicator" in kinds:
                for k, indicator in enumerate(impact.indicators):
                    yield Node("indicator", ("impact", "indicators", k), indicator)
        for i, outcome in enumerate(self.outcomes):
            at = ("outcomes", i)
            if every or "outcome" in kinds:
                yield Node("outcome", at, outcome, outcome)
            if every or "indicator" in kinds:
                for k, indicator in enumerate(outcome.indicators):
                    yield Node("indicator", (*at, "indicators", k), indicator, outcome)
            for j, output in enumerate(outcome.outputs):
                where = (*at, "outputs", j)
                if every or "output" in kinds:
                    yield Node("output", where, output, outcome, output)
                if every or "indicator" in kinds:
                    for k, indicator in enumerate(output.indicators):
                        yield Node("indicator", (*where, "indicators", k), indicator, outcome, output)
                if every or "activity" in kinds:
                    for k, activity in enumerate(output.activities):
                        yield Node("activity", (*where, "activities", k), activity, outcome, output)

    def placed_indicators(
        self,
    ) -> Iterator[tuple[tuple[str | int, ...], Outcome | None, Output | None, Indicator]]:
        """
        Every indicator with its field path (``outcomes[0].outputs[1].indicators[2]``), outcome and output.

        The impact's indicators come first, with neither outcome nor output.  The same as
        ``walk("indicator")``, as tuples.
        """
        for node in self.walk("indicator"):
            yield node.path, node.outcome, node.output, node.item  # type: ignore[misc]

    def indicator(self, code: str) -> Indicator:
        """
        The indicator with *code*.

        Raises:
            KeyError: if there is none.
        """
        codes = []
        for indicator in self.indicators():
            if indicator.code == code:
                return indicator
            codes.append(indicator.code)
        raise KeyError(no_such("indicator", code, codes))

    def activities(self) -> Iterator[tuple[Output, Activity]]:
        """Every activity with its output, in file order."""
        for _, output in self.outputs():
            for activity in output.activities:
                yield output, activity

    def with_achieved(self, code: str, *achieved: Achieved) -> Programme:
        """
        A copy of the programme with *achieved* recorded for indicator *code*.

        Each value replaces the indicator's value for the same period and reporter (a
        correction) or is added; the indicator's values stay in period order. The programme
        itself is not changed. A value for a period after the last of ``reporting_periods``
        only counts once that period is added to them (:func:`~resultsframework.validate`
        warns of it).

        Raises:
            KeyError: if the programme has no indicator *code*.

        .. versionadded:: 0.1.0
        """
        self.indicator(code)
        return record_values(self, {code: achieved})


def record_values(programme: Programme, updates: Mapping[str, Sequence[Achieved]]) -> Programme:
    """
    *programme* with the values in *updates* (indicator code -> values) recorded, in one pass.

    A value takes the place of the one with the same period and reporter; a value for a new
    period or reporter goes before the first value of a later period. The order of the other
    values is kept as written. Codes the programme does not have change nothing.
    """

    def key(record: Achieved) -> tuple[Period, str | None]:
        return record.period, record.reported_by

    def indicator(item: Indicator) -> Indicator:
        records = updates.get(item.code)
        if not records:
            return item
        new: dict[tuple[Period, str | None], list[Achieved]] = {}
        for record in records:
            new.setdefault(key(record), []).append(record)
        replaced = set(new)
        merged: list[Achieved] = []
        for record in item.achieved:
            if key(record) not in replaced:
                merged.append(record)
            else:  # the new values take the place of the first old one of their key
                merged.extend(new.pop(key(record), ()))
        for group in new.values():
            when = (group[0].period.start, group[0].period.end)
            at = next((i for i, r in enumerate(merged) if (r.period.start, r.period.end) > when), len(merged))
            merged[at:at] = group
        return attrs.evolve(item, achieved=tuple(merged))

    def output(item: Output) -> Output:
        return attrs.evolve(item, indicators=tuple(map(indicator, item.indicators)))

    def outcome(item: Outcome) -> Outcome:
        return attrs.evolve(
            item,
            indicators=tuple(map(indicator, item.indicators)),
            outputs=tuple(map(output, item.outputs)),
        )

    impact = programme.impact
    if impact is not None:
        impact = attrs.evolve(impact, indicators=tuple(map(indicator, impact.indicators)))
    return attrs.evolve(programme, impact=impact, outcomes=tuple(map(outcome, programme.outcomes)))
