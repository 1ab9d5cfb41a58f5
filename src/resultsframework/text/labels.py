"""
The labels of the model's enumerations, in English, marked for translation: one map for all.

A renderer never spells a status, an activity status, a role or a contribution source itself:
it asks :meth:`~resultsframework.Localizer.label`, which translates these.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.model import ActivityStatus, ContributionSource, OrganisationRole, Status


def N_(message: str) -> str:
    """Mark *message* for translation where it is defined; translate it where it is shown."""
    return message


__all__ = ["LABELS", "N_"]

LABELS: Mapping[object, str] = {
    Status.EXCEEDED: N_("Exceeded"),
    Status.ACHIEVED: N_("Achieved"),
    Status.ON_TRACK: N_("On track"),
    Status.BEHIND: N_("Behind"),
    Status.NOT_ACHIEVED: N_("Not achieved"),
    Status.NOT_STARTED: N_("Not started"),
    Status.NOT_CONDUCTED: N_("Not conducted"),
    Status.NOT_ASSESSED: N_("Not assessed"),
    Status.NO_DATA: N_("No data"),
    ActivityStatus.PLANNED: N_("Planned"),
    ActivityStatus.ONGOING: N_("Ongoing"),
    ActivityStatus.COMPLETED: N_("Completed"),
    ActivityStatus.NOT_CONDUCTED: N_("Not conducted"),
    ContributionSource.FUND: N_("MPTF/JP Contribution"),
    ContributionSource.AGENCY: N_("Agency Contribution"),
    ContributionSource.GOVERNMENT: N_("Government Contribution"),
    ContributionSource.DONOR: N_("Other Contributions (donors)"),
    ContributionSource.OTHER: N_("Other Contributions"),
    OrganisationRole.LEAD: N_("Coordinating organization"),
    OrganisationRole.PARTICIPATING: N_("Participating organization"),
    OrganisationRole.IMPLEMENTING_PARTNER: N_("Implementing partner"),
    OrganisationRole.DONOR: N_("Donor"),
    OrganisationRole.GOVERNMENT_COUNTERPART: N_("Government counterpart"),
}
"""The English label of every member of Status, ActivityStatus, ContributionSource and OrganisationRole."""
