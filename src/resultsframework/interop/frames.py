"""
pandas: programmes, assessments and portfolios as tidy data frames, and back.

Needs the ``pandas`` extra (``pip install 'resultsframework[pandas]'``), imported only here.

A frame has one row per indicator × period × disaggregation cell: the period's total, then one
row per cell of its breakdowns, with a column per dimension (empty on total rows).  An
indicator without values has one row with an empty period, so nothing disappears.

**Numbers.**  By default values stay exact: ``int`` or ``Decimal`` in ``object`` columns, so
that sums are exact.  ``numbers="float"`` gives ``float64`` columns for plotting and
statistics, an explicit, documented loss of exactness.  Missing stays missing (``NA``/``NaN``),
never 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from ..assessment.progress import Assessment, IndicatorAssessment, assess
from ..core.errors import LoadError, Problem
from ..core.extras import require
from ..core.model import (
    Achieved,
    Breakdown,
    Cell,
    Indicator,
    Measure,
    Programme,
    Ratio,
    Status,
    Value,
    Variance,
    VarianceCategory,
    record_values,
)
from ..core.periods import Period, PeriodError, parse_date
from ..text.escape import display_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["from_dataframe", "to_dataframe"]

Numbers = Literal["decimal", "float"]

FIXED = (
    "programme", "outcome", "output", "indicator", "statement", "measure", "unit", "direction",
    "accumulation", "links", "baseline", "target", "status", "achievement_rate", "period",
    "period_start", "period_end", "reported_by",
)  # fmt: skip
VALUES = (
    "value", "numerator", "denominator", "narrative", "variance", "variance_category", "source",
    "reported_status", "collected", "comment",
)  # fmt: skip
TEXTS = ("narrative", "variance", "variance_category", "source", "reported_status", "comment")
NUMERIC = ("baseline", "target", "achievement_rate", "value", "numerator", "denominator")


def to_dataframe(
    data: Programme | Assessment | Iterable[Programme | Assessment], *, numbers: Numbers = "decimal"
) -> pd.DataFrame:
    """
    A tidy frame of one programme, one assessment, or a portfolio of them.

    Programmes are assessed as of their report (see :func:`assess`); pass assessments to
    choose the date.

    .. versionadded:: 0.1.0
    """
    pandas = require("pandas", "pandas")
    items = [data] if isinstance(data, Programme | Assessment) else list(data)
    assessments = [item if isinstance(item, Assessment) else assess(item) for item in items]
    rows: list[dict[str, Any]] = []
    dimensions: dict[str, None] = {}
    for assessment in assessments:
        for item in assessment.indicators:
            rows.extend(_rows(assessment.programme, item, dimensions))
    columns = [*FIXED, *dimensions, *VALUES]
    # Built column by column, as objects: pandas would otherwise turn int and Decimal into float.
    frame = pandas.DataFrame({c: pandas.Series([r.get(c) for r in rows], dtype=object) for c in columns})
    for column in (*FIXED, *dimensions, *TEXTS):
        if column not in NUMERIC and column not in ("period_start", "period_end"):
            frame[column] = frame[column].astype("string")
    for column in ("period_start", "period_end", "collected"):
        frame[column] = pandas.to_datetime(frame[column])
    if numbers == "float":
        for column in NUMERIC:
            frame[column] = pandas.to_numeric(frame[column].map(_as_float), errors="coerce").astype("float64")
    return frame


def _as_float(value: object) -> float:
    if value is None or isinstance(value, bool | str):
        return math.nan
    return float(value)  # type: ignore[arg-type]


def _number(value: Value | None) -> object:
    """The number a value stands for in a frame (a percent for a ratio), else the value."""
    if isinstance(value, Ratio):
        return value.percent
    return value


def _rows(
    programme: Programme, item: IndicatorAssessment, dimensions: dict[str, None]
) -> list[dict[str, Any]]:
    indicator = item.indicator
    base = {
        "programme": programme.title,
        "outcome": item.outcome,
        "output": item.output,
        "indicator": indicator.code,
        "statement": indicator.statement,
        "measure": indicator.measure.value,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "accumulation": indicator.accumulation.value,
        "links": "; ".join(str(link) for link in indicator.links) or None,
        "baseline": _number(indicator.baseline.value) if indicator.baseline else None,
        "target": _number(item.overall.target),
        "status": item.status.value,
        "achievement_rate": item.achievement_rate,
    }
    if not indicator.achieved:
        return [{**base, "period": None}]
    rows = []
    for record in indicator.achieved:
        at = {
            **base,
            "period": record.period.id,
            "period_start": record.period.start,
            "period_end": record.period.end,
            "reported_by": record.reported_by,
        }
        variance = record.variance
        rows.append({
            **at, **_values(record.value), "narrative": record.narrative,
            "variance": variance.reason if variance else None,
            "variance_category": variance.category.value if variance and variance.category else None,
            "source": record.source, "reported_status": record.status.value if record.status else None,
            "collected": record.collected, "comment": record.comment,
        })  # fmt: skip
        for breakdown in record.breakdowns:
            for cell in breakdown.cells:
                for dimension, _ in cell.categories:
                    dimensions.setdefault(_column(dimension), None)
                categories = {_column(d): c for d, c in cell.categories}
                rows.append({**at, **categories, **_values(cell.value)})
    return rows


DIMENSION_PREFIX = "dimension:"


def _column(dimension: str) -> str:
    """The column of a dimension: its id, or ``dimension:ID`` when the id is taken by another column."""
    taken = dimension in FIXED or dimension in VALUES or dimension.startswith(DIMENSION_PREFIX)
    return DIMENSION_PREFIX + dimension if taken else dimension


def _blank(value: object) -> bool:
    """Whether a frame cell holds nothing (None, NaN, NaT, pandas.NA or an empty text)."""
    return _text(value) in (None, "")


def _values(value: Value | None) -> dict[str, object]:
    if isinstance(value, Ratio):
        return {"value": value.percent, "numerator": value.numerator, "denominator": value.denominator}
    return {"value": value, "numerator": None, "denominator": None}


# -- back from a frame ---------------------------------------------------------------------


def from_dataframe(programme: Programme, frame: pd.DataFrame) -> Programme:
    """
    *programme* with the achieved values of *frame* (columns as :func:`to_dataframe` writes).

    Needed: ``indicator``, ``period`` and ``value`` (or ``numerator`` and ``denominator``);
    optional: ``reported_by``, ``narrative``, ``variance``, ``source``, and a column per
    dimension for breakdown rows.  A value in the frame replaces the programme's value for
    the same indicator, period and reporter; the others are kept.  A column the frame does
    not have changes nothing: the value's narrative, source, breakdowns ... are kept.  Without
    ``reported_by``, a row is the period's value of its one reporter (several are an error).
    Floats from the frame are read by their shortest decimal text (``0.1`` is
    ``Decimal('0.1')``) and whole ones as integers.

    Raises:
        LoadError: listing every row that cannot be read, as ``row N: column: message``
            (rows numbered from 1, as spreadsheets do).

    .. versionadded:: 0.1.0
    """
    require("pandas", "pandas")
    problems: list[Problem] = []
    known = {i.code: i for i in programme.indicators()}
    columns = list(frame.columns)
    missing = [c for c in ("indicator", "period") if c not in columns]
    if missing or not ({"value", "numerator"} & set(columns)):
        needed = ", ".join(missing or ["value (or numerator and denominator)"])
        raise LoadError([Problem(("columns",), f"the frame needs the column(s) {needed}")], "data frame")
    dimension_columns = [c for c in columns if c not in FIXED and c not in VALUES]
    totals, cells = _read_rows(frame, known, dimension_columns, problems)
    for key in cells:
        if key not in totals:
            problems.append(
                Problem(("indicator", key[0]), f"breakdown rows for {key[1]} without a total row")
            )
    if problems:
        raise LoadError(problems, "data frame")
    # A column the frame does not have says nothing of its field: the programme's is kept.
    unshown = tuple(field for column, field in _FIELDS if column not in columns)
    if not dimension_columns:
        unshown += ("breakdowns",)
    records = _records(totals, cells)
    return record_values(
        programme, {code: keep_unshown(known[code], new, unshown) for code, new in records.items()}
    )


def _read_rows(
    frame: pd.DataFrame, known: dict[str, Indicator], dimension_columns: list[str], problems: list[Problem]
) -> tuple[dict[Key, dict[str, Any]], dict[Key, list[tuple[tuple[str, ...], Cell]]]]:
    """The totals and the breakdown cells of a frame's rows, by indicator, period and reporter."""
    dimension_of = {c: c.removeprefix(DIMENSION_PREFIX) for c in dimension_columns}
    totals: dict[Key, dict[str, Any]] = {}
    cells: dict[Key, list[tuple[tuple[str, ...], Cell]]] = {}
    with_reporter = "reported_by" in frame.columns
    for number, row in enumerate(frame.to_dict("records"), start=1):
        where = ("row", number)
        code = _text(row.get("indicator"))
        if _text(row.get("period")) is None and all(_blank(row.get(c)) for c in VALUES):
            continue  # an indicator with nothing reported, as to_dataframe writes it
        if code not in known:
            problems.append(Problem((*where, "indicator"), f"no indicator {code!r} in the programme"))
            continue
        try:
            period = Period.parse(_text(row.get("period")) or "")
            value = _read_value(row, known[code])
        except PeriodError as e:
            problems.append(Problem((*where, "period"), str(e)))
            continue
        except ValueError as e:
            problems.append(Problem((*where, "value"), str(e)))
            continue
        reporter = _text(row.get("reported_by")) if with_reporter else _sole_reporter(known[code], period)
        if reporter is _SEVERAL:
            problems.append(
                Problem(where, f"several organisations report {code} in {period}: add reported_by")
            )
            continue
        key = (code, period, reporter)
        categories = tuple(
            (dimension_of[c], _text(row[c])) for c in dimension_columns if _text(row.get(c)) is not None
        )
        if categories:
            if value is None:
                problems.append(Problem((*where, "value"), "a breakdown row needs a value"))
                continue
            dims = tuple(d for d, _ in categories)
            cells.setdefault(key, []).append((dims, Cell(categories, value)))  # type: ignore[arg-type]
        elif key in totals:
            problems.append(Problem(where, f"a second total for {code} in {period}; one row per total"))
        elif (total := _total(row, value, where, problems)) is not None:
            totals[key] = total
    return totals, cells


_SEVERAL = "\0several"
"""A reporter no organisation has: the period's values come from several."""


def _sole_reporter(indicator: Indicator, period: Period) -> str | None:
    """For a frame without ``reported_by``: the one reporter of the period's values, if one."""
    reporters = {r.reported_by for r in indicator.achieved if r.period == period}
    if len(reporters) > 1:
        return _SEVERAL
    return next(iter(reporters), None)


_FIELDS = (
    ("narrative", "narrative"),
    ("variance", "variance"),
    ("source", "source"),
    ("reported_status", "status"),
    ("collected", "collected"),
    ("comment", "comment"),
)
"""The frame's columns for the fields of an achieved value besides its value."""


Key = tuple[str, Period, str | None]


def _total(
    row: dict[str, Any], value: Value | None, where: tuple[str, int], problems: list[Problem]
) -> dict[str, Any] | None:
    """What a total row says beside its value, or ``None`` (with its problems noted)."""
    total: dict[str, Any] = {"value": value, **{c: _text(row.get(c)) for c in TEXTS}}
    before = len(problems)
    try:
        total["collected"] = _date(row.get("collected"))
    except (PeriodError, ValueError, TypeError):
        problems.append(Problem((*where, "collected"), f"expected a date, found {row.get('collected')!r}"))
    for column, choices in (("variance_category", VarianceCategory), ("reported_status", Status)):
        text = total[column]
        if text is not None and text not in {c.value for c in choices}:
            expected = ", ".join(c.value for c in choices)
            problems.append(Problem((*where, column), f"expected one of {expected}; found {text!r}"))
    return total if len(problems) == before else None


def _records(totals: dict[Key, dict[str, Any]], cells: dict[Key, list[tuple[tuple[str, ...], Cell]]]
             ) -> dict[str, list[Achieved]]:  # fmt: skip
    """The achieved values the frame's total rows and breakdown rows make, by indicator code."""
    new: dict[str, list[Achieved]] = {}
    for (code, period, reporter), total in totals.items():
        groups: dict[tuple[str, ...], list[Cell]] = {}
        for dims, cell in cells.get((code, period, reporter), []):
            groups.setdefault(dims, []).append(cell)
        category = VarianceCategory(total["variance_category"]) if total["variance_category"] else None
        variance = Variance(total["variance"], category) if total["variance"] else None
        stated = Status(total["reported_status"]) if total["reported_status"] else None
        record = Achieved(
            period,
            total["value"],
            narrative=total["narrative"],
            variance=variance,
            source=total["source"],
            breakdowns=tuple(Breakdown(dims, tuple(group)) for dims, group in groups.items()),
            status=stated,
            reported_by=reporter,
            collected=total["collected"],
            comment=total["comment"],
        )
        new.setdefault(code, []).append(record)
    return new


def _date(value: object) -> date | None:
    if _blank(value):
        return None
    if hasattr(value, "date"):  # a pandas Timestamp or a datetime
        return value.date()  # type: ignore[no-any-return]
    return value if isinstance(value, date) else parse_date(str(value))


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _exact(value: object) -> int | Decimal | None:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected a number, found {value}")
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise ValueError(f"expected a finite number, found {value}")
        return int(value) if value.is_integer() else Decimal(repr(value))
    if hasattr(value, "item"):  # a numpy scalar
        return _exact(value.item())
    if isinstance(value, str):
        try:
            return _exact(Decimal(value.strip()))
        except InvalidOperation:
            raise ValueError(f"expected a number, found {value!r}") from None
    raise ValueError(f"expected a number, found {value!r}")


_CLOSE = Decimal("1e-9")
"""How near a percent read back from floats must be to its numerator / denominator."""


def _read_value(row: dict[str, Any], indicator: Indicator) -> Value | None:
    """The value of a row, read as the indicator's measure expects it."""
    numerator, denominator = _exact(row.get("numerator")), _exact(row.get("denominator"))
    if numerator is not None or denominator is not None:
        if numerator is None or denominator is None:
            raise ValueError("a percentage needs both numerator and denominator")
        ratio = Ratio(numerator, denominator)
        shown = _exact(row.get("value"))  # to_dataframe writes the percent beside its counts
        percent = ratio.percent
        if shown is not None and (
            percent is None or abs(shown - percent) > _CLOSE * max(Decimal(1), abs(percent))
        ):
            raise ValueError(
                f"the value {shown} is not {numerator}/{denominator}; change the value, or the "
                "numerator and denominator, but not one without the other"
            )
        return ratio
    value = row.get("value")
    if indicator.measure is Measure.QUALITATIVE:
        return _text(value)
    if indicator.measure is Measure.YES_NO:
        text = _text(value)
        if text is None:
            return None
        if isinstance(value, bool):
            return value
        if text.lower() in ("true", "false", "yes", "no"):
            return text.lower() in ("true", "yes")
        raise ValueError(f"expected true or false, found {value!r}")
    return _exact(value)


def keep_unshown(
    indicator: Indicator, records: list[Achieved], unshown: tuple[str, ...] = ()
) -> list[Achieved]:
    """
    *records* read back from a table, with what the table does not show kept from *indicator*.

    A table shows neither a breakdown's ``complete`` flag and ``explanation`` nor the order of
    breakdowns and of their cells; *unshown* names further fields of a value it does not show
    (the tracker: its stated ``status`` and ``collected`` date). Texts shown as displayed come
    back as written.
    """
    merged = []
    for record in records:
        key = (record.period, record.reported_by)
        old = next((r for r in indicator.achieved if (r.period, r.reported_by) == key), None)
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
        merged.append(attrs.evolve(record, **fields))
    return merged


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
