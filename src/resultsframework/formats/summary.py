"""A short plain-text summary of a programme and where its indicators stand."""

from __future__ import annotations

from ..assessment.progress import assess
from ..core.model import Measure, Programme, Status
from ..text.l10n import Localizer

__all__ = ["summary"]


def summary(programme: Programme) -> str:
    """
    The programme's cover data and a line per indicator with its status.

    .. versionadded:: 0.1.0
    """
    loc = Localizer("en")
    lines = [programme.title]
    mptf = programme.identifier("mptf_project")
    if mptf:
        lines.append(f"MPTF Office project reference: {mptf}")
    if programme.organisations:
        orgs = ", ".join(f"{o.id} ({loc.label(o.role).lower()})" for o in programme.organisations)
        lines.append(f"Organisations: {orgs}")
    budget = programme.budget
    if budget is not None and budget.total_approved is not None:
        lines.append(f"Approved budget: {loc.money(budget.total_approved)}")
    dates = programme.dates
    if dates is not None and dates.duration is not None:
        line = f"Duration: {dates.duration.start} to {dates.duration.end} ({dates.duration.months} months)"
        if dates.extended:
            line += f", extended from {dates.original_end}"
        lines.append(line)
    outputs = sum(len(o.outputs) for o in programme.outcomes)
    activities = sum(1 for _ in programme.activities())
    assessment = assess(programme)
    lines.append(
        f"{len(programme.outcomes)} outcome(s), {outputs} output(s), {activities} activities, "
        f"{len(assessment)} indicators"
    )
    if assessment.as_of is not None:
        lines.append(f"Assessed as of {assessment.as_of}")
    lines.append("")
    rows = [("code", "status", "achieved", "target", "rate")]
    for item in assessment.indicators:
        percent = item.indicator.measure is Measure.PERCENTAGE
        rows.append(
            (
                item.code,
                loc.status(item.status).lower(),
                loc.value(item.overall.achieved, percentage=percent),
                loc.value(item.overall.target, percentage=percent),
                loc.percent(item.overall.achievement_rate)
                if item.overall.achievement_rate is not None
                else "–",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        left = [f"{text:<{width}}" for text, width in zip(row[:2], widths, strict=False)]
        right = [f"{text:>{width}}" for text, width in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join([*left, *right]).rstrip())
    counts = assessment.counts()
    lines.append("")
    lines.append(", ".join(f"{counts[s]} {loc.status(s).lower()}" for s in Status if counts[s]))
    return "\n".join(lines) + "\n"
