"""
Framework tables: the mapping of indicators onto a framework's elements, the counts by element,
and the programmes × elements matrix, in every format and language.
"""

from __future__ import annotations

from decimal import Decimal

from ..assessment.alignment import AlignedIndicator, Alignment
from ..core.framework import Element
from ..core.model import Status
from ..tables.table import Column, Part, Table, TableCell, TableRow
from ..text.l10n import N_, Localizer

__all__ = ["alignment_table", "code_heading", "level_name", "matrix_table", "summary_table"]


_STATUS_ORDER = tuple(Status)
_UNJUDGED = frozenset({Status.NOT_ASSESSED, Status.NO_DATA})
"""Statuses of indicators that could not be judged: not in the share achieved or exceeded."""


def _title(element: Element, loc: Localizer) -> str:
    return element.title_in(loc.language)


def level_name(element: Element) -> str:
    """A level's name as a heading: ``Pillar``, ``Strategic objective``."""
    return element.level.replace("_", " ").capitalize()


def code_heading(element: Element, loc: Localizer) -> str:
    """The heading of a level's code column in flat layouts: ``Pillar code``."""
    return loc.gettext(N_("{level} code")).format(level=level_name(element))


def alignment_table(alignment: Alignment, *, locale: str | Localizer = "en") -> Table:
    """
    The mapping: each framework element that has indicators under it, top down, with the
    programme indicators linked to it and their assessed status.

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    fw = alignment.framework
    columns = (
        Column("indicator", _(N_("Indicator")), 4),
        Column("programme", _(N_("Programme")), 3),
        Column("result", _(N_("Result")), 3),
        Column("status", _(N_("Status")), 1),
        Column("rate", _(N_("Achievement rate")), 1),
    )
    rows: list[TableRow] = []

    def walk(parent: str | None, trail: tuple[Part, ...]) -> None:
        for element in fw.children(parent):
            if not alignment.under(element.code):
                continue
            group = (
                Part(f"{element.level}_code", code_heading(element, loc), element.code, flat_only=True),
                Part(element.level, level_name(element), _title(element, loc),
                     prefix=loc.colon(loc.code(element.code))),
            )  # fmt: skip
            rows.append(TableRow("section", (TableCell(group),), element.code))
            for item in alignment.linked_to(element.code):
                rows.append(_indicator_row(item, loc, (*trail, *group)))
            walk(element.code, (*trail, *group))

    walk(None, ())
    unaligned = alignment.unaligned()
    if unaligned:
        label = _(N_("Not linked to this framework"))
        group = (Part("unlinked", label, "", prefix=label),)
        rows.append(TableRow("section", (TableCell(group),)))
        rows.extend(_indicator_row(item, loc, group) for item in unaligned)
    notes = [
        _(N_("An indicator without a link of its own counts where its output, outcome or programme links."))
    ]
    if fw.source:
        notes.append(f"{loc.colon(_(N_('Source')))} {fw.source}")
    return Table(fw.title, columns, tuple(rows), tuple(notes), loc.tag, loc.rtl)


def _indicator_row(item: AlignedIndicator, loc: Localizer, groups: tuple[Part, ...]) -> TableRow:
    _ = loc.gettext
    indicator = item.assessment.indicator
    where = []
    if item.assessment.outcome is not None:
        where.append(f"{_(N_('Outcome'))} {item.assessment.outcome}")
    if item.assessment.output is not None:
        where.append(f"{_(N_('Output'))} {item.assessment.output}")
    rate = item.assessment.achievement_rate
    link = _(N_("inherited link")) if item.inherited and item.codes else ""
    cells = (
        TableCell(
            (
                Part("code", _(N_("Code")), indicator.code, flat_only=True),
                Part(
                    "indicator",
                    _(N_("Indicator")),
                    indicator.statement,
                    prefix=_(N_("{label} {code}:")).format(
                        label=_(N_("Indicator")), code=loc.code(indicator.code)
                    ),
                ),
            )
        ),
        TableCell((Part("programme", _(N_("Programme")), item.programme.title),)),
        TableCell((Part("result", _(N_("Result")), ", ".join(where)), Part("link", _(N_("Link")), link))),
        TableCell((Part("status", _(N_("Status")), loc.status(item.status)),)),
        TableCell((Part("rate", _(N_("Achievement rate")), loc.percent(rate) if rate is not None else ""),)),
    )
    return TableRow("indicator", cells, indicator.code, groups)


def summary_table(alignment: Alignment, level: str | None = None, *, locale: str | Localizer = "en") -> Table:
    """
    Counts by element of one level (default: the highest level any indicator links at, into
    which every link rolls up): indicators by status, and the share achieved or exceeded of
    those that could be judged (not assessed and no data left out; empty when none could be).

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    fw = alignment.framework
    level = level or _linked_level(alignment)
    statuses = [s for s in _STATUS_ORDER if any(i.status is s for i in alignment.items)]
    columns = [Column("element", _(N_("Framework element")), 4), Column("total", _(N_("Indicators")), 1)]
    columns += [Column(s.value, loc.status(s), 1) for s in statuses]
    columns.append(Column("share", _(N_("Achieved or exceeded")), 1))
    rows = []
    for element in _shown(alignment, level):
        counts = alignment.counts(element.code)
        total = sum(counts.values())
        judged = total - sum(counts[s] for s in _UNJUDGED)
        met = counts[Status.ACHIEVED] + counts[Status.EXCEEDED]
        fraction = _fraction(met, judged) if judged else None
        shown = loc.percent(fraction) if fraction is not None else ""
        share = Part("share", _(N_("Achieved or exceeded")), shown, number=fraction, percent=True)
        cells = [
            TableCell(
                (
                    Part("code", _(N_("Code")), element.code, flat_only=True),
                    Part(
                        "element",
                        _(N_("Framework element")),
                        _title(element, loc),
                        prefix=loc.colon(loc.code(element.code)),
                    ),
                )
            ),
            TableCell((Part("total", _(N_("Indicators")), loc.number(total), number=total),)),
        ]
        cells += [
            TableCell((Part(s.value, loc.status(s), loc.number(counts[s]), number=counts[s]),))
            for s in statuses
        ]
        cells.append(TableCell((share,)))
        rows.append(TableRow("indicator", tuple(cells), element.code))
    title = f"{loc.colon(fw.title)} {_(N_('indicators by status'))}"
    return Table(title, tuple(columns), tuple(rows), (), loc.tag, loc.rtl)


def matrix_table(alignment: Alignment, level: str | None = None, *, locale: str | Localizer = "en") -> Table:
    """
    Programmes × framework elements of one level: how many indicators of each programme
    count under each element.

    .. versionadded:: 0.1.0
    """
    loc = Localizer.of(locale)
    _ = loc.gettext
    fw = alignment.framework
    level = level or _linked_level(alignment)
    elements = _shown(alignment, level)
    matrix = alignment.matrix(level)
    columns = [Column("programme", _(N_("Programme")), 4)]
    columns += [Column(f"element:{e.code}", e.code, 1) for e in elements]
    rows = []
    for programme in alignment.programmes:
        counts = matrix[programme]
        cells = [TableCell((Part("programme", _(N_("Programme")), programme.title),))]
        cells += [
            TableCell(
                (
                    Part(
                        f"element:{e.code}",
                        e.code,
                        loc.number(counts[e.code]) if counts[e.code] else "",
                        number=counts[e.code] or None,
                    ),
                )
            )
            for e in elements
        ]
        rows.append(TableRow("indicator", tuple(cells)))
    notes = tuple(f"{loc.colon(loc.code(e.code))} {_title(e, loc)}" for e in elements)
    title = f"{loc.colon(fw.title)} {_(N_('programmes by framework element'))}"
    return Table(title, tuple(columns), tuple(rows), notes, loc.tag, loc.rtl)


def _fraction(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole)


SHOW_ALL_UP_TO = 25
"""A level with at most this many elements is shown whole; a larger one only where indicators are."""


def _shown(alignment: Alignment, level: str) -> list[Element]:
    elements = alignment.framework.at_level(level)
    if len(elements) <= SHOW_ALL_UP_TO:
        return elements
    return [e for e in elements if alignment.under(e.code)]


def _linked_level(alignment: Alignment) -> str:
    """The highest level any indicator is linked at: every link rolls up into it."""
    fw = alignment.framework
    linked = {fw.get(code) for item in alignment.items for code in item.codes}
    levels = {element.level for element in linked if element is not None}
    for level in fw.levels:
        if level in levels:
            return level
    return fw.levels[0]
