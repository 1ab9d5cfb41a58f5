"""
Disaggregation: built-in dimensions, totals from breakdowns, shares, consistency.

A breakdown's cells are values for combinations of categories.  Only complete
breakdowns of summable dimensions add up to the total; a partial breakdown ("of
whom 868 women") only may not exceed it.  Missing cells are never zeros.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import cast

import attrs

from .diagnostics import Diagnostic, diagnostic
from .errors import Path
from .model import Breakdown, Dimension, Ratio, Value
from .numbers import divide, is_number, numeric, total, totals_by

__all__ = [
    "BUILTIN_DIMENSIONS",
    "AgeRange",
    "breakdown_total",
    "category_totals",
    "check_breakdown",
    "shares",
]

BUILTIN_DIMENSIONS: Mapping[str, Dimension] = {
    "sex": Dimension("sex", "Sex", ("female", "male", "other", "unknown")),
    "age": Dimension("age", "Age"),
    "disability": Dimension("disability", "Disability", ("with_disability", "without_disability", "unknown")),
    "population_group": Dimension(
        "population_group",
        "Population group",
        ("idp", "returnee", "host_community", "refugee", "migrant", "stateless", "other"),
    ),
    "location": Dimension("location", "Location"),
}
"""
The dimensions every programme knows.  ``age`` categories are ranges
(:class:`AgeRange`); ``location`` categories are any place names or p-codes.
"""

_AGE = re.compile(r"^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})$|^(\d{1,3})\s*\+$")


@attrs.frozen
class AgeRange:
    """
    An age range in whole years, both ends included; ``maximum`` is ``None`` for "60+".

    .. versionadded:: 0.1.0
    """

    minimum: int
    """The youngest age in the range, in whole years."""
    maximum: int | None
    """The oldest age in the range, included; ``None`` for an open range ("60+")."""

    @classmethod
    def parse(cls, text: str) -> AgeRange:
        """Read ``"18-30"`` or ``"60+"``; raise :class:`ValueError` otherwise."""
        m = _AGE.match(text.strip())
        if m is None:
            raise ValueError(f"an age category is a range such as '18-30' or '60+', not {text!r}")
        if m.group(3) is not None:
            return cls(int(m.group(3)), None)
        low, high = int(m.group(1)), int(m.group(2))
        if high < low:
            raise ValueError(f"the age range {text!r} ends before it starts")
        return cls(low, high)

    def __str__(self) -> str:
        return f"{self.minimum}+" if self.maximum is None else f"{self.minimum}-{self.maximum}"


def breakdown_total(breakdown: Breakdown) -> Value | None:
    """The sum of all cells (ratios pooled), or ``None`` if they cannot be added."""
    return total(cell.value for cell in breakdown.cells)


def category_totals(breakdown: Breakdown, dimension: str) -> dict[str, Value | None]:
    """
    The total per category of one *dimension* (a margin of a cross-tabulation).

    For a breakdown by sex and age, ``category_totals(b, "sex")`` adds the age
    cells of each sex.
    """
    counts: dict[str, int] = {}
    if add_whole_numbers(breakdown, dimension, counts) is not None:  # the usual case
        return cast("dict[str, Value | None]", counts)
    pairs = []
    for categories, value in breakdown.cells:
        for dim, category in categories:
            if dim == dimension:
                pairs.append((category, value))
                break
    return totals_by(pairs)


def add_whole_numbers(breakdown: Breakdown, dimension: str, counts: dict[str, int]) -> bool | None:
    """
    Add the breakdown's cells into *counts*, per category of *dimension*, when every cell is a
    whole number (the usual case: added as they come); whether a cell has the dimension.
    ``None``, *counts* left half added, when a cell is not a whole number: the caller then adds
    them by :func:`~resultsframework.core.numbers.totals_by`, as the values they are.
    """
    found = False
    for categories, value in breakdown.cells:
        if type(value) is not int:
            return None
        for dim, category in categories:
            if dim == dimension:
                counts[category] = counts.get(category, 0) + value
                found = True
                break
    return found


def shares(breakdown: Breakdown, dimension: str, of: Value | None = None) -> dict[str, Decimal | None]:
    """
    Each category's share of the total, as a fraction (``Decimal('0.32')`` is 32 %).

    *of* is the total to divide by; by default the breakdown's own total.
    """
    whole = numeric(of if of is not None else breakdown_total(breakdown))
    result: dict[str, Decimal | None] = {}
    for category, value in category_totals(breakdown, dimension).items():
        part = numeric(value)
        result[category] = None if part is None or whole is None else divide(part, whole)
    return result


def check_breakdown(
    total_value: Value | None, breakdown: Breakdown, *, summable: bool = True
) -> list[Diagnostic]:
    """
    What is inconsistent between a reported total and one of its breakdowns.

    A complete breakdown of summable dimensions must add up to the total; no
    breakdown may hold a cell larger than the total, nor (when partial) add up
    to more than it.  Returns one ``breakdown-total`` error per inconsistency,
    its path relative to the breakdown: ``("cells", 2)`` for the third cell,
    ``()`` for the breakdown's sum.  Empty when there is none or when the values
    are not numbers.

    >>> b = Breakdown.by("sex", {"female": 13271, "male": 12249})
    >>> for found in check_breakdown(13000, b):
    ...     print(found)
    cells[0]: error [breakdown-total] the cell sex=female (13271) is larger than the total 13000
    $: error [breakdown-total] the breakdown adds up to 25520 (13271 + 12249), not the reported total 13000

    :func:`~resultsframework.validate` checks every breakdown so, with the breakdown's path
    before these.

    .. versionchanged:: 0.1.0
       Returns diagnostics rather than messages.
    """
    if not (is_number(total_value) or isinstance(total_value, Ratio)):
        return []
    problems: list[Diagnostic] = []

    def add(path: Path, message: str) -> None:
        problems.append(diagnostic("breakdown-total", path, message))

    cells = [c.value for c in breakdown.cells]
    if isinstance(total_value, Ratio):
        pooled = breakdown_total(breakdown)
        if not cells or not all(isinstance(v, Ratio) for v in cells) or not isinstance(pooled, Ratio):
            return []
        if (
            breakdown.complete
            and summable
            and (pooled.numerator != total_value.numerator or pooled.denominator != total_value.denominator)
        ):
            add(
                (),
                f"the breakdown pools to {pooled.numerator}/{pooled.denominator}, "
                f"not the reported {total_value.numerator}/{total_value.denominator}",
            )
        return problems
    if not all(is_number(v) for v in cells):
        return []
    whole = Decimal(total_value)  # type: ignore[arg-type]
    for index, cell in enumerate(breakdown.cells):
        if Decimal(cell.value) > whole:  # type: ignore[arg-type]
            where = ", ".join(f"{d}={c}" for d, c in cell.categories)
            add(("cells", index), f"the cell {where} ({cell.value}) is larger than the total {total_value}")
    added = sum((Decimal(v) for v in cells), start=Decimal(0))  # type: ignore[arg-type]
    if breakdown.complete and summable:
        if added != whole and cells:
            parts = " + ".join(str(v) for v in cells)
            add(
                (),
                f"the breakdown adds up to {_plain(added)} ({parts}), not the reported total {total_value}",
            )
    elif added > whole and summable:
        add((), f"the partial breakdown adds up to {_plain(added)}, more than the total {total_value}")
    return problems


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
