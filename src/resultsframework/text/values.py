"""
Values written for machines: the one way a value becomes plain text in CSV, HXL and flat tables.

People read values through :meth:`~resultsframework.Localizer.value`, localised; tools read them
as :func:`plain` writes them: ``1234.5``, ``true``, ``31/60``, ``2025-03-31``, the text itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..core.model import Ratio, Value

__all__ = ["plain"]


def plain(value: Value | date | None) -> str:
    """
    A value written for machines: ``1234.5``, ``true``, ``31/60``, ``2025-03-31``, the text.

    Numbers are written in full, never with an exponent, and as precise as they are stated:
    ``Decimal('1250.50')`` is ``1250.50``, the amount a report gives (IATI, whose values take
    no trailing zeros, strips them itself).  Nothing (``None``) is the empty text.
    """
    if type(value) is int:  # the usual value, first
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Ratio):
        return f"{plain(value.numerator)}/{plain(value.denominator)}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
