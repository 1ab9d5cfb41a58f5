"""A short plain-text summary of a programme and where its indicators stand."""

from __future__ import annotations

from decimal import Decimal

from ..assessment.progress import assess
from ..core.model import Measure, Programme, Ratio, Status, Value

__all__ = ["summary"]


def _value(value: Value | None, *, percent: bool = False) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Ratio):
        pct = value.percent
        return f"{value.numerator}/{value.denominator}" + (f" ({pct:.1f}%)" if pct is not None else "")
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return f"{text}%" if percent and isinstance(value, int | Decimal) else text


def summary(programme: Programme) -> str:
    """
    The programme's cover data and a line per indicator with its status.

    .. versionadded:: 0.1.0
    """
    lines = [programme.title]
    mptf = programme.identifier("mptf_project")
    if mptf:
        lines.append(f"MPTF Office project reference: {mptf}")
    if programme.organisations:
        orgs = ", ".join(f"{o.id} ({o.role.value.replace('_', ' ')})" for o in programme.organisations)
        lines.append(f"Organisations: {orgs}")
    budget = programme.budget
    if budget is not None and budget.total_approved is not None:
        lines.append(f"Approved budget: {budget.total_approved.amount:,} {budget.total_approved.currency}")
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
        rate = item.overall.percent
        percent = item.indicator.measure is Measure.PERCENTAGE
        rows.append(
            (
                item.code,
                item.status.value.replace("_", " "),
                _value(item.overall.achieved, percent=percent),
                _value(item.overall.target, percent=percent),
                f"{rate:.1f}%" if rate is not None else "–",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        left = [f"{text:<{width}}" for text, width in zip(row[:2], widths, strict=False)]
        right = [f"{text:>{width}}" for text, width in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join([*left, *right]).rstrip())
    counts = assessment.counts()
    lines.append("")
    lines.append(", ".join(f"{counts[s]} {s.value.replace('_', ' ')}" for s in Status if counts[s]))
    return "\n".join(lines) + "\n"
