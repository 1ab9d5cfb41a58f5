"""Exact arithmetic on values: the one place where a value becomes a number."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from typing import cast

from .model import Ratio, Value

__all__ = ["CONTEXT", "divide", "is_number", "numeric", "pool", "total", "totals_by"]

CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
"""Every division uses this context, whatever the caller's decimal context is."""


def is_number(value: object) -> bool:
    """Whether *value* is an exact number: ``int`` (not ``bool``) or finite ``Decimal``."""
    if isinstance(value, bool):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int)


def numeric(value: Value | None) -> Decimal | None:
    """
    The number a value stands for, or ``None`` if it is not a number.

    A :class:`Ratio` stands for its percent; yes/no and texts are not numbers.
    """
    kind = type(value)
    if kind is int:
        return Decimal(value)  # type: ignore[arg-type]
    if kind is Decimal:
        return value if value.is_finite() else None  # type: ignore[union-attr, return-value]
    if kind is Ratio:
        return value.percent  # type: ignore[union-attr]
    if isinstance(value, Ratio):
        return value.percent
    if is_number(value):
        return Decimal(value)  # type: ignore[arg-type]
    return None


def divide(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator`` to 28 significant digits, ``None`` when dividing by zero."""
    if denominator == 0:
        return None
    return CONTEXT.divide(numerator, denominator)


def total(values: Iterable[Value]) -> Value | None:
    """
    The sum of *values*: numbers add, ratios pool (Σ numerators / Σ denominators).

    ``None`` when the values cannot be added: a mix of kinds, yes/no or texts, or
    percentages known only as a percent (an average of percentages is never taken).
    """
    items = list(values)
    if not items:
        return None
    if all(type(v) is int for v in items):  # the usual case, counts: no check needed on each
        return sum(items)  # type: ignore[arg-type]
    if all(isinstance(v, Ratio) for v in items):
        return pool(items)  # type: ignore[arg-type]
    if all(is_number(v) for v in items):
        return sum(items, start=0)  # type: ignore[arg-type]
    return None


def totals_by(pairs: Iterable[tuple[str, Value]]) -> dict[str, Value | None]:
    """
    The :func:`total` of the values of each key of *pairs*, the keys in the order first met:
    ``[("female", 3), ("male", 5), ("female", 4)]`` gives ``{"female": 7, "male": 5}``.
    """
    items = pairs if type(pairs) is list else list(pairs)
    counts: dict[str, int] = {}  # the usual case, whole numbers: added as they come
    for key, value in items:
        if type(value) is not int:
            break
        counts[key] = counts.get(key, 0) + value
    else:
        return cast("dict[str, Value | None]", counts)
    groups: dict[str, list[Value]] = {}
    for key, value in items:
        groups.setdefault(key, []).append(value)
    return {key: total(values) for key, values in groups.items()}


def pool(ratios: Iterable[Ratio]) -> Ratio:
    """Pool ratios: ``Ratio(Σ numerators, Σ denominators)``; ``(15/50, 15/50)`` is ``30/100``."""
    numerator: int | Decimal = 0
    denominator: int | Decimal = 0
    for ratio in ratios:
        numerator += ratio.numerator
        denominator += ratio.denominator
    return Ratio(numerator, denominator)
