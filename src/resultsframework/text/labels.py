"""
The labels of the model's enumerations, in English, marked for translation: one map for all.

A renderer never spells a status, an activity status, a role or a contribution source itself:
it asks :meth:`~resultsframework.Localizer.label`, which translates these.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping

from ..core.model import (
    ActivityStatus,
    ContributionSource,
    Frequency,
    OrganisationRole,
    RiskKind,
    RiskLevel,
    RiskStatus,
    Status,
)


def N_(message: str) -> str:
    """Mark *message* for translation where it is defined; translate it where it is shown."""
    return message


__all__ = ["ANSWER_LABELS", "CATEGORY_LABELS", "DIMENSION_LABELS", "LABELS", "N_"]


class _MemberLabels(Mapping[enum.Enum, str]):
    """
    Labels keyed by enumeration member, telling members of different enumerations apart.

    The enumerations are string enumerations, so ``ContributionSource.DONOR`` and
    ``OrganisationRole.DONOR`` are equal as keys of a plain dict (both ``"donor"``), and the
    second label would replace the first: they are given as pairs, never as a dict.
    """

    def __init__(self, labels: Iterable[tuple[enum.Enum, str]]) -> None:
        self._labels = {(type(member), member): label for member, label in labels}

    def __getitem__(self, member: enum.Enum) -> str:
        return self._labels[type(member), member]

    def __iter__(self) -> Iterator[enum.Enum]:
        return (member for _kind, member in self._labels)

    def __len__(self) -> int:
        return len(self._labels)


LABELS: Mapping[enum.Enum, str] = _MemberLabels(
    (
        (Status.EXCEEDED, N_("Exceeded")),
        (Status.ACHIEVED, N_("Achieved")),
        (Status.ON_TRACK, N_("On track")),
        (Status.BEHIND, N_("Behind")),
        (Status.NOT_ACHIEVED, N_("Not achieved")),
        (Status.NOT_STARTED, N_("Not started")),
        (Status.NOT_CONDUCTED, N_("Not conducted")),
        (Status.NOT_ASSESSED, N_("Not assessed")),
        (Status.NO_DATA, N_("No data")),
        (ActivityStatus.PLANNED, N_("Planned")),
        (ActivityStatus.ONGOING, N_("Ongoing")),
        (ActivityStatus.COMPLETED, N_("Completed")),
        (ActivityStatus.NOT_CONDUCTED, N_("Not conducted")),
        (ContributionSource.FUND, N_("MPTF/JP Contribution")),
        (ContributionSource.AGENCY, N_("Agency Contribution")),
        (ContributionSource.GOVERNMENT, N_("Government Contribution")),
        (ContributionSource.DONOR, N_("Other Contributions (donors)")),
        (ContributionSource.OTHER, N_("Other Contributions")),
        (OrganisationRole.LEAD, N_("Coordinating organization")),
        (OrganisationRole.PARTICIPATING, N_("Participating organization")),
        (OrganisationRole.IMPLEMENTING_PARTNER, N_("Implementing partner")),
        (OrganisationRole.DONOR, N_("Donor")),
        (OrganisationRole.GOVERNMENT_COUNTERPART, N_("Government counterpart")),
        (Frequency.CONTINUOUS, N_("Continuous")),
        (Frequency.WEEKLY, N_("Weekly")),
        (Frequency.MONTHLY, N_("Monthly")),
        (Frequency.QUARTERLY, N_("Quarterly")),
        (Frequency.SEMIANNUAL, N_("Every six months")),
        (Frequency.ANNUAL, N_("Annual")),
        (Frequency.PER_EVENT, N_("At each event")),
        (Frequency.BASELINE_ENDLINE, N_("Baseline and endline")),
        (Frequency.ONCE, N_("Once")),
        (RiskKind.ASSUMPTION, N_("Assumption")),
        (RiskKind.RISK, N_("Risk")),
        (RiskLevel.LOW, N_("Low")),
        (RiskLevel.MEDIUM, N_("Medium")),
        (RiskLevel.HIGH, N_("High")),
        (RiskStatus.OPEN, N_("Open")),
        (RiskStatus.MATERIALISED, N_("Materialised")),
        (RiskStatus.CLOSED, N_("Closed")),
    )
)
"""The English label of every member of Status, ActivityStatus, ContributionSource, OrganisationRole,
Frequency, RiskKind, RiskLevel and RiskStatus."""

DIMENSION_LABELS: Mapping[str, str] = {
    "sex": N_("Sex"),
    "age": N_("Age"),
    "disability": N_("Disability"),
    "population_group": N_("Population group"),
    "location": N_("Location"),
}
"""The labels of the built-in dimensions (``resultsframework.core.disaggregation.BUILTIN_DIMENSIONS``)."""

CATEGORY_LABELS: Mapping[tuple[str, str], str] = {
    ("sex", "female"): N_("female"),
    ("sex", "male"): N_("male"),
    ("sex", "other"): N_("other"),
    ("sex", "unknown"): N_("unknown"),
    ("disability", "with_disability"): N_("with disability"),
    ("disability", "without_disability"): N_("without disability"),
    ("disability", "unknown"): N_("unknown"),
    ("population_group", "idp"): N_("IDPs"),
    ("population_group", "returnee"): N_("returnees"),
    ("population_group", "host_community"): N_("host community"),
    ("population_group", "refugee"): N_("refugees"),
    ("population_group", "migrant"): N_("migrants"),
    ("population_group", "stateless"): N_("stateless"),
    ("population_group", "other"): N_("other"),
}
"""The labels of the built-in dimensions' categories; any other category is shown as written."""

ANSWER_LABELS: Mapping[str, str] = {
    "strongly_disagree": N_("strongly disagree"),
    "disagree": N_("disagree"),
    "neutral": N_("neither agree nor disagree"),
    "agree": N_("agree"),
    "strongly_agree": N_("strongly agree"),
}
"""The labels of the answers of the usual five-point agreement scale, by id, as a phrase writes
them ("agree or strongly agree"); a scale's own labels take their place."""
