"""
Diagnostics: what a check finds, with its severity, a stable code, where, and what is wrong.

Every check of the package returns them: :func:`~resultsframework.validate`,
:func:`~resultsframework.check_quarter`, :func:`~resultsframework.check_breakdown`,
:func:`~resultsframework.validate_iati`.  Each diagnostic's code is one of
:data:`~resultsframework.RULES`, the one table of the checks, which ``docs/validation.md``
lists (a test keeps the two the same).
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping

import attrs

from .errors import Path, format_path, no_such

__all__ = ["RULES", "Diagnostic", "Rule", "Severity", "diagnostic"]


class Severity(enum.StrEnum):
    """How serious a diagnostic is: errors make ``resultsframework validate`` exit 1."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Diagnostic:
    """
    One finding of a check: where it is, what is wrong, and how serious it is.

    :func:`~resultsframework.validate`, :func:`~resultsframework.check_quarter`,
    :func:`~resultsframework.check_breakdown` and :func:`~resultsframework.validate_iati`
    return them.  Its ``code`` is one of :data:`~resultsframework.RULES`, which says what it means;
    ``path`` is where, as a field path (``("outcomes", 0, "code")``), spelled for people by
    :meth:`location`.

    .. versionadded:: 0.1.0
    """

    severity: Severity
    """An error (``resultsframework validate`` exits 1) or a warning."""
    code: str
    """The rule it comes from: ``breakdown-total``, one of :data:`~resultsframework.RULES`."""
    path: Path
    """Where: the field path, ``("outcomes", 0, "outputs", 1, "code")`` (``()`` for the whole file)."""
    message: str
    """What is wrong, in words, with the values concerned."""

    def location(self) -> str:
        """
        The field path as messages spell it: ``outcomes[0].outputs[1].code`` (``$`` for the whole file).

        The same as :meth:`Problem.location <resultsframework.Problem.location>` for load problems,
        which adds the line where it is known.
        """
        return format_path(self.path)

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity} [{self.code}] {self.message}"


@attrs.frozen
class Rule:
    """
    One check a diagnostic can come from: its code, its usual severity and what it means.

    .. versionadded:: 0.1.0
    """

    code: str
    """The stable code diagnostics carry: ``breakdown-total``."""
    severity: Severity
    """The severity of its diagnostics, unless the check says otherwise (``validate``'s
    ``disaggregation="warning"``, or an overlap that a summed indicator would not count twice)."""
    meaning: str
    """What it means, in one sentence."""


def _rules(*rules: tuple[str, Severity, str]) -> Mapping[str, Rule]:
    table = {code: Rule(code, severity, meaning) for code, severity, meaning in rules}
    assert len(table) == len(rules), "a code is listed twice"
    return types.MappingProxyType(table)


_E, _W = Severity.ERROR, Severity.WARNING

RULES: Mapping[str, Rule] = _rules(
    # validate(): the programme
    ("end-before-start", _E, "The original or actual end date, or an activity's end, is before the start."),
    ("extension-reason-missing", _W,
     "The actual end is after the original end, and no extension_reason is given."),
    ("period-inverted", _E, "A period ends before it starts."),
    ("reporting-period-outside-programme", _E, "A reporting period lies outside the programme's dates."),
    ("duplicate-code", _E,
     "Two outcomes, two outputs of one outcome, two activities or two indicators share a code."),
    ("code-hierarchy", _W, "A numbered code contradicts its place: indicator 1.2.3 under output 1.1."),
    ("duplicate-organisation", _E, "Two organisations share an id."),
    ("unknown-organisation", _W,
     "A responsible or reporting organisation is not among the programme's organisations."),
    ("unknown-result", _W, "A lesson or recommendation names a result code the programme does not have."),
    # validate(for_iati=True): what publishing as IATI needs
    ("sector-missing", _W, "The programme states no sectors, and IATI requires one."),
    ("unknown-framework", _W, "A link is to a framework that is not known (shipped or registered)."),
    ("unknown-code", _E, "A link is to a code the (known) framework does not have."),
    ("control-character", _W,
     "A text holds a control character (often pasted from Word) that Word, Excel and HTML cannot hold."),
    # validate(): indicators and their values
    ("currency-missing", _W, "A money indicator has no currency."),
    ("currency-invalid", _E,
     "The budget's, a contribution's or a money indicator's currency is not an ISO 4217 code such as USD."),
    ("money-precision", _W, "An amount has more decimals than its currency: 0.005 USD, or 1.5 JPY."),
    ("target-missing", _W,
     "Values are reported but the indicator has no target value (none, or only its text), "
     "so it is not assessed."),
    ("milestone-period-missing", _E, "A milestone has no period."),
    ("period-outside-programme", _E, "A value's or milestone's period lies outside the programme's dates."),
    ("period-overlap", _E, "Two values of one reporter are for the same or overlapping periods."),
    ("future-period", _W,
     "A value is for a period that starts after the date assessed (as_of, else the end of the "
     "last reporting period), so it is not counted."),
    ("measure-mismatch", _E,
     "A value does not fit the indicator's measure: a number for a yes/no indicator, \"N/A\" for a count."),
    ("negative-count", _E, "A count is below zero."),
    ("qualifier-not-number", _W,
     "A value has a qualifier (more_than, at_least, around, up_to) but is no number: no value, "
     "yes/no or a text, which the qualifier cannot bound."),
    ("second-unit-missing", _E, "A value states a second_value, but its indicator has no second_unit."),
    ("second-value-invalid", _E,
     "A second_value is negative, or has decimals for a count; or a second_unit is on an indicator "
     "that is neither a count nor a number."),
    ("denominator-not-share", _E,
     "A value states a denominator but is no percentage known only as a percent: a count, or a "
     "ratio, which has its own."),
    ("share-not-whole", _W,
     "No whole number gives a percent of a whole number as stated: 83.67% of 7,309 families is "
     "6,115.44, and 6,115 is 83.66%, 6,116 is 83.68%."),
    ("part-of-unknown", _E, "An indicator is part_of a code no indicator of the programme has."),
    ("part-of-cycle", _E,
     "Indicators are parts of each other in a circle: 1.2.2 of 1.2.3, and 1.2.3 of 1.2.2."),
    ("part-of-measure", _E,
     "An indicator is part of one whose measure it cannot be part of: a count of a percentage, an "
     "amount in another currency, a yes/no value."),
    ("part-exceeds-whole", _E,
     "A part's figure is larger than its whole's: in a period, over the programme, or in their "
     "targets or milestones."),
    ("percentage-out-of-range", _E, "A share is outside 0–100, or its numerator is negative."),
    ("numerator-exceeds-denominator", _E, "A share's numerator is larger than its denominator."),
    ("denominator-invalid", _E, "A share's denominator is zero or less."),
    ("breakdown-total", _E, "A breakdown does not add up to its total, or a cell exceeds it."),
    ("breakdown-dimensions", _E, "A breakdown has no dimensions."),
    ("breakdown-cell", _E, "A breakdown's cell is for other dimensions than the breakdown's."),
    ("unknown-dimension", _E, "A breakdown's dimension is neither built in nor defined under dimensions."),
    ("unknown-category", _E,
     "A cell's category is not one of its dimension's, or an age is not a range such as 18-30 or 60+."),
    ("disaggregation-missing", _W, "A value lacks a breakdown the indicator requires."),
    ("status-missing", _W, "A qualitative value lacks the status the report states."),
    ("scale-missing", _E, "An ordinal indicator has no scale (the answers of its question, lowest first)."),
    ("scale-invalid", _E,
     "A scale is not one: two answers share an id, the top box is not 1 to the number of answers, "
     "an answer has no score for a mean score, or an indicator that is not ordinal has one."),
    ("responses-missing", _W,
     "An ordinal value does not break its respondents down by answer, so neither share nor mean is known."),
    ("population-unknown", _E, "An indicator's population names no indicator of the programme."),
    ("respondents-exceed-population", _E,
     "More respondents (an ordinal value, or a share's denominator) than the population indicator counts "
     "for the period."),
    ("variance-missing", _E,
     "An indicator's target was not achieved, no data was reported, the activities were not "
     "conducted or it is behind, and no reason for variance is given."),
    # check_quarter(): a Durable Solutions quarterly report
    ("dstwg-no-indicator", _W, "No indicator links to the DSTWG catalogue."),
    ("dstwg-unknown-code", _E, "A link is to no code of the catalogue."),
    ("dstwg-not-an-indicator", _E,
     "A link is to a strategic objective or sub-criterion, not to a catalogue indicator."),
    ("dstwg-unit", _W, "The indicator's unit is not the catalogue's."),
    ("dstwg-period", _E, "A value's period overlaps the quarter without being it."),
    ("dstwg-no-value", _W, "An indicator linked to the catalogue has no value for the quarter."),
    ("dstwg-disaggregation-missing", _E, "A value lacks a breakdown the catalogue's guidance requires."),
    # roll_up(): a portfolio's figures summed up to a framework's elements
    ("rollup-unit", _W, "An indicator's unit is not the unit of the framework element it counts under."),
    ("rollup-currencies", _W, "An element's amounts are in several currencies, kept apart."),
    # validate_iati(): an IATI document
    ("iati-schema", _E, "An IATI document does not follow the official IATI 2.03 schema."),
    ("iati-rule", _E,
     "An IATI document breaks a rule of IATI's Standard Ruleset (its id, such as 6.2.2, begins "
     "the message; its severity is the rule's, error or warning)."),
    ("iati-codelist", _E,
     "A code in an IATI document is not in its IATI codelist (a withdrawn code: a warning)."),
    # iati_losses(): what the IATI export cannot carry, or does not write
    ("iati-loss", _W,
     "Something the programme states that the IATI export cannot carry, or does not write (its kind, "
     "one of LOSSES, begins the message): from_iati does not give it back."),
    # from_iati(): reading an IATI document back
    ("iati-read-measure", _W,
     "An IATI indicator's measure is nominal or ordinal (or unknown): read as qualitative."),
    ("iati-read-value", _W,
     "An IATI value cannot be read as the indicator's measure takes it (text in a quantitative value, "
     "several totals for one period, a role or date that is not one): read as near as it can be, "
     "or left out."),
    ("iati-read-total", _W,
     "An IATI actual or target is given only per breakdown cell, without a total: left out, or the total "
     "derived with derive_totals=True."),
    ("iati-read-structure", _W,
     "An IATI result does not fit the results chain: an output with no outcome before it, a result "
     "of another type, a second impact."),
    ("iati-read-missing", _W,
     "An IATI activity, result, indicator, period or sector lacks what it needs: a title, dates, a code."),
)  # fmt: skip
"""
Every check of the package, by code: :func:`~resultsframework.validate`'s,
:func:`~resultsframework.check_breakdown`'s (``breakdown-total``),
:func:`~resultsframework.check_quarter`'s (``dstwg-*``), :func:`~resultsframework.roll_up`'s
(``rollup-*``, in :attr:`RollUp.diagnostics <resultsframework.RollUp.diagnostics>`) and
:func:`~resultsframework.validate_iati`'s (``iati-schema``, ``iati-rule``, ``iati-codelist``).
``docs/validation.md``
lists them, with more on each.

.. versionadded:: 0.1.0
"""


def diagnostic(code: str, path: Path, message: str, severity: Severity | None = None) -> Diagnostic:
    """
    A diagnostic of the rule *code*, with the rule's severity unless *severity* is given.

    The package's checks make their diagnostics with it, so none has a code the table lacks.

    Raises:
        KeyError: if no rule has *code*.
    """
    rule = RULES.get(code)
    if rule is None:
        raise KeyError(no_such("rule", code, list(RULES)))
    return Diagnostic(rule.severity if severity is None else severity, code, path, message)
