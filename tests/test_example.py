"""The first real programme: seed 000, MPTF 00127216, as the final report states it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import resultsframework as rf


class TestCover:
    def test_cover_data(self, example: rf.Programme) -> None:
        assert "Supporting the United Nations Network on Migration in Iraq" == example.title
        assert "00127216" == example.identifier("mptf_project")
        assert [("IOM", rf.OrganisationRole.LEAD), ("UNDP", rf.OrganisationRole.PARTICIPATING)] == [
            (o.id, o.role) for o in example.organisations
        ]
        assert rf.Money(Decimal(600000), "USD") == example.budget.total_approved  # type: ignore[union-attr]

    def test_dates_and_extension(self, example: rf.Programme) -> None:
        """1 May 2021 – 30 September 2021, extended to 30 December 2021: 8 months."""
        dates = example.dates
        assert dates is not None
        assert (date(2021, 5, 1), date(2021, 9, 30), date(2021, 12, 30)) == (
            dates.start,
            dates.original_end,
            dates.actual_end,
        )
        assert dates.extended
        assert 8 == dates.duration.months  # type: ignore[union-attr]

    def test_reporting_period(self, example: rf.Programme) -> None:
        assert (rf.Period.parse("May 2021 to December 2021"),) == example.reporting_periods

    def test_submitted_by(self, example: rf.Programme) -> None:
        assert rf.Contact("Giorgi Gigauri", "IOM Iraq Chief of Mission", "IOM", "ggigauri@iom.int") == (
            example.submitted_by
        )


class TestResults:
    def test_hierarchy(self, example: rf.Programme) -> None:
        (outcome,) = example.outcomes
        assert "Enhanced institutional capacity for comprehensive evidence-based migration management" == (
            outcome.statement
        )
        assert ["1", "2", "3", "4"] == [o.code for o in outcome.outputs]
        assert [f"1.{o}.{i}" for o, n in ((1, 4), (2, 4), (3, 2), (4, 4)) for i in range(1, n + 1)] == [
            i.code for i in example.indicators()
        ]

    def test_every_activity_with_agency_and_status(self, example: rf.Programme) -> None:
        activities = {a.code: a for _, a in example.activities()}
        assert 13 == len(activities)
        assert ("IOM",) == activities["1.1"].responsible
        assert ("UNDP",) == activities["4.4"].responsible
        not_conducted = sorted(
            c for c, a in activities.items() if a.status is rf.ActivityStatus.NOT_CONDUCTED
        )
        assert ["4.1", "4.2"] == not_conducted
        assert "Iraqi Parliament elections" in (activities["4.1"].status_reason or "")
        assert "directly linked to Activity 4.1" in (activities["4.2"].status_reason or "")

    @pytest.mark.parametrize(
        ("code", "baseline", "target", "value", "variance", "source"),
        [
            (
                "1.1.1",
                0,
                4,
                6,
                "None",
                "Meeting agenda, minutes, recordings (with permission) and action points.",
            ),
            (
                "1.1.2",
                None,
                60,
                20,
                "The focal point list contains 51 members",
                "Network member focal point list",
            ),
            (
                "1.1.3",
                None,
                True,
                True,
                "None. Strategy was seen as more appropriate",
                "Availability of strategy",
            ),
            ("1.1.4", None, True, True, "None", "Priority Working Group ToR"),
            ("1.2.1", None, 4, 4, "None", "List of participants, agenda and photographs"),
            ("1.2.2", None, True, True, "None", "Report available"),
            ("1.2.3", None, 3, 4, "None", "List of participants, agenda and photographs"),
            ("1.2.4", None, 3, 5, "None", "Meeting minutes"),
            ("1.3.1", None, True, True, "None", "Research available"),
            ("1.3.2", None, True, True, "None", "Research available"),
            ("1.4.1", None, 70, None, "Due to challenges posed by the context", None),
            ("1.4.2", None, 6, None, "Due to challenges posed by the context", None),
            ("1.4.3", None, True, True, "None", "Guidelines available"),
            ("1.4.4", None, 5, 5, "None", "Agenda, list of participants, photographs"),
        ],
    )
    def test_indicator_as_the_report_states_it(
        self, example: rf.Programme, code, baseline, target, value, variance, source
    ) -> None:
        """Baseline, planned target, achieved value, reason for variance and source of verification."""
        indicator = example.indicator(code)
        (achieved,) = indicator.achieved
        assert baseline == (indicator.baseline.value if indicator.baseline else None)
        assert target == indicator.target.value  # type: ignore[union-attr]
        assert value == achieved.value
        assert achieved.variance is not None
        assert achieved.variance.reason.startswith(variance)
        if source is None:
            assert achieved.source is None
        else:
            assert achieved.source is not None
            assert achieved.source.startswith(source)

    def test_narratives_are_kept_as_written(self, example: rf.Programme) -> None:
        indicator = example.indicator("1.1.2")
        assert "51 members/20 partners (including IOM)" == indicator.achieved[0].narrative
        assert "60 Network partners attending Network meetings" == indicator.target.text  # type: ignore[union-attr]
        assert {"executive_summary", "purpose", "qualitative_assessment", "lessons_learned"} <= set(
            example.narrative
        )
