"""Laying out the narrative report's blocks as Markdown or Word."""

from __future__ import annotations

from ..tables.report import Block, Heading, Paragraph, TableBlock
from ..tables.table import About
from ..text.escape import markdown_block
from .markdown import table_markdown

__all__ = ["report_docx", "report_markdown"]


def report_markdown(blocks: list[Block], *, rtl: bool = False, language: str = "en") -> str:
    """The report as Markdown: headings, paragraphs, lists and GitHub tables."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * min(block.level, 6)} {markdown_block(block.text)}")
        elif isinstance(block, Paragraph):
            text = markdown_block(block.text)
            if block.prefix:
                text = f"**{markdown_block(block.prefix)}** {text}"
            if block.bullet:
                out.append(f"- {text}")
            elif block.bold:
                out.append(f"**{text}**")
            else:
                out.append(text)
        elif isinstance(block, TableBlock):
            out.append(table_markdown(block.table, caption=False).rstrip("\n"))
        else:  # an image has no place in a Markdown text; its caption says what it showed
            continue
        out.append("")
    text = "\n".join(out).rstrip("\n") + "\n"
    if rtl:
        text = f'<div dir="rtl" lang="{language}" markdown="1">\n\n{text}\n</div>\n'
    return text


def report_docx(
    blocks: list[Block],
    *,
    rtl: bool = False,
    landscape: bool = False,
    paper: str = "a4",
    language: str = "en",
    about: About | None = None,
) -> bytes:
    """
    The report as a Word document.

    The cover (the title, the reporting period and the cover table) is a page of its own, as in
    the template; the indicator table goes on landscape pages of its own unless the whole report
    is landscape.
    """
    from .docx import (  # noqa: PLC0415
        add_paragraph,
        add_picture,
        add_table,
        add_two_columns,
        new_document,
        save,
        set_landscape,
    )

    document = new_document(landscape=landscape, rtl=rtl, paper=paper, language=language, about=about)
    from docx.enum.section import WD_SECTION  # noqa: PLC0415  (python-docx is there: new_document needs it)
    from docx.enum.text import WD_BREAK  # noqa: PLC0415

    cover = next((i for i, b in enumerate(blocks) if isinstance(b, TableBlock)), None)
    # A wide table goes on landscape pages, with the heading just above it.
    wide = [not landscape and isinstance(b, TableBlock) and len(b.table.columns) > 2 for b in blocks]
    turn = [w or (isinstance(b, Heading) and i + 1 < len(blocks) and wide[i + 1])
            for i, (b, w) in enumerate(zip(blocks, wide, strict=True))]  # fmt: skip
    for index, block in enumerate(blocks):
        if turn[index] and (index == 0 or not turn[index - 1]):
            set_landscape(document, True)
        if isinstance(block, Heading):
            heading = document.add_heading(level=min(block.level, 9))
            add_paragraph(document, block.text, rtl=rtl, paragraph=heading, label=True)
        elif isinstance(block, Paragraph):
            style = "List Bullet" if block.bullet else None
            paragraph = add_paragraph(
                document, block.text, prefix=block.prefix, rtl=rtl, bold=block.bold, style=style
            )
            if block.bold:  # a line in bold heads what follows it ("Outcome 1: ...", "UNDP"): kept with it
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, TableBlock) and block.second_column:
            add_two_columns(document, block.table, block.second_column)
            if index == cover and index + 1 < len(blocks) and not turn[index + 1]:
                document.sections[-1].start_type = WD_SECTION.NEW_PAGE  # the cover, a page alone
        elif isinstance(block, TableBlock):
            add_table(document, block.table, caption=False)
            if index == cover and index + 1 < len(blocks) and not turn[index + 1]:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # the cover, a page alone
        else:
            add_picture(document, block.data, block.caption, rtl=rtl)
        if turn[index] and (index + 1 == len(blocks) or not turn[index + 1]):
            set_landscape(document, False)
    return save(document)
