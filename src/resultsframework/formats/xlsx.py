"""
Excel (.xlsx) rendering with openpyxl (the ``xlsx`` extra), imported only when used.

A frozen header row, wrapped text, column widths from the table model, bold shaded
group rows merged across the table, right-to-left sheets for Arabic.  Every text
is written as text: a cell starting with =, +, - or @ is never a formula.  A cell that
shows one number (a count, a share) holds the number, with a number format.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from ..core.extras import require
from ..tables.table import GROUP_FILLS, HEADER_FILL, Column, Part, Table, TableRow
from ..text.escape import EXCEL_CELL_LIMIT, close_bidi, display_text, isolate, spreadsheet_text
from ..text.layout import FONT, PAPER, row_height

__all__ = ["RichText", "SheetRows", "declare_size", "page_ends", "sheet_name", "table_xlsx"]

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


def _rich(lines: tuple[Part, ...], rtl: bool, where: str) -> RichText | None:
    """
    A cell's lines (``TableCell.lines``) as rich text, each label ("Baseline:") in bold as
    in Word, or ``None`` when no line has a label.
    """
    if not any(part.prefix for part in lines):
        return None
    bold, plain = _run_fonts()
    runs: list[tuple[str, str]] = []
    for index, part in enumerate(lines):
        text = isolate(part.text) if rtl else display_text(part.text)
        head = "\n" if index else ""
        if part.prefix:
            runs.append((bold, head + display_text(part.prefix) + (" " if text else "")))
            head = ""
        if text or head:
            runs.append((plain, head + text))
    # Rich text is never read as a formula; one longer than a cell holds is refused, naming where
    # (each run is shown as spreadsheet_text shows it: only the length is left to check).
    if sum(len(text) for _, text in runs) > EXCEL_CELL_LIMIT:
        spreadsheet_text("".join(text for _, text in runs), where)
    return RichText(runs)


@cache
def _run_fonts() -> tuple[str, str]:
    """A rich text run's font as openpyxl writes it (``rPr``): bold for a label, and plain."""
    from openpyxl.cell.text import InlineFont  # noqa: PLC0415
    from openpyxl.xml.functions import tostring  # noqa: PLC0415

    def xml(font: Any) -> str:
        return bytes(tostring(font.to_tree(tagname="rPr"))).decode("utf-8")

    return xml(InlineFont(rFont=FONT, b=True, sz=10)), xml(InlineFont(rFont=FONT, sz=10))


def _text(lines: tuple[Part, ...], rtl: bool) -> str:
    """A cell's lines as one text, each closing its own bidirectional controls (as in every format)."""
    texts = []
    for part in lines:
        text = isolate(part.text) if rtl else close_bidi(part.text)
        texts.append(f"{close_bidi(part.prefix)} {text}".rstrip() if part.prefix else text)
    return "\n".join(texts)


class SheetRows:
    """
    Rows of cells (texts, numbers, rich texts, empty cells) written as the sheet's XML directly
    and put into the workbook once openpyxl has saved it, after any rows appended through
    openpyxl.

    openpyxl spends several microseconds on each styled cell it writes (a cell object, its style
    looked up, an XML element): most of the time of a sheet of 300,000 cells.  The styles are
    still openpyxl's (a cell's ``style_id``), so the workbook's styles are as openpyxl writes
    them; each cell is written as openpyxl writes it (an inline string, a number in 16
    significant digits, rich text as runs)::

        rows = SheetRows(sheet, first=2)
        rows.append([("Outcome 1", locked), (120, open_)], height=30)
        rows.append([(RichText([(bold, "Baseline: "), (plain, "12")]), body)])
        data = rows.save(workbook)  # or rows.into(bytes_openpyxl_saved)
    """

    def __init__(self, sheet: Any, first: int) -> None:
        self.sheet, self.row = sheet, first
        self._xml: list[str] = []
        self._merges: list[str] = []
        self._letters: list[str] = []

    def append(self, cells: Sequence[tuple[object, int]], height: float | None = None) -> None:
        """The next row: each cell's value (``None``, a text, a number, a RichText) and style id."""
        if len(self._letters) < len(cells):
            from openpyxl.utils import get_column_letter  # noqa: PLC0415

            self._letters = [get_column_letter(i) for i in range(1, len(cells) + 1)]
        row, out = self.row, self._xml
        out.append(f'<row r="{row}" ht="{height:.16g}" customHeight="1">' if height else f'<row r="{row}">')
        for letter, (value, style) in zip(self._letters, cells, strict=False):
            kind = type(value)
            if value is None or value == "":
                out.append(f'<c r="{letter}{row}" s="{style}" t="{"inlineStr" if kind is str else "n"}"></c>')
            elif kind is str:
                text = str(value)
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cell = f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is><t{space}>'
                out.append(f"{cell}{_xml_text(text)}</t></is></c>")
            elif kind is int or kind is float or kind is Decimal:
                number = _number_text(value)  # type: ignore[arg-type]
                out.append(f'<c r="{letter}{row}" s="{style}" t="n"><v>{number}</v></c>')
            elif kind is RichText:
                out.append(f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is>')
                for properties, text in value:  # type: ignore[attr-defined]
                    stripped = text.strip()
                    space = ' xml:space="preserve"' if stripped and text != stripped else ""
                    out.append(f"<r>{properties}<t{space}>{_xml_text(text)}</t></r>")
                out.append("</is></c>")
            else:
                raise TypeError(f"a sheet cell holds a text, a number or rich text, not {kind.__name__}")
        out.append("</row>")
        self.row += 1

    def merge(self, reference: str) -> None:
        """Merge the cells of *reference* (``A5:D5``): written as the sheet's XML too, with the rows."""
        self._merges.append(reference)

    def save(self, workbook: Any) -> bytes:
        """
        *workbook* (openpyxl's, holding the sheet) saved with these rows in the sheet: each part
        compressed once, the sheet's XML given its rows on its way into the archive, where
        saving and then :meth:`into` would unpack and pack the whole workbook again.
        """
        import datetime  # noqa: PLC0415
        import zipfile  # noqa: PLC0415

        from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

        sheet, rows = self.sheet, self
        added = False

        class Archive(zipfile.ZipFile):
            def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
                nonlocal added
                name = sheet.path.lstrip("/")  # known once saving has numbered the sheets
                if arcname != name or added:
                    super().write(filename, arcname, *args, **kwargs)
                    return
                with open(filename, "rb") as written:
                    self.writestr(arcname, rows._into_sheet(written.read(), name))
                added = True

        buffer = io.BytesIO()
        # As openpyxl's own save_workbook, with the archive above.
        workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
        ExcelWriter(workbook, Archive(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
        # An openpyxl that puts the sheet in the archive otherwise: the rows added afterwards.
        return buffer.getvalue() if added or not (self._xml or self._merges) else self.into(buffer.getvalue())

    def into(self, workbook: bytes) -> bytes:
        """*workbook* (as openpyxl saved it) with these rows at the end of the sheet's."""
        import zipfile  # noqa: PLC0415

        if not (self._xml or self._merges):
            return workbook
        name = self.sheet.path.lstrip("/")
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == name:
                    content = self._into_sheet(content, name)
                target.writestr(info, content)
        return buffer.getvalue()

    def _into_sheet(self, sheet: bytes, name: str) -> bytes:
        """The sheet's XML (as openpyxl wrote it) with these rows, and these merges in their place."""
        xml = _with_rows(sheet, "".join(self._xml).encode("utf-8"), name)
        if not self._merges:
            return xml
        if b"<mergeCells" in xml:
            raise ValueError(f"{name} has cells merged through openpyxl as well as with its rows")
        merges = "".join(f'<mergeCell ref="{reference}"/>' for reference in self._merges)
        element = f'<mergeCells count="{len(self._merges)}">{merges}</mergeCells>'.encode()
        # In the place the schema gives it: before the first element that must follow it.
        after = xml.index(b"</sheetData>")
        place = min((found for tag in _AFTER_MERGES if (found := xml.find(tag, after)) >= 0), default=-1)
        if place < 0:
            raise ValueError(f"{name} has no end of worksheet to merge cells before")
        return xml[:place] + element + xml[place:]


_AFTER_MERGES = tuple(
    f"<{tag}".encode()
    for tag in (
        "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
        "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
        "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
        "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
        "/worksheet",
    )
)  # fmt: skip
"""The worksheet's elements that come after ``mergeCells`` (ECMA-376, CT_Worksheet), in order."""


class RichText(tuple[tuple[str, str], ...]):
    """A cell's rich text for :class:`SheetRows`: its runs, each its properties' XML and its text."""

    __slots__ = ()


def _with_rows(sheet: bytes, rows: bytes, name: str) -> bytes:
    """The sheet's XML with *rows* at the end of its ``sheetData`` (written empty or not)."""
    if sheet.count(b"</sheetData>") == 1:
        return sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    if sheet.count(b"<sheetData/>") == 1:
        return sheet.replace(b"<sheetData/>", b"<sheetData>" + rows + b"</sheetData>")
    raise ValueError(f"{name} has no single sheetData element to add rows to")


def declare_size(sheet: Any, rows: int, columns: int) -> None:
    """
    State a write-only sheet's size (its ``dimension``) before its first row is written: a
    reader in read-only mode (openpyxl, pandas) otherwise parses the whole sheet to find it.
    openpyxl's writer asks the sheet for ``calculate_dimension``, which only its normal sheets have.
    """
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    reference = f"A1:{get_column_letter(max(1, columns))}{max(1, rows)}"
    sheet.calculate_dimension = lambda: reference


def _number_text(value: float | Decimal) -> str:
    """A number as openpyxl writes it in a cell: 16 significant digits (nothing for NaN or infinity)."""
    return "%.16g" % value if math.isfinite(value) else ""  # noqa: UP031


def _xml_text(text: str) -> str:
    """*text* as XML character data, escaped as lxml escapes it."""
    if _XML_SPECIAL.search(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


_XML_SPECIAL = re.compile("[&<>\r]")


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


def _whole(table: Table) -> Column:
    """A column as wide as the table: a group row's merged cell."""
    return Column("whole", "", sum(c.width for c in table.columns))


def _height(texts: list[str], columns: tuple[Column, ...], *, arabic: bool = False) -> float:
    """
    The height a row needs for its wrapped texts, in points (LibreOffice does not fit rows).
    Arabic is set in wider complex-script faces: a line of a text mostly in Arabic (or of any
    text, if *arabic*: an Arabic table's headings, its periods with Arabic month names) holds
    a fifth fewer letters; an English statement under an Arabic label, as many are, does not.
    """
    cells = (
        (text, column.width * WIDTH_UNIT / (1.25 if arabic or _mostly_arabic(text) else 1.0))
        for text, column in zip(texts, columns, strict=False)
    )
    return row_height(cells, size=10)


def _mostly_arabic(text: str) -> bool:
    if text.isascii() or _ARABIC.search(text) is None:  # the usual case outside Arabic tables
        return False
    return 2 * len(_ARABIC.findall(text)) > len(text) - text.count(" ")


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _print_setup(sheet: Any, table: Table, paper: str) -> None:
    """Printed: landscape A4 (or Letter), one page wide, the heading rows on every page, numbered."""
    from openpyxl.worksheet.worksheet import Worksheet  # noqa: PLC0415

    from ..text.l10n import N_, Localizer  # noqa: PLC0415

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4 if paper == "a4" else Worksheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{2 if table.header else 1}"
    pattern = Localizer(table.language).gettext(N_("Page {page} of {pages}")).replace("&", "&&")
    if table.rtl:  # a right-to-left mark after each number, else LibreOffice runs the words into them
        sheet.oddFooter.center.text = "\u200f" + pattern.format(page="&P\u200f", pages="&N\u200f")
    else:
        sheet.oddFooter.center.text = pattern.format(page="&P", pages="&N")
    if table.about is not None and table.about.header:
        sheet.oddHeader.center.text = display_text(table.about.header).replace("&", "&&")[:200]


POINTS_PER_MM = 72 / 25.4
POINTS_PER_WIDTH = 5.25
"""
Points a unit of column width (a '0' of 11-point Calibri: 7 pixels at 96 to the inch) takes at
least, as Excel and LibreOffice draw it: they draw a column a little wider, so a table fits the
page at a smaller scale than this gives, and holds more rows on a page than laid out.
"""
DEFAULT_ROW_HEIGHT = 15.0
"""The height of a row written without one (a blank row, a note), in points."""
TITLE_ROW_HEIGHT = 18.0
"""The table's title row: one line of 12-point bold."""


def page_ends(heights: Sequence[float], kept: Sequence[bool], *, room: float, repeated: int) -> list[int]:
    """
    The rows (numbered from 1) that end each page but the last, for rows of *heights* points
    on pages of *room* points, the first *repeated* rows printed atop every page: a page ends
    before the row that no longer fits, and before the rows right above it *kept* with the next
    (bands, the last row above the notes), which go with it to the next page, unless they are
    all the page would hold.
    """
    room -= sum(heights[:repeated])
    ends: list[int] = []
    start, used = repeated, 0.0  # the page's first row (an index), the room its rows take
    for index in range(repeated, len(heights)):
        if used + heights[index] > room and index > start:
            cut = index
            while cut > start + 1 and kept[cut - 1]:
                cut -= 1
            ends.append(cut)  # the row numbered cut (index cut - 1) is the page's last
            start, used = cut, sum(heights[cut:index])
        used += heights[index]
    return ends


def table_xlsx(table: Table, *, paper: str = "a4") -> bytes:
    """The table as an Excel workbook with one sheet, printed on A4 (or Letter) pages."""
    openpyxl = require("openpyxl", "xlsx")
    # Write-only, and the rows written as the sheet's XML (SheetRows): openpyxl makes the
    # styles and the rest of the workbook, and never holds the table as a grid of cells.
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name(table.title))
    _print_setup(sheet, table, paper)
    return _Sheet(sheet, table, paper).write().save(workbook)


class _Sheet:
    """
    One table laid out on a write-only sheet, row after row: title, header, group bands and
    rows, footnotes.  What openpyxl writes before the rows (column widths, the frozen pane, the
    sheet's direction, its size) is set on the sheet; the rows are written as XML, each cell
    with the style openpyxl made for its kind.
    """

    def __init__(self, sheet: Any, table: Table, paper: str = "a4") -> None:
        from openpyxl.styles import Alignment, Border, Side  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        self.sheet, self.table, self.paper = sheet, table, paper
        if table.rtl:
            sheet.sheet_view.rightToLeft = True
        # Arabic cells read right to left whatever their first letter (a code, a number, a name).
        self.wrap = Alignment(wrap_text=True, vertical="top", readingOrder=2 if table.rtl else 0)
        line = Side(style="thin", color="808080")
        self.border = Border(left=line, right=line, top=line, bottom=line)
        self.band_middle = Border(top=line, bottom=line)
        self.band_end = Border(top=line, right=line, bottom=line)
        self.rows = SheetRows(sheet, first=1)
        self.last_column = get_column_letter(max(1, len(table.columns)))
        self._styles: dict[object, int] = {}
        self.heights: list[float] = []  # each row's, in points, for the pages
        self.kept: list[bool] = []  # whether each row is kept on the page of the row after it

    def add(
        self, cells: Sequence[tuple[object, int]], height: float | None = None, *, kept: bool = False
    ) -> None:
        """The next row, *height* points high (openpyxl's default where ``None``), *kept* with the next."""
        self.rows.append(cells, height)
        self.heights.append(height if height is not None else DEFAULT_ROW_HEIGHT)
        self.kept.append(kept)

    def style(self, kind: object, make: Callable[[Any], object]) -> int:
        """The style id of a kind of cell, made by openpyxl (``make`` styles a cell) the first time."""
        found = self._styles.get(kind)
        if found is None:
            from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

            cell = WriteOnlyCell(self.sheet)
            make(cell)
            found = self._styles[kind] = cell.style_id
        return found

    def write(self) -> SheetRows:
        from openpyxl.styles import Font  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415

        table, sheet = self.table, self.sheet
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width * WIDTH_UNIT
        sheet.freeze_panes = f"B{3 if table.header else 2}"

        def title(cell: Any) -> None:
            cell.font, cell.quotePrefix = Font(name=FONT, bold=True, size=12), True

        heading = spreadsheet_text(table.title, f"{sheet.title}, row 1")
        self.add([(heading, self.style("title", title))], TITLE_ROW_HEIGHT)
        if table.header:
            self.header()
        for row in table.rows:
            if row.is_group:
                self.group(row)
            else:
                self.cells(row)
        if table.footnotes:  # never alone on a page: the last row goes with them, as in Word
            self.kept[-1] = True
            self.add([], kept=True)  # a blank row between the table and its notes

        def note(cell: Any) -> None:
            cell.font, cell.quotePrefix = Font(name=FONT, italic=True, size=9), True

        for number, text in enumerate(table.footnotes, start=1):
            where = f"{sheet.title}, row {self.rows.row}"
            kept = number < len(table.footnotes)
            self.add([(spreadsheet_text(text, where), self.style("note", note))], kept=kept)
        declare_size(sheet, self.rows.row - 1, len(table.columns))
        self.paginate()
        return self.rows

    def paginate(self) -> None:
        """
        End each page with a manual break, so that no band is left alone at a page's foot, nor
        the notes alone on the last page: Excel and LibreOffice keep no row with the next, but
        honour breaks (a page ends before the bands above the row that no longer fits).  Pages
        are laid out for the largest scale the table can print at one page wide, so that no page
        is fuller than the printer's.
        """
        from openpyxl.worksheet.pagebreak import Break  # noqa: PLC0415

        margins = self.sheet.page_margins
        down, across = (mm * POINTS_PER_MM for mm in PAPER[self.paper])  # landscape
        width = sum(c.width * WIDTH_UNIT for c in self.table.columns) * POINTS_PER_WIDTH
        scale = min(1.0, (across - 72 * (margins.left + margins.right)) / width) if width else 1.0
        room = (down - 72 * (margins.top + margins.bottom)) / scale
        repeated = 2 if self.table.header else 1  # the rows printed atop every page
        for row in page_ends(self.heights, self.kept, room=room, repeated=repeated):
            self.sheet.row_breaks.append(Break(id=row))

    def header(self) -> None:
        from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

        table = self.table

        def heading(cell: Any) -> None:
            cell.font = Font(name=FONT, size=10, bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment, cell.border, cell.quotePrefix = self.wrap, self.border, True

        style = self.style("heading", heading)
        where = f"{self.sheet.title}, row {self.rows.row}"
        cells = [(spreadsheet_text(column.label, where), style) for column in table.columns]
        self.add(cells, _height([c.label for c in table.columns], table.columns, arabic=table.rtl))

    def group(self, row: TableRow) -> None:
        """A band across the table: its text in the first cell, merged with the others."""
        table, row_no = self.table, self.rows.row
        text = _text(row.cells[0].lines, table.rtl)

        def band(cell: Any) -> None:
            from openpyxl.styles import Font, PatternFill  # noqa: PLC0415  (made once a kind)

            cell.font, cell.alignment = Font(name=FONT, size=10, bold=True), self.wrap
            cell.fill = PatternFill("solid", fgColor=GROUP_FILLS.get(row.kind, "EEEEEE"))
            cell.border, cell.quotePrefix = self.border, True

        def middle(cell: Any) -> None:
            cell.border = self.band_middle

        def end(cell: Any) -> None:
            cell.border = self.band_end

        # The cells under the merge carry the band's outline, as openpyxl's merging draws it.
        cells: list[tuple[object, int]] = [
            (
                spreadsheet_text(text, f"{self.sheet.title}, row {row_no}"),
                self.style(("band", row.kind), band),
            )
        ]
        for column_no in range(2, len(table.columns) + 1):
            last = column_no == len(table.columns)
            cells.append((None, self.style("band end", end) if last else self.style("band middle", middle)))
        self.merge(row_no)
        self.add(cells, _height([text], (_whole(table),)), kept=True)

    def merge(self, row_no: int) -> None:
        """Merge the row across the table (written with the rows: openpyxl's merging costs a
        range object and its check against every earlier one, each band)."""
        self.rows.merge(f"A{row_no}:{self.last_column}{row_no}")

    def body(self, number_format: str | None, *, rich: bool = False) -> int:
        """A body cell's style: wrapped, bordered, in the body font (rich text sets its own)."""

        def make(cell: Any) -> None:
            from openpyxl.styles import Font  # noqa: PLC0415  (here: asked for every cell, made once)

            cell.alignment, cell.border = self.wrap, self.border
            if not rich:
                cell.font = Font(name=FONT, size=10)
            if number_format is not None:
                cell.number_format = number_format
            elif not rich:
                cell.quotePrefix = True  # a text, never a formula, even once edited in Excel

        return self.style(("body", number_format, rich), make)

    def cells(self, row: TableRow) -> None:
        table, sheet, row_no = self.table, self.sheet, self.rows.row
        contents = [content.lines for content in row.cells]
        texts = [_text(lines, table.rtl) for lines in contents]
        cells: list[tuple[object, int]] = []
        for index, (text, lines) in enumerate(zip(texts, contents, strict=True), start=1):
            label = table.columns[index - 1].label or index
            where = f"{row.kind} {row.code}, column {label}" if row.code else f"{sheet.title}, row {row_no}"
            if len(lines) == 1 and lines[0].number is not None and not lines[0].prefix:
                cells.append((lines[0].number, self.body(_number_format(lines[0]))))
            elif (rich := _rich(lines, table.rtl, where)) is not None:
                cells.append((rich, self.body(None, rich=True)))
            else:
                cells.append((spreadsheet_text(text, where), self.body(None)))
        self.add(cells, _height(texts, table.columns))
