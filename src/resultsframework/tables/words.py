"""
Figures in words, one way for every table: a figure with its measure ("168/400 (42.0%)",
"1,500 USD", "not reported") and a breakdown ("Sex: 142 female and 169 male; Age: 121 aged
18-24 ... (of 311)"), in the table's language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

import attrs

from ..assessment.parts import whole_figure, whole_of
from ..assessment.progress import Assessment, IndicatorAssessment, Progress
from ..core.model import Activity, Indicator, Measure, Programme, Qualifier, Ratio, Value
from ..core.numbers import is_number
from ..core.ordinal import Responses, figure_unit, in_percent, is_mean_score
from ..core.periods import Period
from ..text.escape import isolate
from ..text.l10n import N_, Localizer

__all__ = ["Broken", "Words", "activity_words", "in_two_units", "stated_value", "unit_words"]

_IN_SHARES = frozenset({Measure.PERCENTAGE, Measure.ORDINAL})
"""Measures whose figures are shares, percents or scores, not numbers in the indicator's unit."""

_COUNTED = re.compile(r"^(?:#|no\.?|number)\s*of\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # a table writes a few units thousands of times
def unit_words(unit: str) -> str:
    """A unit as written beside a number: ``# of persons`` is ``persons`` (600 persons)."""
    return _COUNTED.sub("", unit.strip()) or unit


def stated_value(
    loc: Localizer,
    value: Value | None,
    indicator: Indicator,
    *,
    qualifier: Qualifier | None = None,
    second: int | Decimal | None = None,
    of: Value | None = None,
    of_unit: str | None = None,
    responses: Responses | None = None,
    answered: Ratio | None = None,
) -> str:
    """
    A baseline, target or achieved value as a table shows it, with what the report states beside
    it: its unit ("4 network meetings"), its qualifier ("more than 1,600 persons"), the figure in
    the indicator's second unit ("5,168 households (25,521 individuals)"), and for a percentage
    known only as a percent the whole it is of (*of*, "83.67% of 7,309 families", in *of_unit*,
    else the indicator's unit); an ordinal indicator's *responses* in words ("85.7% agree or
    strongly agree (12 of 14 respondents; mean 4.2 of 5)"); a percentage's respondents of those
    asked, *answered* ("12/14 (85.7%); 14 of 16 answered (87.5%)").  Nothing for no value.
    """
    if value is None:
        return ""
    if type(value) is int and qualifier is None and second is None and indicator.measure not in _IN_SHARES:
        # the usual figure, a whole number in the indicator's unit: what the steps below make of it
        unit = indicator.unit
        return f"{loc.number(value)} {unit_words(unit)}" if unit else loc.number(value)
    if responses is not None:
        return loc.qualified(loc.responses(responses), qualifier)
    percentage = in_percent(indicator)
    unit = figure_unit(indicator)
    numeric = not isinstance(value, (bool, str, Ratio))
    if indicator.measure is Measure.PERCENTAGE and is_number(value) and is_number(of):
        unit = of_unit or unit
        whole = loc.number(of) + (f" {unit_words(unit)}" if unit else "")  # type: ignore[arg-type]
        shown = loc.share(loc.stated_percent(Decimal(value)), whole)  # type: ignore[arg-type]
    else:
        if is_mean_score(indicator, value) and isinstance(value, int | Decimal):
            shown = loc.score(Decimal(value))  # a mean score, to one decimal: 4.0, 4.2
        else:
            shown = loc.value(value, percentage=percentage)
        if unit and not percentage and numeric:
            shown = f"{shown} {unit_words(unit)}"
    if second is not None and indicator.second_unit and numeric:
        shown = in_two_units(loc, shown, second, indicator.second_unit)
    shown = loc.qualified(shown, qualifier)
    told = loc.answered(answered) if isinstance(value, Ratio) else ""
    return f"{shown}{loc.semicolon}{told}" if told else shown


def in_two_units(loc: Localizer, shown: str, second: int | Decimal, unit: str) -> str:
    """A figure as *shown*, with its figure in a *second* unit: ``5,168 (25,521 individuals)``."""
    return loc.two_units(shown, f"{loc.number(second)} {unit_words(unit)}")


RESULT_WORDS: dict[str, str] = {"impact": N_("Impact"), "outcome": N_("Outcome"), "output": N_("Output")}
"""The word of each level of result, as tables and reports name them ("Output 1.2")."""


def result_names(loc: Localizer, programme: Programme, codes: Iterable[str]) -> str:
    """
    Results by their words and codes, as the report names them: "Outcome 1, Output 1.2"; a
    code that is not a result's, or is several results' (an outcome 1 and an output 1), as is.
    """
    kinds: dict[str, set[str]] = {}
    for node in programme.walk("impact", "outcome", "output"):
        if node.item.code is not None:
            kinds.setdefault(node.item.code, set()).add(node.kind)
    named = []
    for code in codes:
        (kind,) = kinds[code] if len(kinds.get(code, ())) == 1 else (None,)
        named.append(f"{loc.gettext(RESULT_WORDS[kind])} {loc.code(code)}" if kind else loc.code(code))
    return loc.comma.join(named)


def progress_words(
    loc: Localizer,
    assessment: Assessment,
    item: IndicatorAssessment,
    progress: Progress,
    *,
    unit: bool = True,
) -> str:
    """
    A period's or the programme's achieved figure as shown, with the whole it is part of:
    "1,148 persons of the 11,729 (indicator 1.2.1)", "83.67% of 7,309 families"; without
    *unit*, the figure without its (first) unit, as a period's column shows it.
    """
    indicator = item.indicator if unit else attrs.evolve(item.indicator, unit=None)
    whole = whole_of(assessment, item)
    figure = whole_figure(whole, progress.period) if whole is not None else None
    of: Value | None = progress.denominator
    if of is None and whole is not None and indicator.measure is Measure.PERCENTAGE:
        of = figure
    of_unit = whole.indicator.unit if whole is not None and progress.denominator is None else None
    text = stated_value(
        loc,
        progress.achieved,
        indicator,
        qualifier=progress.qualifier,
        second=progress.second,
        of=of,
        of_unit=of_unit,
        responses=progress.responses,
        answered=progress.response_rate,
    )
    if whole is None or indicator.measure is Measure.PERCENTAGE or figure is None or not text:
        return text
    bare = attrs.evolve(whole.indicator, unit=None, second_unit=None)  # "of the 11,729"
    return loc.part(text, stated_value(loc, figure, bare), whole.code)


def activity_words(loc: Localizer, activity: Activity) -> str:
    """Who leads an activity and when it runs: "led by IOM, March–June 2024"; nothing if neither."""
    _ = loc.gettext
    parts = []
    if activity.lead:
        parts.append(_(N_("led by {organisation}")).format(organisation=activity.lead))
    start, end = activity.start, activity.end
    if start is not None and end is not None and start <= end:
        parts.append(loc.period(Period(start, end)))
    elif start is not None and end is None:
        parts.append(_(N_("from {date}")).format(date=loc.date(start)))
    elif end is not None and start is None:
        parts.append(_(N_("until {date}")).format(date=loc.date(end)))
    elif start is not None and end is not None:  # as written, though it ends before it starts
        parts.append(f"{loc.date(start)} \u2013 {loc.date(end)}")
    return loc.comma.join(parts)


class Broken(Protocol):
    """What has a breakdown to write: a contributing indicator or a total of the roll-up."""

    @property
    def measure(self) -> Measure: ...
    @property
    def value(self) -> Value | None: ...
    @property
    def dimensions(self) -> tuple[str, ...]: ...
    def breakdown(self, dimension: str) -> dict[str, Value]: ...
    def broken_down(self, dimension: str) -> Value | None: ...


class Words:
    """Figures, units and breakdowns in words, in one language."""

    def __init__(self, loc: Localizer, programmes: Iterable[Programme]) -> None:
        self.loc = loc
        self.labels: dict[str, str] = {}
        for programme in programmes:
            for dimension in programme.dimensions:
                self.labels.setdefault(dimension.id, loc.dimension(dimension.id, dimension.label))

    def figure(self, value: Value | None, measure: Measure, currency: str | None = None) -> str:
        _ = self.loc.gettext
        if value is None:
            return _(N_("not reported"))
        if measure is Measure.ORDINAL and isinstance(value, Decimal):  # a mean score
            return self.loc.score(value)
        if measure is Measure.MONEY and currency and not isinstance(value, (bool, str, Ratio)):
            return f"{self.loc.number(value)} {currency}"
        return self.loc.value(value, percentage=measure is Measure.PERCENTAGE)

    def breakdown(self, of: Broken) -> str:
        """``Sex: 142 female and 169 male`` per dimension, a line each; a partial one says of what."""
        lines = []
        for dimension in of.dimensions:
            parts = of.breakdown(dimension)
            if not parts:
                continue
            label = self.labels.get(dimension) or self.loc.dimension(dimension)
            categories = self.loc.listing(  # each "24 minor" a run of its own beside Arabic's "و"
                self.run(self.category(dimension, c, v, of.measure)) for c, v in parts.items()
            )
            covered = of.broken_down(dimension)
            value = of.value
            partial = covered is not None and value is not None and covered != value
            of_what = (
                " " + self.loc.gettext(N_("(of {value})")).format(value=self.figure(covered, of.measure))
                if partial
                else ""
            )
            heading = self.run(label[:1].upper() + label[1:])  # the programme's words, in their direction
            # An Arabic sentence whose words are the programme's English ones reads right to left:
            # a right-to-left mark leads it, which an isolate or <bdi> takes its direction from.
            lead = "\u200f" if self.loc.rtl else ""
            lines.append(f"{lead}{self.loc.colon(heading)} {categories}{of_what}")
        return "\n".join(lines)

    def run(self, text: str) -> str:
        """*text* kept in its own direction inside right-to-left text (a code, "142 female")."""
        return isolate(text) if self.loc.rtl else text

    def category(self, dimension: str, category: str, value: Value, measure: Measure) -> str:
        """``142 female``, ``121 aged 18-24``."""
        figure = self.figure(value, measure)
        if dimension == "age":
            return self.loc.gettext(N_("{value} aged {range}")).format(value=figure, range=category)
        return f"{figure} {self.loc.category(dimension, category)}"
