"""
Word (.docx) rendering with python-docx (the ``docx`` extra), imported only when used.

A real Word table: a header row repeated on every page, shaded outcome and output
rows, column widths from the table model, landscape pages on request, and
right-to-left paragraphs and table order for Arabic.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from ..core.extras import require
from ..tables.table import GROUP_FILLS, HEADER_FILL, About, Table, TableCell
from ..text.escape import display_text, starts_right_to_left
from ..text.layout import COMPLEX_SCRIPT_FONT, FONT, PAPER

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

__all__ = ["add_paragraph", "add_table", "new_document", "save", "set_landscape", "table_docx"]


# Elements that come after <w:bidi/> in a paragraph's properties (ECMA-376 order).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
# Elements that come after <w:shd/> in a cell's properties.
_AFTER_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
    "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip


def _docx() -> Any:
    return require("docx", "docx")


MARGIN_MM = 20
"""The page margins: 2 cm all round, the header and footer 1 cm from the edge."""


def new_document(
    *,
    landscape: bool = False,
    rtl: bool = False,
    paper: str = "a4",
    language: str = "en",
    about: About | None = None,
) -> DocumentObject:
    """
    A new Word document: A4 (or Letter) pages with 2 cm margins, landscape if asked; the body
    text 10 points in Latin and complex scripts alike, tagged with the document's language;
    right-to-left defaults for Arabic; page numbers in the footer, and *about*'s title, author
    and running header.
    """
    docx = _docx()
    from docx.shared import Mm, Pt  # noqa: PLC0415

    document: DocumentObject = docx.Document()
    section = document.sections[0]
    width, height = PAPER[paper.lower()]
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(10)
    if landscape:
        _orient(section, _landscape())
    normal = document.styles["Normal"]
    normal.font.name = FONT  # named, not the template's theme face (Cambria), which not every reader has
    normal.font.size = Pt(10)
    _complex_script(normal, 10)  # Arabic runs take the complex-script size and face: the same size
    _language(normal, language)
    if rtl:
        normal.font.rtl = True
    _running(section, about, language, rtl)
    _properties(document, about, language)
    return document


def _landscape() -> Any:
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415

    return WD_ORIENT.LANDSCAPE


def word_language(tag: str) -> str:
    """The language tag Word spell-checks by: ``fr`` is ``fr-FR``, ``ar`` ``ar-SA``, ``en`` ``en-GB``."""
    from babel import Locale  # noqa: PLC0415

    locale = Locale.parse(tag.replace("-", "_"))
    territory = locale.territory or {"en": "GB", "fr": "FR", "ar": "SA", "es": "ES"}.get(locale.language)
    if territory is None:
        from babel.core import get_global  # noqa: PLC0415

        likely = get_global("likely_subtags").get(locale.language, "")
        territory = likely.split("_")[-1] if "_" in likely else None
    return f"{locale.language}-{territory}" if territory else locale.language


def _complex_script(style: Any, points: int) -> None:
    """Give *style*'s complex-script (Arabic) text the size of its Latin text, and a face."""
    from docx.oxml import OxmlElement  # noqa: PLC0415

    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(_qn("w:cs"), COMPLEX_SCRIPT_FONT)
    size = r_pr.find(_qn("w:szCs"))
    if size is None:
        size = OxmlElement("w:szCs")
        latin = r_pr.find(_qn("w:sz"))
        if latin is not None:
            latin.addnext(size)
        else:
            r_pr.append(size)
    size.set(_qn("w:val"), str(points * 2))  # in half-points


def complex_script_size(style: Any) -> float | None:
    """The complex-script size of *style*, in points (``None`` when it sets none)."""
    r_pr = style.element.rPr
    size = r_pr.find(_qn("w:szCs")) if r_pr is not None else None
    return int(size.get(_qn("w:val"))) / 2 if size is not None else None


def _language(style: Any, tag: str) -> None:
    """Tag *style*'s text with the language (and, for Arabic, the complex-script language)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415

    r_pr = style.element.get_or_add_rPr()
    lang = r_pr.find(_qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    word = word_language(tag)
    lang.set(_qn("w:val"), word)
    lang.set(_qn("w:bidi"), word if word.startswith(("ar", "fa", "he", "ur")) else "ar-SA")


def _properties(document: DocumentObject, about: About | None, language: str) -> None:
    """Title, author, dates and language: not python-docx's template's (2013, "python-docx")."""
    import datetime  # noqa: PLC0415
    import os  # noqa: PLC0415

    properties = document.core_properties
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible builds: the time is given
    now = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch and epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    ).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    for printed in properties._element.findall(_qn("cp:lastPrinted")):  # the template's, of 2013
        properties._element.remove(printed)
    properties.revision = 1
    # A property holds at most 255 characters, and only what XML can (controls are shown as symbols).
    properties.title = display_text(about.title)[:255] if about else ""
    properties.author = properties.last_modified_by = display_text(about.author or "")[:255] if about else ""
    properties.subject = display_text(about.header or "")[:255] if about else ""
    properties.comments = ""
    properties.keywords = ""
    properties.language = word_language(language)


def _running(section: Any, about: About | None, language: str, rtl: bool) -> None:
    """The running header (the programme and its MPTF number) and footer (Page 2 of 9)."""
    from ..text.l10n import N_, Localizer  # noqa: PLC0415

    loc = Localizer(language)
    if about is not None and about.header:
        header = section.header.paragraphs[0]
        add_paragraph(section.header, about.header, rtl=rtl, paragraph=header)
        for run in header.runs:
            run.font.size = _points(8)
    footer = section.footer.paragraphs[0]
    if rtl:
        _set_bidi(footer)
    pattern = loc.gettext(N_("Page {page} of {pages}"))
    before, _, rest = pattern.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    for piece in (before, "PAGE", middle, "NUMPAGES", after):
        if piece in ("PAGE", "NUMPAGES"):
            _field(footer, piece)
        elif piece:
            footer.add_run(piece)
    for run in footer.runs:
        run.font.size = _points(8)
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _points(size: float) -> Any:
    from docx.shared import Pt  # noqa: PLC0415

    return Pt(size)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice fill in, with a placeholder."""
    from docx.oxml import OxmlElement  # noqa: PLC0415

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(_qn("w:fldCharType"), kind)
        return element

    begin, end, separate = char("begin"), char("end"), char("separate")
    code = OxmlElement("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    for element in (begin, code, separate):
        paragraph.add_run()._r.append(element)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(end)


def _orient(section: Any, orientation: Any) -> None:
    if section.orientation != orientation:
        section.orientation = orientation
        section.page_width, section.page_height = section.page_height, section.page_width


def set_landscape(document: DocumentObject, landscape: bool) -> None:
    """Start a new section on a new page, landscape or portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: PLC0415

    section = document.add_section(WD_SECTION.NEW_PAGE)
    _orient(section, WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)


def _set_bidi(paragraph: Paragraph) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415

    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(_qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


@cache
def _qn(tag: str) -> str:
    """The qualified name of *tag* (``w:p``: ``{http://...}p``), found once."""
    from docx.oxml.ns import qn  # noqa: PLC0415

    return str(qn(tag))


def add_paragraph(
    container: Any,
    text: str,
    *,
    prefix: str | None = None,
    rtl: bool = False,
    style: str | None = None,
    bold: bool = False,
    paragraph: Paragraph | None = None,
    label: bool = False,
) -> Paragraph:
    """
    Add a paragraph of plain text (an optional bold prefix first) to a document or cell.

    In a right-to-left document the text is isolated, so that an English sentence keeps
    its order; a *label* (a fixed, translated text) is not.
    """
    para: Paragraph = paragraph if paragraph is not None else _new_paragraph(container, style)
    shown = display_text(text) if text else ""
    if rtl and not prefix and not label and shown and not _right_to_left_first(shown):
        # An English sentence alone: a left-to-right paragraph (its full stop at its end), set
        # on the right as the document's text is.
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif rtl:
        _set_bidi(para)
    p = para._p
    if prefix:
        _add_run(
            p, display_text(prefix) + (" " if text else ""), bold=True, rtl=rtl and right_to_left(prefix)
        )
    # Word isolates a run of another direction as a run of its own: the isolates of the text
    # (U+2066 ... U+2069, which LibreOffice sets with the spaces beside them lost) become runs.
    for segment in _segments(shown) if rtl else [shown]:
        if not segment:
            continue
        # A left-to-right text (the file's English, a figure such as "60.0%") in a right-to-left
        # paragraph: marks at both ends keep its "%", full stop and brackets with it, as the
        # isolate did; what sits between runs (": ") and Arabic text are right to left.
        ltr = not right_to_left(segment) and any(_strong(c) or c in "0123456789" for c in segment)
        _add_run(
            p,
            f"\u200e{segment}\u200e" if rtl and not label and ltr else segment,
            bold=bold,
            rtl=rtl and not ltr,
        )
    return para


def _new_paragraph(container: Any, style: str | None) -> Paragraph:
    """
    A paragraph appended to *container*: in a table cell, appended to the cell's XML directly
    (python-docx looks for the place of each new child among the others).
    """
    from docx.table import _Cell  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    if style is None and type(container) is _Cell:
        from lxml.etree import SubElement  # noqa: PLC0415

        return Paragraph(SubElement(container._tc, _qn("w:p")), container)
    paragraph: Paragraph = container.add_paragraph(style=style)
    return paragraph


_RUN_PROPERTIES: dict[tuple[bool, bool], Any] = {}
"""A text run's properties (``w:rPr``) by bold and right to left, made once by python-docx."""


def _add_run(p: Any, text: str, *, bold: bool, rtl: bool) -> Any:
    """
    A text run appended to the paragraph *p* (its XML element): bold (with its complex-script
    bold) or not, right to left or not, its text as python-docx writes it (a tab a ``w:tab``, a
    line break a ``w:br``).  The run is built in the XML directly and its properties are a copy
    of those python-docx made for the first such run: python-docx's search for each child's
    place in each run took most of the time of writing a long table.
    """
    from copy import deepcopy  # noqa: PLC0415

    from lxml.etree import SubElement  # noqa: PLC0415

    made = _RUN_PROPERTIES.get((bold, rtl))
    if made is None:
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.text.run import Run  # noqa: PLC0415

        run = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]  # only its properties are set
        if bold:
            run.bold = True
            run.font.cs_bold = True
        run.font.rtl = rtl
        made = _RUN_PROPERTIES[bold, rtl] = run._r.rPr
    r = SubElement(p, _qn("w:r"))
    r.append(deepcopy(made))
    for piece in _TEXT_BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            SubElement(r, _qn("w:tab"))
        elif piece in "\r\n":
            SubElement(r, _qn("w:br"))
        else:
            t = SubElement(r, _qn("w:t"))
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_qn("xml:space"), "preserve")
    return r


_TEXT_BREAKS = re.compile("([\t\r\n])")


_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
_ISOLATE_CLOSER = "\u2069"


def _segments(text: str) -> list[str]:
    """
    *text* cut at its isolates: the text outside them and each isolated text (its own isolates
    within it dropped), alternately, the text outside first, for runs of their own direction.
    """
    segments: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in _ISOLATE_OPENERS:
            if depth == 0:
                segments.append("".join(current))
                current = []
            depth += 1
        elif char == _ISOLATE_CLOSER and depth:
            depth -= 1
            if depth == 0:
                segments.append("".join(current))
                current = []
        else:
            current.append(char)
    segments.append("".join(current))
    return segments


def _right_to_left_first(text: str) -> bool:
    """Whether the first strong letter outside the isolates of *text* (else in them) is right to left."""
    outside = "".join(_segments(text)[::2])
    return right_to_left(outside) if any(_strong(c) for c in outside) else right_to_left(text)


def _strong(char: str) -> bool:
    import unicodedata  # noqa: PLC0415

    return unicodedata.bidirectional(char) in ("L", "R", "AL")


def right_to_left(text: str) -> bool:
    """
    Whether *text* is written right to left (:func:`~resultsframework.text.escape.starts_right_to_left`):
    only such runs are marked right-to-left, so that Word sets an English sentence as Latin text.
    """
    return starts_right_to_left(text)


def add_picture(document: DocumentObject, data: bytes, caption: str, *, rtl: bool = False) -> None:
    """
    Add a picture as wide as the page allows (as high, for a tall one), with its caption below
    in Word's Caption style, kept on the picture's page.

    Its alternative text, which screen readers read, is the picture's ``description`` (a chart
    has one: what it shows, in words), else the caption.
    """
    section = document.sections[-1]
    usable = int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)
    room = int(section.page_height or 0) - int(section.top_margin or 0) - int(section.bottom_margin or 0)
    shape = document.add_picture(io.BytesIO(data), width=usable)
    room -= 914400 // 2  # half an inch for the caption
    if room > 0 and shape.height > room:  # a tall chart fits the page, its proportions kept
        shape.width, shape.height = int(shape.width * room / shape.height), room
    picture = document.paragraphs[-1]
    picture.paragraph_format.keep_with_next = True
    if rtl:
        _set_bidi(picture)
    properties = shape._inline.docPr
    properties.set("descr", display_text(getattr(data, "description", "") or caption))
    properties.set("title", display_text(caption))
    paragraph = add_paragraph(document, caption, rtl=rtl, label=True)
    if "Caption" in [style.name for style in document.styles]:
        paragraph.style = document.styles["Caption"]


def _fill(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(_qn("w:val"), "clear")
    shd.set(_qn("w:color"), "auto")
    shd.set(_qn("w:fill"), colour)
    tc_pr.insert_element_before(shd, *_AFTER_SHD)


def _write_cell(cell: Any, content: TableCell, rtl: bool) -> None:
    lines = content.lines
    first = cell.paragraphs[0]
    if not lines:
        if rtl:
            _set_bidi(first)
        return
    for index, part in enumerate(lines):
        texts = part.text.split("\n") if part.text else [""]
        for line_no, text in enumerate(texts):
            add_paragraph(
                cell,
                text,
                prefix=part.prefix if line_no == 0 else None,
                rtl=rtl,
                paragraph=first if index == 0 and line_no == 0 else None,
            )


_EMU_PER_POINT = 12700
_HEADING_CHAR = 6 * _EMU_PER_POINT  # a generous average width of a bold 10-point character
_BODY_CHAR = 5 * _EMU_PER_POINT  # ... of a regular one
_CELL_PADDING = 14 * _EMU_PER_POINT  # Table Grid's left and right cell margins, and a little air
_LONGEST_KEPT = 12  # a longer word (a URL) may break rather than widen its column further


def column_widths(table: Table, usable: int) -> list[int]:
    """
    Column widths in EMU that share *usable* by the columns' relative widths, except that no
    column is narrower than the longest word in it (up to 12 characters): neither
    "Verification" in a heading nor "168/400" in a cell is broken; and no column is wider than
    its longest line needs ("150.0%", an empty baseline column): that room goes to the others.
    A column holding far less text than its relative width says (short baselines beside long
    targets) gets half its share.
    """
    count = len(table.columns)
    longest, lines, volume = [0] * count, [0] * count, [0] * count
    for row in table.rows:
        if not row.is_group:
            for index, cell in enumerate(row.cells[:count]):
                for part in cell.lines:
                    longest[index] = max([longest[index], *(len(w) for w in part.text.split())])
                    lead = len(part.prefix) + 1 if part.prefix else 0
                    lines[index] = max([lines[index], *(lead + len(t) for t in part.text.split("\n"))])
                    volume[index] += lead + len(part.text)
    density = sorted(v / c.width for v, c in zip(volume, table.columns, strict=True) if c.width)
    middle = density[len(density) // 2] if density and density[len(density) // 2] else 1
    weight = [
        c.width * (0.5 if v / c.width < middle / 4 else 1.0) if c.width else 0.0
        for v, c in zip(volume, table.columns, strict=True)
    ]
    scale = 1.25 if table.rtl else 1.0  # right-to-left text is set in wider complex-script fonts
    headings = [
        max((len(w) for w in column.label.split()), default=0) * _HEADING_CHAR for column in table.columns
    ]
    least = [
        scale * max(heading, min(_LONGEST_KEPT, body) * _BODY_CHAR) + _CELL_PADDING
        for heading, body in zip(headings, longest, strict=True)
    ]
    if sum(least) > usable * 0.95:  # too many columns for the page: each gets what it can
        least = [m * usable * 0.95 / sum(least) for m in least]
    most = [max(m, scale * n * _BODY_CHAR + _CELL_PADDING) for m, n in zip(least, lines, strict=True)]
    widths: dict[int, float] = {}  # the columns held at their least or most width
    while True:  # share what the held columns leave by the relative widths, until none is off
        free = [i for i in range(count) if i not in widths]
        room = usable - sum(widths.values())
        share = sum(weight[i] for i in free)
        wanted = {i: room * weight[i] / share for i in free} if share else {}
        short = {i: least[i] for i, w in wanted.items() if w < least[i]}
        wide = {i: most[i] for i, w in wanted.items() if w > most[i]}
        if short:  # the narrow first: widening one takes room from the others
            widths.update(short)
        elif wide and len(wide) < len(free):
            widths.update(wide)
        else:
            widths.update(wanted)
            break
    if sum(widths.values()) < usable * 0.99:  # every column holds its text: the rest in proportion
        extra = usable - sum(widths.values())
        total = sum(weight) or 1
        widths = {i: w + extra * weight[i] / total for i, w in widths.items()}
    return [int(widths[i]) for i in range(count)]


def _usable(section: Any) -> int:
    """The width in EMU between a section's margins."""
    return int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)


COLUMN_GAP_MM = 6
"""The space between the two columns of a two-column page (the report's cover)."""


def _columns(section: Any, count: int, rtl: bool) -> None:
    """Set *section* in *count* newspaper columns, ordered right to left for *rtl* text."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    sect_pr = section._sectPr
    cols = sect_pr.find(_qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(_qn("w:num"), str(count))
    cols.set(_qn("w:space"), str(int(Mm(COLUMN_GAP_MM).twips)))
    bidi = sect_pr.find(_qn("w:bidi"))
    if rtl and count > 1 and bidi is None:
        cols.addnext(OxmlElement("w:bidi"))
    elif bidi is not None and not (rtl and count > 1):
        sect_pr.remove(bidi)


def add_two_columns(document: DocumentObject, table: Table, second_column: int) -> None:
    """
    Append *table* laid out in two columns of the page, as the template's cover: its rows before
    *second_column* in the first column, the rest in the second; the text after it is in one
    column again.
    """
    from docx.enum.section import WD_SECTION  # noqa: PLC0415
    from docx.enum.text import WD_BREAK  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    section = _section_break(document, WD_SECTION.CONTINUOUS)
    _columns(section, 2, table.rtl)
    width = (_usable(section) - int(Mm(COLUMN_GAP_MM))) // 2
    add_table(document, attrs.evolve(table, rows=table.rows[:second_column]), caption=False, within=width)
    _unseen(document.add_paragraph()).add_run().add_break(WD_BREAK.COLUMN)
    add_table(document, attrs.evolve(table, rows=table.rows[second_column:]), caption=False, within=width)
    _columns(_section_break(document, WD_SECTION.CONTINUOUS), 1, table.rtl)


def _section_break(document: DocumentObject, start: Any) -> Any:
    """Start a new section; the paragraph that ends the one before takes no room."""
    section = document.add_section(start)
    _unseen(document.paragraphs[-1])
    return section


def _unseen(paragraph: Paragraph) -> Paragraph:
    """Make an empty *paragraph* (one that carries a break) too small to take room on the page."""
    from docx.shared import Pt  # noqa: PLC0415

    form = paragraph.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = Pt(1)
    r_pr = paragraph._p.get_or_add_pPr()
    mark = r_pr.find(_qn("w:rPr"))
    if mark is None:
        from docx.oxml import OxmlElement  # noqa: PLC0415

        mark = OxmlElement("w:rPr")
        r_pr.append(mark)
        size = OxmlElement("w:sz")
        size.set(_qn("w:val"), "2")
        mark.append(size)
    return paragraph


def add_table(
    document: DocumentObject, table: Table, *, caption: bool = True, within: int | None = None
) -> None:
    """Append *table* (with its title and footnotes) to a Word document, *within* EMU wide (the page's)."""
    from docx.shared import Emu, Pt, RGBColor  # noqa: PLC0415

    rtl = table.rtl
    if caption:  # the title stays with the table's first row
        add_paragraph(
            document, table.title, bold=True, rtl=rtl, label=True
        ).paragraph_format.keep_with_next = True
    usable = within if within is not None else _usable(document.sections[-1])
    widths = [Emu(w) for w in column_widths(table, usable)]
    word_table = document.add_table(rows=1 if table.header else 0, cols=len(table.columns))
    word_table.style = "Table Grid"
    word_table.autofit = False
    for grid_column, width in zip(word_table.columns, widths, strict=True):
        grid_column.width = width  # the grid is what Word and LibreOffice lay out by
    if rtl:
        word_table._tbl.tblPr.get_or_add_bidiVisual()
    if table.header:
        header = word_table.rows[0]
        _repeat_header(header)
        for cell, column, width in zip(header.cells, table.columns, widths, strict=True):
            cell.width = width
            _fill(cell, HEADER_FILL)
            para = add_paragraph(
                cell, column.label, bold=True, rtl=rtl, paragraph=cell.paragraphs[0], label=True
            )
            for run in para.runs:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _cell_margins(word_table)
    for row in table.rows:
        cells = _append_row(word_table, [Emu(sum(widths))] if row.is_group else widths)
        if row.is_group:
            _fill(cells[0], GROUP_FILLS.get(row.kind, "EEEEEE"))
            _write_cell(cells[0], row.cells[0], rtl)
            for paragraph in cells[0].paragraphs:  # a band stays with the row after it
                paragraph.paragraph_format.keep_with_next = True
            continue
        for cell, content in zip(cells, row.cells, strict=True):
            _write_cell(cell, content, rtl)
    if table.footnotes and table.rows:  # the notes are not left alone on a page: the last row goes with them
        for cell in word_table.rows[-1].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    for number, note in enumerate(table.footnotes, start=1):
        para = add_paragraph(document, note, rtl=rtl)
        para.paragraph_format.keep_with_next = number < len(table.footnotes)
        for run in para.runs:
            run.font.size = Pt(8)


def _append_row(word_table: Any, widths: list[Any]) -> list[Any]:
    """
    Append a row of cells of the given widths; one width spans the whole table.

    Built directly in the XML: python-docx's add_row() and merge() walk the whole table
    each time, which makes a long table quadratic.
    """
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.table import _Cell  # noqa: PLC0415

    tr = OxmlElement("w:tr")
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))  # a row never breaks across pages
    for width in widths:
        tc = tr.add_tc()
        tc.width = width
    if len(widths) == 1:
        tr.tc_lst[0].grid_span = len(word_table.columns)
    word_table._tbl.append(tr)
    return [_Cell(tc, word_table) for tc in tr.tc_lst]


def _cell_margins(word_table: Any) -> None:
    """Room between text and borders: 0.1 cm above and below, 0.15 cm either side."""
    from docx.oxml import OxmlElement  # noqa: PLC0415

    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 57), ("left", 85), ("bottom", 57), ("right", 85)):
        element = OxmlElement(f"w:{side}")
        element.set(_qn("w:w"), str(twips))
        element.set(_qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr = word_table._tbl.tblPr
    existing = tbl_pr.find(_qn("w:tblCellMar"))
    if existing is not None:
        tbl_pr.remove(existing)
    # In a table's properties the cell margins come after the layout and before the look.
    look = tbl_pr.find(_qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    element = OxmlElement("w:tblHeader")
    element.set(_qn("w:val"), "true")
    tr_pr.append(element)


def save(document: DocumentObject) -> bytes:
    """The document as .docx bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table_docx(table: Table, *, landscape: bool = True, paper: str = "a4") -> bytes:
    """The table alone in a Word document (landscape by default: the MPTF table is wide)."""
    about = table.about or About(table.title)
    document = new_document(
        landscape=landscape, rtl=table.rtl, paper=paper, language=table.language, about=about
    )
    add_table(document, table)
    return save(document)
