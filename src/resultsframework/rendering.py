"""
Rendering: one entry point for every format and locale.

``render`` builds the MPTF indicator table from a programme (through its assessment) and lays
it out in a format; ``render_table`` lays out any :class:`~resultsframework.Table`; ``report``
builds the final narrative report; ``render_file`` and ``report_file`` write them atomically.
Text formats (Markdown, HTML, CSV) come back as ``str``, binary ones (Word, Excel) as ``bytes``.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Literal, overload

from .assessment.progress import Assessment, assess
from .core.errors import ResultsFrameworkError
from .core.framework import Framework
from .core.model import Programme
from .io.atomic import write_atomic
from .tables.table import Table
from .text.l10n import N_, Digits, Localizer, available_locales

__all__ = ["FORMATS", "render", "render_file", "render_table", "report", "report_file"]

TextFormat = Literal["md", "markdown", "html", "htm", "csv"]
BinaryFormat = Literal["docx", "xlsx"]

FORMATS: dict[str, str] = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "docx": "docx",
                           "xlsx": "xlsx", "csv": "csv"}  # fmt: skip
"""Accepted format names and file suffixes, and the format each means."""


def _format(name: str, allowed: tuple[str, ...] = ("md", "html", "docx", "xlsx", "csv")) -> str:
    fmt = FORMATS.get(name.lower().lstrip("."))
    if fmt is None or fmt not in allowed:
        hint = f" ({name!r} is a language: pass locale={name!r})" if name in available_locales() else ""
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(allowed)}{hint}")
    return fmt


@overload
def render_table(
    table: Table,
    format: TextFormat = "md",
    *,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
) -> str: ...
@overload
def render_table(
    table: Table,
    format: BinaryFormat,
    *,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
) -> bytes: ...
@overload
def render_table(
    table: Table,
    format: str,
    *,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
) -> str | bytes: ...
def render_table(
    table: Table,
    format: str = "md",
    *,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
) -> str | bytes:
    """
    Lay out *table* in a format: ``str`` for md, html and csv, ``bytes`` for docx and xlsx.

    Args:
        standalone: For HTML, a whole page rather than a fragment.
        landscape: For Word, landscape pages.
        paper: For Word and Excel, ``"a4"`` (the default) or ``"letter"``.
        bom: For CSV, start with a byte-order mark (Excel on Windows then reads UTF-8).

    Raises:
        ValueError: for a format that is not one of md, html, docx, xlsx, csv.
        MissingExtraError: for docx or xlsx without their extra.

    .. versionadded:: 0.1.0
    """
    fmt = _format(format)
    if fmt == "md":
        from .formats.markdown import table_markdown  # noqa: PLC0415

        return table_markdown(table)
    if fmt == "html":
        from .formats.html import table_html  # noqa: PLC0415

        return table_html(table, standalone=standalone)
    if fmt == "csv":
        from .formats.csv import table_csv  # noqa: PLC0415

        return table_csv(table, bom=bom)
    if fmt == "docx":
        from .formats.docx import table_docx  # noqa: PLC0415

        return table_docx(table, landscape=landscape, paper=_paper(paper))
    from .formats.xlsx import table_xlsx  # noqa: PLC0415

    return table_xlsx(table, paper=_paper(paper))


def _paper(name: str) -> str:
    """``a4`` or ``letter``, whatever the case; anything else is a ValueError."""
    if name.lower() not in ("a4", "letter"):
        raise ValueError(f"paper is 'a4' or 'letter', not {name!r}")
    return name.lower()


@overload
def render(
    programme: Programme,
    format: TextFormat = "md",
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    from_baseline: bool = False,
    organisation: str | None = None,
    breakdowns: bool | None = None,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
    template: str = "mptf",
) -> str: ...
@overload
def render(
    programme: Programme,
    format: BinaryFormat,
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    from_baseline: bool = False,
    organisation: str | None = None,
    breakdowns: bool | None = None,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
    template: str = "mptf",
) -> bytes: ...
@overload
def render(
    programme: Programme,
    format: str,
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    from_baseline: bool = False,
    organisation: str | None = None,
    breakdowns: bool | None = None,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
    template: str = "mptf",
) -> str | bytes: ...
def render(
    programme: Programme,
    format: str = "md",
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    include_activities: bool = False,
    per_period: bool = False,
    show_status: bool = False,
    from_baseline: bool = False,
    organisation: str | None = None,
    breakdowns: bool | None = None,
    standalone: bool = False,
    landscape: bool = True,
    paper: str = "a4",
    bom: bool = False,
    template: str = "mptf",
) -> str | bytes:
    """
    Render the MPTF indicator table of *programme*, or another of its tables.

    *template* chooses the table: ``mptf`` (the default), ``results-matrix`` (the IOM results
    matrix), ``logframe``, ``iptt`` (the indicator performance tracking table) or ``learning``
    (the lessons learned and recommendations); the planning
    tables take only *locale*, *digits*, *as_of* and *assessment* (the IPTT's figures) of the
    table options.

    Returns ``str`` for text formats (md, html, csv) and ``bytes`` for binary
    ones (docx, xlsx).  The options are those of :func:`indicator_table` and
    :func:`render_table`; *digits* ``"arab"`` writes Arabic-Indic digits.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *template*, *from_baseline*.
    """
    from .tables.mptf import indicator_table  # noqa: PLC0415

    fmt = _format(format)
    if template != "mptf":
        table = _planning_table(programme, template, _localizer(locale, digits), assessment, as_of)
        return render_table(table, fmt, standalone=standalone, landscape=landscape, paper=paper, bom=bom)
    table = indicator_table(
        programme,
        locale=_localizer(locale, digits),
        assessment=assessment,
        as_of=as_of,
        include_activities=include_activities,
        per_period=per_period,
        show_status=show_status,
        from_baseline=from_baseline,
        organisation=organisation,
        breakdowns=breakdowns,
    )
    return render_table(table, fmt, standalone=standalone, landscape=landscape, paper=paper, bom=bom)


def _planning_table(
    programme: Programme, template: str, loc: Localizer, assessment: Assessment | None, as_of: date | None
) -> Table:
    from .tables.planning import (  # noqa: PLC0415
        TEMPLATES,
        iptt_table,
        learning_table,
        logframe_table,
        results_matrix_table,
    )

    if template == "results-matrix":
        return results_matrix_table(programme, locale=loc)
    if template == "logframe":
        return logframe_table(programme, locale=loc)
    if template == "iptt":
        return iptt_table(programme, locale=loc, assessment=assessment, as_of=as_of)
    if template == "learning":
        return learning_table(programme, locale=loc)
    choices = ", ".join(repr(t) for t in ("mptf", *TEMPLATES))
    raise ResultsFrameworkError(f"template: expected one of {choices}; found {template!r}")


def _localizer(locale: str | Localizer, digits: Digits | None) -> Localizer:
    if isinstance(locale, Localizer):
        return locale if digits is None else Localizer(str(locale.locale), digits=digits)
    return Localizer(locale, digits=digits)


def render_file(
    programme: Programme,
    path: str | os.PathLike[str],
    format: str | None = None,
    locale: str | Localizer = "en",
    **options: Any,
) -> None:
    """
    Render *programme*'s MPTF table into a file, atomically; the format comes from the suffix
    unless given.  The options are those of :func:`render`.

    Raises:
        ValueError: when the format is unknown (or cannot be told from the suffix).
        OSError: when the file cannot be written; no half-written file is left.

    .. versionadded:: 0.1.0
    """
    fmt = _format(format or Path(path).suffix or "?")
    output = render(programme, fmt, locale, **options)
    write_atomic(path, output.encode("utf-8") if isinstance(output, str) else output)


@overload
def report(
    programme: Programme,
    format: Literal["docx"] = "docx",
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    landscape: bool = False,
    charts: bool = False,
    results: str | Framework | None = None,
    level: str | None = None,
    paper: str = "a4",
) -> bytes: ...
@overload
def report(
    programme: Programme,
    format: Literal["md", "markdown"],
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    landscape: bool = False,
    charts: bool = False,
    results: str | Framework | None = None,
    level: str | None = None,
    paper: str = "a4",
    kind: str = "final",
    empty_sections: str = "omit",
) -> str: ...
@overload
def report(
    programme: Programme,
    format: str,
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    landscape: bool = False,
    charts: bool = False,
    results: str | Framework | None = None,
    level: str | None = None,
    paper: str = "a4",
    kind: str = "final",
    empty_sections: str = "omit",
) -> str | bytes: ...
def report(
    programme: Programme,
    format: str = "docx",
    locale: str | Localizer = "en",
    *,
    digits: Digits | None = None,
    as_of: date | None = None,
    assessment: Assessment | None = None,
    landscape: bool = False,
    charts: bool = False,
    results: str | Framework | None = None,
    level: str | None = None,
    paper: str = "a4",
    kind: str = "final",
    empty_sections: str = "omit",
) -> str | bytes:
    """
    The MPTF Generic Final Programme Narrative Report of *programme* (or, with *kind*
    ``annual`` or ``interim``, the progress report on the same template).

    Returns ``bytes`` for ``docx`` and ``str`` for ``md``: the cover table, the
    narrative sections the file holds, the results per outcome and output and the
    indicator table, in the template's order and headings.  With *charts* (Word
    only, the ``charts`` extra), a chart of achievement against target follows the
    indicator table.  With *results* (a framework or its id, such as ``iom-iraq-2022``),
    the programme's figures by element of that framework (at *level*) follow it too.  Word pages
    are A4 unless *paper* is ``"letter"``.  The template's narrative sections the file does
    not hold are left out, or with *empty_sections* ``"say"`` kept, saying nothing was
    reported; with *as_of*, the reporting period stated ends on that date.

    Raises:
        ValueError: for a format other than docx and md, or a kind it does not know.

    .. versionadded:: 0.1.0
    """
    from .formats.report import report_docx, report_markdown  # noqa: PLC0415
    from .tables.mptf import about  # noqa: PLC0415
    from .tables.report import ImageBlock, TableBlock, report_blocks  # noqa: PLC0415

    fmt = _format(format, ("docx", "md"))
    loc = _localizer(locale, digits)
    assessment = assessment or assess(programme, as_of)
    blocks = report_blocks(
        programme, locale=loc, assessment=assessment, as_of=as_of, results=results, level=level,
        kind=kind, empty_sections=empty_sections,
    )  # fmt: skip
    if charts and fmt == "docx":
        from .formats.charts import progress_chart  # noqa: PLC0415

        tables = [i for i, b in enumerate(blocks) if isinstance(b, TableBlock)]
        title = loc.gettext(N_("Achievement rate against target"))
        caption = loc.gettext(N_("Figure {number}: {caption}")).format(number=loc.number(1), caption=title)
        image = ImageBlock(progress_chart(assessment, locale=loc), caption)  # the chart's alt text with it
        indicators = tables[-2] if results is not None else tables[-1]  # before the results by element
        blocks.insert(indicators + 1, image)
    if fmt == "md":
        return report_markdown(blocks, rtl=loc.rtl, language=loc.tag)
    return report_docx(
        blocks,
        rtl=loc.rtl,
        landscape=landscape,
        paper=_paper(paper),
        language=loc.tag,
        about=about(programme),
    )


def report_file(
    programme: Programme,
    path: str | os.PathLike[str],
    format: str | None = None,
    locale: str | Localizer = "en",
    **options: Any,
) -> None:
    """
    Write *programme*'s final narrative report into a file, atomically: Word (``.docx``) or
    Markdown (``.md``), from the suffix unless given.  The options are those of :func:`report`.

    Raises:
        ValueError: when the format is neither docx nor md.
        OSError: when the file cannot be written; no half-written file is left.

    .. versionadded:: 0.1.0
    """
    fmt = _format(format or Path(path).suffix or "?", ("docx", "md"))
    output = report(programme, fmt, locale, **options)
    write_atomic(path, output.encode("utf-8") if isinstance(output, str) else output)
