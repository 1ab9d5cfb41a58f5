"""HTML rendering of a :class:`Table`: a fragment, or a standalone page."""

from __future__ import annotations

from ..tables.table import GROUP_FILLS, HEADER_FILL, Table, TableCell
from ..text.escape import html_text

_STYLE = (
    """\
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2rem; }
.rf-about { font-size: 0.85rem; color: #444; margin: 0 0 0.5rem; }
.rf-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.rf-table caption { font-weight: bold; font-size: 1.1rem; text-align: start; margin-bottom: 0.5rem; }
.rf-table th, .rf-table td { border: 1px solid #999; padding: 0.35rem 0.5rem; vertical-align: top;
  text-align: start; }
"""
    + f".rf-table thead th {{ background: #{HEADER_FILL}; color: #fff; }}\n"
    + "".join(f".rf-table tr.rf-{kind} th {{ background: #{fill}; }}\n" for kind, fill in GROUP_FILLS.items())
    + """\
.rf-table th[scope=row] { font-weight: normal; }
.rf-table p { margin: 0 0 0.3rem 0; }
.rf-footnote { font-size: 0.8rem; }
@media print {
  @page { size: A4 landscape; margin: 15mm; }
  body { margin: 0; }
  .rf-table { font-size: 9pt; }
  .rf-table thead { display: table-header-group; }
  .rf-table tr { break-inside: avoid; page-break-inside: avoid; }
  .rf-table tr.rf-impact, .rf-table tr.rf-outcome, .rf-table tr.rf-output, .rf-table tr.rf-section {
    break-after: avoid; page-break-after: avoid; }
}
"""
)


def _cell(cell: TableCell, rtl: bool) -> str:
    lines = []
    for part in cell.lines:
        text = html_text(part.text)
        if rtl and text:
            text = f"<bdi>{text}</bdi>"
        if part.prefix:
            text = f"<strong>{html_text(part.prefix)}</strong> {text}".rstrip()
        lines.append(f"<p>{text}</p>" if len(cell.lines) > 1 else text)
    return "".join(lines)


def table_html(table: Table, *, standalone: bool = False) -> str:
    """The table as HTML: ``<table>`` with caption, header cells with scope and footnotes."""
    direction = "rtl" if table.rtl else "ltr"
    width = len(table.columns)
    out = [f'<table class="rf-table" lang="{html_text(table.language)}" dir="{direction}">']
    out.append(f"<caption>{html_text(table.title)}</caption>")
    if table.header:
        header = "".join(
            f'<th scope="col">{html_text(c.label)}</th>' if c.label else "<td></td>" for c in table.columns
        )
        out.append(f"<thead>\n<tr>{header}</tr>\n</thead>")
    out.append("<tbody>")
    for row in table.rows:
        css = f"rf-{row.kind}"
        if row.is_group:
            group = _cell(row.cells[0], table.rtl)
            out.append(f'<tr class="{css}"><th scope="colgroup" colspan="{width}">{group}</th></tr>')
            continue
        first, *rest = row.cells
        cells = f'<th scope="row">{_cell(first, table.rtl)}</th>' + "".join(
            f"<td>{_cell(c, table.rtl)}</td>" for c in rest
        )
        out.append(f'<tr class="{css}">{cells}</tr>')
    out.append("</tbody>")
    out.append("</table>")
    out.extend(f'<p class="rf-footnote">{html_text(note)}</p>' for note in table.footnotes)
    fragment = "\n".join(out) + "\n"
    if not standalone:
        return fragment
    # A page says whose table it is, as Word's running header does: the programme and its number.
    about = table.about
    title = f"{about.title} \u2014 {table.title}" if about is not None else table.title
    heading = ""
    if about is not None:
        heading = f'<p class="rf-about">{html_text(about.header or about.title)}</p>\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_text(table.language)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_text(title)}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n"
        f"{heading}{fragment}</body>\n</html>\n"
    )
