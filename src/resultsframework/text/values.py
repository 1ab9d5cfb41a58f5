"""
Values written for machines: the one way a value becomes plain text in CSV, HXL and flat tables.

People read values through :meth:`~resultsframework.Localizer.value`, localised; tools read them
as :func:`plain` writes them: ``1234.5``, ``true``, ``31/60``, the text itself.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.model import Ratio, Value

__all__ = ["plain"]


def plain(value: Value | None) -> str:
    """A value written for machines: 1234.5, true, 31/60, text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Ratio):
        return f"{plain(value.numerator)}/{plain(value.denominator)}"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
