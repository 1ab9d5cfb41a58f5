"""
Reading a table back: what a cell holds, as the programme's model expects it.

The pandas frame (:mod:`.frames`) and the Excel tracker (:mod:`.tracker`) read their cells
the same way: one :func:`read_value` for the value of an indicator (a number, a percentage's
numerator and denominator, yes/no, a text), :func:`text` and :func:`exact` for a single cell,
and :func:`keep_unshown` to keep what a table does not show from the programme.

A cell is missing (:func:`missing`) when it holds ``None``, a float NaN, or one of pandas'
missing values (``pandas.NA``, ``NaT``, NaN of any numpy type), as ``pandas.isna`` says; an
empty text is blank (:func:`blank`) too.  Neither pandas nor numpy is imported here: their
values can exist only once they have been imported.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, TypeVar

import attrs

from ..core.errors import number_hint, shorten
from ..core.model import Achieved, Breakdown, Indicator, Measure, Ratio, Value
from ..text.escape import display_text

__all__ = [
    "Unreadable",
    "blank",
    "exact",
    "keep_unshown",
    "missing",
    "quote",
    "read_value",
    "text",
]

Field = Literal["value", "numerator", "denominator"]
"""Which of a value's cells: the value itself, or a percentage's numerator or denominator."""

PercentAndCounts = Literal["agree", "either"]
"""
What a percent typed beside its numerator and denominator means.

``agree``: the table writes the percent beside its counts (a data frame); read back, it must
agree with them.  ``either``: the table leaves the percent empty beside counts (the tracker);
a percent typed there is one value too many.
"""

_CLOSE = Decimal("1e-9")
"""How near a percent read back from floats must be to its numerator / denominator."""


class Unreadable(ValueError):
    """A cell that cannot be read as the value it holds; :attr:`field` says which of its cells."""

    def __init__(self, message: str, field: Field = "value") -> None:
        super().__init__(message)
        self.field: Field = field


def quote(value: object) -> str:
    """A cell's content as a message quotes it, shortened: ``'many'``, ``True``, ``datetime(...)``."""
    return repr(shorten(value)) if isinstance(value, str) else shorten(repr(value))


_PLAIN = frozenset((int, str, bool, float))
"""The types of what a workbook cell reads as: no numpy or pandas value, never pandas' missing."""


def _python(value: object) -> object:
    """A numpy scalar as the Python value it holds (``numpy.int64(3)`` is ``3``), others as they are."""
    if type(value) in _PLAIN:
        return value
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.generic):
        return value.item()
    return value


def missing(value: object) -> bool:
    """
    Whether a cell holds no value: ``None``, a NaN, or pandas' ``NA`` and ``NaT``.

    pandas decides for its own values (``pandas.isna``, on scalars only: a list in a cell is
    a value, if a wrong one).
    """
    if value is None:
        return True
    kind = type(value)
    if kind is int or kind is str or kind is bool:
        return False
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    pandas = sys.modules.get("pandas")
    if pandas is None:  # no pandas value can exist before pandas is imported
        return False
    return bool(pandas.api.types.is_scalar(value) and pandas.isna(value))


def blank(value: object) -> bool:
    """Whether a cell holds nothing: a missing value (see :func:`missing`) or an empty text."""
    return value is None or (isinstance(value, str) and value == "") or missing(value)


def text(value: object) -> str | None:
    """
    The text a cell holds, or ``None`` for a blank one.

    A whole float is written as an integer (``1.0`` is ``'1'``): pandas turns a column of codes
    such as ``1`` into floats.
    """
    value = _python(value)
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def exact(value: object) -> int | Decimal | None:
    """
    The exact number a cell holds, or ``None`` for a blank one.

    ``int`` and ``Decimal`` as they are; a float by its shortest decimal text (``0.1`` is
    ``Decimal('0.1')``), a whole one as an integer; a numpy scalar as its value; a text as the
    decimal it spells (``'2.50'`` is ``Decimal('2.50')``).

    Raises:
        Unreadable: for anything else, a number that is not finite, or one the model does not
            hold (see :func:`_held`).
    """
    value = _python(value)
    if blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable(f"expected a number, found {value}")
    if isinstance(value, int):
        return _held(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise Unreadable(f"expected a finite number, found {value}")
        return _held(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Unreadable(f"expected a finite number, found {value}")
        return _held(int(value) if value.is_integer() else Decimal(repr(value)))
    if isinstance(value, str):
        try:
            spelled = Decimal(value.strip())
        except InvalidOperation:
            spelled = None
        if spelled is not None and spelled.is_finite():
            return _held(spelled)
        # '1,234' typed as text: the same hint as a programme file gives
        raise Unreadable(f"expected a number, found {quote(value)}{number_hint(value)}")
    raise Unreadable(f"expected a number, found {quote(value)}")


def _held(number: int | Decimal) -> int | Decimal:
    """
    *number*, if the model holds it: the model refuses some (too many digits, ``1e+40``).

    The model's own check decides, as it does for a programme built in code: the check of a
    :class:`~resultsframework.Ratio`'s numerator, which takes any exact number the model holds.
    """
    try:
        Ratio(number, 1)
    except (TypeError, ValueError) as e:
        raise Unreadable(str(e).removeprefix("Ratio.numerator: ")) from None
    return number


def read_value(
    indicator: Indicator,
    value: object,
    numerator: object = None,
    denominator: object = None,
    *,
    percent_and_counts: PercentAndCounts = "agree",
) -> Value | None:
    """
    The value a table's cells hold, read as *indicator*'s measure expects it; ``None`` if blank.

    *value* is the cell of the value, *numerator* and *denominator* those of a percentage's
    counts.  Counts make a :class:`~resultsframework.Ratio` (both are needed), whatever the
    measure: a table never drops what was typed, and validation says when the measure does not
    take it.  A percent beside the counts is read as *percent_and_counts* says.  Otherwise the
    value is a text for a qualitative indicator, ``True`` or ``False`` for a yes/no one (from a
    boolean, or ``yes``, ``no``, ``y``, ``n``, ``true``, ``false`` in any case: the
    statements say "(Y/N)"), and an exact number (see
    :func:`exact`) for the others.

    Raises:
        Unreadable: saying why, and in which of the cells.
    """
    value, numerator, denominator = _python(value), _python(numerator), _python(denominator)
    if not blank(numerator) or not blank(denominator):
        return _ratio(value, numerator, denominator, percent_and_counts)
    if blank(value):
        return None
    if indicator.measure is Measure.QUALITATIVE:
        return text(value)
    if indicator.measure is Measure.YES_NO:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in ("yes", "y", "true", "no", "n", "false"):
            return word in ("yes", "y", "true")
        raise Unreadable(f"expected Yes or No (or Y, N, true, false), found {quote(value)}")
    return exact(value)


def _ratio(
    value: object, numerator: object, denominator: object, percent_and_counts: PercentAndCounts
) -> Ratio:
    """The ratio of a percentage's counts, with the percent beside them checked."""
    if percent_and_counts == "either" and not blank(value):
        raise Unreadable(
            f"both a percentage ({shorten(value)}) and a numerator and denominator; keep one or the other"
        )
    top, bottom = _count("numerator", numerator), _count("denominator", denominator)
    if top is None or bottom is None:
        field: Field = "numerator" if top is None else "denominator"
        raise Unreadable("a percentage needs both numerator and denominator", field)
    ratio = Ratio(top, bottom)
    percent_shown = exact(value)  # a frame writes the percent beside its counts
    percent = ratio.percent
    if percent_shown is not None and (
        percent is None or abs(percent_shown - percent) > _CLOSE * max(Decimal(1), abs(percent))
    ):
        raise Unreadable(
            f"the value {percent_shown} is not {top}/{bottom}; change the value, or the numerator "
            "and denominator, but not one without the other"
        )
    return ratio


def _count(field: Field, value: object) -> int | Decimal | None:
    """The number of a percentage's numerator or denominator cell; an error names the cell."""
    try:
        return exact(value)
    except Unreadable as e:
        raise Unreadable(str(e), field) from None


# -- what a table does not show ------------------------------------------------------------


def keep_unshown(
    indicator: Indicator,
    records: list[Achieved],
    unshown: tuple[str, ...] = (),
    *,
    shown: tuple[str, ...] = (),
) -> list[Achieved]:
    """
    *records* read back from a table, with what the table does not show kept from *indicator*.

    A table shows neither a breakdown's ``complete`` flag and ``explanation`` nor the order of
    breakdowns, of their cells and of a cross-tabulation's dimensions (a frame has a column per
    dimension, in the order it met them): a breakdown by ``("sex", "age")`` comes back as one,
    not as ``("age", "sex")``.  *unshown* names further fields of a value it does not show
    (the tracker: its stated ``status`` and ``collected`` date). Texts shown as displayed come
    back as written.  A value read back as it was keeps its figure in a second unit, unless
    *shown* names ``second_value`` (the tracker's column), and its qualifier when the table does
    not show it (a tracker made before its Qualifier column); a value changed loses them (they
    were stated of the old one).  A percent keeps the whole it is a share of (``denominator``).
    """
    merged = []
    for read in records:
        key = (read.period, read.reported_by)
        old = next((r for r in indicator.achieved if (r.period, r.reported_by) == key), None)
        record = _dimensions_in_order(read, old, indicator)
        if old is None:
            merged.append(record)
            continue
        breakdowns = [_as_before(b, old.breakdowns) for b in _in_order(record.breakdowns, old.breakdowns)]
        variance = record.variance
        if variance is not None and old.variance is not None:
            variance = attrs.evolve(variance, reason=_as_written(old.variance.reason, variance.reason))
        fields: dict[str, Any] = {
            "value": _as_written(old.value, record.value),
            "narrative": _as_written(old.narrative, record.narrative),
            "variance": variance,
            "source": _as_written(old.source, record.source),
            "comment": _as_written(old.comment, record.comment),
            "breakdowns": tuple(breakdowns),
        }
        fields.update((name, getattr(old, name)) for name in unshown)
        # What no table shows of a value holds while the value is as it was: its figure in a
        # second unit, and its qualifier where the table has no column for it; the whole a
        # percent is of holds whatever the percent.
        fields["denominator"] = old.denominator
        same = fields["value"] == old.value and type(fields["value"]) is type(old.value)
        if same:
            if "second_value" not in shown:
                fields["second_value"] = old.second_value
        elif "qualifier" in unshown:
            fields["qualifier"] = None
        merged.append(attrs.evolve(record, **fields))
    return merged


def _dimensions_in_order(record: Achieved, old: Achieved | None, indicator: Indicator) -> Achieved:
    """
    *record* with each breakdown's dimensions in their order before: that of the old breakdown
    over the same dimensions, else that of the indicator's disaggregation.
    """
    before = {frozenset(b.dimensions): b.dimensions for b in old.breakdowns} if old else {}
    rank = {d: i for i, d in enumerate(indicator.disaggregation)}
    breakdowns = []
    for read in record.breakdowns:
        dimensions = before.get(frozenset(read.dimensions)) or tuple(
            sorted(read.dimensions, key=lambda d: rank.get(d, len(rank)))
        )
        if dimensions == read.dimensions:
            breakdowns.append(read)
            continue
        place = {d: i for i, d in enumerate(dimensions)}
        cells = tuple(
            cell._replace(categories=tuple(sorted(cell.categories, key=lambda pair: place[pair[0]])))
            for cell in read.cells
        )
        breakdowns.append(attrs.evolve(read, dimensions=dimensions, cells=cells))
    if all(new is read for new, read in zip(breakdowns, record.breakdowns, strict=True)):
        return record  # each breakdown's dimensions in order already
    return attrs.evolve(record, breakdowns=tuple(breakdowns))


def _in_order(new: tuple[Breakdown, ...], old: tuple[Breakdown, ...]) -> list[Breakdown]:
    """*new* breakdowns in the order of the *old* ones with the same dimensions, the others after."""
    order = {b.dimensions: index for index, b in enumerate(old)}
    return sorted(new, key=lambda b: order.get(b.dimensions, len(order)))


def _as_before(breakdown: Breakdown, old: tuple[Breakdown, ...]) -> Breakdown:
    """*breakdown* with the flags, explanation and cell order of the old one with its dimensions."""
    before = next((b for b in old if b.dimensions == breakdown.dimensions), None)
    if before is None:
        return breakdown
    order = {cell.categories: index for index, cell in enumerate(before.cells)}
    cells = sorted(breakdown.cells, key=lambda c: order.get(c.categories, len(order)))
    unchanged = all(new is read for new, read in zip(cells, breakdown.cells, strict=True))
    if unchanged and (breakdown.complete, breakdown.explanation) == (before.complete, before.explanation):
        return breakdown  # as before already
    return attrs.evolve(
        breakdown, cells=tuple(cells), complete=before.complete, explanation=before.explanation
    )


_T = TypeVar("_T")


def _as_written(old: object, new: _T) -> _T:
    """
    The programme's own text when the cell shows it unchanged.

    A workbook holds texts as they are displayed (bidirectional controls closed, characters
    Excel cannot hold replaced, an empty text as an empty cell); reading back what was
    displayed gives back what was written.
    """
    if isinstance(old, str) and new != old and display_text(old) == (new or ""):
        return old  # type: ignore[return-value]
    return new
