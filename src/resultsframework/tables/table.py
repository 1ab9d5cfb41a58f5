"""
The intermediate table every output format renders.

A :class:`Table` is built once, from a programme and its assessment, with every
text already localised; Markdown, HTML, Word, Excel and CSV only lay it out, so
they cannot disagree.  The layout has two readings:

* **grouped** (Markdown, HTML, Word, Excel): group rows for outcomes and outputs,
  and for each indicator a row whose cells hold labelled lines;
* **flat** (CSV): one row per indicator, one column per part of a cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import cast

import attrs

from ..core.building import unchecked_constructor

__all__ = [
    "GROUP_FILLS", "GROUP_KINDS", "HEADER_FILL", "About", "Column", "Part", "Table", "TableCell", "TableRow",
]  # fmt: skip

GROUP_KINDS = frozenset({"impact", "outcome", "output", "section"})
"""Row kinds that head a group: one cell spanning the whole table."""

HEADER_FILL = "1F4E79"
GROUP_FILLS = {"impact": "BDD7EE", "outcome": "D9E2F3", "output": "EEF2F9", "section": "D9E2F3"}
"""Background colours (RGB hex) of the header row and of group rows, shared by every format."""


@attrs.frozen
class Part:
    """
    One piece of a cell: a line in grouped layouts, a column in flat ones.

    .. versionadded:: 0.1.0
    """

    key: str
    """A stable name for the flat column (``code``, ``baseline``, ``achieved``, ...)."""
    heading: str
    """The flat column's heading, localised."""
    text: str
    """The text, localised; may hold newlines between paragraphs."""
    prefix: str | None = None
    """A label shown in bold before the text in grouped layouts, such as "Baseline"."""
    flat_only: bool = False
    """Shown only in flat layouts (the code, already in the prefix of grouped ones)."""
    number: int | Decimal | None = None
    """The number the text shows, exactly, for formats that store numbers (Excel): ``103``;
    for a percentage the fraction (``Decimal('0.42')`` for 42.0%, with :attr:`percent`)."""
    percent: bool = False
    """Whether :attr:`number` is a fraction shown as a percentage."""


@attrs.frozen
class TableCell:
    """A cell: its parts, top to bottom."""

    parts: tuple[Part, ...] = ()
    """Its pieces, top to bottom: the lines of a grouped layout, the columns of a flat one."""

    @property
    def lines(self) -> tuple[Part, ...]:
        """The parts shown in grouped layouts (an empty part without a label is no line)."""
        return tuple(p for p in self.parts if not p.flat_only and (p.text or p.prefix))


@attrs.frozen
class Column:
    """A column of the grouped layout."""

    key: str
    """A stable name (``result``, ``achieved``, ``status``, ``period:2021Q3``, ...)."""
    label: str
    """The heading, localised; empty for the first column of the MPTF table, as in the template."""
    width: float = 1
    """A relative width, for formats that set widths (Word, Excel): 1 is about 14 characters."""


@attrs.frozen
class TableRow:
    """
    A row: a group row (``impact``, ``outcome``, ``output``, ``section``) has one cell
    spanning the table; any other row (``indicator``, ``activity``, ``field``) has one
    cell per column.
    """

    kind: str
    """``impact``, ``outcome``, ``output`` or ``section`` for a group row; ``indicator``,
    ``total`` (what the indicators above it add up to), ``activity`` or ``field`` for the others."""
    cells: tuple[TableCell, ...]
    """One cell spanning the table for a group row, else one per column."""
    code: str | None = None
    """The code of what the row is for (an indicator's, an outcome's), if it has one."""
    groups: tuple[Part, ...] = ()
    """The parts of the group rows above it (its outcome and output), for flat layouts."""

    @property
    def is_group(self) -> bool:
        """Whether the row heads a group (its one cell spans the table)."""
        return self.kind in GROUP_KINDS


@attrs.frozen
class About:
    """
    What a document says about itself: in Word, its properties and running header.

    .. versionadded:: 0.1.0
    """

    title: str
    """The document's title: the programme's."""
    author: str | None = None
    """Who wrote it: the organisation that submits the report."""
    header: str | None = None
    """The running header of every page: the programme and its MPTF project number."""


@attrs.frozen(repr=False)
class Table:
    """
    A table ready to render: title, columns, rows, footnotes, language and direction.

    .. versionadded:: 0.1.0
    """

    title: str
    """The table's title, localised (its caption)."""
    columns: tuple[Column, ...]
    """The columns of the grouped layout."""
    rows: tuple[TableRow, ...]
    """The rows, top to bottom."""
    footnotes: tuple[str, ...] = ()
    """Notes printed below the table, localised."""
    language: str = "en"
    """The BCP 47 tag of the texts (``en``, ``fr``, ``ar``)."""
    rtl: bool = False
    """Whether the texts are right to left (Arabic): formats mirror the table."""
    header: bool = True
    """Whether the column labels are shown as a header row (not for a cover page's fields)."""
    about: About | None = None
    """What the document it is rendered into says about itself (its programme), if known."""

    def __repr__(self) -> str:
        return f"Table({self.title!r}, {len(self.columns)} columns, {len(self.rows)} rows, {self.language})"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import table_notebook_html  # noqa: PLC0415

        return table_notebook_html(self)

    def flat(self, kinds: tuple[str, ...] = ("indicator", "total")) -> tuple[list[str], list[list[str]]]:
        """
        The flat reading: headings and one row of texts per row of the given kinds.

        Columns are the parts in order of first appearance; a row without a part
        has an empty text there.
        """
        order: dict[str, str] = {}
        rows = [row for row in self.rows if row.kind in kinds]
        for row in rows:
            for part in self._flat_parts(row):
                order.setdefault(part.key, part.heading)
        body = []
        for row in rows:
            texts = {part.key: part.text for part in self._flat_parts(row)}
            body.append([texts.get(key, "") for key in order])
        return list(order.values()), body

    @staticmethod
    def _flat_parts(row: TableRow) -> Iterator[Part]:
        yield from row.groups
        for cell in row.cells:
            yield from cell.parts


# Built without attrs' frozen ``__init__``, which sets each field through ``object.__setattr__``:
# a table of 1,000 indicators has 11,000 parts in 5,000 cells.
new_part = cast("type[Part]", unchecked_constructor(Part))
"""``Part(...)``, faster."""
new_cell = cast("type[TableCell]", unchecked_constructor(TableCell))
"""``TableCell(...)``, faster."""
new_row = cast("type[TableRow]", unchecked_constructor(TableRow))
"""``TableRow(...)``, faster."""
