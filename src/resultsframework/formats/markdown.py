"""Markdown (GitHub) rendering of a :class:`Table`."""

from __future__ import annotations

from ..tables.table import Table, TableCell
from ..text.escape import isolate, markdown_text


def _cell(cell: TableCell, rtl: bool) -> str:
    lines = []
    for part in cell.lines:
        text = markdown_text(isolate(part.text) if rtl else part.text)
        lines.append(f"**{markdown_text(part.prefix)}** {text}".rstrip() if part.prefix else text)
    return "<br>".join(lines)


def table_markdown(table: Table, *, caption: bool = True) -> str:
    """
    The table as a GitHub Markdown table, with its title above and footnotes below.

    GitHub tables always have a header row: a table without one gets empty labels.
    """
    width = len(table.columns)
    out = [f"**{markdown_text(table.title)}**", ""] if caption else []
    labels = [markdown_text(c.label) if table.header else "" for c in table.columns]
    out.append("| " + " | ".join(labels) + " |")
    out.append("|" + " --- |" * width)
    for row in table.rows:
        cells = [_cell(c, table.rtl) for c in row.cells]
        if row.is_group:
            cells = cells[:1] + [""] * (width - 1)
        out.append("| " + " | ".join(cells) + " |")
    if table.footnotes:
        out.append("")
        out.extend(f"{markdown_text(note)}  " for note in table.footnotes)
    text = "\n".join(out).rstrip() + "\n"
    if table.rtl:
        text = f'<div dir="rtl" lang="{table.language}" markdown="1">\n\n{text}\n</div>\n'
    return text
