"""
The indicator tracking workbook an M&E officer fills in each quarter, and reading it back.

:func:`tracker_workbook` writes one row per indicator, period and reporter: codes, statements, baseline
and target locked; value, numerator and denominator, one column per disaggregation cell,
narrative, reason for variance (with its category from a list), source and comment open.
Yes/no values and variance categories have dropdowns.  No cell holds a formula.

:func:`read_tracker` puts what was typed back into the programme.  Every problem is reported
with its sheet, cell and column; a cell with something in it is never ignored, a locked cell
changed is an error, and a row is never read twice.
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..assessment.validation import Policy, validate
from ..core.diagnostics import Diagnostic
from ..core.errors import LoadError, Problem, ResultsFrameworkError, did_you_mean
from ..core.extras import require
from ..core.model import (
    Achieved,
    Breakdown,
    Cell,
    Indicator,
    Measure,
    Programme,
    Qualifier,
    Ratio,
    Value,
    Variance,
    VarianceCategory,
    record_values,
)
from ..core.periods import Period, PeriodError
from ..text.escape import display_text, is_formula_like, spreadsheet_text
from ..text.layout import FONT, row_height
from .readback import Field, Unreadable, blank, exact, keep_unshown, quote, read_value, text

if TYPE_CHECKING:
    from ..formats.xlsx import SheetRows

__all__ = ["read_tracker", "tracker_findings", "tracker_workbook", "validate_tracker"]

SHEET = "Tracker"
INSTRUCTIONS = "Instructions"
KEYS = (
    "Outcome", "Output", "Indicator code", "Indicator", "Measure", "Unit", "Baseline", "Target", "Period",
    "Reported by",
)  # fmt: skip
OPEN = ("Achieved value", "Numerator", "Denominator")
CELLS: dict[Field, str] = {"value": OPEN[0], "numerator": OPEN[1], "denominator": OPEN[2]}
"""The columns of a value's cells."""
QUALIFIER = "Qualifier"
"""The column saying how a value is stated when not exactly: more than, at least, around, up to."""
QUALIFIERS = {q.value.replace("_", " "): q for q in Qualifier}
"""The qualifiers as the tracker writes them ("more than"); read back either way ("more_than")."""
SECOND_UNIT = "Second unit"
"""The (locked) column of an indicator's second unit: the individuals of "5,168 households"."""
SECOND = "Figure in second unit"
"""The column of a value's figure in the indicator's second unit (25,521 individuals)."""
STATED = (QUALIFIER, SECOND_UNIT, SECOND)
"""The columns of how a value is stated, between the value and its breakdown."""
NOTES = ("Narrative", "Reason for variance", "Variance category", "Source of verification", "Comment")
LOCKED_FILL = "EDEDED"


@functools.lru_cache(maxsize=1024)  # a programme has a few periods, met on every row
def period_text(period: Period) -> str:
    """A period as people write it (Q1 2025, 1 May 2021 – 30 December 2021), read back as itself."""
    from ..text.l10n import Localizer  # noqa: PLC0415

    shown = Localizer.of("en").period(period)
    try:
        return shown if Period.parse(shown) == period else period.id
    except PeriodError:
        return period.id


@functools.lru_cache(maxsize=4096)  # a few combinations of categories, met on every row
def _cell_key(categories: tuple[tuple[str, str], ...]) -> str:
    """A breakdown cell's column heading: ``sex: female, age: 18-59``."""
    return ", ".join(f"{d}: {c}" for d, c in categories)


Categories = tuple[tuple[str, str], ...]


def _parse_key(text: str) -> Categories | None:
    pairs = []
    for part in text.split(", "):
        dimension, sep, category = part.partition(": ")
        if not sep or not dimension or not category:
            return None
        pairs.append((dimension, category))
    return tuple(pairs)


def _rows(programme: Programme, indicator: Indicator) -> list[tuple[Period, str | None]]:
    """
    A row per period (the reporting periods and any with a value), and per reporter.

    A period with values has a row per reporter of them.  A reporting period has a row per
    reporter of the indicator's values (one row without a reporter when it has none): the
    "Reported by" cell is locked, and a running total typed into a row without the reporter
    would be another organisation's, added to the reporter's own.
    """
    reporters = {r.reported_by for r in indicator.achieved} or {None}
    found = {(r.period, r.reported_by) for r in indicator.achieved}
    found |= {(p, reporter) for p in programme.reporting_periods for reporter in reporters}
    return sorted(found, key=lambda key: (key[0].start, key[0].end, key[1] or ""))


Row = tuple[Indicator, str | None, dict[str, Any], frozenset[str]]
"""A row the tracker writes: the indicator, the reporter, the row's values and its open columns."""
Key = tuple[str, Period, str | None]
"""A row's indicator code, period and reporter (as its cell reads back)."""


def _layout(programme: Programme, cells: list[str]) -> list[tuple[Key, Row]]:
    """The rows the tracker writes, in order."""
    open_always = frozenset((*OPEN[:1], QUALIFIER, *NOTES, *cells))
    open_counts = frozenset(OPEN)
    layout: list[tuple[Key, Row]] = []
    for node in programme.walk("indicator"):
        indicator: Indicator = node.item  # type: ignore[assignment]
        place = (node.outcome.code if node.outcome else None, node.output.code if node.output else None)
        editable = open_counts | open_always if indicator.measure is Measure.PERCENTAGE else open_always
        if indicator.second_unit is not None:
            editable |= {SECOND}
        by_key = {(r.period, r.reported_by): r for r in reversed(indicator.achieved)}  # the first of a key
        for period, reporter in _rows(programme, indicator):
            values = _row_values(indicator, period, by_key.get((period, reporter)), place=place)
            values["Reported by"] = reporter
            key = (indicator.code, period, _as_shown(reporter))
            layout.append((key, (indicator, reporter, values, editable)))
    return layout


def _as_shown(reporter: str | None) -> str | None:
    """A reporter as its cell reads back."""
    return text(display_text(reporter)) if reporter is not None else None


def _columns(programme: Programme) -> list[str]:
    from ..core.disaggregation import BUILTIN_DIMENSIONS  # noqa: PLC0415

    defined = {d.id: d for d in programme.dimensions}
    keys: dict[str, None] = {}
    for indicator in programme.indicators():
        for dimension in indicator.disaggregation:
            spec = defined.get(dimension) or BUILTIN_DIMENSIONS.get(dimension)
            for category in spec.categories if spec else ():
                if category not in ("unknown", "other"):
                    keys.setdefault(_cell_key(((dimension, category),)), None)
        for record in indicator.achieved:
            keys.update(dict.fromkeys(_held(record)))
    return list(keys)


def _held(record: Achieved) -> list[str]:
    """The columns of the breakdown cells a value holds."""
    return [_cell_key(cell.categories) for breakdown in record.breakdowns for cell in breakdown.cells]


def tracker_workbook(programme: Programme) -> bytes:
    """
    The tracking workbook of *programme*, with the values it already holds (``.xlsx`` bytes).

    .. versionadded:: 0.1.0
    """
    openpyxl = require("openpyxl", "xlsx")
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    from ..formats.xlsx import SheetRows, declare_size  # noqa: PLC0415

    _one_indicator_a_code(programme)
    _readable_back(programme)
    cells = _columns(programme)
    headers = [*KEYS, *OPEN, *STATED, *cells, *NOTES]
    # Write-only, and the rows of values written as the sheet's XML (SheetRows): openpyxl makes
    # the styles, the header row and the rest of the workbook, and never holds a grid of cells.
    # What it writes before the rows (column widths, the frozen pane, the sheet's page
    # properties) is set first.  Every row is made before the first is written: a text refused
    # (too long for a cell) then leaves no half-written sheet behind.
    book = openpyxl.Workbook(write_only=True)
    instructions = _instructions(book, programme)
    sheet = book.create_sheet(SHEET)
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = _widths(programme, headers)
    _print_setup(sheet, programme, widths)
    heading = Font(name=FONT, size=11, bold=True)
    header_cells = []
    for index, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = WriteOnlyCell(sheet, display_text(header))
        cell.data_type = "s"  # a category named "=..." is a heading, never a formula
        cell.font, cell.alignment = heading, wrap
        header_cells.append(cell)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "E2"
    sheet.row_dimensions[1].height = row_height(zip(headers, widths, strict=True))
    # One named style per kind of cell: setting three styles on each of 100,000 cells is slow.
    font = Font(name=FONT, size=11)
    book.add_named_style(
        NamedStyle("rf-open", font=font, alignment=wrap, protection=Protection(locked=False))
    )
    book.add_named_style(
        NamedStyle("rf-locked", font=font, alignment=wrap, fill=PatternFill("solid", fgColor=LOCKED_FILL))
    )
    body = SheetRows(sheet, first=2)  # the rows of values, written as XML (openpyxl: the header)
    rows, yes_no_rows = _write_rows(body, programme, headers, cells, widths)
    for line in instructions:
        book[INSTRUCTIONS].append([line])
    declare_size(sheet, body.row - 1, len(headers))  # the header and every row of values
    sheet.append(header_cells)
    # A validation holds its cells as ranges; adding them one by one costs time in their number.
    yes_no = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    categories = DataValidation(
        type="list", formula1='"' + ",".join(c.value for c in VarianceCategory) + '"', allow_blank=True
    )
    qualifiers = DataValidation(type="list", formula1='"' + ",".join(QUALIFIERS) + '"', allow_blank=True)
    for validation in (yes_no, categories, qualifiers):
        sheet.data_validations.append(validation)
    value_column = get_column_letter(headers.index("Achieved value") + 1)
    category_column = get_column_letter(headers.index("Variance category") + 1)
    qualifier_column = get_column_letter(headers.index(QUALIFIER) + 1)
    if rows:
        categories.add(f"{category_column}2:{category_column}{rows + 1}")
        qualifiers.add(f"{qualifier_column}2:{qualifier_column}{rows + 1}")
    for first, last in _runs(yes_no_rows):
        yes_no.add(f"{value_column}{first}:{value_column}{last}")
    sheet.protection.sheet = True
    sheet.protection.formatCells = False
    sheet.protection.formatColumns = False
    return body.save(book)


WIDTHS = {
    "Outcome": 10, "Output": 10, "Indicator code": 10, "Indicator": 40, "Measure": 11, "Unit": 12,
    "Baseline": 10, "Target": 10, "Period": 12, "Reported by": 14, "Narrative": 40,
    "Reason for variance": 36, "Variance category": 14, "Source of verification": 24, "Comment": 24,
    QUALIFIER: 11, SECOND_UNIT: 12, SECOND: 12,
}  # fmt: skip
"""The width of each column (Excel's unit): long texts wider; the value columns 12."""


def _widths(programme: Programme, headers: list[str]) -> list[int]:
    """The width of each column; the period's holds the longest period on one line."""
    periods = {period_text(r.period) for i in programme.indicators() for r in i.achieved}
    periods |= {period_text(p) for p in programme.reporting_periods}
    period = max(WIDTHS["Period"], min(24, max((len(p) + 2 for p in periods), default=0)))
    return [period if h == "Period" else WIDTHS.get(h, 12) for h in headers]


def _print_setup(sheet: Any, programme: Programme, widths: list[int]) -> None:
    """
    The sheet on paper: A4 landscape, the heading row and the indicator's columns on every page,
    the programme and page numbers in the footer, and no more than two pages across, so that the
    statements stay readable (a wider sheet is printed across more pages, never shrunk further).
    """
    from openpyxl.worksheet.properties import PageSetupProperties  # noqa: PLC0415
    from openpyxl.worksheet.worksheet import Worksheet  # noqa: PLC0415

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.print_options.gridLines = True
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:D"  # outcome, output, code and statement beside every value
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    # A4 landscape holds about 150 units of column width at full size.  Printed at no less than
    # three quarters of it (200 units a page), with the title columns again on every page:
    titles = sum(widths[:4])
    across = -(-(sum(widths) - titles) // (200 - titles))
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = max(1, across)
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.oddFooter.left.text = _footer_text(programme.title)
    sheet.oddFooter.right.text = "Page &P of &N"
    sheet.oddHeader.right.text = "Indicator tracker &D"


def _footer_text(title: str, limit: int = 100) -> str:
    """
    *title* as a footer shows it: Excel refuses a footer of more than 255 characters with its
    codes, so a long title is cut at a word (with an ellipsis), and ``&`` (a code there) doubled.
    """
    shown = " ".join(display_text(title).split())
    if len(shown) > limit:
        shown = shown[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return shown.replace("&", "&&")


def _instructions(book: Any, programme: Programme) -> list[Any]:
    """
    The sheet that says how to fill in the tracker, first in the workbook (write-only): made,
    with its line's cells returned to be written.
    """
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.worksheet.worksheet import Worksheet  # noqa: PLC0415

    sheet = book.create_sheet(INSTRUCTIONS)
    sheet.sheet_properties.tabColor = "1F4E79"
    width = 90  # a portrait A4 page at full size
    sheet.column_dimensions["A"].width = width
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.protection.sheet = True
    wrap = Alignment(wrap_text=True, vertical="top")
    cells = []
    for number, (kind, line) in enumerate(_instruction_lines(programme), start=1):
        cell = WriteOnlyCell(sheet, spreadsheet_text(line, "the instructions"))
        cell.data_type = "s"
        cell.alignment = wrap
        size = 14 if kind == "title" else 11
        cell.font = Font(name=FONT, bold=kind != "text", size=size)
        # a heading in 14 points bold takes two fifths more room than text in 11
        sheet.row_dimensions[number].height = row_height([(line, width / 1.4)]) * size / 11
        cells.append(cell)
    return cells


def _instruction_lines(programme: Programme) -> list[tuple[str, str]]:
    """The instructions, line by line, each with its kind (``title``, ``heading`` or ``text``)."""
    by_accumulation: dict[str, list[str]] = {}
    for indicator in programme.indicators():
        by_accumulation.setdefault(indicator.accumulation.value, []).append(indicator.code)
    periods = ", ".join(period_text(p) for p in programme.reporting_periods) or "none stated"
    lines: list[tuple[str, str]] = [
        ("title", f"Indicator tracker: {programme.title}"),
        ("text", f"Reporting periods: {periods}."),
        ("text", ""),
        ("heading", "How to fill it in"),
        (
            "text",
            "The sheet Tracker has one row per indicator, period and reporting organisation. "
            "Fill in the white cells of your rows; the grey cells (codes, statements, baseline, "
            "target, period, reporter) are locked: change those in the programme file.",
        ),
        (
            "text",
            "Achieved value: a number, without thousands separators or units (1234, not '1,234 "
            "people'). Yes/no indicators: choose Yes or No.",
        ),
        (
            "text",
            "Percentages: give the numerator and the denominator (14 of 16), or the percent "
            "alone when the counts are not known; not both.",
        ),
        (
            "text",
            "Qualifier: when a figure is not exact, choose how the report states it from the list "
            "in the cell (more than, at least, around, up to: 'more than 1600' is 1600 and more "
            "than); leave it empty for an exact figure.",
        ),
        (
            "text",
            "Figure in second unit: where an indicator counts in two units (5,168 households and "
            "25,521 individuals), the figure in the unit its 'Second unit' cell names, beside the "
            "achieved value.",
        ),
        (
            "text",
            "Breakdown columns (such as 'sex: female') hold the parts of the achieved value; "
            "together they should add up to it.",
        ),
        (
            "text",
            "Reason for variance: say why a value is off its target; its category comes from "
            "the list in the cell.",
        ),
        ("text", "Source of verification: the document or database that proves the figure."),
        (
            "text",
            "Do not add, copy or move rows: a second row for the same indicator, period and "
            "reporter is refused. Clearing a row's cells removes what it held.",
        ),
        ("text", ""),
        ("heading", "Which figure to write"),
    ]
    meaning = {
        "sum": "the period's own figure (what was achieved in that period alone)",
        "running_total": "the total to date (everything achieved since the start, not only in the period)",
        "level": "the level at the end of the period (how many exist or function then)",
    }
    for accumulation, codes in by_accumulation.items():
        lines.append(("text", f"{meaning[accumulation].capitalize()}: indicators {', '.join(codes)}."))
    ordinal = [i.code for i in programme.indicators() if i.measure is Measure.ORDINAL]
    if ordinal:
        lines.append((
            "text",
            f"Answers on a scale (indicators {', '.join(ordinal)}): the achieved value is the number of "
            "respondents, and each answer's column (such as 'response: agree') how many chose it; the "
            "share and the mean score are computed from them.",
        ))  # fmt: skip
    lines += [
        ("text", ""),
        ("heading", "When it is filled in"),
        ("text", "Save the workbook and return it. It is read back with the programme file it was made "
                 "from: resultsframework validate tracker.xlsx --programme programme.yaml reports "
                 "each problem at its cell (Tracker!K7), and resultsframework convert tracker.xlsx "
                 "--programme programme.yaml programme.yaml writes the values into the programme."),
    ]  # fmt: skip
    return lines


def _write_rows(
    rows: SheetRows, programme: Programme, headers: list[str], cells: list[str], widths: list[int]
) -> tuple[int, list[int]]:
    """A row per indicator, period and reporter; how many, and the rows of yes/no indicators."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

    # The style of each kind of cell, made by openpyxl once: open or locked, text kept as text.
    styles: dict[tuple[str, bool], int] = {}
    for kind in ("rf-open", "rf-locked"):
        for quoted in (False, True):
            cell = WriteOnlyCell(rows.sheet)
            cell.style = kind
            cell.quotePrefix = quoted  # a text like a formula stays text once edited in Excel
            styles[kind, quoted] = cell.style_id
    yes_no_rows: list[int] = []
    first = rows.row
    for _, (indicator, _, values, editable) in _layout(programme, cells):
        texts = [(str(values.get(h) or ""), width) for h, width in zip(headers, widths, strict=True)]
        written: list[tuple[object, int]] = []
        for header in headers:
            value = values.get(header)
            if value is not None:
                value = _written(value, f"indicator {indicator.code}, {values.get('Period')}, {header}")
            quoted = isinstance(value, str) and is_formula_like(value)
            written.append((value, styles["rf-open" if header in editable else "rf-locked", quoted]))
        if indicator.measure is Measure.YES_NO:
            yes_no_rows.append(rows.row)
        rows.append(written, row_height(texts))
    return rows.row - first, yes_no_rows


def _readable_back(programme: Programme) -> None:
    """
    Refuse what the tracker would write but could not read back as it is: a count or amount that
    is no number (``true``, ``'1,234'``, which validate reports), and a breakdown whose cells are of
    other dimensions than its own (read back, its dimensions would be rewritten from its cells).
    """
    problems = []
    numeric = (Measure.COUNT, Measure.MONEY)
    for indicator in programme.indicators():
        for record in indicator.achieved:
            value = record.value
            if indicator.measure in numeric and value is not None and (isinstance(value, (bool, str))):
                problems.append(
                    f"indicator {quote(indicator.code)}, {record.period}: the {indicator.measure.value} "
                    f"{quote(value)} is not a number"
                )
            for breakdown in record.breakdowns:
                met = {d for cell in breakdown.cells for d, _ in cell.categories}
                if met and met != set(breakdown.dimensions):
                    problems.append(
                        f"indicator {quote(indicator.code)}, {record.period}: a breakdown by "
                        f"{', '.join(breakdown.dimensions)} has cells by {', '.join(sorted(met))}"
                    )
    if problems:
        raise ResultsFrameworkError(
            "the tracker could not read back what it would write: "
            + "; ".join(problems[:5])
            + (f" (and {len(problems) - 5:,} more)" if len(problems) > 5 else "")
            + "; correct the programme (validate reports these)"
        )


def _one_indicator_a_code(programme: Programme) -> None:
    """
    The tracker matches its rows to indicators by code: two indicators sharing one would swap or
    merge their values without a word, so such a programme is refused.
    """
    counts = Counter(indicator.code for indicator in programme.indicators())
    shared = sorted(code for code, count in counts.items() if count > 1)
    if shared:
        codes = ", ".join(repr(code) for code in shared)
        raise ResultsFrameworkError(
            f"indicators share the code(s) {codes}: the tracker matches its rows to indicators by "
            "code, so give each indicator its own (validate reports them as duplicate-code)"
        )


def _written(value: Any, where: str = "") -> Any:
    """What a cell holds once *value* is written in it (a text too long for a cell is refused)."""
    return spreadsheet_text(value, where or "a tracker cell") if isinstance(value, str) else value


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Ascending *numbers* as runs of consecutive ones: [2, 3, 4, 7] -> [(2, 4), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _shown(value: Value | None) -> Any:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Ratio):
        return None
    if isinstance(value, Decimal):
        return float(value) if value == Decimal(repr(float(value))) else format(value, "f")
    return value


def _row_values(
    indicator: Indicator,
    period: Period,
    record: Achieved | None,
    *,
    place: tuple[str | None, str | None],
) -> dict[str, Any]:
    outcome, output = place
    values: dict[str, Any] = {
        "Outcome": outcome,
        "Output": output,
        "Indicator code": indicator.code,
        "Indicator": indicator.statement,
        "Measure": indicator.measure.value,
        "Unit": indicator.unit,
        "Baseline": _shown(indicator.baseline.value) if indicator.baseline else None,
        "Target": _shown(indicator.target.value) if indicator.target else None,
        "Period": period_text(period),
        SECOND_UNIT: indicator.second_unit,
    }
    if record is None:
        return values
    value = record.value
    values["Achieved value"] = _shown(value)
    if record.qualifier is not None:
        values[QUALIFIER] = record.qualifier.value.replace("_", " ")
    if record.second_value is not None:
        values[SECOND] = _shown(record.second_value)
    if isinstance(value, Ratio):
        values["Numerator"], values["Denominator"] = _shown(value.numerator), _shown(value.denominator)
    for breakdown in record.breakdowns:
        for cell in breakdown.cells:
            values[_cell_key(cell.categories)] = _shown(cell.value)
    values["Narrative"] = record.narrative
    if record.variance is not None:
        values["Reason for variance"] = record.variance.reason
        values["Variance category"] = record.variance.category.value if record.variance.category else None
    values["Source of verification"] = record.source
    values["Comment"] = record.comment
    return values


# -- reading it back -------------------------------------------------------------------------


def read_tracker(programme: Programme, workbook: bytes | str | os.PathLike[str]) -> Programme:
    """
    *programme* with the values typed into its tracking workbook.

    What the sheet shows is what the programme gets.  A row's values replace the programme's
    value for that indicator, period and reporter (what the tracker does not show, such as the
    value's stated status or collection date, is kept).  A cell cleared removes that field
    (a narrative, a breakdown cell ...), and a row whose cells are all cleared removes the
    value for its period and reporter: emptying a row and clearing its cells one by one mean
    the same.  A row the tracker wrote empty and left empty changes nothing.

    What the tracker locks (codes, statements, measure, unit, baseline, target, period,
    reporter) is the programme's: a locked cell changed is an error naming the cell (change it
    in the programme instead), and so is a second row for the same indicator, period and
    reporter, naming both rows.

    Raises:
        LoadError: listing every problem as ``Tracker!K7 (Achieved value): message``.

    .. versionadded:: 0.1.0
    """
    return _read(programme, workbook)[0]


def _read(
    programme: Programme, workbook: bytes | str | os.PathLike[str]
) -> tuple[Programme, dict[Key, int], list[str]]:
    """The programme as the tracker fills it, the row of each key, and the headings."""
    openpyxl = require("openpyxl", "xlsx")
    _one_indicator_a_code(programme)
    source = "tracker" if isinstance(workbook, bytes) else str(workbook)
    data = workbook if isinstance(workbook, bytes) else Path(workbook).read_bytes()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as e:  # noqa: BLE001  (openpyxl raises many kinds on a file that is not a workbook)
        raise LoadError([Problem((), f"not an Excel workbook: {e}")], source) from None
    if SHEET not in book.sheetnames:
        raise LoadError([Problem((), f"no sheet {SHEET!r}; this is not a resultsframework tracker")], source)
    rows = list(book[SHEET].iter_rows(values_only=True))
    book.close()
    if not rows:
        raise LoadError([Problem((SHEET,), "the sheet is empty")], source)
    cell_columns = _columns(programme)
    as_written = {display_text(key): key for key in cell_columns}  # a category Excel cannot hold
    headers = [as_written.get(str(h), str(h)) if h is not None else "" for h in rows[0]]
    # The columns of cells that hold values cannot go missing; those of empty categories may.
    held = {
        key for indicator in programme.indicators() for record in indicator.achieved for key in _held(record)
    }
    needed = (*KEYS, *OPEN, *(key for key in cell_columns if key in held), *NOTES)
    missing = [h for h in needed if h not in headers]
    if missing:  # without its heading a column is not read, and what it held would be lost
        raise LoadError(
            [Problem((f"{SHEET}!1",), f"the column {h!r} is missing; put its heading back") for h in missing],
            source,
        )
    problems: list[Problem] = []
    known = {i.code: i for i in programme.indicators()}
    unknown = "a column the tracker does not know; its values would be lost"
    problems += _unsaved_formulas(data, rows, headers)
    for index, header in enumerate(headers):
        foreign = header not in (*KEYS, *OPEN, *STATED, *NOTES) and _parse_key(header) is None
        if foreign and any(not blank(r[index]) for r in rows[1:] if index < len(r)):
            problems.append(Problem((_where(1, index, header),), unknown))
    updates, removed, seen = _read_rows(programme, rows, headers, cell_columns, problems)
    if problems:
        raise LoadError(problems, source)
    # A tracker written before the qualifier column keeps the programme's qualifiers, and one
    # written before the second unit's column the figures in it, as long as the value is the same.
    unshown = ("status", "collected") if QUALIFIER in headers else ("status", "collected", "qualifier")
    shown = ("second_value",) if SECOND in headers else ()
    updated = record_values(
        programme,
        {code: keep_unshown(known[code], records, unshown, shown=shown) for code, records in updates.items()},
    )
    return (_without(updated, removed) if removed else updated), seen, headers


def _read_rows(
    programme: Programme, rows: list[tuple[Any, ...]], headers: list[str], cell_columns: list[str],
    problems: list[Problem],
) -> tuple[dict[str, list[Achieved]], dict[str, set[tuple[Period, str | None]]], dict[Key, int]]:  # fmt: skip
    """The values the rows hold and the values of the rows emptied, by indicator code; each row's key."""
    known = {i.code: i for i in programme.indicators()}
    layout: dict[Key, Row] = {}
    for key, written in _layout(programme, cell_columns):
        layout.setdefault(key, written)
    # The breakdown columns, each with the categories its heading names (parsed once, not per row).
    breakdown_columns = [(h, categories) for h in headers if (categories := _parse_key(h)) is not None]
    open_columns = (*OPEN, QUALIFIER, SECOND, *NOTES, *(h for h, _ in breakdown_columns))
    seen: dict[Key, int] = {}
    updates: dict[str, list[Achieved]] = {}
    removed: dict[str, set[tuple[Period, str | None]]] = {}
    for number, values in enumerate(rows[1:], start=2):
        row = dict(zip(headers, values, strict=False))
        if all(blank(value) for value in values):
            continue
        found = _row_key(row, headers, number, known, problems)
        if found is None:
            continue
        key = found
        if key in seen:
            first = f"{SHEET}!A{seen[key]}"
            by = f", reported by {quote(key[2])}" if key[2] is not None else ""
            problems.append(Problem((f"{SHEET}!A{number}",), (
                f"a second row for indicator {quote(key[0])} in {period_text(key[1])}{by}: "
                f"{first} is the first; keep one of them, with its values"
            )))  # fmt: skip
            continue
        seen[key] = number
        if key not in layout:
            by = f" reported by {quote(key[2])}" if key[2] is not None else ""
            problems.append(Problem((f"{SHEET}!A{number}",), (
                f"the tracker has no row for {quote(key[0])} in {key[1]}{by}; the code, period and "
                "reporter are locked: put back what the tracker wrote"
            )))  # fmt: skip
            continue
        indicator, reporter, shown, editable = layout[key]
        if _locked_changed(row, headers, number, shown=shown, editable=editable, problems=problems):
            continue
        if all(blank(row.get(h)) for h in open_columns):
            if any(not blank(shown.get(h)) for h in open_columns):  # emptied: the value is removed
                removed.setdefault(indicator.code, set()).add((key[1], reporter))
            continue
        achieved = _read_row(
            row, headers, number, indicator=indicator, key=(key[1], reporter), problems=problems,
            breakdown_columns=breakdown_columns,
        )  # fmt: skip
        if achieved is not None:
            updates.setdefault(indicator.code, []).append(achieved)
    return updates, removed, seen


def _row_key(row: dict[str, Any], headers: list[str], number: int, known: dict[str, Indicator],
             problems: list[Problem]) -> Key | None:  # fmt: skip
    """A row's indicator code, period and reporter, or ``None`` (with the problem noted)."""
    code = text(row.get("Indicator code")) or ""
    if code not in known:  # a code as its cell shows it (bidirectional controls closed)
        code = next((c for c in known if _as_shown(c) == code), code)
    if code not in known:
        where = _where(number, headers.index("Indicator code"), "Indicator code")
        problems.append(Problem((where,), f"no indicator {quote(code)} in the programme"))
        return None
    try:
        period = Period.parse(text(row.get("Period")) or "")
    except PeriodError as e:
        problems.append(Problem((_where(number, headers.index("Period"), "Period"),), str(e)))
        return None
    return code, period, text(row.get("Reported by"))


_KEY_COLUMNS = frozenset(("Indicator code", "Period", "Reported by"))
_SHOWN_COLUMNS = frozenset((*KEYS, *OPEN, SECOND_UNIT, SECOND))
"""The columns a locked cell of which is compared with what the tracker wrote."""


def _locked_changed(row: dict[str, Any], headers: list[str], number: int, *, shown: dict[str, Any],
                    editable: frozenset[str], problems: list[Problem]) -> bool:  # fmt: skip
    """Whether a locked cell of the row differs from what the tracker wrote (each one noted)."""
    changed = False
    for index, header in enumerate(headers):
        if header in editable or header in _KEY_COLUMNS or header not in _SHOWN_COLUMNS:
            continue
        typed, expected = row.get(header), shown.get(header)
        expected = None if expected is None else _written(expected)
        if (blank(typed) and blank(expected)) or (
            typed == expected and isinstance(typed, bool) == isinstance(expected, bool)
        ):
            continue
        before = (
            f"the programme has {quote(expected)}" if not blank(expected) else "the programme has nothing"
        )
        problems.append(Problem((_where(number, index, header),), (
            f"a locked cell, changed ({before}); the tracker does not read it: change it in the "
            "programme, and put this cell back"
        )))  # fmt: skip
        changed = True
    return changed


def _without(programme: Programme, removed: dict[str, set[tuple[Period, str | None]]]) -> Programme:
    """*programme* without the values of *removed* (indicator code -> periods and reporters)."""

    def indicator(item: Indicator) -> Indicator:
        gone = removed.get(item.code)
        if not gone:
            return item
        kept = tuple(r for r in item.achieved if (r.period, r.reported_by) not in gone)
        return attrs.evolve(item, achieved=kept)

    outcomes = tuple(
        attrs.evolve(
            outcome,
            indicators=tuple(map(indicator, outcome.indicators)),
            outputs=tuple(
                attrs.evolve(output, indicators=tuple(map(indicator, output.indicators)))
                for output in outcome.outputs
            ),
        )
        for outcome in programme.outcomes
    )
    return attrs.evolve(programme, outcomes=outcomes)


def _unsaved_formulas(data: bytes, rows: list[tuple[Any, ...]], headers: list[str]) -> list[Problem]:
    """
    Formulas typed in whose result the workbook does not hold.

    Excel and LibreOffice save a formula's result beside it, and that result is what is read.
    A workbook written by a program that does not calculate holds none: the cell would read
    as empty, and what was typed would be lost without a word.
    """
    import openpyxl  # noqa: PLC0415

    if not _has_formulas(data):  # the usual case: nothing to look for, no second reading
        return []
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    written_rows = list(book[SHEET].iter_rows(min_row=2, values_only=True))
    book.close()
    problems = []
    for number, written in enumerate(written_rows, start=2):
        shown = rows[number - 1] if number - 1 < len(rows) else ()
        for index, value in enumerate(written):
            formula = isinstance(value, str) and value.startswith("=")
            if formula and (index >= len(shown) or shown[index] is None):
                header = headers[index] if index < len(headers) else ""
                message = (
                    f"the formula {value} has no saved result; open and save the workbook in Excel or "
                    "LibreOffice, or type the value"
                )
                problems.append(Problem((_where(number, index, header),), message))
    return problems


_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
"""A formula element of a worksheet's XML (``<f>``, ``<f t="shared" .../>``, ``<x:f>``)."""


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet of the workbook holds a formula (when in doubt, that it may)."""
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        if _FORMULA.search(tail + chunk):
                            return True
                        tail = chunk[-32:]  # an element cut between two chunks
    except (OSError, zipfile.BadZipFile, RuntimeError):
        return True
    return False


def _where(row: int, column: int, header: str) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return f"{SHEET}!{get_column_letter(column + 1)}{row} ({header})"


def _read_row(row: dict[str, Any], headers: list[str], number: int, *, indicator: Indicator,
              key: tuple[Period, str | None], problems: list[Problem],
              breakdown_columns: list[tuple[str, Categories]]) -> Achieved | None:  # fmt: skip
    def where(header: str) -> tuple[str]:
        return (_where(number, headers.index(header), header),)

    period, reporter = key
    before = len(problems)
    value: Value | None = None
    try:
        cell = {field: row.get(header) for field, header in CELLS.items()}
        # The tracker leaves the percent empty beside its counts: one typed there is one too many.
        value = read_value(
            indicator, cell["value"], cell["numerator"], cell["denominator"], percent_and_counts="either"
        )
    except Unreadable as e:
        problems.append(Problem(where(CELLS[e.field]), str(e)))
    cells: dict[tuple[str, ...], list[Cell]] = {}
    for header, categories in breakdown_columns:
        if blank(row.get(header)):
            continue
        try:
            number_value = exact(row[header])
        except Unreadable as e:
            problems.append(Problem(where(header), str(e)))
            continue
        dims = tuple(d for d, _ in categories)
        cells.setdefault(dims, []).append(Cell(categories, number_value))  # type: ignore[arg-type]
    qualifier = None
    stated = text(row.get(QUALIFIER))
    if stated is not None:
        qualifier = QUALIFIERS.get(stated.strip().lower().replace("_", " "))
        if qualifier is None:
            choices = list(QUALIFIERS)
            problems.append(Problem(where(QUALIFIER), (
                f"expected one of {', '.join(choices)}, or empty for an exact figure; found "
                f"{quote(row.get(QUALIFIER))}{did_you_mean(stated, choices)}"
            )))  # fmt: skip
        elif value is None and not problems[before:]:
            problems.append(Problem(where(QUALIFIER), f"{quote(stated)} needs the figure it qualifies"))
    second = None
    if not blank(row.get(SECOND)):
        try:
            second = exact(row[SECOND])
        except Unreadable as e:
            problems.append(Problem(where(SECOND), str(e)))
        else:
            if value is None and not problems[before:]:
                problems.append(
                    Problem(where(SECOND), "a figure in the second unit needs the value beside it")
                )
    category = text(row.get("Variance category"))
    if category is not None and category not in {c.value for c in VarianceCategory}:
        choices = [c.value for c in VarianceCategory]
        found = quote(row.get("Variance category"))
        problems.append(Problem(where("Variance category"), (
            f"expected one of {', '.join(choices)}; found {found}{did_you_mean(category, choices)}"
        )))  # fmt: skip
    if len(problems) > before:
        return None
    reason = text(row.get("Reason for variance"))
    variance = Variance(reason, VarianceCategory(category) if category else None) if reason else None
    if variance is None and category:
        problems.append(
            Problem(where("Variance category"), "a category needs the reason for variance beside it")
        )
        return None
    return Achieved(
        period, value, narrative=text(row.get("Narrative")), variance=variance, reported_by=reporter,
        source=text(row.get("Source of verification")), comment=text(row.get("Comment")),
        breakdowns=tuple(Breakdown(dims, tuple(group)) for dims, group in cells.items()),
        qualifier=qualifier, second_value=second,
    )  # fmt: skip


# -- validation findings at the tracker's cells ------------------------------------------------

_FIELD_COLUMNS = {
    "value": "Achieved value", "narrative": "Narrative", "variance": "Reason for variance",
    "source": "Source of verification", "comment": "Comment", "period": "Period",
    "reported_by": "Reported by", "status": "Achieved value", "collected": "Achieved value",
    "qualifier": QUALIFIER, "second_value": SECOND,
}  # fmt: skip
"""The column of each field of a value the tracker shows."""
_INDICATOR_COLUMNS = {
    "code": "Indicator code", "statement": "Indicator", "measure": "Measure", "unit": "Unit",
    "baseline": "Baseline", "target": "Target", "second_unit": SECOND_UNIT,
}  # fmt: skip
"""The (locked) column of each field of an indicator the tracker shows."""


def tracker_findings(
    programme: Programme,
    workbook: bytes | str | os.PathLike[str],
    *,
    as_of: date | None = None,
    disaggregation: Policy = "error",
) -> list[tuple[Diagnostic, str | None, str | None]]:
    """
    Each finding of :func:`~resultsframework.validate` on the programme as the tracker fills it,
    with the tracker cell it is about (``Tracker!K7 (Achieved value)``, or ``None`` for a finding
    about something the tracker does not show) and the code of its indicator.
    """
    filled, rows, headers = _read(programme, workbook)
    indicators: dict[tuple[str | int, ...], Indicator] = {
        tuple(node.path): node.item  # type: ignore[misc]
        for node in filled.walk("indicator")
    }
    firsts: dict[str, int] = {}
    for (code, _, _), number in rows.items():
        firsts[code] = min(number, firsts.get(code, number))
    found: list[tuple[Diagnostic, str | None, str | None]] = []
    for item in validate(filled, as_of=as_of, disaggregation=disaggregation):
        ends = (end for end in range(len(item.path), 0, -1) if tuple(item.path[:end]) in indicators)
        end = next(ends, None)
        if end is None:
            found.append((item, None, None))
            continue
        indicator = indicators[tuple(item.path[:end])]
        cell = _cell_of(indicator, tuple(item.path[end:]), rows, firsts, headers)
        found.append((item, cell, indicator.code))
    return found


def _cell_of(indicator: Indicator, rest: tuple[str | int, ...], rows: dict[Key, int],
             firsts: dict[str, int], headers: list[str]) -> str | None:  # fmt: skip
    """The cell of the field at *rest* under *indicator*, if the tracker has one."""
    number: int | None = firsts.get(indicator.code)
    header = "Indicator code"
    if rest[:1] == ("achieved",) and len(rest) > 1 and isinstance(rest[1], int):
        record = indicator.achieved[rest[1]]
        number = rows.get((indicator.code, record.period, _as_shown(record.reported_by)))
        field = rest[2:]
        header = _FIELD_COLUMNS.get(str(field[0]), "Achieved value") if field else "Achieved value"
        if field[:1] == ("value",) and field[1:2] in (("numerator",), ("denominator",)):
            header = str(field[1]).capitalize()
        elif field[:1] == ("value",) and isinstance(record.value, Ratio):
            header = "Numerator"  # a percentage is typed as its counts, the percent cell left empty
        if field[:1] == ("breakdowns",) and len(field) > 1 and isinstance(field[1], int):
            breakdown = record.breakdowns[field[1]]
            cells = field[2:4]
            index = cells[1] if cells[:1] == ("cells",) and len(cells) > 1 else 0
            if breakdown.cells and isinstance(index, int) and index < len(breakdown.cells):
                header = _cell_key(breakdown.cells[index].categories)
    elif rest:
        header = _INDICATOR_COLUMNS.get(str(rest[0]), header)
    if number is None or header not in headers:
        return None
    return _where(number, headers.index(header), header)


def validate_tracker(
    programme: Programme,
    workbook: bytes | str | os.PathLike[str],
    *,
    as_of: date | None = None,
    disaggregation: Policy = "error",
) -> list[Diagnostic]:
    """
    Check the values typed into the tracking workbook of *programme*, each finding at its cell.

    The programme as the tracker fills it (:func:`read_tracker`) is checked as
    :func:`~resultsframework.validate` checks a programme file; a finding about a cell of the
    tracker has that cell as its path, ``("Tracker!K7 (Achieved value)",)``, so that the M&E
    officer who filled it finds it; the others keep their field path.

    Raises:
        LoadError: the tracker cannot be read back (each problem at its cell).

    .. versionadded:: 0.1.0
    """
    return [
        attrs.evolve(item, path=(cell,)) if cell is not None else item
        for item, cell, _ in tracker_findings(programme, workbook, as_of=as_of, disaggregation=disaggregation)
    ]
