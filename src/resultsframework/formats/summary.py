"""A short plain-text summary of a programme and where its indicators stand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ..assessment.progress import assess
from ..core.model import Indicator, Programme, Qualifier, Status, Value
from ..core.ordinal import in_percent, is_mean_score
from ..core.periods import Period
from ..text.l10n import Localizer

__all__ = ["summary"]


def _duration(period: Period) -> str:
    """
    How long *period* lasts, as reports say it: ``8 months``, ``1 month``, ``3 weeks``, ``2 days``.

    A period of a month or more counts its months, a month begun counting whole (1 May to
    30 December is 8 months, as MPTF reports state it; for a period starting on the 1st this
    is :attr:`Period.months <resultsframework.Period.months>`); a shorter one counts its days,
    in weeks when they are whole weeks.
    """
    start, end = period.start, period.end
    days = (end - start).days + 1
    if days <= 0:
        return f"{start} to {end}"
    # Counted up to the end, never past it: the day after 9999-12-31 is no date.
    month_later = _months_later(start, 1)
    if month_later is None:  # from December 9999: a whole month only from the 1st to the 31st
        whole = start.day == 1 and end == date.max
    else:
        whole = month_later - timedelta(days=1) <= end
    if whole:  # a month or more
        months = (end.year - start.year) * 12 + end.month - start.month  # to the end's month
        in_last = _months_later(start, months)  # in the end's month: never past 9999
        return _count(months + (in_last is not None and in_last <= end), "month")
    if days % 7 == 0:
        return _count(days // 7, "week")
    return _count(days, "day")


def _months_later(day: date, months: int) -> date | None:
    """The same day *months* later (the month's last day if it is shorter); None after 9999."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return None


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


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
        line = f"Duration: {dates.duration.start} to {dates.duration.end} ({_duration(dates.duration)})"
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
        rows.append(
            (
                item.code,
                loc.status(item.status).lower(),
                _figure(loc, item.indicator, item.overall.achieved, item.overall.qualifier),
                _figure(loc, item.indicator, item.overall.target, None),
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


def _figure(loc: Localizer, indicator: Indicator, value: Value | None, qualifier: Qualifier | None) -> str:
    """A figure as the summary shows it: a mean score to one decimal (4.2), else as tables do."""
    if is_mean_score(indicator, value) and isinstance(value, int | Decimal):
        return loc.qualified(loc.score(Decimal(value)), qualifier)  # a mean score, to one decimal
    return loc.value(value, percentage=in_percent(indicator), qualifier=qualifier)
