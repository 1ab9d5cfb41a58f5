"""
How much room text takes on a page: the lines a wrapped text needs in a column, and the height
of a spreadsheet row that shows all of its cells.

Excel fits a row to its wrapped texts when it opens a workbook, but LibreOffice and printing take
the height the file gives: without one, a long statement shows as its first line only, cut.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

__all__ = [
    "COMPLEX_SCRIPT_FONT", "FONT", "LINE_HEIGHT", "MAX_ROW_HEIGHT", "PAPER", "lines_needed", "row_height",
]  # fmt: skip

FONT = "Calibri"
"""
The face of every Word paragraph and spreadsheet cell, which the widths and heights here are
measured for: every Office installation has it, and LibreOffice shows Carlito, of the same metrics.
"""
PAPER = {"a4": (210, 297), "letter": (215.9, 279.4)}
"""Paper sizes in millimetres, portrait (width, height): A4 is the UN's default outside the US."""
COMPLEX_SCRIPT_FONT = "Arial"
"""The face of Arabic text in Word: one every Word installation has with Arabic letters."""

LINE_HEIGHT = 15.0
"""Points a line of 11-point text takes in a spreadsheet row."""
MAX_ROW_HEIGHT = 409.0
"""Excel's highest row, in points."""
CHARACTERS_PER_WIDTH = 0.95
"""
Characters of ordinary text a unit of Excel column width holds (the unit is one digit '0'):
measured on LibreOffice's pages, a little under one, so that a row is never too short.
"""


def lines_needed(text: str, width: float, size: float = 11) -> int:
    """
    The lines *text* in *size*-point type takes, wrapped at words, in a column *width* units
    wide (Excel's unit, which is measured in 11-point type).

    Each line break starts a line; a word longer than a line is broken.
    """
    per_line = max(1, int(width * CHARACTERS_PER_WIDTH * 11 / size))
    if len(text) <= per_line and text.isprintable():  # one short line (no line break of any kind)
        return 1
    lines = 0
    for paragraph in text.splitlines() or [""]:
        if len(paragraph) <= per_line:
            lines += 1
        else:
            lines += _wrapped_lines(paragraph, per_line)
    return lines


def _wrapped_lines(paragraph: str, per_line: int) -> int:
    """
    The lines of ``textwrap.wrap(paragraph, per_line, break_on_hyphens=False)``, at least one.

    Counted word by word in the usual case (words between single spaces, none longer than a
    line, no other white space), where textwrap's greedy filling comes to this; textwrap itself
    otherwise.
    """
    if paragraph.isprintable() and "  " not in paragraph and paragraph[0] != " " and paragraph[-1] != " ":
        lengths = [len(word) for word in paragraph.split(" ")]
        if max(lengths) <= per_line:
            lines, used = 1, lengths[0]
            for length in lengths[1:]:
                if used + 1 + length <= per_line:
                    used += 1 + length
                else:
                    lines, used = lines + 1, length
            return lines
    return len(textwrap.wrap(paragraph, per_line, break_on_hyphens=False)) or 1


def row_height(cells: Iterable[tuple[str, float]], size: float = 11) -> float:
    """The height in points of a row showing each (text, column width) of *cells* in *size*-point type."""
    lines = max((lines_needed(text, width, size) for text, width in cells if text), default=1)
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * size / 11)
