"""
Notebook display: short plain reprs, and rich HTML a notebook shows at a glance.

A programme shows its cover line and the MPTF table with statuses; an assessment its
status counts and the table; a table itself.  Everything is escaped as every renderer
escapes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.escape import html_text

if TYPE_CHECKING:
    from ..assessment.progress import Assessment, IndicatorAssessment
    from ..core.model import Indicator, Programme
    from ..tables.table import Table

__all__ = ["assessment_html", "indicator_html", "programme_html", "table_html"]


def table_html(table: Table) -> str:
    from .html import table_html as render  # noqa: PLC0415

    return render(table)


def _counts_line(assessment: Assessment) -> str:
    from ..text.l10n import Localizer  # noqa: PLC0415

    loc = Localizer("en")
    counts = assessment.counts()
    return ", ".join(f"{counts[s]} {loc.status(s).lower()}" for s in counts)


def programme_html(programme: Programme) -> str:
    from ..assessment.progress import assess  # noqa: PLC0415
    from ..tables.mptf import indicator_table  # noqa: PLC0415

    assessment = assess(programme)
    head = f"<p><strong>{html_text(programme.title)}</strong>"
    mptf = programme.identifier("mptf_project")
    if mptf:
        head += f" (MPTF {html_text(mptf)})"
    head += f"<br>{html_text(_counts_line(assessment))}</p>"
    return head + table_html(indicator_table(programme, assessment=assessment, show_status=True))


def assessment_html(assessment: Assessment) -> str:
    from ..tables.mptf import indicator_table  # noqa: PLC0415

    when = f" as of {assessment.as_of}" if assessment.as_of else ""
    head = f"<p><strong>{html_text(assessment.programme.title)}</strong>{html_text(when)}<br>"
    head += f"{html_text(_counts_line(assessment))}</p>"
    table = indicator_table(assessment.programme, assessment=assessment, show_status=True)
    return head + table_html(table)


def indicator_html(indicator: Indicator, assessment: IndicatorAssessment | None = None) -> str:
    from ..text.l10n import Localizer  # noqa: PLC0415

    loc = Localizer("en")
    percentage = indicator.measure.value == "percentage"
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
