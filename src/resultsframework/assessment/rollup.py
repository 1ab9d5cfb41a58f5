"""
Results by framework element: the figures of a portfolio summed up to pillars, outcomes and
catalogue indicators, not only counted by status.

**The rules** (``docs/concepts.md``, "Results by framework element", has worked examples):

* An element's contributions are the programme indicators linked to it or to an element below
  it, by the link inheritance of :mod:`~resultsframework.assessment.alignment` (an indicator
  without a link of its own counts where its output, outcome or programme links).  An
  indicator counts once under an element, however many of the codes below it it links to.
* Each indicator's own accumulation decides its contribution first, as
  :func:`~resultsframework.assess` computes it: increments are summed over periods, a running
  total or a level gives its latest value (per reporter), never a sum over periods.
* A total adds the contributions of one measure and one unit (and, for money, one currency):
  households and individuals stay apart, each in its own total, and a unit that is not the
  element's own is a diagnostic, never a sum.  Units are compared as written, ignoring case,
  spacing and a leading "# of" or "number of".
* Counts and amounts add; percentages pool their numerators and denominators, and are not
  aggregatable when a contribution is known only as a percent; yes/no counts how many are
  achieved (``Yes``) of those reported; qualitative texts are listed, never added.
* Breakdowns merge by category.  One that only some contributions have is kept partial: it
  covers :meth:`Total.broken_down` of the total, never scaled up to the whole.
* A figure in two units ("5,168 households (25,521 individuals)") counts in the total of its
  first unit; the total states the sum in the second unit too (:attr:`Total.second`) when every
  reported contribution gives its figure in that same unit, never from some of them only.
* A total is the sum of reported figures: where programmes reach the same people, it counts
  a person more than once.  Renderers say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import cast

import attrs

from ..core.diagnostics import Diagnostic, diagnostic
from ..core.disaggregation import add_whole_numbers, category_totals
from ..core.errors import Path, did_you_mean
from ..core.framework import Element, Framework
from ..core.memory import collector_paused
from ..core.model import Achieved, Indicator, Measure, Programme, Ratio, Value
from ..core.numbers import total, totals_by
from ..core.ordinal import Responses, responses
from ..core.periods import Period
from ..text.l10n import N_
from .alignment import effective_links
from .progress import Assessment, IndicatorAssessment, aggregate, assess, combined_records, in_second_unit

__all__ = ["ContributingIndicator", "ElementTotals", "RollUp", "Total", "roll_up", "unit_key"]


def unit_key(unit: str | None) -> str:
    """
    A unit as totals compare it: ``"# of Individuals "`` and ``"individuals"`` are one unit.

    Case, spacing and a leading "# of", "no. of" or "number of" do not count; words do
    (households are not individuals, and no unit is guessed to be another).
    """
    text = " ".join((unit or "").casefold().split())
    return _COUNTED.sub("", text)


_UNSET = object()
"""What a memo holds for a figure not yet computed (``None`` is a figure: there is none)."""

_COUNTED = re.compile(r"^(?:#|no\.?|number)\s*of\s+")


@attrs.frozen(eq=False)
class ContributingIndicator:
    """
    One programme indicator's figure for the elements it counts under.

    .. versionadded:: 0.1.0
    """

    programme: Programme
    """The programme the indicator belongs to."""
    indicator: Indicator
    """The indicator."""
    path: Path
    """The indicator's field path in its programme (``("outcomes", 0, "indicators", 1)``)."""
    codes: tuple[str, ...]
    """The framework codes it counts under (its own links, or inherited ones)."""
    inherited: bool
    """Whether the codes come from a result above the indicator."""
    value: Value | None
    """Its figure as of the roll-up's date, by its own accumulation (``None``: nothing reported,
    or values that cannot be combined, as :attr:`aggregatable` says)."""
    records: tuple[Achieved, ...]
    """The achieved values that make the figure (one per period and reporter, as combined)."""
    aggregatable: bool = True
    """Whether its values over periods could be combined (not: percentages known only as a percent)."""
    _memo: dict[tuple[str, str], object] = attrs.field(factory=dict, init=False, repr=False)
    """Breakdowns already computed, by what and dimension: an element and the elements above it
    ask each contribution for the same ones."""

    @property
    def measure(self) -> Measure:
        """The indicator's measure."""
        return self.indicator.measure

    @property
    def unit(self) -> str | None:
        """The indicator's unit, as written."""
        return self.indicator.unit

    @property
    def reported(self) -> bool:
        """Whether it has a figure."""
        return self.value is not None

    @property
    def second_unit(self) -> str | None:
        """The indicator's second unit, as written (the individuals of "5,168 households")."""
        return self.indicator.second_unit

    @property
    def second(self) -> int | Decimal | None:
        """
        The figure in the :attr:`second_unit` ("(25,521 individuals)"), combined as :attr:`value`
        is: ``None`` without a figure, or when a value counted does not state it.
        """
        found = self._memo.get(("second", ""), _UNSET)
        if found is _UNSET:
            found = in_second_unit(self.indicator, self.records) if self.value is not None else None
            self._memo["second", ""] = found
        return cast("int | Decimal | None", found)

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The dimensions its values are broken down by, in the order first met."""
        found = self._memo.get(("dimensions", ""))
        if found is None:
            found = tuple(dict.fromkeys(d for r in self.records for b in r.breakdowns for d in b.dimensions))
            self._memo["dimensions", ""] = found
        return cast(tuple[str, ...], found)

    def breakdown(self, dimension: str) -> dict[str, Value]:
        """Category → value of one *dimension*, merged over its values (partial if some lack it)."""
        return dict(self._merged(dimension))  # a copy: the caller may change it

    def _merged(self, dimension: str) -> dict[str, Value]:
        """:meth:`breakdown`, computed once (the one a total merges: never to be changed)."""
        found = self._memo.get(("breakdown", dimension))
        if found is None:
            counted = _whole_numbers_by(self.records, dimension)
            if counted is not None:  # the usual case: the margins added as they come
                found, covered = counted
                self._memo["covered", dimension] = covered
            else:
                found = _merge(self._margins_of(dimension))
            self._memo["breakdown", dimension] = found
        return cast(dict[str, Value], found)

    def broken_down(self, dimension: str) -> Value | None:
        """The part of :attr:`value` that :meth:`breakdown` covers: the values that have it."""
        key = ("broken_down", dimension)
        if key not in self._memo:
            self._merged(dimension)
            covered = self._memo.get(("covered", dimension))
            if covered is None:
                covered = tuple(bool(m) for m in self._margins_of(dimension))
            kept = [r.value for r, c in zip(self.records, cast(tuple[bool, ...], covered), strict=True) if c]
            self._memo[key] = _sum_values(kept)
        return cast("Value | None", self._memo[key])

    def _margins_of(self, dimension: str) -> tuple[dict[str, Value], ...]:
        """Each value's totals per category of *dimension*, computed once."""
        found = self._memo.get(("margins", dimension))
        if found is None:
            found = self._memo["margins", dimension] = tuple(_margins(r, dimension) for r in self.records)
        return cast(tuple[dict[str, Value], ...], found)

    @property
    def narrative(self) -> str | None:
        """The narratives of its values, in order of their periods (one per line)."""
        told = list(dict.fromkeys(r.narrative for r in self.records if r.narrative))
        return "\n".join(told) or None

    @property
    def source(self) -> str | None:
        """The sources of its values, else the indicator's means of verification."""
        sources = list(dict.fromkeys(r.source for r in self.records if r.source))
        return "\n".join(sources) or self.indicator.means_of_verification

    def __repr__(self) -> str:
        return f"ContributingIndicator({self.programme.title!r}, {self.indicator.code!r}, {self.value!r})"

    @classmethod
    def of(
        cls,
        programme: Programme,
        judged: IndicatorAssessment,
        path: Path = (),
        codes: tuple[str, ...] = (),
        inherited: bool = False,
    ) -> ContributingIndicator:
        """An assessed indicator's figure: its overall value and the values that make it."""
        records = combined_records(judged.indicator, judged.records)
        return cls(
            programme, judged.indicator, path, codes, inherited, judged.overall.achieved, tuple(records),
            judged.overall.aggregatable,
        )  # fmt: skip


def _margins(record: Achieved, dimension: str) -> dict[str, Value]:
    """A value's total per category of *dimension*, from its first breakdown that has it."""
    for breakdown in record.breakdowns:
        if dimension in breakdown.dimensions:
            totals = category_totals(breakdown, dimension)
            if None not in totals.values():  # the usual case: every category added
                return cast(dict[str, Value], totals)
            return {c: v for c, v in totals.items() if v is not None}
    return {}


def _whole_numbers_by(
    records: Sequence[Achieved], dimension: str
) -> tuple[dict[str, int], tuple[bool, ...]] | None:
    """
    What merging the values' margins by *dimension* gives (see :func:`_margins`) when every cell
    it reads is a whole number: the totals per category, and for each value whether it has a
    margin; ``None`` otherwise.  In one pass, without a margin per value.
    """
    counts: dict[str, int] = {}
    covered = []
    for record in records:
        for breakdown in record.breakdowns:
            if dimension in breakdown.dimensions:
                break
        else:
            covered.append(False)
            continue
        found = add_whole_numbers(breakdown, dimension, counts)
        if found is None:
            return None
        covered.append(found)
    return counts, tuple(covered)


def _merge(parts: Iterable[dict[str, Value]]) -> dict[str, Value]:
    merged = totals_by([pair for part in parts for pair in part.items()])
    if None not in merged.values():  # the usual case: every category added
        return cast(dict[str, Value], merged)
    return {category: value for category, value in merged.items() if value is not None}


def _second_total(reported: Sequence[ContributingIndicator]) -> int | Decimal | None:
    """The contributions' figures in their second unit added, when all state one in the same unit."""
    seconds = [c.second for c in reported]
    units = {unit_key(c.second_unit) for c in reported}
    if not seconds or any(s is None for s in seconds) or len(units) != 1:
        return None
    added = total(seconds)  # type: ignore[arg-type]  # every one a number
    return added if isinstance(added, int | Decimal) else None


def _sum_values(values: Sequence[Value | None]) -> Value | None:
    present = [v for v in values if v is not None]
    return total(present) if present else None


@attrs.frozen(eq=False)
class Total:
    """
    The sum of the reported figures of one measure and unit under an element.

    It may count a person more than once, where programmes reach the same people.

    .. versionadded:: 0.1.0
    """

    measure: Measure
    """The measure of every contribution."""
    unit: str | None
    """The unit, as the first contribution writes it."""
    value: Value | None
    """The sum: a count or amount; for percentages the pooled ratio; for yes/no how many are
    achieved (of :attr:`count` reported); ``None`` where it is not aggregatable."""
    contributions: tuple[ContributingIndicator, ...]
    """Which programme and indicator gave what, reported or not."""
    currency: str | None = None
    """The currency, for money."""
    notes: tuple[str, ...] = ()
    """Why the total is incomplete or not aggregatable, in words (translatable)."""
    _memo: dict[tuple[str, str], object] = attrs.field(factory=dict, init=False, repr=False)
    """Breakdowns already computed, by what and dimension (tables ask for each more than once)."""

    @property
    def aggregatable(self) -> bool:
        """Whether the reported figures could be summed."""
        return self.value is not None or not self.reported

    @property
    def reported(self) -> tuple[ContributingIndicator, ...]:
        """The contributions with a figure."""
        return tuple(c for c in self.contributions if c.value is not None)

    @property
    def count(self) -> int:
        """How many contributions have a figure (for yes/no: the statements reported)."""
        return len(self.reported)

    @property
    def second_unit(self) -> str | None:
        """The unit of :attr:`second`, as the first contribution writes it (``None`` without it)."""
        return self.reported[0].second_unit if self.second is not None else None

    @property
    def second(self) -> int | Decimal | None:
        """
        The sum in a second unit, when every reported contribution states its figure in the same
        one ("10,336 households (51,042 individuals)"); ``None`` otherwise: a total in a second
        unit is never made of some contributions' figures only.
        """
        found = self._memo.get(("second", ""), _UNSET)
        if found is _UNSET:
            found = _second_total(self.reported) if self.value is not None else None
            self._memo["second", ""] = found
        return cast("int | Decimal | None", found)

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The dimensions any contribution is broken down by, in the order first met."""
        found = self._memo.get(("dimensions", ""))
        if found is None:
            found = self._memo["dimensions", ""] = tuple(
                dict.fromkeys(d for c in self.reported for d in c.dimensions)
            )
        return cast(tuple[str, ...], found)

    def breakdown(self, dimension: str) -> dict[str, Value]:
        """Category → value of one *dimension*, merged over the contributions (partial if some lack it)."""
        if self.measure is Measure.YES_NO or not self.aggregatable:
            return {}
        found = self._memo.get(("breakdown", dimension))
        if found is None:
            found = self._memo["breakdown", dimension] = _merge(c._merged(dimension) for c in self.reported)
        return dict(cast(dict[str, Value], found))  # a copy: the caller may change it

    def broken_down(self, dimension: str) -> Value | None:
        """The part of :attr:`value` the breakdown by *dimension* covers (all of it when complete)."""
        if self.measure is Measure.YES_NO or not self.aggregatable:
            return None
        key = ("broken_down", dimension)
        if key not in self._memo:
            self._memo[key] = _sum_values([c.broken_down(dimension) for c in self.reported])
        return cast("Value | None", self._memo[key])

    def partial(self, dimension: str) -> bool:
        """Whether the breakdown by *dimension* covers only part of the total."""
        covered = self.broken_down(dimension)
        return covered is not None and covered != self.value

    def __repr__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"Total({self.value!r}{unit}, {self.measure.value}, {self.count} reported)"


@attrs.frozen(eq=False)
class ElementTotals(Sequence[Total]):
    """
    What a framework element's contributions add up to: a :class:`Total` per measure and unit.

    It is a sequence of its totals (``roll_up["1"][0].value``); :meth:`total` finds one by unit.

    .. versionadded:: 0.1.0
    """

    element: Element
    """The framework element."""
    totals: tuple[Total, ...]
    """One per measure and unit (and currency), in the order first met."""
    contributions: tuple[ContributingIndicator, ...]
    """Every indicator counting under it (or below it), in programme order."""

    @property
    def code(self) -> str:
        """The element's code."""
        return self.element.code

    def __getitem__(self, index: int) -> Total:  # type: ignore[override]
        return self.totals[index]

    def __len__(self) -> int:
        return len(self.totals)

    def __iter__(self) -> Iterator[Total]:
        return iter(self.totals)

    def total(self, unit: str | None = None, measure: Measure | str | None = None) -> Total:
        """
        The one total in *unit* (and of *measure*): ``roll_up["1"].total("individuals")``.

        Raises:
            KeyError: no total, or several, match.
        """
        wanted = [
            t for t in self.totals
            if (unit is None or unit_key(t.unit) == unit_key(unit))
            and (measure is None or t.measure is Measure(measure))
        ]  # fmt: skip
        if len(wanted) != 1:
            units = ", ".join(repr(t.unit) for t in self.totals) or "none"
            how = "no total" if not wanted else f"{len(wanted)} totals"
            raise KeyError(f"{how} of {self.code} in {unit!r}; its totals' units: {units}")
        return wanted[0]

    def __repr__(self) -> str:
        return f"ElementTotals({self.code!r}, {list(self.totals)!r})"


@attrs.frozen(eq=False)
class RollUp(Mapping[str, ElementTotals]):
    """
    A portfolio's figures rolled up into a framework's elements: ``roll_up[code]``.

    Iterating gives the codes of the elements shown (those of :attr:`level`, else every
    element with contributions, top down); any element of the framework can be looked up.

    .. versionadded:: 0.1.0
    """

    framework: Framework
    """The framework rolled up into."""
    programmes: tuple[Programme, ...]
    """The programmes, in the order given."""
    level: str | None
    """The level shown, or ``None`` for every element with contributions."""
    as_of: date | None
    """The date figures are taken as of (``None``: every value reported)."""
    period: Period | None
    """The one period whose values count, if one was given."""
    contributions: tuple[ContributingIndicator, ...]
    """Every indicator of every programme, with its figure and the codes it counts under."""
    diagnostics: tuple[Diagnostic, ...]
    """What does not add up: units that are not an element's own, amounts in several currencies."""
    _by_code: dict[str, ElementTotals] = attrs.field(repr=False)
    _shown: tuple[str, ...] = attrs.field(repr=False)

    def __getitem__(self, code: str) -> ElementTotals:
        found = self._by_code.get(code)
        if found is not None:
            return found
        element = self.framework.get(code)
        if element is None:
            nearest = did_you_mean(str(code), [e.code for e in self.framework.elements])
            raise KeyError(f"the framework {self.framework.id!r} has no element {code!r}{nearest}")
        return ElementTotals(element, (), ())

    def __iter__(self) -> Iterator[str]:
        return iter(self._shown)

    def __len__(self) -> int:
        return len(self._shown)

    def __contains__(self, code: object) -> bool:
        return code in self._shown

    def unlinked(self) -> list[ContributingIndicator]:
        """The contributions linked to no element of the framework, not even through their results."""
        return [c for c in self.contributions if not c.codes]

    def __repr__(self) -> str:
        return (
            f"RollUp({self.framework.id!r}, {len(self.programmes)} programmes, "
            f"{len(self._shown)} elements, {len(self.diagnostics)} diagnostics)"
        )


def roll_up(
    programmes: Programme | Iterable[Programme],
    framework: str | Framework = "iom-iraq-2022",
    *,
    level: str | None = None,
    as_of: date | str | None = None,
    period: Period | str | None = None,
    assessments: Iterable[Assessment] | None = None,
) -> RollUp:
    """
    Sum a portfolio's figures up to the elements of a framework.

    Args:
        programmes: One programme or several.
        framework: A framework or the id of a known one.
        level: The level whose elements are shown (``pillar``, ``outcome``); default: every
            element with contributions, top down.
        as_of: Only values of periods begun by this date count (default: every value).
        period: Only the values of this one period count (``2025Q2``: a working group's
            quarter summed across partners); each indicator's values in it combine as usual.
        assessments: Assessments to take the figures from, one per programme, in order
            (by default each programme is assessed as of *as_of*).

    Raises:
        KeyError: no such framework, or *level* is not one of its levels.

    .. versionadded:: 0.1.0
    """
    from ..io import frameworks  # noqa: PLC0415

    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    if level is not None and level not in fw.levels:
        raise KeyError(
            f"the framework {fw.id!r} has no level {level!r}{did_you_mean(level, fw.levels)}; "
            f"its levels: {', '.join(fw.levels)}"
        )
    with collector_paused():  # a portfolio in memory: see collector_paused
        return _roll_up(programmes, fw, level=level, as_of=as_of, period=period, assessments=assessments)


def _roll_up(
    programmes: Programme | Iterable[Programme],
    fw: Framework,
    *,
    level: str | None,
    as_of: date | str | None,
    period: Period | str | None,
    assessments: Iterable[Assessment] | None,
) -> RollUp:
    portfolio = (programmes,) if isinstance(programmes, Programme) else tuple(programmes)
    given = list(assessments) if assessments is not None else [assess(p, as_of) for p in portfolio]
    only = Period.parse(period) if isinstance(period, str) else period
    contributions: list[ContributingIndicator] = []
    for programme, assessment in zip(portfolio, given, strict=True):
        for node, codes, inherited in effective_links(programme, fw.id):
            indicator = cast(Indicator, node.item)
            judged = assessment.of(indicator)
            value, aggregatable = judged.overall.achieved, judged.overall.aggregatable
            records: Sequence[Achieved] = judged.records
            if only is not None:
                records = [r for r in records if r.period == only]
                value, aggregatable, _notes = aggregate(indicator, records)
            # The values the figure is made of; without any, those that say why (not conducted).
            chosen = combined_records(indicator, records) or [
                r for r in records if r.value is None and (r.narrative or r.status or r.variance)
            ]
            contributions.append(ContributingIndicator(
                programme, indicator, node.path, codes, inherited, value, tuple(chosen), aggregatable,
            ))  # fmt: skip
    by_code, diagnostics = _elements(fw, contributions)
    shown = tuple(
        e.code for e in _top_down(fw) if (e.level == level if level is not None else e.code in by_code)
    )
    when = given[0].as_of if as_of is not None and given else None
    return RollUp(fw, portfolio, level, when, only, tuple(contributions), tuple(diagnostics), by_code, shown)


def _top_down(framework: Framework) -> Iterator[Element]:
    def walk(parent: str | None) -> Iterator[Element]:
        for element in framework.children(parent):
            yield element
            yield from walk(element.code)

    return walk(None)


def _elements(
    framework: Framework, contributions: list[ContributingIndicator]
) -> tuple[dict[str, ElementTotals], list[Diagnostic]]:
    """Each element's contributions (its own and those below it, each once) and totals."""
    chains: dict[str, tuple[str, ...]] = {}

    def chain(code: str) -> tuple[str, ...]:
        found = chains.get(code)
        if found is None:
            element = framework.get(code)
            found = (code, *(chain(element.parent) if element and element.parent else ()))
            chains[code] = found
        return found

    under: dict[str, list[ContributingIndicator]] = {}
    for contribution in contributions:
        for code in dict.fromkeys(c for own in contribution.codes if own in framework for c in chain(own)):
            under.setdefault(code, []).append(contribution)
    by_code: dict[str, ElementTotals] = {}
    diagnostics: list[Diagnostic] = []
    for element in _top_down(framework):
        mine = under.get(element.code)
        if not mine:
            continue
        totals = tuple(_total(group) for group in _groups(mine).values())
        by_code[element.code] = ElementTotals(element, totals, tuple(mine))
        diagnostics += _unit_diagnostics(element, mine, totals)
    return by_code, diagnostics


_Group = tuple[Measure, str, str | None]
"""What a total is of: a measure, a unit (as compared) and, for money, a currency (for an ordinal
indicator, its scale: answers are pooled only on the same question's scale)."""


def _groups(contributions: list[ContributingIndicator]) -> dict[_Group, list[ContributingIndicator]]:
    groups: dict[_Group, list[ContributingIndicator]] = {}
    for c in contributions:
        currency = c.indicator.currency if c.measure is Measure.MONEY else None
        if c.measure is Measure.ORDINAL:
            currency = repr(c.indicator.scale)
        groups.setdefault((c.measure, unit_key(c.unit), currency), []).append(c)
    return groups


def _total(group: list[ContributingIndicator]) -> Total:
    first = group[0]
    currency = first.indicator.currency if first.measure is Measure.MONEY else None
    reported = [c for c in group if c.value is not None]
    notes: list[str] = []
    if any(not c.aggregatable for c in group):
        notes.append(N_("an indicator's values over periods cannot be combined; it is left out"))
    value: Value | None
    if first.measure is Measure.YES_NO:
        value = sum(1 for c in reported if c.value is True)
    elif first.measure is Measure.QUALITATIVE:
        value = None
        if reported:
            notes.append(N_("texts are listed, not added"))
    elif first.measure is Measure.ORDINAL:  # shares and means are not added: the answers are pooled
        value = _pooled_answers(reported, notes)
    else:
        values = [c.value for c in reported if c.value is not None]
        ratios = first.measure is Measure.PERCENTAGE or any(isinstance(v, Ratio) for v in values)
        if len(values) > 1 and ratios and not all(isinstance(v, Ratio) for v in values):
            value = None
            notes.append(
                N_("percentages known only as a percent cannot be added; give numerators and denominators")
            )
        else:
            value = total(values) if values else None
            if values and value is None:
                notes.append(N_("values of different kinds cannot be added"))
    return Total(first.measure, first.unit, value, tuple(group), currency, tuple(notes))


def _pooled_answers(reported: list[ContributingIndicator], notes: list[str]) -> Value | None:
    """
    The figure of ordinal indicators on one scale taken together: their respondents of each
    answer added, then the top box's share (a ratio) or the mean score, as the scale says.
    """
    answered = [responses(c.indicator, c.records) for c in reported]
    found = [a for a in answered if a is not None]
    if not found:
        return None
    if len(found) < len(answered):
        notes.append(N_("an ordinal indicator without its answers per option is left out"))
    pooled = Responses(found[0].scale, tuple(map(sum, zip(*(a.counts for a in found), strict=True))))
    if len(found) > 1:
        notes.append(N_("the answers are pooled: the figure is that of all their respondents"))
    return pooled.figure


def _unit_diagnostics(
    element: Element, mine: list[ContributingIndicator], totals: tuple[Total, ...]
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if element.unit:
        for c in mine:
            if element.code in c.codes and unit_key(c.unit) != unit_key(element.unit):
                found.append(diagnostic(
                    "rollup-unit", (*c.path, "unit"),
                    f"{c.programme.title}, indicator {c.indicator.code}: the unit is {c.unit!r}, "
                    f"{element.code}'s is {element.unit!r}; its figure is kept in a total of its own",
                ))  # fmt: skip
    money = [t for t in totals if t.measure is Measure.MONEY and t.reported]
    if len({t.currency for t in money}) > 1:
        amounts = ", ".join(sorted({t.currency or "no currency" for t in money}))
        found.append(diagnostic(
            "rollup-currencies", (),
            f"{element.code}: amounts in {amounts} are kept apart, never added or converted",
        ))  # fmt: skip
    return found
