"""
pandas: programmes, assessments and portfolios as tidy data frames, and back.

Needs the ``pandas`` extra (``pip install 'resultsframework[pandas]'``), imported only here.

A frame has one row per indicator × period × disaggregation cell: the period's total, then one
row per cell of its breakdowns, with a column per dimension (empty on total rows).  The ``row``
column says which a row is, ``"total"`` or ``"cell"``: summing every row would count each
value once per breakdown besides its total, so ``frame[frame["row"] == "total"]`` is what to
add up.  An indicator without values has one ``"total"`` row with an empty period, so nothing
disappears.

**Numbers.**  By default values stay exact: ``int`` or ``Decimal`` in ``object`` columns, so
that sums are exact (and the achievement rate is the exact fraction, ``Decimal('1.5')`` for
150 %, never rounded).  ``numbers="float"`` gives ``float64`` columns for plotting and
statistics, an explicit, documented loss of exactness.

**Missing** stays missing, never 0, with one marker per kind of column: ``pandas.NA`` in the
text (``string``) and exact-number (``object``) columns, ``NaT`` in the date columns, ``NaN``
in the ``float64`` columns of ``numbers="float"``; ``frame.isna()`` finds them all.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ..assessment.progress import Assessment, IndicatorAssessment, assess
from ..core.errors import LoadError, Path, Problem
from ..core.extras import require
from ..core.model import (
    Achieved,
    Breakdown,
    Cell,
    Indicator,
    Programme,
    Qualifier,
    Ratio,
    Status,
    Value,
    Variance,
    VarianceCategory,
    record_values,
)
from ..core.periods import Period, PeriodError, parse_date
from .readback import Unreadable, blank, keep_unshown, quote, read_value, text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["from_dataframe", "to_dataframe"]

Numbers = Literal["decimal", "float"]

FIXED = (
    "programme", "outcome", "output", "indicator", "statement", "measure", "unit", "direction",
    "accumulation", "links", "baseline", "target", "status", "achievement_rate", "period",
    "period_start", "period_end", "reported_by", "row",
)  # fmt: skip
VALUES = (
    "value", "numerator", "denominator", "qualifier", "narrative", "variance", "variance_category", "source",
    "reported_status", "collected", "comment",
)  # fmt: skip
STATED = ("part_of", "second_unit", "second_value", "whole")
"""The columns of what a report states beside a figure: the indicator it is part of, its second
unit and the figure in it, and the whole a percent known only as a percent is of.  Written, not
read back: a value read back as it was keeps them (see :func:`from_dataframe`)."""
TEXTS = ("qualifier", "narrative", "variance", "variance_category", "source", "reported_status", "comment")
NUMERIC = (
    "baseline", "target", "achievement_rate", "value", "numerator", "denominator", "second_value", "whole",
)  # fmt: skip
ROW_KINDS = ("total", "cell")
"""The words of the ``row`` column: a period's total, or one cell of one of its breakdowns."""


def to_dataframe(
    data: Programme | Assessment | Iterable[Programme | Assessment], *, numbers: Numbers = "decimal"
) -> pd.DataFrame:
    """
    A tidy frame of one programme, one assessment, or a portfolio of them.

    Programmes are assessed as of their report (see :func:`assess`); pass assessments to
    choose the date (or a filtered one, ``assessment.filter(status="behind")``, for some
    indicators only).

    The ``row`` column is ``"total"`` for a period's total and ``"cell"`` for a breakdown cell:
    add up ``frame[frame["row"] == "total"]``, or the cells of one dimension, never every row.
    Missing values are ``pandas.NA`` (``NaT`` for dates, ``NaN`` with ``numbers="float"``).

    .. versionadded:: 0.1.0
    """
    pandas = require("pandas", "pandas")
    items = [data] if isinstance(data, Programme | Assessment) else list(data)
    assessments = [item if isinstance(item, Assessment) else assess(item) for item in items]
    rows: list[dict[str, Any]] = []
    dimensions: dict[str, None] = {}
    for assessment in assessments:
        for item in assessment.indicators:
            rows.extend(tidy_rows(assessment.programme, item, dimensions))
    columns = [*FIXED, *dimensions, *VALUES, *STATED]
    # Built column by column, as objects: pandas would otherwise turn int and Decimal into float.
    # Missing is pandas.NA in every object column, as in the string columns (never None or NaN).
    frame = pandas.DataFrame(
        {c: pandas.Series([_missing(r.get(c), pandas.NA) for r in rows], dtype=object) for c in columns}
    )
    for column in (*FIXED, *dimensions, *TEXTS, "part_of", "second_unit"):
        if column not in NUMERIC and column not in ("period_start", "period_end"):
            frame[column] = frame[column].astype("string")
    for column in ("period_start", "period_end", "collected"):
        frame[column] = pandas.to_datetime(frame[column])
    if numbers == "float":
        for column in NUMERIC:
            frame[column] = pandas.to_numeric(frame[column].map(_as_float), errors="coerce").astype("float64")
    return frame


def _missing(value: object, na: object) -> object:
    """*value*, or pandas' missing marker *na* for ``None``."""
    return na if value is None else value


def _as_float(value: object) -> float:
    if blank(value) or isinstance(value, bool | str):
        return math.nan
    return float(value)  # type: ignore[arg-type]


def _number(value: Value | None) -> object:
    """The number a value stands for in a frame (a percent for a ratio), else the value."""
    if isinstance(value, Ratio):
        return value.percent
    return value


def indicator_columns(indicator: Indicator) -> dict[str, object]:
    """The tidy form's columns that describe an indicator, the same on every row of it."""
    return {
        "statement": indicator.statement,
        "measure": indicator.measure.value,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "accumulation": indicator.accumulation.value,
        "links": "; ".join(str(link) for link in indicator.links) or None,
    }


def tidy_rows(
    programme: Programme, item: IndicatorAssessment, dimensions: dict[str, None]
) -> list[dict[str, Any]]:
    """
    The rows of one assessed indicator in a tidy frame, as dictionaries keyed by column.

    A row per period (its total: the value, its counts, narrative, variance, source ...), each
    followed by a row per breakdown cell, with the cell's categories under their dimension
    columns, ``row`` saying which (``"total"`` or ``"cell"``); one total row with no period for
    an indicator without values.  Missing values are ``None`` here.  The dimension columns met
    are added to *dimensions*, in order.  :func:`to_dataframe` and the HXL export
    (:func:`~resultsframework.to_hxl`) are built from these rows.
    """
    indicator = item.indicator
    base = {
        "programme": programme.title,
        "outcome": item.outcome,
        "output": item.output,
        "indicator": indicator.code,
        **indicator_columns(indicator),
        "baseline": _number(indicator.baseline.value) if indicator.baseline else None,
        "target": _number(item.overall.target),
        "status": item.status.value,
        "achievement_rate": item.achievement_rate,
        "part_of": indicator.part_of,
        "second_unit": indicator.second_unit,
    }
    if not indicator.achieved:
        return [{**base, "period": None, "row": "total"}]
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
            **at, "row": "total", **_values(record.value),
            "qualifier": record.qualifier.value if record.qualifier else None, "narrative": record.narrative,
            "variance": variance.reason if variance else None,
            "variance_category": variance.category.value if variance and variance.category else None,
            "source": record.source, "reported_status": record.status.value if record.status else None,
            "collected": record.collected, "comment": record.comment,
            "second_value": record.second_value, "whole": record.denominator,
        })  # fmt: skip
        for breakdown in record.breakdowns:
            for cell in breakdown.cells:
                for dimension, _ in cell.categories:
                    dimensions.setdefault(_column(dimension), None)
                categories = {_column(d): c for d, c in cell.categories}
                rows.append({**at, "row": "cell", **categories, **_values(cell.value)})
    return rows


DIMENSION_PREFIX = "dimension:"


def _column(dimension: str) -> str:
    """The column of a dimension: its id, or ``dimension:ID`` when the id is taken by another column."""
    taken = (
        dimension in FIXED
        or dimension in VALUES
        or dimension in STATED
        or dimension.startswith(DIMENSION_PREFIX)
    )
    return DIMENSION_PREFIX + dimension if taken else dimension


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
    dimension for breakdown rows.  A ``row`` column (``"total"`` or ``"cell"``, as
    :func:`to_dataframe` writes it) may be there or not: the rows with a dimension filled are
    the cells; where ``row`` is given, it must agree.  A value in the frame replaces the
    programme's value for the same indicator, period and reporter; the others are kept.  A
    column the frame does not have changes nothing: the value's narrative, source,
    breakdowns ... are kept.  Without
    ``reported_by``, a row is the period's value of its one reporter (several are an error).
    Floats from the frame are read by their shortest decimal text (``0.1`` is
    ``Decimal('0.1')``) and whole ones as integers, numpy scalars as their values, yes/no values
    from booleans or ``yes``/``no``/``y``/``n``/``true``/``false``.  A cell holding ``None``, NaN,
    ``pandas.NA``, ``NaT`` or an empty text holds nothing.  The tracker reads its cells the same
    way (:mod:`.readback`).  A cross-tabulated breakdown keeps the order of its dimensions (that
    of the programme's breakdown, else of the indicator's disaggregation), whatever the order
    of the frame's columns.

    Raises:
        LoadError: listing every row that cannot be read, with its column: ``row[N].column:
            message`` for a frame with the default index (rows numbered from 1, as spreadsheets
            do), else by the row's index label, ``row 'x'.column: message`` (``row 17.value``
            for a filtered frame's label 17).

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
    dimension_columns = [c for c in columns if c not in FIXED and c not in VALUES and c not in STATED]
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
    for where, row in zip(_row_labels(frame), frame.to_dict("records"), strict=True):
        code = text(row.get("indicator")) or ""
        if text(row.get("period")) is None and all(blank(row.get(c)) for c in VALUES):
            continue  # an indicator with nothing reported, as to_dataframe writes it
        if code not in known:
            problems.append(Problem((*where, "indicator"), f"no indicator {quote(code)} in the programme"))
            continue
        try:
            period = Period.parse(text(row.get("period")) or "")
        except PeriodError as e:
            problems.append(Problem((*where, "period"), str(e)))
            continue
        try:
            value = read_value(known[code], row.get("value"), row.get("numerator"), row.get("denominator"))
        except Unreadable as e:
            problems.append(Problem((*where, e.field), str(e)))
            continue
        reporter = text(row.get("reported_by")) if with_reporter else _sole_reporter(known[code], period)
        if reporter is _Reporters.SEVERAL:
            problems.append(
                Problem(where, f"several organisations report {code} in {period}: add reported_by")
            )
            continue
        key = (code, period, reporter)
        categories = tuple(
            (dimension_of[c], text(row[c])) for c in dimension_columns if text(row.get(c)) is not None
        )
        stated = text(row.get("row"))
        if stated is not None and stated not in ROW_KINDS:
            problems.append(Problem((*where, "row"), f"expected total or cell; found {quote(stated)}"))
            continue
        if stated is not None and (stated == "cell") != bool(categories):
            filled = ", ".join(f"{d}: {c}" for d, c in categories)
            said = f"a total with a dimension filled ({filled})" if categories else (
                "a breakdown cell with no dimension filled"
            )  # fmt: skip
            problems.append(Problem((*where, "row"), f"the row says it is {said}"))
            continue
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


class _Reporters(enum.Enum):
    """Who reports a period's values when no one organisation does: a reporter no text can be."""

    SEVERAL = enum.auto()
    """Several organisations report the period: a row without ``reported_by`` is none of theirs."""


def _sole_reporter(indicator: Indicator, period: Period) -> str | Literal[_Reporters.SEVERAL] | None:
    """For a frame without ``reported_by``: the one reporter of the period's values, if one."""
    reporters = {r.reported_by for r in indicator.achieved if r.period == period}
    if len(reporters) > 1:
        return _Reporters.SEVERAL
    return next(iter(reporters), None)


_FIELDS = (
    ("qualifier", "qualifier"),
    ("narrative", "narrative"),
    ("variance", "variance"),
    ("source", "source"),
    ("reported_status", "status"),
    ("collected", "collected"),
    ("comment", "comment"),
)
"""The frame's columns for the fields of an achieved value besides its value."""


Key = tuple[str, Period, str | None]


def _row_labels(frame: pd.DataFrame) -> list[Path]:
    """
    Where each row of *frame* is, for messages: ``row[N]`` (from 1) with the default index,
    else ``row 'x'`` by its index label.
    """
    import pandas  # noqa: PLC0415  (required by the caller)

    index = frame.index
    if isinstance(index, pandas.RangeIndex) and index.start == 0 and index.step == 1:
        return [("row", number) for number in range(1, len(frame) + 1)]
    return [(f"row {label!r}" if isinstance(label, str) else f"row {label}",) for label in index]


def _total(
    row: dict[str, Any], value: Value | None, where: Path, problems: list[Problem]
) -> dict[str, Any] | None:
    """What a total row says beside its value, or ``None`` (with its problems noted)."""
    total: dict[str, Any] = {"value": value, **{c: text(row.get(c)) for c in TEXTS}}
    before = len(problems)
    try:
        total["collected"] = _date(row.get("collected"))
    except (PeriodError, ValueError, TypeError):
        problems.append(
            Problem((*where, "collected"), f"expected a date, found {quote(row.get('collected'))}")
        )
    choosing = (
        ("qualifier", Qualifier),
        ("variance_category", VarianceCategory),
        ("reported_status", Status),
    )
    for column, choices in choosing:
        stated = total[column]
        if stated is not None and stated not in {c.value for c in choices}:
            expected = ", ".join(c.value for c in choices)
            problems.append(Problem((*where, column), f"expected one of {expected}; found {quote(stated)}"))
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
            qualifier=total["qualifier"],
        )
        new.setdefault(code, []).append(record)
    return new


def _date(value: object) -> date | None:
    if blank(value):
        return None
    if hasattr(value, "date"):  # a pandas Timestamp or a datetime
        return value.date()  # type: ignore[no-any-return]
    return value if isinstance(value, date) else parse_date(str(value))
