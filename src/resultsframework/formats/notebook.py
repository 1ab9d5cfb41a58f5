"""
Notebook display: short plain reprs, and rich HTML a notebook shows at a glance.

A programme shows what it states (its cover line and each indicator with its baseline, target
and how many values it holds) and computes nothing; an assessment shows its status counts and a
compact table (code, indicator, status, achieved, target, rate: one line per indicator; the
full MPTF table is ``rf.indicator_table(...)``); an indicator's assessment a card.  A table
displays itself through the HTML format; :func:`table_notebook_html` gives it in the notebook's
scoped style.  Everything is escaped as every renderer escapes it.

Each display is wrapped in ``<div class="rf-notebook">`` with a small stylesheet scoped to that
class (left- and top-aligned cells, borders, a modest font size): JupyterLab's own style would
otherwise right-align every cell and centre the tables.  The selectors name the wrapping
``div`` so that they outrank JupyterLab's (``.jp-RenderedHTMLCommon td``) and touch nothing
else on the page.

The model, assessment and table classes reach this module from their ``_repr_html_`` methods:
the one place where a lower layer calls a higher one, and only when a notebook asks.
"""

from __future__ import annotations

from ..assessment.progress import Assessment, IndicatorAssessment
from ..core.errors import shorten
from ..core.model import Indicator, Programme
from ..core.ordinal import in_percent
from ..tables.table import Table
from ..text.escape import html_text
from ..text.l10n import Localizer
from .html import table_html

__all__ = ["assessment_html", "indicator_html", "programme_html", "table_notebook_html"]

STATEMENT_LIMIT = 80
"""How much of an indicator's statement the compact tables show (the rest is an ellipsis)."""

_CELLS = "div.rf-notebook table th, div.rf-notebook table td"
STYLE = (
    "<style>"
    "div.rf-notebook{font-size:0.85em;line-height:1.35}"
    "div.rf-notebook p{margin:0 0 0.4em 0;text-align:left}"
    "div.rf-notebook table{margin:0 0 0.4em 0;border-collapse:collapse;border:1px solid "
    "var(--jp-border-color1,#d0d7de);font-size:1em;table-layout:auto}"
    "div.rf-notebook table caption{text-align:left;font-weight:bold;padding:0 0 0.2em 0}"
    f"{_CELLS}{{text-align:left;vertical-align:top;padding:0.2em 0.5em;"
    "border:1px solid var(--jp-border-color2,#d0d7de);white-space:normal}"
    "div.rf-notebook table thead th{font-weight:bold}"
    "div.rf-notebook table[dir=rtl] th,div.rf-notebook table[dir=rtl] td{text-align:right}"
    "</style>"
)
"""The stylesheet of every notebook display, scoped to the ``div.rf-notebook`` wrapping it."""


def _wrap(body: str) -> str:
    """*body* in the scoped wrapper, with its stylesheet."""
    return f'<div class="rf-notebook">{STYLE}{body}</div>'


def table_notebook_html(table: Table) -> str:
    """A table as a notebook shows it: the HTML format's table, in the scoped style."""
    return _wrap(table_html(table))


def _counts_line(assessment: Assessment, loc: Localizer) -> str:
    counts = assessment.counts()
    return ", ".join(f"{counts[s]} {loc.status(s).lower()}" for s in counts)


def _head(programme: Programme, line: str) -> str:
    head = f"<p><strong>{html_text(programme.title)}</strong>"
    mptf = programme.identifier("mptf_project")
    if mptf:
        head += f" (MPTF {html_text(mptf)})"
    return head + f"<br>{html_text(line)}</p>"


def programme_html(programme: Programme) -> str:
    """The programme as it states itself: no value is computed (assess it to see where it stands)."""
    loc = Localizer("en")
    indicators = list(programme.indicators())
    outputs = sum(len(o.outputs) for o in programme.outcomes)
    line = (
        f"{len(programme.outcomes)} outcome(s), {outputs} output(s), {len(indicators)} indicator(s); "
        "rf.assess(programme) shows where each stands"
    )
    rows = []
    for indicator in indicators:
        percentage = in_percent(indicator)
        baseline, target = indicator.baseline, indicator.target
        cells = (
            indicator.code,
            indicator.statement,
            loc.value(baseline.value, percentage=percentage, qualifier=baseline.qualifier)
            if baseline
            else "–",
            loc.value(target.value, percentage=percentage, qualifier=target.qualifier) if target else "–",
            loc.number(len(indicator.achieved)),
        )
        first, *rest = (html_text(c) for c in cells)
        rows.append(f"<tr><th scope='row'>{first}</th>" + "".join(f"<td>{c}</td>" for c in rest) + "</tr>")
    header = "".join(
        f"<th scope='col'>{h}</th>" for h in ("Code", "Indicator", "Baseline", "Target", "Values")
    )
    table = (
        f"<table class='rf-programme'><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return _wrap(_head(programme, line) + table)


def assessment_html(assessment: Assessment) -> str:
    """
    The assessment: its status counts, then one line per indicator.

    Code, statement (shortened), status, achieved, target and achievement rate, for the whole
    programme up to the date assessed; ``rf.indicator_table(programme, assessment=...)`` is the
    full MPTF table, with narratives, reasons for variance and sources.
    """
    loc = Localizer("en")
    when = f"As of {assessment.as_of}: " if assessment.as_of else ""
    head = _head(assessment.programme, when + _counts_line(assessment, loc))
    rows = []
    for item in assessment.indicators:
        percentage = in_percent(item.indicator)
        rate = item.achievement_rate
        texts = (
            loc.status(item.status),
            loc.value(item.overall.achieved, percentage=percentage, qualifier=item.overall.qualifier),
            loc.value(item.overall.target, percentage=percentage),
            loc.percent(rate) if rate is not None else "–",
        )
        status, *numbers = (html_text(t) for t in texts)
        statement = item.indicator.statement
        short = shorten(statement, STATEMENT_LIMIT)
        title = f" title='{html_text(statement)}'" if short != statement else ""
        rows.append(
            f"<tr><th scope='row'>{html_text(item.code)}</th><td{title}>{html_text(short)}</td>"
            f"<td>{status}</td>" + "".join(f"<td>{n}</td>" for n in numbers) + "</tr>"
        )
    header = "".join(
        f"<th scope='col'>{html_text(loc.gettext(h))}</th>"
        for h in ("Code", "Indicator", "Status", "Achieved", "Target", "Achievement rate")
    )
    table = (
        f"<table class='rf-assessment'><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return _wrap(head + table)


def indicator_html(indicator: Indicator, assessment: IndicatorAssessment | None = None) -> str:
    """An indicator as a card: measure, baseline, target, each value, and its status when assessed."""
    loc = Localizer("en")
    percentage = in_percent(indicator)
    rows = [
        ("Measure", f"{indicator.measure.value}" + (f" ({indicator.unit})" if indicator.unit else "")),
        (
            "Baseline",
            loc.value(indicator.baseline.value, percentage=percentage, qualifier=indicator.baseline.qualifier)
            if indicator.baseline
            else "–",
        ),
        (
            "Target",
            loc.value(indicator.target.value, percentage=percentage, qualifier=indicator.target.qualifier)
            if indicator.target
            else "–",
        ),
    ]
    for record in indicator.achieved:
        rows.append(
            (
                f"Achieved {record.period}",
                loc.value(record.value, percentage=percentage, qualifier=record.qualifier),
            )
        )
    if assessment is not None:
        rate = assessment.achievement_rate
        rows.append(("Status", loc.status(assessment.status)))
        rows.append(("Achievement rate", loc.percent(rate) if rate is not None else "–"))
    body = "".join(f"<tr><th scope='row'>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows)
    caption = f"{indicator.code}: {indicator.statement}"
    return _wrap(f"<table class='rf-indicator'><caption>{html_text(caption)}</caption>{body}</table>")
