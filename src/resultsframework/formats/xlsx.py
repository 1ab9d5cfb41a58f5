"""
Excel (.xlsx) rendering with openpyxl (the ``xlsx`` extra), imported only when used.

A frozen header row, wrapped text, column widths from the table model, bold shaded
group rows merged across the table, right-to-left sheets for Arabic.  Every text
is written as text: a cell starting with =, +, - or @ is never a formula.  A cell that
shows one number (a count, a share) holds the number, with a number format.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from ..core.extras import require
from ..tables.table import GROUP_FILLS, HEADER_FILL, Column, Part, Table, TableCell, TableRow
from ..text.escape import close_bidi, display_text, isolate, spreadsheet_text
from ..text.layout import FONT, row_height

__all__ = ["StyleCopies", "sheet_name", "table_xlsx"]

WIDTH_UNIT = 14  # characters per unit of relative column width
SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\\/?*\[\]:]")


def sheet_name(title: str) -> str:
    """
    A sheet name for *title*: at most Excel's 31 characters, cut at a word (never mid-word, nor
    after "and", "de la" or "على"), and without the characters Excel refuses in a name
    (``/ \\ ? * [ ] :``).
    """
    name = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", close_bidi(title)).split()).strip("'") or "Table"
    if len(name) <= SHEET_NAME_LIMIT:
        return name
    words = name[: SHEET_NAME_LIMIT + 1].rsplit(" ", 1)[0].rstrip(" ,;-–").split(" ")
    while len(words) > 1 and words[-1].lower() in _NO_LAST_WORD:  # "Lessons learned", not "... and"
        words.pop()
    cut = " ".join(words).rstrip(" ,;-–")
    return cut if 0 < len(cut) <= SHEET_NAME_LIMIT else name[:SHEET_NAME_LIMIT]


_NO_LAST_WORD = frozenset((
    *("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"),
    *("à", "au", "aux", "d'", "de", "des", "du", "en", "et", "l'", "la", "le", "les", "ou", "par", "pour"),
    *("sur", "إلى", "على", "عن", "في", "مع", "من", "و", "القائم", "القائمة"),  # "based" needs its "on"
))  # fmt: skip
"""Words a name cut short must not end on: the start of what was cut off ("tableau de suivi de la")."""


def _rich(cell: TableCell, rtl: bool, where: str) -> Any:
    """
    The cell's parts as rich text, each label ("Baseline:") in bold as in Word, or a plain text
    when no part has a label.
    """
    from openpyxl.cell.rich_text import CellRichText, TextBlock  # noqa: PLC0415
    from openpyxl.cell.text import InlineFont  # noqa: PLC0415

    lines = cell.lines
    if not any(part.prefix for part in lines):
        return None
    bold, plain = InlineFont(rFont=FONT, b=True, sz=10), InlineFont(rFont=FONT, sz=10)
    runs: list[Any] = []
    for index, part in enumerate(lines):
        text = isolate(part.text) if rtl else display_text(part.text)
        head = "\n" if index else ""
        if part.prefix:
            runs.append(TextBlock(bold, head + display_text(part.prefix) + (" " if text else "")))
            head = ""
        if text or head:
            runs.append(TextBlock(plain, head + text))
    # Rich text is never read as a formula; one longer than a cell holds is refused, naming where.
    spreadsheet_text("".join(run.text for run in runs), where)
    return CellRichText(runs)


def _text(cell: TableCell, rtl: bool) -> str:
    """The cell's parts as one text, each closing its own bidirectional controls (as in every format)."""
    lines = []
    for part in cell.lines:
        text = isolate(part.text) if rtl else close_bidi(part.text)
        lines.append(f"{close_bidi(part.prefix)} {text}".rstrip() if part.prefix else text)
    return "\n".join(lines)


class StyleCopies:
    """
    Cell styles by kind, each made by openpyxl once and copied into the other cells of its kind.

    openpyxl hashes every style object (font, border, alignment, named style) it is given, for
    each cell; a table of many cells of few kinds copies the style array instead::

        if not styles.copy(cell, kind):
            cell.font, cell.border = font, border  # the first cell of the kind
            styles.keep(cell, kind)
    """

    def __init__(self) -> None:
        self._made: dict[object, Any] = {}

    def copy(self, cell: Any, kind: object) -> bool:
        """Give *cell* the style of *kind*, if one is kept; whether it was."""
        from openpyxl.styles.cell_style import StyleArray  # noqa: PLC0415

        made = self._made.get(kind)
        if made is None:
            return False
        cell._style = StyleArray(made)
        return True

    def keep(self, cell: Any, kind: object) -> None:
        """Keep *cell*'s style as that of *kind*."""
        from openpyxl.styles.cell_style import StyleArray  # noqa: PLC0415

        self._made[kind] = StyleArray(cell._style)


def _put_text(sheet: Any, row: int, column: int, text: str, where: str = "") -> Any:
    """Write *text* as a string cell, whatever it starts with (a text too long for a cell is refused)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = spreadsheet_text(text, where or f"{sheet.title}, row {row}")
    cell.data_type = "s"  # openpyxl would take "=..." for a formula
    cell.quotePrefix = True  # and Excel would, once the cell is edited
    return cell


def _number_format(part: Part) -> str:
    """
    The Excel number format that shows *part*'s number as its text does: ``#,##0`` for a count,
    ``#,##0.00`` for an amount with two decimals, ``0.0%`` for a share.
    """
    if part.percent:
        return "0.0%"
    exponent = part.number.as_tuple().exponent if isinstance(part.number, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


def _put_number(sheet: Any, row: int, column: int, part: Part) -> Any:
    """Write *part*'s number as a number, with the number format that shows it as its text does."""
    cell = sheet.cell(row=row, column=column)
    cell.value = part.number
    cell.number_format = _number_format(part)
    return cell


def _merge_row(sheet: Any, row: int, width: int) -> None:
    """
    Merge one row across the table.

    openpyxl's merge_cells() compares each new range with every earlier one, which makes a
    long table quadratic; group rows never overlap, so the range is added directly.
    """
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.merge import MergedCellRange  # noqa: PLC0415

    coordinates = f"A{row}:{get_column_letter(width)}{row}"
    clean = getattr(sheet, "_clean_merge_range", None)
    if clean is None:  # another openpyxl: the public way
        sheet.merge_cells(coordinates)
        return
    merged = MergedCellRange(sheet, coordinates)
    sheet.merged_cells.ranges.add(merged)
    clean(merged)


def _whole(table: Table) -> Column:
    """A column as wide as the table: a group row's merged cell."""
    return Column("whole", "", sum(c.width for c in table.columns))


def _height(texts: list[str], columns: tuple[Column, ...]) -> float:
    """The height a row needs for its wrapped texts, in points (LibreOffice does not fit rows)."""
    return row_height(
        ((text, column.width * WIDTH_UNIT) for text, column in zip(texts, columns, strict=False)), size=10
    )


def _print_setup(sheet: Any, table: Table, paper: str) -> None:
    """Printed: landscape A4 (or Letter), one page wide, the heading rows on every page, numbered."""
    from ..text.l10n import N_, Localizer  # noqa: PLC0415

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4 if paper == "a4" else sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{2 if table.header else 1}"
    pattern = Localizer(table.language).gettext(N_("Page {page} of {pages}"))
    sheet.oddFooter.center.text = pattern.replace("&", "&&").format(page="&P", pages="&N")
    if table.about is not None and table.about.header:
        sheet.oddHeader.center.text = display_text(table.about.header).replace("&", "&&")[:200]


def table_xlsx(table: Table, *, paper: str = "a4") -> bytes:
    """The table as an Excel workbook with one sheet, printed on A4 (or Letter) pages."""
    openpyxl = require("openpyxl", "xlsx")
    workbook = openpyxl.Workbook()
    _Sheet(workbook.active, table).write()
    _print_setup(workbook.active, table, paper)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Sheet:
    """One table laid out on a sheet: title, header, group bands and rows, footnotes."""

    def __init__(self, sheet: Any, table: Table) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side  # noqa: PLC0415

        self.sheet, self.table = sheet, table
        sheet.title = sheet_name(table.title)
        if table.rtl:
            sheet.sheet_view.rightToLeft = True
        # Arabic cells read right to left whatever their first letter (a code, a number, a name).
        self.wrap = Alignment(wrap_text=True, vertical="top", readingOrder=2 if table.rtl else 0)
        line = Side(style="thin", color="808080")
        self.border = Border(left=line, right=line, top=line, bottom=line)
        self.body = Font(name=FONT, size=10)
        self.styles = StyleCopies()  # a body cell's, by font and what the cell holds already
        self.row_no = 1

    def write(self) -> None:
        from openpyxl.styles import Font  # noqa: PLC0415

        table, sheet = self.table, self.sheet
        _put_text(sheet, 1, 1, table.title).font = Font(name=FONT, bold=True, size=12)
        self.header()
        sheet.freeze_panes = f"B{self.row_no}"
        for row in table.rows:
            if row.is_group:
                self.group(row)
            else:
                self.cells(row)
            self.row_no += 1
        for note in table.footnotes:
            self.row_no += 1
            _put_text(sheet, self.row_no, 1, note).font = Font(name=FONT, italic=True, size=9)

    def header(self) -> None:
        from openpyxl.styles import Font, PatternFill  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        table, sheet = self.table, self.sheet
        fill = PatternFill("solid", fgColor=HEADER_FILL)
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width * WIDTH_UNIT
            if table.header:
                cell = _put_text(sheet, 2, index, column.label)
                cell.font = Font(name=FONT, size=10, bold=True, color="FFFFFF")
                cell.fill = fill
                cell.alignment = self.wrap
                cell.border = self.border
        if table.header:
            sheet.row_dimensions[2].height = _height([c.label for c in table.columns], table.columns)
        self.row_no = 3 if table.header else 2

    def group(self, row: TableRow) -> None:
        from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

        table, sheet, row_no = self.table, self.sheet, self.row_no
        text = _text(row.cells[0], table.rtl)
        cell = _put_text(sheet, row_no, 1, text)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.alignment = self.wrap
        fill = PatternFill("solid", fgColor=GROUP_FILLS.get(row.kind, "EEEEEE"))
        for column_no in range(1, len(table.columns) + 1):
            band = sheet.cell(row=row_no, column=column_no)
            band.fill = fill
            band.border = self.border
        _merge_row(sheet, row_no, len(table.columns))
        sheet.row_dimensions[row_no].height = _height([text], (_whole(table),))

    def style(self, cell: Any, body_font: bool) -> None:
        """A body cell's wrap, border and (unless rich text sets its own) font."""
        held = cell._style  # what the cell holds already: its number format, its quote prefix
        kind = (body_font, held.numFmtId, held.quotePrefix) if held is not None else (body_font, 0, 0)
        if self.styles.copy(cell, kind):
            return
        cell.alignment = self.wrap
        cell.border = self.border
        if body_font:
            cell.font = self.body
        self.styles.keep(cell, kind)

    def cells(self, row: TableRow) -> None:
        table, sheet, row_no = self.table, self.sheet, self.row_no
        texts = [_text(content, table.rtl) for content in row.cells]
        for index, (text, content) in enumerate(zip(texts, row.cells, strict=True), start=1):
            lines = content.lines
            label = table.columns[index - 1].label or index
            where = f"{row.kind} {row.code}, column {label}" if row.code else f"{sheet.title}, row {row_no}"
            rich = None
            if len(lines) == 1 and lines[0].number is not None and not lines[0].prefix:
                cell = _put_number(sheet, row_no, index, lines[0])
            elif (rich := _rich(content, table.rtl, where)) is not None:
                cell = sheet.cell(row=row_no, column=index)
                cell.value = rich
            else:
                cell = _put_text(sheet, row_no, index, text, where)
            self.style(cell, rich is None)
        sheet.row_dimensions[row_no].height = _height(texts, table.columns)
