"""
Figures that are parts of other figures, and shares known only as a percent.

A report writes "11,729 persons protected, of whom 1,148 received case management", a chain
of referrals "379 referred, 252 of them assisted, 214 of those followed up", or "83.67% of the
7,309 families".  An indicator says which indicator's figure its own is part of
(:attr:`Indicator.part_of <resultsframework.Indicator.part_of>`); a percentage known only as a
percent may state the whole it is a share of (``denominator``), or take it from the indicator
it is part of.  Validation checks parts against their wholes and shares against whole numbers;
the tables show them together ("1,148 of the 11,729").  Both use this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

import attrs

from ..core.model import Indicator, Measure, Programme, Qualifier, Value
from ..core.numbers import CONTEXT, is_number
from ..core.periods import Period
from .progress import Assessment, IndicatorAssessment

__all__ = ["Share", "compatible", "exceeds", "part_chain", "share", "whole_figure", "whole_of"]


def compatible(part: Indicator, whole: Indicator) -> str | None:
    """
    Why *part*'s figure cannot be part of *whole*'s, or ``None`` when it can.

    A count is part of a count, a number of a number, an amount of an amount in the same
    currency; a percentage's percent is a share of a count or a number.  Yes/no and
    qualitative figures are parts of nothing, and nothing is part of them.
    """
    if part.measure is Measure.PERCENTAGE:
        if whole.measure in (Measure.COUNT, Measure.NUMBER):
            return None
        return f"a percentage is a share of a count or a number, not of a {whole.measure.value} indicator"
    if part.measure in (Measure.YES_NO, Measure.QUALITATIVE):
        return f"a {part.measure.value} indicator's figure is part of nothing"
    if part.measure is not whole.measure:
        return (
            f"a {part.measure.value} is part of a {part.measure.value}, not of a {whole.measure.value} "
            "(a percentage may be a share of a count)"
        )
    if part.measure is Measure.MONEY and part.currency != whole.currency:
        return f"an amount in {part.currency} is not part of an amount in {whole.currency}"
    return None


def part_chain(programme: Programme, indicator: Indicator) -> tuple[Indicator, ...]:
    """
    The wholes *indicator* is part of, nearest first: for 214 followed up of 252 assisted of 379
    referred, the indicators of 252 and of 379.

    The chain stops at a code no indicator has, and before it would come back to an indicator
    already in it (a cycle, which :func:`~resultsframework.validate` refuses).
    """
    by_code: dict[str, Indicator] = {}
    for item in programme.indicators():
        by_code.setdefault(item.code, item)
    chain: list[Indicator] = []
    seen = {id(indicator)}
    current = indicator
    while current.part_of is not None:
        whole = by_code.get(current.part_of)
        if whole is None or id(whole) in seen:
            break
        chain.append(whole)
        seen.add(id(whole))
        current = whole
    return tuple(chain)


def whole_of(assessment: Assessment, item: IndicatorAssessment) -> IndicatorAssessment | None:
    """
    The assessment of the indicator *item*'s figure is part of, when it names one the programme
    has, whose measure it fits (see :func:`compatible`), and that is not itself.
    """
    code = item.indicator.part_of
    if code is None or code not in assessment or code == item.code:
        return None
    whole = assessment[code]
    return whole if compatible(item.indicator, whole.indicator) is None else None


def whole_figure(whole: IndicatorAssessment, period: Period | None) -> Value | None:
    """The whole's achieved figure for *period* (``None``: over the whole programme), if known."""
    if period is None:
        return whole.overall.achieved
    progress = next((p for p in whole.periods if p.period == period), None)
    return progress.achieved if progress is not None else None


def _lower(value: Decimal, qualifier: Qualifier | None) -> tuple[Decimal, bool] | None:
    """The least a figure can be, and whether it is above it ("more than"); ``None``: unknown."""
    if qualifier is None or qualifier is Qualifier.AT_LEAST:
        return value, False
    if qualifier is Qualifier.MORE_THAN:
        return value, True
    return None


def _upper(value: Decimal, qualifier: Qualifier | None) -> Decimal | None:
    """The most a figure can be; ``None`` when it is unbounded or approximate."""
    return value if qualifier in (None, Qualifier.UP_TO) else None


def exceeds(
    part: Value | None,
    whole: Value | None,
    part_qualifier: Qualifier | None = None,
    whole_qualifier: Qualifier | None = None,
) -> bool:
    """
    Whether the figure *part* is proved larger than the figure *whole*, as they are stated.

    Exact figures compare as they are; a bound proves only what it bounds ("more than 300" is
    larger than "up to 300", "at least 300" is not larger than "more than 200"), and an
    approximation ("around") proves nothing.
    """
    if not is_number(part) or not is_number(whole):
        return False
    low = _lower(Decimal(part), part_qualifier)  # type: ignore[arg-type]
    high = _upper(Decimal(whole), whole_qualifier)  # type: ignore[arg-type]
    if low is None or high is None:
        return False
    least, strict = low
    return least > high or (strict and least == high)


@attrs.frozen
class Share:
    """
    A percent of a whole whose part is not stated: 83.67% of 7,309.

    A percent stated to two decimals stands for any share that rounds to it (83.665% to
    83.675%), so the part is any whole number in :attr:`low` to :attr:`high`.
    """

    percent: Decimal
    """The percent as stated (``Decimal('83.67')``)."""
    whole: int | Decimal
    """The whole it is a share of (``7309``)."""

    @property
    def places(self) -> int:
        """The decimals the percent is stated to (``2`` for 83.67, ``0`` for 50)."""
        exponent = self.percent.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    @property
    def part(self) -> Decimal:
        """The part the percent gives exactly: 6,115.4403 of 7,309 at 83.67%."""
        return CONTEXT.divide(self.percent * self.whole, Decimal(100))

    def _bound(self, sign: int) -> Decimal:
        half = Decimal(5).scaleb(-(self.places + 1))
        return CONTEXT.divide((self.percent + sign * half) * self.whole, Decimal(100))

    @property
    def low(self) -> Decimal:
        """The least part that rounds to the percent as stated (83.665% of 7,309: 6,115.07)."""
        return self._bound(-1)

    @property
    def high(self) -> Decimal:
        """The largest part that rounds to the percent as stated (83.675% of 7,309: 6,115.80)."""
        return self._bound(1)

    def counts(self) -> range:
        """The whole numbers the part can be (empty when none gives the percent as stated)."""
        return range(math.ceil(self.low), math.floor(self.high) + 1)

    def percent_of(self, count: int) -> Decimal:
        """The percent *count* is of the whole, rounded to the decimals the percent is stated to."""
        exact = CONTEXT.divide(Decimal(count) * 100, Decimal(self.whole))
        return exact.quantize(Decimal(1).scaleb(-self.places), context=CONTEXT)

    def neighbours(self) -> Iterator[int]:
        """The whole numbers on either side of the exact part: 6,115 and 6,116."""
        below = math.floor(self.part)
        yield from (n for n in (below, below + 1) if 0 <= n <= self.whole)


def share(percent: Value | None, whole: Value | None) -> Share | None:
    """The :class:`Share` *percent* is of *whole*, when both are numbers and the whole above 0."""
    if not is_number(percent) or not is_number(whole) or whole <= 0:  # type: ignore[operator]
        return None
    return Share(Decimal(percent), whole)  # type: ignore[arg-type]
