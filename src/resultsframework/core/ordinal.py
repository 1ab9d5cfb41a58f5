"""
Answers on an ordered scale (Likert-type questions): respondents per answer, the top box's
share and the mean score, exact.

An ordinal indicator's value is the number of respondents; a breakdown by its scale's
dimension gives the respondents of each answer.  The share of the top box is a :class:`Ratio`
(12 of 14), the mean score a ``Decimal``: never a float, never rounded before it is shown.
A share broken down by answer would pool 8/14 and 6/14 into 14/28; counts per answer add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from .diagnostics import Diagnostic, diagnostic
from .errors import Path, shorten
from .model import Achieved, Breakdown, Dimension, Indicator, Measure, Ratio, Scale, ScaleSummary, Value
from .numbers import divide

__all__ = [
    "Responses",
    "check_scale",
    "figure_unit",
    "in_percent",
    "responses",
    "scale_breakdown",
    "scale_dimension",
]


@attrs.frozen
class Responses:
    """
    The answers to an ordinal indicator's question: how many respondents chose each answer.

    ``Responses(scale, (0, 1, 1, 6, 6)).share == Ratio(12, 14)``.

    .. versionadded:: 0.1.0
    """

    scale: Scale
    """The scale answered."""
    counts: tuple[int, ...]
    """The respondents of each answer, in the scale's order (lowest first)."""
    population: int | None = None
    """How many were asked (the participants counted by the indicator's ``population``), if known."""

    @property
    def respondents(self) -> int:
        """How many answered: the sum of the counts."""
        return sum(self.counts)

    @property
    def top(self) -> tuple[str, ...]:
        """The ids of the answers in the top box, lowest first (``agree``, ``strongly_agree``)."""
        box = max(0, min(self.scale.top_box, len(self.scale.options)))
        return tuple(option.id for option in self.scale.options[len(self.scale.options) - box :])

    @property
    def share(self) -> Ratio:
        """The top box's share of the respondents: ``Ratio(12, 14)``."""
        box = max(0, min(self.scale.top_box, len(self.counts)))
        return Ratio(sum(self.counts[len(self.counts) - box :]), self.respondents)

    @property
    def mean(self) -> Decimal | None:
        """The mean score, exact to 28 digits; ``None`` without respondents or a score for every answer."""
        scores = [option.score for option in self.scale.options]
        if not self.counts or any(score is None for score in scores):
            return None
        weighted = sum(
            (Decimal(n) * Decimal(s) for n, s in zip(self.counts, scores, strict=True) if s is not None),
            Decimal(0),
        )
        return divide(weighted, Decimal(self.respondents))

    @property
    def highest_score(self) -> int | Decimal | None:
        """The highest score an answer has (5 on a five-point scale), if the answers are scored."""
        scores = [option.score for option in self.scale.options if option.score is not None]
        return max(scores) if scores else None

    @property
    def response_rate(self) -> Ratio | None:
        """The respondents' share of those asked (14 of 16), when the population is known."""
        return None if self.population is None else Ratio(self.respondents, self.population)

    @property
    def figure(self) -> Ratio | Decimal | None:
        """The figure the indicator is measured by: the top box's share, or the mean score."""
        if self.scale.measured_by is ScaleSummary.MEAN:
            return self.mean
        return self.share if self.respondents else None


def scale_breakdown(indicator: Indicator, breakdowns: Iterable[Breakdown]) -> Breakdown | None:
    """The first breakdown by the indicator's scale dimension, if any."""
    if indicator.scale is None:
        return None
    for breakdown in breakdowns:
        if indicator.scale.dimension in breakdown.dimensions:
            return breakdown
    return None


def responses(
    indicator: Indicator, records: Iterable[Achieved], population: Value | None = None
) -> Responses | None:
    """
    The answers of *records* together (each its breakdown by the scale's dimension, added).

    ``None`` when the indicator has no scale, or no record breaks its respondents down by
    answer; answers the scale does not have, and values that are not whole numbers, are left
    out (validation reports them).  Several dimensions (answer by sex) add up per answer.
    """
    scale = indicator.scale
    if scale is None:
        return None
    index = {option.id: i for i, option in enumerate(scale.options)}
    counts = [0] * len(scale.options)
    found = False
    for record in records:
        breakdown = scale_breakdown(indicator, record.breakdowns)
        if breakdown is None:
            continue
        found = True
        for cell in breakdown.cells:
            at = index.get(cell.category(scale.dimension) or "")
            if at is not None and type(cell.value) is int:
                counts[at] += cell.value
    if not found:
        return None
    asked = population if type(population) is int else None
    return Responses(scale, tuple(counts), asked)


def scale_dimension(scale: Scale) -> Dimension:
    """The scale as a dimension of breakdowns: its answers are the categories, which add up."""
    return Dimension(scale.dimension, None, tuple(option.id for option in scale.options))


def check_scale(indicator: Indicator, path: Path) -> Iterator[Diagnostic]:
    """
    An ordinal indicator's scale (``scale-missing``, ``scale-invalid``) and whether each value
    breaks its respondents down by answer (``responses-missing``).
    """
    scale = indicator.scale
    if indicator.measure is not Measure.ORDINAL:
        if scale is not None:
            yield diagnostic(
                "scale-invalid",
                (*path, "scale"),
                f"a {indicator.measure.value} indicator has no scale; only an ordinal one is measured on one",
            )
        return
    if scale is None or not scale.options:
        yield diagnostic(
            "scale-missing",
            (*path, "scale") if scale is not None else path,
            "an ordinal indicator needs its scale: the answers, lowest first",
        )
        return
    seen: set[str] = set()
    for index, option in enumerate(scale.options):
        if option.id in seen:
            yield diagnostic(
                "scale-invalid",
                (*path, "scale", "options", index, "id"),
                f"two answers share the id {shorten(option.id)!r}",
            )
        seen.add(option.id)
        if scale.measured_by is ScaleSummary.MEAN and option.score is None:
            yield diagnostic(
                "scale-invalid",
                (*path, "scale", "options", index, "score"),
                f"the answer {shorten(option.id)!r} has no score; a mean score needs one for every answer",
            )
    if not 1 <= scale.top_box <= len(scale.options):
        yield diagnostic(
            "scale-invalid",
            (*path, "scale", "top_box"),
            f"the top box is {scale.top_box} answers; the scale has {len(scale.options)}",
        )
    for index, record in enumerate(indicator.achieved):
        if record.value is not None and type(record.value) is not int:
            yield diagnostic(
                "measure-mismatch",
                (*path, "achieved", index, "value"),
                f"an ordinal indicator's value is its number of respondents, a whole number, found "
                f"{shorten(record.value)}; its share or mean score is computed from the answers",
            )
        elif record.value is not None and scale_breakdown(indicator, record.breakdowns) is None:
            yield diagnostic(
                "responses-missing",
                (*path, "achieved", index, "breakdowns"),
                f"the respondents are not broken down by answer (a breakdown by {scale.dimension!r}); "
                "without it the share and the mean score are not known",
            )


def in_percent(indicator: Indicator) -> bool:
    """Whether the indicator's targets and figures are percentages: a percentage, or an ordinal
    indicator measured by its top box."""
    if indicator.measure is Measure.ORDINAL:
        return indicator.scale is None or indicator.scale.measured_by is ScaleSummary.TOP_BOX
    return indicator.measure is Measure.PERCENTAGE


def figure_unit(indicator: Indicator) -> str | None:
    """The unit written beside the indicator's figures: none for an ordinal one (its figures are
    shares or mean scores, its unit that of the respondents counted)."""
    return None if indicator.measure is Measure.ORDINAL else indicator.unit


def is_mean_score(indicator: Indicator, value: object) -> bool:
    """Whether *value* is a mean score of *indicator*'s scale (shown to one decimal: 4.2)."""
    scale = indicator.scale
    return (
        indicator.measure is Measure.ORDINAL
        and scale is not None
        and scale.measured_by is ScaleSummary.MEAN
        and isinstance(value, Decimal | int)
        and not isinstance(value, bool)
    )
