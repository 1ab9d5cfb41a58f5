"""
The columnar path: a portfolio's tidy long form as Parquet, assessed in SQL on DuckDB.

Needs the ``parquet`` extra (pyarrow) to write and read the table, and the ``duckdb`` extra to
assess it; both are imported only here, when used.

**The table** has the columns of :func:`~resultsframework.to_dataframe` (one row per indicator ×
period × breakdown cell, ``row`` saying ``"total"`` or ``"cell"``), except ``status`` and
``achievement_rate``, which are what the assessment computes, plus the columns the SQL needs:
``programme_number`` and ``indicator_number`` (positions, since titles and codes may repeat),
``record`` (the value's position, which decides between two corrections collected the same day),
``kind`` (``number``, ``ratio``, ``yes_no`` or ``text``), ``number`` (an int or decimal value),
``target_kind``, ``as_of`` (the programme's report date), ``programme_start``/``programme_end``.
Values that mix kinds (``value``, ``baseline``, ``target``) are kept as their exact text
(:func:`~resultsframework.text.values.plain`); ``number``, ``numerator`` and ``denominator``
are ``DECIMAL(38, s)``, *s* the most decimal places any value of the portfolio has.  The files
are partitioned hive-style, ``part=N/`` for each run of programmes, so that a distributed
engine reads them in parallel.

**The assessment** (:func:`assess_parquet`) is one SQL query (:data:`ASSESS_SQL`) written in
the SQL that DuckDB and Spark SQL share (window functions, ``CASE``, ``SUM``; no
engine-specific function): it picks the values that count (the correction collected last, then
for running totals and levels the latest of each reporter), pools percentages (Σ numerators, Σ
denominators) and sums the rest, exactly, in decimals, one row per indicator.  The judgement of
each indicator's aggregate (status, rate, variance) is then made by the very functions of
``assessment/progress.py``, never a copy of them.  Where the SQL does not express a rule, the
indicator is assessed object by object by :func:`~resultsframework.assess` and said so
(``"object"`` in :attr:`ColumnarFigure.path`): yes/no, qualitative and ordinal indicators, values or
targets that are yes/no or text, bounds and approximations ("more than 1,600": the
qualifier's rules are the object path's), and indicators judged before the programme's end against a
target due by then (milestones and the straight line to the end target are not in the table).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..assessment.progress import (
    DEFAULT_BAND,
    Assessment,
    _band,
    _compare,
    _end_target,
    _rate,
    assess,
    report_date,
)
from ..core.errors import ResultsFrameworkError
from ..core.extras import require
from ..core.model import Direction, Indicator, Measure, Programme, Ratio, Status, Value
from ..core.numbers import numeric
from ..text.values import plain
from .frames import DIMENSION_PREFIX, FIXED, VALUES, indicator_columns

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ASSESS_SQL", "ColumnarFigure", "assess_parquet", "read_parquet", "to_parquet"]

PART_SIZE = 256
"""Programmes per partition (``part=N``)."""

_OWN = ("programme_number", "indicator_number", "record", "kind", "number", "target_kind", "qualified")
_PROGRAMME = ("as_of", "programme_start", "programme_end")
_DECIMALS = ("number", "numerator", "denominator")
_DATES = ("period_start", "period_end", "collected", *_PROGRAMME)
_INTS = ("programme_number", "indicator_number", "record", "qualified")
_LEFT_OUT = ("status", "achievement_rate")


class ColumnarError(ResultsFrameworkError):
    """A portfolio that Parquet's decimals cannot hold exactly, or a table that is not one written here."""


def _kind(value: Value | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes_no"
    if isinstance(value, Ratio):
        return "ratio"
    if isinstance(value, int | Decimal):
        return "number"
    return "text"


def _text(value: Value | None) -> str | None:
    if isinstance(value, Ratio):
        percent = value.percent
        return None if percent is None else plain(percent)
    return None if value is None else plain(value)


def _qualified(indicator: Indicator) -> bool:
    """Whether a baseline, target or value of *indicator* is a bound or an approximation."""
    stated = [indicator.baseline, indicator.target, *indicator.milestones, *indicator.achieved]
    return any(item is not None and item.qualifier is not None for item in stated)


def _rows(number: int, programme: Programme, dimensions: dict[str, None]) -> Iterator[dict[str, Any]]:
    """The rows of one programme (the tidy frame's, without the assessment's two columns)."""
    as_of = report_date(programme)
    dates = programme.dates
    common = {
        "programme_number": number,
        "programme": programme.title,
        "as_of": as_of,
        "programme_start": dates.start if dates is not None else None,
        "programme_end": dates.end if dates is not None else None,
    }
    for index, node in enumerate(programme.walk("indicator")):
        indicator: Indicator = node.item  # type: ignore[assignment]
        target = _end_target(indicator)
        base = {
            **common,
            "indicator_number": index,
            "outcome": node.outcome.code if node.outcome is not None else None,
            "output": node.output.code if node.output is not None else None,
            "indicator": indicator.code,
            **indicator_columns(indicator),
            "baseline": _text(indicator.baseline.value) if indicator.baseline else None,
            "target": _text(target),
            "target_kind": _kind(target),
            "qualified": int(_qualified(indicator)),
        }
        if not indicator.achieved:
            yield {**base, "row": "total"}
            continue
        for position, record in enumerate(indicator.achieved):
            at = {
                **base,
                "record": position,
                "period": record.period.id,
                "period_start": record.period.start,
                "period_end": record.period.end,
                "reported_by": record.reported_by,
            }
            variance = record.variance
            yield {
                **at, "row": "total", **_values(record.value), "narrative": record.narrative,
                "variance": variance.reason if variance else None,
                "variance_category": variance.category.value if variance and variance.category else None,
                "source": record.source, "reported_status": record.status.value if record.status else None,
                "collected": record.collected, "comment": record.comment,
            }  # fmt: skip
            for breakdown in record.breakdowns:
                for cell in breakdown.cells:
                    categories = {}
                    for dimension, category in cell.categories:
                        column = _column(dimension)
                        dimensions.setdefault(column, None)
                        categories[column] = category
                    yield {**at, "row": "cell", **categories, **_values(cell.value)}


def _column(dimension: str) -> str:
    taken = dimension in FIXED or dimension in VALUES or dimension in _OWN or dimension in _PROGRAMME
    return DIMENSION_PREFIX + dimension if taken or dimension.startswith(DIMENSION_PREFIX) else dimension


def _values(value: Value | None) -> dict[str, object]:
    kind = _kind(value)
    if isinstance(value, Ratio):
        return {
            "value": _text(value),
            "kind": kind,
            "numerator": value.numerator,
            "denominator": value.denominator,
        }
    number = value if kind == "number" else None
    return {"value": _text(value), "kind": kind, "number": number}


def _scale(rows: list[dict[str, Any]]) -> int:
    """The decimal places the decimal columns need: the most any value has."""
    places = 0
    for row in rows:
        for column in _DECIMALS:
            value = row.get(column)
            if isinstance(value, Decimal):
                exponent = value.as_tuple().exponent
                if isinstance(exponent, int):
                    places = max(places, -exponent)
    return places


def to_parquet(
    programmes: Iterable[Programme], path: str | os.PathLike[str], *, part_size: int = PART_SIZE
) -> Path:
    """
    Write a portfolio's tidy long form as a Parquet dataset in the directory *path*.

    One file per run of *part_size* programmes, partitioned hive-style (``part=0/``,
    ``part=1/`` ...) so that DuckDB, Spark or any Arrow reader takes the partitions in parallel.
    The columns are those of :func:`~resultsframework.to_dataframe` (less ``status`` and
    ``achievement_rate``, computed by :func:`assess_parquet`) and those the assessment needs;
    see :mod:`resultsframework.interop.columnar`.  Every value is kept exactly: numbers as
    ``DECIMAL(38, s)``, values of mixed kinds as their exact text.

    Raises:
        ColumnarError: if *path* exists and is not an empty directory, or a number needs more
            than the 38 digits of Parquet's decimals.

    .. versionadded:: 0.1.0
    """
    require("pyarrow", "parquet")
    import pyarrow.parquet as pq  # noqa: PLC0415

    out = Path(path)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ColumnarError(f"{out}: the Parquet dataset goes in a new or empty directory")
    rows: list[dict[str, Any]] = []
    dimensions: dict[str, None] = {}
    batches: list[list[dict[str, Any]]] = []
    for number, programme in enumerate(programmes):
        if number and number % part_size == 0:
            batches.append(rows)
            rows = []
        rows.extend(_rows(number, programme, dimensions))
    batches.append(rows)
    scale = max((_scale(batch) for batch in batches), default=0)
    schema = _schema([*dimensions], scale)
    out.mkdir(parents=True, exist_ok=True)
    for part, batch in enumerate(batches):
        if not batch and (part or any(batches)):
            continue  # a part without indicators; the first is written even empty, for its schema
        table = _table(batch, schema, out)
        (out / f"part={part}").mkdir()
        pq.write_table(table, out / f"part={part}" / "data.parquet")
    return out


def _schema(dimensions: list[str], scale: int) -> pa.Schema:
    import pyarrow as pa  # noqa: PLC0415

    if scale > 38:
        raise ColumnarError(f"a value has {scale} decimal places; Parquet's decimals hold 38 digits")
    decimal = pa.decimal128(38, scale)
    columns = [c for c in (*FIXED, *dimensions, *VALUES) if c not in _LEFT_OUT] + [*_OWN, *_PROGRAMME]
    fields = []
    for column in dict.fromkeys(columns):
        if column in _DECIMALS:
            kind: pa.DataType = decimal
        elif column in _DATES:
            kind = pa.date32()
        elif column in _INTS:
            kind = pa.int64()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def _table(rows: list[dict[str, Any]], schema: pa.Schema, out: Path) -> pa.Table:
    import pyarrow as pa  # noqa: PLC0415

    scale = schema.field("number").type.scale
    quantum = Decimal(1).scaleb(-scale)
    data: dict[str, list[object]] = {}
    for field in schema:
        column = [row.get(field.name) for row in rows]
        if field.name in _DECIMALS:
            column = [None if v is None else Decimal(v).quantize(quantum) for v in column]
        data[field.name] = column
    try:
        return pa.Table.from_pydict(data, schema=schema)
    except (pa.ArrowInvalid, ArithmeticError) as e:
        raise ColumnarError(f"{out}: a number does not fit Parquet's 38-digit decimals: {e}") from None


def read_parquet(path: str | os.PathLike[str]) -> pa.Table:
    """
    The table of a Parquet dataset :func:`to_parquet` wrote, as a ``pyarrow.Table``, in order.

    .. versionadded:: 0.1.0
    """
    require("pyarrow", "parquet")
    import pyarrow.dataset as ds  # noqa: PLC0415

    if not Path(path).is_dir():
        raise ColumnarError(f"{path}: no such Parquet dataset (a directory to_parquet wrote)")
    table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    order = [("programme_number", "ascending"), ("indicator_number", "ascending")]
    return table.sort_by(order)


# -- the assessment --------------------------------------------------------------------------

ASSESS_SQL = """
WITH totals AS (
  SELECT programme_number, indicator_number, record, period, period_start, period_end, reported_by,
         collected, reported_status, kind, number, numerator, denominator, accumulation, as_of
  FROM portfolio
  WHERE row = 'total'
), counted AS (
  SELECT * FROM totals
  WHERE period IS NOT NULL AND (as_of IS NULL OR period_start <= as_of)
), indicators AS (
  SELECT programme_number, indicator_number,
         MIN(programme) AS programme, MIN(indicator) AS indicator, MIN(measure) AS measure,
         MIN(direction) AS direction, MIN(accumulation) AS accumulation,
         MIN(target) AS target, MIN(target_kind) AS target_kind, MAX(qualified) AS qualified,
         CASE WHEN MIN(as_of) IS NULL OR MIN(as_of) >= MIN(programme_end) THEN 1 ELSE 0 END AS final,
         CASE WHEN MIN(as_of) < MIN(programme_start) THEN 1 ELSE 0 END AS before_start
  FROM portfolio WHERE row = 'total' AND (record IS NULL OR record = 0)
  GROUP BY programme_number, indicator_number
), corrected AS (
  SELECT *,
         ROW_NUMBER() OVER (
           PARTITION BY programme_number, indicator_number, reported_by, period_start, period_end
           ORDER BY CASE WHEN collected IS NULL THEN 0 ELSE 1 END DESC, collected DESC, record DESC
         ) AS correction,
         MIN(record) OVER (
           PARTITION BY programme_number, indicator_number, reported_by, period_start, period_end
         ) AS first_seen
  FROM counted WHERE kind IS NOT NULL
), latest AS (
  SELECT *,
         ROW_NUMBER() OVER (
           PARTITION BY programme_number, indicator_number, reported_by
           ORDER BY period_end DESC, period_start DESC, first_seen DESC
         ) AS recency
  FROM corrected WHERE correction = 1
), chosen AS (
  SELECT * FROM latest WHERE accumulation = 'sum' OR recency = 1
), combined AS (
  SELECT programme_number, indicator_number,
         COUNT(*) AS n_values,
         SUM(CASE WHEN kind = 'ratio' THEN 1 ELSE 0 END) AS n_ratios,
         SUM(CASE WHEN kind = 'number' THEN 1 ELSE 0 END) AS n_numbers,
         SUM(number) AS number, SUM(numerator) AS numerator, SUM(denominator) AS denominator
  FROM chosen GROUP BY programme_number, indicator_number
), stated AS (
  SELECT programme_number, indicator_number, reported_status,
         ROW_NUMBER() OVER (
           PARTITION BY programme_number, indicator_number
           ORDER BY period_end DESC, period_start DESC, record ASC
         ) AS latest_status
  FROM counted WHERE reported_status IS NOT NULL
), reported AS (
  SELECT programme_number, indicator_number, COUNT(*) AS n_records,
         SUM(CASE WHEN kind IN ('yes_no', 'text') THEN 1 ELSE 0 END) AS n_other
  FROM counted GROUP BY programme_number, indicator_number
)
SELECT i.programme_number, i.indicator_number, i.programme, i.indicator, i.measure, i.direction,
       i.target, i.target_kind, i.qualified, i.final, i.before_start,
       COALESCE(r.n_records, 0) AS n_records, COALESCE(r.n_other, 0) AS n_other,
       COALESCE(c.n_values, 0) AS n_values, COALESCE(c.n_ratios, 0) AS n_ratios,
       COALESCE(c.n_numbers, 0) AS n_numbers, c.number, c.numerator, c.denominator,
       s.reported_status
FROM indicators i
LEFT JOIN combined c ON c.programme_number = i.programme_number AND c.indicator_number = i.indicator_number
LEFT JOIN reported r ON r.programme_number = i.programme_number AND r.indicator_number = i.indicator_number
LEFT JOIN stated s ON s.programme_number = i.programme_number AND s.indicator_number = i.indicator_number
     AND s.latest_status = 1
ORDER BY i.programme_number, i.indicator_number
"""
"""
The assessment's query over the table ``portfolio``: one row per indicator with the values that
count combined (``number``: Σ of the numbers; ``numerator``, ``denominator``: Σ of the ratios'),
the counts that tell whether they may be combined, and the status the report states last.
Written in the SQL DuckDB and Spark SQL share, so that it runs on either unchanged.
"""


@attrs.frozen
class ColumnarFigure:
    """
    One indicator's overall figures, from the columnar path (or object by object where it cannot).

    .. versionadded:: 0.1.0
    """

    programme_number: int
    """The programme's position in the portfolio (from 0)."""
    programme: str
    """The programme's title."""
    indicator_number: int
    """The indicator's position in its programme, top down (from 0)."""
    indicator: str
    """The indicator's code."""
    status: Status
    """Where it stands, as :func:`~resultsframework.assess` judges it."""
    achieved: Value | None
    """The achieved value: summed, the latest per reporter, or pooled (a :class:`Ratio`)."""
    target: Value | None
    """The end target, as a number (a percentage target as its percent)."""
    achievement_rate: Decimal | None
    """Achieved against target, direction-aware, exact."""
    variance: Decimal | None
    """Achieved minus target."""
    aggregatable: bool
    """False when the values could not be combined."""
    path: str
    """``"sql"``, or ``"object"`` for an indicator the SQL cannot assess (see the module)."""


def assess_parquet(
    path: str | os.PathLike[str],
    *,
    programmes: Iterable[Programme] | None = None,
    band: Decimal | str | int = DEFAULT_BAND,
    connection: Any = None,
) -> list[ColumnarFigure]:
    """
    Assess a Parquet portfolio (:func:`to_parquet`) on DuckDB: each indicator's overall figures.

    The figures are those of :func:`~resultsframework.assess` as of each programme's report,
    exactly.  An indicator the SQL cannot assess (see :mod:`resultsframework.interop.columnar`)
    is assessed object by object, which needs the portfolio's *programmes* (in the order
    written); without them, such an indicator raises.  *connection* is a DuckDB connection to
    reuse (a new in-memory one by default).

    Raises:
        ColumnarError: for an indicator needing the object path when *programmes* is not given.

    .. versionadded:: 0.1.0
    """
    duckdb = require("duckdb", "duckdb")
    width = _band(band)
    con = connection if connection is not None else duckdb.connect()
    source = str(Path(path) / "**" / "*.parquet").replace("'", "''")
    con.execute(
        "CREATE OR REPLACE TEMP VIEW portfolio AS "
        f"SELECT * FROM read_parquet('{source}', hive_partitioning = true)"
    )
    rows = con.execute(ASSESS_SQL).fetchall()
    names = [d[0] for d in con.description]
    return judge([dict(zip(names, row, strict=True)) for row in rows], programmes, width)


def judge(
    rows: list[dict[str, Any]], programmes: Iterable[Programme] | None, band: Decimal
) -> list[ColumnarFigure]:
    """The figures of the query's rows (from any engine), the object path where the SQL cannot."""
    kept = list(programmes) if programmes is not None else None
    assessed: dict[int, Assessment] = {}
    figures = []
    for row in rows:
        figure = _figure(row, band)
        if figure is None:
            if kept is None:
                raise ColumnarError(
                    f"indicator {row['indicator']} of {row['programme']!r} needs the object path: "
                    "pass the programmes"
                )
            number = row["programme_number"]
            if number not in assessed:
                assessed[number] = assess(kept[number], band=band)
            figure = _from_object(row, assessed[number], number)
        figures.append(figure)
    return figures


def _figure(row: dict[str, Any], band: Decimal) -> ColumnarFigure | None:
    """One indicator's figures from its row, or ``None`` where the SQL does not express the rule."""
    measure = Measure(row["measure"])
    if measure in (Measure.YES_NO, Measure.QUALITATIVE, Measure.ORDINAL) or row["n_other"]:
        return None  # ordinal: its figure is counted from the answers' breakdown, not in the SQL
    if row["target_kind"] in ("yes_no", "text") or row["qualified"]:
        return None  # yes/no or text targets; bounds and approximations ("more than 1,600")
    target = Decimal(row["target"]) if row["target"] is not None else None
    final = bool(row["final"])
    if not final and row["target_kind"] is not None:
        return None  # judged against the target due by then: milestones are not in the table
    value, aggregatable = _combined(row, measure)
    stated = Status(row["reported_status"]) if row["reported_status"] is not None else None
    direction = Direction(row["direction"])
    achieved = numeric(value)
    variance = rate = None
    if value is None:
        if stated is not None:
            status = stated
        elif not row["n_records"] and row["before_start"]:
            status = Status.NOT_STARTED
        else:
            status = Status.NO_DATA
    elif row["target_kind"] is None or achieved is None or target is None:
        status = stated or Status.NOT_ASSESSED
    else:
        status = _compare(direction, achieved, target, band) or Status.NOT_ACHIEVED
    if achieved is not None and target is not None:
        variance = achieved - target
        rate = _rate(direction, achieved, target)
    return ColumnarFigure(
        row["programme_number"], row["programme"], row["indicator_number"], row["indicator"],
        status, value, target, rate, variance, aggregatable, "sql",
    )  # fmt: skip


def _combined(row: dict[str, Any], measure: Measure) -> tuple[Value | None, bool]:
    """The combined value, as :func:`~resultsframework.assessment.progress.aggregate` makes it."""
    count, ratios, numbers = row["n_values"], row["n_ratios"], row["n_numbers"]
    if count == 0:
        return None, True
    if count > 1 and (measure is Measure.PERCENTAGE or ratios) and ratios != count:
        return None, False
    if ratios == count:
        return Ratio(_exact(row["numerator"]), _exact(row["denominator"])), True
    assert numbers == count
    return _exact(row["number"]), True


def _exact(value: Decimal) -> int | Decimal:
    """A decimal of the table as the value it stands for: an int when it is whole."""
    return int(value) if value == value.to_integral_value() else value.normalize()


def _from_object(row: dict[str, Any], assessment: Assessment, number: int) -> ColumnarFigure:
    item = assessment.indicators[row["indicator_number"]]
    overall = item.overall
    return ColumnarFigure(
        number, row["programme"], row["indicator_number"], item.code, overall.status, overall.achieved,
        overall.target, overall.achievement_rate, overall.variance, overall.aggregatable, "object",
    )  # fmt: skip


def programme_summary(figures: Iterable[ColumnarFigure]) -> list[tuple[str, Counter[Status], int]]:
    """Per programme, in order: its title, its status counts, and how many indicators took the object path."""
    summary: dict[int, tuple[str, Counter[Status], list[int]]] = {}
    for figure in figures:
        _, counts, fallback = summary.setdefault(figure.programme_number, (figure.programme, Counter(), [0]))
        counts[figure.status] += 1
        fallback[0] += figure.path == "object"
    return [(title, counts, fallback[0]) for title, counts, fallback in summary.values()]
