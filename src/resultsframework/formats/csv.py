"""CSV rendering of a :class:`Table`: one row per indicator, one column per part."""

from __future__ import annotations

import csv
import io

from ..tables.table import Table
from ..text.escape import formula_safe


def table_csv(table: Table, *, bom: bool = False) -> str:
    """
    The flat reading of the table as CSV text (RFC 4180, ``\\r\\n`` line ends).

    Every cell is guarded: a text a spreadsheet would run as a formula is written
    with a leading apostrophe.  With *bom*, the text starts with a byte-order mark, so that
    Excel on Windows reads it as UTF-8 (Arabic and accents intact) rather than in its code page.
    """
    headings, rows = table.flat()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([formula_safe(h) for h in headings])
    writer.writerows([formula_safe(text) for text in row] for row in rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()
