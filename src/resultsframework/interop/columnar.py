"""
The columnar path: a portfolio's tidy long form as Parquet, assessed in SQL on DuckDB, or on
Spark with the same query.

Needs the ``parquet`` extra (pyarrow) to write and read the table, and the ``duckdb`` extra to
assess it; both are imported only here, when used.  On Spark (the ``spark`` extra, and Java),
pass a ``SparkSession`` as the ``connection``.

**The table** has the columns of :func:`~resultsframework.to_dataframe` (one row per indicator ×
period × breakdown cell, ``row`` saying ``"total"`` or ``"cell"``), except ``status`` and
``achievement_rate``, which are what the assessment computes, plus the columns the SQL needs:
``programme_number`` and ``indicator_number`` (positions, since titles and codes may repeat),
``record`` (the value's position, which decides between two corrections collected the same day),
``kind`` (``number``, ``ratio``, ``yes_no`` or ``text``), ``number`` (an int or decimal value),
``target_kind`` and ``target_number`` (the end target, when a number), ``qualified`` (a bound or
an approximation is stated), ``simple`` (one reporter, one value per period, no two periods
ending the same day: nothing to choose between), ``elements`` (the framework elements the
indicator counts under, ``iom-iraq-2022:1.1; sdg:10.7``, by the roll-up's link inheritance),
``as_of`` (the programme's report date), ``programme_start``/``programme_end``.
Values that mix kinds (``value``, ``baseline``, ``target``) are kept as their exact text
(:func:`~resultsframework.text.values.plain`); ``number``, ``numerator`` and ``denominator``
are ``DECIMAL(38, s)``, *s* the most decimal places any value has, and so is ``target_number``,
null where a target needs more places (the query then leaves its judgement to Python).  The
files are partitioned hive-style, ``part=N/`` for each run of programmes, so that a distributed
engine reads them in parallel, and within it ``row=total/`` and ``row=cell/``, so that the
assessment, which needs only the periods' totals, reads only them.  The table is built column
by column in Arrow, never a dictionary per row.

**The assessment** (:func:`assess_parquet`) is one SQL query (:data:`ASSESS_SQL`) written in
the SQL that DuckDB and Spark SQL share (``CASE``, ``SUM``, ``MAX_BY``, window functions; no
engine-specific function): it picks the values that count (the correction collected last, then
for running totals and levels the latest of each reporter), pools percentages (Σ numerators, Σ
denominators) and sums the rest, exactly, in decimals, one row per indicator.  A ``simple``
indicator, the usual case, is combined in one aggregate; the others go through window functions.
The query also judges the status where the rule is a comparison of exact decimals: an
indicator with an end target that is a number, judged at or after the programme's end, whose
direction is ``increase`` or ``decrease``: achieved when the value equals the target, exceeded
beyond it, else not achieved (for a pooled percentage, Σ numerators × 100 compared with the
target × Σ denominators, only where whole numbers small enough guarantee the comparison of the
percent to 28 digits that :func:`~resultsframework.assess` makes); no value, no target, values
that could not be combined.  Every other status, the rate and the variance are judged in
Python, by the very functions of ``assessment/progress.py``, and a property test
(``tests/test_columnar.py``) holds the query's statuses to :func:`~resultsframework.assess`'s
over random portfolios.  Where neither expresses a rule, the indicator is assessed object by
object by :func:`~resultsframework.assess` and said so (``"object"`` in
:attr:`ColumnarFigure.path`): yes/no, qualitative and ordinal indicators, values or targets that are
yes/no or text, bounds and approximations ("more than 1,600": the qualifier's rules are the
object path's), and indicators judged before the programme's end against a target due by then
(milestones and the straight line to the end target are not in the table).

:func:`summarise_parquet` counts the statuses per programme and per framework element in the
engine, so that a portfolio of ten thousand programmes is summarised without an object per
indicator.
"""

from __future__ import annotations

import operator
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Context, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from ..assessment.alignment import effective_links
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
from ..core.periods import Period
from ..io.atomic import folder_atomic
from ..text.values import plain
from .frames import DIMENSION_PREFIX, FIXED, VALUES, indicator_columns

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "ASSESS_SQL",
    "ColumnarFigure",
    "ColumnarSummary",
    "assess_parquet",
    "read_parquet",
    "summarise_parquet",
    "to_parquet",
]

PART_SIZE = 256
"""Programmes per partition (``part=N``)."""
_ROW_GROUP = 16_384
"""Rows per Parquet row group: the unit an engine skips by its statistics, and reads in parallel."""

_OWN = (
    "programme_number", "indicator_number", "record", "kind", "number", "target_kind", "target_number",
    "qualified", "simple", "elements",
)  # fmt: skip
_PROGRAMME = ("as_of", "programme_start", "programme_end")
_DECIMALS = ("number", "numerator", "denominator")
_INDICATOR_DECIMALS = ("target_number",)
_DATES = ("period_start", "period_end", "collected", *_PROGRAMME)
_INTS = ("programme_number", "indicator_number", "record", "qualified", "simple")
_LEFT_OUT = ("status", "achievement_rate", "row")


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


def _elements(programme: Programme) -> list[str | None]:
    """
    For each indicator, top down, the framework elements it counts under (``iom-iraq-2022:1.1;
    sdg:10.7``), by the link inheritance of the roll-up: its own links, else those above it.
    """
    frameworks = dict.fromkeys(link.framework for link in programme.links)
    for node in programme.walk("impact", "outcome", "output", "indicator"):
        frameworks.update(dict.fromkeys(link.framework for link in node.item.links))
    found: list[list[str]] = [[] for _ in programme.walk("indicator")]
    for framework in frameworks:
        for position, (_, codes, _) in enumerate(effective_links(programme, framework)):
            found[position] += [f"{framework}:{code}" for code in codes]
    return [ELEMENT_SEPARATOR.join(codes) or None for codes in found]


ELEMENT_SEPARATOR = "; "
"""Between the framework elements of the ``elements`` column."""


def _simple(indicator: Indicator) -> bool:
    """
    Whether no value of *indicator* needs choosing: one reporter, one value per period, and no
    two periods ending the same day (the latest is the one ending last).  The usual case, which
    the query combines in one pass; the others go through its window functions.
    """
    records = indicator.achieved
    if not records:
        return True
    reporters = {record.reported_by for record in records}
    ends = {record.period.end for record in records}
    return len(reporters) == 1 and len(ends) == len(records)


def _qualified(indicator: Indicator) -> bool:
    """Whether a baseline, target or value of *indicator* is a bound or an approximation."""
    stated = [indicator.baseline, indicator.target, *indicator.milestones, *indicator.achieved]
    return any(item is not None and item.qualifier is not None for item in stated)


def to_parquet(
    programmes: Iterable[Programme], path: str | os.PathLike[str], *, part_size: int = PART_SIZE
) -> Path:
    """
    Write a portfolio's tidy long form as a Parquet dataset in the directory *path*.

    One directory per run of *part_size* programmes, partitioned hive-style (``part=0/``,
    ``part=1/`` ...) so that DuckDB, Spark or any Arrow reader takes the partitions in parallel;
    in each, the periods' totals (``row=total/``) apart from the breakdown cells
    (``row=cell/``), so that the assessment, which needs only the totals, reads only them.
    The columns are those of :func:`~resultsframework.to_dataframe` (less ``status`` and
    ``achievement_rate``, computed by :func:`assess_parquet`) and those the assessment needs;
    see :mod:`resultsframework.interop.columnar`.  Every value is kept exactly: numbers as
    ``DECIMAL(38, s)``, values of mixed kinds as their exact text.

    The dataset is written in a temporary directory beside *path* and put in its place at the
    end: if writing fails (a number too large, or *programmes* raising as a portfolio file
    with a bad line does), nothing is left at *path*.

    Raises:
        ColumnarError: if *path* exists and is not an empty directory, or a number needs more
            than the 38 digits of Parquet's decimals.

    .. versionadded:: 0.1.0
    """
    require("pyarrow", "parquet")

    out = Path(path)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ColumnarError(f"{out}: the Parquet dataset goes in a new or empty directory")
    with folder_atomic(out) as work:  # a programme that fails to load, say, leaves no dataset
        _write_parts(programmes, out, work, part_size)
    return out


def _write_parts(programmes: Iterable[Programme], out: Path, work: Path, part_size: int) -> None:
    """The dataset :func:`to_parquet` writes, written in the folder *work* (named *out* in messages)."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    dimensions: dict[str, None] = {}
    places = 0
    written: list[tuple[Path, pa.Schema]] = []
    part = _Part(dimensions)

    def flush(number: int) -> None:
        nonlocal places, part
        places = max(places, part.places())
        categories = part.dimension_columns()  # adding the dimensions met to the schema's
        schema = _schema([*dimensions], places)
        for kind, table in part.tables(schema, categories, out):
            if table is None or (not table.num_rows and (number or kind == "cell")):
                continue  # the first part's totals are written even empty, for the schema
            file = work / f"part={number}" / f"row={kind}" / "data.parquet"
            file.parent.mkdir(parents=True)
            if kind == "total":
                # In row groups the query's filters skip by their statistics: the totals of the
                # indicators combined alike together (simple ones summed, simple ones taken at
                # their latest, the others), and in each, every indicator's first total first
                # (those without values last), where the query reads the indicators' columns.
                table = _in_query_order(table)  # noqa: PLW2901
            pq.write_table(table, file, row_group_size=_ROW_GROUP)
            written.append((file, schema))
        part = _Part(dimensions)

    number = 0
    for index, programme in enumerate(programmes):
        if index and index % part_size == 0:
            flush(number)
            number += 1
        part.add(index, programme)
    flush(number)
    # A later part that met a new dimension or more decimal places widens the earlier parts'.
    final = _schema([*dimensions], places)
    for file, schema in written:
        if schema != final:
            pq.write_table(
                _widened(pq.read_table(file, partitioning=None), final, out), file, row_group_size=_ROW_GROUP
            )


def _in_query_order(table: pa.Table) -> pa.Table:
    """
    A part's totals in the order the query reads them: by how an indicator's values combine
    (simple ones summed, simple ones at their latest, the others), and in each, every
    indicator's first total (or its only row, without values) first, then the other totals
    indicator by indicator.  Row groups then hold one kind of row each, which the query's
    filters skip by their statistics, and an indicator's totals sit together for its sums.
    """
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    later = pc.fill_null(pc.greater(table["record"], 0), False)
    keys = pa.table({
        "simple": table["simple"], "accumulation": table["accumulation"], "later": later,
        "programme_number": table["programme_number"], "indicator_number": table["indicator_number"],
        "record": table["record"],
    })  # fmt: skip
    order = pc.sort_indices(keys, sort_keys=[
        ("simple", "descending"), ("accumulation", "ascending"), ("later", "ascending"),
        ("programme_number", "ascending"), ("indicator_number", "ascending"), ("record", "ascending"),
    ])  # fmt: skip
    return table.take(order)


class _Part:
    """One part's columns, appended to a record at a time and a breakdown's cells at a time."""

    def __init__(self, dimensions: dict[str, None]) -> None:
        self.dimensions = dimensions
        self.indicators: dict[str, list[object]] = {name: [] for name in _INDICATOR_COLUMNS}
        self.totals: dict[str, list[object]] = {name: [] for name in _TOTAL_COLUMNS}
        self.values: list[Value | None] = []
        self.cell_of: list[int] = []  # each cell's total row
        self.cell_categories: list[tuple[tuple[str, str], ...]] = []
        self.cell_values: list[Value] = []
        self.periods: dict[Period, tuple[str, date, date]] = {}  # each period's columns, once

    def add(self, number: int, programme: Programme) -> None:
        as_of = report_date(programme)
        dates = programme.dates
        start, end = (dates.start, dates.end) if dates is not None else (None, None)
        indicators, totals = self.indicators, self.totals
        on_indicator = [indicators[name].append for name in _INDICATOR_COLUMNS]
        on_total = [totals[name].append for name in _TOTAL_COLUMNS]
        values, periods = self.values, self.periods
        elements = _elements(programme)
        for position, node in enumerate(programme.walk("indicator")):
            indicator: Indicator = node.item  # type: ignore[assignment]
            target = _end_target(indicator)
            described = indicator_columns(indicator)
            row = (
                number, programme.title, as_of, start, end, position,
                node.outcome.code if node.outcome is not None else None,
                node.output.code if node.output is not None else None,
                indicator.code, *[described[name] for name in _DESCRIBED],
                _text(indicator.baseline.value) if indicator.baseline else None,
                _text(target), _kind(target), target if _kind(target) == "number" else None,
                int(_qualified(indicator)), int(_simple(indicator)), elements[position],
            )  # fmt: skip
            for append, item in zip(on_indicator, row, strict=True):
                append(item)
            at = len(indicators["indicator"]) - 1
            if not indicator.achieved:
                for append in on_total:
                    append(None)
                totals["indicator_row"][-1] = at
                values.append(None)
                continue
            for record_number, record in enumerate(indicator.achieved):
                period, variance, status = record.period, record.variance, record.status
                category = variance.category if variance is not None else None
                if (when := periods.get(period)) is None:
                    when = periods[period] = (period.id, period.start, period.end)
                total = (
                    at, record_number, *when, record.reported_by,
                    record.narrative, variance.reason if variance is not None else None,
                    category.value if category is not None else None, record.source,
                    status.value if status is not None else None, record.collected, record.comment,
                )  # fmt: skip
                for append, item in zip(on_total, total, strict=True):
                    append(item)
                values.append(record.value)
                if record.breakdowns:
                    row_number = len(values) - 1
                    for breakdown in record.breakdowns:
                        cells = breakdown.cells
                        self.cell_of.extend([row_number] * len(cells))
                        self.cell_categories.extend(map(_CATEGORIES, cells))
                        self.cell_values.extend(map(_VALUE, cells))

    def places(self) -> int:
        """The decimal places this part's numbers need: the most any value has."""
        return max(_places(self.values), _places(self.cell_values))

    def tables(
        self, schema: pa.Schema, categories: dict[str, pa.Array], out: Path
    ) -> Iterator[tuple[str, pa.Table | None]]:
        """The part's two tables, of the totals and of the cells, in the columns of *schema*."""
        import pyarrow as pa  # noqa: PLC0415

        decimal = schema.field("number").type
        described = {
            name: _target_numbers(self.indicators[name], decimal)  # type: ignore[arg-type]
            if name in _INDICATOR_DECIMALS
            else pa.array(self.indicators[name], schema.field(name).type)
            for name in _INDICATOR_COLUMNS
        }
        totals = {
            name: pa.array(self.totals[name], schema.field(name).type)
            for name in _TOTAL_COLUMNS
            if name != "indicator_row"
        }
        rows = pa.array(self.totals["indicator_row"], pa.int64())
        columns = {name: column.take(rows) for name, column in described.items()}
        columns.update(totals)
        columns.update(_value_columns(self.values, decimal, out))
        yield "total", _assembled(columns, len(rows), schema)
        if not self.cell_values:
            yield "cell", None
            return
        of = pa.array(self.cell_of, pa.int64())
        rows = rows.take(of)
        columns = {name: column.take(rows) for name, column in described.items()}
        columns.update({name: totals[name].take(of) for name in _AT_COLUMNS})
        columns.update(categories)
        columns.update(_value_columns(self.cell_values, decimal, out))
        yield "cell", _assembled(columns, len(of), schema)

    def dimension_columns(self) -> dict[str, pa.Array]:
        """A column per dimension the cells have, each cell's category under its dimension."""
        import pyarrow as pa  # noqa: PLC0415

        combinations: dict[tuple[tuple[str, str], ...], int] = {}
        indices = [combinations.setdefault(c, len(combinations)) for c in self.cell_categories]
        columns: dict[str, list[str | None]] = {}
        for position, categories in enumerate(combinations):
            for dimension, category in categories:
                name = _column(dimension)
                self.dimensions.setdefault(name, None)
                columns.setdefault(name, [None] * len(combinations))[position] = category
        taken = pa.array(indices, pa.int64())
        return {name: pa.array(column, pa.string()).take(taken) for name, column in columns.items()}


_DESCRIBED = ("statement", "measure", "unit", "direction", "accumulation", "links")
_INDICATOR_COLUMNS = (
    "programme_number", "programme", "as_of", "programme_start", "programme_end", "indicator_number",
    "outcome", "output", "indicator", *_DESCRIBED, "baseline", "target", "target_kind", "target_number",
    "qualified", "simple", "elements",
)  # fmt: skip
"""The columns the same on every row of an indicator."""
_AT_COLUMNS = ("record", "period", "period_start", "period_end", "reported_by")
"""The columns the same on a period's total and on each of its cells."""
_TOTAL_COLUMNS = (
    "indicator_row", *_AT_COLUMNS, "narrative", "variance", "variance_category", "source",
    "reported_status", "collected", "comment",
)  # fmt: skip
"""The columns of a period's total besides its value (``indicator_row``: the indicator's, within the part)."""
_CATEGORIES = operator.itemgetter(0)
_VALUE = operator.itemgetter(1)


def _places(values: Sequence[object]) -> int:
    kinds = set(map(type, values))
    if kinds <= {int, type(None)} or (
        kinds <= _KINDS.keys() and all(_whole(v) for v in values if type(v) is Ratio)
    ):
        return 0  # the usual case, whole numbers
    places = 0
    for value in values:
        if isinstance(value, Ratio):
            places = max(places, _places([value.numerator, value.denominator]))
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int):
                places = max(places, -exponent)
    return places


def _whole(ratio: Ratio) -> bool:
    return type(ratio.numerator) is int and type(ratio.denominator) is int


def _value_columns(values: Sequence[Value | None], decimal: pa.DataType, out: Path) -> dict[str, pa.Array]:
    """The columns ``value``, ``kind``, ``number``, ``numerator`` and ``denominator`` of *values*."""
    import pyarrow as pa  # noqa: PLC0415

    try:
        fast = _fast_value_columns(values, decimal)
        if fast is not None:
            return fast
        quantum = Decimal(1).scaleb(-decimal.scale)

        def exact(number: int | Decimal | None) -> Decimal | None:
            return None if number is None else Decimal(number).quantize(quantum)

        columns: dict[str, list[object]] = {c: [] for c in ("value", "kind", *_DECIMALS)}
        text, kind, number, numerator, denominator = (columns[c].append for c in columns)
        for value in values:
            text(_text(value))
            kind(_kind(value))
            number(exact(value) if _kind(value) == "number" else None)  # type: ignore[arg-type]
            numerator(exact(value.numerator) if isinstance(value, Ratio) else None)
            denominator(exact(value.denominator) if isinstance(value, Ratio) else None)
        return {
            name: pa.array(column, decimal if name in _DECIMALS else pa.string())
            for name, column in columns.items()
        }
    except (pa.ArrowInvalid, ArithmeticError) as e:
        raise ColumnarError(f"{out}: a number does not fit Parquet's 38-digit decimals: {e}") from None


_KINDS: dict[type, str | None] = {int: "number", type(None): None, Ratio: "ratio"}


def _fast_value_columns(values: Sequence[Value | None], decimal: pa.DataType) -> dict[str, pa.Array] | None:
    """
    The value columns of whole numbers and ratios of whole numbers, the usual case, converted
    to decimals by Arrow rather than one by one; ``None`` for any other value (or beyond 64 bits).
    """
    import pyarrow as pa  # noqa: PLC0415

    if not set(map(type, values)) <= _KINDS.keys():
        return None
    ratios = [v for v in values if type(v) is Ratio]
    if not all(map(_whole, ratios)):
        return None
    kinds = _KINDS.__getitem__
    try:
        columns = {
            "value": pa.array([str(v) if type(v) is int else _text(v) for v in values], pa.string()),
            "kind": pa.array(list(map(kinds, map(type, values))), pa.string()),
            "number": pa.array([v if type(v) is int else None for v in values], pa.int64()),
        }
        if ratios:
            columns["numerator"] = pa.array(
                [v.numerator if type(v) is Ratio else None for v in values], pa.int64()
            )
            columns["denominator"] = pa.array(
                [v.denominator if type(v) is Ratio else None for v in values], pa.int64()
            )
    except OverflowError:
        return None
    for name in _DECIMALS:
        if name in columns:
            columns[name] = columns[name].cast(decimal)
    return columns


def _target_numbers(numbers: list[int | Decimal | None], decimal: pa.DataType) -> pa.Array:
    """
    The end targets that are numbers, as the decimal column holds them exactly; null for one it
    cannot (more decimal places than the values have, or beyond 38 digits), which the query
    then leaves to Python to judge.  Targets never widen the values' decimals.
    """
    import pyarrow as pa  # noqa: PLC0415

    quantum = Decimal(1).scaleb(-decimal.scale)
    context = Context(prec=38)
    exact: list[Decimal | None] = []
    for number in numbers:
        try:
            held = None if number is None else Decimal(number).quantize(quantum, context=context)
        except ArithmeticError:
            held = None
        exact.append(held if held == number else None)
    return pa.array(exact, decimal)


def _assembled(columns: dict[str, pa.Array], length: int, schema: pa.Schema) -> pa.Table:
    """A table of *schema* from *columns*; the columns not given are empty (null)."""
    import pyarrow as pa  # noqa: PLC0415

    arrays = [columns[f.name] if f.name in columns else pa.nulls(length, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def _widened(table: pa.Table, schema: pa.Schema, out: Path) -> pa.Table:
    """A part written before the portfolio's last dimension or decimal place, in the final *schema*."""
    import pyarrow as pa  # noqa: PLC0415

    try:
        columns = {n: table[n].combine_chunks().cast(schema.field(n).type) for n in table.column_names}
        return _assembled(columns, table.num_rows, schema)
    except pa.ArrowInvalid as e:
        raise ColumnarError(f"{out}: a number does not fit Parquet's 38-digit decimals: {e}") from None


def _column(dimension: str) -> str:
    taken = dimension in FIXED or dimension in VALUES or dimension in _OWN or dimension in _PROGRAMME
    return DIMENSION_PREFIX + dimension if taken or dimension.startswith(DIMENSION_PREFIX) else dimension


def _schema(dimensions: list[str], places: int) -> pa.Schema:
    """The files' columns: ``row`` is not one of them but the partition (``row=total``, ``row=cell``)."""
    import pyarrow as pa  # noqa: PLC0415

    if places > 38:
        raise ColumnarError(f"a value has {places} decimal places; Parquet's decimals hold 38 digits")
    decimal = pa.decimal128(38, places)
    columns = [c for c in (*FIXED, *dimensions, *VALUES) if c not in _LEFT_OUT] + [*_OWN, *_PROGRAMME]
    fields = []
    for column in dict.fromkeys(columns):
        if column in _DECIMALS or column in _INDICATOR_DECIMALS:
            kind: pa.DataType = decimal
        elif column in _DATES:
            kind = pa.date32()
        elif column in _INTS:
            kind = pa.int64()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def read_parquet(path: str | os.PathLike[str]) -> pa.Table:
    """
    The table of a Parquet dataset :func:`to_parquet` wrote, as a ``pyarrow.Table``, in order.

    .. versionadded:: 0.1.0
    """
    require("pyarrow", "parquet")
    import pyarrow.dataset as ds  # noqa: PLC0415

    if not Path(path).is_dir():
        raise ColumnarError(f"{path}: no such Parquet dataset (a directory to_parquet wrote)")
    import pyarrow.compute as pc  # noqa: PLC0415

    table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    # Each period's total, then its cells, as the tidy frame has them (the sort is stable).
    table = table.append_column("_cell", pc.equal(table["row"], "cell"))
    keys = ("programme_number", "indicator_number", "record", "_cell")
    table = table.sort_by([(key, "ascending") for key in keys]).drop_columns(["_cell"])
    names = [n for n in table.column_names if n != "row"]
    names.insert(names.index("reported_by") + 1, "row")  # where the tidy frame has it
    return table.select(names)


# -- the assessment --------------------------------------------------------------------------

_FIGURES_SQL = """
WITH simple_sums AS (
  SELECT programme_number, indicator_number,
         COUNT(*) AS n_records,
         SUM(CASE WHEN kind IN ('yes_no', 'text') THEN 1 ELSE 0 END) AS n_other,
         MAX_BY(reported_status, CASE WHEN reported_status IS NOT NULL THEN period_end END)
           AS reported_status,
         COUNT(kind) AS n_values,
         SUM(CASE WHEN kind = 'ratio' THEN 1 ELSE 0 END) AS n_ratios,
         SUM(CASE WHEN kind = 'number' THEN 1 ELSE 0 END) AS n_numbers,
         SUM(number) AS number, SUM(numerator) AS numerator, SUM(denominator) AS denominator
  FROM portfolio
  WHERE row = 'total' AND simple = 1 AND accumulation = 'sum'
        AND period IS NOT NULL AND (as_of IS NULL OR period_start <= as_of)
  GROUP BY programme_number, indicator_number
), simple_latest AS (
  SELECT programme_number, indicator_number,
         COUNT(*) AS n_records,
         SUM(CASE WHEN kind IN ('yes_no', 'text') THEN 1 ELSE 0 END) AS n_other,
         MAX_BY(reported_status, CASE WHEN reported_status IS NOT NULL THEN period_end END)
           AS reported_status,
         MAX_BY(kind, CASE WHEN kind IS NOT NULL THEN period_end END) AS kind,
         MAX_BY(number, CASE WHEN kind IS NOT NULL THEN period_end END) AS number,
         MAX_BY(numerator, CASE WHEN kind IS NOT NULL THEN period_end END) AS numerator,
         MAX_BY(denominator, CASE WHEN kind IS NOT NULL THEN period_end END) AS denominator
  FROM portfolio
  WHERE row = 'total' AND simple = 1 AND (accumulation IS NULL OR accumulation <> 'sum')
        AND period IS NOT NULL AND (as_of IS NULL OR period_start <= as_of)
  GROUP BY programme_number, indicator_number
), simple_combined AS (
  SELECT programme_number, indicator_number, n_records, n_other, reported_status, n_values, n_ratios,
         n_numbers, number, numerator, denominator
  FROM simple_sums
  UNION ALL
  SELECT programme_number, indicator_number, n_records, n_other, reported_status,
         CASE WHEN kind IS NOT NULL THEN 1 ELSE 0 END AS n_values,
         CASE WHEN kind = 'ratio' THEN 1 ELSE 0 END AS n_ratios,
         CASE WHEN kind = 'number' THEN 1 ELSE 0 END AS n_numbers,
         number, numerator, denominator
  FROM simple_latest
), counted AS (
  SELECT programme_number, indicator_number, record, period_start, period_end, reported_by, collected,
         reported_status, kind, number, numerator, denominator, accumulation
  FROM portfolio
  WHERE row = 'total' AND simple = 0 AND period IS NOT NULL AND (as_of IS NULL OR period_start <= as_of)
), corrected AS (
  SELECT programme_number, indicator_number, reported_by, period_start, period_end, accumulation,
         kind, number, numerator, denominator,
         ROW_NUMBER() OVER (
           PARTITION BY programme_number, indicator_number, reported_by, period_start, period_end
           ORDER BY CASE WHEN collected IS NULL THEN 0 ELSE 1 END DESC, collected DESC, record DESC
         ) AS correction
  FROM counted WHERE kind IS NOT NULL
), latest AS (
  SELECT programme_number, indicator_number, accumulation, kind, number, numerator, denominator,
         ROW_NUMBER() OVER (
           PARTITION BY programme_number, indicator_number, reported_by
           ORDER BY period_end DESC, period_start DESC
         ) AS recency
  FROM corrected WHERE correction = 1
), combined AS (
  SELECT programme_number, indicator_number,
         COUNT(*) AS n_values,
         SUM(CASE WHEN kind = 'ratio' THEN 1 ELSE 0 END) AS n_ratios,
         SUM(CASE WHEN kind = 'number' THEN 1 ELSE 0 END) AS n_numbers,
         SUM(number) AS number, SUM(numerator) AS numerator, SUM(denominator) AS denominator
  FROM latest WHERE accumulation = 'sum' OR recency = 1
  GROUP BY programme_number, indicator_number
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
), general_combined AS (
  SELECT r.programme_number, r.indicator_number, r.n_records, r.n_other, s.reported_status,
         COALESCE(c.n_values, 0) AS n_values, COALESCE(c.n_ratios, 0) AS n_ratios,
         COALESCE(c.n_numbers, 0) AS n_numbers, c.number, c.numerator, c.denominator
  FROM reported r
  LEFT JOIN combined c ON c.programme_number = r.programme_number AND c.indicator_number = r.indicator_number
  LEFT JOIN stated s ON s.programme_number = r.programme_number AND s.indicator_number = r.indicator_number
       AND s.latest_status = 1
), values_combined AS (
  SELECT * FROM simple_combined
  UNION ALL
  SELECT programme_number, indicator_number, n_records, n_other, reported_status, n_values, n_ratios,
         n_numbers, number, numerator, denominator
  FROM general_combined
), indicators AS (
  SELECT programme_number, indicator_number, programme, indicator, measure, direction, elements,
         target, target_kind, target_number, qualified,
         CASE WHEN as_of IS NULL OR as_of >= programme_end THEN 1 ELSE 0 END AS final,
         CASE WHEN as_of < programme_start THEN 1 ELSE 0 END AS before_start
  FROM portfolio WHERE row = 'total' AND record = 0
  UNION ALL
  SELECT programme_number, indicator_number, programme, indicator, measure, direction, elements,
         target, target_kind, target_number, qualified,
         CASE WHEN as_of IS NULL OR as_of >= programme_end THEN 1 ELSE 0 END AS final,
         CASE WHEN as_of < programme_start THEN 1 ELSE 0 END AS before_start
  FROM portfolio WHERE row = 'total' AND record IS NULL
), figures AS (
  SELECT i.programme_number, i.indicator_number, i.programme, i.indicator, i.measure, i.direction,
         i.elements, i.target, i.target_kind, i.target_number, i.qualified, i.final, i.before_start,
         COALESCE(v.n_records, 0) AS n_records, COALESCE(v.n_other, 0) AS n_other,
         COALESCE(v.n_values, 0) AS n_values, COALESCE(v.n_ratios, 0) AS n_ratios,
         COALESCE(v.n_numbers, 0) AS n_numbers, v.number, v.numerator, v.denominator, v.reported_status
  FROM indicators i
  LEFT JOIN values_combined v
       ON v.programme_number = i.programme_number AND v.indicator_number = i.indicator_number
)
SELECT *,
       CASE
         WHEN measure IN ('yes_no', 'qualitative', 'ordinal') OR n_other > 0 OR qualified = 1
              OR target_kind IN ('yes_no', 'text') OR (final = 0 AND target_kind IS NOT NULL) THEN NULL
         WHEN n_values = 0 OR (n_values > 1 AND (measure = 'percentage' OR n_ratios > 0)
                               AND n_ratios <> n_values)
           THEN COALESCE(reported_status,
                         CASE WHEN n_records = 0 AND before_start = 1 THEN 'not_started' ELSE 'no_data' END)
         WHEN target_kind IS NULL THEN COALESCE(reported_status, 'not_assessed')
         WHEN target_kind <> 'number' OR target_number IS NULL OR direction NOT IN ('increase', 'decrease')
           THEN NULL
         WHEN n_ratios > 0 THEN
           CASE
             WHEN NOT (denominator > 0 AND numerator = FLOOR(numerator) AND denominator = FLOOR(denominator)
                       AND target_number = FLOOR(target_number) AND ABS(numerator) < 1000000000000000000000000
                       AND denominator < 1000000000000000000000000 AND ABS(target_number) < 1000000000000)
               THEN NULL
             WHEN CAST(numerator AS DECIMAL(38, 0)) * 100
                  = CAST(target_number AS DECIMAL(38, 0)) * CAST(denominator AS DECIMAL(38, 0))
               THEN 'achieved'
             WHEN (direction = 'increase' AND CAST(numerator AS DECIMAL(38, 0)) * 100
                     > CAST(target_number AS DECIMAL(38, 0)) * CAST(denominator AS DECIMAL(38, 0)))
                  OR (direction = 'decrease' AND CAST(numerator AS DECIMAL(38, 0)) * 100
                     < CAST(target_number AS DECIMAL(38, 0)) * CAST(denominator AS DECIMAL(38, 0)))
               THEN 'exceeded'
             ELSE 'not_achieved'
           END
         WHEN number = target_number THEN 'achieved'
         WHEN (direction = 'increase' AND number > target_number)
              OR (direction = 'decrease' AND number < target_number) THEN 'exceeded'
         ELSE 'not_achieved'
       END AS status
FROM figures
"""

ASSESS_SQL = _FIGURES_SQL + "ORDER BY programme_number, indicator_number\n"
"""
The assessment's query over the table ``portfolio``: one row per indicator with the values that
count combined (``number``: Σ of the numbers; ``numerator``, ``denominator``: Σ of the ratios'),
the counts that tell whether they may be combined, the status the report states last, and
``status``, the status where the query judges it (else null: judged in Python, see the module).
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
    written); without them, such an indicator raises.  *connection* is where the query runs: a
    DuckDB connection to reuse (a new in-memory one by default), or a Spark session
    (``pyspark.sql.SparkSession``), which reads the dataset in parallel and runs the same query;
    set ``spark.sql.ansi.enabled`` so that an overflow is an error, not a null.

    Raises:
        ColumnarError: for an indicator needing the object path when *programmes* is not given.

    .. versionadded:: 0.1.0
    """
    width = _band(band)
    return judge(_Engine(path, connection).rows(ASSESS_SQL), programmes, width)


class _Engine:
    """
    Where the SQL runs: a DuckDB connection (*connection*, else a new in-memory one), or a
    :class:`pyspark.sql.SparkSession`, with the view ``portfolio`` over the dataset at *path*.
    The query text is the same on both; only how a view is made and rows are fetched differ.
    """

    def __init__(self, path: str | os.PathLike[str], connection: Any) -> None:
        self.spark = _is_spark(connection)
        if self.spark:
            self.con = connection
            connection.read.parquet(str(Path(path))).createOrReplaceTempView("portfolio")
            return
        duckdb = require("duckdb", "duckdb")
        self.con = connection if connection is not None else duckdb.connect()
        source = str(Path(path) / "**" / "*.parquet").replace("'", "''")
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW portfolio AS "
            f"SELECT * FROM read_parquet('{source}', hive_partitioning = true)"
        )

    def rows(self, query: str) -> list[dict[str, Any]]:
        """The rows of *query*, each a dictionary by column name."""
        if self.spark:
            return [row.asDict() for row in self.con.sql(query).collect()]
        found = self.con.execute(query).fetchall()
        names = [d[0] for d in self.con.description]
        return [dict(zip(names, row, strict=True)) for row in found]

    def tuples(self, query: str) -> list[tuple[Any, ...]]:
        """The rows of *query*, each a tuple in the order of its columns."""
        if self.spark:
            return [tuple(row) for row in self.con.sql(query).collect()]
        return list(self.con.execute(query).fetchall())

    def keep(self, name: str, query: str) -> None:
        """The result of *query* computed once and kept as *name* for the queries that follow."""
        if self.spark:
            self.con.sql(query).cache().createOrReplaceTempView(name)
        else:
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {query}")

    def drop(self, name: str) -> None:
        """What :meth:`keep` kept as *name*, dropped."""
        if self.spark:
            self.con.catalog.dropTempView(name)
        else:
            self.con.execute(f"DROP TABLE {name}")


def _is_spark(connection: Any) -> bool:
    """Whether *connection* is a Spark session (told without importing pyspark)."""
    return type(connection).__module__.startswith("pyspark.") and hasattr(connection, "sql")


@attrs.frozen
class ColumnarSummary:
    """
    A portfolio's status counts from the columnar path: per programme and per framework element.

    .. versionadded:: 0.1.0
    """

    programmes: tuple[tuple[str, Counter[Status], int], ...]
    """
    Per programme with indicators, in order: its title, how many of its indicators have each
    status (statuses in the order its indicators first have them), and how many of them were
    assessed object by object.
    """
    elements: dict[str, Counter[Status]]
    """
    Per framework element (``iom-iraq-2022:1.1``), in the order the portfolio first links to
    it: the status counts of the indicators counting under it, by the roll-up's link
    inheritance (an indicator without links of its own counts where its output, outcome or
    programme links); an indicator counts under each element it links to.
    """


def summarise_parquet(
    path: str | os.PathLike[str],
    *,
    programmes: Iterable[Programme] | None = None,
    band: Decimal | str | int = DEFAULT_BAND,
    connection: Any = None,
) -> ColumnarSummary:
    """
    The status counts of a Parquet portfolio (:func:`to_parquet`), per programme and per
    framework element, assessed on DuckDB: the statuses of :func:`assess_parquet`, counted in
    the engine rather than one indicator at a time in Python.

    The indicators the query cannot judge (see :mod:`resultsframework.interop.columnar`) are
    judged as :func:`assess_parquet` does, which for those needing the object path takes
    the portfolio's *programmes*.  *connection*: a DuckDB connection or a Spark session, as
    for :func:`assess_parquet`.

    Raises:
        ColumnarError: for an indicator needing the object path when *programmes* is not given.

    .. versionadded:: 0.1.0
    """
    width = _band(band)
    engine = _Engine(path, connection)
    # The columns the counts need, kept; the indicators the query does not judge, if any, are
    # fetched whole by a second query, to be judged in Python.
    engine.keep(
        "assessed",
        "SELECT programme_number, indicator_number, programme, elements, status "
        f"FROM ({_FIGURES_SQL}) AS figures",
    )
    try:
        by_programme = engine.tuples(
            "SELECT programme_number, MIN(programme), status, COUNT(*), MIN(indicator_number) "
            "FROM assessed WHERE status IS NOT NULL GROUP BY programme_number, status"
        )
        by_element = engine.tuples(
            "SELECT elements, status, COUNT(*), MIN(programme_number * 1000000000 + indicator_number) "
            "FROM assessed WHERE status IS NOT NULL AND elements IS NOT NULL GROUP BY elements, status"
        )
        (unjudged,) = engine.tuples("SELECT COUNT(*) FROM assessed WHERE status IS NULL")[0]
        rest = engine.rows(f"SELECT * FROM ({_FIGURES_SQL}) AS figures WHERE status IS NULL "
                           "ORDER BY programme_number, indicator_number") if unjudged else []  # fmt: skip
    finally:
        engine.drop("assessed")
    counted: list[tuple[int, int, str, Status, int]] = [
        (number, first, title, Status(status), count) for number, title, status, count, first in by_programme
    ]
    linked: list[tuple[int, str, Status, int]] = [
        (first, elements, Status(status), count) for elements, status, count, first in by_element
    ]
    fallback: Counter[int] = Counter()
    for row, figure in zip(rest, judge(rest, programmes, width), strict=True):
        counted.append((figure.programme_number, figure.indicator_number, figure.programme, figure.status, 1))
        fallback[figure.programme_number] += figure.path == "object"
        if row["elements"] is not None:
            first = figure.programme_number * 1_000_000_000 + figure.indicator_number
            linked.append((first, row["elements"], figure.status, 1))
    return ColumnarSummary(_programme_counts(counted, fallback), _element_counts(linked))


def _programme_counts(
    counted: list[tuple[int, int, str, Status, int]], fallback: Counter[int]
) -> tuple[tuple[str, Counter[Status], int], ...]:
    """Per programme, in order, the counts of each status in the order its indicators first have them."""
    first: dict[tuple[int, Status], int] = {}
    totals: Counter[tuple[int, Status]] = Counter()
    titles: dict[int, str] = {}
    for number, position, title, status, count in counted:
        key = (number, status)
        first[key] = min(first.get(key, position), position)
        totals[key] += count
        titles[number] = title
    summary: dict[int, Counter[Status]] = {}
    for number, status in sorted(first, key=lambda key: (key[0], first[key])):
        summary.setdefault(number, Counter())[status] = totals[number, status]
    return tuple((titles[number], counts, fallback[number]) for number, counts in summary.items())


def _element_counts(linked: list[tuple[int, str, Status, int]]) -> dict[str, Counter[Status]]:
    """Per element, in the order first linked, the counts of each status in the order first had."""
    first: dict[tuple[str, Status], int] = {}
    totals: Counter[tuple[str, Status]] = Counter()
    for position, elements, status, count in linked:
        for element in dict.fromkeys(elements.split(ELEMENT_SEPARATOR)):  # once under each
            key = (element, status)
            first[key] = min(first.get(key, position), position)
            totals[key] += count
    seen: dict[str, int] = {}
    for (element, _), position in first.items():
        seen[element] = min(seen.get(element, position), position)
    summary: dict[str, Counter[Status]] = {}
    for element, status in sorted(first, key=lambda key: (seen[key[0]], first[key])):
        summary.setdefault(element, Counter())[status] = totals[element, status]
    return summary


def judge(
    rows: list[dict[str, Any]], programmes: Iterable[Programme] | None, band: Decimal
) -> list[ColumnarFigure]:
    """
    The figures of the query's rows (from any engine), the object path where the SQL cannot.

    *programmes* are read once, in order, and only those the object path needs are kept and
    assessed: a portfolio read lazily from its files (:func:`~resultsframework.iter_portfolio`)
    is never held whole.
    """
    figures: list[ColumnarFigure | None] = [_figure(row, band) for row in rows]
    needed = {row["programme_number"] for row, figure in zip(rows, figures, strict=True) if figure is None}
    if needed and programmes is None:
        row = next(row for row, figure in zip(rows, figures, strict=True) if figure is None)
        raise ColumnarError(
            f"indicator {row['indicator']} of {row['programme']!r} needs the object path: pass the programmes"
        )
    assessed: dict[int, Assessment] = {}
    if needed:
        for number, programme in enumerate(cast("Iterable[Programme]", programmes)):
            if number in needed:
                assessed[number] = assess(programme, band=band)
                if len(assessed) == len(needed):
                    break
    missing = needed - assessed.keys()
    if missing:
        raise ColumnarError(
            f"the dataset holds programme number {min(missing)}, and the programmes given end before it"
        )
    return [
        figure
        if figure is not None
        else _from_object(row, assessed[row["programme_number"]], row["programme_number"])
        for row, figure in zip(rows, figures, strict=True)
    ]


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
    judged = row.get("status")
    if judged is not None:  # judged in the query, where it is a comparison of exact decimals
        status = Status(judged)
    elif value is None:
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
