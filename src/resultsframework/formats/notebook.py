"""
Notebook display: short plain reprs, and rich HTML a notebook shows at a glance.

A programme shows what it states (its cover line and each indicator with its baseline, target
and how many values it holds) and computes nothing; an assessment shows its status counts and
the MPTF table with statuses; an indicator's assessment a card.  Tables display themselves
through the HTML format.  Everything is escaped as every renderer escapes it.

The model, assessment and table classes reach this module from their ``_repr_html_`` methods:
the one place where a lower layer calls a higher one, and only when a notebook asks.
"""

from __future__ import annotations

from ..assessment.progress import Assessment, IndicatorAssessment
from ..core.model import Indicator, Measure, Programme
from ..tables.mptf import indicator_table
from ..text.escape import html_text
from ..text.l10n import Localizer
from .html import table_html

__all__ = ["assessment_html", "indicator_html", "programme_html"]


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
        percentage = indicator.measure is Measure.PERCENTAGE
        baseline = indicator.baseline.value if indicator.baseline else None
        target = indicator.target.value if indicator.target else None
        cells = (
            indicator.code,
            indicator.statement,
            loc.value(baseline, percentage=percentage),
            loc.value(target, percentage=percentage),
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
    return _head(programme, line) + table


def assessment_html(assessment: Assessment) -> str:
    """The assessment: its status counts, then the MPTF table with statuses."""
    loc = Localizer("en")
    when = f"As of {assessment.as_of}: " if assessment.as_of else ""
    head = _head(assessment.programme, when + _counts_line(assessment, loc))
    table = indicator_table(assessment.programme, assessment=assessment, show_status=True, locale=loc)
    return head + table_html(table)


def indicator_html(indicator: Indicator, assessment: IndicatorAssessment | None = None) -> str:
    """An indicator as a card: measure, baseline, target, each value, and its status when assessed."""
    loc = Localizer("en")
    percentage = indicator.measure is Measure.PERCENTAGE
    rows = [
        ("Measure", f"{indicator.measure.value}" + (f" ({indicator.unit})" if indicator.unit else "")),
        (
            "Baseline",
            loc.value(indicator.baseline.value if indicator.baseline else None, percentage=percentage),
        ),
        ("Target", loc.value(indicator.target.value if indicator.target else None, percentage=percentage)),
    ]
    for record in indicator.achieved:
        rows.append((f"Achieved {record.period}", loc.value(record.value, percentage=percentage)))
    if assessment is not None:
        rate = assessment.achievement_rate
        rows.append(("Status", loc.status(assessment.status)))
        rows.append(("Achievement rate", loc.percent(rate) if rate is not None else "–"))
    body = "".join(f"<tr><th scope='row'>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows)
    caption = f"{indicator.code}: {indicator.statement}"
    return f"<table class='rf-indicator'><caption>{html_text(caption)}</caption>{body}</table>"
